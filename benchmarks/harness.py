"""The measuring kit every benchmark uses: paired runs, summaries, rows of the results table.

Ratios are what the targets are about, and a 2-core machine shared with other work is noisy.
So the two sides of a comparison run *interleaved* in one process, one sample of each per
round in a shuffled order: a slow patch of the machine hits both sides alike and the ratio of
medians holds even when the absolute numbers drift.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

# A sample function does its own untimed set-up and returns the seconds (or bytes) it measured.
SampleFn = Callable[[], float]


class Verdict(StrEnum):
    """The result column of the table."""

    PASS = "PASS"
    FAIL = "FAIL"
    INFO = "info"  # measured, no target attached
    ERROR = "ERROR"  # the benchmark could not run (e.g. the code it measures is not there yet)


@dataclass(frozen=True)
class Summary:
    """Median, min, max and p99 of a list of samples (seconds or bytes)."""

    samples: tuple[float, ...]

    @property
    def n(self) -> int:
        return len(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def max(self) -> float:
        return max(self.samples)

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples)
        # nearest-rank p99: the value 99% of the samples are at or below
        rank = max(1, -(-99 * len(ordered) // 100))
        return ordered[rank - 1]


class Unit(StrEnum):
    """How a summary is printed."""

    SECONDS = "s"
    BYTES = "B"


def fmt_value(value: float, unit: Unit) -> str:
    """Seconds as ms (or s above 10 s); bytes as MiB."""
    if unit is Unit.BYTES:
        return f"{value / 2**20:.1f} MiB"
    if value >= 10:
        return f"{value:.1f} s"
    if value >= 1:
        return f"{value:.2f} s"
    ms = value * 1000
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 1:
        return f"{ms:.2f} ms"
    return f"{ms:.3f} ms"


def fmt_summary(s: Summary | None, unit: Unit, p99: bool = False) -> str:
    """``median (min–max)``, with ``p99`` appended when asked."""
    if s is None:
        return "—"
    if s.n == 1:
        return fmt_value(s.median, unit)
    text = f"{fmt_value(s.median, unit)} ({fmt_value(s.min, unit)}–{fmt_value(s.max, unit)})"
    if p99:
        text += f", p99 {fmt_value(s.p99, unit)}"
    return text


@dataclass
class Row:
    """One line of the results table.

    ``limit`` is the target: a maximum ratio (``ratio`` set, against ``baseline``) or a maximum
    absolute value (``ratio`` None). ``check`` picks the statistic the target is about.
    """

    benchmark: str
    measure: str
    unit: Unit = Unit.SECONDS
    studyapp: Summary | None = None
    baseline_name: str = ""
    baseline: Summary | None = None
    limit: float | None = None
    limit_is_ratio: bool = True
    show_p99: bool = False
    note: str = ""
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.studyapp is None or self.baseline is None or self.baseline.median == 0:
            return None
        return self.studyapp.median / self.baseline.median

    @property
    def verdict(self) -> Verdict:
        if self.error or self.studyapp is None:
            return Verdict.ERROR
        if self.limit is None:
            return Verdict.INFO
        value = self.ratio if self.limit_is_ratio else self.studyapp.median
        if value is None:
            return Verdict.ERROR
        return Verdict.PASS if value <= self.limit else Verdict.FAIL

    @property
    def target(self) -> str:
        if self.limit is None:
            return "—"
        if self.limit_is_ratio:
            return f"≤ {self.limit:g}×"
        return f"≤ {fmt_value(self.limit, self.unit)}"

    def cells(self) -> list[str]:
        ratio = self.ratio
        studyapp = fmt_summary(self.studyapp, self.unit, self.show_p99)
        if self.error:
            studyapp = f"not measured: {self.error}"
        baseline = ""
        if self.baseline_name:
            baseline = f"{self.baseline_name}: {fmt_summary(self.baseline, self.unit, self.show_p99)}"
        return [
            self.benchmark,
            self.measure + (f" ({self.note})" if self.note else ""),
            studyapp,
            baseline or "—",
            f"{ratio:.2f}×" if ratio is not None else "—",
            self.target,
            str(self.verdict),
        ]


HEADER = ["#", "what", "studyapp median (min–max)", "baseline median (min–max)", "ratio", "target", "result"]


def markdown_table(rows: Sequence[Row]) -> str:
    """The rows as a GitHub Markdown table (``|`` in cells escaped)."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join("---" for _ in HEADER) + "|"]
    for row in rows:
        cells = [c.replace("|", "\\|").replace("\n", " ") for c in row.cells()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def paired(sides: Mapping[str, SampleFn], rounds: int, *, warmup: int = 1, seed: int = 5) -> dict[str, Summary]:
    """Run every side once per round, in a shuffled order, and summarise each side's samples.

    ``warmup`` rounds run first and are thrown away (imports, page cache, SQLite cache).
    """
    rng = random.Random(seed)
    names = list(sides)
    samples: dict[str, list[float]] = {n: [] for n in names}
    for i in range(warmup + rounds):
        order = names[:]
        rng.shuffle(order)
        for name in order:
            value = sides[name]()
            if i >= warmup:
                samples[name].append(value)
    return {n: Summary(tuple(v)) for n, v in samples.items()}


def timed(fn: Callable[[], object]) -> SampleFn:
    """A sample function timing the whole call of ``fn`` with ``perf_counter``."""

    def sample() -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return sample


@dataclass(frozen=True)
class ChildRun:
    """Wall time and peak resident memory of one child process."""

    seconds: float
    peak_rss: int  # bytes
    returncode: int
    stderr: str


METER = Path(__file__).resolve().parent / "child_meter.py"


def run_child(argv: Sequence[str], *, env: Mapping[str, str] | None = None, timeout: float = 120) -> ChildRun:
    """Launch ``argv`` through ``child_meter.py`` and return its wall time and peak RSS.

    The meter (a small stdlib-only Python) forks the command and reads its ``ru_maxrss`` from
    ``RUSAGE_CHILDREN``: a fresh meter per sample, so samples never bleed into each other, and
    never counted from this (large) process's memory, which a direct fork would inherit.
    Wall time is taken inside the meter, around the child alone.
    """
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    try:
        done = subprocess.run([sys.executable, "-S", str(METER), *argv], env=full_env, capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{argv[1:]} did not finish in {timeout:.0f} s") from exc
    err = done.stderr.decode("utf-8", "replace")
    try:
        report = json.loads(done.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise RuntimeError(f"child_meter failed: {err.strip()[-300:]}") from exc
    return ChildRun(float(report["seconds"]), int(report["peak_rss"]), int(report["returncode"]), err)


@dataclass
class Context:
    """What every benchmark receives: where to put generated data, how big to go, shared caches."""

    repo: Path
    work: Path  # a temporary folder for this run; generated data lives (and is reused) here
    python: str
    quick: bool
    profile_dir: Path | None = None
    cache: dict[str, object] = field(default_factory=dict)

    def rounds(self, full: int, quick: int) -> int:
        return quick if self.quick else full
