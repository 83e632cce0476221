"""The browser's rows: every question of the bank with its memory and history, as columns.

``BrowserRows(bank, store, due_before)`` opens on 100,000 questions without a Python object
per row: it keeps the bank's questions in deck and file order (one list of the existing
question objects) and, per row, compact columns (``bytearray`` and ``array``) of the memory
state, due time, last result, number of answers and weakness. Those are read from the store
(``store.browser_reads``) when first needed: ``ensure`` for the rows a table draws (one
statement per batch), ``load_all`` once for sorting by them or an ``is:`` search. The texts a
cell shows (``cell_text``) are made when the cell is drawn; sorting orders row numbers by one
column of compact keys (``sorted_order``), built once per column.

Memory state: ``new`` (never answered: no card state), then fsrs's ``learning``, ``review`` and
``relearning``; ``suspended`` when the card is suspended. Due: the card's due instant;
``is:due`` means due before the end of today (as everywhere in the app, ``study.quiz.due_cutoff``),
never a new or suspended card. Weak (``is:weak``): the last answer was wrong, or fewer than 60 %
of at least 2 answers right. When the database cannot be read (damaged, gone), the rows it could
not give show ``?`` in those columns, ``is:`` finds none of them, and ``read_error`` says why.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta, tzinfo
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.authoring.search import CardFlag
from studyapp.bank.model import AnyQuestion, Bank, ClozeGap, ClozeQuestion
from studyapp.store.browser_reads import Status, WeakRule, deck_statuses, statuses_of
from studyapp.store.localtime import EPOCH, to_us

if TYPE_CHECKING:
    from studyapp.store import Store

log = logging.getLogger("studyapp")

#: ``is:weak``: right in fewer than this share of the answers (with at least WEAK_MIN_ANSWERS).
WEAK_ACCURACY = 0.6
WEAK_MIN_ANSWERS = 2
#: Prompts and answers are cut to this many characters in a cell (the editor shows them whole).
SHORT_TEXT = 160
#: The due time of a row without a card: after every real one (sorted last).
NO_DUE = 2**63 - 1
#: A row's memory: not read yet, read, or could not be read (shown as UNREADABLE).
_UNREAD, _READ, _FAILED = 0, 1, 2
UNREADABLE = "?"


class MemoryState(StrEnum):
    """Where a question stands in the spaced repetition (the "memory" column), in sort order."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"
    SUSPENDED = "suspended"


class LastResult(IntEnum):
    """The last answer's outcome as a row stores it (and sorts it)."""

    NONE = 0
    WRONG = 1
    ALMOST = 2
    RIGHT = 3


_MEMORY = tuple(MemoryState)  # the store's memory codes (``store.browser_reads``) index this
_SUSPENDED = _MEMORY.index(MemoryState.SUSPENDED)
_RULE = WeakRule(WEAK_ACCURACY, WEAK_MIN_ANSWERS, NO_DUE)
_LAST_TEXT = {LastResult.NONE: "", LastResult.WRONG: "wrong", LastResult.ALMOST: "almost", LastResult.RIGHT: "right"}


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
#: The columns read from the store (the others come from the question files).
STORE_COLUMNS = frozenset({Column.MEMORY, Column.DUE, Column.LAST, Column.ANSWERS})


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building keys for 100,000 rows makes many small objects and no cycles: the collector, run
    every few hundred of them over a heap holding the whole bank, would take most of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def short_text(text: str) -> str:
    """One line of at most ``SHORT_TEXT`` characters (an ellipsis when cut)."""
    line = " ".join(text[: SHORT_TEXT * 4].split())
    return line if len(line) <= SHORT_TEXT else line[: SHORT_TEXT - 1] + "…"


def prompt_text(q: AnyQuestion) -> str:
    """What the question asks, as the prompt column shows it (a cloze: its text with ``[...]``)."""
    if isinstance(q, ClozeQuestion):
        return "".join("[...]" if isinstance(p, ClozeGap) else p for p in q.parts)
    return q.prompt or ""


class BrowserRows:
    """Every question of ``bank`` (deck and file order) with its memory from ``store``, which is
    read per batch of rows (``ensure``) or all at once (``load_all``), as of ``due_before``
    (the end of today, ``study.quiz.due_cutoff``) for ``is:due``."""

    def __init__(self, bank: Bank, store: Store, due_before: datetime) -> None:
        self.bank = bank
        self._store = store
        self._due_before = to_us(due_before)
        self.questions: list[AnyQuestion] = [q for deck in bank.decks for q in deck.questions]
        self._paths: list[Path] = [deck.path for deck in bank.decks]
        self._deck_of = array("I")  # row -> its deck's place in bank.decks
        for n, deck in enumerate(bank.decks):
            self._deck_of.extend(array("I", [n]) * len(deck.questions))
        size = len(self.questions)
        self._all_loaded = False
        self.read_error: str | None = None  # why the store could not be read, if it could not
        self._loaded = bytearray(size)  # _UNREAD, _READ or _FAILED
        self._memory = bytearray(size)  # index into MemoryState (its sort order)
        self._due = array("q", [NO_DUE]) * size  # µs since the epoch
        self._last = bytearray(size)  # LastResult
        self._answers = array("q", [0]) * size
        self._weak = bytearray(size)
        self._sort_keys: dict[Column, Sequence[Any]] = {}

    def __len__(self) -> int:
        return len(self.questions)

    def key(self, row: int) -> tuple[str, str]:
        """(deck id, question id) of ``row``: how the store and the editor name the question."""
        return self.questions[row].key

    def path(self, row: int) -> Path:
        """The question file of ``row``."""
        return self._paths[self._deck_of[row]]

    # -- the store's columns -----------------------------------------------------------------

    def loaded(self, row: int) -> bool:
        """Whether the memory of ``row`` was read (or could not be)."""
        return self._loaded[row] != _UNREAD

    def ensure(self, rows: Iterable[int]) -> None:
        """Read the memory of those of ``rows`` not read yet (one statement per 500)."""
        if self._all_loaded:
            return
        loaded = self._loaded
        wanted = [r for r in rows if not loaded[r]]
        if not wanted:
            return
        questions = self.questions
        try:
            statuses = statuses_of(self._store.connection, [questions[r].key for r in wanted], _RULE)
        except sqlite3.Error as exc:
            self._failed(wanted, exc)
            return
        for row, status in zip(wanted, statuses):
            self._put(row, status)

    def _failed(self, rows: Iterable[int], exc: sqlite3.Error) -> None:
        if self.read_error is None:
            log.warning("the browser could not read the questions' memory: %s", exc)
        self.read_error = f"The memory of some questions could not be read from the database ({exc})."
        loaded = self._loaded
        for row in rows:
            if loaded[row] == _UNREAD:
                loaded[row] = _FAILED

    def load_all(self) -> None:
        """Read the memory of every row (for sorting by it and ``is:`` searches); once."""
        if self._all_loaded:
            return
        size = len(self.questions)
        with gc_paused():
            rows_of: dict[str, dict[str, int]] = {}
            for row, q in enumerate(self.questions):
                ids = rows_of.get(q.deck)
                if ids is None:
                    ids = rows_of[q.deck] = {}
                ids[q.id] = row
            try:
                by_deck = deck_statuses(self._store.connection, rows_of, _RULE)
            except sqlite3.Error as exc:
                self._failed(range(size), exc)  # the rows read before keep their values
                self._all_loaded = True
                return
            memory, due, last, answers, weak = self._memory, self._due, self._last, self._answers, self._weak
            memory[:] = bytearray(size)
            due[:] = array("q", [NO_DUE]) * size
            last[:] = bytearray(size)
            answers[:] = array("q", [0]) * size
            weak[:] = bytearray(size)
            for deck, statuses in by_deck.items():
                get = rows_of[deck].get
                for question_id, due_us, memory_code, last_code, count, is_weak in statuses:
                    at = get(question_id)
                    if at is not None:
                        due[at], memory[at], last[at], answers[at], weak[at] = due_us, memory_code, last_code, count, is_weak
        self._loaded[:] = bytes([_READ]) * size
        self._all_loaded = True

    def _put(self, row: int, status: Status) -> None:
        self._loaded[row] = _READ
        self._due[row], self._memory[row], self._last[row], self._answers[row], self._weak[row] = status

    def memory(self, row: int) -> MemoryState:
        """The memory state of ``row``."""
        self.ensure((row,))
        return _MEMORY[self._memory[row]]

    def due(self, row: int) -> datetime | None:
        """The due instant (UTC) of ``row``'s card; None for a new question."""
        self.ensure((row,))
        due = self._due[row]
        return None if due == NO_DUE else EPOCH + timedelta(microseconds=due)

    def answers(self, row: int) -> int:
        """How many times ``row`` was answered."""
        self.ensure((row,))
        return self._answers[row]

    def last_result(self, row: int) -> LastResult:
        """The outcome of the last answer of ``row``."""
        self.ensure((row,))
        return LastResult(self._last[row])

    def flagged(self, flag: CardFlag, rows: Iterable[int]) -> list[int]:
        """Those of ``rows`` that ``is:flag`` finds (reads every row's memory first)."""
        self.load_all()
        if self.read_error is not None:
            loaded = self._loaded
            rows = [i for i in rows if loaded[i] == _READ]
        memory = self._memory
        if flag is CardFlag.NEW:
            return [i for i in rows if not memory[i]]
        if flag is CardFlag.SUSPENDED:
            return [i for i in rows if memory[i] == _SUSPENDED]
        if flag is CardFlag.DUE:
            due, before = self._due, self._due_before
            return [i for i in rows if due[i] < before and memory[i] != _SUSPENDED]
        weak_rows = self._weak
        return [i for i in rows if weak_rows[i]]

    # -- cells and sorting -------------------------------------------------------------------

    def cell_text(self, row: int, column: Column, tz: tzinfo) -> str:
        """The text a cell shows (dates in the local zone ``tz``)."""
        q = self.questions[row]
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
        if column is Column.FILE:
            return f"{self.path(row).name}:{q.line}"
        self.ensure((row,))
        if self._loaded[row] == _FAILED:
            return UNREADABLE
        if column is Column.MEMORY:
            return self.memory(row).value
        if column is Column.DUE:
            due = self.due(row)
            return "" if due is None else f"{due.astimezone(tz):%Y-%m-%d}"
        if column is Column.LAST:
            return _LAST_TEXT[self.last_result(row)]
        return str(self.answers(row))

    def sorted_order(self, column: Column, descending: bool = False) -> list[int]:
        """Row numbers ordered by ``column`` (stable: equal rows keep bank order; dates and counts
        as values, texts folded)."""
        get: Callable[[int], Any] = self._keys(column).__getitem__
        return sorted(range(len(self.questions)), key=get, reverse=descending)

    def _keys(self, column: Column) -> Sequence[Any]:
        if column in STORE_COLUMNS:
            self.load_all()
            return {Column.MEMORY: self._memory, Column.DUE: self._due, Column.LAST: self._last,
                    Column.ANSWERS: self._answers}[column]
        keys = self._sort_keys.get(column)
        if keys is None:
            questions = self.questions
            with gc_paused():
                if column is Column.PROMPT:
                    keys = [prompt_text(q).casefold() for q in questions]
                elif column is Column.ANSWER:
                    keys = [q.answer_text.casefold() for q in questions]
                elif column is Column.FILE:
                    names = [p.name for p in self._paths]
                    deck_of = self._deck_of
                    keys = [(names[deck_of[i]], q.line) for i, q in enumerate(questions)]
                elif column is Column.TYPE:
                    keys = [q.type.value for q in questions]
                elif column is Column.DECK:
                    keys = [q.deck.casefold() for q in questions]
                else:
                    keys = [" ".join(q.tags).casefold() for q in questions]
            self._sort_keys[column] = keys
        return keys
