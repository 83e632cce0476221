"""Errors the store raises, each with a message fit to show the user as is."""

from __future__ import annotations

import sqlite3
from enum import StrEnum

from studyapp.messages import QT_TRANSLATE_NOOP, Message


class StoreError(Exception):
    """Base class: anything the store cannot do. ``str(exc)`` is a user-facing message (English,
    as the command line and the log write it); ``wording`` the same marked for the window's
    language (None for a text that is not marked)."""

    def __init__(self, message: str | Message = "") -> None:
        super().__init__(str(message))
        self.wording = message if isinstance(message, Message) else None


class DataDirError(StoreError):
    """The data folder (or the database in it) cannot be created, opened or written."""


class ChangedMeanwhile(StoreError):
    """An answer that was to replace a card state read earlier found the card changed since
    that read (``Store.record_attempt(expect=...)``): nothing was written; read it again and retry."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer studyapp; it is left untouched."""

    def __init__(self, path: object, found: int, supported: int) -> None:
        super().__init__(Message(QT_TRANSLATE_NOOP(
            "Core", "{path} was written by a newer version of studyapp (database version {found}); this version "
            "understands up to database version {supported}. The file was left untouched: update studyapp to open it."),
            path=str(path), found=found, supported=supported))
        self.path = path
        self.found = found
        self.supported = supported


class SaveFailure(StrEnum):
    """Why a write failed."""

    DISK_FULL = "disk full"
    LOCKED = "the database is locked by another program"
    READ_ONLY = "the database is read-only"
    IO_ERROR = "a disk input/output error"
    CORRUPT = "the database file is damaged"
    OTHER = "an unexpected database error"

    @property
    def wording(self) -> Message:
        """The reason marked for the window's language."""
        return Message(_FAILURE_WORDS[self])


class SaveError(StoreError):
    """A write was rolled back: nothing of it is in the database. Retrying later may succeed."""

    def __init__(self, reason: SaveFailure, detail: str = "") -> None:
        super().__init__(Message(QT_TRANSLATE_NOOP("Core", "could not save: {reason}"), reason=reason.wording))
        self.reason = reason
        self.detail = detail


_FAILURE_WORDS = {
    SaveFailure.DISK_FULL: QT_TRANSLATE_NOOP("Core", "disk full"),
    SaveFailure.LOCKED: QT_TRANSLATE_NOOP("Core", "the database is locked by another program"),
    SaveFailure.READ_ONLY: QT_TRANSLATE_NOOP("Core", "the database is read-only"),
    SaveFailure.IO_ERROR: QT_TRANSLATE_NOOP("Core", "a disk input/output error"),
    SaveFailure.CORRUPT: QT_TRANSLATE_NOOP("Core", "the database file is damaged"),
    SaveFailure.OTHER: QT_TRANSLATE_NOOP("Core", "an unexpected database error"),
}

# Primary SQLite result codes (the low byte of an extended code).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26


def save_failure_of(exc: sqlite3.Error) -> SaveFailure:
    """Classify a sqlite3 error raised by a write."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return SaveFailure.OTHER
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return SaveFailure.DISK_FULL
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return SaveFailure.LOCKED
    if primary == _SQLITE_READONLY:
        return SaveFailure.READ_ONLY
    if primary == _SQLITE_IOERR:
        # SQLITE_IOERR_WRITE/FSYNC on a full disk surface as I/O errors on some systems.
        return SaveFailure.IO_ERROR
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return SaveFailure.CORRUPT
    return SaveFailure.OTHER


def is_damage(exc: sqlite3.Error) -> bool:
    """True when the error says the file's content is broken ("malformed", "not a database"),
    as opposed to it being unreachable (locked, read-only, missing permissions, I/O)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return "malformed" in str(exc) or "not a database" in str(exc)
    return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
