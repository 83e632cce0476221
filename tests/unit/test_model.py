"""The question model: cloze parsing, content hashes, flashcard fronts and answer lines."""

from __future__ import annotations

import pytest

from studyapp.bank.model import (
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    ClozeSyntaxError,
    MatchQuestion,
    OrderQuestion,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
    parse_cloze,
)


def test_parse_cloze_splits_text_and_gaps_with_alternatives() -> None:
    parts = parse_cloze("Sanctions are linked to Russia's {{war|conflict}} in {{Ukraine}}.")
    assert parts == (
        "Sanctions are linked to Russia's ",
        ClozeGap(("war", "conflict")),
        " in ",
        ClozeGap(("Ukraine",)),
        ".",
    )


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("In {{2020 the West", "unclosed gap", 3),
        ("In {{}} the West", "empty gap", 3),
        ("In {{war|}} the West", "empty alternative", 3),
        ("In 2020}} the West", "without an opening", 7),
        ("No gaps here", "at least one gap", 0),
        ("A {{b {{c}} d", "unclosed gap", 2),
    ],
)
def test_parse_cloze_rejects_malformed_gaps(text: str, message: str, offset: int) -> None:
    with pytest.raises(ClozeSyntaxError, match=message) as info:
        parse_cloze(text)
    assert info.value.offset == offset


def test_cloze_front_hides_gaps_and_filled_text_restores_them() -> None:
    text = "On {{January 26}}, he lashed out at the West."
    q = ClozeQuestion(deck="d", id="c", text=text, parts=parse_cloze(text), prompt="Fill in the date")
    assert q.type is QuestionType.CLOZE
    assert q.front == "Fill in the date\n\nOn [...], he lashed out at the West."
    assert q.filled_text == "On January 26, he lashed out at the West."
    assert q.answer_text == "January 26"


def test_content_hash_ignores_explanation_quote_tags_and_choice_order() -> None:
    base = dict(deck="d", id="q", prompt="Who?", answer="Raman Hałoŭčanka")
    a = ChoiceQuestion(**base, choices=("Raman Hałoŭčanka", "Ihar Karpienka"), explanation="x", tags=("people",))
    b = ChoiceQuestion(**base, choices=("Ihar Karpienka", "Raman Hałoŭčanka"), quote="On January 17", line=40)
    assert a.content_hash == b.content_hash
    c = ChoiceQuestion(**{**base, "answer": "Ihar Karpienka"}, choices=a.choices)
    assert c.content_hash != a.content_hash


def test_content_hash_differs_between_types_with_the_same_prompt() -> None:
    t = TextQuestion(deck="d", id="q", prompt="Capital?", answers=("Minsk",))
    f = TrueFalseQuestion(deck="d", id="q", prompt="Capital?", answer=True)
    assert t.content_hash != f.content_hash
    assert len(t.content_hash) == 16


def test_answer_text_for_order_and_match() -> None:
    o = OrderQuestion(deck="d", id="o", prompt="Order", items=("a", "b", "c"))
    m = MatchQuestion(deck="d", id="m", prompt="Match", pairs=(("Orban", "Hungary"), ("Fico", "Slovakia")))
    assert o.answer_text == "a → b → c"
    assert m.answer_text == "Orban → Hungary; Fico → Slovakia"
