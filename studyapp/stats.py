"""Figures for the statistics screen and ``studyapp stats``, computed from the store.

Every figure reads a summary the store maintains on write (answers per local day, per
question totals, card due dates), never the full attempts table, so they stay fast with
millions of answers.

One day rule for every figure (streak, heatmap, accuracy windows, per-day counts, and the daily
limits in ``studyapp.study.limits``): an answer belongs to the local day it was given on, in the
zone it was given in (stored with it); "today" is today's date in the zone the figures are read
in (the store's, or the given one). An answer dated after today (given further east before
travelling west) counts as today's, so a day's answers never drop out of every figure.

Questions come from the loaded bank as a mapping ``(deck, question id) -> tags``
(``bank_questions(bank)`` builds it); a deck that is no longer in the bank still shows
its history, with ``questions == 0``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from studyapp.store import Store
from studyapp.store.catchup import SummaryState
from studyapp.store.summaries import DeckCounts, FrozenQuestionTags, TagCounts

if TYPE_CHECKING:
    from studyapp.bank.model import Bank
from studyapp.store.localtime import study_date, study_day_start

MASTERED_STABILITY_DAYS = 21.0
HEATMAP_DAYS = 365
FORECAST_DAYS = 30

QuestionTags = Mapping[tuple[str, str], Sequence[str]]


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Right answers out of all answers (an "almost" counts as wrong)."""

    answers: int
    right: int

    @property
    def ratio(self) -> float | None:
        return self.right / self.answers if self.answers else None


@dataclass(frozen=True, slots=True)
class DeckTotals:
    """Per-deck counts; ``deck`` is ``""`` for the all-decks total."""

    deck: str
    questions: int  # in the loaded bank
    seen: int  # answered at least once (quiz or review)
    due_today: int  # flashcards due before local midnight, overdue included
    new: int  # questions never reviewed as a flashcard
    mastered: int  # flashcards with stability >= 21 days


@dataclass(frozen=True, slots=True)
class QuizPoint:
    """One finished quiz."""

    session_id: int
    deck: str | None  # None: a quiz over all decks
    finished: datetime
    score: float  # 0.0 .. 1.0
    total: int


@dataclass(frozen=True, slots=True)
class TagAccuracy:
    """Accuracy over every answer to questions carrying ``tag``."""

    tag: str
    accuracy: Accuracy


@dataclass(frozen=True, slots=True)
class DayCount:
    """A number for one local day (answers given, or cards falling due)."""

    day: date
    count: int


@dataclass(frozen=True, slots=True)
class Streaks:
    """Consecutive local days with at least one answer. ``current`` still counts yesterday's
    run when nothing was answered yet today (the day is not over)."""

    current: int
    longest: int


@dataclass(frozen=True, slots=True)
class Statistics:
    """Everything the statistics screen shows."""

    today: date
    decks: tuple[DeckTotals, ...]  # sorted by deck id
    total: DeckTotals
    accuracy_7: Accuracy  # today and the 6 days before
    accuracy_30: Accuracy
    accuracy_all: Accuracy
    quiz_scores: tuple[QuizPoint, ...]  # oldest first
    tags: tuple[TagAccuracy, ...]  # sorted by tag
    heatmap: tuple[DayCount, ...]  # the last 365 days, oldest first, zero days included
    streaks: Streaks
    forecast: tuple[DayCount, ...]  # today (with overdue cards) and the next 29 days
    # SAVED; UNSAVED when the database could not be written (read-only, disk full): the figures
    # were computed from the answers all the same; STALE: they may miss the newest answers.
    summaries: SummaryState = SummaryState.SAVED


def summaries_notice(state: SummaryState) -> str | None:
    """What to tell the user about how the figures were read (None when all is well)."""
    if state is SummaryState.UNSAVED:
        return ("The statistics could not be saved: the database cannot be written (read-only, or "
                "the disk is full). These figures were computed from your answers and are complete.")
    if state is SummaryState.STALE:
        return ("The statistics could not be brought up to date: the database cannot be written "
                "(read-only, or the disk is full). The newest answers may be missing from them.")
    return None


def bank_questions(bank: Bank) -> FrozenQuestionTags:
    """``(deck, question id) -> tags`` for every question of a loaded ``Bank``.

    Built lazily; the store recognises a mapping of the same (immutable) ``Bank`` object and
    skips copying it again, so refreshing the statistics costs nothing for the bank.
    """
    return FrozenQuestionTags(bank, lambda: (((q.deck, q.id), q.tags) for deck in bank.decks for q in deck.questions))


def accuracy_since(daily: Sequence[tuple[int, int, int]], first_day: int) -> Accuracy:
    """Sum of ``(day, answers, right)`` rows on or after ``first_day`` (a date ordinal)."""
    answers = right = 0
    for day, a, r in daily:
        if day >= first_day:
            answers += a
            right += r
    return Accuracy(answers, right)


def streaks(days_with_answers: Iterable[int], today: int) -> Streaks:
    """Current and longest runs of consecutive day ordinals."""
    days = sorted(set(days_with_answers))
    longest = run = 0
    previous: int | None = None
    for d in days:
        run = run + 1 if previous is not None and d == previous + 1 else 1
        longest = max(longest, run)
        previous = d
    present = set(days)
    end = today if today in present else today - 1
    current = 0
    while end - current in present:
        current += 1
    return Streaks(current, longest)


def up_to_today(daily: Sequence[tuple[int, int, int]], today: int) -> list[tuple[int, int, int]]:
    """``(day, answers, right)`` rows with the days after ``today`` counted as today, oldest first."""
    rows = [r for r in daily if r[0] < today]
    later = [r for r in daily if r[0] >= today]
    if later:
        rows.append((today, sum(r[1] for r in later), sum(r[2] for r in later)))
    return rows


def heatmap(daily: Sequence[tuple[int, int, int]], today: int, days: int = HEATMAP_DAYS) -> tuple[DayCount, ...]:
    """Answers per day for the ``days`` days ending today, zero days included."""
    counts = {d: a for d, a, _ in daily}
    return tuple(DayCount(date.fromordinal(d), counts.get(d, 0)) for d in range(today - days + 1, today + 1))


def bank_totals(store: Store, questions: QuestionTags, now: datetime, tz: tzinfo,
                deck: str | None = None) -> tuple[list[DeckCounts], list[TagCounts]]:
    """Counts per deck and per tag (the input of ``deck_totals`` and ``tag_accuracy``)."""
    store.summaries.use_bank(questions)
    tomorrow = store.tomorrow_start(now, tz)  # the study day's end (its start hour included)
    return store.summaries.bank_totals(tomorrow, MASTERED_STABILITY_DAYS, deck)


def deck_totals(rows: Sequence[DeckCounts]) -> tuple[tuple[DeckTotals, ...], DeckTotals]:
    """Per-deck totals and their sum.

    Only questions of the loaded bank count for a loaded deck (a removed question keeps its
    history but drops out); a deck no longer loaded shows its history with ``questions == 0``.
    """
    decks = tuple(DeckTotals(r.deck, r.questions, r.seen, r.due, max(r.questions - r.reviewed, 0), r.mastered)
                  for r in rows)
    total = DeckTotals("", *(sum(getattr(r, f) for r in decks)
                             for f in ("questions", "seen", "due_today", "new", "mastered")))
    return decks, total


def tag_accuracy(rows: Sequence[TagCounts]) -> tuple[TagAccuracy, ...]:
    """All-time accuracy per tag."""
    return tuple(TagAccuracy(r.tag, Accuracy(r.attempts, r.attempts - r.wrong)) for r in rows)


def forecast(store: Store, now: datetime, tz: tzinfo, deck: str | None = None,
             days: int = FORECAST_DAYS) -> tuple[DayCount, ...]:
    """Cards falling due on each of the next ``days`` local days; today includes overdue cards.

    Counted over every stored card (index-only counts), so a removed question's card still
    shows here until its history is gone.
    """
    hour = store.day_start_hour
    today = study_date(now, tz, hour)
    bounds = [study_day_start(today + timedelta(days=i + 1), tz, hour) for i in range(days)]
    counts = store.summaries.due_histogram(bounds, deck)
    return tuple(DayCount(today + timedelta(days=i), c) for i, c in enumerate(counts))


def quiz_scores(store: Store, deck: str | None = None) -> tuple[QuizPoint, ...]:
    """One point per finished quiz, oldest first."""
    return tuple(QuizPoint(s.id, s.deck, s.finished or s.started, s.score or 0.0, s.total)
                 for s in store.summaries.finished_quizzes(deck))


def compute_statistics(store: Store, questions: QuestionTags, *, now: datetime | None = None,
                       tz: tzinfo | None = None, deck: str | None = None) -> Statistics:
    """Every figure of the statistics screen (for one deck, or all)."""
    now = now or datetime.now(timezone.utc)
    tz = tz or store.tz
    today = store.study_day(now, tz)
    with store.summaries.reading() as state:  # every read below over the same, complete summaries
        daily = up_to_today(store.summaries.daily_counts(deck), today)
        deck_rows, tag_rows = bank_totals(store, questions, now, tz, deck)
    decks, total = deck_totals(deck_rows)
    return Statistics(
        today=date.fromordinal(today),
        decks=decks,
        total=total,
        accuracy_7=accuracy_since(daily, today - 6),
        accuracy_30=accuracy_since(daily, today - 29),
        accuracy_all=accuracy_since(daily, 0),
        quiz_scores=quiz_scores(store, deck),
        tags=tag_accuracy(tag_rows),
        heatmap=heatmap(daily, today),
        streaks=streaks((d for d, a, _ in daily if a > 0), today),
        forecast=forecast(store, now, tz, deck),
        summaries=state,
    )
