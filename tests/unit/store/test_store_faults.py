"""Faults while writing: disk full, a lock held too long, the process killed mid-run."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from storehelpers import MINSK, T0, make_attempt

from studyapp.store import Mode, SaveError, SaveFailure, Store, open_store

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


def _counts(store: Store) -> tuple[int, int, int]:
    store.catch_up_summaries()
    conn = store.connection
    return (conn.execute("SELECT count(*) FROM attempts").fetchone()[0],
            conn.execute("SELECT coalesce(sum(answers), 0) FROM daily").fetchone()[0],
            conn.execute("SELECT coalesce(sum(attempts), 0) FROM question_stats").fetchone()[0])


def test_disk_full_rolls_back_and_retry_succeeds(store: Store) -> None:
    store.record_attempt(make_attempt("q0"))
    before = _counts(store)
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now full
    big = make_attempt("q1", response='"' + "y" * 50_000 + '"')
    with pytest.raises(SaveError) as info:
        store.record_attempt(big)
    assert info.value.reason is SaveFailure.DISK_FULL
    assert str(info.value) == "could not save: disk full"
    assert _counts(store) == before  # nothing half-written
    assert not store.connection.in_transaction
    store.connection.execute("PRAGMA max_page_count = 1073741823")  # space is back
    store.record_attempt(big)
    assert _counts(store) == (before[0] + 1, before[1] + 1, before[2] + 1)


def test_locked_beyond_busy_timeout_then_retry(db_path: Path, backups_dir: Path) -> None:
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK, busy_timeout_ms=50)
    store = opened.store
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(SaveError) as info:
            store.record_attempt(make_attempt("q1"))
        assert info.value.reason is SaveFailure.LOCKED
        assert "could not save: the database is locked" in str(info.value)
        other.execute("COMMIT")
        store.record_attempt(make_attempt("q1"))
        assert _counts(store) == (1, 1, 1)
    finally:
        other.close()
        store.close()


def test_sigkill_during_answers_loses_nothing_committed(tmp_path: Path) -> None:
    db, backups = tmp_path / "studyapp.sqlite3", tmp_path / "backups"
    rng = random.Random(20)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    committed: list[int] = []
    for run in range(20):
        child = subprocess.Popen([sys.executable, str(HERE / "recorder_child.py"), str(db), str(backups), f"r{run}"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert child.stdout is not None
        for _ in range(rng.randint(1, 12)):  # kill at a random point of the run
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else ""
            committed.append(int(line))
        child.send_signal(signal.SIGKILL)
        rest, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        committed += [int(x) for x in rest.decode().splitlines(keepends=True) if x.endswith("\n")]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        present = {r[0] for r in conn.execute("SELECT id FROM attempts")}
        assert set(committed) <= present
        # The summaries' mark never runs ahead of the answers.
        total = conn.execute("SELECT count(*) FROM attempts").fetchone()[0]
        assert conn.execute("SELECT upto <= (SELECT max(id) FROM attempts) FROM summary_mark").fetchone()[0] == 1
    finally:
        conn.close()
    # The summaries and the session counters, summed from the attempts (as any read does),
    # match every committed answer.
    store = open_store(db, backups_dir=backups, tz=MINSK).store
    store.catch_up_summaries()
    store.close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT sum(answers) FROM daily").fetchone()[0] == total
        assert conn.execute("SELECT sum(answered) FROM sessions").fetchone()[0] == total
    finally:
        conn.close()
    assert len(committed) >= 20 and len(set(committed)) == len(committed)
    # A database whose newest pages are still in the WAL after a kill is ours, not "damaged".
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_session_writes_report_lock_too(db_path: Path, backups_dir: Path) -> None:
    store = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK, busy_timeout_ms=20).store
    sid = store.start_session(Mode.QUIZ, "deck", {}, None, 1, T0)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(SaveError) as info:
            store.finish_session(sid, T0)
        assert info.value.reason is SaveFailure.LOCKED
        with pytest.raises(SaveError):
            store.start_session(Mode.QUIZ, "deck", {}, None, 1, T0)
        other.execute("ROLLBACK")
        store.finish_session(sid, T0)
        record = store.session(sid)
        assert record is not None and record.finished == T0
    finally:
        other.close()
        store.close()


def test_a_failed_save_leaves_the_next_save_working(store: Store) -> None:
    # An error SQLite does not roll back itself (a constraint: the answer names a session
    # that does not exist) must not leave the connection inside the failed transaction.
    with pytest.raises(SaveError):
        store.record_attempt(make_attempt("q1", session_id=999))
    assert not store.connection.in_transaction
    aid = store.record_attempt(make_attempt("q2"))
    sid = store.start_session(Mode.QUIZ, "deck", {}, None, 1, T0)
    assert [a for a, *_ in store.attempts_for("deck", "q2")] == [aid]
    assert store.attempts_for("deck", "q1") == []
    assert store.session(sid) is not None


def _snapshot(store: Store, sid: int) -> tuple[object, ...]:
    conn = store.connection
    counts = _counts(store)  # sums the attempts into the summaries, the session's counters included
    return (conn.execute("SELECT * FROM attempts ORDER BY id").fetchall(),
            store.card_states(),
            conn.execute("SELECT answered, right, score_sum FROM sessions WHERE id = ?", (sid,)).fetchone(),
            counts)


@pytest.mark.parametrize("failing", ["INSERT ON main.cards", "UPDATE ON main.cards"])
def test_an_answer_is_stored_whole_or_not_at_all(store: Store, failing: str) -> None:
    # Make a later statement of the answer's transaction fail for real (a trigger raising in
    # SQLite), after the attempt row went in: none of the answer may stay.
    from storehelpers import make_card

    sid = store.start_session(Mode.REVIEW, "deck", {}, None, 3, T0)
    store.record_attempt(make_attempt("seen", session_id=sid, mode=Mode.REVIEW), make_card("seen"))
    before = _snapshot(store, sid)
    store.connection.execute(f"CREATE TEMP TRIGGER fail_second BEFORE {failing} "
                             "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
    qid = "seen" if failing == "UPDATE ON main.cards" else "new"
    answer = make_attempt(qid, session_id=sid, mode=Mode.REVIEW, at=T0 + timedelta(minutes=1))
    card = make_card(qid, due=T0 + timedelta(days=9), last=T0 + timedelta(minutes=1))
    with pytest.raises(SaveError):
        store.record_attempt(answer, card)
    assert _snapshot(store, sid) == before  # no attempt row, the card and the session as they were
    assert not store.connection.in_transaction
    store.connection.execute("DROP TRIGGER temp.fail_second")
    store.record_attempt(answer, card)  # and the same answer saves once the fault is gone
    assert store.card_state("deck", qid) == card
    assert _snapshot(store, sid) != before
