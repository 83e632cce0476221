"""Schema version 5: a version-4 database's quiz answers and reviews replayed into one memory state per question."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from fsrs import Card, State
from storehelpers import MINSK, T0

from studyapp.store import NoticeKind, open_store
from studyapp.store.catchup import catch_up
from studyapp.store.localtime import local_day, to_us
from studyapp.store.schema import migrate
from studyapp.study.memory import replay

_INSERT = ("INSERT INTO attempts (session_id, deck, question_id, content_hash, mode, response, outcome, score, "
           "elapsed_ms, answered_us, rating, day) VALUES (NULL, 'deck', ?, 'h', ?, '\"x\"', ?, ?, 900, ?, ?, ?)")


def _build_v4(path: Path) -> None:
    """A version-4 file as that version wrote it: quiz answers without a rating and without a card
    state; reviews with their rating and the card state they set (fuzz from an unseeded draw)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, MINSK, target=4)
    answers = [  # (question, mode, outcome, rating, minutes after T0)
        ("q1", "quiz", "right", None, 0),
        ("q1", "review", "right", 3, 60 * 24 * 2),
        ("q1", "quiz", "almost", None, 60 * 24 * 2 + 5),  # same day as the review
        ("q2", "quiz", "wrong", None, 10),
        ("q2", "quiz", "right", None, 20),
        ("q3", "review", "wrong", 1, 30),
    ]
    for qid, mode, outcome, rating, minutes in answers:
        at = T0 + timedelta(minutes=minutes)
        conn.execute(_INSERT, (qid, mode, outcome, float(outcome == "right"), to_us(at), rating, local_day(at, MINSK)))
    for qid, minutes in (("q1", 60 * 24 * 2), ("q3", 30)):  # what the reviews had stored (not a replay)
        at = T0 + timedelta(minutes=minutes)
        card = Card(card_id=7, state=State.Review, step=None, stability=9.0, difficulty=5.0,
                    due=at + timedelta(days=9), last_review=at)
        conn.execute("INSERT INTO cards VALUES ('deck', ?, ?, ?, 9.0, 2, ?, ?)",
                     (qid, card.to_json(), to_us(card.due), to_us(at), to_us(at)))
    conn.execute("INSERT INTO cards VALUES ('deck', 'imported', '{}', ?, 4.0, 2, NULL, ?)",
                 (to_us(T0 + timedelta(days=4)), to_us(T0)))  # a state with no answer behind it
    catch_up(conn)  # the summaries as version 4 left them: copies of the old schedules
    assert conn.execute("SELECT due_us FROM question_stats WHERE question_id = 'q2'").fetchone() == (None,)
    conn.close()


def test_a_v4_database_gets_its_quiz_answers_and_reviews_replayed_after_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"
    _build_v4(db)
    opened = open_store(db, backups_dir=tmp_path / "backups", now=T0 + timedelta(days=5), tz=MINSK)
    store = opened.store
    try:
        assert [n.kind for n in opened.notices] == [NoticeKind.MIGRATED]
        saved = opened.notices[0].restorable_backup
        assert saved is not None
        old = sqlite3.connect(saved)
        assert old.execute("PRAGMA user_version").fetchone() == (4,)
        assert old.execute("SELECT count(*) FROM cards").fetchone() == (3,)
        old.close()

        conn = store.connection
        # Every answer now carries the rating its grade gives.
        ratings = conn.execute("SELECT question_id, mode, rating FROM attempts ORDER BY id").fetchall()
        assert ratings == [("q1", "quiz", 3), ("q1", "review", 3), ("q1", "quiz", 2),
                           ("q2", "quiz", 1), ("q2", "quiz", 3), ("q3", "review", 1)]
        # Every card with answers is their replay, in time order; the quiz-only question has one now.
        cards = store.card_states()
        log = store.rated_answers()
        assert set(log) == {("deck", "q1"), ("deck", "q2"), ("deck", "q3")}
        for key, answers in log.items():
            assert cards[key] == replay(*key, answers)
        q1 = cards[("deck", "q1")]
        assert json.loads(q1.fsrs_json)["reps"] == 3 and q1.last_review == T0 + timedelta(days=2, minutes=5)
        assert cards[("deck", "imported")].stability == 4.0  # no answers: left as it was
        # The statistics' copy of each schedule follows.
        copied = dict(((q, (due, s)) for q, due, s in conn.execute(
            "SELECT question_id, due_us, stability FROM question_stats")))
        assert copied["q2"] == (to_us(cards[("deck", "q2")].due), cards[("deck", "q2")].stability)
        # The quiz-answered question is no longer new; the queue and counts read the same state.
        assert store.reviewed_among("deck", ["q1", "q2", "q3", "q4"]) == {"q1", "q2", "q3"}
        assert store.new_cards_since(T0 - timedelta(days=1), "deck") == 4
    finally:
        store.close()


def test_a_new_database_is_built_without_replaying_anything(tmp_path: Path) -> None:
    opened = open_store(tmp_path / "new.sqlite3", backups_dir=tmp_path / "b", now=T0, tz=MINSK)
    try:
        columns = [r[1] for r in opened.store.connection.execute("PRAGMA table_info(attempts)")]
        assert "qtype" in columns and opened.notices == ()
    finally:
        opened.store.close()
