"""``open_store``: find out what the database file is, set it aside if damaged, migrate, back up.

Order of work, so a file we refuse is never touched:

1. Read the 100-byte header without SQLite. Not SQLite at all, or a SQLite file of another
   program (no studyapp ``application_id`` but tables): moved aside as
   ``studyapp.sqlite3.corrupt-YYYYmmdd-HHMMSS`` (with its -wal/-shm), and a fresh one started.
   A newer ``user_version``: ``NewerDatabaseError``, nothing written. (When a WAL holds pages
   the header may lag behind it: the version is then read through SQLite, read-only, with
   the -shm kept read-only and no checkpoint, so not a byte of the three files changes.)
2. Open with WAL etc. and run ``PRAGMA quick_check``; a failure or a SQLite "not a database"
   error moves it aside the same way.
3. Older version: a ``Connection.backup`` copy into the backups folder, then each migration in
   its own transaction.
4. No automatic backup within a day: take one, then thin the folder.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import NamedTuple

from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.store import backups
from studyapp.store.db import (
    DEFAULT_BUSY_TIMEOUT_MS,
    FileKind,
    build_new,
    check_marker,
    connect,
    inspect_file,
    move_aside,
    needs_full_check,
    quick_check,
    quick_check_state,
)
from studyapp.store.errors import DataDirError, NewerDatabaseError, StoreError, is_damage
from studyapp.store.localtime import SystemLocalTime
from studyapp.store.records import NoticeKind, StoreNotice
from studyapp.store.schema import SCHEMA_VERSION, migrate, user_version
from studyapp.store.store import Store


class OpenedStore(NamedTuple):
    """An open store and what the user should be told about opening it."""

    store: Store
    notices: tuple[StoreNotice, ...]


def _set_aside(db_path: Path, why: str, backups_dir: Path, now: datetime) -> StoreNotice:
    """Rename a damaged database out of the way and describe what happened."""
    try:
        moved = move_aside(db_path, "corrupt", now)
        check_marker(db_path).unlink(missing_ok=True)  # it was about the file just moved
    except OSError as exc:
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "the database {path} is damaged ({why}) and could not be moved aside: {reason}"), path=str(db_path), why=str(why), reason=exc.strerror or str(exc))) from exc
    good = backups.backup_to_offer(backups_dir, now)
    offer = (Message(QT_TRANSLATE_NOOP("Core", " The newest good backup is {backup}; you can restore it."), backup=str(good))
             if good else Message(QT_TRANSLATE_NOOP("Core", " There is no backup to restore.")))
    return StoreNotice.of(
        NoticeKind.CORRUPT_MOVED,
        Message(QT_TRANSLATE_NOOP("Core", "The database could not be used ({why}). It was kept as {moved} and a new, "
                                          "empty database was started.{offer}"), why=why, moved=str(moved), offer=offer),
        moved_to=moved,
        restorable_backup=good,
    )


def _prepare_dir(db_path: Path) -> None:
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "cannot create the data folder {path}: {reason}"), path=str(db_path.parent), reason=exc.strerror or str(exc))) from exc
    if not os.access(db_path.parent, os.W_OK | os.X_OK):
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "cannot write to the data folder {path}: permission denied"), path=str(db_path.parent)))


def _open_checked(db_path: Path, busy_timeout_ms: int) -> tuple[sqlite3.Connection | None, str]:
    """Connect and check; (None, reason) if the file turns out damaged.

    The whole file is checked after an unclean close, when a check was asked for, or when the
    file is shorter than its header says; otherwise everything but the answers log (which is
    checked in the background before each daily backup): ~12 ms instead of ~300 ms at a
    million answers.

    Only a damaged file is set aside: a locked, read-only or unreadable one raises
    ``DataDirError`` and stays exactly where it is.
    """
    try:
        conn = connect(db_path, busy_timeout_ms)
    except sqlite3.Error as exc:
        if is_damage(exc):
            return None, str(exc)
        raise DataDirError(f"cannot open the database {db_path}: {exc}") from exc
    try:
        result = quick_check(conn) if needs_full_check(db_path) else quick_check_state(conn)
    except sqlite3.Error as exc:
        conn.close()
        if is_damage(exc):
            return None, str(exc)
        raise DataDirError(f"cannot read the database {db_path}: {exc}") from exc
    if result != "ok":
        conn.close()
        return None, f"integrity check: {result}"
    check_marker(db_path).unlink(missing_ok=True)
    return conn, ""


def open_store(
    db_path: Path,
    *,
    backups_dir: Path,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    auto_backup: bool = True,
) -> OpenedStore:
    """Open (creating, repairing by setting aside, migrating and backing up as needed) the store.

    ``now`` (UTC, default the clock) names backups and set-aside files; ``tz`` (default the
    system's local zone) keys answers by local day. Raises ``NewerDatabaseError`` for a file
    from a newer studyapp and ``DataDirError`` when the folder cannot be used.
    """
    now = now or datetime.now(timezone.utc)
    tz = tz or SystemLocalTime()
    db_path = Path(db_path)
    notices: list[StoreNotice] = []
    _prepare_dir(db_path)

    kind, version = inspect_file(db_path, busy_timeout_ms)
    if kind is FileKind.OURS and version > SCHEMA_VERSION:
        raise NewerDatabaseError(db_path, version, SCHEMA_VERSION)
    if kind in (FileKind.NOT_A_DATABASE, FileKind.FOREIGN):
        why = "not a studyapp database" if kind is FileKind.FOREIGN else "not a database file"
        notices.append(_set_aside(db_path, why, backups_dir, now))
        kind = FileKind.MISSING

    conn: sqlite3.Connection | None = None
    if kind is FileKind.OURS:
        conn, why = _open_checked(db_path, busy_timeout_ms)
        if conn is None:
            notices.append(_set_aside(db_path, why, backups_dir, now))
    fresh = conn is None
    if conn is None:
        if not db_path.exists():  # (an empty file there is initialised in place, below)
            try:
                build_new(db_path, lambda new: migrate(new, tz))
            except FileExistsError:
                pass  # another process created it meanwhile: open theirs
            except (OSError, sqlite3.Error):
                pass  # no hard links here, say: build it in place, as below
        try:
            conn = connect(db_path, busy_timeout_ms)
        except sqlite3.Error as exc:
            raise DataDirError(f"cannot create the database {db_path}: {exc}") from exc

    try:
        current = user_version(conn)  # re-read: the WAL may hold a newer header than the file
        if current > SCHEMA_VERSION:
            raise NewerDatabaseError(db_path, current, SCHEMA_VERSION)
        if 0 < current < SCHEMA_VERSION:
            try:
                saved = backups.write_backup(conn, backups_dir, now, prefix=f"before-v{SCHEMA_VERSION}-")
            except (OSError, sqlite3.Error, StoreError) as exc:
                raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "could not back up the database before upgrading it: {reason}"), reason=str(exc))) from exc
            try:
                migrate(conn, tz)
            except sqlite3.Error as exc:
                raise StoreError(Message(QT_TRANSLATE_NOOP(
                    "Core", "could not upgrade the database from version {current} to {version} ({reason}); it was left "
                    "at version {left} and a copy is at {copy}"),
                    current=current, version=SCHEMA_VERSION, reason=str(exc), left=user_version(conn), copy=str(saved))) from exc
            notices.append(StoreNotice.of(
                NoticeKind.MIGRATED,
                Message(QT_TRANSLATE_NOOP("Core", "The database was upgraded from version {old} to {new}; "
                                                  "a copy of the old one is at {copy}."),
                        old=current, new=SCHEMA_VERSION, copy=str(saved)), restorable_backup=saved))
        elif current == 0:
            try:
                migrate(conn, tz)
            except sqlite3.Error as exc:
                raise DataDirError(f"cannot create the database {db_path}: {exc}") from exc
        if auto_backup and not fresh and backups.backup_due(backups_dir, now):
            try:
                backups.write_backup(conn, backups_dir, now)
                backups.thin_backups(backups_dir, now)
            except (OSError, sqlite3.Error, StoreError) as exc:
                notices.append(StoreNotice.of(NoticeKind.BACKUP_FAILED, Message(QT_TRANSLATE_NOOP(
                    "Core", "The daily backup into {folder} failed: {error}"), folder=str(backups_dir), error=str(exc))))
    except BaseException:
        conn.close()
        raise
    return OpenedStore(Store(conn, tz), tuple(notices))
