"""When the summaries cannot be saved (a read-only database, a lock held elsewhere), every figure
is computed from the answers all the same, equal to a writable copy's, and the reader is told."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyapp.grading import Outcome
from studyapp.stats import Statistics, compute_statistics, summaries_notice
from studyapp.statsreport import format_statistics
from studyapp.store import Attempt, CardState, Mode, Store, open_store
from studyapp.store.catchup import SummaryState

TZ = ZoneInfo("Europe/Minsk")
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=timezone.utc)
QUESTIONS = {("a", f"q{i}"): (("war",) if i % 2 else ()) for i in range(8)} | {("b", "r1"): ("geo",)}


def _answer(store: Store, deck: str, qid: str, at: datetime, right: bool, due: datetime | None = None) -> None:
    outcome = Outcome.RIGHT if right else Outcome.WRONG
    card = None if due is None else CardState(deck, qid, "{}", due, 25.0 if right else 1.0, 2, at)
    store.record_attempt(Attempt(deck, qid, "h", Mode.REVIEW if due else Mode.QUIZ, "null", outcome,
                                 float(right), 1000, at, None, 3 if due else None), card)


def _history(folder: Path) -> Path:
    """Answers over a week, some summed; then five answers today past the summary mark."""
    db = folder / "studyapp.sqlite3"
    store = open_store(db, backups_dir=folder / "backups", now=NOW, tz=TZ, auto_backup=False).store
    for day in range(6, 0, -1):
        _answer(store, "a", f"q{day}", NOW - timedelta(days=day), right=day % 3 != 0)
    store.catch_up_summaries()
    mark = store.connection.execute("SELECT upto FROM summary_mark").fetchone()[0]
    for i in range(5):  # due later today: the forecast and "due today" must agree
        _answer(store, "a", f"q{i}", NOW - timedelta(minutes=i), right=i != 4, due=NOW + timedelta(hours=2))
    _answer(store, "b", "r1", NOW, right=True)
    top = store.connection.execute("SELECT max(id) FROM attempts").fetchone()[0]
    assert top > mark  # the newest answers are not in the summaries yet
    store.close()
    return db


def _read_only(db: Path) -> Store:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA temp_store = MEMORY")
    return Store(conn, TZ)


@pytest.fixture
def two_copies(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    db = _history(tmp_path / "data")
    writable = tmp_path / "copy" / db.name
    writable.parent.mkdir()
    shutil.copy2(db, writable)
    yield db, writable


def _figures(store: Store, deck: str | None = None) -> Statistics:
    try:
        return compute_statistics(store, QUESTIONS, now=NOW, deck=deck)
    finally:
        store.close()


@pytest.mark.parametrize("deck", [None, "a"])
def test_a_read_only_database_gives_the_writable_copys_figures(two_copies: tuple[Path, Path], deck: str | None) -> None:
    db, writable = two_copies
    before = db.read_bytes()
    unsaved = _figures(_read_only(db), deck)
    saved = _figures(open_store(writable, backups_dir=writable.parent / "b", now=NOW, tz=TZ,
                                auto_backup=False).store, deck)
    assert saved.summaries is SummaryState.SAVED
    assert unsaved.summaries is SummaryState.UNSAVED
    assert unsaved.total.due_today == unsaved.forecast[0].count == 5  # not "due today 0"
    assert unsaved.total.seen == saved.total.seen > 0
    assert replace(unsaved, summaries=SummaryState.SAVED) == saved  # every figure equal
    assert db.read_bytes() == before  # nothing written into the read-only file


def test_the_read_only_store_still_reads_question_history(two_copies: tuple[Path, Path]) -> None:
    db, writable = two_copies
    store = _read_only(db)
    try:
        history = store.question_history()
        assert store.question_history() == history  # the temporary copies are gone after each read
        temp = store.connection.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'").fetchall()
        assert ("question_stats",) not in temp and ("summary_mark",) not in temp
    finally:
        store.close()
    writable_store = open_store(writable, backups_dir=writable.parent / "b", now=NOW, tz=TZ, auto_backup=False).store
    try:
        assert history == writable_store.question_history()
        assert history[("b", "r1")].attempts == 1
    finally:
        writable_store.close()


def test_a_lock_held_elsewhere_gives_the_same_figures(two_copies: tuple[Path, Path]) -> None:
    db, _ = two_copies
    store = open_store(db, backups_dir=db.parent / "b", now=NOW, tz=TZ, auto_backup=False, busy_timeout_ms=20).store
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        locked = compute_statistics(store, QUESTIONS, now=NOW)
        other.execute("ROLLBACK")
        assert locked.summaries is SummaryState.UNSAVED
        after = compute_statistics(store, QUESTIONS, now=NOW)  # the lock is gone: saved now
        assert after.summaries is SummaryState.SAVED
        assert replace(locked, summaries=SummaryState.SAVED) == after
    finally:
        other.close()
        store.close()


def test_studyapp_stats_says_the_figures_could_not_be_saved(two_copies: tuple[Path, Path]) -> None:
    db, _ = two_copies
    st = _figures(_read_only(db))
    text = format_statistics(st, db.parent)
    notice = summaries_notice(SummaryState.UNSAVED)
    assert notice is not None and notice in text
    assert "could not be saved" in text and "seen" in text
    assert summaries_notice(SummaryState.SAVED) is None
