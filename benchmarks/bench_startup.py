"""Benchmark 1: start-up, whole process, against a bare PySide6 window.

* studyapp: ``python -m studyapp --exit-when-shown --data-dir <fresh folder>`` (the bundled bank,
  offscreen): from launching the process until it exits after the main window was painted.
* bare: ``python benchmarks/bare_window.py`` (imports PySide6, shows a ``QMainWindow`` with a
  label, exits after its first paint).

Each sample is a fresh child process, launched by a fresh ``child_meter.py`` that times it
and reads its peak RSS (``RUSAGE_CHILDREN``). The two alternate, in a shuffled order per round.
Then the same launch with ``--questions`` pointing at the generated 10,000-question bank: on a
fresh data dir (nothing cached: the first start) against the 1.3 s target, and again on the
data dir of the previous run (cache warm) for information; and, for information, a later start
of a long-used install: that bank (cache warm) with a copy of the generated history.

Before the first sample, studyapp's modules are compiled to bytecode (``compile_bytecode``), as
``pip install`` does when it installs the package: this machine sets ``PYTHONDONTWRITEBYTECODE=1``,
so without it every sample would compile every module of studyapp from source (~50 ms on this
machine), a cost no installed copy ever pays, while the bare window's PySide6 is precompiled.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import data
from harness import ChildRun, Context, Row, Summary, Unit, paired, run_child
from profiling import profile_child

NAME = "startup"


def _check(run: ChildRun, what: str) -> ChildRun:
    if run.returncode != 0:
        raise RuntimeError(f"{what} exited with {run.returncode}: {run.stderr.strip()[-300:]}")
    return run


def compile_bytecode(python: str, repo: Path) -> None:
    """Write the ``.pyc`` of every studyapp module, as ``pip install`` does (``compileall``).

    The interpreter still reads bytecode under ``PYTHONDONTWRITEBYTECODE``; it only never writes
    it. Stale ``.pyc`` files are recompiled (``compileall`` checks each source's mtime and size).
    """
    subprocess.run([python, "-m", "compileall", "-q", str(repo / "studyapp")], check=True,
                   stdout=subprocess.DEVNULL)


def run(ctx: Context) -> list[Row]:
    compile_bytecode(ctx.python, ctx.repo)
    work = ctx.work / "startup"
    work.mkdir(exist_ok=True)
    env = {"QT_QPA_PLATFORM": "offscreen"}
    bare_cmd = [ctx.python, str(ctx.repo / "benchmarks" / "bare_window.py")]
    counter = itertools.count()

    def studyapp_cmd(data_dir: str, *extra: str) -> list[str]:
        return [ctx.python, "-m", "studyapp", "--exit-when-shown", "--data-dir", data_dir, *extra]

    rss: dict[str, list[float]] = {"studyapp": [], "bare": []}

    def fresh_dir() -> str:
        d = work / f"data-{next(counter)}"
        return str(d)

    def studyapp_sample() -> float:
        d = fresh_dir()
        r = _check(run_child(studyapp_cmd(d), env=env), "studyapp")
        shutil.rmtree(d, ignore_errors=True)
        rss["studyapp"].append(r.peak_rss)
        return r.seconds

    def bare_sample() -> float:
        r = _check(run_child(bare_cmd, env=env), "bare window")
        rss["bare"].append(r.peak_rss)
        return r.seconds

    rounds = ctx.rounds(15, 5)
    res = paired({"studyapp": studyapp_sample, "bare": bare_sample}, rounds, warmup=2)
    # the warm-up rounds' RSS samples are dropped like their times
    rss_s = {k: Summary(tuple(v[-rounds:])) for k, v in rss.items()}
    rows = [
        Row("1", f"start-up wall time, bundled bank, fresh data dir ({rounds} rounds)", studyapp=res["studyapp"],
            baseline_name="bare QMainWindow", baseline=res["bare"], limit=1.5,
            note="bytecode compiled first, as pip install does"),
        Row("1", "start-up peak RSS", unit=Unit.BYTES, studyapp=rss_s["studyapp"],
            baseline_name="bare QMainWindow", baseline=rss_s["bare"], limit=1.3),
    ]

    profile_child(ctx, "startup", ["-m", "studyapp", "--exit-when-shown", "--data-dir", fresh_dir()], env)
    if ctx.profile_dir is not None:
        from startup_phases import phases

        out = ctx.profile_dir / "startup-phases.txt"
        out.write_text(phases(ctx.python, work), encoding="utf-8")
        ctx.cache.setdefault("profiles", []).append(out)  # type: ignore[union-attr]
    bank = data.bank(ctx)
    big = ["--questions", str(bank.questions_dir)]
    warm_dir = str(work / "data-warm")
    _check(run_child(studyapp_cmd(warm_dir, *big), env=env), "studyapp with 10k questions")
    big_rss: dict[str, list[float]] = {"cold": [], "warm": []}

    def big_cold() -> float:
        d = fresh_dir()
        r = _check(run_child(studyapp_cmd(d, *big), env=env), "studyapp with 10k questions")
        shutil.rmtree(d, ignore_errors=True)
        big_rss["cold"].append(r.peak_rss)
        return r.seconds

    def big_warm() -> float:
        r = _check(run_child(studyapp_cmd(warm_dir, *big), env=env), "studyapp with 10k questions")
        big_rss["warm"].append(r.peak_rss)
        return r.seconds

    big_rounds = ctx.rounds(7, 3)
    big_res = paired({"cold": big_cold, "warm": big_warm}, big_rounds, warmup=0)
    profile_child(ctx, "startup-10k-cold", ["-m", "studyapp", "--exit-when-shown", "--data-dir", fresh_dir(), *big],
                  env)
    profile_child(ctx, "startup-10k-warm", ["-m", "studyapp", "--exit-when-shown", "--data-dir", warm_dir, *big],
                  env)
    # A long-used install: the same questions (cache warm) and the 1,000,000-answer history.
    used_dir = str(data.history_copy(ctx, "startup-used").parent)
    _check(run_child(studyapp_cmd(used_dir, *big), env=env), "studyapp with the history")  # warms the cache
    used = [_check(run_child(studyapp_cmd(used_dir, *big), env=env), "studyapp with the history").seconds
            for _ in range(ctx.rounds(7, 3))]
    answers = data.history(ctx).answers
    return rows + [
        Row("1", f"start-up with 10,000 questions, fresh data dir (first start, {big_rounds} rounds)",
            studyapp=big_res["cold"], limit=1.3, limit_is_ratio=False,
            note=f"peak RSS {Summary(tuple(big_rss['cold'])).median / 2**20:.0f} MiB"),
        Row("1", "start-up with 10,000 questions, cache warm (later starts)", studyapp=big_res["warm"],
            limit=1.3, limit_is_ratio=False,
            note=f"peak RSS {Summary(tuple(big_rss['warm'])).median / 2**20:.0f} MiB"),
        Row("1", f"later start with 10,000 questions and a {answers:,}-answer history (information)",
            studyapp=Summary(tuple(used))),
    ]
