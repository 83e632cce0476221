"""Opening the database file: what kind of file it is, connection settings, moving damaged files aside."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path

from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.store.errors import DataDirError, is_damage
from studyapp.store.schema import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000
SIDE_FILES = ("-wal", "-shm", "-journal")


class FileKind(Enum):
    """What ``inspect_file`` found at the database path."""

    MISSING = "missing"  # no file, or an empty one: start a fresh database
    OURS = "ours"  # a studyapp database (of some version, see the header)
    NOT_A_DATABASE = "not-a-database"  # random bytes, a zeroed header, ...
    FOREIGN = "foreign"  # a valid SQLite database of another program


def read_header(path: Path) -> tuple[bytes, int, int]:
    """The first 100 bytes, ``user_version`` and ``application_id`` — read without SQLite,
    so a file we refuse is never touched (no -wal/-shm created, no checkpoint)."""
    with open(path, "rb") as f:
        head = f.read(100)
    if len(head) < 100:
        return head, 0, 0
    return head, int.from_bytes(head[60:64], "big"), int.from_bytes(head[68:72], "big")


def _has_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _identity(conn: sqlite3.Connection) -> tuple[int, int, int]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return int(app_id), int(version), int(tables)


def _read_identity(path: Path, busy_timeout_ms: int) -> tuple[int, int, int]:
    """``application_id``, ``user_version`` and the number of schema entries as SQLite sees
    them (the WAL included), without writing a byte to the file, its -wal or its -shm.

    ``mode=ro`` alone is not enough: SQLite still opens the -shm for writing and rebuilds it
    when it is the first user. ``readonly_shm=1`` keeps the -shm read-only (SQLite then reads
    the WAL into private memory if the -shm cannot be trusted), and a read-only connection
    never checkpoints on close. That needs an -shm file to exist: when a WAL was left without
    one, the file and its WAL are read from a private copy instead.
    """
    timeout = busy_timeout_ms / 1000
    has_shm = Path(f"{path}-shm").exists()
    if has_shm or not _has_wal(path):
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&readonly_shm=1" if has_shm else "")
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
        try:
            return _identity(conn)
        finally:
            conn.close()
    with tempfile.TemporaryDirectory(prefix="studyapp-inspect-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=timeout)
        try:
            return _identity(conn)
        finally:
            conn.close()


def inspect_file(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> tuple[FileKind, int]:
    """Classify the file at ``path``; also return its ``user_version`` (0 if not ours).

    The header of the main file can be stale when the newest pages sit in the WAL (after a
    crash, or while another connection is open): when a WAL holds pages, or the header lacks
    our marker, the header is read through SQLite, which reads the WAL, without writing
    anything (``_read_identity``): a file from a newer studyapp is refused untouched even
    when its version is only in the WAL.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return FileKind.MISSING, 0
    except OSError as exc:
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "cannot read the database {path}: {reason}"), path=str(path), reason=exc.strerror or str(exc))) from exc
    if stat.S_ISDIR(st.st_mode):
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "{path} is a folder, not the database file: move it out of the way or choose another data folder"), path=str(path)))
    if not stat.S_ISREG(st.st_mode):  # a FIFO or device: reading it could block, never set it aside
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "{path} is not a regular file, so it cannot be the database: move it out of the way or choose another data folder"), path=str(path)))
    size = st.st_size
    if size == 0 and not _has_wal(path):
        return FileKind.MISSING, 0
    try:
        head, version, app_id = read_header(path)
    except OSError as exc:
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "cannot read the database {path}: {reason}"), path=str(path), reason=exc.strerror or str(exc))) from exc
    if size and (len(head) < 100 or not head.startswith(SQLITE_MAGIC)):
        return FileKind.NOT_A_DATABASE, 0
    if app_id == APPLICATION_ID and not _has_wal(path):
        return FileKind.OURS, version
    try:
        app_id, version, tables = _read_identity(path, busy_timeout_ms)
    except OSError as exc:
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "cannot read the database {path}: {reason}"), path=str(path), reason=exc.strerror or str(exc))) from exc
    except sqlite3.Error as exc:
        if is_damage(exc):
            return FileKind.NOT_A_DATABASE, 0
        raise DataDirError(Message(QT_TRANSLATE_NOOP("Core", "cannot open the database {path}: {reason}"), path=str(path), reason=str(exc))) from exc
    if app_id == APPLICATION_ID:
        return FileKind.OURS, version
    if app_id != 0 or version != 0 or tables:
        return FileKind.FOREIGN, 0
    return FileKind.MISSING, 0  # an empty SQLite file: fine to initialise


def connect(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open with studyapp's settings: autocommit (explicit BEGIN/COMMIT), WAL,
    ``synchronous=FULL``, foreign keys, a busy timeout."""
    conn = sqlite3.connect(
        str(path), isolation_level=None, timeout=busy_timeout_ms / 1000, cached_statements=256
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms):d}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"could not switch to WAL (journal_mode={mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA fullfsync = ON")  # macOS: a real flush to the disk; ignored elsewhere
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # the statistics' copy of the bank never touches disk
    except BaseException:
        conn.close()
        raise
    return conn


def quick_check(conn: sqlite3.Connection) -> str:
    """``'ok'`` or the first problems ``PRAGMA quick_check`` of the whole file reports."""
    rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    return "; ".join(str(r[0]) for r in rows)


#: The append-only log of answers: most of a long-used file (300 ms of checking at a million
#: answers, where every other table together takes about 12 ms).
LOG_TABLE = "attempts"


def quick_check_state(conn: sqlite3.Connection) -> str:
    """``'ok'`` or the problems of ``PRAGMA quick_check`` run on the schema and on every table
    but the answers log (each with its indexes): what every screen reads."""
    problems: list[str] = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        if table != LOG_TABLE:
            problems += [str(r[0]) for r in conn.execute(f'PRAGMA quick_check("{table}")') if r[0] != "ok"]
    return "; ".join(problems[:5]) or "ok"


def check_marker(path: Path) -> Path:
    """The file whose presence asks the next start to check the whole database."""
    return path.with_name(f"{path.name}.needs-check")


def mark_for_check(path: Path) -> None:
    """Ask the next start to check the whole file (damage was seen; best effort)."""
    try:
        check_marker(path).touch()
    except OSError:
        pass


def needs_full_check(path: Path) -> bool:
    """Whether opening ``path`` should check the whole file, answers log included: after an
    unclean close (a WAL left with frames), when asked to (``mark_for_check``), or when the
    file is shorter than its header says. Otherwise the log is checked in the background,
    daily, before the backup (``backups.backup_if_due``)."""
    if _has_wal(path) or check_marker(path).exists():
        return True
    try:
        with open(path, "rb") as f:
            head = f.read(100)
        size = path.stat().st_size
    except OSError:
        return True
    if len(head) < 100:
        return True
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    header_valid = head[24:28] == head[92:96]  # the in-header size is kept up to date
    return header_valid and size < pages * page_size


def _free_name(base: Path) -> Path:
    if not any(Path(f"{base}{s}").exists() for s in ("", *SIDE_FILES)):
        return base
    n = 2
    while any(Path(f"{base}-{n}{s}").exists() for s in ("", *SIDE_FILES)):
        n += 1
    return Path(f"{base}-{n}")


def move_aside(path: Path, label: str, now: datetime) -> Path:
    """Rename ``path`` (and its -wal/-shm/-journal) to ``<name>.<label>-YYYYmmdd-HHMMSS``.

    Never deletes and never overwrites: a numeric suffix is added if the name is taken.
    Returns the new path of the main file.
    """
    target = _free_name(path.with_name(f"{path.name}.{label}-{now:%Y%m%d-%H%M%S}"))
    os.rename(path, target)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.rename(side, Path(f"{target}{suffix}"))
    return target


def fsync_dir(directory: Path) -> None:
    """Flush a folder's entries (a new or renamed file in it), where the system allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_with_sides(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def build_new(path: Path, build: Callable[[sqlite3.Connection], object]) -> None:
    """Create the database at ``path`` complete, or not at all.

    It is built beside ``path`` (``<name>.new-<pid>``, in WAL mode, with ``build``), flushed
    to disk once, then hard-linked into place, so ``path`` never names a half-built file (a
    crash during a first start leaves no "damaged" database behind). While it is private
    nothing needs flushing commit by commit: one ``fsync`` of the finished file and one of
    the folder replace the dozen a database built in place would take.

    Raises ``FileExistsError`` when ``path`` exists by the time it is ready (another process
    made it first: use theirs), ``OSError`` or ``sqlite3.Error`` if it cannot be built or
    linked (a file system without hard links, say); nothing is left behind either way.
    """
    tmp = path.with_name(f"{path.name}.new-{os.getpid()}")
    _remove_with_sides(tmp)
    try:
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous = OFF")  # flushed once, below, before it is linked
            conn.execute("PRAGMA journal_mode = WAL")  # kept in the file's header
            build(conn)
        finally:
            conn.close()  # checkpoints into the file and removes the -wal
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.link(tmp, path)
        fsync_dir(path.parent)
    finally:
        _remove_with_sides(tmp)
