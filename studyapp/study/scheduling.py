"""Flashcard scheduling with FSRS-6 (the ``fsrs`` package), and Anki-style interval labels.

``CardScheduler.next_states`` computes, once, what each of the four ratings would do to a card
at a moment: the rating buttons show those intervals and the answer applies the chosen state
as it is, so a button never says one date while the card gets another (Anki's
``V3CardInfo.states`` works the same way).

Fuzz. Review intervals of 3 days or more are spread a little (fsrs's ranges: about ±15 % for a
week, ±5 % for long intervals) so cards learnt together do not all come back the same day. The
random draw is seeded by the card: its id plus how many answers it has had (``reps``), as Anki's
``get_fuzz_seed`` does. One draw serves all four ratings; the same card at the same point of its
history always gets the same fuzz, so a replay of the answer log rebuilds the same due dates,
and undoing an answer and giving it again gives the same interval.

A stored card's ``fsrs_json`` is ``fsrs.Card``'s JSON without its two times and with two more
keys (fsrs ignores them): ``reps``, the number of answers that moved the card, and ``lapses``,
how many times it was forgotten (rated Again while in the review state), which makes a card a
leech. The due time and the last review are the state's own fields (the store's ``due_us`` and
``last_review_us`` columns) and are put back when an ``fsrs.Card`` is built (``fsrs_card``), so
moving a state to another moment (``NextStates.at_moment``) leaves its JSON as it is. Cards
stored with the two times in their JSON (before schema version 8) read the same way: the
fields win.

The learner's study settings (``studyapp.study.study_settings``) choose the desired retention,
the learning and relearning steps and the FSRS parameters: ``CardScheduler.for_settings``.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import FUZZ_RANGES

from studyapp.store.records import CardState

if TYPE_CHECKING:
    from studyapp.study.study_settings import StudySettings

_NO_TIME = timedelta(0)

__all__ = ["CardScheduler", "NextStates", "Rating", "card_id_for", "card_of", "format_interval", "fuzz_factor", "lapses_of",
           "reps_of"]


@dataclass(frozen=True, slots=True)
class NextStates:
    """The card's next state for each rating, computed once at ``at`` (fuzz included).

    ``intervals``/``labels`` feed the rating buttons; ``choose`` gives the state to store.
    """

    at: datetime
    before: CardState | None  # the state they were computed from (None: a new card)
    states: dict[Rating, CardState]
    last_review: datetime | None = None  # the card's last answer as fsrs saw it (None: never answered)
    # From this instant on, the whole days since ``last_review`` differ from those at ``at``
    # (``at_moment`` computes again); None: no last answer, the count never matters.
    day_limit: datetime | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        last = self.last_review
        if last is not None:
            object.__setattr__(self, "day_limit", last + timedelta(days=(self.at - last).days + 1))

    @property
    def intervals(self) -> dict[Rating, timedelta]:
        """How long until the card is due again after each rating."""
        return {rating: state.due - self.at for rating, state in self.states.items()}

    def label(self, rating: Rating) -> str:
        """``"10m"``, ``"3d"``... for a rating button."""
        return format_interval(self.states[Rating(rating)].due - self.at)

    @property
    def labels(self) -> dict[Rating, str]:
        return {rating: format_interval(ivl) for rating, ivl in self.intervals.items()}

    def choose(self, rating: Rating) -> CardState:
        """The state the card takes when answered with ``rating``: exactly the one labelled."""
        return self.states[Rating(rating)]

    def at_moment(self, rating: Rating, at: datetime) -> CardState | None:
        """The state ``rating`` gives when the answer comes at ``at`` rather than at ``self.at``
        (a quiz computes the states when it shows the question, and the answer comes later);
        None when that needs a new computation.

        FSRS reads the moment of an answer only as the whole days since the card's last answer
        (its retrievability, the same-day rule) and as the start of the new interval, so while
        that count of days is the same at both moments the result at ``at`` is the one at
        ``self.at`` with the due time and last review moved by ``at - self.at``: exactly what
        ``CardScheduler.rate`` at ``at`` gives (fuzz depends on the card, not the clock).
        """
        if at.tzinfo is not timezone.utc:
            at = _utc(at)
        delta = at - self.at
        limit = self.day_limit
        if delta < _NO_TIME or (limit is not None and at >= limit):
            return None
        state = self.states[rating]  # an int rating finds its Rating (an IntEnum: same hash, equal)
        if not delta:
            return state
        last = state.last_review
        return CardState(state.deck, state.question_id, state.fsrs_json, state.due + delta, state.stability,
                         state.state, None if last is None else last + delta)



def card_of(state: CardState) -> Card:
    """The ``fsrs.Card`` of a stored state: its JSON, with the due time and last review put back
    from the state's fields (module docstring)."""
    data = json.loads(state.fsrs_json)
    data["due"] = state.due.isoformat()
    data["last_review"] = None if state.last_review is None else state.last_review.isoformat()
    return Card.from_dict(data)


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


def _lapse(card: Card, rating: Rating) -> int:
    """1 when ``rating`` forgets a learnt card (Again on a review card), else 0."""
    return int(card.state == State.Review and rating == Rating.Again)


def card_id_for(deck: str, question_id: str) -> int:
    """A stable fsrs card id for a question (fsrs would otherwise use the clock and sleep 1ms)."""
    digest = hashlib.sha256(f"{deck}\x00{question_id}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def reps_of(state: CardState | None) -> int:
    """How many answers moved the card (0 for a new card, or one stored without the count)."""
    if state is None:
        return 0
    return int(json.loads(state.fsrs_json).get("reps", 0))


def lapses_of(state: CardState | None) -> int:
    """How many times the card was forgotten once learnt (Again on a review card)."""
    if state is None:
        return 0
    return int(json.loads(state.fsrs_json).get("lapses", 0))


def fuzz_factor(card_id: int, reps: int) -> float:
    """The card's fuzz draw in [0, 1) at this point of its history (seeded as Anki does)."""
    return random.Random(card_id + reps).random()


class CardScheduler:
    """FSRS-6; by default with fsrs's parameters and learning steps (1m, 10m; relearning 10m);
    ``parameters`` (21, fitted to the person: ``studyapp.study.optimise``) replace the defaults.

    Answers less than a day after the card's last one follow fsrs's short-term rules (the
    stability grows by the short-term factor only, however many answers come that day).
    """

    def __init__(
        self,
        *,
        fuzz: bool = True,
        desired_retention: float = 0.9,
        learning_steps: Sequence[timedelta] | None = None,
        relearning_steps: Sequence[timedelta] | None = None,
        parameters: Sequence[float] | None = None,
    ) -> None:
        options: dict[str, object] = {}
        if learning_steps is not None:
            options["learning_steps"] = tuple(learning_steps)
        if relearning_steps is not None:
            options["relearning_steps"] = tuple(relearning_steps)
        if parameters is not None:
            options["parameters"] = tuple(parameters)
        # fsrs's own fuzz draws from the global `random`; ours is seeded per card.
        self._fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=False, **options)  # type: ignore[arg-type]
        self._fuzz = fuzz

    @classmethod
    def for_settings(cls, settings: StudySettings, *, fuzz: bool = True) -> CardScheduler:
        """The scheduler a deck's study settings ask for (retention, steps, FSRS parameters)."""
        return cls(fuzz=fuzz, desired_retention=settings.desired_retention,
                   learning_steps=settings.learning_deltas, relearning_steps=settings.relearning_deltas,
                   parameters=settings.fsrs_parameters)

    @property
    def desired_retention(self) -> float:
        return float(self._fsrs.desired_retention)

    def interval_days(self, stability: float) -> int:
        """The interval (whole days, before fuzz) fsrs gives a card of ``stability`` at this
        scheduler's desired retention."""
        return int(self._fsrs._next_interval(stability=stability))

    def fsrs_card(self, deck: str, question_id: str, state: CardState | None, now: datetime) -> Card:
        """The ``fsrs.Card`` for a stored state, or a fresh one due ``now`` for a new card."""
        if state is not None:
            return card_of(state)
        return Card(card_id=card_id_for(deck, question_id), due=_utc(now))

    def next_states(self, deck: str, question_id: str, state: CardState | None, at: datetime) -> NextStates:
        """What each rating at ``at`` would make of the card: computed once, fuzz included."""
        at = _utc(at)
        card = self.fsrs_card(deck, question_id, state, at)
        reps, lapses = reps_of(state), lapses_of(state)
        states = {rating: self._after(deck, question_id, card, reps, lapses, rating, at) for rating in Rating}
        return NextStates(at, state, states, card.last_review)

    def preview(self, deck: str, question_id: str, state: CardState | None, now: datetime) -> NextStates:
        """The same as ``next_states`` (the rating buttons' labels come from it)."""
        return self.next_states(deck, question_id, state, now)

    def rate(self, deck: str, question_id: str, state: CardState | None, rating: Rating, now: datetime) -> CardState:
        """The card's next state after ``rating`` at ``now``: what ``next_states(...).choose(rating)``
        gives, computing that one rating only (replaying a long log)."""
        at = _utc(now)
        card = self.fsrs_card(deck, question_id, state, at)
        return self._after(deck, question_id, card, reps_of(state), lapses_of(state), Rating(rating), at)

    def replay(self, deck: str, question_id: str, answers: Iterable[tuple[int, datetime]]) -> CardState | None:
        """The state that rating the card with each of ``answers`` ((rating, at), oldest first) in
        turn gives: the same as chaining ``rate``, without writing and reading the JSON between
        answers. None when there are no answers."""
        card: Card | None = None
        reps = lapses = 0
        for rating, moment in answers:
            at = _utc(moment)
            if card is None:
                card = Card(card_id=card_id_for(deck, question_id), due=at)
            lapses += _lapse(card, Rating(rating))
            card = self._review(card, reps, Rating(rating), at)
            reps += 1
        return None if card is None else self._state(deck, question_id, card, reps, lapses)

    def _review(self, card: Card, reps: int, rating: Rating, at: datetime) -> Card:
        """``card`` (answered ``reps`` times before) after ``rating`` at ``at``, fuzz included."""
        reviewed, _ = self._fsrs.review_card(card, rating, review_datetime=at)
        if self._fuzz and reviewed.state == State.Review:
            reviewed.due = at + self._fuzzed(reviewed.due - at, fuzz_factor(card.card_id, reps))
        return reviewed

    def _after(self, deck: str, question_id: str, card: Card, reps: int, lapses: int, rating: Rating,
               at: datetime) -> CardState:
        return self._state(deck, question_id, self._review(card, reps, rating, at), reps + 1,
                           lapses + _lapse(card, rating))

    @staticmethod
    def _state(deck: str, question_id: str, reviewed: Card, reps: int, lapses: int) -> CardState:
        memory = reviewed.to_dict()
        del memory["due"], memory["last_review"]  # the state's own fields (module docstring)
        return CardState(
            deck=deck,
            question_id=question_id,
            fsrs_json=json.dumps({**memory, "reps": reps, "lapses": lapses}),
            due=reviewed.due,
            stability=reviewed.stability,
            state=int(reviewed.state),
            last_review=reviewed.last_review,
        )

    @property
    def parameters(self) -> tuple[float, ...]:
        """The 21 FSRS parameters in use."""
        return tuple(float(p) for p in self._fsrs.parameters)

    def forgetting_curve(self, stability: float, elapsed_days: int) -> float:
        """The chance of remembering a card of ``stability`` after ``elapsed_days`` whole days: the
        curve fsrs's ``get_card_retrievability`` draws, without building a card (statistics)."""
        decay = -self._fsrs.parameters[20]
        factor = 0.9 ** (1 / decay) - 1
        return float((1 + factor * max(0, elapsed_days) / stability) ** decay)

    def retrievability(self, state: CardState, at: datetime) -> float:
        """The chance fsrs gives of remembering the card at ``at`` (0 for a card never answered)."""
        return float(self._fsrs.get_card_retrievability(card_of(state), _utc(at)))

    def _fuzzed(self, interval: timedelta, factor: float) -> timedelta:
        """``interval`` (whole days) moved within fsrs's fuzz range by ``factor`` (0..1)."""
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for r in FUZZ_RANGES:
            delta += r["factor"] * max(min(float(days), r["end"]) - r["start"], 0.0)
        maximum = self._fsrs.maximum_interval
        high = min(round(days + delta), maximum)
        low = min(max(2, round(days - delta)), high)
        return timedelta(days=min(math.floor(low + factor * (high - low + 1)), high))
