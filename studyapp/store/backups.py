"""Backup copies of the database: taken daily at start-up and before migrations, thinned, restorable.

A backup is written with ``Connection.backup`` to a temporary file in the backups folder,
switched to a self-contained (non-WAL) file, checked with ``PRAGMA quick_check``, flushed
to disk, then renamed into place, so a half-written backup never carries a backup's name.
File names carry the UTC time they were taken: ``studyapp-YYYYmmdd-HHMMSS.sqlite3``
(daily) and ``studyapp-before-v3-YYYYmmdd-HHMMSS.sqlite3`` (before migrating to version 3).

A name is only as good as the clock that wrote it. A stamp later than now (more than
``CLOCK_SLACK``) was written while the clock ran ahead, or the clock runs behind now: such a
backup is *suspect*. It never counts as today's backup, takes no place in the thinning quotas
and is never deleted by thinning (if it is the clock of today that is wrong, it is a real
backup), and it is not preferred by its name: the backup offered for restore is the one
holding the latest answer (``backup_to_offer``).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.store.db import FileKind, connect, fsync_dir, inspect_file, mark_for_check, move_aside, quick_check
from studyapp.store.errors import StoreError, is_damage
from studyapp.store.localtime import to_us
from studyapp.store.schema import SCHEMA_VERSION

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6
BACKUP_INTERVAL = timedelta(days=1)
CLOCK_SLACK = timedelta(hours=1)  # a stamp this far past now is still trusted (clock corrections)
OFFER_CANDIDATES = 3  # the restore offer opens at most this many trusted and this many suspect backups

_NAME_RE = re.compile(r"^studyapp-(?:(?P<pre>before-v\d+)-)?(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite3$")


class BackupFile(NamedTuple):
    """A backup found in the backups folder."""

    path: Path
    taken: datetime  # UTC, from the file name
    automatic: bool  # False for the copies taken before a migration (never thinned)

    def suspect(self, now: datetime) -> bool:
        """True when the name's time is later than ``now`` (beyond ``CLOCK_SLACK``)."""
        return self.taken > now + CLOCK_SLACK


def list_backups(backups_dir: Path) -> list[BackupFile]:
    """Every backup in the folder, newest first."""
    found: list[BackupFile] = []
    try:
        entries = list(backups_dir.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = _NAME_RE.match(entry.name)
        if not m or not entry.is_file():
            continue
        taken = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
        found.append(BackupFile(entry, taken, automatic=m["pre"] is None))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def trusted_backups(backups_dir: Path, now: datetime) -> list[BackupFile]:
    """The backups whose names are not later than ``now``, newest first."""
    return [b for b in list_backups(backups_dir) if not b.suspect(now)]


def backup_due(backups_dir: Path, now: datetime) -> bool:
    """True when no automatic backup was taken within the last day (by a trusted name: one
    stamped in the future does not count)."""
    latest = next((b for b in trusted_backups(backups_dir, now) if b.automatic), None)
    return latest is None or now - latest.taken >= BACKUP_INTERVAL


def write_backup(conn: sqlite3.Connection, backups_dir: Path, now: datetime, prefix: str = "") -> Path:
    """Copy the open database into a new, checked backup file and return its path."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    for stale in backups_dir.glob(".studyapp-*.sqlite3.tmp"):
        stale.unlink(missing_ok=True)  # left by a run killed mid-backup; only ever our temp files
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%d-%H%M%S")
    final = backups_dir / f"studyapp-{prefix}{stamp}.sqlite3"
    n = 2
    while final.exists():
        final = backups_dir / f"studyapp-{prefix}{stamp}-{n}.sqlite3"
        n += 1
    tmp = backups_dir / f".{final.name}.tmp"
    try:
        dest = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            result = quick_check(dest)
        finally:
            dest.close()
        if result != "ok":
            raise StoreError(Message(QT_TRANSLATE_NOOP("Core", "the backup copy failed its check ({result})"), result=str(result)))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, final)
        fsync_dir(backups_dir)
    except BaseException:
        tmp.unlink(missing_ok=True)  # our own unfinished temp file, never a database
        raise
    return final


def backup_if_due(db_path: Path, backups_dir: Path, now: datetime) -> Path | None:
    """Take (and thin) the daily backup through a connection of its own, if one is due.

    For callers that open the store with ``auto_backup=False`` and back up off the UI thread:
    safe to run while the store writes (SQLite's backup restarts if the source changes).
    The whole file is checked first (``PRAGMA quick_check``, answers log included, which a
    start-up checks only after an unclean close): a damaged file is not backed up, and is
    marked so that the next start checks it whole, sets it aside and offers the newest good
    backup. Returns the new backup, or None when none was due; raises ``StoreError`` when the
    file is damaged.
    """
    if not backup_due(backups_dir, now):
        return None
    conn = connect(db_path)
    try:
        result = quick_check(conn)
        if result != "ok":
            mark_for_check(db_path)
            raise StoreError(Message(QT_TRANSLATE_NOOP("Core", "the database is damaged ({result}); not backed up. The next start sets it aside and offers the newest good backup."), result=str(result)))
        made = write_backup(conn, backups_dir, now)
    except sqlite3.Error as exc:
        if is_damage(exc):
            mark_for_check(db_path)
        raise
    finally:
        conn.close()
    thin_backups(backups_dir, now)
    return made


def kept_backups(taken: Iterable[datetime]) -> set[datetime]:
    """Which backup times to keep: the newest of each of the last 7 days, 4 ISO weeks and
    6 months that have a backup (a time can count for several)."""
    ordered = sorted(set(taken), reverse=True)
    keep: set[datetime] = set()
    for key, limit in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    ):
        seen: set[object] = set()
        for t in ordered:
            k = key(t)
            if k not in seen:
                if len(seen) == limit:
                    break
                seen.add(k)
                keep.add(t)
    return keep


def thin_backups(backups_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete automatic backups beyond the daily/weekly/monthly quota; return what was removed.

    Only trusted backups (named no later than ``now``, default the clock) are counted and
    thinned: a suspect one is kept and takes no quota place. Backups taken before a migration
    are kept.
    """
    now = now or datetime.now(timezone.utc)
    automatic = [b for b in trusted_backups(backups_dir, now) if b.automatic]
    keep = kept_backups(b.taken for b in automatic)
    removed: list[Path] = []
    kept_times: set[datetime] = set()
    for b in automatic:  # newest first: of two backups with the same second, keep the newer name
        if b.taken in keep and b.taken not in kept_times:
            kept_times.add(b.taken)
            continue
        b.path.unlink(missing_ok=True)
        removed.append(b.path)
    return removed


def is_good_backup(path: Path) -> bool:
    """A studyapp database this version can open, passing ``quick_check``. Opens read-only."""
    try:
        kind, version = inspect_file(path)
    except StoreError:  # locked or unreadable: not one to offer
        return False
    if kind is not FileKind.OURS or version > SCHEMA_VERSION:
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            return quick_check(conn) == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


class _Contents(NamedTuple):
    """What a backup holds, for choosing which one to offer."""

    latest_answer_us: int  # the latest answer not later than now (-1: none)
    last_id: int  # the largest attempt id (attempt ids only grow: more answers kept)


def _contents(path: Path, now: datetime) -> _Contents:
    """Read (read-only) when the backup's latest believable answer was given."""
    limit = to_us(now + CLOCK_SLACK)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        try:
            latest, last_id = conn.execute(
                "SELECT coalesce(max(CASE WHEN answered_us <= ? THEN answered_us END), -1), coalesce(max(id), 0) "
                "FROM attempts", (limit,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:  # no answers table (an empty database): nothing inside
        return _Contents(-1, 0)
    return _Contents(int(latest), int(last_id))


def backup_to_offer(backups_dir: Path, now: datetime | None = None) -> Path | None:
    """The good backup to offer for restore: the one holding the latest answer.

    Bounded: only the ``OFFER_CANDIDATES`` newest good trusted backups and as many suspect ones
    are opened (read-only). Answers stamped later than ``now`` (default the clock) are not
    believed either; ties go to more answers, then a trusted name, then the newer name.
    """
    now = now or datetime.now(timezone.utc)
    trusted: list[BackupFile] = []
    suspect: list[BackupFile] = []
    for b in list_backups(backups_dir):
        group = suspect if b.suspect(now) else trusted
        if len(group) < OFFER_CANDIDATES and is_good_backup(b.path):
            group.append(b)
        if len(trusted) == len(suspect) == OFFER_CANDIDATES:
            break
    best: tuple[_Contents, bool, datetime] | None = None
    chosen: Path | None = None
    for b in trusted + suspect:
        key = (_contents(b.path, now), not b.suspect(now), b.taken)
        if best is None or key > best:
            best, chosen = key, b.path
    return chosen


def newest_good_backup(backups_dir: Path, now: datetime | None = None) -> Path | None:
    """The good backup to offer for restore (``backup_to_offer``; kept under its old name)."""
    return backup_to_offer(backups_dir, now)


def restore_backup(backup_path: Path, db_path: Path, now: datetime | None = None) -> Path | None:
    """Make ``backup_path`` the database at ``db_path``. Close every store on it first.

    The current database (if any) is moved aside as ``<name>.replaced-YYYYmmdd-HHMMSS``, never
    deleted; its path is returned. The backup file itself is left in place. Opening the store
    afterwards migrates the restored copy if it is from an older version.
    """
    now = now or datetime.now(timezone.utc)
    if not is_good_backup(backup_path):
        raise StoreError(Message(QT_TRANSLATE_NOOP("Core", "{path} is not a good studyapp backup; nothing was changed"), path=str(backup_path)))
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    src = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        dest = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        src.close()
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    moved = move_aside(db_path, "replaced", now) if db_path.exists() else None
    os.replace(tmp, db_path)
    fsync_dir(db_path.parent)
    # The restored file is in DELETE mode; connect() switches it to WAL.
    conn = connect(db_path)
    conn.close()
    return moved
