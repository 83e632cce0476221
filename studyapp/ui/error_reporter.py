"""Unexpected errors: logged to the data dir's log file and shown in an ``ErrorDialog``.

``ErrorReporter.handle`` is installed as ``sys.excepthook`` by ``app.py``; PySide6 routes
exceptions raised in slots and event handlers there, so no traceback reaches the user and
the window stays usable. The dialog module is imported only when an error happens.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from studyapp.store.errors import SaveError

if TYPE_CHECKING:
    from studyapp.ui.error_dialog import ErrorDialog

log = logging.getLogger("studyapp")


class ErrorReporter:
    """Logs an unexpected exception and shows it in an ``ErrorDialog`` over ``parent``."""

    def __init__(self, log_path: object, parent: QWidget | None = None) -> None:
        self.log_path = log_path
        self.parent = parent
        self.dialogs: list[ErrorDialog] = []
        self._busy = False

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """``sys.excepthook`` signature."""
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", details)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        if self._busy:  # an error while showing an error: the log has it, stop here
            return
        self._busy = True
        try:
            from studyapp.ui.error_dialog import ErrorDialog
            from studyapp.ui.translation import error_text

            hint = QCoreApplication.translate("ErrorReporter", "Details were written to {path}.").format(path=self.log_path)
            if isinstance(exc, SaveError):
                # Expected trouble (disk full, database locked): say what, not a traceback.
                dialog = ErrorDialog(
                    error_text(exc),
                    details,
                    hint,
                    self.parent,
                    title=QCoreApplication.translate("ErrorReporter", "studyapp: could not save"),
                    intro=QCoreApplication.translate("ErrorReporter", "Your last answer was not saved; every earlier answer is safe. "
                                  "Free some disk space or close the program holding the database, then answer again."),
                )
            else:
                text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                summary = f"{exc_type.__name__}: {text}" if text else exc_type.__name__
                dialog = ErrorDialog(summary, details, hint, self.parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
            self.dialogs.append(dialog)
            dialog.show()
        finally:
            self._busy = False

    def _forget(self, dialog: ErrorDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
