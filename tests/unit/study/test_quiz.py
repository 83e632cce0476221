"""Quiz building: filters, shuffling, seeds, and the new/weak/due sources on a real store."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from studyapp.bank.model import Bank, Deck, MatchQuestion, OrderQuestion, QuestionType
from studyapp.grading import Outcome
from studyapp.store import Attempt, CardState, Mode, Store
from studyapp.study.memory import rating_for
from studyapp.study.scheduling import CardScheduler
from studyapp.study.quiz import QuizOptions, QuizSource, build_quiz, quiz_of_questions

from studyfixtures import DECK, OTHER, T0


def _answer(store: Store, deck: str, qid: str, outcome: Outcome, minutes: int = 0) -> None:
    """Record a quiz answer as a quiz session does: with the question's new memory state."""
    at = T0 - timedelta(days=1, minutes=-minutes)
    rating = rating_for(outcome)
    store.record_attempt(
        Attempt(
            deck=deck, question_id=qid, content_hash="h", mode=Mode.QUIZ, response=json.dumps("x"),
            outcome=outcome, score=1.0 if outcome is Outcome.RIGHT else 0.0, elapsed_ms=1000,
            answered_at=at, rating=int(rating),
        ),
        CardScheduler().rate(deck, qid, store.card_state(deck, qid), rating, at),
    )


def _shown(quiz_items: tuple) -> list[tuple]:  # type: ignore[type-arg]
    return [(i.question.key, i.choices, i.order_items, i.match_left, i.match_right) for i in quiz_items]


def test_same_seed_rebuilds_the_same_quiz_and_other_seeds_differ(bank: Bank) -> None:
    a = build_quiz(bank, QuizOptions(count=8, seed=1234))
    b = build_quiz(bank, QuizOptions(count=8, seed=1234))
    assert a.seed == 1234
    assert _shown(a.items) == _shown(b.items)
    others = {tuple(_shown(build_quiz(bank, QuizOptions(count=8, seed=s)).items)) for s in range(5)}
    assert len(others) == 5


def test_a_quiz_without_seed_records_the_one_it_used(bank: Bank) -> None:
    quiz = build_quiz(bank, QuizOptions(count=6))
    assert quiz.options.seed == quiz.seed
    again = build_quiz(bank, quiz.options)
    assert _shown(again.items) == _shown(quiz.items)


def test_count_deck_tags_and_types_filter(bank: Bank) -> None:
    assert len(build_quiz(bank, QuizOptions(count=100, seed=1))) == 14
    assert len(build_quiz(bank, QuizOptions(count=5, seed=1))) == 5
    deck_only = build_quiz(bank, QuizOptions(count=100, deck=OTHER, seed=1))
    assert {q.deck for q in deck_only.questions} == {OTHER}
    events = build_quiz(bank, QuizOptions(count=100, tags=frozenset({"events", "places"}), seed=1))
    assert {q.id for q in events.questions} == {"veto", "fico", "timeline", "month", "capital", "eu"}
    typed = build_quiz(bank, QuizOptions(count=100, types=frozenset({QuestionType.TEXT}), deck=DECK, seed=1))
    assert {q.id for q in typed.questions} == {"pm", "leader", "karpienka", "kalesnikava"}
    with pytest.raises(ValueError):
        build_quiz(bank, QuizOptions(count=0))


def test_choices_items_and_match_values_are_shuffled_never_in_answer_order(deck: Deck) -> None:
    order_q = next(q for q in deck.questions if isinstance(q, OrderQuestion))
    match_q = next(q for q in deck.questions if isinstance(q, MatchQuestion))
    seen_choice_orders = set()
    for seed in range(60):
        quiz = build_quiz([deck], QuizOptions(count=100, seed=seed))
        for item in quiz.items:
            q = item.question
            if q.id == "veto":
                assert sorted(item.choices) == sorted(q.choices)  # type: ignore[union-attr]
                seen_choice_orders.add(item.choices)
            if q is order_q:
                assert sorted(item.order_items) == sorted(order_q.items)
                assert item.order_items != order_q.items
            if q is match_q:
                assert item.match_left == tuple(left for left, _ in match_q.pairs)
                rights = tuple(right for _, right in match_q.pairs)
                assert sorted(item.match_right) == sorted(rights)
                assert item.match_right != rights
    assert len(seen_choice_orders) > 10  # 4 choices: 24 orders, most of them appear


def test_new_source_skips_anything_seen_in_a_quiz_or_a_review(bank: Bank, store: Store) -> None:
    _answer(store, DECK, "pm", Outcome.RIGHT)
    store.record_attempt(
        Attempt(DECK, "leader", "h", Mode.REVIEW, json.dumps("good"), Outcome.RIGHT, 1.0, 500, T0, rating=3),
        CardState(DECK, "leader", "{}", T0 + timedelta(days=2), 2.3, 2, T0),
    )
    quiz = build_quiz(
        bank, QuizOptions(count=100, deck=DECK, source=QuizSource.NEW, seed=3),
        question_history=store.question_history(), card_states=store.card_states(),
    )
    ids = {q.id for q in quiz.questions}
    assert len(ids) == 10
    assert "pm" not in ids and "leader" not in ids


def test_weak_source_orders_by_wrong_rate_then_wrong_count(bank: Bank, store: Store) -> None:
    # veto: 2/2 wrong; fico: 1/1 wrong; pm: 3/4 wrong; leader: 1/4 wrong; month: 0/1 wrong.
    for qid, outcomes in {
        "veto": "WW", "fico": "W", "pm": "WWWR", "leader": "WRRR", "month": "R",
    }.items():
        for n, o in enumerate(outcomes):
            _answer(store, DECK, qid, Outcome.WRONG if o == "W" else Outcome.RIGHT, minutes=n)
    history = store.question_history()
    assert history[(DECK, "pm")].wrong == 3
    options = QuizOptions(count=3, source=QuizSource.WEAK, seed=5)
    quiz = build_quiz(bank, options, question_history=history)
    assert {q.id for q in quiz.questions} == {"veto", "fico", "pm"}  # 100%, 100% (2 > 1), 75%
    two = build_quiz(bank, QuizOptions(count=1, source=QuizSource.WEAK, seed=5), question_history=history)
    assert [q.id for q in two.questions] == ["veto"]  # same rate as fico, more wrong answers
    everything = build_quiz(bank, QuizOptions(count=100, source=QuizSource.WEAK, seed=5), question_history=history)
    assert {q.id for q in everything.questions} == {"veto", "fico", "pm", "leader"}  # never-wrong ones left out


def test_due_source_takes_the_most_overdue_cards(bank: Bank, store: Store) -> None:
    for qid, due_in in {"pm": -3, "leader": -1, "veto": -2, "fico": 1, "capital": -5}.items():
        due = T0 + timedelta(days=due_in)
        store.record_attempt(
            Attempt(DECK if qid != "capital" else OTHER, qid, "h", Mode.REVIEW, "3", Outcome.RIGHT, 1.0, 1, T0 - timedelta(days=9), rating=3),
            CardState(DECK if qid != "capital" else OTHER, qid, "{}", due, 3.0, 2, T0 - timedelta(days=9)),
        )
    states = store.card_states()
    quiz = build_quiz(bank, QuizOptions(count=2, deck=DECK, source=QuizSource.DUE, seed=1), card_states=states, due_before=T0)
    assert {q.id for q in quiz.questions} == {"pm", "veto"}
    all_due = build_quiz(bank, QuizOptions(count=10, source=QuizSource.DUE, seed=1), card_states=states, due_before=T0)
    assert {q.id for q in all_due.questions} == {"pm", "leader", "veto", "capital"}  # fico is not due yet
    with pytest.raises(ValueError):
        build_quiz(bank, QuizOptions(source=QuizSource.DUE), card_states=states)


def test_quiz_of_questions_keeps_them_all_and_is_reproducible(deck: Deck) -> None:
    chosen = deck.questions[:4]
    a = quiz_of_questions(chosen, deck=DECK, seed=9)
    b = quiz_of_questions(chosen, deck=DECK, seed=9)
    assert sorted(q.id for q in a.questions) == sorted(q.id for q in chosen)
    assert _shown(a.items) == _shown(b.items)
    assert a.retry_of == tuple(q.key for q in chosen)
    with pytest.raises(ValueError):
        quiz_of_questions(())
