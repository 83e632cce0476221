"""Make converted questions fit format v1: readable unique ids, clean text, and the type rules.

Converters check each question here before it is written, so a converted file loads with zero
problems and anything that cannot fit is reported at its source line instead.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TypedDict

from anyascii import anyascii

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    ClozeSyntaxError,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    parse_cloze,
)
from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.textnorm import fold_answer

DECK_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SLUG_DROP_RE = re.compile(r"[^a-z0-9]+")
# Control characters other than tab/newline, and lone surrogates, cannot be written to a YAML file.
_BAD_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


class Common(TypedDict, total=False):
    """Fields every question type shares, for building questions with ``**common``."""

    deck: str
    id: str
    prompt: str | None
    explanation: str | None
    quote: str | None
    tags: tuple[str, ...]
    line: int


def clean_text(text: str) -> str:
    """NFC, no control characters, CRLF to LF, trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _BAD_CHARS_RE.sub("", text).strip()


def slugify(text: str, max_len: int = 40) -> str:
    """A lowercase ASCII id made of ``text``'s words: ``"Who's Łukašenka?"`` -> ``"who-s-lukasenka"``."""
    slug = _SLUG_DROP_RE.sub("-", anyascii(text).lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] if "-" in slug[:max_len] else slug[:max_len]
    return slug.strip("-")


class IdAllocator:
    """Hands out unique question ids (``[a-z0-9_-]+``) derived from a hint."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, hint: str, fallback: str = "q") -> str:
        base = slugify(hint) or fallback
        candidate, n = base, 2
        while candidate in self._used:
            candidate = f"{base}-{n}"
            n += 1
        self._used.add(candidate)
        return candidate


# "needs 2-8 choices, has 1": one sentence per noun, so that a translation can inflect it
_CHOICES = QT_TRANSLATE_NOOP("Core", "needs {low}-{high} choices, has {count}")
_ITEMS = QT_TRANSLATE_NOOP("Core", "needs {low}-{high} items, has {count}")
_PAIRS = QT_TRANSLATE_NOOP("Core", "needs {low}-{high} pairs, has {count}")


def _distinct(values: tuple[str, ...]) -> Message | None:
    seen: dict[str, str] = {}
    for v in values:
        folded = fold_answer(v)
        if folded in seen:
            return Message(QT_TRANSLATE_NOOP("Core", "'{one}' and '{other}' are the same answer once case and accents are ignored"),
                           one=v, other=seen[folded])
        seen[folded] = v
    return None


def _count(values: tuple[object, ...], low: int, high: int, what: str) -> Message | None:
    if not low <= len(values) <= high:
        return Message(what, low=low, high=high, count=len(values))
    return None


def rule_problem(q: AnyQuestion) -> Message | None:
    """Why ``q`` would not load (format v1), or None when it fits."""
    if not isinstance(q, ClozeQuestion) and not (q.prompt or "").strip():
        return Message(QT_TRANSLATE_NOOP("Core", "empty question text"))
    if any(not t.strip() for t in q.tags):
        return Message(QT_TRANSLATE_NOOP("Core", "empty tag"))
    if isinstance(q, ChoiceQuestion | MultiQuestion):
        if any(not c.strip() for c in q.choices):
            return Message(QT_TRANSLATE_NOOP("Core", "empty choice"))
        problem = _count(q.choices, 2, 8, _CHOICES) or _distinct(q.choices)
        if problem:
            return problem
        right = (q.answer,) if isinstance(q, ChoiceQuestion) else q.answers
        if not right:
            return Message(QT_TRANSLATE_NOOP("Core", "no right answer"))
        if any(r not in q.choices for r in right):
            return Message(QT_TRANSLATE_NOOP("Core", "right answer is not one of the choices"))
    elif isinstance(q, TextQuestion):
        if not q.answers or any(not a.strip() for a in q.answers):
            return Message(QT_TRANSLATE_NOOP("Core", "empty answer"))
    elif isinstance(q, ClozeQuestion):
        try:
            parse_cloze(q.text)
        except ClozeSyntaxError as exc:
            return exc.wording
    elif isinstance(q, OrderQuestion):
        return _count(q.items, 3, 8, _ITEMS) or _distinct(q.items)
    elif isinstance(q, MatchQuestion):
        problem = _count(q.pairs, 3, 8, _PAIRS)
        if problem:
            return problem
        if any(not a.strip() or not b.strip() for a, b in q.pairs):
            return Message(QT_TRANSLATE_NOOP("Core", "empty side in a pair"))
        return _distinct(tuple(a for a, _ in q.pairs)) or _distinct(tuple(b for _, b in q.pairs))
    elif isinstance(q, CardQuestion):
        if not q.answer.strip():
            return Message(QT_TRANSLATE_NOOP("Core", "empty answer"))
    return None


def cloze_question(**fields: object) -> ClozeQuestion:
    """A ``ClozeQuestion`` with ``parts`` parsed from ``text`` (empty when the text does not parse;
    ``rule_problem`` then reports it)."""
    text = str(fields["text"])
    try:
        parts = parse_cloze(text)
    except ClozeSyntaxError:
        parts = ()
    return ClozeQuestion(parts=parts, **fields)  # type: ignore[arg-type]
