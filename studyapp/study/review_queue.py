"""The flashcard queue: which card is next, and how many are due, fast on 100,000 cards.

Cards are kept in three sorted lists — review cards and learning/relearning cards by (due,
file position), new cards by file position — updated by bisection when a card is rated or a
rating undone. Picking the next card and counting due cards are then O(log n), so the review
screen can ask for both at every card (see benchmarks/bench_queue.py).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from fsrs import State

from studyapp.bank.model import AnyQuestion
from studyapp.store import CardState

Key = tuple[str, str]
_Entry = tuple[datetime, int]  # (due, position in the question list)


class ReviewQueue:
    """The questions of a review session with their card states (None: new), in file order."""

    def __init__(self, questions: Sequence[AnyQuestion], states: Mapping[Key, CardState]) -> None:
        self._questions = tuple(questions)
        keys = [q.key for q in self._questions]
        self._pos = {key: i for i, key in enumerate(keys)}
        self._states: dict[Key, CardState] = {}
        self._review: list[_Entry] = []
        self._learning: list[_Entry] = []
        self._new: list[int] = []
        for i, key in enumerate(keys):
            s = states.get(key)
            if s is None:
                self._new.append(i)
            else:
                self._states[key] = s
                (self._review if s.state == State.Review else self._learning).append((s.due, i))
        self._review.sort()
        self._learning.sort()

    def _list_for(self, state: CardState) -> list[_Entry]:
        return self._review if state.state == State.Review else self._learning

    def state(self, key: Key) -> CardState | None:
        return self._states.get(key)

    def set_state(self, key: Key, state: CardState | None) -> None:
        """Record a card's new state (None: it is new again, after an undo)."""
        pos = self._pos[key]
        old = self._states.pop(key, None)
        if old is None:
            del self._new[bisect.bisect_left(self._new, pos)]
        else:
            entries = self._list_for(old)
            del entries[bisect.bisect_left(entries, (old.due, pos))]
        if state is None:
            bisect.insort(self._new, pos)
        else:
            self._states[key] = state
            bisect.insort(self._list_for(state), (state.due, pos))

    @property
    def new_count(self) -> int:
        """Questions never reviewed."""
        return len(self._new)

    def due_count(self, before: datetime) -> int:
        """Reviewed cards due before ``before``."""
        return bisect.bisect_left(self._review, (before, -1)) + bisect.bisect_left(self._learning, (before, -1))

    def earliest_due_after(self, moment: datetime) -> datetime | None:
        """The first due time later than ``moment`` of any reviewed card."""
        found = []
        for entries in (self._review, self._learning):
            i = bisect.bisect_right(entries, (moment, len(self._questions)))
            if i < len(entries):
                found.append(entries[i][0])
        return min(found) if found else None

    def next_card(
        self, now: datetime, end_of_day: datetime, new_allowed: int, learn_ahead: timedelta
    ) -> tuple[AnyQuestion, CardState | None] | None:
        """The card to show now: due now (most overdue first), review cards due later today,
        new cards (if ``new_allowed``), then learning cards due within ``learn_ahead``."""
        review = self._review[0] if self._review else None
        learning = self._learning[0] if self._learning else None
        due_now = [e for e in (review, learning) if e is not None and e[0] <= now]
        if due_now:
            return self._card(min(due_now)[1])
        if review is not None and review[0] < end_of_day:
            return self._card(review[1])
        if new_allowed > 0 and self._new:
            return self._questions[self._new[0]], None
        if learning is not None and learning[0] <= now + learn_ahead:
            return self._card(learning[1])
        return None

    def _card(self, pos: int) -> tuple[AnyQuestion, CardState | None]:
        q = self._questions[pos]
        return q, self._states[q.key]
