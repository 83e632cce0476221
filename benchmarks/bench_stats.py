"""Benchmark 4: every figure of the statistics screen on a large history.

The store is a copy of the generated history (1,000,000 answers over two years, 200 finished
quizzes, a card for each of the 10,000 questions); the bank is the generated 10,000-question
bank loaded by the real loader. Timed, as the statistics screen does it:
``compute_statistics(store, bank_questions(bank), now=now)`` (per-deck totals, accuracy over
7/30/all days, quiz score history, accuracy per tag, the year's heatmap, streaks, the 30-day
forecast).

* "open": the first computation on a freshly opened store (it copies the bank into the
  connection first), each sample on a new ``open_store`` (not timed).
* "again": later computations on the same open store (the screen refreshed).
* "after a session": 100 answers are recorded first (not timed), then the same computation,
  which now includes summing those answers into the summaries (``studyapp.store.catchup``:
  since schema version 4 an answer does not write the summaries itself).
* reference (not a target): the naive per-day count straight from the attempts table,
  ``SELECT answered_us / 86400000000, count(*) FROM attempts GROUP BY 1``, which is what the
  heatmap alone would cost without the summaries the store keeps.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timezone

import data
from harness import Context, Row, paired, timed
from profiling import profile_call

NAME = "stats"

SESSION_ANSWERS = 100
NAIVE_PER_DAY = "SELECT answered_us / 86400000000 AS d, count(*) FROM attempts GROUP BY d"


def run(ctx: Context) -> list[Row]:
    from studyapp.bank.loader import load_bank
    from studyapp.grading import Outcome
    from studyapp.store import Attempt, Mode
    from studyapp.stats import bank_questions, compute_statistics
    from studyapp.store import open_store

    bank_files = data.bank(ctx)
    bank = load_bank([bank_files.questions_dir], cache_dir=ctx.work / "stats" / "cache")
    info = data.history(ctx)
    db = data.history_copy(ctx, "stats")

    def open_() -> object:
        return open_store(db, backups_dir=db.parent / "backups", tz=timezone.utc, auto_backup=False).store

    store = open_()
    first = compute_statistics(store, bank_questions(bank), now=datetime.now(timezone.utc))
    if first.total.questions != bank.question_count or first.accuracy_all.answers < info.answers:
        raise RuntimeError(f"unexpected figures: {first.total}, {first.accuracy_all}")

    def again() -> float:
        start = time.perf_counter()
        compute_statistics(store, bank_questions(bank), now=datetime.now(timezone.utc))
        return time.perf_counter() - start

    def first_open() -> float:
        s = open_()
        start = time.perf_counter()
        compute_statistics(s, bank_questions(bank), now=datetime.now(timezone.utc))
        elapsed = time.perf_counter() - start
        s.close()  # type: ignore[attr-defined]
        return elapsed

    keys = sorted(bank_questions(bank).keys())
    rng = random.Random(4)

    def after_session() -> float:
        """A study session's answers are recorded (not timed), then the screen opens: the
        summaries take them in (studyapp.store.catchup) as part of the timed computation."""
        now = datetime.now(timezone.utc)
        for i in range(SESSION_ANSWERS):
            deck, qid = keys[rng.randrange(len(keys))]
            right = i % 4 != 0
            store.record_attempt(Attempt(  # type: ignore[attr-defined]
                deck=deck, question_id=qid, content_hash="0123456789abcdef", mode=Mode.QUIZ, response='"x"',
                outcome=Outcome.RIGHT if right else Outcome.WRONG, score=1.0 if right else 0.0, elapsed_ms=4000,
                answered_at=now, session_id=None, rating=None))
        return again()

    naive = timed(lambda: store.connection.execute(NAIVE_PER_DAY).fetchall())  # type: ignore[attr-defined]
    rounds = ctx.rounds(30, 8)
    res = paired({"again": again, "open": first_open, "session": after_session, "naive": naive}, rounds, warmup=1)
    profile_call(ctx, "stats-again", lambda: compute_statistics(store, bank_questions(bank)), repeat=5)
    fresh = open_()
    profile_call(ctx, "stats-open", lambda: compute_statistics(fresh, bank_questions(bank)))
    fresh.close()  # type: ignore[attr-defined]
    store.close()  # type: ignore[attr-defined]
    what = (f"statistics screen, every figure ({info.answers:,} answers, {bank.question_count:,} questions, "
            f"{info.quizzes} quizzes; {rounds} rounds): first open")
    return [
        Row("4", what, studyapp=res["open"], baseline_name="naive per-day count over attempts",
            baseline=res["naive"], limit=0.050, limit_is_ratio=False),
        Row("4", "statistics screen again (store already open)", studyapp=res["again"],
            baseline_name="naive per-day count over attempts", baseline=res["naive"], limit=0.050,
            limit_is_ratio=False),
        Row("4", f"statistics screen after a {SESSION_ANSWERS}-answer session (summing them in included)",
            studyapp=res["session"], baseline_name="naive per-day count over attempts", baseline=res["naive"],
            limit=0.050, limit_is_ratio=False),
    ]
