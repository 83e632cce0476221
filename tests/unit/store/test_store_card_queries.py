"""The indexed card queries the flashcard queue relies on, and the bulk card write."""

from __future__ import annotations

from datetime import timedelta

from storehelpers import T0, make_attempt, make_card

from studyapp.store import Mode, Store


def test_put_cards_writes_many_and_keeps_summaries_in_step(store: Store) -> None:
    answered = make_card("q1", due=T0 + timedelta(days=1), stability=2.0)
    store.record_attempt(make_attempt("q1", mode=Mode.REVIEW, at=T0 - timedelta(hours=1)), answered)
    cards = [make_card(f"q{i}", due=T0 + timedelta(hours=i), stability=float(i)) for i in range(1, 6)]
    assert store.put_cards(cards) == 5
    assert store.card_states() == {(c.deck, c.question_id): c for c in cards}
    # q1 was answered before: its statistics copy follows the new schedule; the others have no answers.
    store.catch_up_summaries()
    rows = store.connection.execute("SELECT question_id, due_us IS NOT NULL, stability FROM question_stats").fetchall()
    assert rows == [("q1", 1, 1.0)]
    # First reviewed: kept for q1 (the answer at T0), the last review for the imported ones.
    assert store.new_cards_since(T0 - timedelta(hours=1)) == 5 and store.new_cards_since(T0) == 4 and store.new_cards_since(T0 + timedelta(seconds=1)) == 0


def test_due_cards_between_two_instants_in_due_order(store: Store) -> None:
    store.put_cards([make_card(f"q{i}", due=T0 + timedelta(hours=i)) for i in range(6)]
                    + [make_card("x", deck="other", due=T0 + timedelta(hours=2, minutes=30))])
    ids = [c.question_id for c in store.due_cards(T0 + timedelta(hours=4), limit=10, after=T0 + timedelta(hours=1))]
    assert ids == ["q2", "x", "q3"]  # strictly after 01:00, strictly before 04:00
    assert [c.question_id for c in store.due_cards(T0 + timedelta(days=9), "deck", 2, after=T0)] == ["q1", "q2"]
    assert store.due_cards(T0) == []
    later = store.due_cards(T0 + timedelta(days=1), limit=10, after=T0 + timedelta(hours=2), exclude_decks=["other"])
    assert [c.question_id for c in later] == ["q3", "q4", "q5"]


def test_card_decks_lists_each_deck_with_a_card_once(store: Store) -> None:
    assert store.card_decks() == []
    store.put_cards([make_card("a", deck="zeta"), make_card("b", deck="alpha"), make_card("c", deck="zeta")])
    assert store.card_decks() == ["alpha", "zeta"]


def test_attempts_reads_every_column_of_one_deck_oldest_first(store: Store) -> None:
    from studyapp.grading import Outcome
    from studyapp.store.records import AttemptRow

    sid = store.start_session(Mode.REVIEW, "deck", {}, None, 2, T0)
    late = store.record_attempt(make_attempt("q2", at=T0 + timedelta(minutes=5, microseconds=7), session_id=sid,
                                             mode=Mode.REVIEW, response='"good"', content_hash="h2", elapsed_ms=4321),
                                make_card("q2"))
    early = store.record_attempt(make_attempt("q1", outcome=Outcome.ALMOST, at=T0))
    store.record_attempt(make_attempt("q1", deck="other", at=T0 - timedelta(days=1)))
    assert store.attempts("deck") == [
        AttemptRow(early, "deck", "q1", "h1", Mode.QUIZ, '"x"', Outcome.ALMOST, 0.0, 1000, T0, None, None),
        AttemptRow(late, "deck", "q2", "h2", Mode.REVIEW, '"good"', Outcome.RIGHT, 1.0, 4321,
                   T0 + timedelta(minutes=5, microseconds=7), sid, 3),
    ]
    assert store.attempts("nobody") == []


def test_reviewed_among_says_which_ids_have_a_card(store: Store) -> None:
    store.put_cards([make_card("a"), make_card("c"), make_card("b", deck="other")])
    assert store.reviewed_among("deck", ["a", "b", "c", "d"]) == {"a", "c"}
    assert store.reviewed_among("deck", []) == set()
    assert store.reviewed_among("deck", [f"x{i}" for i in range(4096)] + ["c"]) == {"c"}



def test_card_flags_agree_with_card_states(store: Store) -> None:
    """The deck list's cheap read says what the full states say: due before a time, mastered."""
    from datetime import datetime, timedelta, timezone

    from studyapp.store import CardState

    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    store.put_cards(
        CardState(f"d{i % 3}", f"q{i}", "{}", now + timedelta(hours=i), None if i == 0 else 2.5 * i, 2, now)
        for i in range(12)
    )
    cutoff = now + timedelta(hours=5)
    expected = {k: (c.due < cutoff, c.stability is not None and c.stability >= 21.0) for k, c in store.card_states().items()}
    assert store.card_flags(cutoff, 21.0) == expected
    assert store.card_flags(cutoff, 21.0, "d1") == {k: v for k, v in expected.items() if k[0] == "d1"}
    assert sum(due for due, _ in expected.values()) == 5 and sum(m for _, m in expected.values()) == 3
