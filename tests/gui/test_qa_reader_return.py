"""QA: the reader opened from a quiz answer says where its back button goes, and Esc goes there.

Found by using the app: after "Show in article" in a quiz the reader's button read "← Decks"
(screen readers: "Back to decks") although it returns to the quiz, and Esc did nothing, so a
keyboard user had to guess that a button named "Decks" would not throw the quiz away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyapp.study.quiz import QuizOptions
from studyapp.study.quiz_session import QuizState, new_quiz
from studyapp.ui.main_window import Screen
from window_samples import write_deck


def _quiz_answered(make_app: Any, tmp_path: Path, qtbot: QtBot) -> Any:
    write_deck(tmp_path / "q")
    running = make_app(dirs=[tmp_path / "q"])
    window = running.window
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    quiz = new_quiz(window.bank, QuizOptions(count=3, deck="sample-deck"), window.core.store, window.now())
    window.start_quiz_of(quiz)
    view = window.view(Screen.QUIZ)
    view.input.pick(1)
    view.submit()
    return window


def test_reader_from_a_quiz_names_the_quiz_and_esc_returns_to_it(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _quiz_answered(make_app, tmp_path, qtbot)
    quiz_view = window.view(Screen.QUIZ)
    quiz_view.feedback.article_button.click()
    assert window.current_screen() is Screen.READER
    reader = window.view(Screen.READER)
    assert "quiz" in reader.back.text().lower()
    assert "quiz" in reader.back.accessibleName().lower()

    QTest.keyClick(reader.text, Qt.Key.Key_Escape)
    assert window.current_screen() is Screen.QUIZ
    assert quiz_view.session is not None and quiz_view.session.state is QuizState.ANSWERED
    qtbot.waitUntil(lambda: QApplication.focusWidget() is quiz_view.primary)


def test_reader_from_home_still_says_decks_and_esc_goes_home(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    assert window.open_reader("sample-deck")
    reader = window.view(Screen.READER)
    assert reader.back.text() == "← Decks"
    assert reader.back.accessibleName() == "Back to decks"
    QTest.keyClick(reader.text, Qt.Key.Key_Escape)
    assert window.current_screen() is Screen.HOME


def test_reader_from_flashcards_names_them(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.start_flashcards("sample-deck")
    cards = window.view(Screen.FLASHCARDS)
    cards.show_answer()
    assert window.open_reader("sample-deck", "Minsk", return_to=Screen.FLASHCARDS)
    reader = window.view(Screen.READER)
    assert "flashcards" in reader.back.text().lower()
    QTest.keyClick(reader.text, Qt.Key.Key_Escape)
    assert window.current_screen() is Screen.FLASHCARDS
