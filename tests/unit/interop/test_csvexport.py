"""CSV export of a deck's answer history, read through a real SQLite store."""

from __future__ import annotations

import csv
import io
from argparse import Namespace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from interophelpers import SAMPLES

from studyapp.grading import Outcome
from studyapp.interop.commands import run_interop
from studyapp.interop.csvexport import COLUMNS
from studyapp.paths import DataPaths
from studyapp.store import Attempt, Mode, open_store

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


def _attempt(qid: str, outcome: Outcome, minutes: int, content_hash: str, deck: str = "every-type") -> Attempt:
    return Attempt(deck, qid, content_hash, Mode.QUIZ, '"x"', outcome, 1.0 if outcome is Outcome.RIGHT else 0.0,
                   1200, T0 + timedelta(minutes=minutes))


def _export(tmp_path: Path, data: Path, qdir: Path) -> tuple[int, str, list[list[str]]]:
    target = tmp_path / "history.csv"
    out = io.StringIO()
    args = Namespace(command="export", deck="every-type", format="csv", out=str(target),
                     data_dir=str(data), questions=[str(qdir)])
    code = run_interop(args, {}, out)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        return code, out.getvalue(), list(csv.reader(fh))


def test_one_row_per_answer_oldest_first(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    (qdir / "every.yaml").write_text((SAMPLES / "every_type.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    data = DataPaths(tmp_path / "data")
    data.root.mkdir()
    from studyapp.bank.loader import check_file

    deck, _ = check_file(qdir / "every.yaml")
    assert deck is not None
    pm = deck.question("pm-choice")
    assert pm is not None
    opened = open_store(data.database, backups_dir=data.backups, now=T0)
    store = opened.store
    try:
        store.record_attempt(_attempt("year-text", Outcome.WRONG, 5, deck.question("year-text").content_hash))  # type: ignore[union-attr]
        store.record_attempt(_attempt("pm-choice", Outcome.RIGHT, 1, pm.content_hash))
        store.record_attempt(_attempt("pm-choice", Outcome.ALMOST, 9, "old-hash"))
        store.record_attempt(_attempt("removed-q", Outcome.RIGHT, 3, "gone"))
        store.record_attempt(_attempt("pm-choice", Outcome.RIGHT, 2, "x", deck="other-deck"))
    finally:
        store.close()

    code, output, rows = _export(tmp_path, data.root, qdir)
    assert code == 0 and "Exported 4 answers" in output
    assert tuple(rows[0]) == COLUMNS
    assert [(r[0], r[2], r[6], r[7]) for r in rows[1:]] == [
        ("2026-03-10T12:01:00+00:00", "pm-choice", "right", "no"),
        ("2026-03-10T12:03:00+00:00", "removed-q", "right", ""),
        ("2026-03-10T12:05:00+00:00", "year-text", "wrong", "no"),
        ("2026-03-10T12:09:00+00:00", "pm-choice", "almost", "yes"),
    ]
    assert rows[1][3:6] == ["choice", pm.prompt, "Raman Hałoŭčanka"]


def test_no_database_yet_gives_a_header_only(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    code, output, rows = _export(tmp_path, tmp_path / "fresh", qdir)
    assert code == 0 and rows == [list(COLUMNS)] and "Exported 0 answers" in output
    assert not (tmp_path / "fresh" / "studyapp.sqlite3").exists()
