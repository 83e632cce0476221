"""Summaries summed from the attempts when read (``studyapp.store.catchup``): the answer path
writes only the facts, reads always see every answer, and a read that cannot write still works."""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from storehelpers import MINSK, T0, make_attempt, make_card

from studyapp.grading import Outcome
from studyapp.store import Mode, Store, open_store


def _wal_frames(db: Path) -> int:
    wal = db.with_name(db.name + "-wal")
    return (wal.stat().st_size - 32) // (4096 + 24) if wal.exists() else 0


def test_an_answer_writes_only_the_facts(tmp_path: Path) -> None:
    """Attempt (row and index) and card (row and its due index): at most 5 pages a review answer
    (a due-index entry moving may touch two pages); the session's counters are summed when read."""
    db = tmp_path / "s.sqlite3"
    store = open_store(db, backups_dir=tmp_path / "b", now=T0, tz=MINSK, auto_backup=False).store
    try:
        store.put_cards(make_card(f"q{n}", deck=f"d{n % 20}", due=T0 + timedelta(days=n % 7)) for n in range(4000))
        sid = store.start_session(Mode.REVIEW, None, {}, None, 0, T0)
        for n in range(0, 4000, 2):
            store.record_attempt(make_attempt(f"q{n}", deck=f"d{n % 20}", session_id=sid, mode=Mode.REVIEW),
                                 make_card(f"q{n}", deck=f"d{n % 20}", due=T0 + timedelta(days=5)))
        store.catch_up_summaries()
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.connection.execute("PRAGMA wal_autocheckpoint = 0")
        answers = 40
        for n in range(2, 2 + 2 * answers, 2):  # cards answered before, on a day with answers
            store.record_attempt(make_attempt(f"q{n}", deck=f"d{n % 20}", session_id=sid, mode=Mode.REVIEW),
                                 make_card(f"q{n}", deck=f"d{n % 20}", due=T0 + timedelta(days=4)))
        assert _wal_frames(db) / answers <= 5  # 6 with the session row, 11 with the summaries and two due indexes
        assert store.catch_up_summaries() == answers  # and then they are all summed
        record = store.session(sid)
        assert record is not None and record.answered == 2000 + answers
        assert store.question_history()[("d2", "q2")].attempts == 2
    finally:
        store.close()


def test_reads_see_every_answer_without_asking(store: Store) -> None:
    sid = store.start_session(Mode.QUIZ, "deck", {}, None, 2, T0)
    store.record_attempt(make_attempt("q1", outcome=Outcome.WRONG, session_id=sid))
    store.record_attempt(make_attempt("q1", at=T0 + timedelta(minutes=1), session_id=sid))
    history = store.question_history()[("deck", "q1")]
    assert (history.attempts, history.wrong, history.last_outcome) == (2, 1, Outcome.RIGHT)
    assert store.summaries.daily_counts() == [(T0.astimezone(MINSK).date().toordinal(), 2, 1)]
    assert store.catch_up_summaries() == 0  # the reads did it


def test_an_id_freed_by_undo_is_summed_again(store: Store) -> None:
    first = store.record_attempt(make_attempt("q1"))
    last = store.record_attempt(make_attempt("q2"))
    store.catch_up_summaries()
    store.undo_attempt(last, None)
    again = store.record_attempt(make_attempt("q3", outcome=Outcome.WRONG))
    assert again == last > first  # SQLite hands the freed id out again...
    history = store.question_history()
    assert set(history) == {("deck", "q1"), ("deck", "q3")}  # ...and it is still summed
    assert history[("deck", "q3")].wrong == 1


def test_a_read_that_cannot_write_still_answers(db_path: Path, backups_dir: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    store = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK, busy_timeout_ms=20).store
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        store.record_attempt(make_attempt("q1"))
        store.catch_up_summaries()
        store.record_attempt(make_attempt("q2"))
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        with caplog.at_level(logging.WARNING, logger="studyapp"):
            history = store.question_history()
        # Every answer, summed for this read only (no error, nothing written).
        assert set(history) == {("deck", "q1"), ("deck", "q2")}
        assert "could not be saved" in caplog.text
        assert store.connection.execute("SELECT upto FROM summary_mark").fetchone()[0] == 1
        other.execute("ROLLBACK")
        assert store.question_history() == history
        assert store.connection.execute("SELECT upto FROM summary_mark").fetchone()[0] == 2
    finally:
        other.close()
        store.close()


def test_a_read_that_can_write_nothing_at_all_says_so(db_path: Path, backups_dir: Path) -> None:
    """Not even the temporary copies can be made (``query_only``): the summaries as they are,
    no error, and the state says the newest answers may be missing."""
    from studyapp.store.catchup import SummaryState, summaries_for_reading

    store = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK).store
    store.record_attempt(make_attempt("q1"))
    store.catch_up_summaries()
    store.record_attempt(make_attempt("q2"))
    store.connection.execute("PRAGMA query_only = ON")
    try:
        with summaries_for_reading(store.connection) as state:
            assert state is SummaryState.STALE
            assert store.summaries.daily_counts() == [(T0.astimezone(MINSK).date().toordinal(), 1, 1)]
        store.connection.execute("PRAGMA query_only = OFF")
        with summaries_for_reading(store.connection) as state:
            assert state is SummaryState.SAVED
            assert store.summaries.daily_counts() == [(T0.astimezone(MINSK).date().toordinal(), 2, 2)]
    finally:
        store.close()
