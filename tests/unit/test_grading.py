"""Every grading rule, with the article's names (seeds/000_f104dea7fb288af0.txt)."""

from __future__ import annotations

import pytest

from studyapp.bank.model import (
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
from studyapp.grading import (
    ClozeDetails,
    DiffOp,
    DiffSegment,
    MatchDetails,
    MultiDetails,
    OrderDetails,
    Outcome,
    TextDetails,
    describe_response,
    grade,
    near_miss_limit,
    response_from_json,
    response_to_json,
)

D = "belarus-west"

PM = TextQuestion(deck=D, id="pm", prompt="Who is the Prime Minister?", answers=("Raman Hałoŭčanka", "Hałoŭčanka"))
LEADER = TextQuestion(deck=D, id="leader", prompt="Who leads Belarus?", answers=("Łukašenka",))
YEAR = TextQuestion(deck=D, id="year", prompt="Year of the denounced election?", answers=("2020",))
CLOZE_TEXT = "Foreign Minister {{Maksim Ryžankoŭ|Ryžankoŭ}} and {{Alaksandar Łukašenka|Łukašenka}} spoke."
CLOZE = ClozeQuestion(deck=D, id="cl", text=CLOZE_TEXT, parts=parse_cloze(CLOZE_TEXT))
CHOICE = ChoiceQuestion(
    deck=D, id="ch", prompt="Who vetoed the EU statement?", choices=("Hungary", "Slovakia", "Canada"), answer="Hungary"
)
MULTI = MultiQuestion(
    deck=D,
    id="mu",
    prompt="Opposition leaders shown in videos?",
    choices=("Viktar Babaryka", "Maryja Kaleśnikava", "Ihar Karpienka"),
    answers=("Viktar Babaryka", "Maryja Kaleśnikava"),
)
TF = TrueFalseQuestion(deck=D, id="tf", prompt="Hungary vetoed the statement.", answer=True)
ORDER = OrderQuestion(deck=D, id="or", prompt="Order these", items=("2020 election", "January 17", "January 26"))
MATCH = MatchQuestion(
    deck=D,
    id="ma",
    prompt="Match the person to the role",
    pairs=(("Hałoŭčanka", "Prime Minister"), ("Ryžankoŭ", "Foreign Minister"), ("Karpienka", "election official")),
)
CARD = CardQuestion(deck=D, id="ca", prompt="Who is Anastassia Nuhfer?", answer="An American citizen released")


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        (LEADER, "Lukasenka"),
        (LEADER, "ŁUKAŠENKA"),
        (LEADER, "  lukasenka!! "),
        (PM, "Haloucanka"),
        (PM, "raman   HALOUCANKA."),
        (PM, "Raman Hałoŭčanka"),
    ],
)
def test_typed_answers_fold_diacritics_case_punctuation_and_spaces(question: TextQuestion, typed: str) -> None:
    g = grade(question, typed)
    assert g.outcome is Outcome.RIGHT
    assert g.score == 1.0
    assert g.expected == question.answers[0]


def test_near_miss_is_almost_with_a_diff_and_scores_zero() -> None:
    g = grade(LEADER, "Lukashenkoo")
    assert g.outcome is Outcome.ALMOST
    assert g.score == 0.0
    assert g.expected == "Łukašenka"
    assert isinstance(g.details, TextDetails)
    assert g.details.distance == 3
    assert g.details.diff == (
        DiffSegment(DiffOp.EQUAL, "lukas"),
        DiffSegment(DiffOp.EXTRA, "h"),
        DiffSegment(DiffOp.EQUAL, "enk"),
        DiffSegment(DiffOp.EXTRA, "oo"),
        DiffSegment(DiffOp.MISSING, "a"),
    )
    # The diff rebuilds both strings: equal+extra is what was typed, equal+missing the answer.
    typed = "".join(s.text for s in g.details.diff if s.op is not DiffOp.MISSING)
    expected = "".join(s.text for s in g.details.diff if s.op is not DiffOp.EXTRA)
    assert (typed, expected) == ("lukashenkoo", "lukasenka")


def test_a_wrong_date_is_wrong_not_almost() -> None:
    """Found by the bank's author: "January 17" for "January 26" was called a typo."""
    date = TextQuestion(deck="d", id="lash-out", prompt="When did he lash out?", answers=("January 26",))
    assert grade(date, "January 17").outcome is Outcome.WRONG
    assert grade(date, "Janaury 26").outcome is Outcome.ALMOST  # a typo in the words still is


def test_transposed_letters_are_a_near_miss_with_the_diff() -> None:
    """Fails before: "Minks" was two substitutions away from "Minsk", beyond its one-edit allowance."""
    capital = TextQuestion(deck="d", id="capital", prompt="Capital of Belarus?", answers=("Minsk",))
    g = grade(capital, "Minks")
    assert g.outcome is Outcome.ALMOST
    assert isinstance(g.details, TextDetails)
    assert g.details.distance == 1  # one transposition is one edit
    typed = "".join(s.text for s in g.details.diff if s.op is not DiffOp.MISSING)
    expected = "".join(s.text for s in g.details.diff if s.op is not DiffOp.EXTRA)
    assert (typed, expected) == ("minks", "minsk")
    assert g.details.diff[0] == DiffSegment(DiffOp.EQUAL, "min")
    assert grade(capital, "Mniks").outcome is Outcome.WRONG  # two swaps: more than one edit
    assert grade(LEADER, "Lukasnehka").outcome is Outcome.ALMOST


def test_near_miss_picks_the_closest_alternative() -> None:
    g = grade(PM, "Halouchanka")
    assert g.outcome is Outcome.ALMOST
    assert isinstance(g.details, TextDetails)
    assert g.details.closest == "haloucanka"
    assert g.details.distance == 1


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        (LEADER, "Lukashenkooo"),  # 4 edits: too far
        (LEADER, "Babaryka"),
        (LEADER, ""),
        (YEAR, "2025"),  # a wrong year is not a typo
        (PM, "Ryžankoŭ"),
    ],
)
def test_far_answers_are_wrong_without_diff(question: TextQuestion, typed: str) -> None:
    g = grade(question, typed)
    assert g.outcome is Outcome.WRONG
    assert g.score == 0.0
    assert isinstance(g.details, TextDetails)
    assert g.details.diff == ()


@pytest.mark.parametrize(
    ("folded", "limit"), [("us", 0), ("fico", 1), ("minsk", 1), ("babaryka", 2), ("lukasenka", 3), ("raman haloucanka", 3), ("2020", 0)]
)
def test_near_miss_threshold(folded: str, limit: int) -> None:
    assert near_miss_limit(folded) == limit


def test_cloze_reports_each_gap() -> None:
    right = grade(CLOZE, ("Ryzankou", "alaksandar lukasenka"))
    assert right.outcome is Outcome.RIGHT
    assert right.expected == "Maksim Ryžankoŭ, Alaksandar Łukašenka"

    almost = grade(CLOZE, ("Ryzhankou", "Lukasenka"))
    assert almost.outcome is Outcome.ALMOST
    assert almost.score == 0.0
    assert isinstance(almost.details, ClozeDetails)
    assert [g.outcome for g in almost.details.gaps] == [Outcome.ALMOST, Outcome.RIGHT]
    assert almost.details.gaps[0].text.diff[1] == DiffSegment(DiffOp.EXTRA, "h")
    assert almost.details.right == 1

    wrong = grade(CLOZE, ("Ryzankou", "Babaryka"))
    assert wrong.outcome is Outcome.WRONG
    assert isinstance(wrong.details, ClozeDetails)
    assert [g.outcome for g in wrong.details.gaps] == [Outcome.RIGHT, Outcome.WRONG]
    assert wrong.details.gaps[1].expected == "Alaksandar Łukašenka"


def test_choice_and_truefalse_and_card() -> None:
    assert grade(CHOICE, "Hungary").outcome is Outcome.RIGHT
    assert grade(CHOICE, "Slovakia").outcome is Outcome.WRONG
    assert grade(CHOICE, "hungary").outcome is Outcome.WRONG  # a choice is picked, not typed
    assert grade(TF, True).outcome is Outcome.RIGHT
    assert grade(TF, False).outcome is Outcome.WRONG
    assert grade(TF, False).expected == "True"
    assert grade(CARD, True).outcome is Outcome.RIGHT
    assert grade(CARD, False).outcome is Outcome.WRONG


def test_multi_needs_the_exact_set_and_reports_partial_counts() -> None:
    assert grade(MULTI, frozenset({"Viktar Babaryka", "Maryja Kaleśnikava"})).outcome is Outcome.RIGHT
    partial = grade(MULTI, frozenset({"Viktar Babaryka", "Ihar Karpienka"}))
    assert partial.outcome is Outcome.WRONG
    assert partial.score == 0.0
    assert partial.details == MultiDetails(
        picked_right=frozenset({"Viktar Babaryka"}),
        missed=frozenset({"Maryja Kaleśnikava"}),
        picked_wrong=frozenset({"Ihar Karpienka"}),
    )
    subset = grade(MULTI, frozenset({"Viktar Babaryka"}))
    assert subset.outcome is Outcome.WRONG


def test_order_needs_the_exact_order_and_counts_items_in_place() -> None:
    assert grade(ORDER, ORDER.items).outcome is Outcome.RIGHT
    g = grade(ORDER, ("2020 election", "January 26", "January 17"))
    assert g.outcome is Outcome.WRONG
    assert g.details == OrderDetails(in_place=1, total=3, placed=(True, False, False))


def test_match_needs_all_pairs_and_counts_correct_pairs() -> None:
    right = {"Hałoŭčanka": "Prime Minister", "Ryžankoŭ": "Foreign Minister", "Karpienka": "election official"}
    assert grade(MATCH, right).outcome is Outcome.RIGHT
    g = grade(MATCH, {"Hałoŭčanka": "Prime Minister", "Ryžankoŭ": "election official"})
    assert g.outcome is Outcome.WRONG
    assert isinstance(g.details, MatchDetails)
    assert (g.details.correct_pairs, g.details.total) == (1, 3)
    assert g.details.pairs[2].chosen is None


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (CHOICE, 1),
        (MULTI, ["Viktar Babaryka"]),
        (TF, 1),
        (TF, "True"),
        (LEADER, None),
        (CLOZE, ["Ryžankoŭ", "Łukašenka"]),
        (CLOZE, ("Ryžankoŭ", 3)),
        (ORDER, list(ORDER.items)),
        (MATCH, [("Hałoŭčanka", "Prime Minister")]),
        (CARD, "yes"),
    ],
)
def test_a_response_of_the_wrong_type_is_a_type_error(question: object, response: object) -> None:
    with pytest.raises(TypeError):
        grade(question, response)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (CLOZE, ("Ryžankoŭ",)),
        (ORDER, ("2020 election", "January 17")),
        (MATCH, {"Babaryka": "Prime Minister"}),
    ],
)
def test_a_response_that_cannot_belong_to_the_question_is_a_value_error(question: object, response: object) -> None:
    with pytest.raises(ValueError):
        grade(question, response)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (CHOICE, "Hungary"),
        (MULTI, frozenset({"Maryja Kaleśnikava", "Viktar Babaryka"})),
        (TF, False),
        (LEADER, "Łukašenka"),
        (CLOZE, ("Ryžankoŭ", "Łukašenka")),
        (ORDER, ("January 17", "2020 election", "January 26")),
        (MATCH, {"Hałoŭčanka": "Prime Minister"}),
        (CARD, True),
    ],
)
def test_responses_round_trip_through_json(question: object, response: object) -> None:
    text = response_to_json(response)
    assert response_from_json(question, text) == response  # type: ignore[arg-type]
    assert "Ł" in text or "Ł" not in str(response)  # stored readable, not \\u-escaped


def test_response_json_is_the_stored_format() -> None:
    # The stored text replays and exports as before: keys sorted, sets sorted, text unescaped.
    assert response_to_json({"b": "Ł", "a": "x"}) == '{"a": "x", "b": "Ł"}'
    assert response_to_json(frozenset({"b", "a"})) == '["a", "b"]'
    assert response_to_json(("Ł", "x")) == '["Ł", "x"]'
    assert response_to_json(True) == "true"


def test_describe_response_reads_like_the_answer() -> None:
    assert describe_response(MULTI, frozenset({"Maryja Kaleśnikava", "Viktar Babaryka"})) == MULTI.answer_text
    assert describe_response(ORDER, ORDER.items) == ORDER.answer_text
    assert describe_response(MATCH, dict(MATCH.pairs)) == MATCH.answer_text
    assert describe_response(TF, False) == "False"
    assert describe_response(CARD, True) == "I knew it"
