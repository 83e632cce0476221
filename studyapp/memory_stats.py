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
  with the parameters in use. Each studied card is followed from its due day: it is remembered
  with the chance FSRS gives then and comes back after the interval a Good gives, or forgotten
  (one more review that day, to relearn it) and comes back after the interval an Again gives;
  both branches are kept, weighted by their chance (below 1 % a branch is dropped). Cards never
  studied are not counted: they add to this as they are learnt.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from enum import Enum

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

    def first_day(self, today: int) -> int:
        """The first day ordinal of the period (``ALL``: 0)."""
        back = {"TODAY": 0, "YESTERDAY": 1, "WEEK": 6, "MONTH": 29, "YEAR": 364, "ALL": today}[self.name]
        return today - back

    def holds(self, day: int, today: int) -> bool:
        """Whether an answer of local ``day`` belongs to the period (days after today count as today)."""
        if self is Period.YESTERDAY:
            return day == today - 1
        return day >= self.first_day(today)


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


def true_retention(rows: Iterable[tuple[str, str, int, bool, int, int]], today: int,
                   types: Mapping[str, str] | None = None) -> tuple[
        tuple[tuple[Period, Retention], ...], tuple[GroupRetention, ...], tuple[GroupRetention, ...]]:
    """The retention table, per deck and per type, from ``Store.retention_rows``."""
    periods = {p: Retention() for p in Period}
    decks: dict[str, tuple[Retention, Retention]] = {}
    kinds: dict[str, tuple[Retention, Retention]] = {}
    for deck, qtype, day, mature, passed, failed in rows:
        for p in Period:
            if p.holds(day, today):
                periods[p] = periods[p].plus(mature, passed, failed)
        recent = Period.MONTH.holds(day, today)
        for table, key in ((decks, deck), (kinds, (types or {}).get(qtype, qtype) or SELF_RATED)):
            month, every = table.get(key, (Retention(), Retention()))
            table[key] = (month.plus(mature, passed, failed) if recent else month, every.plus(mature, passed, failed))
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
        first = bisect.bisect_right(ends, due_us)
        if first >= days:
            continue
        last_day = local_day(from_us(last_us), tz) - today_ord  # may be negative: in the past
        branches = [(1.0, stability, difficulty, last_day, first)]
        while branches:
            weight, s, d, last, day = branches.pop()
            if day >= days or weight < MIN_BRANCH:
                continue
            expected[day] += weight
            elapsed = max(0, day - last)
            remembered = scheduler.forgetting_curve(s, elapsed)
            nxt = fsrs.next_states(MemoryState(s, d), desired_retention, elapsed)
            good, again = nxt.good, nxt.again
            branches.append((weight * remembered, good.memory.stability, good.memory.difficulty, day,
                             day + max(1, round(good.interval))))
            lost = weight * (1 - remembered)
            if lost >= MIN_BRANCH:
                expected[day] += lost  # relearnt the same day
            branches.append((lost, again.memory.stability, again.memory.difficulty, day,
                             day + max(1, round(again.interval))))
    return tuple((today + timedelta(days=i), expected[i]) for i in range(days))


def compute_memory_statistics(store: Store, *, now: datetime | None = None, tz: tzinfo | None = None,
                              deck: str | None = None, types: Mapping[str, str] | None = None) -> MemoryStatistics:
    """Every memory figure (for one deck, or all), with the parameters in use for it."""
    now = now or datetime.now(timezone.utc)
    tz = tz or store.tz
    today = now.astimezone(tz).date()
    retention, by_deck, by_type = true_retention(store.retention_rows(deck), today.toordinal(), types)
    scheduler = CardScheduler(parameters=store.fsrs_parameters(deck))
    cards = store.card_memory(deck)
    average, distribution = retrievability_now(cards, now, scheduler)
    return MemoryStatistics(today, retention, by_deck, by_type, len(cards), average, distribution,
                            reviews_ahead(cards, now, tz, scheduler))
