"""The browser's rows: one ``BrowserRow`` per question of the bank, with its memory and history.

Built in the core from the bank, the store's card schedules (``Store.card_schedules``) and answer
history (``Store.question_history``), so the window only shows values. Building is kept cheap
(100,000 questions open in the browser at once): a row keeps its question and file, and the
texts a cell shows (``cell_text``) are made when the cell is drawn.

Memory state: ``new`` (never answered: no card state), then fsrs's ``learning``, ``review`` and
``relearning``; ``suspended`` when the card is suspended (``suspended`` keys given to
``build_rows``). Due: the card's due instant; ``is:due`` means due before the end of today (as
everywhere in the app, ``study.quiz.due_cutoff``), never a new or suspended card.
Weak (``is:weak``): the last answer was wrong, or fewer than 60 % of at least 2 answers right.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone, tzinfo
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from studyapp.bank.model import AnyQuestion, Bank, ClozeGap, ClozeQuestion
from studyapp.store.records import QuestionHistory

if TYPE_CHECKING:
    from studyapp.grading import Outcome

#: ``is:weak``: right in fewer than this share of the answers (with at least WEAK_MIN_ANSWERS).
WEAK_ACCURACY = 0.6
WEAK_MIN_ANSWERS = 2
#: Prompts and answers are cut to this many characters in a cell (the editor shows them whole).
SHORT_TEXT = 160


class MemoryState(StrEnum):
    """Where a question stands in the spaced repetition (the "memory" column)."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"
    SUSPENDED = "suspended"


_FSRS_STATES = {1: MemoryState.LEARNING, 2: MemoryState.REVIEW, 3: MemoryState.RELEARNING}


class Column(IntEnum):
    """The browser's columns, in order."""

    DECK = 0
    TYPE = 1
    PROMPT = 2
    ANSWER = 3
    TAGS = 4
    MEMORY = 5
    DUE = 6
    LAST = 7
    ANSWERS = 8
    FILE = 9


HEADINGS = {
    Column.DECK: "Deck", Column.TYPE: "Type", Column.PROMPT: "Prompt", Column.ANSWER: "Answer",
    Column.TAGS: "Tags", Column.MEMORY: "Memory", Column.DUE: "Due", Column.LAST: "Last result",
    Column.ANSWERS: "Answers", Column.FILE: "File",
}


class BrowserRow(NamedTuple):
    """One question as the browser lists and searches it."""

    question: AnyQuestion
    path: Path  # its question file
    memory: MemoryState
    due: datetime | None  # the card's due instant (None: new)
    due_now: bool  # due before the end of today (``is:due``)
    last_result: Outcome | None
    answers: int
    weak: bool
    suspended: bool

    @property
    def key(self) -> tuple[str, str]:
        """(deck id, question id): how the store and the editor name the question."""
        return self.question.key


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building 100,000 rows makes many small objects and no cycles: the collector, run every
    few hundred of them over a heap holding the whole bank, would take most of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def is_weak(history: QuestionHistory | None) -> bool:
    """``is:weak``: the last answer was wrong, or under 60 % right over at least 2 answers."""
    if history is None or history.attempts == 0:
        return False
    if history.last_outcome is not None and history.last_outcome.value == "wrong":
        return True
    right = history.attempts - history.wrong
    return history.attempts >= WEAK_MIN_ANSWERS and right < WEAK_ACCURACY * history.attempts


def build_rows(bank: Bank, cards: Mapping[tuple[str, str], tuple[datetime, int]],
               history: Mapping[tuple[str, str], QuestionHistory], due_before: datetime,
               suspended: Collection[tuple[str, str]] = ()) -> list[BrowserRow]:
    """Every question of ``bank`` as a row, in deck and file order.

    ``cards`` (due, fsrs state) and ``history`` come from ``Store.card_schedules()`` and
    ``Store.question_history()``;
    ``due_before`` is the end of today (``study.quiz.due_cutoff``); ``suspended`` the keys of
    suspended cards (none until suspension is stored).
    """
    rows: list[BrowserRow] = []
    append = rows.append
    new = MemoryState.NEW
    for deck in bank.decks:
        path = deck.path
        for q in deck.questions:
            key = q.key
            card = cards.get(key)
            past = history.get(key)
            held = key in suspended
            if card is None:
                memory, due, due_now = new, None, False
            else:
                due, state = card
                memory, due_now = _FSRS_STATES.get(state, MemoryState.LEARNING), due < due_before and not held
            if held:
                memory = MemoryState.SUSPENDED
            if past is None:
                append(BrowserRow(q, path, memory, due, due_now, None, 0, False, held))
            else:
                append(BrowserRow(q, path, memory, due, due_now, past.last_outcome, past.attempts, is_weak(past), held))
    return rows


def short_text(text: str) -> str:
    """One line of at most ``SHORT_TEXT`` characters (an ellipsis when cut)."""
    line = " ".join(text[: SHORT_TEXT * 4].split())
    return line if len(line) <= SHORT_TEXT else line[: SHORT_TEXT - 1] + "…"


def prompt_text(q: AnyQuestion) -> str:
    """What the question asks, as the prompt column shows it (a cloze: its text with ``[...]``)."""
    if isinstance(q, ClozeQuestion):
        return "".join("[...]" if isinstance(p, ClozeGap) else p for p in q.parts)
    return q.prompt or ""


def cell_text(row: BrowserRow, column: Column, tz: tzinfo) -> str:
    """The text a cell shows (dates in the local zone ``tz``)."""
    q = row.question
    if column is Column.DECK:
        return q.deck
    if column is Column.TYPE:
        return q.type.value
    if column is Column.PROMPT:
        return short_text(prompt_text(q))
    if column is Column.ANSWER:
        return short_text(q.answer_text)
    if column is Column.TAGS:
        return " ".join(q.tags)
    if column is Column.MEMORY:
        return row.memory.value
    if column is Column.DUE:
        return "" if row.due is None else f"{row.due.astimezone(tz):%Y-%m-%d}"
    if column is Column.LAST:
        return "" if row.last_result is None else row.last_result.value
    if column is Column.ANSWERS:
        return str(row.answers)
    return f"{row.path.name}:{q.line}"


_MEMORY_ORDER = {m: n for n, m in enumerate(MemoryState)}
_LAST_ORDER = {None: 0, "wrong": 1, "almost": 2, "right": 3}


def sort_key(column: Column) -> Callable[[BrowserRow], Any]:
    """A key function ordering rows by ``column`` (dates and counts as values, texts folded)."""
    if column is Column.DUE:
        return lambda r: (r.due is None, r.due or 0)
    if column is Column.ANSWERS:
        return lambda r: r.answers
    if column is Column.MEMORY:
        return lambda r: _MEMORY_ORDER[r.memory]
    if column is Column.LAST:
        return lambda r: _LAST_ORDER[None if r.last_result is None else r.last_result.value]
    if column is Column.FILE:
        return lambda r: (r.path.name, r.question.line)
    if column in (Column.PROMPT, Column.ANSWER):
        if column is Column.PROMPT:
            return lambda r: prompt_text(r.question).casefold()
        return lambda r: r.question.answer_text.casefold()
    return lambda r: cell_text(r, column, timezone.utc).casefold()


def sorted_order(rows: list[BrowserRow], column: Column, descending: bool = False) -> list[int]:
    """Row indices ordered by ``column`` (stable: equal rows keep bank order)."""
    key = sort_key(column)
    return sorted(range(len(rows)), key=lambda i: key(rows[i]), reverse=descending)

