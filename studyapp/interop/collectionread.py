"""Reading the SQLite collection of an Anki package read-only and bounded.

A package is a file from anywhere, so its collection is hostile until proven otherwise. It is
opened read-only and immutable, with ``query_only`` on, ``trusted_schema`` off and temporary
storage in memory. What is read must be a plain table: a view (a recursive CTE behind ``notes``
runs forever), a trigger, a virtual table or a computed column is refused before any query.
Every query then runs under one :class:`ReadLimits` budget:

- SQLite's progress handler counts virtual-machine steps and the time since the open, and ends
  the query past ``steps`` or ``seconds``; it also ends it at once when the caller's ``cancel``
  event is set (the window's Cancel) or a KeyboardInterrupt arrives (Ctrl-C), which the sqlite3
  module would otherwise swallow;
- SQLite's heap is capped at ``heap_bytes`` while the collection is read (sorting and
  temporary tables live there: ``temp_store=MEMORY``), and one value at ``value_bytes``;
- the rows handed to Python may hold at most as much text as the file has bytes: a real table
  stores each value once, so a crafted b-tree whose pages point at each other many times is
  caught before it fills the memory.

The heap cap is SQLite's only real bound on a query's memory (``soft_heap_limit`` and
``temp.max_page_count`` were measured: neither stops a sorter), and it is process-wide. The
pragma can only lower it, so the previous cap is put back through SQLite's C function on the
library this process loaded; where that library cannot be found for sure, the cap stays (far
above what studyapp's own database needs).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from studyapp.messages import QT_TRANSLATE_NOOP, Message

CALLS_EVERY = 1000  # virtual-machine steps between two progress-handler calls
ROW_OVERHEAD = 2  # every stored row takes at least its 2-byte cell pointer in the file


class UnusablePackage(Exception):
    """The package cannot be imported at all; ``str()`` is the reason, for ``not a usable Anki package (reason)``;
    ``wording`` the same marked for the window (None for a reason only a damaged or crafted file gives)."""

    def __init__(self, reason: str | Message) -> None:
        super().__init__(str(reason))
        self.wording = reason if isinstance(reason, Message) else None


class ImportCancelled(Exception):
    """The caller's cancel event was set while the package was read."""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The budget of one collection read (defaults far above any real deck)."""

    steps: int = 200_000_000
    seconds: float = 60.0
    heap_bytes: int = 256 << 20
    value_bytes: int = 64 << 20


class Stop(Enum):
    """Why the progress handler ended a query."""

    STEPS = "steps"
    TIME = "time"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"  # Ctrl-C (or any exception) inside the handler


class CollectionReader:
    """One read-only, bounded connection to an unpacked collection; use :func:`open_collection`."""

    def __init__(self, con: sqlite3.Connection, size: int, limits: ReadLimits, cancel: threading.Event | None) -> None:
        self.con = con
        self.limits = limits
        self._cancel = cancel
        self._left = size  # bytes of text the rows may still hold
        self._calls = 0
        self._deadline = time.monotonic() + limits.seconds
        self.stopped: Stop | None = None
        con.set_progress_handler(self._tick, CALLS_EVERY)

    def _tick(self) -> int:
        try:
            self._calls += 1
            if self._cancel is not None and self._cancel.is_set():
                self.stopped = Stop.CANCELLED
            elif self._calls * CALLS_EVERY > self.limits.steps:
                self.stopped = Stop.STEPS
            elif time.monotonic() > self._deadline:
                self.stopped = Stop.TIME
        except BaseException:  # noqa: BLE001 - Ctrl-C lands here; sqlite3 would drop it
            self.stopped = Stop.INTERRUPTED
        return 1 if self.stopped is not None else 0

    def check_cancel(self) -> None:
        """Raise ImportCancelled when the caller asked to stop."""
        if self._cancel is not None and self._cancel.is_set():
            raise ImportCancelled

    def has_table(self, name: str) -> bool:
        """Whether the collection has a table ``name`` (of any kind; :meth:`require_tables` checks it)."""
        return self._run("SELECT 1 FROM sqlite_master WHERE name = ? COLLATE NOCASE", (name,)) != []

    def require_tables(self, *names: str) -> None:
        """Refuse (UnusablePackage) unless each of ``names`` is a plain table without computed columns."""
        schema = self._run("SELECT type, name, sql FROM sqlite_master")
        for kind, name, sql in schema:
            if kind in ("view", "trigger"):
                raise UnusablePackage(f"the collection holds a {kind} '{name}'; Anki collections have none")
        kinds = {str(name).lower(): (str(kind), str(sql or "")) for kind, name, sql in schema}
        for name in names:
            kind, sql = kinds.get(name, ("", ""))
            if kind != "table":
                raise UnusablePackage(f"the collection has no '{name}' table")
            if sql.lstrip()[:14].upper() == "CREATE VIRTUAL":
                raise UnusablePackage(f"'{name}' is a virtual table, not a plain one")
            # table_xinfo: hidden 1 = virtual-table column, 2/3 = generated (computed) column
            if any(row[6] != 0 for row in self._run(f"PRAGMA main.table_xinfo('{name}')")):
                raise UnusablePackage(f"'{name}' has computed columns; Anki tables have none")

    def rows(self, sql: str) -> Iterator[tuple[object, ...]]:
        """The rows of ``sql``, within the budget; raises UnusablePackage, ImportCancelled or KeyboardInterrupt."""
        with self._errors():
            cursor = self.con.execute(sql)
        while True:
            with self._errors():
                row = cursor.fetchone()
            if row is None:
                return
            self._take(row)
            yield tuple(row)

    def _run(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._errors():
            return [tuple(row) for row in self.con.execute(sql, params).fetchall()]

    def _take(self, row: tuple[object, ...]) -> None:
        self._left -= ROW_OVERHEAD + sum(len(v) for v in row if isinstance(v, (str, bytes)))
        if self._left < 0:
            raise UnusablePackage("the collection is damaged: it yields more data than the file holds")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except MemoryError:  # SQLite's heap cap (sqlite3 reports SQLITE_NOMEM as MemoryError)
            raise UnusablePackage(Message(QT_TRANSLATE_NOOP("Core", "reading it needs more than {size} MiB of memory"), size=self.limits.heap_bytes >> 20)) from None
        except sqlite3.Error as exc:
            raise self._stop_error(exc) from None

    def _stop_error(self, exc: sqlite3.Error) -> BaseException:
        stopped = self.stopped
        if stopped is None and "interrupt" in str(exc):
            stopped = Stop.INTERRUPTED  # the exception left the handler before it could note it
        if stopped is Stop.CANCELLED:
            return ImportCancelled()
        if stopped is Stop.INTERRUPTED:
            return KeyboardInterrupt()
        if stopped is Stop.STEPS:
            return UnusablePackage(f"reading it takes more than {self.limits.steps:,} steps")
        if stopped is Stop.TIME:
            return UnusablePackage(Message(QT_TRANSLATE_NOOP("Core", "reading it takes longer than {seconds} s"), seconds=f"{self.limits.seconds:g}"))
        return UnusablePackage(f"unreadable collection ({exc})")


def _restore_heap_cap(cap: int, previous: int) -> None:
    """Put SQLite's hard heap limit back from ``cap`` to ``previous`` (0: none), if this is surely our library."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            name = next((line.split()[-1] for line in maps if "libsqlite3" in line), None)
    except OSError:
        name = None
    try:
        limit = ctypes.CDLL(name or ctypes.util.find_library("sqlite3") or "sqlite3").sqlite3_hard_heap_limit64
    except (OSError, AttributeError):
        return
    limit.argtypes, limit.restype = [ctypes.c_int64], ctypes.c_int64
    if limit(-1) == cap:  # the library the sqlite3 module uses (another copy would not hold our cap)
        limit(previous)


@contextmanager
def open_collection(path: Path, limits: ReadLimits, cancel: threading.Event | None = None) -> Iterator[CollectionReader]:
    """``path`` opened read-only under ``limits``; SQLite's previous heap cap is restored on leaving."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise UnusablePackage(f"cannot open the collection ({exc})") from None
    previous = None
    try:
        reader = CollectionReader(con, path.stat().st_size, limits, cancel)
        with reader._errors():
            for pragma in ("query_only = ON", "trusted_schema = OFF", "temp_store = MEMORY"):
                con.execute(f"PRAGMA {pragma}")
            con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limits.value_bytes)
            current = int(con.execute("PRAGMA hard_heap_limit").fetchone()[0])
            if current == 0 or current > limits.heap_bytes:
                con.execute(f"PRAGMA hard_heap_limit = {int(limits.heap_bytes)}")
                previous = current
        yield reader
    finally:
        con.set_progress_handler(None, 0)
        con.close()
        if previous is not None:
            _restore_heap_cap(limits.heap_bytes, previous)
