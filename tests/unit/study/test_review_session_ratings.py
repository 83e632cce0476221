"""What a flashcard review stores for each rating: Again is a wrong answer, Hard, Good and Easy right ones."""

from __future__ import annotations

import json
from datetime import timezone

from fsrs import Rating
from studyfixtures import DECK, Clock

from studyapp.bank.model import Deck
from studyapp.grading import Outcome
from studyapp.store import Store
from studyapp.study.review_session import ReviewSession
from studyapp.study.scheduling import CardScheduler


def test_each_rating_is_stored_with_its_outcome_and_score(deck: Deck, store: Store, clock: Clock) -> None:
    session = ReviewSession([deck], store, now=clock, tz=timezone.utc, scheduler=CardScheduler())
    session.start()
    rated: dict[Rating, str] = {}
    for rating in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy):
        rated[rating] = session.current.question.id
        session.show_answer()
        clock.advance(seconds=2)
        session.rate(rating)
    rows = store.connection.execute(
        "SELECT question_id, rating, response, outcome, score FROM attempts ORDER BY id").fetchall()
    assert rows == [
        (rated[Rating.Again], 1, json.dumps("again"), "wrong", 0.0),
        (rated[Rating.Hard], 2, json.dumps("hard"), "right", 1.0),  # Hard is remembered, with effort
        (rated[Rating.Good], 3, json.dumps("good"), "right", 1.0),
        (rated[Rating.Easy], 4, json.dumps("easy"), "right", 1.0),
    ]
    history = store.question_history(DECK)
    assert {r: history[(DECK, qid)].last_outcome for r, qid in rated.items()} == {
        Rating.Again: Outcome.WRONG, Rating.Hard: Outcome.RIGHT, Rating.Good: Outcome.RIGHT, Rating.Easy: Outcome.RIGHT}
    assert session.session_id is not None
    record = store.session(session.session_id)
    assert record is not None and (record.answered, record.right) == (4, 3)
