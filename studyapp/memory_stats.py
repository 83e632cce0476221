"""Statistics that show memory: true retention, retrievability now, and the reviews ahead.

* True retention, as Anki's "True Retention" table: of the reviews in a period, the share
  remembered (anything but Again), for young cards (interval under 21 days), mature ones
  (21 days or more) and both; over today, yesterday, the last 7, 30 and 365 days and all time;
  and per deck and per question type (last 30 days and all time). A review is an answer given on
  a later local day than the card's previous one; its interval is the days since that answer
  (``studyapp.store.retention``). Periods follow the statistics' day rule (``studyapp.stats``).
* Retrievability now: the chance FSRS gives of remembering each studied card at this moment,
  averaged, and how many cards fall in each tenth (0–10 %, …, 90–100 %).
* Reviews ahead: how many reviews to expect on each of the next 30 days at the desired retention
  with the parameters in use. Each studied card is followed from its due day along its likely
  path: at each review it is remembered with the chance FSRS gives then and comes back after the
  interval a Good gives; the share forgotten counts one more review that day (relearning it) and
  one after the interval an Again gives (that branch is followed no further). Cards never studied
  are not counted: they add to this as they are learnt.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from enum import Enum
from pathlib import Path

from studyapp.store import Store
from studyapp.store.localtime import day_start, from_us, local_day, to_us
from studyapp.study.scheduling import CardScheduler

FORECAST_DAYS = 30
DESIRED_RETENTION = 0.9  # the scheduler's (CardScheduler's default)
MIN_BRANCH = 0.01  # a forecast branch less likely than this is dropped
SELF_RATED = "self-rated"  # the question type of answers rated by the person (no type recorded)


class Period(Enum):
    """The rows of the true-retention table, as Anki's."""

    TODAY = "Today"
    YESTERDAY = "Yesterday"
    WEEK = "Last week"
    MONTH = "Last month"
    YEAR = "Last year"
    ALL = "All time"


@dataclass(frozen=True, slots=True)
class Retention:
    """Reviews remembered and forgotten, of young and of mature cards."""

    young_passed: int = 0
    young_failed: int = 0
    mature_passed: int = 0
    mature_failed: int = 0

    def plus(self, mature: bool, passed: int, failed: int) -> Retention:
        if mature:
            return Retention(self.young_passed, self.young_failed, self.mature_passed + passed, self.mature_failed + failed)
        return Retention(self.young_passed + passed, self.young_failed + failed, self.mature_passed, self.mature_failed)

    @property
    def young(self) -> float | None:
        n = self.young_passed + self.young_failed
        return self.young_passed / n if n else None

    @property
    def mature(self) -> float | None:
        n = self.mature_passed + self.mature_failed
        return self.mature_passed / n if n else None

    @property
    def reviews(self) -> int:
        return self.young_passed + self.young_failed + self.mature_passed + self.mature_failed

    @property
    def total(self) -> float | None:
        n = self.reviews
        return (self.young_passed + self.mature_passed) / n if n else None


@dataclass(frozen=True, slots=True)
class GroupRetention:
    """True retention of one deck or one question type: the last 30 days and all time."""

    name: str
    month: Retention
    all_time: Retention


@dataclass(frozen=True, slots=True)
class MemoryStatistics:
    """Everything the statistics' memory section and ``studyapp stats`` show."""

    today: date
    retention: tuple[tuple[Period, Retention], ...]  # Anki's rows, in order
    by_deck: tuple[GroupRetention, ...]  # sorted by deck id
    by_type: tuple[GroupRetention, ...]  # sorted by type
    cards: int  # studied cards (with a memory state)
    retrievability: float | None  # average now, over those cards
    distribution: tuple[int, ...] = field(default=(0,) * 10)  # cards per tenth of retrievability
    forecast: tuple[tuple[date, float], ...] = ()  # expected reviews per day, today first


def true_retention(rows: Iterable[tuple[str, str, bool, tuple[int, ...]]],
                   types: Mapping[str, str] | None = None) -> tuple[
        tuple[tuple[Period, Retention], ...], tuple[GroupRetention, ...], tuple[GroupRetention, ...]]:
    """The retention table, per deck and per type, from ``Store.retention_rows`` (whose counts
    come in ``Period`` order)."""
    periods = {p: Retention() for p in Period}
    decks: dict[str, tuple[Retention, Retention]] = {}
    kinds: dict[str, tuple[Retention, Retention]] = {}
    month, every = list(Period).index(Period.MONTH), list(Period).index(Period.ALL)
    for deck, qtype, mature, counts in rows:
        pairs = [(counts[2 * i], counts[2 * i + 1]) for i in range(len(Period))]
        for p, (passed, failed) in zip(Period, pairs):
            periods[p] = periods[p].plus(mature, passed, failed)
        for table, key in ((decks, deck), (kinds, (types or {}).get(qtype, qtype) or SELF_RATED)):
            last, whole = table.get(key, (Retention(), Retention()))
            table[key] = (last.plus(mature, *pairs[month]), whole.plus(mature, *pairs[every]))
    return (tuple(periods.items()),
            tuple(GroupRetention(k, *v) for k, v in sorted(decks.items())),
            tuple(GroupRetention(k, *v) for k, v in sorted(kinds.items())))


def retrievability_now(cards: Sequence[tuple[float, float, int, int]], now: datetime,
                       scheduler: CardScheduler) -> tuple[float | None, tuple[int, ...]]:
    """Average retrievability of ``cards`` (``Store.card_memory`` rows) at ``now``, and cards per tenth."""
    buckets = [0] * 10
    total = 0.0
    now_us = to_us(now)
    day_us = 86_400_000_000
    for stability, _difficulty, last_us, _due in cards:
        r = scheduler.forgetting_curve(stability, (now_us - last_us) // day_us)
        total += r
        buckets[min(9, int(r * 10))] += 1
    return (total / len(cards) if cards else None), tuple(buckets)


def reviews_ahead(cards: Sequence[tuple[float, float, int, int]], now: datetime, tz: tzinfo,
                  scheduler: CardScheduler, days: int = FORECAST_DAYS,
                  desired_retention: float = DESIRED_RETENTION) -> tuple[tuple[date, float], ...]:
    """Expected reviews on each of the next ``days`` local days (today first, overdue cards in it)."""
    from fsrs_rs_python import FSRS, MemoryState

    fsrs = FSRS(list(scheduler.parameters))
    today = now.astimezone(tz).date()
    today_ord = today.toordinal()
    # Day i ends at ends[i]: a card due before ends[i] (and not before ends[i-1]) is due on day i.
    ends = [to_us(day_start(today + timedelta(days=i + 1), tz)) for i in range(days)]
    expected = [0.0] * days
    for stability, difficulty, last_us, due_us in cards:
        day = bisect.bisect_right(ends, due_us)
        last = local_day(from_us(last_us), tz) - today_ord if day < days else 0  # may be negative: in the past
        weight, s, d = 1.0, stability, difficulty
        # The card's likely path (remembered each time), and at each review the share forgotten:
        # relearnt that day, and reviewed once more after an Again's interval.
        while day < days and weight >= MIN_BRANCH:
            expected[day] += weight
            elapsed = max(0, day - last)
            remembered = scheduler.forgetting_curve(s, elapsed)
            nxt = fsrs.next_states(MemoryState(s, d), desired_retention, elapsed)
            lost = weight * (1 - remembered)
            expected[day] += lost
            again_day = day + max(1, round(nxt.again.interval))
            if again_day < days:
                expected[again_day] += lost
            weight *= remembered
            s, d, last = nxt.good.memory.stability, nxt.good.memory.difficulty, day
            day += max(1, round(nxt.good.interval))
    return tuple((today + timedelta(days=i), expected[i]) for i in range(days))


def _figures(rows: Iterable[tuple[str, str, bool, tuple[int, ...]]], cards: Sequence[tuple[float, float, int, int]],
             parameters: Sequence[float] | None, now: datetime, tz: tzinfo,
             types: Mapping[str, str] | None, desired_retention: float) -> MemoryStatistics:
    retention, by_deck, by_type = true_retention(rows, types)
    scheduler = CardScheduler(parameters=parameters)
    average, distribution = retrievability_now(cards, now, scheduler)
    return MemoryStatistics(now.astimezone(tz).date(), retention, by_deck, by_type, len(cards), average,
                            distribution, reviews_ahead(cards, now, tz, scheduler, desired_retention=desired_retention))


def compute_memory_statistics(store: Store, *, now: datetime | None = None, tz: tzinfo | None = None,
                              deck: str | None = None, types: Mapping[str, str] | None = None) -> MemoryStatistics:
    """Every memory figure (for one deck, or all), with the parameters and the desired retention
    in use for it (the deck's study settings)."""
    from studyapp.study.study_settings import SettingsBook

    now = now or datetime.now(timezone.utc)
    tz = tz or store.tz
    today = now.astimezone(tz).date().toordinal()
    settings = SettingsBook(store).for_deck(deck)
    return _figures(store.retention_rows(today, deck), store.card_memory(deck), settings.fsrs_parameters,
                    now, tz, types, settings.desired_retention)


def memory_statistics_from_file(database: Path, *, now: datetime, tz: tzinfo, deck: str | None,
                                parameters: Sequence[float] | None,
                                desired_retention: float = DESIRED_RETENTION) -> MemoryStatistics:
    """The same figures read through a read-only connection of their own, so a worker thread can
    compute them while the window runs (half a second at a million answers). The summaries must
    already include every answer (``compute_statistics`` brings them up to date and saves them)."""
    from studyapp.store import retention
    from studyapp.store.store import card_memory

    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        today = now.astimezone(tz).date().toordinal()
        rows, cards = retention.rows(conn, today, deck), card_memory(conn, deck)
    finally:
        conn.close()
    return _figures(rows, cards, parameters, now, tz, None, desired_retention)
