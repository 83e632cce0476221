"""One rule for the whole window: Enter presses the focused push button, on every screen.

Found by a new user: on the home screen, Tab to "Take a quiz" and press Enter: nothing
happened, while Enter on a focused button of the quiz screen presses it. Keyboard only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studyapp.ui.main_window import Screen
from window_samples import write_deck


def _window(make_app: Any, tmp_path: Path, qtbot: QtBot) -> Any:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.home.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.table)
    return window


def _press(key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget)
    QTest.keyClick(focused, key)


def test_tab_to_take_a_quiz_and_enter_opens_the_quiz_setup(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _window(make_app, tmp_path, qtbot)
    _press(Qt.Key.Key_Tab)
    _press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.home.quiz_button
    _press(Qt.Key.Key_Return)
    assert window._setup_dialog is not None
    qtbot.waitUntil(window._setup_dialog.isVisible)
    window._setup_dialog.reject()


def test_enter_on_the_keypad_presses_read_the_article(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _window(make_app, tmp_path, qtbot)
    for _ in range(3):
        _press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.home.read_button
    _press(Qt.Key.Key_Enter)
    assert window.current_screen() is Screen.READER


def test_enter_presses_the_readers_back_button(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _window(make_app, tmp_path, qtbot)
    assert window.open_reader("sample-deck")
    reader = window.view(Screen.READER)
    reader.back.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reader.back)
    _press(Qt.Key.Key_Return)
    assert window.current_screen() is Screen.HOME


def test_enter_on_the_deck_list_opens_the_front_of_the_first_card(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    """Seen under X: one Enter on the deck list opened the review *and* showed the answer.
    The list emits ``activated`` and then ignores the key, which reached the window's
    "Enter presses the focused button" rule with "Show answer" focused by then."""
    window = _window(make_app, tmp_path, qtbot)
    _press(Qt.Key.Key_Return)
    assert window.current_screen() is Screen.FLASHCARDS
    cards = window.view(Screen.FLASHCARDS)
    assert cards.show_button.isVisibleTo(window)
    assert not any(b.isVisibleTo(window) for b in cards.rating_buttons.values())
