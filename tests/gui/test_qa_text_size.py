"""QA: the text size (View → Ctrl+= / Ctrl+-) reaches every label, including the styled ones.

Found by using the app: labels that carry a style sheet (the grey "how to answer" line, the quote
from the article, the "Right answer:" captions, the flashcard's quote) stayed at the
application's default 9 pt while the rest of the window was 11 pt, and did not grow with Ctrl+=.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from studyapp.study.quiz import QuizOptions
from studyapp.study.quiz_session import new_quiz
from studyapp.ui.main_window import Screen
from window_samples import write_deck


def _styled_labels(root: Any) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if label.styleSheet() and label.text()]


def test_styled_quiz_labels_follow_the_text_size(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    write_deck(tmp_path / "q")
    running = make_app(dirs=[tmp_path / "q"])
    window = running.window
    window.show()
    qtbot.waitExposed(window)
    quiz = new_quiz(window.bank, QuizOptions(count=3, deck="sample-deck"), window.core.store, window.now())
    window.start_quiz_of(quiz)
    view = window.view(Screen.QUIZ)
    view.input.pick(1)  # any answer: the feedback (quote, captions) is what matters
    view.submit()
    assert view.feedback.quote_label.isVisible()

    base = window.font_size
    for label in [view.how_label, view.feedback.quote_label, *_styled_labels(view.feedback)]:
        assert label.font().pointSize() == base, label.text()

    window.set_font_size(base + 3)  # what Ctrl+= three times does
    for label in [view.how_label, view.feedback.quote_label, *_styled_labels(view.feedback)]:
        assert label.font().pointSize() == base + 3, label.text()
        assert label.font().italic() == (label is view.feedback.quote_label)


def test_flashcard_quote_follows_the_text_size(make_app: Any, tmp_path: Path, qtbot: QtBot) -> None:
    write_deck(tmp_path / "q")
    running = make_app(dirs=[tmp_path / "q"])
    window = running.window
    window.set_font_size(15)
    window.start_flashcards("sample-deck")
    cards = window.view(Screen.FLASHCARDS)
    assert cards.quote_label.font().pointSize() == 15
    assert cards.quote_label.font().italic()
