"""Ready for other languages: the answer inputs of every question type and the feedback after an
answer, under the pseudo translation (``test_pseudo_locale``), before the quiz screen around them
is swept: every text they show carries the marker unless it is the question's own, none is cut."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from pseudo_sweep import cut_off, data_strings, untranslated, visible_texts
from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
    parse_cloze,
)
from studyapp.grading import ClozeDetails, MatchDetails, MultiDetails, OrderDetails, grade
from studyapp.study.quiz import QuizItem
from studyapp.study.quiz_session import Feedback
from studyapp.ui.answer_inputs.arrange import MatchInput, OrderInput
from studyapp.ui.answer_inputs.card import CardInput
from studyapp.ui.answer_inputs.choices import ChoiceInput, MultiInput, TrueFalseInput
from studyapp.ui.answer_widgets import FeedbackPanel, make_answer_input
from pseudo_locale import pseudo, pseudo_qm  # noqa: F401 - the fixtures

pytestmark = pytest.mark.slow

QUOTE = "The European Parliament dismissed the election as a sham."
# Each type with a response that is partly wrong, so the marks and details show.
ANSWERED: list[tuple[AnyQuestion, Any]] = [
    (ChoiceQuestion(deck="d", id="c", prompt="Capital?", choices=("Minsk", "Vilnius"), answer="Minsk",
                    quote=QUOTE), "Vilnius"),
    (MultiQuestion(deck="d", id="m", prompt="Which?", choices=("Canada", "the UK", "Japan"),
                   answers=("Canada", "the UK")), frozenset({"Canada", "Japan"})),
    (TrueFalseQuestion(deck="d", id="t", prompt="Canada imposed sanctions.", answer=True), False),
    (TextQuestion(deck="d", id="x", prompt="How was the election described?", answers=("a sham",),
                  explanation="The Parliament's own word."), "a shan"),
    (ClozeQuestion(deck="d", id="z", text="On {{January 17}} the {{Prime Minister}} spoke.",
                   parts=parse_cloze("On {{January 17}} the {{Prime Minister}} spoke.")), ("January 18", "")),
    (OrderQuestion(deck="d", id="o", prompt="In order?", items=("dawn", "noon", "dusk")), ("noon", "dawn", "dusk")),
    (MatchQuestion(deck="d", id="p", prompt="Who leads where?", pairs=(("Biden", "US"), ("Carney", "Canada"))),
     {"Biden": "Canada", "Carney": "US"}),
    (CardQuestion(deck="d", id="k", prompt="Who spoke on January 17?", answer="The Prime Minister"), False),
]


def _answered(q: AnyQuestion, response: Any) -> tuple[QWidget, FeedbackPanel, list[str]]:
    graded = grade(q, response)
    widget = make_answer_input(QuizItem(q))
    details = graded.details
    if isinstance(widget, CardInput):
        widget.reveal()
    elif isinstance(widget, MultiInput):
        widget.mark_options(set(getattr(q, "answers", ())))
    elif isinstance(widget, (ChoiceInput, TrueFalseInput)):
        widget.mark_options({graded.expected})
    elif isinstance(widget, OrderInput) and isinstance(details, OrderDetails):
        widget.mark_places(details.placed)
    elif isinstance(widget, MatchInput) and isinstance(details, MatchDetails):
        widget.mark_pairs({p.left: p.right for p in details.pairs})
    panel = FeedbackPanel()
    panel.show_feedback(Feedback(q, graded.outcome, graded.expected, q.explanation, q.quote, details, graded))
    # The grader's own words for a true/false answer: a core text (the report names it).
    core = ["True", "False"] if isinstance(q, TrueFalseQuestion) else []
    if isinstance(details, (ClozeDetails, MultiDetails)):
        core.append(graded.expected)
    if isinstance(q, ClozeQuestion):
        core += q.text.split()  # the sentence flows word by word around its gaps
    return widget, panel, core


@pytest.mark.parametrize("answered", ANSWERED, ids=[q.type.value for q, _ in ANSWERED])
def test_every_answer_input_and_its_feedback_is_translated_and_fits(
        answered: tuple[AnyQuestion, Any], pseudo: Any, qtbot: Any) -> None:
    q, response = answered
    widget, panel, core = _answered(q, response)
    for top in (widget, panel):
        qtbot.addWidget(top)
        top.resize(760, 520)  # the quiz's column at the window's default size
        top.show()
        qtbot.waitExposed(top)
    QTest.qWait(0)
    shown = [*visible_texts(widget), *visible_texts(panel)]
    assert any(s.text.startswith("[‹") for s in shown)
    data = data_strings([q], core)
    missing = untranslated(shown, data)
    assert not missing, "texts that never went through the translator:\n" + "\n".join(missing)
    cut = cut_off(shown)
    assert not cut, "texts cut off:\n" + "\n".join(cut)
