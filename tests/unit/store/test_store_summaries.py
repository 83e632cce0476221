"""The summaries kept on write (per day, per question, per session) always equal what the
attempts table says, whatever sequence of answers and undos led there."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from storehelpers import MINSK, T0, make_attempt, make_card

from studyapp.grading import Outcome
from studyapp.store import Mode, Store, open_store

_op = st.one_of(
    st.tuples(st.just("answer"), st.sampled_from([("deck", "q1"), ("deck", "q2"), ("other", "q1")]), st.sampled_from(list(Outcome)),
              st.integers(0, 72), st.booleans()),
    st.tuples(st.just("undo")),
    st.tuples(st.just("read")),  # a statistics read sums the answers so far into the summaries
)


def _recomputed(conn: sqlite3.Connection) -> tuple[object, ...]:
    daily = conn.execute("SELECT day, deck, count(*), sum(outcome = 'right'), sum(elapsed_ms) FROM attempts "
                         "GROUP BY day, deck ORDER BY day, deck").fetchall()
    total = conn.execute("SELECT day, count(*), sum(outcome = 'right'), sum(elapsed_ms) FROM attempts "
                         "GROUP BY day ORDER BY day").fetchall()
    questions = conn.execute(
        "SELECT deck, question_id, count(*), sum(outcome != 'right'), max(answered_us) FROM attempts "
        "GROUP BY deck, question_id ORDER BY deck, question_id").fetchall()
    sessions = conn.execute("SELECT s.id, count(a.id), coalesce(sum(a.outcome = 'right'), 0) FROM sessions s "
                            "LEFT JOIN attempts a ON a.session_id = s.id GROUP BY s.id ORDER BY s.id").fetchall()
    return daily, total, questions, sessions


def _kept(store: Store) -> tuple[object, ...]:
    store.catch_up_summaries()  # what every read of a summary does first
    conn = store.connection
    daily = conn.execute("SELECT day, deck, answers, right, elapsed_ms FROM daily ORDER BY day, deck").fetchall()
    total = conn.execute("SELECT day, answers, right, elapsed_ms FROM daily_total ORDER BY day").fetchall()
    questions = conn.execute("SELECT deck, question_id, attempts, wrong, last_us FROM question_stats "
                             "ORDER BY deck, question_id").fetchall()
    sessions = conn.execute("SELECT id, answered, right FROM sessions ORDER BY id").fetchall()
    return daily, total, questions, sessions


@settings(max_examples=30, deadline=None)
@given(st.lists(_op, max_size=14))
def test_summaries_match_the_attempts(ops: list[tuple[object, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "s.sqlite3", backups_dir=Path(folder) / "b", now=T0, tz=MINSK).store
        try:
            sid = store.start_session(Mode.REVIEW, "deck", {}, None, 0, T0)
            done: list[tuple[int, object]] = []  # (attempt id, card state before it)
            for op in ops:
                if op[0] == "answer":
                    _, (deck, qid), outcome, hours, with_card = op
                    at = T0 + timedelta(hours=hours)  # crosses Minsk midnights
                    before = store.card_state(deck, qid)
                    card = make_card(qid, deck=deck, due=at + timedelta(days=1), last=at) if with_card else None
                    attempt = make_attempt(qid, deck=deck, outcome=outcome, at=at, session_id=sid)
                    aid = store.record_attempt(attempt, card)
                    done.append((aid, before if with_card else "keep"))
                elif op[0] == "read":
                    store.question_history()
                elif done:
                    aid, before = done.pop()
                    keep = before == "keep"
                    deck, qid = store.connection.execute("SELECT deck, question_id FROM attempts WHERE id = ?",
                                                         (aid,)).fetchone()
                    previous = store.card_state(deck, qid) if keep else before
                    store.undo_attempt(aid, previous)  # type: ignore[arg-type]
            assert _kept(store) == _recomputed(store.connection)
            last = store.connection.execute("SELECT deck, question_id, last_outcome FROM question_stats").fetchall()
            for deck, qid, outcome in last:
                newest = store.attempts_for(deck, qid)[-1]
                assert newest[2] == outcome
        finally:
            store.close()
