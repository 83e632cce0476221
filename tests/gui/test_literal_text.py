"""Texts of any length the loader accepts are shown literally and keep the window responsive.

A word-wrapped QLabel lays out its whole text for every size query: a 1 MB prompt took seconds
to show and every resize froze the window. Long texts scroll in a read-only plain-text view
(``LiteralText``), long cloze texts are shown in pieces, and titles are cut where they name a deck.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QLabel
from window_samples import write_deck

from studyapp.bank.yamlnodes import MAX_FILE_BYTES
from studyapp.study.quiz import Quiz, QuizOptions, make_item
from studyapp.ui.answer_inputs.typed import ClozeInput
from studyapp.ui.literal_text import LONG_TEXT_CHARS, LiteralText
from studyapp.ui.main_window import Screen
from studyapp.ui.plain_text import TITLE_MAX

MARKUP = '<img src="file:///dev/zero"> <b>not bold</b> '


def test_a_short_text_is_a_plain_label_and_a_long_one_a_scrolling_plain_view(qtbot: Any) -> None:
    widget = LiteralText()
    qtbot.addWidget(widget)
    widget.setText(MARKUP)
    assert widget.label.text() == MARKUP and widget.label.textFormat() == Qt.TextFormat.PlainText
    assert not widget.is_long()
    long = MARKUP * (LONG_TEXT_CHARS // len(MARKUP) + 1)
    widget.setText(long)
    assert widget.is_long() and widget.label.isHidden()
    view = widget.long_view
    assert view is not None and view.isReadOnly()
    assert view.toPlainText() == long == widget.text()
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    # One "word" longer than a line: wrapping it at word boundaries costs Qt quadratic time.
    widget.setText("x" * 100_000)
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    widget.setText("short again")
    assert not widget.is_long() and widget.label.text() == "short again"


def _quiz_of_deck(window: Any, deck_id: str) -> Quiz:
    deck = window.bank.deck(deck_id)
    assert deck is not None and not window.bank.problems, window.bank.problems
    return Quiz(tuple(make_item(q, random.Random(1)) for q in deck.questions), QuizOptions(count=9), 1)


def test_a_prompt_near_the_loaders_limit_scrolls_on_the_quiz_and_flashcard_screens(
    make_app: Any, tmp_path: Path
) -> None:
    head = "deck: long\ntitle: Long\nquestions:\n  - id: q\n    type: card\n    answer: yes\n    prompt: "
    prompt = ("word " * (MAX_FILE_BYTES // 5))[: MAX_FILE_BYTES - len(head) - 200].strip()
    write_deck(tmp_path / "q", "long.yaml", head + json.dumps(prompt) + "\n", article=None)
    assert (tmp_path / "q" / "long.yaml").stat().st_size <= MAX_FILE_BYTES
    running = make_app(dirs=[tmp_path / "q"])
    window = running.window
    window.start_quiz_of(_quiz_of_deck(window, "long"))
    quiz = window.view(Screen.QUIZ)
    assert quiz.prompt_label.is_long() and quiz.prompt_label.text() == prompt
    assert not any(len(label.text()) > LONG_TEXT_CHARS for label in quiz.findChildren(QLabel))
    window.start_flashcards("long")
    cards = window.view(Screen.FLASHCARDS)
    assert cards.front_label.is_long() and cards.front_label.text() == prompt


def test_long_titles_choices_and_cloze_texts_stay_out_of_labels(make_app: Any, tmp_path: Path) -> None:
    title, choice = "T" + "itle " * 2000, "choice " * 1000
    cloze = "word " * 1000 + "{{gap}} and " + MARKUP
    text = (
        f"deck: long\ntitle: {json.dumps(title)}\nquestions:\n"
        f"  - id: c\n    type: choice\n    prompt: p\n    choices: [{json.dumps(choice)}, b]\n    answer: b\n"
        f"  - id: z\n    type: cloze\n    text: {json.dumps(cloze)}\n"
    )
    write_deck(tmp_path / "q", "long.yaml", text, article=None)
    window = make_app(dirs=[tmp_path / "q"]).window
    assert len(window.home.deck_title.text()) == TITLE_MAX and title.startswith(window.home.deck_title.text()[:-1])
    window.start_quiz_of(_quiz_of_deck(window, "long"))
    quiz = window.view(Screen.QUIZ)
    option = max(quiz.input.rows, key=lambda row: len(row.text))  # type: ignore[union-attr]
    assert option.text.strip() == choice.strip()
    assert isinstance(option.label, LiteralText) and option.label.is_long()
    quiz.input.pick(2)  # type: ignore[union-attr]
    quiz.submit()
    quiz.next()
    cloze_input = quiz.input
    assert isinstance(cloze_input, ClozeInput)
    assert len(cloze_input.words) == 0 and len(cloze_input.gaps) == 1  # not a label per word
    assert [p.text() for p in cloze_input.pieces] == [("word " * 1000).strip(), "and " + MARKUP.strip()]
    quiz.stop()  # abandoned without asking
    window.show_stats()
    assert len(window.view(Screen.STATS).scope.itemText(1)) == TITLE_MAX
