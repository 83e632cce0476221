"""The flashcard queue over a real store: counts and next card stay right as cards are rated and
undone, on a small deck and on 20,000 generated cards."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from fsrs import State
from studyfixtures import DECK, T0, article_questions

from studyapp.bank.model import CardQuestion, Deck
from studyapp.store import CardState, Store
from studyapp.study.review_queue import ReviewQueue

AHEAD = timedelta(minutes=20)


def _state(qid: str, due_in: timedelta, state: State = State.Review, deck: str = DECK) -> CardState:
    return CardState(deck, qid, "{}", T0 + due_in, 3.0, int(state), T0 - timedelta(days=3))


def _article_deck() -> Deck:
    return Deck(DECK, "Article", Path("article.yaml"), article_questions())


def test_counts_and_order_follow_every_change(store: Store) -> None:
    end_of_day = T0 + timedelta(hours=15)
    store.put_cards([
        _state("veto", timedelta(hours=-2)),
        _state("fico", timedelta(hours=3)),
        _state("month", timedelta(minutes=5), State.Learning),
        _state("gone", timedelta(days=-9)),  # no longer in the bank: never shown
        _state("old", timedelta(days=-9), deck="unloaded-deck"),  # a deck not loaded: never counted
    ])
    queue = ReviewQueue([_article_deck()], store)
    assert queue.new_count(100) == 9 and queue.new_count(2) == 2
    assert queue.earliest_due_after(T0) == T0 + timedelta(minutes=5)

    def next_id(new_allowed: int = 5) -> str | None:
        found = queue.next_card(T0, end_of_day, new_allowed, AHEAD)
        return None if found is None else found[0].id

    assert next_id() == "veto"  # "gone" is more overdue but has no question
    assert queue.due_count(T0) == 1 and queue.due_count(end_of_day) == 3  # "gone" was met: not counted
    store.put_cards([_state("veto", timedelta(days=4))])
    assert next_id() == "fico"  # review card due later today before new cards
    store.put_cards([_state("fico", timedelta(days=4))])
    assert next_id() == "pm"  # first new card in file order
    assert next_id(new_allowed=0) == "month"  # learning card within the learn-ahead window
    store.put_cards([_state("pm", timedelta(minutes=1), State.Learning)])
    queue.set_new((DECK, "pm"), False)
    assert queue.new_count(100) == 8
    assert next_id() == "leader"
    store.connection.execute("DELETE FROM cards WHERE question_id = 'pm'")
    queue.set_new((DECK, "pm"), True)  # undo: new again, first in file order
    assert queue.new_count(100) == 9 and next_id() == "pm"
    assert queue.due_count(T0 + timedelta(days=5)) == 3
    assert queue.earliest_due_after(T0 + timedelta(days=4)) is None


def test_cards_due_at_the_same_instant_come_in_file_order(store: Store) -> None:
    questions = article_questions()
    # Due together, stored in reverse file order, more than one query batch of them.
    store.put_cards([_state(q.id, timedelta(hours=-1)) for q in reversed(questions)])
    queue = ReviewQueue([_article_deck()], store, DECK)
    found = queue.next_card(T0, T0 + timedelta(hours=15), 0, AHEAD)
    assert found is not None and found[0].id == questions[0].id
    assert queue.new_count(5) == 0 and queue.due_count(T0) == len(questions)


def test_a_session_on_a_deck_that_is_not_loaded_sees_nothing(store: Store) -> None:
    store.put_cards([_state("veto", timedelta(hours=-2))])
    queue = ReviewQueue([_article_deck()], store, "elsewhere")
    assert queue.due_count(T0 + timedelta(days=1)) == 0
    assert queue.next_card(T0, T0 + timedelta(hours=15), 20, AHEAD) is None
    assert queue.earliest_due_after(T0 - timedelta(days=1)) is None


def test_twenty_thousand_cards_counts_and_order(store: Store) -> None:
    """100 decks of 200 cards; 16,000 reviewed (shuffled, spread from 30 days overdue to 60 days
    ahead, some learning), 4,000 new. The queue's answers match a plain computation over all cards."""
    decks = [Deck(f"d{d:03d}", f"Deck {d}", Path(f"d{d:03d}.yaml"),
                  tuple(CardQuestion(deck=f"d{d:03d}", id=f"q{i:03d}", prompt=f"P {d} {i}", answer="A")
                        for i in range(200)))
             for d in range(100)]
    order = [q for deck in decks for q in deck.questions]
    rng = random.Random(5)
    reviewed = rng.sample(order, 16_000)
    states = {}
    for q in reviewed:
        due_in = timedelta(minutes=rng.randrange(-30 * 1440, 60 * 1440))
        states[q.key] = _state(q.id, due_in, State.Learning if rng.random() < 0.05 else State.Review, q.deck)
    store.put_cards(states.values())
    queue = ReviewQueue(decks, store)
    tomorrow = T0 + timedelta(hours=15)

    assert queue.due_count(tomorrow) == sum(1 for s in states.values() if s.due < tomorrow)
    new_in_order = [q.id for q in order if q.key not in states]
    assert queue.new_count(20) == 20 and queue.new_count(100_000) == 4_000
    # Due now: most overdue first, for the first cards of the queue (each rated far into the future).
    position = {q.key: i for i, q in enumerate(order)}
    expected = sorted((s.due, position[k], k) for k, s in states.items() if s.due <= T0)
    assert len(expected) > 30
    for due, _, key in expected[:30]:
        found = queue.next_card(T0, tomorrow, 20, AHEAD)
        assert found is not None and found[0].key == key and found[1] == states[key] and found[1].due == due
        store.put_cards([_state(key[1], timedelta(days=400), deck=key[0])])
    # With nothing due, new cards come in file order (checked against the store in chunks).
    store.put_cards([_state(k[1], timedelta(days=400), deck=k[0]) for k, s in states.items() if s.due < tomorrow])
    assert queue.due_count(tomorrow) == 0
    found = queue.next_card(T0, tomorrow, 20, AHEAD)
    assert found is not None and found[1] is None and found[0].id == new_in_order[0]
    queue.set_new(found[0].key, False)
    assert queue.new_count(100_000) == 3_999
