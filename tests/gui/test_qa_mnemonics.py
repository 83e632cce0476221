"""QA: no Alt+letter on a study screen is claimed twice.

Found by using the app: on the quiz results and the flashcards, the README's Alt+H for *Home*
opened the Help menu instead (&Help, &Home and, on the flashcard end screen, Back &home all
claimed Alt+H; Qt gives an ambiguous mnemonic to none of the buttons).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QMainWindow
from pytestqt.qtbot import QtBot

from studyapp.study.quiz import QuizOptions
from studyapp.study.quiz_session import new_quiz
from studyapp.study.review_session import ReviewState
from studyapp.study.scheduling import Rating
from studyapp.ui.main_window import Screen
from window_samples import write_deck


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _claimed(window: QMainWindow, screen: Any) -> Counter[str]:
    keys: Counter[str] = Counter()
    for action in window.menuBar().actions():
        if (letter := _mnemonic(action.text())) is not None:
            keys[letter] += 1
    for button in screen.findChildren(QAbstractButton):
        if button.isVisible() and (letter := _mnemonic(button.text())) is not None:
            keys[letter] += 1
    return keys


def _open(make_app: Any, tmp_path: Path, qtbot: QtBot) -> Any:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.show()
    qtbot.waitExposed(window)
    return window


def test_results_page_claims_each_alt_letter_once(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _open(make_app, tmp_path, qtbot)
    window.start_quiz_of(new_quiz(window.bank, QuizOptions(count=1, deck="sample-deck"), window.core.store, window.now()))
    view = window.view(Screen.QUIZ)
    view.input.pick(1)
    view.submit()
    view.next()
    assert view.stack.currentWidget() is view.results
    claimed = _claimed(window, view.results)
    assert max(claimed.values()) == 1, claimed


def test_flashcard_screens_claim_each_alt_letter_once(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    window = _open(make_app, tmp_path, qtbot)
    window.start_flashcards("sample-deck")
    cards = window.view(Screen.FLASHCARDS)
    claimed = _claimed(window, cards)
    assert max(claimed.values()) == 1, claimed
    cards.graded_box.setChecked(False)  # the classic review's screens too
    claimed = _claimed(window, cards)
    assert max(claimed.values()) == 1, claimed
    for _ in range(10):  # Easy on every card: the end screen
        if cards.session.state is ReviewState.FINISHED:
            break
        cards.show_answer()
        cards.rate(Rating.Easy)
    assert cards.end_home.isVisible()
    claimed = _claimed(window, cards)
    assert max(claimed.values()) == 1, claimed


def test_every_menu_gives_each_letter_to_one_entry(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    """Seen under X: in File, A went to "Add question file…" and "New deck from article…" and Q
    to "New question…" and "Quit"; in View, S to "Statistics" and "Smaller text". Qt then only
    moves between the entries, so the letter opens nothing."""
    window = _open(make_app, tmp_path, qtbot)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        letters = Counter(letter for a in menu.actions() if (letter := _mnemonic(a.text())) is not None)
        assert not letters or max(letters.values()) == 1, (menu_action.text(), letters)
