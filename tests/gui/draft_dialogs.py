"""Draft dialogs made by the tests, and the seeds article they draft.

A dialog built in a test has no parent: the Python wrapper owns it. Without a reference kept
here, the last one could be a "Replace file?" box's callback, and the dialog would be deleted
from inside the destructor of that box, its own child (in the app the window owns the dialog).
``keep_draft_dialogs_alive`` (an autouse fixture in the modules that import it) lets go of them
after each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.ui.draft_dialog import DraftDialog

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "seeds" / "000_f104dea7fb288af0.txt"

_ALIVE: list[DraftDialog] = []


@pytest.fixture(autouse=True)
def keep_draft_dialogs_alive() -> Iterator[None]:
    yield
    _ALIVE.clear()


def new_draft_dialog(qtbot: QtBot, target: Path) -> DraftDialog:
    """An empty draft dialog saving into ``target``, shown, kept alive until the test ends."""
    dialog = DraftDialog(target)
    qtbot.addWidget(dialog)
    _ALIVE.append(dialog)
    dialog.show()
    return dialog
