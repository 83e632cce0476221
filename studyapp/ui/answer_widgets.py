"""The answer input for a quiz item, and the pieces of feedback shown after grading.

``make_answer_input(item)`` returns the widget fitting the item's question type
(see ``studyapp.ui.answer_inputs``); ``diff_html`` renders a near miss's character diff.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from studyapp.bank.model import (
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.grading import DiffOp, DiffSegment
from studyapp.study.quiz import QuizItem
from studyapp.ui.answer_inputs.arrange import MatchInput, OrderInput
from studyapp.ui.answer_inputs.base import AnswerInput
from studyapp.ui.answer_inputs.card import CardInput
from studyapp.ui.answer_inputs.choices import ChoiceInput, MultiInput, TrueFalseInput
from studyapp.ui.answer_inputs.typed import ClozeInput, TextInput

__all__ = ["AnswerInput", "diff_html", "make_answer_input"]


def make_answer_input(item: QuizItem, parent: QWidget | None = None) -> AnswerInput:
    """The input widget for ``item``, showing choices and items in the quiz's shuffled order."""
    q = item.question
    if isinstance(q, ChoiceQuestion):
        return ChoiceInput(item.choices or q.choices, parent)
    if isinstance(q, MultiQuestion):
        return MultiInput(item.choices or q.choices, parent)
    if isinstance(q, TrueFalseQuestion):
        return TrueFalseInput(parent)
    if isinstance(q, TextQuestion):
        return TextInput(parent)
    if isinstance(q, ClozeQuestion):
        return ClozeInput(q.parts, parent)
    if isinstance(q, OrderQuestion):
        return OrderInput(item.order_items or q.items, parent)
    if isinstance(q, MatchQuestion):
        lefts = item.match_left or tuple(left for left, _ in q.pairs)
        rights = item.match_right or tuple(right for _, right in q.pairs)
        return MatchInput(lefts, rights, parent)
    if isinstance(q, CardQuestion):
        return CardInput(q.answer, parent)
    raise TypeError(f"no answer input for {type(q).__name__}")


_DIFF_STYLE = {
    DiffOp.EQUAL: "{}",
    DiffOp.EXTRA: '<s style="color:#c62828">{}</s>',
    DiffOp.MISSING: '<u style="color:#2e7d32; font-weight:bold">{}</u>',
}


def diff_html(segments: tuple[DiffSegment, ...]) -> str:
    """A near miss's diff as rich text: extra typed letters struck out, missing ones underlined.

    Every segment is HTML-escaped first, so user text can never become markup.
    """
    body = "".join(_DIFF_STYLE[s.op].format(html.escape(s.text)) for s in segments)
    return f'<span style="font-family:monospace">{body}</span>'
