"""Home's parts that a usual first screen does not show, built when first needed.

``ProblemsPanel`` lists the problems found in question files (hidden while there are none);
``EmptyPage`` is what home shows when no deck is loaded. Kept out of ``home_view`` so that
start-up does not define them (nor load the list widget they use).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studyapp.bank.model import Problem
from studyapp.ui.home_view import button, plain_label
from studyapp.ui.plain_text import tooltip
from studyapp.ui.translation import problem_line

PATH_ROLE = Qt.ItemDataRole.UserRole


class ProblemsPanel(QGroupBox):
    """Every problem found in question files, ``file:line:column: message``; Enter, a
    double-click or "Edit file" opens the file's text at the problem in the window's editor
    (``editRequested(Problem)``), "Open file" in the system's editor (``openRequested(Path)``)."""

    openRequested = Signal(object)  # Path
    editRequested = Signal(object)  # Problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Problems in question files"))
        self.setAccessibleName(self.tr("Problems in question files"))
        layout = QVBoxLayout(self)
        self.hint = plain_label(
            self.tr("These files were skipped; every other deck works. Fix a file and it reloads by itself."),
            name=self.tr("Problems hint"),
        )
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Problems list"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.edit_button = button(self.tr("Edit file"), self.tr("Edit the file of the selected problem here, at its line"))
        self.edit_button.clicked.connect(self._edit_selected)
        self.open_button = button(self.tr("Open file"), self.tr("Open the file of the selected problem"))
        self.open_button.clicked.connect(self._open_selected)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.open_button)
        self._problems: tuple[Problem, ...] = ()
        layout.addLayout(row)

    def set_problems(self, problems: tuple[Problem, ...]) -> None:
        """Show ``problems``, one line each."""
        self.list.clear()
        self._problems = problems
        for p in problems:
            item = QListWidgetItem(problem_line(p))
            item.setData(PATH_ROLE, str(p.path))
            item.setToolTip(tooltip(problem_line(p)))  # messages quote the file's text
            self.list.addItem(item)
        self.setTitle(self.tr("Problems in question files ({count})").format(count=len(problems)))
        self.open_button.setEnabled(bool(problems))
        self.edit_button.setEnabled(bool(problems))

    def lines(self) -> list[str]:
        """The texts shown, in order (for tests and screen readers)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self._problems):
            self.editRequested.emit(self._problems[row])

    def _edit_selected(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self._activated(item)

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.openRequested.emit(Path(item.data(PATH_ROLE)))


class EmptyPage(QWidget):
    """What home shows when no deck is loaded: how to add one, and the problems found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.text = plain_label(
            self.tr("No decks yet.\n\nA deck is one question file (YAML). Add one with File → Add question file…, "
                    "or put .yaml files into your question folder; they appear here at once.\n"
                    "Help → Question file format shows how to write one."),
            name=self.tr("No decks"),
        )
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.add = button(self.tr("Add question file…"), self.tr("Add question file"))
        self.folder = button(self.tr("Open question folder"), self.tr("Open question folder"))
        buttons.addWidget(self.add)
        buttons.addWidget(self.folder)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problems = ProblemsPanel()
        layout.addWidget(self.problems)
        layout.addStretch(1)
