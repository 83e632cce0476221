"""Quiz building: pick questions by source, tags and types, and shuffle what a view shows.

``build_quiz`` is pure: the caller passes the decks, the options and the history it read from
the store (``Store.question_history``, ``Store.card_states``), so a quiz is built in
memory and fast. Every random choice comes from one ``random.Random(seed)``; the seed is kept
in the ``Quiz`` (and stored with the session), so the same seed, decks and history rebuild
exactly the same quiz.

"New" and "due" mean what they mean on every other screen (the deck list, the statistics, the
flashcard review): a question is new while it has no memory state (no answer, in a quiz or a
review, ever moved it), and due today when its state falls due before the next local day starts
(``due_cutoff``).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Protocol

from studyapp.bank.model import (
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
)
from studyapp.store.localtime import tomorrow_start

Key = tuple[str, str]  # (deck id, question id)

# Seeds fit a signed 64-bit SQLite integer with room to spare.
_SEED_RANGE = 2**53


class QuizSource(StrEnum):
    """Which questions a quiz draws from."""

    ALL = "all"  # every question matching the filters, in random order
    NEW = "new"  # questions never answered (in a quiz or a review): no memory state
    WEAK = "weak"  # answered wrong at least once; highest wrong rate first, then most wrong
    DUE = "due"  # questions due today (as the deck list counts them); most overdue first


class HistoryLike(Protocol):
    """What ``build_quiz`` reads from ``store.QuestionHistory``."""

    @property
    def attempts(self) -> int: ...

    @property
    def wrong(self) -> int: ...


class CardStateLike(Protocol):
    """What ``build_quiz`` reads from ``store.CardState``."""

    @property
    def due(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """What a quiz set-up dialog asks for. Empty ``tags``/``types`` mean "any"."""

    count: int = 10
    tags: frozenset[str] = frozenset()  # a question matches if it has any of these tags
    types: frozenset[QuestionType] = frozenset()
    source: QuizSource = QuizSource.ALL
    deck: str | None = None  # None: all decks
    seed: int | None = None  # None: a fresh seed, recorded in the Quiz

    def filters(self) -> dict[str, object]:
        """The options as JSON-ready data, for the session row."""
        return {
            "count": self.count,
            "tags": sorted(self.tags),
            "types": sorted(str(t) for t in self.types),
            "source": str(self.source),
        }

    def remembered_text(self) -> str:
        """The options as one line of text, to remember the last set-up (``from_text`` reads it)."""
        import json

        return json.dumps(self.filters(), sort_keys=True)

    @classmethod
    def from_text(cls, text: str, deck: str | None) -> QuizOptions:
        """Options from ``remembered_text``; empty or unreadable text gives the defaults."""
        import json

        try:
            data = json.loads(text) if text else None
        except ValueError:
            data = None
        return cls.from_filters(data, deck)

    @classmethod
    def from_filters(cls, data: object, deck: str | None) -> QuizOptions:
        """Options back from ``filters()`` data (a remembered set-up); anything unknown or
        malformed falls back to the default, so a stale or hand-edited value never fails."""
        if not isinstance(data, dict):
            return cls(deck=deck)
        count = data.get("count")
        known_types = {str(t): t for t in QuestionType}
        tags, types = data.get("tags"), data.get("types")
        try:
            source = QuizSource(str(data.get("source", "all")))
        except ValueError:
            source = QuizSource.ALL
        return cls(
            count=count if isinstance(count, int) and 1 <= count <= 999 else 10,
            tags=frozenset(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else frozenset(),
            types=frozenset(known_types[t] for t in types if t in known_types) if isinstance(types, list) else frozenset(),
            source=source,
            deck=deck,
        )


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One question of a quiz, with its choices, items and match values in shown order."""

    question: AnyQuestion
    choices: tuple[str, ...] = ()  # choice / multi, shuffled
    order_items: tuple[str, ...] = ()  # order, shuffled (not already in the right order)
    match_left: tuple[str, ...] = ()  # match, left items in the file's order
    match_right: tuple[str, ...] = ()  # match, the right-hand values shuffled (one combo each)


@dataclass(frozen=True, slots=True)
class Quiz:
    """A built quiz: its items in asking order, the options and the seed that made it."""

    items: tuple[QuizItem, ...]
    options: QuizOptions
    seed: int
    retry_of: tuple[Key, ...] = field(default=())  # the questions a "retry my mistakes" quiz repeats

    def __len__(self) -> int:
        return len(self.items)

    @property
    def questions(self) -> tuple[AnyQuestion, ...]:
        return tuple(item.question for item in self.items)


def due_cutoff(now: datetime, tz: tzinfo, start_hour: int = 0) -> datetime:
    """The instant "due today" ends: the start of the next study day in ``tz`` (days starting at
    ``start_hour``, the store's ``day_start_hour``). A question is due when its state is due
    before it (the deck list, the statistics and the review queue agree)."""
    return tomorrow_start(now, tz, start_hour)


def new_seed() -> int:
    """A fresh random seed (from the OS), for a quiz built without one."""
    return random.SystemRandom().randrange(_SEED_RANGE)


def _decks(bank: Bank | Iterable[Deck]) -> tuple[Deck, ...]:
    return bank.decks if isinstance(bank, Bank) else tuple(bank)


def matching_questions(bank: Bank | Iterable[Deck], options: QuizOptions) -> list[AnyQuestion]:
    """Questions passing the deck, tag and type filters, in deck and file order."""
    found = []
    for deck in _decks(bank):
        if options.deck is not None and deck.id != options.deck:
            continue
        for q in deck.questions:
            if options.types and q.type not in options.types:
                continue
            if options.tags and not options.tags.intersection(q.tags):
                continue
            found.append(q)
    return found


def _shuffled(values: Sequence[str], rng: random.Random, *, avoid: Sequence[str] | None = None) -> tuple[str, ...]:
    """``values`` shuffled; when ``avoid`` is given, not equal to it if another order exists."""
    out = list(values)
    rng.shuffle(out)
    if avoid is not None and len(set(values)) > 1:
        # Identical orders come up with probability 1/n!; a few re-draws settle it.
        while out == list(avoid):
            rng.shuffle(out)
    return tuple(out)


def make_item(question: AnyQuestion, rng: random.Random) -> QuizItem:
    """Shuffle what the view will show for ``question``."""
    if isinstance(question, (ChoiceQuestion, MultiQuestion)):
        return QuizItem(question, choices=_shuffled(question.choices, rng))
    if isinstance(question, OrderQuestion):
        return QuizItem(question, order_items=_shuffled(question.items, rng, avoid=question.items))
    if isinstance(question, MatchQuestion):
        lefts = tuple(left for left, _ in question.pairs)
        rights = [right for _, right in question.pairs]
        return QuizItem(question, match_left=lefts, match_right=_shuffled(rights, rng, avoid=rights))
    return QuizItem(question)


def _select(
    candidates: list[AnyQuestion],
    options: QuizOptions,
    rng: random.Random,
    question_history: Mapping[Key, HistoryLike],
    card_states: Mapping[Key, CardStateLike],
    due_before: datetime | None,
    hidden: Collection[Key] = (),
) -> list[AnyQuestion]:
    # Shuffle first: ties in the sorts below then break randomly but reproducibly.
    pool = list(candidates)
    if hidden and options.source in (QuizSource.NEW, QuizSource.DUE):
        pool = [q for q in pool if q.key not in hidden]  # suspended or buried: in no queue
    rng.shuffle(pool)
    if options.source is QuizSource.ALL:
        return pool[: options.count]
    if options.source is QuizSource.NEW:
        return [q for q in pool if q.key not in card_states][: options.count]
    if options.source is QuizSource.WEAK:
        weak = [q for q in pool if getattr(question_history.get(q.key), "wrong", 0) > 0]

        def weakness(q: AnyQuestion) -> tuple[float, int]:
            h = question_history[q.key]
            return (h.wrong / max(h.attempts, 1), h.wrong)

        weak.sort(key=weakness, reverse=True)
        picked = weak[: options.count]
    else:
        if due_before is None:
            raise ValueError("a quiz of due questions needs `due_before`")
        due = [q for q in pool if q.key in card_states and card_states[q.key].due < due_before]
        due.sort(key=lambda q: card_states[q.key].due)
        picked = due[: options.count]
    # Ask the weakest / most overdue, but not in a predictable order.
    rng.shuffle(picked)
    return picked


def build_quiz(
    bank: Bank | Iterable[Deck],
    options: QuizOptions,
    *,
    question_history: Mapping[Key, HistoryLike] | None = None,
    card_states: Mapping[Key, CardStateLike] | None = None,
    due_before: datetime | None = None,
    hidden: Collection[Key] = (),
) -> Quiz:
    """Build a quiz of up to ``options.count`` questions (fewer when fewer match).

    ``question_history`` and ``card_states`` are the store's mappings keyed by
    ``(deck, question id)``; ``due_before`` (tz-aware, ``due_cutoff``) is needed for
    ``QuizSource.DUE``. ``hidden`` (suspended and buried cards) are left out of the "new" and
    "due" sources, as out of every queue.
    """
    if options.count < 1:
        raise ValueError("a quiz needs at least one question")
    seed = options.seed if options.seed is not None else new_seed()
    rng = random.Random(seed)
    candidates = matching_questions(bank, options)
    picked = _select(candidates, options, rng, question_history or {}, card_states or {}, due_before, hidden)
    items = tuple(make_item(q, rng) for q in picked)
    return Quiz(items, replace(options, seed=seed), seed)


def quiz_of_questions(
    questions: Sequence[AnyQuestion], *, deck: str | None = None, seed: int | None = None
) -> Quiz:
    """A quiz asking exactly ``questions`` (in a shuffled order), e.g. "retry my mistakes"."""
    if not questions:
        raise ValueError("a quiz needs at least one question")
    seed = seed if seed is not None else new_seed()
    rng = random.Random(seed)
    pool = list(questions)
    rng.shuffle(pool)
    options = QuizOptions(count=len(pool), deck=deck, seed=seed)
    return Quiz(tuple(make_item(q, rng) for q in pool), options, seed, retry_of=tuple(q.key for q in questions))

