"""Automatic backups: taken daily, checked, thinned (7 daily, 4 weekly, 6 monthly), restorable."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from storehelpers import MINSK, T0, make_attempt

from studyapp.store import StoreError, list_backups, newest_good_backup, open_store, restore_backup
from studyapp.store.backups import kept_backups, thin_backups, write_backup


def _open_close(db: Path, backups: Path, now: datetime) -> None:
    opened = open_store(db, backups_dir=backups, now=now, tz=MINSK)
    opened.store.record_attempt(make_attempt(at=now))
    opened.store.close()


def test_backup_taken_when_last_is_older_than_a_day(db_path: Path, backups_dir: Path) -> None:
    _open_close(db_path, backups_dir, T0)  # a brand-new database: nothing to back up yet
    assert list_backups(backups_dir) == []
    _open_close(db_path, backups_dir, T0 + timedelta(hours=1))
    assert [b.taken for b in list_backups(backups_dir)] == [T0 + timedelta(hours=1)]
    _open_close(db_path, backups_dir, T0 + timedelta(hours=20))
    assert len(list_backups(backups_dir)) == 1
    _open_close(db_path, backups_dir, T0 + timedelta(days=1, hours=1))
    found = list_backups(backups_dir)
    assert [b.taken for b in found] == [T0 + timedelta(days=1, hours=1), T0 + timedelta(hours=1)]
    newest = found[0].path
    assert newest.name == "studyapp-20260311-130000.sqlite3"
    conn = sqlite3.connect(newest)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 3  # as it was at start-up
    conn.close()
    assert not list(backups_dir.glob("*.tmp"))


def test_stale_temp_file_from_a_killed_backup_is_cleared(store, backups_dir: Path) -> None:  # type: ignore[no-untyped-def]
    backups_dir.mkdir()
    stale = backups_dir / ".studyapp-20260101-000000.sqlite3.tmp"
    stale.write_bytes(b"half a backup")
    made = write_backup(store.connection, backups_dir, T0)
    assert made.exists() and not stale.exists()
    assert [b.path for b in list_backups(backups_dir)] == [made]


def _daily_times(days: int, start: datetime) -> list[datetime]:
    return [start + timedelta(days=i) for i in range(days)]


def test_thinning_rule_on_synthetic_dates() -> None:
    # One backup a day at 03:00 UTC from 2025-01-01 to 2026-03-10 (a Tuesday).
    times = _daily_times(434, datetime(2025, 1, 1, 3, tzinfo=timezone.utc))
    assert times[-1].date().isoformat() == "2026-03-10"
    kept = sorted(t.date().isoformat() for t in kept_backups(times))
    daily = ["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]
    weekly = ["2026-02-22", "2026-03-01", "2026-03-08"]  # Sundays ending the 3 previous ISO weeks (+ this week's)
    monthly = ["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28"]  # + March's newest
    assert kept == sorted(set(daily + weekly + monthly))
    # Several backups on one day: only the newest of that day counts.
    same_day = [datetime(2026, 3, 10, h, tzinfo=timezone.utc) for h in (1, 5, 9)]
    assert kept_backups(same_day) == {same_day[-1]}


def test_thin_backups_deletes_only_surplus_automatic_files(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for t in _daily_times(60, datetime(2026, 1, 1, 3, tzinfo=timezone.utc)):
        (folder / f"studyapp-{t:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"")
    pre = folder / "studyapp-before-v2-20250101-000000.sqlite3"
    pre.write_bytes(b"")
    other = folder / "notes.txt"
    other.write_text("mine")
    removed = thin_backups(folder)
    left = {b.taken.date().isoformat() for b in list_backups(folder) if b.automatic}
    assert len(removed) == 60 - len(left)
    # 7 daily (Feb 23..Mar 1), weekly Sundays Feb 8/15/22 (ISO weeks), month ends Jan 31.
    assert left == {"2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28",
                    "2026-03-01", "2026-02-22", "2026-02-15", "2026-02-08", "2026-01-31"}
    assert pre.exists() and other.exists()


def test_restore_brings_back_the_backup_and_keeps_the_current_file(db_path: Path, backups_dir: Path) -> None:
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    opened.store.record_attempt(make_attempt("kept"))
    backup = write_backup(opened.store.connection, backups_dir, T0)
    opened.store.record_attempt(make_attempt("after-backup"))
    opened.store.close()

    moved = restore_backup(backup, db_path, now=T0 + timedelta(days=1))
    assert moved == db_path.with_name("studyapp.sqlite3.replaced-20260311-120000")
    reopened = open_store(db_path, backups_dir=backups_dir, now=T0 + timedelta(days=1), tz=MINSK)
    try:
        assert set(reopened.store.question_history()) == {("deck", "kept")}
    finally:
        reopened.store.close()
    conn = sqlite3.connect(moved)
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
    conn.close()
    assert backup.exists()


def test_newest_good_backup_skips_damaged_ones(store, backups_dir: Path) -> None:  # type: ignore[no-untyped-def]
    good = write_backup(store.connection, backups_dir, T0)
    bad = backups_dir / "studyapp-20260311-000000.sqlite3"
    bad.write_bytes(b"garbage" * 100)
    assert newest_good_backup(backups_dir) == good
    with pytest.raises(StoreError, match="not a good studyapp backup"):
        restore_backup(bad, backups_dir.parent / "x.sqlite3")
    assert not (backups_dir.parent / "x.sqlite3").exists()


def test_backup_if_due_from_a_second_connection_while_the_store_is_open(db_path: Path, backups_dir: Path) -> None:
    from studyapp.store import backup_if_due

    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK, auto_backup=False)
    try:
        opened.store.record_attempt(make_attempt("q1"))
        made = backup_if_due(db_path, backups_dir, T0)
        assert made is not None and made.exists()
        assert backup_if_due(db_path, backups_dir, T0 + timedelta(hours=5)) is None  # not due again yet
        opened.store.record_attempt(make_attempt("q2"))  # the store still writes
        conn = sqlite3.connect(made)
        assert conn.execute("SELECT question_id FROM attempts").fetchall() == [("q1",)]
        conn.close()
    finally:
        opened.store.close()
