"""File → Export…: a deck to .apkg, GIFT or the answer history CSV, off the UI thread, asking
before replacing a file, never over studyapp's own data, with every question left out listed."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_samples import FIXED_NOW, ScriptedDialogs, add_history

from studyapp.bank.loader import load_bank
from studyapp.interop.exports import EXPORT_FORMATS
from studyapp.paths import DataPaths
from studyapp.ui import dialogs
from studyapp.ui.export_dialog import ExportDialog

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "interop"


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """File names the scripted save dialog answers with, in order."""
    answers: list[Path] = []
    monkeypatch.setattr(dialogs, "save_file", lambda *_args, **_kw: answers.pop(0) if answers else None)
    return answers


def _dialog(qtbot: QtBot, tmp_path: Path, fmt: str) -> ExportDialog:
    decks = tmp_path / "decks"
    decks.mkdir(exist_ok=True)
    shutil.copy(SAMPLES / "every_type.yaml", decks / "every_type.yaml")
    dialog = ExportDialog(load_bank([decks]), DataPaths(tmp_path / "data"), None, "every-type")
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    return dialog


def _export(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.choose_target()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=10_000)


def test_every_format_of_the_list_is_offered(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, "apkg")
    assert [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())] == [f.key for f in EXPORT_FORMATS]


def test_apkg_export_reports_what_could_not_go(qtbot: QtBot, tmp_path: Path, save_to: list[Path]) -> None:
    dialog = _dialog(qtbot, tmp_path, "apkg")
    save_to.append(tmp_path / "out" / "every")  # no suffix: the format's is added
    (tmp_path / "out").mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as blocker:
        dialog.choose_target()
    target = tmp_path / "out" / "every.apkg"
    assert blocker.args == [target] and zipfile.is_zipfile(target)
    left_out = [dialog.left_out.item(i).text() for i in range(dialog.left_out.count())]
    total = 12
    written = total - len(left_out)
    assert dialog.summary.text() == f"Exported {written} of {total} questions to {target}."
    assert all(": question '" in line and "not exported" in line for line in left_out)


def test_replacing_a_file_asks_first(qtbot: QtBot, tmp_path: Path, save_to: list[Path], scripted: ScriptedDialogs) -> None:
    target = tmp_path / "quiz.gift"
    target.write_text("keep me", encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path, "gift")
    save_to.append(target)
    scripted.confirm_answers.append(False)
    dialog.choose_target()
    assert not dialog.task.running and target.read_text(encoding="utf-8") == "keep me"
    save_to.append(target)
    scripted.confirm_answers.append(True)
    _export(qtbot, dialog)
    assert target.read_text(encoding="utf-8").startswith("// Every question type")
    assert [t for k, _title, t in scripted.calls if k == "confirm"] == [f"{target} already exists. Replace it?"] * 2


def test_the_database_is_never_a_target(qtbot: QtBot, tmp_path: Path, save_to: list[Path], scripted: ScriptedDialogs) -> None:
    dialog = _dialog(qtbot, tmp_path, "gift")
    database = DataPaths(tmp_path / "data").database
    database.parent.mkdir(parents=True)
    database.write_bytes(b"SQLite format 3\x00")
    save_to.append(database)
    dialog.choose_target()
    assert not dialog.task.running and database.read_bytes() == b"SQLite format 3\x00"
    assert scripted.texts("warn") and "database" in scripted.texts("warn")[0]


def test_cancel_stops_before_writing(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, "gift")
    dialog.show()
    assert dialog.export_to(tmp_path / "never.gift")
    assert dialog.cancel_button.isVisible()
    dialog.cancel_export()
    assert dialog.summary.text() == "Export cancelled; nothing was written."
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isVisible()


def test_history_csv_from_the_file_menu(make_app: Any, tmp_path: Path, save_to: list[Path], qtbot: QtBot) -> None:
    running = make_app(dirs=None)
    window = running.window
    deck_id = window.bank.decks[0].id
    answers = sum(1 for _ in running.core.store.attempts(deck_id)) if add_history(running.core.store, window.bank, FIXED_NOW) else 0
    window.remember_deck(deck_id)
    action = next(a for a in window.findChildren(QAction) if a.objectName() == "ExportDialog")
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.deck_box.count() == len(window.bank.decks) > 0
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    save_to.append(tmp_path / "history.csv")
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.choose_target()
    assert (tmp_path / "history.csv").read_text(encoding="utf-8-sig").startswith("answered_at_utc,")
    assert answers > 0 and dialog.summary.text() == f"Exported {answers} of {answers} answers to {tmp_path / 'history.csv'}."
    assert window.statusBar().currentMessage() == f"Exported to {tmp_path / 'history.csv'}"
