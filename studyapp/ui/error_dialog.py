"""The dialog for an unexpected error: a short message, details on demand, "Copy details".

Shown by ``studyapp.ui.error_reporter.ErrorReporter`` with ``show()`` (never a blocking ``exec()``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.ui.plain_text import window_title




class ErrorDialog(QDialog):
    """"Something went wrong": a one-line message, the details on demand, Copy details, Close."""

    def __init__(
        self,
        summary: str,
        details: str,
        log_hint: str,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        intro: str | None = None,
    ) -> None:
        super().__init__(parent)
        title = title or self.tr("studyapp: unexpected error")
        intro = intro or self.tr("Something went wrong, but your answers so far are saved and you can keep studying.")
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self.details = details
        layout = QVBoxLayout(self)
        # The summary quotes the error, which may quote a file: plain text before any text is set.
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(f"{intro}\n\n{summary}\n\n{log_hint}")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Error message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setAccessibleName(self.tr("Error details"))
        self.details_view.setVisible(False)
        layout.addWidget(self.details_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = QPushButton(self.tr("Show details"))
        self.show_button.setAccessibleName(self.tr("Show details"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 200)

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.show_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    def copy_details(self) -> None:
        """Put the full traceback on the clipboard (for a bug report)."""
        QGuiApplication.clipboard().setText(self.details)
