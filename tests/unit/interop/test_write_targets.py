"""``export``, ``draft`` and ``import`` never destroy a file: not studyapp's database, journals,
backups or lock (even with ``--force``), not an existing file without ``--force``, not the old
file when a write fails midway; and what they write gets the mode the umask gives."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from interophelpers import ARTICLE, SAMPLES, load_clean

from studyapp.cli import main
from studyapp.grading import Outcome
from studyapp.paths import DataPaths
from studyapp.store import Attempt, Mode, open_store

DECK = "belarus-west-2025"
T0 = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def data(tmp_path: Path) -> DataPaths:
    """A data folder as the app leaves it: a database with an answer, journals, a lock and a backup."""
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir()
    store = open_store(paths.database, backups_dir=paths.backups, auto_backup=False, now=T0).store
    try:
        store.record_attempt(Attempt(DECK, "q1", "h", Mode.QUIZ, '"x"', Outcome.RIGHT, 1.0, 900, T0))
    finally:
        store.close()
    paths.backups.mkdir()
    (paths.backups / "studyapp-20260310-120000.sqlite3").write_bytes(paths.database.read_bytes())
    for side in ("-wal", "-shm"):
        Path(f"{paths.database}{side}").write_bytes(b"side file " + side.encode())
    paths.lock.write_text("12345\nstudyapp\nhost\n")
    return paths



def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _export(data: DataPaths, fmt: str, out: Path, *extra: str) -> int:
    return main(["export", "--data-dir", str(data.root), "--deck", DECK, "--format", fmt, *extra, str(out)])


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
@pytest.mark.parametrize("name", ["studyapp.sqlite3", "studyapp.sqlite3-wal", "studyapp.sqlite3-shm",
                                  "studyapp.sqlite3-journal", "studyapp.lock",
                                  "backups/studyapp-20260310-120000.sqlite3", "backups/history.csv"])
def test_export_never_writes_over_the_database_journals_backups_or_lock(
    data: DataPaths, name: str, force: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(data.root)
    assert _export(data, "csv", data.root / name, *force) == 2
    assert "never written over, even with --force" in capsys.readouterr().out
    assert _files(data.root) == before  # the database's bytes, and every other file's, unchanged


@pytest.mark.parametrize("fmt", ["gift", "apkg"])
def test_gift_and_apkg_exports_never_replace_the_database_either(
    data: DataPaths, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(data.root)
    assert _export(data, fmt, data.database, "--force") == 2
    assert "is studyapp's database" in capsys.readouterr().out
    assert _files(data.root) == before


def test_a_link_to_the_database_is_refused_too(data: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "link.csv").symlink_to(data.database)
    os.link(data.database, tmp_path / "hard.csv")
    before = _files(data.root)
    assert _export(data, "csv", tmp_path / "link.csv", "--force") == 2
    assert _export(data, "csv", tmp_path / "hard.csv", "--force") == 2
    # Without --data-dir the database is still found: it sits where the target resolves to.
    assert main(["export", "--deck", DECK, "--format", "gift", "--force", str(tmp_path / "link.csv")]) == 2
    assert capsys.readouterr().out.count("is studyapp's database") == 3
    assert _files(data.root) == before


@pytest.mark.parametrize("fmt", ["csv", "gift", "apkg"])
def test_export_replaces_an_existing_file_only_with_force(
    data: DataPaths, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"mine.{fmt}"
    target.write_text("deck: mine  # hand-written\n")
    assert _export(data, fmt, target) == 1
    assert "exists; choose another name, or pass --force to replace it" in capsys.readouterr().out
    assert target.read_text() == "deck: mine  # hand-written\n"
    assert _export(data, fmt, target, "--force") in (0, 1)  # 1: questions the format cannot hold
    assert "Exported" in capsys.readouterr().out
    assert target.read_bytes() != b"deck: mine  # hand-written\n" and target.stat().st_size > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", target.name]  # no temporary file left


def test_draft_and_import_replace_a_foreign_file_only_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("deck: mine\n")
    draft = ["draft", str(ARTICLE), "--deck", "mine", "--title", "Mine", "-o", str(mine)]
    imp = ["import", str(SAMPLES / "quizlet.txt"), "--deck", "mine", "--title", "Mine", "-o", str(mine)]
    for argv in (draft, imp):
        assert main(argv) == 1
        assert "was not written by studyapp" in capsys.readouterr().out and mine.read_text() == "deck: mine\n"
    assert main([*imp, "--force"]) == 0
    assert len(load_clean(mine).questions) == 4
    assert main([*draft, "--force"]) == 0
    assert len(load_clean(mine).questions) > 4  # the draft replaced the 4 imported questions


def test_draft_and_import_never_write_into_the_data_folder_s_files(data: DataPaths, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    before = _files(data.root)
    env = {**os.environ, "STUDYAPP_DATA_DIR": str(data.root)}
    code = subprocess.run(
        [sys.executable, "-m", "studyapp", "import", str(SAMPLES / "quizlet.txt"), "--deck", "x", "--title", "X",
         "--force", "-o", str(data.database)], env=env, capture_output=True, text=True, check=False)
    assert code.returncode == 2 and "is studyapp's database" in code.stdout and code.stderr == ""
    assert main(["draft", str(ARTICLE), "--deck", "x", "--title", "X", "--force", "-o", str(data.lock)]) == 2
    assert "is studyapp's lock file" in capsys.readouterr().out
    assert _files(data.root) == before


@pytest.mark.parametrize(("mask", "mode"), [(0o027, 0o640), (0o002, 0o664)], ids=["umask-027", "umask-002"])
def test_written_files_get_the_mode_the_umask_gives(
    data: DataPaths, tmp_path: Path, umask: Callable[[int], int], mask: int, mode: int
) -> None:
    umask(mask)
    out = tmp_path / "out"
    for fmt in ("csv", "gift", "apkg"):
        assert _export(data, fmt, out / f"deck.{fmt}") in (0, 1)
    assert main(["draft", str(ARTICLE), "--deck", "drafted", "--title", "D", "-o", str(out / "drafted.yaml")]) == 0
    assert main(["import", str(SAMPLES / "quizlet.txt"), "--deck", "q", "--title", "Q", "-o", str(out / "q.yaml")]) == 0
    written = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir()}
    # the draft's article copy too: the article is more than one folder away
    assert written == dict.fromkeys(["deck.csv", "deck.gift", "deck.apkg", "drafted.yaml", "q.yaml", ARTICLE.name], mode)


FILE_SIZE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
from studyapp.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("fmt", ["gift", "apkg"])
def test_a_write_failing_midway_leaves_the_old_file_and_no_temporary_file(data: DataPaths, tmp_path: Path, fmt: str) -> None:
    """The file system refuses the write after 2,000 bytes (as a full disk would)."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"deck.{fmt}"
    target.write_bytes(b"the old export\n")
    run = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, "export", "--data-dir", str(data.root), "--deck", DECK,
         "--format", fmt, "--force", str(target)], capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert f"cannot write {target}" in run.stdout and "nothing was changed" in run.stdout
    assert run.stderr == ""  # no traceback
    assert target.read_bytes() == b"the old export\n"
    assert [p.name for p in out.iterdir()] == [target.name]
