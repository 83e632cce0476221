"""The score store: answers, sessions and spaced-repetition state in one SQLite file.

See ``opening.open_store`` for how a file is opened and ``store.Store`` for reads and writes.
"""

from __future__ import annotations

from studyapp.store.backups import backup_if_due, list_backups, newest_good_backup, restore_backup
from studyapp.store.errors import ChangedMeanwhile, DataDirError, NewerDatabaseError, SaveError, SaveFailure, StoreError
from studyapp.store.localtime import SystemLocalTime, today_start, tomorrow_start
from studyapp.store.opening import OpenedStore, open_store
from studyapp.store.records import (
    Attempt,
    CardState,
    Mode,
    NoticeKind,
    QuestionHistory,
    SessionRecord,
    StoreNotice,
)
from studyapp.store.schema import SCHEMA_VERSION
from studyapp.store.store import Store

__all__ = [
    "SCHEMA_VERSION",
    "Attempt",
    "CardState",
    "ChangedMeanwhile",
    "DataDirError",
    "Mode",
    "NewerDatabaseError",
    "NoticeKind",
    "OpenedStore",
    "QuestionHistory",
    "SaveError",
    "SaveFailure",
    "SessionRecord",
    "Store",
    "StoreError",
    "StoreNotice",
    "SystemLocalTime",
    "backup_if_due",
    "list_backups",
    "newest_good_backup",
    "open_store",
    "restore_backup",
    "today_start",
    "tomorrow_start",
]
