"""A question file's own text, for a file that does not load: edit it where the problems are.

The problems ``studyapp check`` finds are listed beside the text; choosing one puts the cursor
at its line. Save writes through the same safe path as the question editor (atomic, previous
version kept) and re-runs the checks, so the list shows what is left to fix.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyapp.authoring.own_copy import OwnCopies, make_copy, with_source
from studyapp.authoring.saving import save_file
from studyapp.bank.loader import check_data
from studyapp.bank.results import RawProblem
from studyapp.ui.plain_text import window_title
from studyapp.ui.translation import plural_s, worded_text

LINE_ROLE = Qt.ItemDataRole.UserRole


class FileTextEditor(QDialog):
    """The text of ``path`` with its problems; ``saved(path)`` after each save."""

    saved = Signal(object)

    def __init__(self, path: Path, line: int, history_dir: Path, data_dir: Path | None = None,
                 parent: QWidget | None = None, copies: OwnCopies | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.copies = copies  # an installed bundled file is saved as a copy in the person's folder
        self.history_dir = history_dir
        self.data_dir = data_dir
        self.setWindowTitle(window_title(self.tr("{file} — question file text").format(file=path.name)))
        self.setAccessibleName(self.tr("Question file text editor"))
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Check result"))
        layout.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("File text"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems in this file"))
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(lambda item: self.go_to_line(int(item.data(LINE_ROLE))))
        self.problems.currentRowChanged.connect(self._row_chosen)
        split.addWidget(self.text)
        split.addWidget(self.problems)
        split.setStretchFactor(0, 3)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check"))
        self.history_button = QPushButton(self.tr("Earlier &versions…"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.check_button.clicked.connect(self.check)
        self.history_button.clicked.connect(self.show_versions)
        self.history_button.setEnabled(copies is None or not copies.redirects(path))  # never restored over
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self._read: bytes | None = None  # the bytes the text came from: a save never overwrites another change
        try:
            data = path.read_bytes()
            self._read = data
            self.text.setPlainText(data.decode("utf-8", "replace"))
        except OSError as exc:
            self.text.setPlainText("")
            self.status.setText(self.tr("Could not read {path}: {reason}").format(path=path, reason=exc.strerror or exc))
        self.check()
        self.go_to_line(line)
        self.resize(760, 680)

    def _show_text(self, text: str) -> None:
        """Put ``text`` in the editor when it differs, the cursor kept at its line."""
        if text != self.text.toPlainText():
            line = self.text.textCursor().blockNumber() + 1
            self.text.setPlainText(text)
            self.go_to_line(line)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` (1-based) and show it."""
        block = self.text.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.text.setFocus()

    def _row_chosen(self, row: int) -> None:
        item = self.problems.item(row)
        if item is not None:
            self.go_to_line(int(item.data(LINE_ROLE)))

    def current_problems(self) -> tuple[RawProblem, ...]:
        """What ``studyapp check`` says of the text as it stands in the editor."""
        return check_data(self.text.toPlainText().encode("utf-8"), self.path).problems

    def check(self) -> None:
        """Run the checks on the text and list the problems."""
        from studyapp.ui.plain_text import tooltip

        problems = self.current_problems()
        self.problems.blockSignals(True)
        self.problems.clear()
        for p in problems:
            self.problems.addItem(self.tr("line {line}, column {column}: {problem}").format(
                line=p.line, column=p.column, problem=worded_text(p)))
            item = self.problems.item(self.problems.count() - 1)
            item.setData(LINE_ROLE, p.line)
            item.setToolTip(tooltip(p.message))
        self.problems.blockSignals(False)
        self.status.setText(plural_s(self.tr("%n problem(s) left", "", len(problems)), len(problems))
                            if problems else self.tr("No problems: the file loads."))

    def show_versions(self) -> None:
        """The file's earlier versions; a restored one is shown here and checked."""
        from studyapp.ui.question_editor_history import HistoryDialog

        dialog = HistoryDialog(self.path, self.history_dir, self.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._restored)
        dialog.open()

    def _restored(self, path: Path) -> None:
        try:
            self._read = path.read_bytes()
            self.text.setPlainText(self._read.decode("utf-8", "replace"))
        except OSError:
            pass
        self.check()
        self.saved.emit(path)

    def save(self) -> None:
        """Write the text (problems or not: it is the person's own file), then check again."""
        from studyapp.ui import dialogs

        data = self.text.toPlainText().encode("utf-8")
        try:
            if self.copies is not None and self.copies.redirects(self.path) and self._read is not None:
                copy = make_copy(self.path, self._read, self.copies.own, self.data_dir)
                data = with_source(data, copy.article.name) if copy.article is not None else data
                self.path, self._read = copy.path, copy.data
                self.history_button.setEnabled(True)
                self._show_text(data.decode("utf-8"))  # ``source:`` now names the article beside the copy
            save_file(self.path, data, self.history_dir, data_dir=self.data_dir, expected=self._read)
        except OSError as exc:
            dialogs.warn(self, self.tr("File not saved"),
                         self.tr("Could not save {file}: {reason}").format(file=self.path.name, reason=exc))
            return
        self._read = data
        self.check()
        self.saved.emit(self.path)
