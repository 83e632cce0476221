"""Benchmark 7: peak memory with the 10,000-question bank loaded and the statistics screen open.

Each sample is a fresh child process (``benchmarks/stats_window.py``) that starts studyapp's
window on a data dir holding a copy of the generated history (1,000,000 answers) plus the
10,000-question bank, opens the statistics screen and exits once it is painted. Peak RSS is
the child's ``ru_maxrss`` as read by a fresh ``child_meter.py``. The question cache is warm after the first
(untimed) start, as it is for a user opening the app again; the bare window is shown beside
it for scale.
"""

from __future__ import annotations

import data
from harness import ChildRun, Context, Row, Summary, Unit, run_child

NAME = "memory"


def _check(run: ChildRun) -> ChildRun:
    if run.returncode != 0:
        raise RuntimeError(f"stats_window.py exited with {run.returncode}: {run.stderr.strip()[-300:]}")
    return run


def run(ctx: Context) -> list[Row]:
    bank = data.bank(ctx)
    db = data.history_copy(ctx, "memory")
    argv = [ctx.python, str(ctx.repo / "benchmarks" / "stats_window.py"), str(db.parent), str(bank.questions_dir),
            str(bank.question_count)]
    env = {"QT_QPA_PLATFORM": "offscreen"}
    _check(run_child(argv, env=env, timeout=180))  # first start: cache written, backup taken
    samples = [_check(run_child(argv, env=env, timeout=180)) for _ in range(ctx.rounds(3, 1))]
    bare = [run_child([ctx.python, str(ctx.repo / "benchmarks" / "bare_window.py")], env=env) for _ in range(3)]
    return [
        Row("7", f"peak RSS: 10,000 questions + stats screen open ({data.history(ctx).answers:,} answers)",
            unit=Unit.BYTES, studyapp=Summary(tuple(float(s.peak_rss) for s in samples)),
            baseline_name="bare QMainWindow", baseline=Summary(tuple(float(b.peak_rss) for b in bare)),
            limit=150 * 2**20, limit_is_ratio=False,
            note=f"wall {Summary(tuple(s.seconds for s in samples)).median:.1f} s"),
    ]
