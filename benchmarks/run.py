"""Run every studyapp benchmark, print the results table and write it to ``benchmarks/results.md``.

Usage (what ``make bench`` runs)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run.py [--quick] [--only NAME ...]
                                                                  [--profile] [--keep]

``--quick`` uses fewer rounds and a smaller history (for development; the table says so);
``--only`` runs the named benchmarks (startup, load, record, stats, queue, ready, memory, reader,
latency, edit, answer, optimise, browser);
``--profile [DIR]`` also writes a pyinstrument profile of studyapp's side of each benchmark;
``--keep`` keeps the temporary folder with the generated data (its path is printed).

Generated data (the 10,000-question bank, the 1,000,000-answer history, Anki collections)
is made once per run in a temporary folder and deleted at the end.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Context, Row, Verdict, markdown_table  # noqa: E402

# Run order: the start-up benchmarks first, while the machine is least disturbed by our own data.
BENCHMARKS = {
    "startup": ("1", "bench_startup"),
    "load": ("2", "bench_load"),
    "record": ("3", "bench_record"),
    "stats": ("4", "bench_stats"),
    "queue": ("5", "bench_queue"),
    "ready": ("6", "bench_ready"),
    "memory": ("7", "bench_memory"),
    "reader": ("8", "bench_reader"),
    "latency": ("9", "bench_latency"),
    "edit": ("10", "bench_edit"),
    "answer": ("11", "bench_answer"),
    "optimise": ("12", "bench_optimise"),
    "browser": ("13", "bench_browser"),
}


def machine() -> str:
    """nproc, CPU model, Python and library versions, date: the line printed under the table."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for dist in ("PySide6_Essentials", "PyYAML", "fsrs", "anki"):
        try:
            from importlib.metadata import version

            versions.append(f"{dist.split('_')[0]} {version(dist)}")
        except Exception:  # noqa: BLE001 - a missing package is just not listed
            pass
    import sqlite3

    return (f"{os.cpu_count()} CPUs (nproc), {model}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; {', '.join(versions)}; "
            f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")


def render(rows: list[Row], quick: bool, seconds: float) -> str:
    lines = ["# studyapp benchmarks: latest results", ""]
    lines.append(f"Machine: {machine()}.")
    lines.append("")
    if quick:
        lines.append("**Quick run** (`--quick`: fewer rounds, 100,000-answer history) — not the reference figures.")
        lines.append("")
    lines.append(markdown_table(rows))
    lines.append("")
    failed = [r for r in rows if r.verdict in (Verdict.FAIL, Verdict.ERROR)]
    lines.append(f"{sum(r.verdict is Verdict.PASS for r in rows)} passed, "
                 f"{sum(r.verdict is Verdict.FAIL for r in rows)} failed, "
                 f"{sum(r.verdict is Verdict.ERROR for r in rows)} not measured; whole run {seconds:.0f} s.")
    if failed:
        lines.append("")
        lines.append("Missed targets are explained in docs/guide/benchmarks.md (Missed targets).")
    lines.append("")
    lines.append("Ratios are medians over medians of runs interleaved in the same process and run. "
                 "Generated with `make bench` (`benchmarks/run.py`).")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, smaller history")
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), help="run only these benchmarks")
    parser.add_argument("--profile", nargs="?", const=str(Path(tempfile.gettempdir()) / "studyapp-profiles"),
                        metavar="DIR", help="write profiles of studyapp's side to DIR (default: %(const)s)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--results", default=str(HERE / "results.md"), help="where to write the table")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="studyapp-bench-"))
    # Child processes (start-up, memory) must start the way a user's do: with compiled
    # bytecode cached after the first start. PYTHONDONTWRITEBYTECODE (set in some shells and
    # CI images) would recompile every studyapp module on every launch; the cache goes to the
    # run's temp folder, not into the source tree.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    ctx = Context(repo=HERE.parent, work=work, python=sys.executable, quick=args.quick,
                  profile_dir=Path(args.profile) if args.profile else None)
    rows: list[Row] = []
    started = time.perf_counter()
    try:
        for name in args.only or list(BENCHMARKS):
            number, module_name = BENCHMARKS[name]
            print(f"[{name}] ...", flush=True)
            t0 = time.perf_counter()
            try:
                module = importlib.import_module(module_name)
                got = module.run(ctx)
            except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
                traceback.print_exc()
                detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:160]
                got = [Row(number, name, error=detail)]
            rows.extend(got)
            for row in got:
                print("  " + " | ".join(row.cells()[1:]), flush=True)
            print(f"  ({time.perf_counter() - t0:.1f} s)", flush=True)
        text = render(rows, args.quick, time.perf_counter() - started)
        print()
        print(text)
        Path(args.results).write_text(text, encoding="utf-8")
        print(f"written to {args.results}")
        profiles = ctx.cache.get("profiles") or []
        for p in profiles:  # type: ignore[union-attr]
            print(f"profile: {p}")
    finally:
        if args.keep:
            print(f"generated data kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if any(r.verdict is Verdict.ERROR for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
