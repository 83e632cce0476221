"""Running one core function off the UI thread, with a cancel flag the function checks.

The function receives a ``threading.Event``; :meth:`BackgroundTask.cancel` sets it (the core's
readers check it, SQLite's progress handler included) and the window is idle again at once: a
run that was cancelled or replaced by a newer one never reports. Results arrive on the UI
thread as ``finished(result)`` or ``failed(message)``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger("studyapp")


class TaskState(Enum):
    """What a :class:`BackgroundTask` is doing."""

    IDLE = "idle"
    RUNNING = "running"


class BackgroundTask(QObject):
    """One function at a time on a worker thread; starting another cancels the one running."""

    finished = Signal(object)  # the function's result
    failed = Signal(str)  # an unexpected error, as one line
    _done = Signal(int, object, object)  # (run number, result, error line), from the worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = TaskState.IDLE
        self._run = 0
        self._cancel = threading.Event()
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """True from :meth:`start` until the result arrives or :meth:`cancel`."""
        return self.state is TaskState.RUNNING

    def start(self, work: Callable[[threading.Event], object], name: str = "studyapp-task") -> None:
        """Run ``work(cancel_event)`` on a new thread (cancelling any run still going)."""
        self.cancel()
        self._run += 1
        self._cancel = cancel = threading.Event()
        self.state = TaskState.RUNNING
        run = self._run
        # A daemon thread: a cancelled run that is still winding down never holds up quitting.
        threading.Thread(target=self._work, args=(run, work, cancel), name=name, daemon=True).start()

    def _work(self, run: int, work: Callable[[threading.Event], object], cancel: threading.Event) -> None:
        try:
            result, error = work(cancel), None
        except Exception as exc:  # noqa: BLE001 - reported on the UI thread; a cancelled run's end is dropped
            if not cancel.is_set():
                log.exception("background task failed")
            result, error = None, f"{type(exc).__name__}: {exc}"
        try:
            self._done.emit(run, result, error)
        except RuntimeError:  # the task's owner (a closed dialog) is gone: nobody to tell
            pass

    def _finish(self, run: int, result: object, error: str | None) -> None:
        if run != self._run or self.state is not TaskState.RUNNING:
            return  # cancelled, or replaced by a newer run
        self.state = TaskState.IDLE
        if error is None:
            self.finished.emit(result)
        else:
            self.failed.emit(error)

    def cancel(self) -> None:
        """Ask the running function to stop; nothing more is reported from it."""
        self._cancel.set()
        self.state = TaskState.IDLE
