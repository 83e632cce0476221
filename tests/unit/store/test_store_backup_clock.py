"""Backups named by a wrong clock: a stamp in the future is suspect. It is not today's backup,
takes no thinning place, is never deleted by thinning, and the restore offer names the backup
holding the latest answer, whatever the names say."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from storehelpers import MINSK, T0, make_attempt

from studyapp.store import NoticeKind, open_store
from studyapp.store.backups import backup_due, backup_if_due, backup_to_offer, list_backups, thin_backups

AHEAD = timedelta(days=365)


def _start(db: Path, backups: Path, now: datetime, answers: int = 0) -> list[NoticeKind]:
    """One start of the app at ``now`` (daily backup as due), answering ``answers`` questions."""
    opened = open_store(db, backups_dir=backups, now=now, tz=MINSK)
    for i in range(answers):
        opened.store.record_attempt(make_attempt(f"q{i}", at=now + timedelta(seconds=i)))
    opened.store.close()
    return [n.kind for n in opened.notices]


def _answers_in(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
    finally:
        conn.close()


def _with_a_future_backup(db: Path, backups: Path) -> Path:
    """Five answers, then one start with the clock a year ahead: returns that backup."""
    _start(db, backups, T0, answers=5)
    _start(db, backups, T0 + AHEAD)
    (future,) = list_backups(backups)
    assert future.taken == T0 + AHEAD and _answers_in(future.path) == 5
    return future.path


def test_a_backup_stamped_in_the_future_is_not_todays(db_path: Path, backups_dir: Path) -> None:
    future = _with_a_future_backup(db_path, backups_dir)
    assert backup_due(backups_dir, T0 + timedelta(hours=1))  # the clock is right again: take one
    _start(db_path, backups_dir, T0 + timedelta(hours=1), answers=3)
    assert len(list_backups(backups_dir)) == 2
    # Later starts that day write nothing more (they used to write a full backup each time).
    for hours in (2, 5, 9):
        _start(db_path, backups_dir, T0 + timedelta(hours=hours))
    assert backup_if_due(db_path, backups_dir, T0 + timedelta(hours=10)) is None
    assert len(list_backups(backups_dir)) == 2
    assert future.exists()


def test_the_offer_names_the_backup_with_the_latest_answer(db_path: Path, backups_dir: Path) -> None:
    future = _with_a_future_backup(db_path, backups_dir)
    for day in range(1, 11):  # ten days of study with the right clock, 29 answers a day
        _start(db_path, backups_dir, T0 + timedelta(days=day), answers=29)
    newest_real = next(b.path for b in list_backups(backups_dir) if b.taken <= T0 + timedelta(days=10))
    assert _answers_in(newest_real) == 5 + 29 * 9  # taken at the start of day 10
    assert future.exists()  # thinning never deletes it ...
    daily = [b for b in list_backups(backups_dir) if b.taken <= T0 + timedelta(days=10)]
    assert len(daily) == 7  # ... and it takes no place of the 7 daily ones (the 10 days are in 2 ISO weeks, 1 month)

    db_path.write_bytes(b"this is not a database any more" * 200)  # damaged
    later = T0 + timedelta(days=10, hours=3)
    reopened = open_store(db_path, backups_dir=backups_dir, now=later, tz=MINSK)
    try:
        notice = reopened.notices[0]
        assert notice.kind is NoticeKind.CORRUPT_MOVED
        assert notice.restorable_backup == newest_real
        assert str(newest_real) in notice.message and str(future) not in notice.message
    finally:
        reopened.store.close()


def test_with_the_clock_behind_the_real_backups_are_kept_and_offered(db_path: Path, backups_dir: Path) -> None:
    for day in range(9):
        _start(db_path, backups_dir, T0 + timedelta(days=day), answers=2)
    before = {b.path for b in list_backups(backups_dir)}
    assert len(before) == 7
    behind = T0 - AHEAD  # the clock is now a year behind: every real backup looks "future"
    assert thin_backups(backups_dir, behind) == []
    _start(db_path, backups_dir, behind, answers=1)
    after = {b.path for b in list_backups(backups_dir)}
    assert before < after and len(after) == 8  # nothing real deleted; one new backup
    # No answer inside is believable under the clock behind, so the offer goes by how many
    # answers a backup holds: the one just taken holds them all, although its name is the oldest.
    (just_taken,) = after - before
    assert _answers_in(just_taken) == 18
    assert backup_to_offer(backups_dir, behind) == just_taken


def test_a_future_backup_with_future_answers_does_not_win(db_path: Path, backups_dir: Path) -> None:
    """Answers given while the clock ran ahead are as suspect as the backup's name."""
    _start(db_path, backups_dir, T0, answers=5)
    _start(db_path, backups_dir, T0 + AHEAD, answers=4)  # answers stamped a year ahead
    _start(db_path, backups_dir, T0 + AHEAD + timedelta(days=1))  # the backup holding them
    for day in (1, 2):
        _start(db_path, backups_dir, T0 + timedelta(days=day), answers=30)
    real = [b.path for b in list_backups(backups_dir) if b.taken <= T0 + timedelta(days=2)]
    assert backup_to_offer(backups_dir, T0 + timedelta(days=2, hours=1)) == real[0]
