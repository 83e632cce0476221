"""The answer input for a quiz item, and the feedback shown after grading it.

``make_answer_input(item)`` returns the widget fitting the item's question type
(see ``studyapp.ui.answer_inputs``); ``FeedbackPanel`` shows how the answer went;
``diff_html`` renders a near miss's character diff.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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
from studyapp.grading import (
    ClozeDetails,
    DiffOp,
    DiffSegment,
    GradeDetails,
    MatchDetails,
    MultiDetails,
    OrderDetails,
    Outcome,
    TextDetails,
)
from studyapp.study.quiz import QuizItem
from studyapp.study.quiz_session import Feedback
from studyapp.ui.answer_inputs.arrange import MatchInput, OrderInput
from studyapp.ui.answer_inputs.base import AnswerInput, plain_label, status_colour
from studyapp.ui.answer_inputs.card import CardInput
from studyapp.ui.answer_inputs.choices import ChoiceInput, MultiInput, TrueFalseInput
from studyapp.ui.answer_inputs.typed import ClozeInput, TextInput
from studyapp.ui.answer_texts import true_false
from studyapp.ui.due_text import schedule_text
from studyapp.ui.literal_text import LiteralText
from studyapp.ui.theme import scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP, window_locale

__all__ = ["AnswerInput", "FeedbackPanel", "diff_html", "make_answer_input", "outcome_text", "outcome_word"]


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
    DiffOp.EQUAL: "{text}",
    DiffOp.EXTRA: '<s style="color:{wrong}">{text}</s>',
    DiffOp.MISSING: '<u style="color:{right}; font-weight:bold">{text}</u>',
}


def diff_html(segments: tuple[DiffSegment, ...], right: str = "#2e7d32", wrong: str = "#c62828") -> str:
    """A near miss's diff as rich text: extra typed letters struck out, missing ones underlined.

    Every segment is HTML-escaped first, so user text can never become markup.
    """
    body = "".join(_DIFF_STYLE[s.op].format(text=html.escape(s.text), right=right, wrong=wrong) for s in segments)
    return f'<span style="font-family:monospace">{body}</span>'


_OUTCOME_LOOK = {
    Outcome.RIGHT: (QT_TRANSLATE_NOOP("AnswerWidgets", "✔ Right"), QColor(46, 125, 50, 45)),
    Outcome.ALMOST: (QT_TRANSLATE_NOOP("AnswerWidgets", "≈ Almost: a small slip (counts as wrong)"),
                     QColor(237, 108, 2, 45)),
    Outcome.WRONG: (QT_TRANSLATE_NOOP("AnswerWidgets", "✘ Wrong"), QColor(198, 40, 40, 45)),
}
_OUTCOME_WORD = {
    Outcome.RIGHT: QT_TRANSLATE_NOOP("AnswerWidgets", "✔ Right"),
    Outcome.ALMOST: QT_TRANSLATE_NOOP("AnswerWidgets", "≈ Almost"),
    Outcome.WRONG: QT_TRANSLATE_NOOP("AnswerWidgets", "✘ Wrong"),
}


translate = QCoreApplication.translate


def outcome_text(outcome: Outcome) -> str:
    """The words (and sign) for an outcome; colour is only ever added on top of these."""
    return translate("AnswerWidgets", _OUTCOME_LOOK[outcome][0])


def outcome_word(outcome: Outcome) -> str:
    """The outcome in a word or two with its sign (``≈ Almost``), for a table cell."""
    return translate("AnswerWidgets", _OUTCOME_WORD[outcome])


def outcome_colour(outcome: Outcome, widget: QWidget) -> str:
    """The text colour for ``outcome`` on ``widget``'s palette."""
    return status_colour(str(outcome), widget)


def _detail_lines(details: GradeDetails | None) -> list[str]:
    """Plain-text lines explaining partial results (which gaps, pairs, items were right)."""
    nothing = translate("AnswerWidgets", "(nothing)")
    if isinstance(details, ClozeDetails):
        marks = {Outcome.RIGHT: "✔", Outcome.ALMOST: "≈", Outcome.WRONG: "✘"}
        wrote = translate("AnswerWidgets", "{mark} Gap {number}: you wrote {response}, the answer is “{expected}”")
        return [
            wrote.format(mark=marks[g.outcome], number=i, expected=g.expected,
                         response=window_locale().quoteString(g.response) if g.response.strip() else nothing)
            for i, g in enumerate(details.gaps, start=1)
        ]
    if isinstance(details, MultiDetails):
        lines = []
        if details.missed:
            lines.append(translate("AnswerWidgets", "Missed: {choices}").format(choices=", ".join(sorted(details.missed))))
        if details.picked_wrong:
            lines.append(translate("AnswerWidgets", "Not right: {choices}").format(
                choices=", ".join(sorted(details.picked_wrong))))
        return lines
    if isinstance(details, OrderDetails):
        return [translate("AnswerWidgets", "{right} of {total} items in the right place").format(
            right=details.in_place, total=details.total)]
    if isinstance(details, MatchDetails):
        # Every pair on its own line, marked: the ones you got right read as plainly as the others.
        lines = [translate("AnswerWidgets", "{right} of {total} pairs right").format(
            right=details.correct_pairs, total=details.total)]
        should_be = translate("AnswerWidgets", "✘ {left} → {chosen} (should be {expected})")
        lines += [
            f"✔ {p.left} → {p.chosen}" if p.right
            else should_be.format(left=p.left, chosen=p.chosen if p.chosen is not None else nothing, expected=p.expected)
            for p in details.pairs
        ]
        return lines
    return []


def _expected_text(feedback: Feedback) -> str:
    """The right answer as shown: a match question's pairs one per line (one run-on paragraph
    of "a → b; c → d" was hard to read), every other type as the grader wrote it."""
    if isinstance(feedback.details, MatchDetails):
        return "\n".join(f"{p.left}  →  {p.expected}" for p in feedback.details.pairs)
    if isinstance(feedback.question, TrueFalseQuestion):
        return true_false(feedback.question.answer)  # the grader's "True"/"False", in the window's language
    return feedback.expected


def _diffs(details: GradeDetails | None) -> list[tuple[str, tuple[DiffSegment, ...]]]:
    if isinstance(details, TextDetails) and details.diff:
        return [("", details.diff)]
    if isinstance(details, ClozeDetails):
        gap = translate("AnswerWidgets", "Gap {number}: ")
        return [(gap.format(number=i), g.text.diff) for i, g in enumerate(details.gaps, start=1) if g.text.diff]
    return []


class FeedbackPanel(QFrame):
    """What the quiz shows after an answer: outcome, right answer, near-miss diff, explanation, quote.

    ``showInArticle(deck, quote)`` is emitted by its "Show in article" button,
    ``editRequested(deck, question id)`` by "Edit this question".
    """

    showInArticle = Signal(str, str)
    editRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedback")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._key: tuple[str, str] | None = None
        self.outcome_label = QLabel(self)
        self.outcome_label.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome_label.setAccessibleName(self.tr("Result"))
        self.outcome_label.setAutoFillBackground(True)
        self.outcome_label.setMargin(6)
        scale_font(self.outcome_label, 1.4)  # colours go in the palette: a style sheet would undo this
        self.memory_label = plain_label("", self, selectable=False)
        self.memory_label.setAccessibleName(self.tr("What the answer did to the schedule"))
        self.expected_caption = plain_label(self.tr("Right answer:"), self, selectable=False)
        self.expected_label = LiteralText(self)
        self.expected_label.setAccessibleName(self.tr("Right answer"))
        self.details_label = LiteralText(self)  # lists the choices missed: as long as they are
        self.details_label.setAccessibleName(self.tr("Details"))
        self.diff_label = QLabel(self)
        self.diff_label.setTextFormat(Qt.TextFormat.RichText)  # built by diff_html: every piece escaped
        self.diff_label.setWordWrap(True)
        self.diff_label.setAccessibleName(self.tr("Your answer compared with the right one"))
        self.explanation_label = LiteralText(self)
        self.explanation_label.setAccessibleName(self.tr("Explanation"))
        self.quote_caption = plain_label(self.tr("From the article:"), self, selectable=False)
        self.quote_label = LiteralText(self)
        self.quote_label.setAccessibleName(self.tr("Quote from the article"))
        self.quote_label.setStyleSheet("font-style: italic; border-left: 3px solid palette(mid); padding-left: 8px;")
        self.article_button = QPushButton(self.tr("Show in &article"), self)
        self.article_button.setAccessibleName(self.tr("Show in article"))
        self.article_button.setToolTip(self.tr("Open the article at this passage"))
        self.article_button.clicked.connect(self._show_in_article)
        self.edit_button = QPushButton(self.tr("Edit this question"), self)
        self.edit_button.setAccessibleName(self.tr("Edit this question"))
        self.edit_button.setToolTip(self.tr("Fix a mistake in this question: opens it in the editor"))
        self.edit_button.clicked.connect(self._edit)
        self._question: tuple[str, str] | None = None
        for caption in (self.expected_caption, self.quote_caption):
            caption.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.memory_label)
        layout.addWidget(self.expected_caption)
        layout.addWidget(self.expected_label)
        layout.addWidget(self.diff_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.explanation_label)
        layout.addWidget(self.quote_caption)
        layout.addWidget(self.quote_label)
        row = QHBoxLayout()
        row.addWidget(self.article_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_feedback(self, feedback: Feedback) -> None:
        """Fill the panel for one graded answer and show it."""
        tint = _OUTCOME_LOOK[feedback.outcome][1]
        self.outcome_label.setText(outcome_text(feedback.outcome))
        palette = self.outcome_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(outcome_colour(feedback.outcome, self)))
        palette.setColor(QPalette.ColorRole.Window, tint)
        self.outcome_label.setPalette(palette)
        memory = schedule_text(feedback)
        self.memory_label.setText(memory)
        self.memory_label.setVisible(bool(memory))
        self.expected_label.setText(_expected_text(feedback))
        diffs = _diffs(feedback.details)
        self.diff_label.setText(
            html.escape(self.tr("Your answer, with fixes: "))
            + "<br>".join(
                html.escape(prefix)
                + diff_html(segments, status_colour("right", self), status_colour("wrong", self))
                for prefix, segments in diffs
            )
            if diffs else ""
        )
        self.diff_label.setVisible(bool(diffs))
        lines = _detail_lines(feedback.details)
        self.details_label.setText("\n".join(lines))
        self.details_label.setVisible(bool(lines))
        self.explanation_label.setText(feedback.explanation or "")
        self.explanation_label.setVisible(bool(feedback.explanation))
        has_quote = bool(feedback.quote)
        self.quote_label.setText(feedback.quote or "")
        for w in (self.quote_caption, self.quote_label, self.article_button):
            w.setVisible(has_quote)
        self._key = (feedback.question.deck, feedback.quote or "")
        self._question = feedback.question.key
        self.show()

    def _edit(self) -> None:
        if self._question is not None:
            self.editRequested.emit(*self._question)

    def _show_in_article(self) -> None:
        if self._key is not None and self._key[1]:
            self.showInArticle.emit(*self._key)
