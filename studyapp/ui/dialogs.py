"""Every standard modal dialog the app opens (message boxes, file pickers) lives here.

Tests patch these functions — one seam — and ``tests/gui/conftest.py`` fails any test that
reaches a real, unpatched modal instead of hanging on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Imported inside the functions: the start-up screen never opens a modal, and each Qt class
# touched costs start-up time.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """A message box that shows ``text`` literally: messages quote file content, and QMessageBox
    would otherwise guess rich text from a ``<b>`` in it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from studyapp.ui.plain_text import window_title

    # Text set after the format: the constructor would take it as rich text first.
    box = QMessageBox(icon, window_title(title), "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True when the user says yes."""
    from PySide6.QtWidgets import QMessageBox

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return _box(parent, QMessageBox.Icon.Question, title, text, yes | no, no) == yes


def ask_then(parent: QWidget, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Ask a yes/no question without blocking (the box is window-modal, shown with ``open()``);
    ``on_yes`` runs if the user says yes. Returns the box, so a test can press its buttons."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        if box.standardButton(box.clickedButton()) == yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something that needs no decision."""
    from PySide6.QtWidgets import QMessageBox

    ok = QMessageBox.StandardButton.Ok
    _box(parent, QMessageBox.Icon.Information, title, text, ok, ok)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong that they can act on."""
    from PySide6.QtWidgets import QMessageBox

    ok = QMessageBox.StandardButton.Ok
    _box(parent, QMessageBox.Icon.Warning, title, text, ok, ok)


def open_file(parent: QWidget | None, title: str, name_filter: str, start: Path | None = None) -> Path | None:
    """Pick one existing file; None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, str(start or ""), name_filter)
    return Path(path) if path else None


def save_file(parent: QWidget | None, title: str, name_filter: str, start: Path | None = None,
              *, confirm_overwrite: bool = True) -> Path | None:
    """Pick a file name to write; None when cancelled. ``confirm_overwrite=False``: the caller
    asks itself before replacing a file (so the question is not asked twice)."""
    from PySide6.QtWidgets import QFileDialog

    options = QFileDialog.Option(0) if confirm_overwrite else QFileDialog.Option.DontConfirmOverwrite
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start or ""), name_filter, "", options)
    return Path(path) if path else None


def open_externally(parent: QWidget | None, path: Path) -> bool:
    """Open a file or folder in the system's handler (editor, file manager); False if that failed.

    Not a modal, but it leaves the app, so it shares this seam: tests patch it and nothing opens.
    """
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """Ask for one line of text; the text typed (stripped), None when cancelled or left empty."""
    from PySide6.QtWidgets import QInputDialog

    from studyapp.ui.plain_text import window_title

    text, ok = QInputDialog.getText(parent, window_title(title), label)
    return text.strip() or None if ok else None


def pick(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """Pick one of ``items`` from a list (a deck among many: too many for ``choose``'s buttons);
    its index, None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    from studyapp.ui.plain_text import window_title

    text, ok = QInputDialog.getItem(parent, window_title(title), label, items, 0, False)
    return items.index(text) if ok and text in items else None


def choose(parent: QWidget | None, title: str, text: str, choices: list[str]) -> int | None:
    """Offer ``choices`` (button texts) under ``text``; the index chosen, None when closed or cancelled."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from studyapp.ui.plain_text import window_title

    box = QMessageBox(QMessageBox.Icon.Warning, window_title(title), "", QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    buttons = [box.addButton(c, QMessageBox.ButtonRole.AcceptRole) for c in choices]
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, b in enumerate(buttons) if b is clicked), None)
