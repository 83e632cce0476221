"""Unexpected errors: a short dialog with "Copy details", and a log entry in the data dir.

``ErrorReporter.handle`` is installed as ``sys.excepthook`` by ``app.py``; PySide6 routes
exceptions raised in slots and event handlers there, so no traceback reaches the user and
the window stays usable. The dialog is shown with ``show()`` (not a blocking ``exec()``).
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from studyapp.store.errors import SaveError
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)



log = logging.getLogger("studyapp")


class ErrorDialog(QDialog):
    """"Something went wrong": a one-line message, the details on demand, Copy details, Close."""

    def __init__(
        self,
        summary: str,
        details: str,
        log_hint: str,
        parent: QWidget | None = None,
        *,
        title: str = "studyapp: unexpected error",
        intro: str = "Something went wrong, but your answers so far are saved and you can keep studying.",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.details = details
        layout = QVBoxLayout(self)
        self.message = QLabel(f"{intro}\n\n{summary}\n\n{log_hint}")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Error message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setAccessibleName("Error details")
        self.details_view.setVisible(False)
        layout.addWidget(self.details_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = QPushButton("Show details")
        self.show_button.setAccessibleName("Show details")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton("Copy details")
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 200)

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.show_button.setText("Hide details" if shown else "Show details")
        self.adjustSize()

    def copy_details(self) -> None:
        """Put the full traceback on the clipboard (for a bug report)."""
        QGuiApplication.clipboard().setText(self.details)


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
            hint = f"Details were written to {self.log_path}."
            if isinstance(exc, SaveError):
                # Expected trouble (disk full, database locked): say what, not a traceback.
                dialog = ErrorDialog(
                    str(exc),
                    details,
                    hint,
                    self.parent,
                    title="studyapp: could not save",
                    intro="Your last answer was not saved; every earlier answer is safe. "
                    "Free some disk space or close the program holding the database, then answer again.",
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
