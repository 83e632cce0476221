"""Recording answers, sessions and card states; reading them back; undo."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from studyapp.grading import Outcome
from studyapp.store import SCHEMA_VERSION, Mode, QuestionHistory, Store, StoreError, open_store

from storehelpers import MINSK, T0, make_attempt, make_card


def test_fresh_store_has_current_schema_and_wal(store: Store, db_path: Path) -> None:
    conn = store.connection
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x53747564
    assert db_path.exists()


def test_record_and_read_history(store: Store) -> None:
    store.record_attempt(make_attempt("q1", outcome=Outcome.WRONG, at=T0))
    store.record_attempt(make_attempt("q1", outcome=Outcome.RIGHT, at=T0 + timedelta(minutes=1)))
    store.record_attempt(make_attempt("q2", outcome=Outcome.ALMOST, at=T0, deck="other"))
    history = store.question_history()
    assert history[("deck", "q1")] == QuestionHistory(2, 1, T0 + timedelta(minutes=1), Outcome.RIGHT)
    assert history[("other", "q2")] == QuestionHistory(1, 1, T0, Outcome.ALMOST)  # almost counts as wrong
    assert set(store.question_history("other")) == {("other", "q2")}


def test_session_score_and_last_quiz_score(store: Store) -> None:
    assert store.last_quiz_score("deck") is None
    sid = store.start_session(Mode.QUIZ, "deck", {"tags": ["a"]}, 7, 4, T0)
    for i, outcome in enumerate([Outcome.RIGHT, Outcome.RIGHT, Outcome.WRONG, Outcome.RIGHT]):
        store.record_attempt(make_attempt(f"q{i}", outcome=outcome, session_id=sid))
    store.finish_session(sid, T0 + timedelta(minutes=5))
    assert store.last_quiz_score("deck") == pytest.approx(0.75)
    record = store.session(sid)
    assert record is not None and (record.answered, record.right, record.seed, record.total) == (4, 3, 7, 4)
    # An abandoned quiz does not replace the last score.
    sid2 = store.start_session(Mode.QUIZ, "deck", {}, None, 4, T0 + timedelta(hours=1))
    store.record_attempt(make_attempt("q1", outcome=Outcome.WRONG, session_id=sid2))
    store.finish_session(sid2, T0 + timedelta(hours=1, minutes=1), abandoned=True)
    assert store.last_quiz_score("deck") == pytest.approx(0.75)
    assert store.last_quiz_score(None) is None  # no all-decks quiz yet


def test_card_states_round_trip_exactly(store: Store) -> None:
    card = make_card("q1", due=T0 + timedelta(days=2, microseconds=123457))
    store.record_attempt(make_attempt("q1", mode=Mode.REVIEW), card)
    assert store.card_states() == {("deck", "q1"): card}
    assert store.card_state("deck", "q1") == card
    assert store.card_state("deck", "nope") is None


def test_undo_restores_previous_card_state_exactly(store: Store) -> None:
    first = make_card("q1", due=T0 + timedelta(days=1, microseconds=1), stability=1.25, state=1)
    store.record_attempt(make_attempt("q1", mode=Mode.REVIEW, at=T0), first)
    sid = store.start_session(Mode.REVIEW, "deck", {}, None, 0, T0)
    second = make_card("q1", due=T0 + timedelta(days=9), stability=8.5, state=2, last=T0 + timedelta(days=1))
    aid = store.record_attempt(make_attempt("q1", mode=Mode.REVIEW, at=T0 + timedelta(days=1),
                                            outcome=Outcome.WRONG, session_id=sid), second)
    assert store.card_state("deck", "q1") == second
    store.undo_attempt(aid, first)
    assert store.card_state("deck", "q1") == first
    assert store.question_history()[("deck", "q1")] == QuestionHistory(1, 0, T0, Outcome.RIGHT)
    record = store.session(sid)
    assert record is not None and record.answered == 0
    # Counts for the day of the undone answer are gone as well.
    days = dict(store.connection.execute("SELECT day, answers FROM daily").fetchall())
    assert sum(days.values()) == 1


def test_undo_of_a_first_review_makes_the_card_new_again(store: Store) -> None:
    aid = store.record_attempt(make_attempt("q1", mode=Mode.REVIEW), make_card("q1"))
    assert store.new_cards_since(T0 - timedelta(hours=1)) == 1
    store.undo_attempt(aid, None)
    assert store.card_states() == {}
    assert store.question_history() == {}
    assert store.new_cards_since(T0 - timedelta(hours=1)) == 0
    with pytest.raises(StoreError):
        store.undo_attempt(aid, None)


def test_history_survives_edits_with_content_hash(store: Store) -> None:
    store.record_attempt(make_attempt("q1", content_hash="old", at=T0))
    store.record_attempt(make_attempt("q1", content_hash="new", at=T0 + timedelta(days=1)))
    hashes = [h for _, h, _, _ in store.attempts_for("deck", "q1")]
    assert hashes == ["old", "new"]
    assert store.question_history()[("deck", "q1")].attempts == 2


def test_due_queries_use_due_order(store: Store) -> None:
    for i, days in enumerate([5, 1, 3]):
        store.record_attempt(make_attempt(f"q{i}", mode=Mode.REVIEW),
                             make_card(f"q{i}", due=T0 + timedelta(days=days)))
    before = T0 + timedelta(days=4)
    assert store.due_count(before) == 2
    assert [c.question_id for c in store.due_cards(before, limit=5)] == ["q1", "q2"]
    assert store.due_count(before, deck="other") == 0
    assert store.due_count(before, deck="deck") == 2
    assert [c.question_id for c in store.due_cards(before, deck="deck", limit=1)] == ["q1"]
    assert store.card_keys() == {("deck", "q0"), ("deck", "q1"), ("deck", "q2")}
    store.record_attempt(make_attempt("z", deck="other", mode=Mode.REVIEW), make_card("z", deck="other", due=T0))
    assert (store.card_count(), store.card_count("deck"), store.card_count("other"), store.card_count("none")) == (4, 3, 1, 0)
    assert store.reviewed_ids("deck") == {"q0", "q1", "q2"}
    assert store.due_count(before) == 3


def test_data_persists_across_reopen(db_path: Path, backups_dir: Path) -> None:
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    aid = opened.store.record_attempt(make_attempt("q1"))
    opened.store.close()
    again = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    try:
        assert [a for a, *_ in again.store.attempts_for("deck", "q1")] == [aid]
    finally:
        again.store.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_foreign_key_on_session(store: Store) -> None:
    from studyapp.store import SaveError

    with pytest.raises(SaveError):
        store.record_attempt(make_attempt("q1", session_id=999))
    assert store.question_history() == {}  # rolled back entirely
