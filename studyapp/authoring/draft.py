"""A question as the editor holds it: its fields as text, in the order the format lists them.

A ``Draft`` maps field names to values: ``str`` for text, ``bool`` for a truefalse answer,
``list[str]`` for lists (choices, answers, items, tags, a text question's accepted answers)
and ``dict[str, str]`` for a match question's pairs. It may be wrong (an empty prompt, one
choice): the loader's rules judge it (``editcheck``). ``draft_of`` turns a loaded question
into a draft; ``ordered`` puts the fields in the format's order, leaving out empty optional ones.
"""

from __future__ import annotations

from typing import Union

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
)

Value = Union[str, bool, list[str], dict[str, str]]
Draft = dict[str, Value]

#: The fields of each type, in the order the format reference writes them.
TYPE_ORDER: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("prompt", "choices", "answer"),
    QuestionType.MULTI: ("prompt", "choices", "answers"),
    QuestionType.TRUEFALSE: ("prompt", "answer"),
    QuestionType.TEXT: ("prompt", "answer"),
    QuestionType.CLOZE: ("prompt", "text"),
    QuestionType.ORDER: ("prompt", "items"),
    QuestionType.MATCH: ("prompt", "pairs"),
    QuestionType.CARD: ("prompt", "answer"),
}
OPTIONAL = frozenset({"image", "image_alt", "explanation", "quote", "tags"})


def field_order(qtype: QuestionType) -> tuple[str, ...]:
    """Every field a question of ``qtype`` may have, in the format's order."""
    return ("id", "type", *TYPE_ORDER[qtype], "image", "image_alt", "explanation", "quote", "tags")


def draft_of(q: AnyQuestion) -> Draft:
    """The fields of a loaded question, as they would be written."""
    d: Draft = {"id": q.id, "type": str(q.type)}
    if q.prompt is not None:
        d["prompt"] = q.prompt
    if isinstance(q, ChoiceQuestion):
        d["choices"] = list(q.choices)
        d["answer"] = q.answer
    elif isinstance(q, MultiQuestion):
        d["choices"] = list(q.choices)
        d["answers"] = list(q.answers)
    elif isinstance(q, TrueFalseQuestion):
        d["answer"] = q.answer
    elif isinstance(q, TextQuestion):
        d["answer"] = q.answers[0] if len(q.answers) == 1 else list(q.answers)
    elif isinstance(q, ClozeQuestion):
        d["text"] = q.text
    elif isinstance(q, OrderQuestion):
        d["items"] = list(q.items)
    elif isinstance(q, MatchQuestion):
        d["pairs"] = dict(q.pairs)
    elif isinstance(q, CardQuestion):
        d["answer"] = q.answer
    if q.image is not None:
        d["image"] = q.image.path
        if q.image.alt is not None:
            d["image_alt"] = q.image.alt
    if q.explanation is not None:
        d["explanation"] = q.explanation
    if q.quote is not None:
        d["quote"] = q.quote
    if q.tags:
        d["tags"] = list(q.tags)
    return d


def empty_draft(qtype: QuestionType, question_id: str) -> Draft:
    """A new question of ``qtype``: its id, type and empty required fields to fill in."""
    d: Draft = {"id": question_id, "type": str(qtype)}
    for name in TYPE_ORDER[qtype]:
        if name in ("choices", "answers", "items"):
            d[name] = []
        elif name == "pairs":
            d[name] = {}
        elif qtype is QuestionType.TRUEFALSE and name == "answer":
            d[name] = True
        elif not (qtype is QuestionType.CLOZE and name == "prompt"):
            d[name] = ""
    return d


def is_blank(value: Value) -> bool:
    """True for an empty text, list or mapping (an optional field with it is left out)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        return not value.strip()
    return not value


def ordered(draft: Draft) -> Draft:
    """``draft`` in the format's field order; empty optional fields (and an empty cloze prompt) left out.

    Fields the type does not use are kept at the end, so the checker names them.
    """
    try:
        names: tuple[str, ...] = field_order(QuestionType(str(draft.get("type", ""))))
    except ValueError:
        names = ("id", "type")
    out: Draft = {}
    for name in (*names, *(n for n in draft if n not in names)):
        if name not in draft:
            continue
        value = draft[name]
        if is_blank(value) and (name in OPTIONAL or (name == "prompt" and draft.get("type") == "cloze")):
            continue
        out[name] = value
    return out
