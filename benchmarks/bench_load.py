"""Benchmark 2: loading 10,000 questions from 100 files, cold and warm, against a bare libyaml parse.

* bare: ``yaml.load(file bytes, Loader=yaml.CSafeLoader)`` of every file, nothing else.
* cold: ``load_bank([folder], cache_dir=<empty folder>)``: read, parse, validate (quotes against
  their sources included), and write the warm-load cache, as on a first start.
* warm: the same with the cache from a previous load and no file changed.

The three run interleaved, one of each per round in a shuffled order. The loader must report
zero problems on the generated bank (checked once before timing).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import yaml

import data
from harness import Context, Row, paired, timed
from profiling import profile_call

NAME = "load"


def bare_parse(paths: tuple[Path, ...]) -> int:
    """Parse every file with libyaml's safe loader; returns the number of questions (to use the result)."""
    n = 0
    for p in paths:
        doc = yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)  # noqa: S506 - CSafeLoader is safe
        n += len(doc["questions"])
    return n


def run(ctx: Context) -> list[Row]:
    from studyapp.bank.loader import load_bank

    bank = data.bank(ctx)
    folder = bank.questions_dir
    work = ctx.work / "load"
    work.mkdir(exist_ok=True)
    warm_cache = work / "warm-cache"

    first = load_bank([folder], cache_dir=warm_cache)
    if first.problems or first.question_count != bank.question_count:
        shown = "; ".join(str(p) for p in first.problems[:3])
        raise RuntimeError(f"loader found {len(first.problems)} problems, {first.question_count} questions: {shown}")
    load_bank([folder], cache_dir=warm_cache)  # make sure the cache is complete

    counter = [0]

    def cold() -> float:
        counter[0] += 1
        cache = work / f"cold-{counter[0]}"
        start = time.perf_counter()
        result = load_bank([folder], cache_dir=cache)
        elapsed = time.perf_counter() - start
        assert result.question_count == bank.question_count
        shutil.rmtree(cache, ignore_errors=True)
        return elapsed

    def warm() -> float:
        start = time.perf_counter()
        result = load_bank([folder], cache_dir=warm_cache)
        elapsed = time.perf_counter() - start
        assert result.question_count == bank.question_count
        return elapsed

    rounds = ctx.rounds(10, 3)
    res = paired({"cold": cold, "warm": warm, "bare": timed(lambda: bare_parse(bank.paths))}, rounds)
    profile_call(ctx, "load-cold", lambda: load_bank([folder], cache_dir=work / "profile-cache"))
    profile_call(ctx, "load-warm", lambda: load_bank([folder], cache_dir=warm_cache))
    n = f"{bank.question_count:,} questions, {len(bank.paths)} files, {rounds} rounds"
    return [
        Row("2", f"load cold ({n})", studyapp=res["cold"], baseline_name="bare CSafeLoader",
            baseline=res["bare"], limit=1.5),
        Row("2", "load warm (cache, files unchanged)", studyapp=res["warm"], baseline_name="bare CSafeLoader",
            baseline=res["bare"], limit=0.25),
    ]
