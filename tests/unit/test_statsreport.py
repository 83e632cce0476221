"""``studyapp stats``: the plain-text summary, on an empty data dir and on a real history."""

from __future__ import annotations

import argparse
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.grading import Outcome
from studyapp.statsreport import run_stats
from studyapp.store import SCHEMA_VERSION, Attempt, CardState, Mode, open_store

NOW = datetime(2026, 3, 20, 15, 0, tzinfo=timezone.utc)

DECK = """\
deck: stats-test
title: Stats test deck
questions:
  - id: one
    type: truefalse
    prompt: One?
    answer: true
    tags: [alpha]
  - id: two
    type: truefalse
    prompt: Two?
    answer: false
    tags: [alpha, beta]
  - id: three
    type: card
    prompt: Three?
    answer: three
"""


def _args(data_dir: Path, questions: list[Path] | None = None, deck: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(data_dir), questions=[str(q) for q in questions or []], deck=deck)


def _run(args: argparse.Namespace, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    import sys

    code = run_stats(args, {}, sys.stdout, now=NOW, tz=timezone.utc)
    return code, capsys.readouterr().out


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "qs"
    folder.mkdir()
    (folder / "stats-test.yaml").write_text(DECK, encoding="utf-8")
    return folder


def test_empty_data_dir_says_nothing_studied_and_creates_nothing(tmp_path: Path, deck_dir: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out = _run(_args(data, [deck_dir]), capsys)
    assert code == 0
    assert out.startswith(f"Nothing studied yet (no database in {data}).")
    assert not data.exists()


def test_summary_of_a_history(tmp_path: Path, deck_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    store = open_store(data / "studyapp.sqlite3", backups_dir=data / "backups", now=NOW, tz=timezone.utc).store
    quiz = store.start_session(Mode.QUIZ, "stats-test", {}, 1, 2, NOW - timedelta(days=1, hours=1))
    for qid, outcome, days in [("one", Outcome.RIGHT, 1), ("two", Outcome.WRONG, 1)]:
        at = NOW - timedelta(days=days)
        store.record_attempt(Attempt("stats-test", qid, "h", Mode.QUIZ, "true", outcome,
                                     1.0 if outcome is Outcome.RIGHT else 0.0, 900, at, quiz))
    store.finish_session(quiz, NOW - timedelta(days=1))
    card = CardState("stats-test", "three", "{}", NOW + timedelta(hours=2), 30.0, 2, NOW)
    store.record_attempt(Attempt("stats-test", "three", "h", Mode.REVIEW, "true", Outcome.RIGHT, 1.0, 500, NOW,
                                 None, 3), card)
    store.close()

    code, out = _run(_args(data, [deck_dir], deck="stats-test"), capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"studyapp stats: deck stats-test, 2026-03-20 (data: {data})"
    assert lines[3].split() == ["stats-test", "3", "3", "1", "2", "1"]
    assert "accuracy  last 7 days 67% (2/3) · last 30 days 67% (2/3) · all time 67% (2/3)" in lines
    assert "streak    current 2 days · longest 2 days" in lines
    assert "quizzes   1 finished · last 50% · best 50% · average 50%" in lines
    assert "last year 3 answers on 2 days" in lines
    assert "due       next 7 days: 1 · 0 · 0 · 0 · 0 · 0 · 0 (today first) · next 30 days: 1" in lines
    assert "weakest   beta 0% (0/1) · alpha 50% (1/2)" in lines


def test_unknown_deck_is_an_error(tmp_path: Path, deck_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(_args(tmp_path / "data", [deck_dir], deck="nope"), capsys)
    assert code == 1
    assert "no deck 'nope'" in out and "stats-test" in out


def test_newer_database_is_reported_not_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    open_store(data / "studyapp.sqlite3", backups_dir=data / "backups", now=NOW).store.close()
    conn = sqlite3.connect(data / "studyapp.sqlite3")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    code, out = _run(_args(data), capsys)
    assert code == 1
    assert f"database version {SCHEMA_VERSION + 1}" in out and f"up to database version {SCHEMA_VERSION}" in out


def test_cli_wiring_on_a_fresh_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    open_store(data / "studyapp.sqlite3", backups_dir=data / "backups").store.close()
    assert main(["stats", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("studyapp stats: all decks, ")
    assert "quizzes   none finished yet" in out
    assert "accuracy  last 7 days – · last 30 days – · all time –" in out


def test_question_files_with_problems_are_mentioned(tmp_path: Path, deck_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (deck_dir / "broken.yaml").write_text("deck: [unclosed\n", encoding="utf-8")
    data = tmp_path / "data"
    open_store(data / "studyapp.sqlite3", backups_dir=data / "backups", now=NOW).store.close()
    code, out = _run(_args(data, [deck_dir]), capsys)
    assert code == 0
    assert "stats-test" in out
    assert out.rstrip().endswith("(1 question file with problems left out: run `studyapp check`)")
