"""Benchmark 6: ready to study — from 10,000 questions in files to the first card, against Anki.

* studyapp, on a fresh data dir: ``load_bank([folder], cache_dir=<empty>)`` (cold: parse,
  validate, write the cache), ``open_store`` (creates the database), a ``ReviewSession`` over
  the bank, ``start()``, and the first card's front.
* Anki, on a fresh collection: ``Collection(path)``, ``col.new_note`` + ``col.add_note`` for
  each of the same 10,000 questions (front = the question's front, back = its answer), then
  ``col.sched.getCard()``.

Both in this process, interleaved; every sample starts from nothing on disk.
"""

from __future__ import annotations

import itertools
import shutil
import time
from datetime import datetime, timezone

import data
from harness import Context, Row, paired
from profiling import profile_call

NAME = "ready"


def run(ctx: Context) -> list[Row]:
    from anki_side import ready_to_study
    from studyapp.bank.loader import load_bank
    from studyapp.store import open_store
    from studyapp.study.review_session import ReviewSession

    bank = data.bank(ctx)
    work = ctx.work / "ready"
    work.mkdir(exist_ok=True)
    counter = itertools.count()

    def studyapp_once() -> tuple[float, str]:
        d = work / f"data-{next(counter)}"
        start = time.perf_counter()
        loaded = load_bank([bank.questions_dir], cache_dir=d / "cache")
        store = open_store(d / "studyapp.sqlite3", backups_dir=d / "backups").store
        session = ReviewSession(loaded, store, now=lambda: datetime.now(timezone.utc))
        session.start()
        front = session.current.front
        elapsed = time.perf_counter() - start
        store.close()
        shutil.rmtree(d, ignore_errors=True)
        return elapsed, front

    def studyapp_sample() -> float:
        elapsed, front = studyapp_once()
        assert front
        return elapsed

    def anki_sample() -> float:
        path = work / f"anki-{next(counter)}" / "collection.anki2"
        path.parent.mkdir()
        elapsed = ready_to_study(path, bank.cards)
        shutil.rmtree(path.parent, ignore_errors=True)
        return elapsed

    # Anki's 10,000 add_note calls are 10,000 commits (seconds each sample, far more when the
    # disk is busy), so few rounds; the studyapp side's imports are warmed by one untimed run.
    studyapp_once()
    rounds = ctx.rounds(5, 1)
    res = paired({"studyapp": studyapp_sample, "anki": anki_sample}, rounds, warmup=0)
    profile_call(ctx, "ready", studyapp_once)
    return [
        Row("6", f"ready to study: {bank.question_count:,} questions in files → first card, fresh ({rounds} rounds)",
            studyapp=res["studyapp"], baseline_name="Anki: fresh collection, add_note ×10,000, getCard",
            baseline=res["anki"], limit=0.3),
    ]
