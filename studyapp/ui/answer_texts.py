"""Answers as the window writes them: right answers and responses, in the window's language.

The core writes them in English for the command line and the records (``answer_text``,
``grading.describe_response``, ``AnswerRow.details``); the results page, the browser and its
preview write the same from the values here, with the words a translation changes ("True",
"(blank)", "Your answer:") through the translator. Question text is never translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from studyapp.bank.model import AnyQuestion, CardQuestion, MatchQuestion, OrderQuestion, TrueFalseQuestion
from studyapp.ui.translation import number_text

if TYPE_CHECKING:
    from studyapp.study.quiz_session import AnswerRow

translate = QCoreApplication.translate


def true_false(value: bool) -> str:
    """"True" or "False"."""
    return translate("AnswerTexts", "True") if value else translate("AnswerTexts", "False")


def answer_text(question: AnyQuestion) -> str:
    """The right answer as one line (``question.answer_text``; true or false translated)."""
    if isinstance(question, TrueFalseQuestion):
        return true_false(question.answer)
    return question.answer_text


def response_text(question: AnyQuestion, response: object) -> str:
    """The response as one line, in the style of ``answer_text`` (``grading.describe_response``)."""
    blank = translate("AnswerTexts", "(blank)")
    if isinstance(response, bool):
        if isinstance(question, CardQuestion):
            return translate("AnswerTexts", "I knew it") if response else translate("AnswerTexts", "I did not know it")
        return true_false(response)
    if isinstance(response, (frozenset, set)):
        ordered = [c for c in getattr(question, "choices", ()) if c in response]
        ordered += sorted(set(response) - set(ordered))
        return ", ".join(ordered) if ordered else translate("AnswerTexts", "(nothing)")
    if isinstance(response, tuple):
        if isinstance(question, OrderQuestion):
            return " → ".join(response)
        gaps = [str(gap).strip() for gap in response]
        return ", ".join(gap or blank for gap in gaps) if any(gaps) else ""
    if isinstance(response, Mapping):
        pairs = question.pairs if isinstance(question, MatchQuestion) else tuple(response.items())
        return "; ".join(f"{left} → {response.get(left, '?')}" for left, _ in pairs)
    return str(response)


def answer_summary(row: AnswerRow) -> str:
    """The response for the results table: a match question's as a count of right pairs."""
    q = row.question
    if isinstance(q, MatchQuestion) and isinstance(row.response, Mapping):
        right = sum(1 for left, value in q.pairs if row.response.get(left) == value)
        return translate("AnswerTexts", "{right} of {pairs} pairs right").format(
            right=number_text(right), pairs=number_text(len(q.pairs)))
    return response_text(q, row.response) or translate("AnswerTexts", "(blank)")


def expected_text(row: AnswerRow) -> str:
    """The right answer of a results row (true or false translated)."""
    return answer_text(row.question) if isinstance(row.question, TrueFalseQuestion) else row.expected


def answer_details(row: AnswerRow) -> str:
    """Everything about the answer in full (``AnswerRow.details``): the question, the response and
    the right answer, a match question's pairs one a line, each marked."""
    q = row.question
    if isinstance(q, MatchQuestion) and isinstance(row.response, Mapping):
        nothing = translate("AnswerTexts", "(nothing)")
        yours = "\n".join(
            f"✔ {left} → {value}" if row.response.get(left) == value
            else f"✘ {left} → {row.response.get(left, nothing)}"
            for left, value in q.pairs)
        right = "\n".join(f"{left} → {value}" for left, value in q.pairs)
    else:
        yours = response_text(q, row.response) or translate("AnswerTexts", "(blank)")
        right = expected_text(row)
    return translate("AnswerTexts", "{question}\n\nYour answer:\n{yours}\n\nRight answer:\n{right}").format(
        question=q.front, yours=yours, right=right)
