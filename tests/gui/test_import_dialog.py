"""File → Import…: preview and problems are shown before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_samples import ScriptedDialogs

from studyapp.bank.loader import check_file
from studyapp.ui.import_dialog import ImportDialog

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "interop"


def test_preview_and_problems_before_writing(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    target = tmp_path / "questions"
    dialog = ImportDialog(target)
    qtbot.addWidget(dialog)
    dialog.show()
    scripted.files_to_open.append(SAMPLES / "unsupported.gift")
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=5000)
    assert dialog.preview.count() == 2
    assert dialog.preview.item(1).text() == "[choice] Minsk  ·  The capital of Belarus is _____."
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems[0] == f"{SAMPLES / 'unsupported.gift'}:2: tolerance ±5 not carried over: only 1822 exactly is accepted"
    assert len(problems) == 4
    assert dialog.summary.text() == "2 questions to import, 4 problems"
    assert not target.exists()  # nothing written yet

    dialog.deck_edit.setText("Not Valid")
    assert not dialog.save_button.isEnabled()
    dialog.deck_edit.setText("capitals")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == target / "capitals.yaml"
    deck, found = check_file(target / "capitals.yaml")
    assert found == () and deck is not None and deck.id == "capitals" and len(deck.questions) == 2


def test_replacing_a_previous_import_asks_first(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    target = tmp_path / "questions"
    dialog = ImportDialog(target)
    qtbot.addWidget(dialog)
    dialog.load_file(SAMPLES / "anki_notes.txt")
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=5000)
    assert dialog.summary.text() == "4 questions to import, 1 problem"  # the bold of one front
    dialog.save()
    assert (target / "anki-notes.yaml").exists()

    again = ImportDialog(target)
    qtbot.addWidget(again)
    again.load_file(SAMPLES / "quizlet.txt")
    qtbot.waitUntil(lambda: not again.task.running, timeout=5000)
    again.deck_edit.setText("anki-notes")
    scripted.confirm_answers.append(False)
    again.save()
    assert "Replace it?" in scripted.texts("confirm")[0]
    assert "What is the capital of Belarus" in (target / "anki-notes.yaml").read_text(encoding="utf-8")
    scripted.confirm_answers.append(True)
    with qtbot.waitSignal(again.saved, timeout=5000):
        again.save()
    assert "Vilnius" in (target / "anki-notes.yaml").read_text(encoding="utf-8")
