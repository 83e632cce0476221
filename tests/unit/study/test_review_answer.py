"""Graded reviews: a card answered in its question's own form, graded, the rating proposed, overrides recorded."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from fsrs import Rating
from studyfixtures import DECK, T0, Clock

from studyapp.bank.model import Deck
from studyapp.grading import Outcome
from studyapp.store import Store
from studyapp.study.review_session import ReviewSession, ReviewState, ReviewStateError
from studyapp.study.scheduling import CardScheduler


def _graded(deck: Deck, store: Store, clock: Clock, *ids: str, graded: bool = True) -> ReviewSession:
    questions = tuple(q for q in deck.questions if q.id in ids)
    session = ReviewSession([Deck(DECK, "t", deck.path, questions)], store, now=clock, new_limit=10, graded=graded)
    session.start()
    return session


def _rows(store: Store) -> list[tuple]:  # type: ignore[type-arg]
    return store.connection.execute(
        "SELECT question_id, mode, response, outcome, rating, proposed, qtype, elapsed_ms FROM attempts ORDER BY id").fetchall()


def test_a_right_answer_proposes_good_and_keeping_it_records_the_grade(deck: Deck, store: Store, clock: Clock) -> None:
    session = _graded(deck, store, clock, "veto")
    card = session.current
    assert card.gradable and sorted(card.choices) == sorted(("Hungary", "Slovakia", "Canada", "Poland"))
    clock.advance(seconds=6)
    answer = session.answer("Hungary")
    assert session.state is ReviewState.SHOWING_BACK and session.answered is answer
    assert answer.outcome is Outcome.RIGHT and answer.proposed is Rating.Good and answer.elapsed_ms == 6000
    expected = CardScheduler().next_states(DECK, "veto", None, T0 + timedelta(seconds=6))
    assert session.preview() == expected  # the buttons: computed at the moment of answering
    clock.advance(seconds=2)
    session.rate(answer.proposed)
    assert _rows(store) == [("veto", "review", json.dumps("Hungary"), "right", 3, 3, "choice", 6000)]
    assert store.card_state(DECK, "veto") == expected.choose(Rating.Good)


def test_the_person_may_override_the_proposed_rating_and_the_override_is_recorded(deck: Deck, store: Store,
                                                                                   clock: Clock) -> None:
    session = _graded(deck, store, clock, "leader")
    answer = session.answer("Lukashenkoo")  # a near miss
    assert answer.outcome is Outcome.ALMOST and answer.proposed is Rating.Hard
    session.rate(Rating.Good)  # "I was right"
    [row] = _rows(store)
    assert row[3:6] == ("almost", 3, 2)  # graded almost, proposed Hard, rated Good
    state = store.card_state(DECK, "leader")
    assert state is not None and state == CardScheduler().rate(DECK, "leader", None, Rating.Good, T0)
    session.undo()
    assert _rows(store) == [] and store.card_state(DECK, "leader") is None
    assert session.state is ReviewState.SHOWING_FRONT and session.answered is None


def test_card_questions_and_classic_reviews_are_self_rated(deck: Deck, store: Store, clock: Clock) -> None:
    session = _graded(deck, store, clock, "nuhfer")
    assert not session.current.gradable
    with pytest.raises(ReviewStateError, match="rated by the person"):
        session.answer(True)
    session.show_answer()
    session.rate(Rating.Easy)
    classic = _graded(deck, store, clock, "veto", graded=False)
    with pytest.raises(ReviewStateError):
        classic.answer("Hungary")
    classic.show_answer()
    classic.rate(Rating.Hard)
    assert [r[4:7] for r in _rows(store)] == [(4, None, None), (2, None, None)]


def test_a_cloze_answered_in_its_form_has_its_text_in_the_input_not_in_the_prompt(deck: Deck, store: Store,
                                                                                    clock: Clock) -> None:
    session = _graded(deck, store, clock, "cloze")
    assert session.answers_in_form and session.current.form_prompt == "Fill in the gaps."
    session.show_answer()  # a graded review may still just turn the card over
    assert not session.answers_in_form and session.answered is None


def test_a_response_that_does_not_fit_changes_nothing(deck: Deck, store: Store, clock: Clock) -> None:
    session = _graded(deck, store, clock, "veto")
    with pytest.raises(TypeError):
        session.answer(frozenset({"Hungary"}))
    assert session.state is ReviewState.SHOWING_FRONT and session.answered is None
    assert _rows(store) == []
