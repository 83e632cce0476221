"""The answer's one statement (``studyapp.store.answer_write``): the card check inside it, the
attempt ids it hands out, and the session counters summed when read, not at every answer."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from storehelpers import MINSK, T0, make_attempt, make_card

from studyapp.grading import Outcome
from studyapp.store import ChangedMeanwhile, Mode, NoticeKind, Store, open_store
from studyapp.store.localtime import local_day, to_us
from studyapp.store.schema import migrate, user_version


def _raw(store: Store, sql: str, *args: object) -> list[tuple[object, ...]]:
    return store.connection.execute(sql, args).fetchall()


def test_an_answer_over_a_card_that_changed_since_it_was_read_stores_nothing(store: Store) -> None:
    shown = make_card("q1")
    store.record_attempt(make_attempt("q1"), shown)
    elsewhere = make_card("q1", due=T0 + timedelta(days=8))
    store.record_attempt(make_attempt("q1", at=T0 + timedelta(minutes=1)), elsewhere)  # a review in between
    attempts = _raw(store, "SELECT * FROM attempts")
    with pytest.raises(ChangedMeanwhile):
        store.record_attempt(make_attempt("q1", at=T0 + timedelta(minutes=2)),
                             make_card("q1", due=T0 + timedelta(days=20)), expect=shown)
    assert _raw(store, "SELECT * FROM attempts") == attempts
    assert store.card_state("deck", "q1") == elsewhere
    assert not store.connection.in_transaction
    # Computed again from the card as it is now, the answer is stored.
    newer = make_card("q1", due=T0 + timedelta(days=30))
    aid = store.record_attempt(make_attempt("q1", at=T0 + timedelta(minutes=2)), newer, expect=elsewhere)
    assert store.card_state("deck", "q1") == newer
    assert _raw(store, "SELECT max(id) FROM attempts") == [(aid,)]


def test_an_answer_to_a_new_card_that_got_a_state_meanwhile_stores_nothing(store: Store) -> None:
    store.record_attempt(make_attempt("q1"), make_card("q1"))  # the card was new when shown
    with pytest.raises(ChangedMeanwhile):
        store.record_attempt(make_attempt("q1", at=T0 + timedelta(minutes=1)),
                             make_card("q1", due=T0 + timedelta(days=9)), expect=None)
    assert _raw(store, "SELECT count(*) FROM attempts") == [(1,)]
    assert store.card_state("deck", "q1") == make_card("q1")
    # Still new: the check passes and the card is created.
    store.record_attempt(make_attempt("q2"), make_card("q2"), expect=None)
    assert store.card_state("deck", "q2") == make_card("q2")


def test_a_checked_answer_to_an_unchanged_card_replaces_it(store: Store) -> None:
    first = make_card("q1")
    store.record_attempt(make_attempt("q1"), first, expect=None)
    second = make_card("q1", due=T0 + timedelta(days=6), last=T0 + timedelta(minutes=1))
    store.record_attempt(make_attempt("q1", at=T0 + timedelta(minutes=1)), second, expect=first)
    assert store.card_state("deck", "q1") == second
    assert _raw(store, "SELECT first_review_us FROM cards") == [(to_us(T0),)]  # kept from the first answer


def test_the_attempt_id_taken_by_another_connection_is_not_reused(store: Store, db_path: Path) -> None:
    first = store.record_attempt(make_attempt("q1"))
    other = sqlite3.connect(db_path, isolation_level=None)
    try:  # another program records an answer: the id this store counted on is taken
        other.execute("INSERT INTO attempts (deck, question_id, content_hash, mode, response, outcome, score, "
                      "elapsed_ms, answered_us, day) VALUES ('deck', 'q9', 'h', 'quiz', '1', 'right', 1, 5, ?, ?)",
                      (to_us(T0), local_day(T0, MINSK)))
        taken = other.execute("SELECT max(id) FROM attempts").fetchone()[0]
    finally:
        other.close()
    assert taken == first + 1
    second = store.record_attempt(make_attempt("q2", at=T0 + timedelta(minutes=1)))
    assert second == taken + 1
    assert _raw(store, "SELECT id, question_id FROM attempts ORDER BY id") == [(first, "q1"), (taken, "q9"), (second, "q2")]


def test_an_answer_does_not_write_its_session_the_counters_are_summed_when_read(store: Store) -> None:
    sid = store.start_session(Mode.QUIZ, "deck", {}, None, 3, T0)
    for n, outcome in enumerate((Outcome.RIGHT, Outcome.WRONG, Outcome.RIGHT)):
        store.record_attempt(make_attempt(f"q{n}", outcome=outcome, session_id=sid, at=T0 + timedelta(minutes=n)))
    # The answers' transactions left the session row alone (one page fewer to flush each) ...
    assert _raw(store, "SELECT answered, right, score_sum FROM sessions WHERE id = ?", sid) == [(0, 0, 0.0)]
    # ... and every read counts them, once however often it reads.
    for _ in range(2):
        record = store.session(sid)
        assert record is not None and (record.answered, record.right) == (3, 2)
    undone = store.record_attempt(make_attempt("q3", outcome=Outcome.WRONG, session_id=sid, at=T0 + timedelta(minutes=5)))
    store.undo_attempt(undone, None)
    store.finish_session(sid, T0 + timedelta(minutes=9))
    record = store.session(sid)
    assert record is not None and (record.answered, record.right) == (3, 2)
    assert record.score == pytest.approx(2 / 3)
    assert _raw(store, "SELECT answered, right, score_sum FROM sessions WHERE id = ?", sid) == [(3, 2, 2.0)]


def test_finishing_a_session_counts_its_last_answers(store: Store) -> None:
    sid = store.start_session(Mode.QUIZ, "deck", {}, None, 2, T0)
    store.record_attempt(make_attempt("q1", session_id=sid))
    store.record_attempt(make_attempt("q2", outcome=Outcome.WRONG, session_id=sid, at=T0 + timedelta(minutes=1)))
    store.finish_session(sid, T0 + timedelta(minutes=2))
    assert store.last_quiz_score("deck") == pytest.approx(0.5)


def test_upgrading_to_version_8_counts_no_session_twice(tmp_path: Path) -> None:
    """A version-7 file counted each answer in its session as it was recorded; its answers not yet
    in the summaries must not be counted again by the catch-up that now sums the sessions."""
    db = tmp_path / "studyapp.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, MINSK, target=7)
    assert user_version(conn) == 7
    conn.execute("INSERT INTO sessions (id, mode, deck, total, started_us, answered, right, score_sum) "
                 "VALUES (1, 'quiz', 'deck', 3, ?, 2, 1, 1.0)", (to_us(T0),))  # as version 7 counted them
    for n, outcome in enumerate(("right", "wrong")):
        at = T0 + timedelta(minutes=n)
        conn.execute("INSERT INTO attempts (session_id, deck, question_id, content_hash, mode, response, outcome, "
                     "score, elapsed_ms, answered_us, rating, day) VALUES (1, 'deck', ?, 'h', 'quiz', '1', ?, ?, 9, ?, 3, ?)",
                     (f"q{n}", outcome, float(outcome == "right"), to_us(at), local_day(at, MINSK)))
    assert conn.execute("SELECT upto FROM summary_mark").fetchone() == (0,)  # not summed yet
    conn.close()
    opened = open_store(db, backups_dir=tmp_path / "backups", now=T0 + timedelta(hours=1), tz=MINSK)
    store = opened.store
    try:
        assert [n.kind for n in opened.notices] == [NoticeKind.MIGRATED]
        assert user_version(store.connection) == 8
        record = store.session(1)
        assert record is not None and (record.answered, record.right) == (2, 1)
        assert _raw(store, "SELECT sum(answers) FROM daily") == [(2,)]  # the summaries have them too
        store.record_attempt(make_attempt("q3", session_id=1, at=T0 + timedelta(minutes=3)))
        record = store.session(1)
        assert record is not None and (record.answered, record.right) == (3, 2)
    finally:
        store.close()


def test_a_card_moved_to_another_due_time_with_the_same_memory_counts_as_changed(store: Store) -> None:
    """The state's JSON holds no times (the due time is a column), so the check reads both."""
    shown = make_card("q1")
    store.record_attempt(make_attempt("q1"), shown)
    store.put_cards([shown._replace(due=T0 + timedelta(days=40))])  # e.g. an import: same JSON, new due
    with pytest.raises(ChangedMeanwhile):
        store.record_attempt(make_attempt("q1", at=T0 + timedelta(minutes=1)),
                             make_card("q1", due=T0 + timedelta(days=9)), expect=shown)
    assert store.card_state("deck", "q1") == shown._replace(due=T0 + timedelta(days=40))
