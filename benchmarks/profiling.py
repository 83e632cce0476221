"""Profiles of studyapp's side of a benchmark, written when ``run.py --profile`` is given.

``pyinstrument`` (the ``bench`` extra) gives a call tree of where wall time goes; without it,
``cProfile`` sorted by cumulative time is written instead. Profiles go to the run's profile
folder as ``<name>.txt`` and are listed at the end of the run.
"""

from __future__ import annotations

import cProfile
import io
import pstats
from collections.abc import Callable

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
