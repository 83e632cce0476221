"""File → Import…: convert an Anki/Quizlet export, a GIFT file or an .apkg, preview it, then save.

Nothing is written until the author has seen the preview (every question that will be written)
and the problems (``path:line: message``: a skipped item, or content plain text cannot hold).
A file that cannot be used (empty, an image, too large to become one question file) says so in
the summary at once, with Save disabled. The separators of a text export can be chosen (Quizlet
lets the exporter pick them); by default they are detected. Choosing another file derives the
deck id and title anew. Save writes ``<deck id>.yaml`` into ``target_dir`` and emits
``saved(path)``; the main window then selects the new deck.

The file is read on a worker thread (:class:`BackgroundTask`): a busy bar and "Cancel reading"
show meanwhile, and the window keeps answering; Cancel stops the reader through the same flag
SQLite's progress handler checks. Everything shown from the file (names, questions, problems)
is plain text: labels are set to ``PlainText``, list items are never rich, tooltips are escaped.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.bank.model import AnyQuestion
from studyapp.interop.importer import NAME_FILTER, fits_in_one_file, import_file, imported_text, write_media
from studyapp.interop.problems import Conversion, InteropProblem
from studyapp.interop.textrows import TextOptions, separator
from studyapp.interop.yamlwrite import MAX_FILE_BYTES, write_text_atomic
from studyapp.ui import dialogs
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.draft_dialog import TargetForm, may_replace, report_written
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text, plural_s, worded_text

DETECT = QT_TRANSLATE_NOOP("ImportDialog", "Detect")
FIELD_SEPARATORS = (DETECT, QT_TRANSLATE_NOOP("ImportDialog", "Tab"), QT_TRANSLATE_NOOP("ImportDialog", "Comma"),
                    QT_TRANSLATE_NOOP("ImportDialog", "Semicolon"))
ROW_SEPARATORS = (DETECT, QT_TRANSLATE_NOOP("ImportDialog", "New line"), QT_TRANSLATE_NOOP("ImportDialog", "Semicolon"))
TOO_LARGE = QT_TRANSLATE_NOOP("ImportDialog", "The question file would be larger than 1 MiB; split the export into smaller decks.")


def preview_line(q: AnyQuestion) -> str:
    """One list row per question: ``[type] answer  ·  front``, line breaks shown as ⏎."""
    def flat(text: str) -> str:
        return " ⏎ ".join(" ".join(part.split()) for part in text.strip().splitlines())

    return f"[{q.type}] {flat(q.answer_text)}  ·  {flat(q.front)}"


def _read(path: Path, deck: str, options: TextOptions, cancel: threading.Event) -> tuple[Conversion, bool]:
    """The worker's part: convert the file, and whether its questions fit in one question file."""
    conversion = import_file(path, deck, cancel, options)
    # The questions' own text is a lower bound of the file's size: over the limit, skip the dump.
    least = sum(len(q.front.encode("utf-8")) + len(q.answer_text.encode("utf-8")) for q in conversion.questions)
    if least > MAX_FILE_BYTES:
        return conversion, False
    fits = not conversion.questions or fits_in_one_file(imported_text(conversion, path.name, deck, deck))
    return conversion, fits


def problem_text(problem: InteropProblem) -> str:
    """``path:line: message`` with the message in the window's language."""
    return problem.located(worded_text(problem))


def _plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (tooltips guess rich text and have no plain switch)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def _fill(view: QListWidget, lines: list[str]) -> None:
    view.clear()
    view.addItems(lines)
    for i, line in enumerate(lines):
        view.item(i).setToolTip(_plain_tooltip(line))


class ImportDialog(QDialog):
    """Preview an import and its problems before writing the question file."""

    saved = Signal(object)  # the Path written

    def __init__(self, target_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import questions"))
        self.resize(860, 600)
        self.target_dir = target_dir
        self.source: Path | None = None
        self.conversion = Conversion()

        self.target = TargetForm(self, self.tr("File:"), self.tr("Choose file…"), self.tr("No file chosen (Anki .apkg or text export, Quizlet export, Moodle GIFT)"),
                                 self.choose_file, self._update, self.save)
        self.file_label, self.choose_button = self.target.label, self.target.choose_button
        self.deck_edit, self.title_edit = self.target.deck_edit, self.target.title_edit
        self.summary, self.save_button = self.target.summary, self.target.save_button
        self.summary.setWordWrap(True)  # it may quote a long path and reason
        self.field_sep = self._separator_box(FIELD_SEPARATORS, self.tr("Between front and back"))
        self.row_sep = self._separator_box(ROW_SEPARATORS, self.tr("Between rows"))
        self.fits = True
        self.preview = QListWidget()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(150)
        self.task = BackgroundTask(self)
        self.task.finished.connect(self._loaded)
        self.task.failed.connect(self._load_failed)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # how long a file takes is unknown: a busy bar
        self.busy_bar.setAccessibleName(self.tr("Reading the file"))
        self.cancel_button = QPushButton(self.tr("Cancel reading"))
        self.cancel_button.clicked.connect(self.cancel_reading)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_bar, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy_bar.hide()
        self.cancel_button.hide()
        self.status = ""  # what the summary says instead of the counts (reading, cancelled, unusable)

        layout = QVBoxLayout(self)
        form = self.target.form()
        seps = QHBoxLayout()
        seps.addWidget(QLabel(self.tr("between front and back:")))
        seps.addWidget(self.field_sep)
        seps.addWidget(QLabel(self.tr("between rows:")))
        seps.addWidget(self.row_sep)
        seps.addStretch(1)
        form.addRow(self.tr("Separators (text files):"), seps)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Questions to write:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(QLabel(self.tr("Problems (items skipped, and content not carried over):")))
        layout.addWidget(self.problems)
        layout.addLayout(busy_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.target.buttons)
        self._update()

    def _separator_box(self, names: tuple[str, ...], accessible: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)  # any text, as Quizlet's "custom" separator
        for name in names:  # shown in the person's language, read back by its English name
            box.addItem(self.tr(name), name)
        box.setAccessibleName(accessible)
        box.setToolTip(self.tr("Detect, a name, or the separator itself (\\t for a tab)"))
        box.activated.connect(lambda _index: self._reload())
        line = box.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._reload)
        return box

    def options(self) -> TextOptions:
        """The separators chosen (None where "Detect"); raises ValueError for an empty one."""
        def chosen(box: QComboBox) -> str | None:
            text = box.currentText()
            index = box.findText(text)
            if index >= 0 and box.itemData(index):
                text = str(box.itemData(index))  # a name from the list: its English name
            return None if text.strip().lower() in ("", DETECT.lower()) and text != " " else separator(text)

        return TextOptions(chosen(self.field_sep), chosen(self.row_sep))

    def _reload(self) -> None:
        if self.source is not None and not self.task.running:
            self.load_file(self.source, keep_names=True)

    def choose_file(self) -> None:
        path = dialogs.open_file(self, self.tr("Import questions"), NAME_FILTER)
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path, *, keep_names: bool = False) -> None:
        """Read ``path`` on a worker thread; the preview and problems appear when it is done.

        Another file gets its own deck id and title (``keep_names``: the same file read again)."""
        if not keep_names:
            self.deck_edit.clear()
            self.title_edit.clear()
        self.source = path
        self.target.chosen(path, "imported")
        self.conversion = Conversion()
        self.fits = True
        _fill(self.preview, [])
        _fill(self.problems, [])
        deck = self.target.deck_id if self.target.deck_ok() else "imported"
        try:
            options = self.options()
        except ValueError as exc:
            self._set_busy(False, self.tr("Separator: {problem}").format(problem=exc))
            return
        self._set_busy(True, self.tr("Reading {name}…").format(name=path.name))
        self.task.start(lambda cancel: _read(path, deck, options, cancel), name="studyapp-import")

    def cancel_reading(self) -> None:
        """Stop reading the chosen file; nothing of it is kept."""
        if not self.task.running:
            return
        self.task.cancel()
        self.source = None
        self._set_busy(False, self.tr("Reading cancelled; choose a file to import."))

    def _set_busy(self, busy: bool, status: str) -> None:
        self.busy_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.choose_button.setEnabled(not busy)
        self.status = status
        self._update()

    def _loaded(self, result: tuple[Conversion, bool]) -> None:
        conversion, self.fits = result
        self.conversion = conversion
        _fill(self.preview, [preview_line(q) for q in conversion.questions])
        _fill(self.problems, [problem_text(p) for p in conversion.problems])
        # A file that cannot be used at all says so in one line instead of "0 questions".
        status = problem_text(conversion.problems[0]) if conversion.failed else ""
        if not self.fits:
            n = len(conversion.questions)
            status = self.tr("{count} questions: too many for one question file (at most 1 MiB); split the export "
                             "into smaller decks.").format(count=number_text(n))
        self._set_busy(False, status)

    def _load_failed(self, error: str) -> None:
        self.source = None
        self._set_busy(False, self.tr("Could not read the file ({error})").format(error=error))

    def _update(self) -> None:
        deck_ok = self.target.deck_ok()
        n, m = len(self.conversion.questions), len(self.conversion.problems)
        self.save_button.setEnabled(n > 0 and self.fits and deck_ok and bool(self.target.title) and not self.task.running)
        if self.status:
            self.summary.setText(self.status)
        elif self.source is None:
            self.summary.setText(self.tr("Choose a file to import."))
        else:
            note = "" if deck_ok else self.tr("; the deck id must be lowercase letters, digits and hyphens")
            questions = plural_s(self.tr("%n question(s) to import", "", n), n)
            problems = plural_s(self.tr("%n problem(s)", "", m), m)
            self.summary.setText(f"{questions}, {problems}{note}")

    def done(self, result: int) -> None:
        """Closing the dialog (Save, Cancel, Esc, the window's close button) stops a read still running."""
        self.task.cancel()
        super().done(result)

    def save(self) -> None:
        """Write the question file and close; stays open (with a message) when that fails."""
        if not self.save_button.isEnabled() or self.source is None or self.task.running:
            return
        text = imported_text(self.conversion, self.source.name, self.target.deck_id, self.target.title)
        if not fits_in_one_file(text):
            dialogs.warn(self, self.tr("Too large"), self.tr(TOO_LARGE))
            return
        target = self.target.target(self.target_dir)
        if not may_replace(self, target):
            return
        try:
            placed = write_media(self.conversion, target)  # the package's pictures, into media/ beside it
            text = imported_text(placed, self.source.name, self.target.deck_id, self.target.title)
            write_text_atomic(target, text)
        except OSError as exc:
            dialogs.warn(self, self.tr("Could not save"), f"{target}: {exc.strerror or exc}")
            return
        report_written(self, target)
        self.saved.emit(target)
        self.accept()
