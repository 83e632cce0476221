"""Reloading question files off the UI thread, with a busy indicator when it takes a while.

A reload after a file changed (or F5) can take seconds with thousands of questions on a cold
cache; the window keeps answering meanwhile. One load runs at a time: a request while one runs
is remembered and starts when it ends, so the last change is always picked up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from studyapp.bank.model import Bank

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

log = logging.getLogger("studyapp")
SHOW_PROGRESS_AFTER_MS = 500


class BackgroundBankLoader(QObject):
    """Runs ``load`` on a thread; ``loaded(Bank)`` or ``failed(str)`` arrive on the UI thread.

    ``busy(bool)`` turns true once a load has run longer than half a second, false when done.
    """

    loaded = Signal(object)
    failed = Signal(str)
    busy = Signal(bool)
    _done = Signal(object, object)  # (Bank | None, error text | None), from the worker thread

    def __init__(self, load: Callable[[], Bank], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._thread: threading.Thread | None = None
        self._pending = False
        self._closed = False
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SHOW_PROGRESS_AFTER_MS)
        self._slow.timeout.connect(lambda: self.busy.emit(True))

    @property
    def running(self) -> bool:
        """True while a load runs."""
        return self._thread is not None

    def request(self) -> None:
        """Start a load, or queue one if a load is running."""
        if self._closed:
            return
        if self._thread is not None:
            self._pending = True
            return
        self._thread = threading.Thread(target=self._work, name="studyapp-load", daemon=True)
        self._slow.start()
        self._thread.start()

    def _work(self) -> None:
        try:
            bank = self._load()
        except Exception as exc:  # noqa: BLE001 - reported on the UI thread, the app goes on
            log.exception("reloading question files failed")
            self._done.emit(None, f"{type(exc).__name__}: {exc}")
        else:
            self._done.emit(bank, None)

    def _finish(self, bank: Bank | None, error: str | None) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        self._slow.stop()
        self.busy.emit(False)
        if self._closed:
            return
        if bank is not None:
            self.loaded.emit(bank)
        else:
            self.failed.emit(error or "unknown error")
        if self._pending:
            self._pending = False
            self.request()

    def close(self) -> None:
        """Stop: wait for a running load and drop its result."""
        self._closed = True
        self._slow.stop()
        if self._thread is not None:
            self._thread.join()


def paths_to_watch(question_dirs: Sequence[Path], bank: Bank) -> list[str]:
    """Every question folder and sub-folder, every question file and every deck's article."""
    wanted: set[str] = set()
    for root in question_dirs:
        if not root.is_dir():
            continue
        wanted.add(str(root))
        for sub in root.rglob("*"):
            if sub.is_dir() or sub.suffix in (".yaml", ".yml"):
                wanted.add(str(sub))
    for deck in bank.decks:
        if deck.source is not None:
            wanted.add(str(deck.source))
    return sorted(wanted)


def show_busy(status: QStatusBar, busy: bool) -> None:
    """An indeterminate bar in ``status`` while a load runs (created on first use)."""
    from PySide6.QtWidgets import QProgressBar

    bar = status.findChild(QProgressBar, "loading-bar")
    if bar is None and busy:
        bar = QProgressBar()
        bar.setObjectName("loading-bar")
        bar.setRange(0, 0)  # indeterminate
        bar.setMaximumWidth(160)
        bar.setAccessibleName("Loading question files")
        status.addPermanentWidget(bar)
    if bar is not None:
        bar.setVisible(busy)
    if busy:
        status.showMessage(QCoreApplication.translate("BankLoading", "Loading question files…"))
