"""Errors the core words for the window (a study setting out of range, a file the editor cannot
edit in place, why a package's picture was not carried) are shown through the translator; ``str(exc)`` stays the English the command line and the log write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTranslator

from hostile_apkg import PICTURE_NOTES, pictures_package
from pseudo_locale import pseudo, pseudo_qm  # noqa: F401 - fixtures
from pseudo_sweep import Shown, partly_untranslated, visible_texts
from studyapp.store import open_store
from studyapp.ui.import_dialog import ImportDialog
from studyapp.ui.study_settings_dialog import StudySettingsDialog
from window_samples import FIXED_NOW, ScriptedDialogs, write_deck


def test_a_study_setting_out_of_range_is_explained_in_the_window_language(
    pseudo: QTranslator, qtbot: Any, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "studyapp.db", backups_dir=tmp_path / "backups", now=FIXED_NOW).store
    try:
        dialog = StudySettingsDialog(store, [], FIXED_NOW)
        qtbot.addWidget(dialog)
        dialog.show()
        save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        for typed, english in (("1m ten", "is not a step"), ("1m 24h", "Learning steps must each be between")):
            dialog.learning_edit.setText(typed)
            save.click()
            shown = dialog.error_label.text()
            assert dialog.isVisible() and dialog.error_label.isVisible()
            assert shown.startswith("[‹") and shown.endswith("›]") and english in shown
            texts = [s for s in visible_texts(dialog) if s.text == shown]
            assert texts and not partly_untranslated(texts, ["ten"])
        assert store.study_settings_body("") is None  # nothing saved
    finally:
        store.close()


def test_why_the_editor_cannot_edit_a_file_in_place_is_said_in_the_window_language(
    pseudo: QTranslator, make_app: Any, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "flow.yaml", "deck: flow\ntitle: Flow\nquestions: [{id: a, type: card, prompt: p, answer: x}]\n",
               article=None)
    window = make_app(dirs=[folder]).window
    window.open_editor("flow", "a")
    said = scripted.texts("inform")[0]
    assert "[‹the questions are written in [ ] form" in said  # the reason, translated inside the sentence
    assert not partly_untranslated([Shown("inform", said)], ["flow.yaml"])


def test_why_a_package_picture_is_not_carried_is_said_in_the_window_language(
    pseudo: QTranslator, qtbot: Any, tmp_path: Path
) -> None:
    source = pictures_package(tmp_path)
    dialog = ImportDialog(tmp_path / "questions")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(source)
    qtbot.waitUntil(lambda: not dialog.task.running and dialog.problems.count() > 0, timeout=10000)
    rows = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert len(rows) == len(PICTURE_NOTES)  # one problem a note
    assert all("[‹picture " in row for row in rows), rows  # each reason translated, the held list's too
    names = [str(source), "nowhere.png", "fake.png", "notes.txt", "other.png"]
    assert not partly_untranslated([Shown("problem row", row) for row in rows], names)
