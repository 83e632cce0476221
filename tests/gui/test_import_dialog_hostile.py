"""File → Import… with crafted packages: the window keeps answering, Cancel stops the read, and a
package that cannot be used is one line of plain text."""

from __future__ import annotations

import html
import threading
import time
from pathlib import Path

from hostile_apkg import collection, endless_sort_package, package, recursive_view_package
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from window_samples import ScriptedDialogs

from studyapp.ui.import_dialog import ImportDialog


def _dialog(qtbot: QtBot, tmp_path: Path) -> ImportDialog:
    dialog = ImportDialog(tmp_path / "questions")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_runaway_package_is_read_off_the_ui_thread_and_cancel_stops_it(
    qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    scripted.files_to_open.append(endless_sort_package(tmp_path / "pkg"))
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.task.running and dialog.busy_bar.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.choose_button.isEnabled() and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)  # the event loop runs while the reader works
    assert dialog.task.running
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5
    reader = next(t for t in threading.enumerate() if t.name == "studyapp-import")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.task.running and not dialog.busy_bar.isVisible() and dialog.choose_button.isEnabled()
    assert dialog.summary.text() == "Reading cancelled; choose a file to import."
    qtbot.waitUntil(lambda: not reader.is_alive(), timeout=2000)  # the read itself stopped, not only the view
    timer.stop()
    assert dialog.preview.count() == 0 and not dialog.save_button.isEnabled()


def test_closing_the_dialog_stops_the_read(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.load_file(endless_sort_package(tmp_path / "pkg"))
    reader = next(t for t in threading.enumerate() if t.name == "studyapp-import")
    dialog.reject()
    qtbot.waitUntil(lambda: not reader.is_alive(), timeout=2000)


def test_the_recursive_view_package_is_one_plain_line(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    dialog = _dialog(qtbot, tmp_path)
    path = recursive_view_package(tmp_path / "<b>pkg")
    scripted.files_to_open.append(path)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=5000)
    line = f"{path}: not a usable Anki package (the collection holds a view 'notes'; Anki collections have none)"
    assert dialog.summary.text() == line
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [line]
    assert not dialog.save_button.isEnabled() and not dialog.busy_bar.isVisible()


def test_text_from_the_package_is_shown_literally(qtbot: QtBot, tmp_path: Path) -> None:
    hostile = "<img src='file:///dev/zero'><b>bold</b>"
    folder = tmp_path / "<b>dir"
    folder.mkdir()
    db = collection(folder / "c.sqlite", f"INSERT INTO notes VALUES (1, 1, '', '{html.escape(hostile)}' || char(31) || 'Minsk')",
                    "INSERT INTO notes VALUES (2, 99, '', 'x' || char(31) || 'y')")
    path = package(folder / "hostile.apkg", db)
    dialog = _dialog(qtbot, tmp_path)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=5000)
    assert dialog.preview.count() == 1 and hostile in dialog.preview.item(0).text()
    tip = dialog.preview.item(0).toolTip()
    assert "<img" not in tip and html.escape(hostile) in tip
    assert dialog.problems.item(0).text().startswith(f"{path}:2: ")
    assert "<b>" not in dialog.problems.item(0).toolTip() and "&lt;b&gt;dir" in dialog.problems.item(0).toolTip()
    assert dialog.file_label.text() == str(path) and dialog.file_label.textFormat() == Qt.TextFormat.PlainText
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText or "<" not in label.text()
