"""Flashcard scheduling with FSRS-6 (the ``fsrs`` package), and Anki-style interval labels.

``CardScheduler`` turns a stored ``CardState`` (or none, for a new card) plus a rating into
the next ``CardState``, and previews the interval each rating would give. Previews never use
fuzz, so the button labels are stable. Applying a rating adds fsrs's usual fuzz to review
intervals of 3 days or more (so cards learnt together spread out), drawn from the
``random.Random`` the scheduler was given: pass a seeded one and a run is exactly repeatable.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import FUZZ_RANGES

from studyapp.store.records import CardState

__all__ = ["CardScheduler", "Preview", "Rating", "format_interval"]


@dataclass(frozen=True, slots=True)
class Preview:
    """What each rating would do to a card now (no fuzz): the interval and its label."""

    intervals: dict[Rating, timedelta]

    def label(self, rating: Rating) -> str:
        """``"10m"``, ``"3d"``... for a rating button."""
        return format_interval(self.intervals[rating])

    @property
    def labels(self) -> dict[Rating, str]:
        return {rating: format_interval(ivl) for rating, ivl in self.intervals.items()}


def format_interval(interval: timedelta) -> str:
    """An interval as Anki labels its buttons: ``<1m``, ``10m``, ``1h``, ``3d``, ``2mo``, ``1.2y``.

    Minutes under an hour, hours under a day, days under a month (30 days), months (30 days,
    one decimal when not whole) under a year (365 days), then years with one decimal.
    """
    seconds = interval.total_seconds()
    if seconds < 60:
        return "<1m"
    minutes = seconds / 60
    if minutes < 59.5:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 23.5:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 29.5:
        return f"{round(days)}d"
    if days < 365:
        return f"{_one_decimal(days / 30)}mo"
    return f"{_one_decimal(days / 365)}y"


def _one_decimal(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: scheduling needs tz-aware times")
    # fsrs insists on tzinfo == timezone.utc exactly (ZoneInfo("UTC") is refused).
    return moment.astimezone(timezone.utc)


def card_id_for(deck: str, question_id: str) -> int:
    """A stable fsrs card id for a question (fsrs would otherwise use the clock and sleep 1ms)."""
    digest = hashlib.sha256(f"{deck}\x00{question_id}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


class CardScheduler:
    """FSRS-6 with the default parameters and learning steps (1m, 10m; relearning 10m)."""

    def __init__(self, *, rng: random.Random | None = None, fuzz: bool = True, desired_retention: float = 0.9) -> None:
        # fsrs's own fuzz draws from the global `random`; ours draws from `rng` instead.
        self._fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=False)
        self._rng = rng if rng is not None else random.Random()
        self._fuzz = fuzz

    def fsrs_card(self, deck: str, question_id: str, state: CardState | None, now: datetime) -> Card:
        """The ``fsrs.Card`` for a stored state, or a fresh one due ``now`` for a new card."""
        if state is not None:
            return Card.from_json(state.fsrs_json)
        return Card(card_id=card_id_for(deck, question_id), due=_utc(now))

    def preview(self, deck: str, question_id: str, state: CardState | None, now: datetime) -> Preview:
        """The interval each rating would give if the card were rated at ``now`` (no fuzz)."""
        now = _utc(now)
        intervals = {}
        for rating in Rating:
            card = self.fsrs_card(deck, question_id, state, now)
            reviewed, _ = self._fsrs.review_card(card, rating, review_datetime=now)
            intervals[rating] = reviewed.due - now
        return Preview(intervals)

    def rate(self, deck: str, question_id: str, state: CardState | None, rating: Rating, now: datetime) -> CardState:
        """The card's next state after ``rating`` at ``now`` (with fuzz on long review intervals)."""
        now = _utc(now)
        card = self.fsrs_card(deck, question_id, state, now)
        reviewed, _ = self._fsrs.review_card(card, Rating(rating), review_datetime=now)
        if self._fuzz and reviewed.state == State.Review:
            reviewed.due = now + self._fuzzed(reviewed.due - now)
        return CardState(
            deck=deck,
            question_id=question_id,
            fsrs_json=reviewed.to_json(),
            due=reviewed.due,
            stability=reviewed.stability,
            state=int(reviewed.state),
            last_review=reviewed.last_review,
        )

    def _fuzzed(self, interval: timedelta) -> timedelta:
        """fsrs's fuzz (same ranges as ``Scheduler._get_fuzzed_interval``), from our ``rng``."""
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for r in FUZZ_RANGES:
            delta += r["factor"] * max(min(float(days), r["end"]) - r["start"], 0.0)
        maximum = self._fsrs.maximum_interval
        high = min(round(days + delta), maximum)
        low = min(max(2, round(days - delta)), high)
        return timedelta(days=min(round(self._rng.random() * (high - low + 1) + low), maximum))
