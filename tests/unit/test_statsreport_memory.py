"""``studyapp stats``: the memory lines (true retention, retrievability, reviews ahead) on a real store."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studyapp.grading import Outcome
from studyapp.paths import DataPaths
from studyapp.percent import percent_text
from studyapp.statsreport import run_stats
from studyapp.store import Attempt, Mode, open_store
from studyapp.study.scheduling import CardScheduler

D0 = datetime(2026, 2, 1, 12, 0, tzinfo=timezone.utc)
NOW = D0 + timedelta(days=41, hours=3)


def test_stats_prints_true_retention_and_memory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir()
    store = open_store(paths.database, backups_dir=paths.backups, now=D0, tz=timezone.utc).store
    scheduler = CardScheduler()
    state = None
    # One text question: day 0, day 2 (young, remembered), day 25 (mature, forgotten), day 26 (young, remembered).
    for day, rating in ((0, 3), (2, 3), (25, 1), (26, 3)):
        at = D0 + timedelta(days=day)
        state = scheduler.rate("solo", "q1", state, rating, at)
        outcome = Outcome.WRONG if rating == 1 else Outcome.RIGHT
        store.record_attempt(Attempt("solo", "q1", "h", Mode.QUIZ, "null", outcome, float(rating > 1), 900, at,
                                     None, rating, "text"), state)
    store.close()
    assert state is not None
    args = argparse.Namespace(data_dir=str(paths.root), questions=[], deck=None)
    assert run_stats(args, {}, sys.stdout, now=NOW, tz=timezone.utc) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "true retention (reviews remembered; young: interval under 21 days, mature: 21 days or more)" in out
    table = {line.split()[0] + (" " + line.split()[1] if line.split()[0] in ("Last", "All") else ""): line
             for line in lines if line.startswith("  ") and line.split()}
    assert table["Today"].split()[1:] == ["–", "–", "–"]
    assert table["Last month"].split()[2:] == ["100%", "(1/1)", "0%", "(0/1)", "50%", "(1/2)"]
    assert table["All time"].split()[2:] == ["100%", "(2/2)", "0%", "(0/1)", "67%", "(2/3)"]
    assert "  deck solo  50% (1/2) · 67% (2/3)" in lines
    assert "  type text  50% (1/2) · 67% (2/3)" in lines
    r = scheduler.retrievability(state, NOW)
    assert f"memory    1 studied card · retrievability now {percent_text(r)} on average" in lines
    assert any(line.startswith("reviews   expected next 7 days: ") for line in lines)
