"""Grading: compare a response with a question's answer and say how it went.

``grade(question, response)`` takes a response of the type the ARCHITECTURE contract names for
the question's type (``str`` for choice and text, ``frozenset[str]`` for multi, ``bool`` for
truefalse and card, ``tuple[str, ...]`` for cloze and order, ``dict[str, str]`` for match) and
returns a ``Grade``. A response of the wrong Python type is a programming error and raises
``TypeError``; a response that cannot belong to the question (a cloze tuple with the wrong
number of gaps, an order that is not a permutation of the items, a match key that is not a
left item) raises ``ValueError``.

Typed answers (text, cloze gaps) are compared after ``textnorm.fold_answer``. A near miss is
a folded answer within ``near_miss_limit(expected)`` edits of an accepted one (inserting,
deleting or changing a letter, or swapping two neighbours: "Minks" is one edit from "Minsk"):
one edit per three characters of the accepted answer, at most three, and none for answers
shorter than four characters or made only of digits, nor when the digits differ (a wrong year
or date is not a typo). A near miss is ``ALMOST``: it scores 0 like a wrong answer, and the grade carries a character diff.

The score is 1.0 for ``RIGHT`` and 0.0 otherwise: the issue asks for "right only with exactly
the right set/order/pairs"; partial counts are reported in ``details`` but give no credit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import OSA, Levenshtein

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.textnorm import fold_answer


class Outcome(StrEnum):
    """How an answer went. ``ALMOST`` (a near-miss typo) counts as wrong in the score."""

    RIGHT = "right"
    ALMOST = "almost"
    WRONG = "wrong"


class DiffOp(StrEnum):
    """One kind of segment in a character diff between a typed and an accepted answer."""

    EQUAL = "equal"  # in both
    EXTRA = "extra"  # typed, but not in the accepted answer (show struck through)
    MISSING = "missing"  # in the accepted answer, but not typed (show highlighted)


@dataclass(frozen=True, slots=True)
class DiffSegment:
    """A run of characters of the folded strings, with what happened to it."""

    op: DiffOp
    text: str


@dataclass(frozen=True, slots=True)
class TextDetails:
    """A typed answer: the folded strings compared and, for a near miss, the diff."""

    typed: str  # folded response
    closest: str  # folded accepted alternative closest to the response
    distance: int  # edits between the two (a swap of neighbouring letters is one)
    diff: tuple[DiffSegment, ...]  # empty unless the outcome is ALMOST


@dataclass(frozen=True, slots=True)
class GapResult:
    """One cloze gap: what was typed, the shown answer, and how it went."""

    response: str
    expected: str
    outcome: Outcome
    text: TextDetails


@dataclass(frozen=True, slots=True)
class ClozeDetails:
    gaps: tuple[GapResult, ...]

    @property
    def right(self) -> int:
        """Number of gaps filled right."""
        return sum(1 for g in self.gaps if g.outcome is Outcome.RIGHT)


@dataclass(frozen=True, slots=True)
class MultiDetails:
    picked_right: frozenset[str]  # right choices that were picked
    missed: frozenset[str]  # right choices not picked
    picked_wrong: frozenset[str]  # wrong choices that were picked


@dataclass(frozen=True, slots=True)
class OrderDetails:
    in_place: int  # items at their right position
    total: int
    placed: tuple[bool, ...]  # per position of the response: is the item there right?


@dataclass(frozen=True, slots=True)
class PairResult:
    left: str
    chosen: str | None  # None when nothing was chosen for ``left``
    expected: str

    @property
    def right(self) -> bool:
        return self.chosen == self.expected


@dataclass(frozen=True, slots=True)
class MatchDetails:
    pairs: tuple[PairResult, ...]  # in the question's order

    @property
    def correct_pairs(self) -> int:
        return sum(1 for p in self.pairs if p.right)

    @property
    def total(self) -> int:
        return len(self.pairs)


GradeDetails = TextDetails | ClozeDetails | MultiDetails | OrderDetails | MatchDetails


@dataclass(frozen=True, slots=True)
class Grade:
    """How a response went: outcome, score (1.0 right, else 0.0), the right answer, details."""

    outcome: Outcome
    score: float
    expected: str
    details: GradeDetails | None = None


Response = str | bool | frozenset[str] | tuple[str, ...] | Mapping[str, str]


def near_miss_limit(expected_folded: str) -> int:
    """Largest edit distance still counted as a near miss of ``expected_folded``.

    One edit per three characters, at most 3 (``lukasenka``: 3, ``minsk``: 1); 0 for answers
    under 4 characters and for all-digit answers (years, counts).
    """
    compact = expected_folded.replace(" ", "")
    if len(compact) < 4 or compact.isdigit():
        return 0
    return min(3, len(expected_folded) // 3)


def char_diff(typed: str, expected: str) -> tuple[DiffSegment, ...]:
    """A minimal character diff turning ``typed`` into ``expected`` (Levenshtein opcodes).

    Adjacent changes are merged into one ``EXTRA`` run followed by one ``MISSING`` run, so
    ``lukashenkoo`` vs ``lukasenka`` reads ``lukas [h] enk [oo→a]``.
    """
    segments: list[DiffSegment] = []
    extra: list[str] = []
    missing: list[str] = []

    def flush() -> None:
        if "".join(extra):
            segments.append(DiffSegment(DiffOp.EXTRA, "".join(extra)))
        if "".join(missing):
            segments.append(DiffSegment(DiffOp.MISSING, "".join(missing)))
        extra.clear()
        missing.clear()

    for code in Levenshtein.opcodes(typed, expected):
        src = typed[code.src_start : code.src_end]
        dest = expected[code.dest_start : code.dest_end]
        if code.tag == "equal":
            flush()
            segments.append(DiffSegment(DiffOp.EQUAL, src))
        else:
            extra.append(src)
            missing.append(dest)
    flush()
    return tuple(segments)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def grade_typed(response: str, accepted: tuple[str, ...]) -> tuple[Outcome, TextDetails]:
    """Grade one typed answer against its accepted alternatives (text answers, cloze gaps)."""
    typed = fold_answer(response)
    best: tuple[int, str] | None = None
    for alternative in accepted:
        folded = fold_answer(alternative)
        # Optimal string alignment: Levenshtein plus the swap of two neighbouring letters as one edit.
        distance = OSA.distance(typed, folded)
        if distance == 0:
            return Outcome.RIGHT, TextDetails(typed, folded, 0, ())
        if best is None or distance < best[0]:
            best = (distance, folded)
    assert best is not None, "a question always has at least one accepted answer"
    distance, closest = best
    # An empty response is never "almost", however short the answer; nor is one whose numbers
    # differ ("January 17" for "January 26" is a wrong date, not a typo).
    if typed and distance <= near_miss_limit(closest) and _digits(typed) == _digits(closest):
        return Outcome.ALMOST, TextDetails(typed, closest, distance, char_diff(typed, closest))
    return Outcome.WRONG, TextDetails(typed, closest, distance, ())


def _require(response: object, kind: type | tuple[type, ...], question: Question, what: str) -> None:
    if not isinstance(response, kind):
        raise TypeError(
            f"a {question.type} response must be {what}, got {type(response).__name__}"
        )


def _str_tuple(response: object, question: Question) -> tuple[str, ...]:
    _require(response, tuple, question, "a tuple of str")
    assert isinstance(response, tuple)
    if not all(isinstance(r, str) for r in response):
        raise TypeError(f"a {question.type} response must be a tuple of str")
    return response


def _outcome(right: bool) -> Outcome:
    return Outcome.RIGHT if right else Outcome.WRONG


def _done(outcome: Outcome, question: AnyQuestion, details: GradeDetails | None = None) -> Grade:
    score = 1.0 if outcome is Outcome.RIGHT else 0.0
    return Grade(outcome, score, question.answer_text, details)


def grade(question: AnyQuestion, response: object) -> Grade:
    """Grade ``response`` to ``question``; see the module docstring for the rules."""
    if isinstance(question, ChoiceQuestion):
        _require(response, str, question, "a str")
        return _done(_outcome(response == question.answer), question)
    if isinstance(question, MultiQuestion):
        _require(response, (frozenset, set), question, "a frozenset of str")
        assert isinstance(response, (frozenset, set))
        if not all(isinstance(r, str) for r in response):
            raise TypeError("a multi response must be a frozenset of str")
        right = frozenset(question.answers)
        picked = frozenset(response)
        details = MultiDetails(picked & right, right - picked, picked - right)
        return _done(_outcome(picked == right), question, details)
    if isinstance(question, (TrueFalseQuestion, CardQuestion)):
        _require(response, bool, question, "a bool")
        if isinstance(question, CardQuestion):
            return _done(_outcome(bool(response)), question)
        return _done(_outcome(response is question.answer), question)
    if isinstance(question, TextQuestion):
        _require(response, str, question, "a str")
        assert isinstance(response, str)
        outcome, text_details = grade_typed(response, question.answers)
        return _done(outcome, question, text_details)
    if isinstance(question, ClozeQuestion):
        return _grade_cloze(question, _str_tuple(response, question))
    if isinstance(question, OrderQuestion):
        return _grade_order(question, _str_tuple(response, question))
    if isinstance(question, MatchQuestion):
        _require(response, Mapping, question, "a dict of str to str")
        assert isinstance(response, Mapping)
        return _grade_match(question, response)
    raise TypeError(f"not a question: {type(question).__name__}")


def _grade_cloze(question: ClozeQuestion, response: tuple[str, ...]) -> Grade:
    gaps = question.gaps
    if len(response) != len(gaps):
        raise ValueError(f"cloze {question.id!r} has {len(gaps)} gaps, got {len(response)} answers")
    results = []
    for typed, gap in zip(response, gaps):
        outcome, text_details = grade_typed(typed, gap.alternatives)
        results.append(GapResult(typed, gap.answer, outcome, text_details))
    outcomes = {r.outcome for r in results}
    if outcomes == {Outcome.RIGHT}:
        overall = Outcome.RIGHT
    elif Outcome.WRONG in outcomes:
        overall = Outcome.WRONG
    else:
        overall = Outcome.ALMOST
    return _done(overall, question, ClozeDetails(tuple(results)))


def _grade_order(question: OrderQuestion, response: tuple[str, ...]) -> Grade:
    if sorted(response) != sorted(question.items):
        raise ValueError(f"order {question.id!r}: the response is not a permutation of its items")
    placed = tuple(r == item for r, item in zip(response, question.items))
    details = OrderDetails(sum(placed), len(placed), placed)
    return _done(_outcome(all(placed)), question, details)


def _grade_match(question: MatchQuestion, response: Mapping[str, str]) -> Grade:
    lefts = {left for left, _ in question.pairs}
    unknown = set(response) - lefts
    if unknown:
        raise ValueError(f"match {question.id!r}: unknown left items {sorted(unknown)}")
    if not all(isinstance(v, str) for v in response.values()):
        raise TypeError("a match response must map str to str")
    pairs = tuple(PairResult(left, response.get(left), right) for left, right in question.pairs)
    details = MatchDetails(pairs)
    return _done(_outcome(details.correct_pairs == details.total), question, details)


# One encoder for every response: ``json.dumps`` with options builds a new one per call, a few
# microseconds of each recorded answer. Same output as ``json.dumps(value, ensure_ascii=False,
# sort_keys=True)``.
_RESPONSE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def response_to_json(response: object) -> str:
    """The JSON text stored for a response (sets sorted, tuples as lists)."""
    if response is True or response is False:  # a true/false answer: no type checks (every answer pays them)
        return "true" if response else "false"
    if isinstance(response, (frozenset, set)):
        value: object = sorted(response)
    elif isinstance(response, tuple):
        value = list(response)
    elif isinstance(response, Mapping):
        value = dict(response)
    else:
        value = response
    return _RESPONSE_JSON.encode(value)


def response_from_json(question: AnyQuestion, text: str) -> object:
    """Rebuild a response of the contract's type for ``question`` from ``response_to_json``."""
    value = json.loads(text)
    if isinstance(question, MultiQuestion):
        return frozenset(value)
    if isinstance(question, (ClozeQuestion, OrderQuestion)):
        return tuple(value)
    return value


def describe_response(question: AnyQuestion, response: object) -> str:
    """The response as one human-readable line, in the style of ``question.answer_text``."""
    if isinstance(response, bool):
        if isinstance(question, CardQuestion):
            return "I knew it" if response else "I did not know it"
        return "True" if response else "False"
    if isinstance(response, (frozenset, set)):
        # In the order the question lists its choices, so it reads like answer_text.
        ordered = [c for c in getattr(question, "choices", ()) if c in response]
        ordered += sorted(set(response) - set(ordered))
        return ", ".join(ordered) if ordered else "(nothing)"
    if isinstance(response, tuple):
        if isinstance(question, OrderQuestion):
            return " → ".join(response)
        # Cloze gaps: blank ones named, so two empty gaps do not read as a lone ", ".
        gaps = [str(gap).strip() for gap in response]
        return ", ".join(gap or "(blank)" for gap in gaps) if any(gaps) else ""
    if isinstance(response, Mapping):
        if isinstance(question, MatchQuestion):
            return "; ".join(f"{left} → {response.get(left, '?')}" for left, _ in question.pairs)
        return "; ".join(f"{k} → {v}" for k, v in response.items())
    return str(response)
