"""The screens the pseudo-locale sweep opens (``test_pseudo_locale``), each from a fresh window.

``open_window`` starts the window on a sample deck and the bundled one, with a history; each
function of ``SCREENS`` brings up one screen and returns the windows or dialogs to look at.
``shown_data`` is what counts as content there (deck and question text, paths, what a screen
noted in ``Visit.content``); ``check_page`` settles the screen and asserts that every text
shown went through the translator and fits. ``capture_boxes``, ``check_page`` and
``close_dialogs`` serve the study screens' sweep (``test_pseudo_locale_study``) as well.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pseudo_sweep import (
    cut_off,
    data_strings,
    header_cuts,
    partly_untranslated,
    untranslated,
    visible_texts,
    window_cuts,
)
from studyapp.app import RunningApp, start_app
from studyapp.paths import DataPaths, bundled_questions_dir
from window_samples import BROKEN, FIXED_NOW, add_history, write_deck


@dataclass
class Visit:
    """What a screen function works with, and the message boxes it made appear."""

    running: RunningApp
    qtbot: Any
    tmp_path: Path
    boxes: list[QMessageBox]
    monkeypatch: pytest.MonkeyPatch
    content: list[object] = dataclasses.field(default_factory=list)  # shown as read: questions drafted, ...

    @property
    def window(self) -> Any:
        return self.running.window

    def dialog(self, cls: type[QWidget]) -> QWidget:
        found = [d for d in self.window.findChildren(cls) if d.isVisible()]
        assert found, f"no {cls.__name__} open"
        return found[-1]


def _home(v: Visit) -> list[QWidget]:
    v.window.show_new_deck("sample-deck")  # what the window says after a deck was saved: the status bar
    assert v.window.statusBar().currentMessage()
    return [v.window]  # the whole window: its title, menu bar and menus, status bar and the deck list


def _quiz_setup(v: Visit) -> list[QWidget]:
    v.window.start_quiz("sample-deck")
    return [v.window._setup_dialog]


def _stats(v: Visit) -> list[QWidget]:
    v.window.show_stats()
    stats = v.window.view(v.window.current_screen())
    v.qtbot.waitUntil(lambda: stats.memory.memory is not None, timeout=10000)  # computed after the first paint
    return [v.window]  # the screen in the whole window (its title says "Statistics")


def _optimise(v: Visit) -> list[QWidget]:
    from studyapp.ui.optimise_dialog import OptimiseDialog

    v.window.show_stats()
    v.window.view(v.window.current_screen()).open_optimise()
    return [v.dialog(OptimiseDialog)]


def _reader(v: Visit) -> list[QWidget]:
    assert v.window.open_reader("sample-deck")
    return [v.window]


def _settings(v: Visit) -> list[QWidget]:
    from studyapp.ui.settings_dialog import PreferencesDialog

    v.window.findChild(_action_type(), "preferences").trigger()
    return [v.dialog(PreferencesDialog)]


def _study_settings(v: Visit) -> list[QWidget]:
    from studyapp.ui.study_settings_dialog import StudySettingsDialog

    v.window.findChild(_action_type(), "study-settings").trigger()
    return [v.dialog(StudySettingsDialog)]


def _welcome(v: Visit) -> list[QWidget]:
    from studyapp.ui.welcome import WelcomeDialog

    v.window.show_welcome()
    return [v.dialog(WelcomeDialog)]


# A Moodle export with what an import reports: a category (its tags), a tolerance and a range it
# cannot carry, an essay it skips, formatting it drops.
GIFT_WITH_PROBLEMS = """$CATEGORY: $course$/top/Geography

::pi::What is pi to two decimals? {#3.14:0.005}

::range::A number from 1 to 5? {#1..5}

::essay::Describe your town. {}

::bold::[html]What is <b>2+2</b>? {=4 ~5 ~3}
"""


def _import(v: Visit) -> list[QWidget]:
    """File → Import… with a GIFT file read: the questions to write and the problems met."""
    from studyapp.ui.import_dialog import ImportDialog

    v.window.findChild(_action_type(), "ImportDialog").trigger()
    dialog = v.dialog(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    source = v.tmp_path / "moodle.gift"
    source.write_text(GIFT_WITH_PROBLEMS, encoding="utf-8")
    dialog.load_file(source)
    v.qtbot.waitUntil(lambda: not dialog.task.running and dialog.problems.count() > 0, timeout=10000)
    assert dialog.problems.count() >= 4 and dialog.preview.count() >= 2
    v.content += [source, *dialog.conversion.questions, *(q.type for q in dialog.conversion.questions)]
    return [dialog]


def _export(v: Visit) -> list[QWidget]:
    from studyapp.ui.export_dialog import ExportDialog

    v.window.findChild(_action_type(), "ExportDialog").trigger()
    return [v.dialog(ExportDialog)]


def _help(v: Visit) -> list[QWidget]:
    v.window.show_format_help()
    return [v.window._help]


def _about_box(v: Visit) -> list[QWidget]:
    v.window.show_about()
    return list(v.boxes)


def _problems(v: Visit) -> list[QWidget]:
    v.content.append(write_deck(v.tmp_path / "q", "broken.yaml", BROKEN, article=None))  # named in each problem
    v.window.reload()
    assert v.window.home.problems.isVisible()
    return [v.window.home]


def _no_decks(v: Visit) -> list[QWidget]:
    from studyapp.bank.model import Bank

    v.window.home.set_content(Bank(), [], None)  # what a first start without any deck shows
    return [v.window.home]


def _error_dialog(v: Visit) -> list[QWidget]:
    v.running.reporter.handle(ValueError, ValueError("a value from nowhere"), None)
    [dialog] = v.running.reporter.dialogs
    dialog.show_button.setChecked(True)
    v.content.append("ValueError: a value from nowhere")  # the error's own text
    return [dialog]


def _broken_file_box(v: Visit, monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    from studyapp.ui import dialogs

    broken = write_deck(v.tmp_path / "elsewhere", "broken.yaml", BROKEN, article=None)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a, **_k: broken)
    v.window.add_question_file()
    return list(v.boxes)


def _draft(v: Visit) -> list[QWidget]:
    """File → New deck from article…, a small article drafted, its first question in the review."""
    from studyapp.ui.draft_dialog import DraftDialog

    v.window.findChild(_action_type(), "DraftDialog").trigger()
    dialog = v.dialog(DraftDialog)
    assert isinstance(dialog, DraftDialog)
    with v.qtbot.waitSignal(dialog.drafted, timeout=20000):
        dialog.load_article(v.tmp_path / "q" / "article.txt")
    assert dialog.list.count() > 0
    dialog.list.setCurrentRow(0)
    v.content += dialog.questions
    return [dialog]


def _review_draft(v: Visit) -> list[QWidget]:
    """File → Review a draft…: a draft written by ``studyapp draft`` beside its article."""
    from studyapp.cli import main
    from studyapp.ui import dialogs
    from studyapp.ui.draft_dialog import DraftDialog

    assert main(["draft", str(v.tmp_path / "q" / "article.txt"), "--deck", "drafted", "--title", "Drafted"]) == 0
    v.monkeypatch.setattr(dialogs, "open_file", lambda *_a, **_k: v.tmp_path / "q" / "drafted.yaml")
    v.window.findChild(_action_type(), "ReviewDraft").trigger()
    dialog = v.dialog(DraftDialog)
    assert isinstance(dialog, DraftDialog)
    v.qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=20000)
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    v.content += [*dialog.questions, "drafted", "Drafted"]
    return [dialog]


def _editor(v: Visit) -> list[QWidget]:
    """A question opened in the editor (from the quiz, flashcards or the browser)."""
    from studyapp.ui.question_editor import QuestionEditor

    v.window.open_editor("sample-deck", "capital")
    return [v.dialog(QuestionEditor)]


def _new_question(v: Visit) -> list[QWidget]:
    from studyapp.ui.question_editor_new import NewQuestionDialog

    v.window.findChild(_action_type(), "new-question").trigger()
    return [v.dialog(NewQuestionDialog)]


def _new_question_editor(v: Visit) -> list[QWidget]:
    """File → New question…, OK: the editor on a new question of the chosen deck."""
    from studyapp.ui.question_editor import QuestionEditor
    from studyapp.ui.question_editor_new import NewQuestionDialog

    v.window.findChild(_action_type(), "new-question").trigger()
    chooser = v.dialog(NewQuestionDialog)
    assert isinstance(chooser, NewQuestionDialog)
    chooser.type_box.setCurrentText("multi")
    chooser.accept()
    return [v.dialog(QuestionEditor)]


def _new_deck(v: Visit) -> list[QWidget]:
    from studyapp.ui.question_editor_new import NewDeckDialog

    v.window.findChild(_action_type(), "new-deck").trigger()
    dialog = v.dialog(NewDeckDialog)
    assert isinstance(dialog, NewDeckDialog)
    dialog.deck_id.setText("Not An Id")
    dialog.buttons.accepted.emit()  # refused: the problems are listed under the form
    assert dialog.problems.text()
    return [dialog]


def _file_text(v: Visit) -> list[QWidget]:
    """A question file that does not load, opened as text with its problems listed."""
    from studyapp.ui.question_editor_text import FileTextEditor

    broken = write_deck(v.tmp_path / "q", "broken.yaml", BROKEN, article=None)
    v.window.open_file_text(broken, 1)
    return [v.dialog(FileTextEditor)]


def _versions(v: Visit) -> list[QWidget]:
    """The question editor's Earlier versions…, after one save from the window."""
    from studyapp.ui.question_editor import QuestionEditor
    from studyapp.ui.question_editor_history import HistoryDialog

    v.window.open_editor("sample-deck", "capital")
    editor = v.dialog(QuestionEditor)
    assert isinstance(editor, QuestionEditor)
    editor.form.rows["explanation"].input.setPlainText("Edited.")
    editor.save()
    v.window.open_editor("sample-deck", "capital")
    editor = v.dialog(QuestionEditor)
    assert isinstance(editor, QuestionEditor)
    editor.show_versions()
    return [v.dialog(HistoryDialog)]


def _make_a_question(v: Visit) -> list[QWidget]:
    """The reader's "Make a question" on a selected passage: which kind."""
    assert v.window.open_reader("sample-deck")
    v.window.make_question_from_passage("a sham", "The European Parliament dismissed the election as a sham.", 0)
    return list(v.boxes)


def _action_type() -> type:
    from PySide6.QtGui import QAction

    return QAction


Screen = Callable[[Visit], list[QWidget]]
SCREENS: dict[str, Screen] = {
    "home": _home,
    "quiz set-up": _quiz_setup,
    "statistics": _stats,
    "optimise": _optimise,
    "preferences": _settings,
    "study settings": _study_settings,
    "welcome": _welcome,
    "export": _export,
    "help": _help,
    "about box": _about_box,
    "problems": _problems,
    "no decks": _no_decks,
    "error dialog": _error_dialog,
    "broken file box": lambda v: _broken_file_box(v, v.monkeypatch),
    "reader": _reader,
    "import": _import,
    "draft": _draft,
    "review a draft": _review_draft,
    "question editor": _editor,
    "new question": _new_question,
    "new question editor": _new_question_editor,
    "new deck": _new_deck,
    "file text": _file_text,
    "earlier versions": _versions,
    "make a question": _make_a_question,
}
# The quiz, results, flashcards and Browse: test_pseudo_locale_study.


def open_window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Visit:
    questions = tmp_path / "q"
    write_deck(questions)
    data = tmp_path / "data"
    settings_path = tmp_path / "settings.ini"
    from PySide6.QtCore import QSettings

    # The bundled deck too: the welcome points to it, and its long title is a real test of room.
    running = start_app(DataPaths(data), QSettings(str(settings_path), QSettings.Format.IniFormat),
                        dirs=[bundled_questions_dir(), questions], now=lambda: FIXED_NOW)
    qtbot.addWidget(running.window)
    boxes = capture_boxes(monkeypatch)
    add_history(running.core.store, running.window.bank, FIXED_NOW)
    running.window.show()
    running.window.refresh_home()
    return Visit(running, qtbot, tmp_path, boxes, monkeypatch)


def shown_data(v: Visit) -> list[str]:
    paths = v.running.core.paths
    return data_strings([*v.window.bank.decks, *v.content], [str(paths.root), str(paths.questions), str(v.tmp_path)])


def capture_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """The message boxes the window opens from now on: each is shown and looked at, not waited
    for (``exec`` answers "OK")."""
    boxes: list[QMessageBox] = []

    def show_box(box: QMessageBox) -> int:
        box.show()
        boxes.append(box)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", show_box)
    return boxes


def settle() -> None:
    """Let the window lay out and paint what a screen function brought up."""
    for _ in range(3):
        QApplication.processEvents()


def check_page(v: Visit, tops: list[QWidget], page: str = "") -> None:
    """Every text ``tops`` show carries the pseudo marker (unless it is content) and none is cut
    off; ``page`` names the page in the failure."""
    settle()
    shown = [s for top in tops for s in visible_texts(top)]
    assert shown, f"{page}no text found on the screen"
    data = shown_data(v)
    missing = untranslated(shown, data) + partly_untranslated(shown, data)
    assert not missing, f"{page}texts that never went through the translator:\n" + "\n".join(missing)
    cut = cut_off(shown) + [c for top in tops for c in header_cuts(top) + window_cuts(top)]
    assert not cut, f"{page}texts cut off:\n" + "\n".join(cut)


def close_dialogs() -> None:
    """Close every dialog a screen left open (before its window closes)."""
    from PySide6.QtWidgets import QDialog

    for top in QApplication.topLevelWidgets():
        if isinstance(top, QDialog) and top.isVisible():
            top.close()
