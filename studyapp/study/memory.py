"""The one memory model: every graded answer, in a quiz or a review, moves the question's FSRS state.

A question has one memory state (a ``CardState``), whatever screen it was answered on. A quiz
answer is graded by studyapp and its grade becomes an FSRS rating; a flashcard review is rated
by the person. Either way the rating is stored with the answer (``attempts.rating``), and the
card's new state is written in the same transaction (``Store.record_attempt``).

Grade → rating:

============================  ==========
the answer                    rating
============================  ==========
wrong                         Again (1)
almost (a near miss)          Hard (2)
right                         Good (3)
right and quick               Easy (4)
============================  ==========

"Quick" is measured against the person's own pace, per question type (typing an answer takes
longer than ticking true or false): a right answer is quick when it took at most half the
median time of their right answers to questions of that type given in the question's own form
(quizzes and graded reviews; a self-rated card says nothing about answering speed). The median is taken over
their latest ``QUICK_SAMPLE`` such answers (searched among the last ``QUICK_WINDOW`` answers),
and only once there are at least ``QUICK_MIN_SAMPLES`` of them; before that no answer counts
as quick. Answers given before studyapp recorded question types never count.

Replay: the state is a function of the rated answers in time order. ``replay`` rebuilds it
from the answer log the way Anki's memory-state computation does from its review log; the
schema migration uses it to give existing quiz answers their effect, and the tests check that
every stored state equals its replay. An answer less than a day (24 hours) after the card's
previous one follows FSRS's short-term rules (see ``studyapp.study.scheduling``), so a quiz
right after a review is not a second full review.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from fsrs import Rating

from studyapp.store.records import CardState
from studyapp.study.scheduling import CardScheduler

if TYPE_CHECKING:
    from studyapp.grading import Outcome

QUICK_MIN_SAMPLES = 20  # right answers of a type before any answer of that type can be "quick"
QUICK_SAMPLE = 200  # the latest right answers of a type that set the pace
QUICK_WINDOW = 5000  # how far back (in answers) they are looked for


def rating_for(outcome: Outcome | str, quick: bool = False) -> Rating:
    """The FSRS rating a graded answer gives: wrong Again, almost Hard, right Good, right and quick Easy."""
    if outcome == "right":
        return Rating.Easy if quick else Rating.Good
    if outcome == "almost":
        return Rating.Hard
    return Rating.Again


def quick_threshold_ms(times_ms: Sequence[int]) -> float | None:
    """Half the median of ``times_ms`` (right answers' times), or None with too few of them."""
    if len(times_ms) < QUICK_MIN_SAMPLES:
        return None
    return statistics.median(times_ms) / 2


class SpeedSource(Protocol):
    """What ``AnswerSpeed`` reads from the store."""

    def recent_right_times(self, qtype: str, limit: int, window: int) -> list[int]: ...


class AnswerSpeed:
    """The person's pace per question type, read once per type and kept up to date as they answer."""

    def __init__(self, store: SpeedSource) -> None:
        self._store = store
        self._times: dict[str, list[int]] = {}
        self._thresholds: dict[str, float | None] = {}  # kept until the type's times change

    def _of(self, qtype: str) -> list[int]:
        times = self._times.get(qtype)
        if times is None:
            times = self._store.recent_right_times(qtype, QUICK_SAMPLE, QUICK_WINDOW)
            self._times[qtype] = times
        return times

    def threshold(self, qtype: str) -> float | None:
        """The longest answer time (ms) that is quick on this question type (None: no answer is
        quick yet); computed once per change of the person's times (a quiz asks for it when it
        shows a question, so the answer finds it ready)."""
        if qtype in self._thresholds:
            return self._thresholds[qtype]
        found = self._thresholds[qtype] = quick_threshold_ms(self._of(qtype))
        return found

    def is_quick(self, qtype: str, elapsed_ms: int) -> bool:
        """Whether ``elapsed_ms`` is quick for this person on this question type."""
        threshold = self.threshold(qtype)
        return threshold is not None and elapsed_ms <= threshold

    def note(self, qtype: str, elapsed_ms: int, right: bool) -> None:
        """Count an answer just recorded (only right ones set the pace)."""
        if right:
            times = self._of(qtype)
            times.insert(0, elapsed_ms)
            del times[QUICK_SAMPLE:]
            self._thresholds.pop(qtype, None)

    def forget(self, qtype: str, elapsed_ms: int, right: bool) -> None:
        """Take back an answer ``note`` counted (undo)."""
        times = self._times.get(qtype)
        if right and times is not None and elapsed_ms in times:
            times.remove(elapsed_ms)
            self._thresholds.pop(qtype, None)


def replay(
    deck: str, question_id: str, answers: Iterable[tuple[int, datetime]], scheduler: CardScheduler | None = None
) -> CardState | None:
    """The card state the rated ``answers`` ((rating, answered at), oldest first) lead to.

    None when there are none (the question is new).
    """
    scheduler = scheduler if scheduler is not None else CardScheduler()
    return scheduler.replay(deck, question_id, answers)
