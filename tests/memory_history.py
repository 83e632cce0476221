"""A simulated learner's history, written through the real store: for the optimiser and the memory statistics.

Each day the learner answers every card that is due by the evening (and a few new ones), in the
order they fell due, several passes while learning steps bring cards back the same day. Whether
they remember is drawn from the retrievability FSRS's default parameters predict, raised to
``ease`` (below 1: they remember better than the defaults expect), so fitted parameters
measurably predict their answers better.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from studyapp.grading import Outcome
from studyapp.store import Attempt, CardState, Mode, Store
from studyapp.study.scheduling import CardScheduler

START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


def simulate(store: Store, *, cards: int = 60, days: int = 60, new_per_day: int = 6, ease: float = 0.4,
             deck: str = "sim", seed: int = 5, start: datetime = START) -> int:
    """Answer ``cards`` cards of ``deck`` over ``days`` days; returns how many answers were recorded."""
    rng = random.Random(seed)
    scheduler = CardScheduler()
    states: dict[str, CardState | None] = {f"c{i:03d}": None for i in range(cards)}
    fresh = list(states)
    answered = 0
    for day in range(days):
        at = start + timedelta(days=day)
        evening = at + timedelta(hours=12)
        introduced = [fresh.pop(0) for _ in range(min(new_per_day, len(fresh)))]
        for _ in range(4):  # learning steps bring a card back the same day
            due = [q for q, s in states.items() if (s is None and q in introduced) or (s is not None and s.due <= evening)]
            due.sort(key=lambda q: (states[q].due if states[q] is not None else at, q))  # type: ignore[union-attr]
            if not due:
                break
            for qid in due:
                state = states[qid]
                at += timedelta(minutes=11)
                p = 0.9 if state is None or state.state != 2 else scheduler.retrievability(state, at) ** ease
                right = rng.random() < p
                rating = (4 if rng.random() < 0.1 else 3) if right else 1
                new_state = scheduler.rate(deck, qid, state, rating, at)
                outcome = Outcome.RIGHT if right else Outcome.WRONG
                store.record_attempt(Attempt(deck, qid, "h", Mode.REVIEW, "true" if right else "false", outcome,
                                             1.0 if right else 0.0, 3000, at, None, rating), new_state)
                states[qid] = new_state
                answered += 1
            introduced = []  # answered once: from now on they come back by their state
    return answered
