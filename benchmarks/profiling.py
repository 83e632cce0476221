"""Profiles of studyapp's side of a benchmark, written when ``run.py --profile`` is given.

``pyinstrument`` (the ``bench`` extra) gives a call tree of where wall time goes; without it,
``cProfile`` sorted by cumulative time is written instead. Profiles go to the run's profile
folder as ``<name>.txt`` and are listed at the end of the run.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import subprocess
from collections.abc import Callable, Mapping, Sequence

from harness import Context


def profile_call(ctx: Context, name: str, fn: Callable[[], object], repeat: int = 1) -> None:
    """Run ``fn`` ``repeat`` times under a profiler and save the report, if profiling is on."""
    if ctx.profile_dir is None:
        return
    ctx.profile_dir.mkdir(parents=True, exist_ok=True)
    out = ctx.profile_dir / f"{name}.txt"
    try:
        from pyinstrument import Profiler
    except ImportError:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(repeat):
            fn()
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(40)
        out.write_text(buf.getvalue(), encoding="utf-8")
    else:
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(repeat):
            fn()
        profiler.stop()
        out.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    profiles = ctx.cache.setdefault("profiles", [])
    assert isinstance(profiles, list)
    profiles.append(out)


def profile_child(ctx: Context, name: str, args: Sequence[str], env: Mapping[str, str]) -> None:
    """Profile a child ``python ARGS`` run twice: ``cProfile`` (top 40 by cumulative time) and
    ``-X importtime`` (the 30 slowest imports, cumulative), into ``<name>.txt``."""
    if ctx.profile_dir is None:
        return
    ctx.profile_dir.mkdir(parents=True, exist_ok=True)
    full_env = {**os.environ, **env}
    stats_file = ctx.profile_dir / f"{name}.pstats"
    subprocess.run([ctx.python, "-m", "cProfile", "-o", str(stats_file), *args], env=full_env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    buf = io.StringIO()
    if stats_file.exists():
        pstats.Stats(str(stats_file), stream=buf).sort_stats("cumulative").print_stats(40)
    imports = subprocess.run([ctx.python, "-X", "importtime", *args], env=full_env, capture_output=True,
                             text=True, check=False).stderr
    rows = []
    for line in imports.splitlines():
        parts = line.split("|")
        if line.startswith("import time:") and len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), line))
    rows.sort(reverse=True)
    text = buf.getvalue() + "\n\n-X importtime, slowest 30 (self us | cumulative us | module):\n"
    text += "\n".join(line for _, line in rows[:30]) + "\n"
    out = ctx.profile_dir / f"{name}.txt"
    out.write_text(text, encoding="utf-8")
    profiles = ctx.cache.setdefault("profiles", [])
    assert isinstance(profiles, list)
    profiles.append(out)
