"""Leaving the reader puts the focus on the screen's primary button, whatever opened it.

Found by a new user: answer a quiz question, *click* "Show in article" (the click focuses that
button), press Esc to come back, press Enter (the documented "next question" key): the
article opened again, and again. Driven with the mouse and the keyboard, as a person does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studyapp.study.quiz import QuizOptions
from studyapp.study.quiz_session import QuizState, new_quiz
from studyapp.study.review_session import ReviewState
from studyapp.ui.main_window import Screen
from window_samples import write_deck


def _shown_window(make_app: Any, tmp_path: Path, qtbot: QtBot) -> Any:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    """``key`` to whatever has the focus, as a keyboard sends it."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget)
    QTest.keyClick(focused, key)


def test_enter_after_esc_from_the_reader_goes_to_the_next_question(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _shown_window(make_app, tmp_path, qtbot)
    window.start_quiz_of(new_quiz(window.bank, QuizOptions(count=3, deck="sample-deck"), window.core.store, window.now()))
    quiz = window.view(Screen.QUIZ)
    quiz.input.pick(1)
    quiz.submit()
    assert quiz.session.state is QuizState.ANSWERED
    qtbot.mouseClick(quiz.feedback.article_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is Screen.READER

    _press(qtbot, Qt.Key.Key_Escape)
    assert window.current_screen() is Screen.QUIZ
    qtbot.waitUntil(lambda: QApplication.focusWidget() is quiz.primary)
    _press(qtbot, Qt.Key.Key_Return)
    assert window.current_screen() is Screen.QUIZ
    assert quiz.session.state is QuizState.ASKING
    assert quiz.session.index == 1


def test_enter_after_esc_from_the_reader_rates_the_flashcard(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _shown_window(make_app, tmp_path, qtbot)
    window.start_flashcards("sample-deck")
    cards = window.view(Screen.FLASHCARDS)
    cards.graded_box.setChecked(False)  # the classic review: Space turns the card over
    first = cards.session.current.question.id
    _press(qtbot, Qt.Key.Key_Space)  # turn the card over
    assert cards.session.state is ReviewState.SHOWING_BACK
    assert cards.article_button.isVisible()
    qtbot.mouseClick(cards.article_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is Screen.READER

    _press(qtbot, Qt.Key.Key_Escape)
    assert window.current_screen() is Screen.FLASHCARDS
    _press(qtbot, Qt.Key.Key_Return)  # "Good", as on the card's back
    assert window.current_screen() is Screen.FLASHCARDS
    assert cards.session.progress().done == 1
    assert cards.session.state is not ReviewState.SHOWING_BACK or cards.session.current.question.id != first


def test_enter_after_esc_from_the_reader_opened_on_home_studies_the_deck(
    make_app: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    window = _shown_window(make_app, tmp_path, qtbot)
    qtbot.mouseClick(window.home.read_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is Screen.READER

    _press(qtbot, Qt.Key.Key_Escape)
    assert window.current_screen() is Screen.HOME
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.table)
    _press(qtbot, Qt.Key.Key_Return)  # the deck list's Enter: study its flashcards
    assert window.current_screen() is Screen.FLASHCARDS
