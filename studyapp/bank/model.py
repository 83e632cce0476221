"""The question model: decks, the eight question types, and problems found in files.

These are plain, immutable values. The loader (``studyapp.bank.loader``) builds them
from YAML; everything else (grading, quizzes, scheduling, the window) reads them.

The question types are frozen dataclasses (they share fields through ``Question`` and are
copied with ``dataclasses.replace``); ``Problem``, ``ClozeGap``, ``Deck`` and ``Bank`` are
``NamedTuple``s. Every start-up defines all of them, and a frozen dataclass costs ~0.9 ms to
create (it compiles its generated methods), a named tuple ~0.1 ms.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from studyapp.messages import QT_TRANSLATE_NOOP, Message


class QuestionType(StrEnum):
    """The question types a file may use (the ``type:`` field)."""

    CHOICE = "choice"
    MULTI = "multi"
    TRUEFALSE = "truefalse"
    TEXT = "text"
    CLOZE = "cloze"
    ORDER = "order"
    MATCH = "match"
    CARD = "card"


class Problem(NamedTuple):
    """Something wrong in a question file, at the node to fix (1-based line and column).

    ``message`` is the English text (the command line's); ``wording``, when the core marked it
    for the translators, the same as a template and its values (the window translates it).
    """

    path: Path
    line: int
    column: int
    message: str
    wording: Message | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ClozeGap(NamedTuple):
    """One ``{{...}}`` gap of a cloze text; the first alternative is the one shown as the answer."""

    alternatives: tuple[str, ...]

    @property
    def answer(self) -> str:
        return self.alternatives[0]


ClozePart = str | ClozeGap


class ClozeSyntaxError(ValueError):
    """A cloze text that cannot be split into text and gaps; ``offset`` is where in the text,
    ``wording`` the message for the window (``str(exc)`` is its English)."""

    def __init__(self, wording: Message, offset: int) -> None:
        super().__init__(str(wording))
        self.wording = wording
        self.offset = offset


_UNCLOSED = Message(QT_TRANSLATE_NOOP("Core", "unclosed gap '{{{{' (close it with '}}}}')"))


def parse_cloze(text: str) -> tuple[ClozePart, ...]:
    """Split a cloze text into literal strings and gaps.

    ``"In {{2020|2020s}} the West"`` -> ``("In ", ClozeGap(("2020", "2020s")), " the West")``.
    Raises ``ClozeSyntaxError`` for an unclosed ``{{``, an empty gap, an empty alternative,
    a stray ``}}`` or a text without any gap.
    """
    parts: list[ClozePart] = []
    pos = 0
    while True:
        start = text.find("{{", pos)
        stray = text.find("}}", pos)
        if stray != -1 and (start == -1 or stray < start):
            raise ClozeSyntaxError(Message(QT_TRANSLATE_NOOP("Core", "'}}}}' without an opening '{{{{'")), stray)
        if start == -1:
            if pos < len(text):
                parts.append(text[pos:])
            break
        end = text.find("}}", start + 2)
        if end == -1:
            raise ClozeSyntaxError(_UNCLOSED, start)
        inner = text[start + 2 : end]
        if "{{" in inner:
            raise ClozeSyntaxError(_UNCLOSED, start)
        if not inner.strip():
            raise ClozeSyntaxError(Message(QT_TRANSLATE_NOOP("Core", "empty gap '{{{{}}}}'")), start)
        alternatives = tuple(a.strip() for a in inner.split("|"))
        if any(not a for a in alternatives):
            raise ClozeSyntaxError(Message(QT_TRANSLATE_NOOP("Core", "empty alternative in gap '{{{{{gap}}}}}'"), gap=inner), start)
        if start > pos:
            parts.append(text[pos:start])
        parts.append(ClozeGap(alternatives))
        pos = end + 2
    if not any(isinstance(p, ClozeGap) for p in parts):
        raise ClozeSyntaxError(Message(QT_TRANSLATE_NOOP("Core", "a cloze text needs at least one gap like {{{{answer}}}}")), 0)
    return tuple(parts)


class QuestionImage(NamedTuple):
    """A question's picture: the path as written (relative to the deck file's folder), its alt text
    for screen readers, the deck file's folder, and where ``image:`` is written (1-based)."""

    path: str
    alt: str | None
    folder: Path
    line: int = 0
    column: int = 0

    @property
    def file(self) -> Path:
        """The picture's file (not resolved: a link is followed only by whoever opens it)."""
        return self.folder / self.path


# Question is never made itself (no __init__) and compares nothing (no __eq__); the types share
# its __repr__. Every method a dataclass generates is compiled at import, ~0.1 ms apiece, at
# every start-up: these options leave out 12 of them, with no change to what the types do.
@dataclass(frozen=True, slots=True, kw_only=True, init=False, repr=False, eq=False)
class Question:
    """Fields every question type has. Use the subclasses; ``type`` tells which one it is."""

    deck: str
    id: str
    prompt: str | None = None
    explanation: str | None = None
    quote: str | None = None
    tags: tuple[str, ...] = ()
    line: int = 0  # where the question starts in its file, for "show in file"
    image: QuestionImage | None = None  # a picture shown with the prompt

    type: QuestionType = field(init=False)

    def __repr__(self) -> str:
        """As the dataclass would write it: ``ChoiceQuestion(deck='…', id='…', …)``."""
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))
        return f"{type(self).__qualname__}({shown})"

    @property
    def key(self) -> tuple[str, str]:
        """The identity history is stored under: deck id + question id."""
        return (self.deck, self.id)

    def _content(self) -> dict[str, object]:
        raise NotImplementedError

    @property
    def content_hash(self) -> str:
        """A short hash of what is asked and what counts as right.

        Explanation, quote, tags and position are left out: editing them does not change
        the question, so old attempts still count as attempts at the same question. A picture's
        path counts (another picture asks something else); its alt text does not.
        """
        import hashlib  # here, not at the top: the first screen never hashes, and it loads OpenSSL
        import json

        payload = {"type": str(self.type), "prompt": self.prompt, **self._content()}
        if self.image is not None:  # only then: the hashes of questions without one stay as they were
            payload["image"] = self.image.path
        raw = json.dumps(payload, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    @property
    def front(self) -> str:
        """The text of the flashcard's front (cloze gaps shown as ``[...]``)."""
        return self.prompt or ""

    @property
    def answer_text(self) -> str:
        """The right answer as one human-readable line (for feedback and the card's back)."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class ChoiceQuestion(Question):
    """One right choice among several (``type: choice``)."""

    choices: tuple[str, ...]
    answer: str
    type: QuestionType = field(default=QuestionType.CHOICE, init=False)

    def _content(self) -> dict[str, object]:
        return {"choices": sorted(self.choices), "answer": self.answer}

    @property
    def answer_text(self) -> str:
        return self.answer


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class MultiQuestion(Question):
    """Every right choice must be picked, no wrong one (``type: multi``)."""

    choices: tuple[str, ...]
    answers: tuple[str, ...]
    type: QuestionType = field(default=QuestionType.MULTI, init=False)

    def _content(self) -> dict[str, object]:
        return {"choices": sorted(self.choices), "answers": sorted(self.answers)}

    @property
    def answer_text(self) -> str:
        return ", ".join(self.answers)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class TrueFalseQuestion(Question):
    """A statement that is true or false (``type: truefalse``)."""

    answer: bool
    type: QuestionType = field(default=QuestionType.TRUEFALSE, init=False)

    def _content(self) -> dict[str, object]:
        return {"answer": self.answer}

    @property
    def answer_text(self) -> str:
        return "True" if self.answer else "False"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class TextQuestion(Question):
    """A typed answer, compared with ``textnorm.fold_answer`` (``type: text``)."""

    answers: tuple[str, ...]  # accepted answers; the first is the one shown
    type: QuestionType = field(default=QuestionType.TEXT, init=False)

    def _content(self) -> dict[str, object]:
        return {"answers": list(self.answers)}

    @property
    def answer_text(self) -> str:
        return self.answers[0]


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class ClozeQuestion(Question):
    """A text with ``{{gaps}}`` to fill in (``type: cloze``)."""

    text: str
    parts: tuple[ClozePart, ...]
    type: QuestionType = field(default=QuestionType.CLOZE, init=False)

    def _content(self) -> dict[str, object]:
        return {"text": self.text}

    @property
    def gaps(self) -> tuple[ClozeGap, ...]:
        return tuple(p for p in self.parts if isinstance(p, ClozeGap))

    @property
    def front(self) -> str:
        body = "".join("[...]" if isinstance(p, ClozeGap) else p for p in self.parts)
        return f"{self.prompt}\n\n{body}" if self.prompt else body

    @property
    def filled_text(self) -> str:
        """The text with every gap filled by its first alternative."""
        return "".join(p.answer if isinstance(p, ClozeGap) else p for p in self.parts)

    @property
    def answer_text(self) -> str:
        return ", ".join(g.answer for g in self.gaps)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class OrderQuestion(Question):
    """Items to put in the right order (``type: order``)."""

    items: tuple[str, ...]  # in the correct order
    type: QuestionType = field(default=QuestionType.ORDER, init=False)

    def _content(self) -> dict[str, object]:
        return {"items": list(self.items)}

    @property
    def answer_text(self) -> str:
        return " → ".join(self.items)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class MatchQuestion(Question):
    """Left items to match with right items (``type: match``)."""

    pairs: tuple[tuple[str, str], ...]  # (left, right) in file order
    type: QuestionType = field(default=QuestionType.MATCH, init=False)

    def _content(self) -> dict[str, object]:
        return {"pairs": sorted(list(p) for p in self.pairs)}

    @property
    def answer_text(self) -> str:
        return "; ".join(f"{left} → {right}" for left, right in self.pairs)


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class CardQuestion(Question):
    """A flashcard, graded by the learner (``type: card``)."""

    answer: str
    type: QuestionType = field(default=QuestionType.CARD, init=False)

    def _content(self) -> dict[str, object]:
        return {"answer": self.answer}

    @property
    def answer_text(self) -> str:
        return self.answer


AnyQuestion = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | TextQuestion
    | ClozeQuestion
    | OrderQuestion
    | MatchQuestion
    | CardQuestion
)


class Deck(NamedTuple):
    """One valid question file."""

    id: str
    title: str
    path: Path  # the YAML file
    questions: tuple[AnyQuestion, ...]
    source: Path | None = None  # resolved, validated path of the article text

    def question(self, question_id: str) -> AnyQuestion | None:
        for q in self.questions:
            if q.id == question_id:
                return q
        return None

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag used in the deck, sorted."""
        return tuple(sorted({t for q in self.questions for t in q.tags}))


class Bank(NamedTuple):
    """Everything loaded from the question folders: valid decks and the problems found."""

    decks: tuple[Deck, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: int = 0  # files looked at

    def deck(self, deck_id: str) -> Deck | None:
        for d in self.decks:
            if d.id == deck_id:
                return d
        return None

    @property
    def question_count(self) -> int:
        return sum(len(d.questions) for d in self.decks)

    def problems_for(self, path: Path) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.path == path)
