"""Earlier versions of a question file, as the editor kept them: pick one and put it back.

Each save from the window keeps the version it replaced (``authoring.saving``); this dialog
lists them newest first, by the time they were replaced, and restores the one chosen (the
current file is kept first, so a restore can itself be undone the same way).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from studyapp.authoring.saving import restore, versions
from studyapp.ui.plain_text import window_title
from studyapp.ui.translation import datetime_text

PATH_ROLE = Qt.ItemDataRole.UserRole


def _when(version: Path) -> str:
    """A kept version's time, local, from its name (``20261206T064500123456Z.yaml``)."""
    try:
        stamp = datetime.strptime(version.stem[:22], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return version.stem
    return datetime_text(stamp.astimezone(), seconds=True)  # as the locale writes it


class HistoryDialog(QDialog):
    """The kept versions of ``path``; ``restored(path)`` after one was put back."""

    restored = Signal(object)

    def __init__(self, path: Path, history_dir: Path, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.history_dir = history_dir
        self.data_dir = data_dir
        self.setWindowTitle(window_title(self.tr("Earlier versions — {file}").format(file=path.name)))
        layout = QVBoxLayout(self)
        self.caption = QLabel(self.tr("Versions replaced by saves from the window, newest first:"))
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.caption)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Earlier versions"))
        for version in reversed(versions(history_dir, path)):
            item = QListWidgetItem(self.tr("replaced {when}").format(when=_when(version)))
            item.setData(PATH_ROLE, str(version))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Restore this version"))
        self.restore_button.setEnabled(self.list.count() > 0)
        close = QPushButton(self.tr("Close"))
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        close.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)

    def restore_selected(self) -> None:
        """Put the chosen version back as the file (the current one is kept first)."""
        from studyapp.ui import dialogs

        item = self.list.currentItem()
        if item is None:
            return
        try:
            restore(self.path, Path(item.data(PATH_ROLE)), self.history_dir, data_dir=self.data_dir)
        except OSError as exc:
            dialogs.warn(self, self.tr("Not restored"),
                         self.tr("Could not restore {file}: {reason}").format(file=self.path.name, reason=exc))
            return
        self.restored.emit(self.path)
        self.accept()
