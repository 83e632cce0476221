"""QA: ``studyapp export --format csv`` with a deck id nobody knows says so.

Found by using the app: a typo (``--deck nope``) printed "Exported 0 answers of deck 'nope'" and
exit status 0, as if the history were simply empty. A deck that is no longer loaded but has
answers filed under it still exports (its history is kept when a file is removed).
"""

from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

from studyapp.interop.commands import run_interop
from studyapp.paths import DataPaths
from studyapp.store import open_store


def _args(tmp_path: Path, deck: str) -> Namespace:
    return Namespace(command="export", deck=deck, format="csv", out=str(tmp_path / "h.csv"),
                     data_dir=str(tmp_path / "data"), questions=[])


def _studied(tmp_path: Path) -> None:
    """A data folder with a database (nothing needs to be in it)."""
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir(parents=True)
    open_store(paths.database, backups_dir=paths.backups, auto_backup=False).store.close()


def test_unknown_deck_without_history_is_reported(tmp_path: Path) -> None:
    _studied(tmp_path)
    out = io.StringIO()
    assert run_interop(_args(tmp_path, "nope"), {}, out) == 1
    text = out.getvalue()
    assert "no deck 'nope'" in text
    assert "belarus-west-2025" in text  # the loaded decks are named, to spot the typo


def test_loaded_deck_without_history_exports_cleanly(tmp_path: Path) -> None:
    _studied(tmp_path)
    out = io.StringIO()
    assert run_interop(_args(tmp_path, "belarus-west-2025"), {}, out) == 0
    assert "Exported 0 answers of deck 'belarus-west-2025'" in out.getvalue()
