"""Every standard modal dialog the app opens (message boxes, file pickers) lives here.

Tests patch these functions — one seam — and ``tests/gui/conftest.py`` fails any test that
reaches a real, unpatched modal instead of hanging on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True when the user says yes."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something that needs no decision."""
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong that they can act on."""
    QMessageBox.warning(parent, title, text)


def open_file(parent: QWidget | None, title: str, name_filter: str, start: Path | None = None) -> Path | None:
    """Pick one existing file; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start or ""), name_filter)
    return Path(path) if path else None


def save_file(parent: QWidget | None, title: str, name_filter: str, start: Path | None = None) -> Path | None:
    """Pick a file name to write; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start or ""), name_filter)
    return Path(path) if path else None
