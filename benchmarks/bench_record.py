"""Benchmark 3: recording one answer on a large history, against a bare INSERT and against Anki.

* studyapp: ``Store.record_attempt(attempt, card)`` in a review session, on a copy of the
  generated history (1,000,000 answers, 10,000 cards): the attempt row, the card's new state,
  the session counters and the summaries, one ``BEGIN IMMEDIATE`` ... ``COMMIT`` with WAL and
  ``synchronous=FULL`` (the store's own connection settings).
* bare: one-row ``INSERT`` of an attempt-sized row into an unindexed table + ``COMMIT``, same
  settings, its own file in the same folder.
* Anki: ``col.sched.answer_card`` (rating Good) of a due review card on a 10,000-card
  collection of the same questions, with a review log as long as the history (1,000,000
  reviews; ``anki_side.add_review_history``); fetching the card and its states is not timed.
  Anki also commits every answer (WAL, ``synchronous=FULL``).

Each round times one of each in a shuffled order; 2,000 rounds (300 with ``--quick``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import data
from harness import Context, Row, paired
from profiling import profile_call

NAME = "record"


class BareInsert:
    """A bare one-row INSERT + COMMIT with the store's settings (WAL, synchronous=FULL)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS attempts (id INTEGER PRIMARY KEY, deck TEXT, question_id TEXT,"
            " content_hash TEXT, mode TEXT, response TEXT, outcome TEXT, score REAL, elapsed_ms INTEGER,"
            " answered_us INTEGER)")
        self.n = 0

    def sample(self) -> float:
        self.n += 1
        row = ("deck-001", f"q{self.n % 100:03d}-card", "0123456789abcdef", "review", '"good"', "right",
               1.0, 4200, int(time.time() * 1e6))
        start = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO attempts (deck, question_id, content_hash, mode, response, outcome, score,"
            " elapsed_ms, answered_us) VALUES (?,?,?,?,?,?,?,?,?)", row)
        self.conn.execute("COMMIT")
        return time.perf_counter() - start


def run(ctx: Context) -> list[Row]:
    from anki_side import AnkiReviewer, build_review_collection
    from studyapp.grading import Outcome
    from studyapp.store import Attempt, CardState, Mode, open_store

    bank = data.bank(ctx)
    info = data.history(ctx)
    db = data.history_copy(ctx, "record")
    opened = open_store(db, backups_dir=db.parent / "backups", tz=timezone.utc, auto_backup=False)
    store = opened.store
    keys = list(store.card_states().items())
    session_id = store.start_session(Mode.REVIEW, None, {}, None, 0, datetime.now(timezone.utc))

    anki_path = ctx.work / "record" / "collection.anki2"
    build_review_collection(anki_path, bank.cards, reviews=info.answers)  # the same history on both sides
    anki = AnkiReviewer(anki_path)
    bare = BareInsert(db.parent / "bare.sqlite3")

    counter = [0]

    def studyapp_sample() -> float:
        i = counter[0]
        counter[0] += 1
        (deck, qid), old = keys[(i * 7919) % len(keys)]
        now = datetime.now(timezone.utc)
        fsrs = json.loads(old.fsrs_json)
        fsrs["due"] = (now + timedelta(days=3)).isoformat()
        fsrs["last_review"] = now.isoformat()
        card = CardState(deck, qid, json.dumps(fsrs), now + timedelta(days=3), old.stability, old.state, now)
        attempt = Attempt(deck=deck, question_id=qid, content_hash="0123456789abcdef", mode=Mode.REVIEW,
                          response='"good"', outcome=Outcome.RIGHT, score=1.0, elapsed_ms=4200,
                          answered_at=now, session_id=session_id, rating=3)
        start = time.perf_counter()
        store.record_attempt(attempt, card)
        return time.perf_counter() - start

    rounds = ctx.rounds(2000, 300)
    res = paired({"studyapp": studyapp_sample, "bare": bare.sample, "anki": anki.answer_one}, rounds, warmup=20)
    profile_call(ctx, "record", studyapp_sample, repeat=200)
    anki_settings = anki.pragmas
    anki.close()
    bare.conn.close()
    store.close()
    what = f"record one answer ({info.answers:,} answers, {info.cards:,} cards stored; {rounds} rounds)"
    return [
        Row("3", what, studyapp=res["studyapp"], baseline_name="bare INSERT+COMMIT", baseline=res["bare"],
            limit=1.5, show_p99=True),
        Row("3", "record one answer vs Anki (the same history on both sides)", studyapp=res["studyapp"],
            baseline_name=f"Anki answer_card ({anki_settings})", baseline=res["anki"], limit=1.0,
            show_p99=True),
    ]
