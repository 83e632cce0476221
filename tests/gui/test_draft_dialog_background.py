"""Drafting runs on a worker thread: the dialog keeps processing events while a long article is
drafted, and Cancel (or Esc) stops it without a result and without a traceback."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from draft_dialogs import ARTICLE, keep_draft_dialogs_alive, new_draft_dialog  # noqa: F401 (autouse fixture)

from studyapp.ui.draft_dialog import DraftDialog

def _long_article(folder: Path) -> Path:
    """About 900 kB (the loader reads articles up to 1 MiB): the bundled article, many times over."""
    text = ARTICLE.read_text(encoding="utf-8")
    path = folder / "long.txt"
    path.write_text("\n\n".join([text] * (900_000 // len(text.encode("utf-8")))), encoding="utf-8")
    return path


def _drafting(qtbot: QtBot, tmp_path: Path) -> tuple[DraftDialog, list[object]]:
    dialog = new_draft_dialog(qtbot, tmp_path / "questions")
    results: list[object] = []
    dialog.drafted.connect(lambda: results.append(dialog.questions))
    dialog.load_article(_long_article(tmp_path))
    return dialog, results


def _worker() -> threading.Thread | None:
    return next((t for t in threading.enumerate() if t.name == "studyapp-draft"), None)


def test_the_dialog_keeps_processing_events_while_drafting_and_cancel_ends_it(
        qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    dialog, results = _drafting(qtbot, tmp_path)
    assert dialog.task.running and dialog.busy_bar.isVisible() and dialog.cancel_draft_button.isVisible()
    assert not dialog.save_button.isEnabled()
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=10000)
    assert dialog.task.running  # the timer fired ten times while the draft was still being made
    worker = _worker()
    assert worker is not None

    qtbot.mouseClick(dialog.cancel_draft_button, Qt.MouseButton.LeftButton)
    assert not dialog.task.running and not dialog.busy_bar.isVisible() and "cancelled" in dialog.summary.text()
    worker.join(timeout=30)
    assert not worker.is_alive()  # the worker stopped drafting instead of finishing unseen
    qtbot.wait(50)  # let a late result arrive, if one were sent
    assert results == [] and dialog.list.count() == 0 and dialog.choose_button.isEnabled()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    assert dialog.isVisible()


def test_escape_while_drafting_stops_drafting_and_keeps_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    dialog, results = _drafting(qtbot, tmp_path)
    worker = _worker()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.task.running and dialog.isVisible() and dialog.close_box is None
    if worker is not None:
        worker.join(timeout=30)
        assert not worker.is_alive()
    assert results == []
