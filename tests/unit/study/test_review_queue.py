"""The sorted flashcard queue: counts and next card stay right as cards are rated and undone."""

from __future__ import annotations

from datetime import timedelta

from fsrs import State
from studyfixtures import DECK, T0, article_questions

from studyapp.store import CardState
from studyapp.study.review_queue import ReviewQueue

QUESTIONS = article_questions()
AHEAD = timedelta(minutes=20)


def _state(qid: str, due_in: timedelta, state: State = State.Review) -> CardState:
    return CardState(DECK, qid, "{}", T0 + due_in, 3.0, int(state), T0 - timedelta(days=3))


def test_counts_and_order_follow_every_change() -> None:
    end_of_day = T0 + timedelta(hours=15)
    queue = ReviewQueue(QUESTIONS, {
        (DECK, "veto"): _state("veto", timedelta(hours=-2)),
        (DECK, "fico"): _state("fico", timedelta(hours=3)),
        (DECK, "month"): _state("month", timedelta(minutes=5), State.Learning),
        (DECK, "gone"): _state("gone", timedelta(days=-9)),  # no longer in the bank: ignored
    })
    assert queue.new_count == 9
    assert queue.due_count(T0) == 1 and queue.due_count(end_of_day) == 3
    assert queue.earliest_due_after(T0) == T0 + timedelta(minutes=5)

    def next_id(new_allowed: int = 5) -> str | None:
        found = queue.next_card(T0, end_of_day, new_allowed, AHEAD)
        return None if found is None else found[0].id

    assert next_id() == "veto"
    queue.set_state((DECK, "veto"), _state("veto", timedelta(days=4)))
    assert next_id() == "fico"  # review card due later today before new cards
    queue.set_state((DECK, "fico"), _state("fico", timedelta(days=4)))
    assert next_id() == "pm"  # first new card in file order
    assert next_id(new_allowed=0) == "month"  # learning card within the learn-ahead window
    queue.set_state((DECK, "pm"), _state("pm", timedelta(minutes=1), State.Learning))
    assert queue.new_count == 8
    assert next_id() == "leader"
    queue.set_state((DECK, "pm"), None)  # undo: new again, first in file order
    assert queue.new_count == 9 and next_id() == "pm"
    assert queue.due_count(T0 + timedelta(days=5)) == 3
    assert queue.state((DECK, "veto")) == _state("veto", timedelta(days=4))
    assert queue.earliest_due_after(T0 + timedelta(days=4)) is None
