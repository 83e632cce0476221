"""How much of the database a start checks: everything but the answers log on a clean start
(the log is checked whole before each daily backup), the whole file after an unclean close or
when damage was seen, and what happens when the background check finds damage."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from storehelpers import MINSK, T0, make_attempt, make_card

from studyapp.store import NoticeKind, SaveError, SaveFailure, StoreError, open_store
from studyapp.store.backups import backup_if_due, list_backups, write_backup
from studyapp.store.db import check_marker, needs_full_check


def _filled(db: Path, backups: Path) -> Path:
    """A cleanly closed store with enough answers for a multi-page log, and a good backup."""
    store = open_store(db, backups_dir=backups, now=T0, tz=MINSK).store
    conn = store.connection
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO attempts (deck, question_id, content_hash, mode, response, outcome, score, "
                     "elapsed_ms, answered_us, day) VALUES ('deck', ?, 'h', 'quiz', ?, 'right', 1, 1, 0, 0)",
                     [(f"q{i}", "x" * 400) for i in range(300)])
    conn.execute("COMMIT")
    store.put_cards([make_card("q1")])
    good = write_backup(conn, backups, T0)
    store.close()
    return good


def _damage_table(db: Path, table: str) -> None:
    """Overwrite the middle of ``table``'s root page (the file must be closed, WAL empty)."""
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xff" * 64)


def _kinds_on_opening(db: Path, backups: Path) -> list[NoticeKind]:
    """Open (and close) the store; what the user is told about opening it."""
    opened = open_store(db, backups_dir=backups, now=T0 + timedelta(hours=1), tz=MINSK)
    opened.store.close()
    return [n.kind for n in opened.notices]


def test_a_clean_start_skips_the_log_and_the_daily_backup_check_catches_it(tmp_path: Path) -> None:
    db, backups = tmp_path / "studyapp.sqlite3", tmp_path / "backups"
    good = _filled(db, backups)
    _damage_table(db, "attempts")
    assert not needs_full_check(db)

    assert _kinds_on_opening(db, backups) == []  # the log is not read at start: the rest is fine

    with pytest.raises(StoreError, match="damaged"):  # the background check before the backup
        backup_if_due(db, backups, T0 + timedelta(days=1))
    assert [b.path for b in list_backups(backups)] == [good]  # a damaged file is not backed up
    assert check_marker(db).exists() and needs_full_check(db)

    later = T0 + timedelta(days=1, hours=1)
    reopened = open_store(db, backups_dir=backups, now=later, tz=MINSK)
    try:
        assert [n.kind for n in reopened.notices] == [NoticeKind.CORRUPT_MOVED]
        assert reopened.notices[0].restorable_backup == good
        assert not check_marker(db).exists()  # it went with the damaged file
    finally:
        reopened.store.close()


def test_damage_outside_the_log_is_found_at_every_start(tmp_path: Path) -> None:
    db, backups = tmp_path / "studyapp.sqlite3", tmp_path / "backups"
    _filled(db, backups)
    _damage_table(db, "cards")
    assert _kinds_on_opening(db, backups) == [NoticeKind.CORRUPT_MOVED]


def test_after_an_unclean_close_the_whole_file_is_checked(tmp_path: Path) -> None:
    db, backups = tmp_path / "studyapp.sqlite3", tmp_path / "backups"
    _filled(db, backups)
    _damage_table(db, "attempts")
    running = open_store(db, backups_dir=backups, now=T0, tz=MINSK).store
    running.put_cards([make_card("q9")])  # in the WAL, not yet in the main file
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("studyapp.sqlite3", "studyapp.sqlite3-wal"):
        shutil.copy(tmp_path / name, crashed / name)  # the files as a crash would leave them
    running.close()
    assert needs_full_check(crashed / "studyapp.sqlite3")
    assert _kinds_on_opening(crashed / "studyapp.sqlite3", backups) == [NoticeKind.CORRUPT_MOVED]


def test_a_clean_file_is_opened_with_the_short_check_and_backed_up(tmp_path: Path) -> None:
    db, backups = tmp_path / "studyapp.sqlite3", tmp_path / "backups"
    _filled(db, backups)
    assert not needs_full_check(db)
    assert backup_if_due(db, backups, T0 + timedelta(days=1)) is not None
    assert not check_marker(db).exists()
    opened = open_store(db, backups_dir=backups, now=T0 + timedelta(days=1), tz=MINSK)
    try:
        assert opened.notices == ()
        assert len(opened.store.connection.execute("SELECT id FROM attempts").fetchall()) == 300
    finally:
        opened.store.close()


def test_a_save_that_meets_damage_asks_the_next_start_to_check_everything(tmp_path: Path) -> None:
    db, backups = tmp_path / "studyapp.sqlite3", tmp_path / "backups"
    _filled(db, backups)
    _damage_table(db, "attempts")
    store = open_store(db, backups_dir=backups, now=T0, tz=MINSK).store
    try:
        with pytest.raises(SaveError) as info:
            store.record_attempt(make_attempt("q9"))
        assert info.value.reason is SaveFailure.CORRUPT
        assert check_marker(db).exists()
    finally:
        store.close()
    assert needs_full_check(db)
