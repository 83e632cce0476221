"""File → Export…: a deck to any format of ``studyapp.interop.exports.EXPORT_FORMATS``.

The person picks a deck and a format, then a file name. An existing file is replaced only after
a yes; studyapp's own data files (the database, its backups, the lock) are never a target,
whatever the answer (``studyapp.safe_write``). The file is written on a worker thread
(:class:`BackgroundTask`) with a busy bar and Cancel (which stops it before the file is
written). Afterwards the dialog says what was written and lists, as plain text, every question
that could not go, with its line.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.bank.model import Bank, Deck
from studyapp.interop.exports import EXPORT_FORMATS, ExportCancelled, ExportFormat, ExportJob, ExportOutcome
from studyapp.paths import DataPaths
from studyapp.safe_write import WritePolicy, WriteRefused, check_target
from studyapp.store import Store
from studyapp.ui import dialogs
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text

translate = QCoreApplication.translate


def _run(job: ExportJob, fmt: ExportFormat, cancel: threading.Event) -> ExportOutcome | str:
    """The worker's part: the outcome, or one line saying why nothing was written."""
    try:
        return fmt.run(ExportJob(job.deck, job.target, job.policy, job.history, cancel))
    except ExportCancelled:
        return translate("ExportDialog", "Cancelled; nothing was written.")
    except WriteRefused as exc:
        return translate("ExportDialog", "Nothing written: {reason}").format(reason=exc)
    except OSError as exc:
        return translate("ExportDialog", "Could not write {target}: {reason}; nothing was changed.").format(
            target=job.target, reason=exc.strerror or exc)


#: The export formats' names (``interop.exports.EXPORT_FORMATS`` labels), for the translators.
FORMAT_LABELS = (QT_TRANSLATE_NOOP("ExportDialog", "Anki package"), QT_TRANSLATE_NOOP("ExportDialog", "Moodle GIFT"),
                 QT_TRANSLATE_NOOP("ExportDialog", "Answer history CSV"),
                 QT_TRANSLATE_NOOP("ExportDialog", "Questions CSV (every field)"))
_UNITS = (QT_TRANSLATE_NOOP("ExportDialog", "questions"), QT_TRANSLATE_NOOP("ExportDialog", "answers"))


def outcome_text(outcome: ExportOutcome, target: Path) -> str:
    """What an export did, in the person's language (``ExportOutcome.summary`` is the command line's)."""
    unit = translate("ExportDialog", outcome.unit)
    if not outcome.wrote_file:
        return translate("ExportDialog", "Nothing written to {target}: none of the {total} {unit} could be exported.").format(
            target=target, total=number_text(outcome.total), unit=unit)
    return translate("ExportDialog", "Exported {written} of {total} {unit} to {target}.").format(
        written=number_text(outcome.written), total=number_text(outcome.total), unit=unit, target=target)


class ExportDialog(QDialog):
    """Choose a deck and a format, then a file; report what went out and what could not."""

    exported = Signal(object)  # the Path written

    def __init__(self, bank: Bank, paths: DataPaths, store: Store | None, current: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a deck"))
        self.resize(760, 480)
        self.bank, self.paths, self.store = bank, paths, store
        self.deck_box = QComboBox()
        for deck in bank.decks:
            self.deck_box.addItem(f"{deck.title} ({deck.id})", deck.id)
        if current is not None and (i := self.deck_box.findData(current)) >= 0:
            self.deck_box.setCurrentIndex(i)
        self.format_box = QComboBox()
        for fmt in EXPORT_FORMATS:
            self.format_box.addItem(f"{self.tr(fmt.label)} ({fmt.suffix})", fmt.key)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.choose_target)
        self.export_button.setEnabled(bool(bank.decks))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName(self.tr("Exporting"))
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.clicked.connect(self.cancel_export)
        self.summary = QLabel(self.tr("Choose a deck and a format.") if bank.decks
                              else self.tr("No deck is loaded: nothing to export."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.left_out = QListWidget()
        self.task = BackgroundTask(self)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(lambda error: self._show(self.tr("Could not export ({error}).").format(error=error)))
        self.target: Path | None = None

        form = QFormLayout()
        form.addRow(self.tr("Deck:"), self.deck_box)
        form.addRow(self.tr("Format:"), self.format_box)
        busy = QHBoxLayout()
        busy.addWidget(self.busy_bar, 1)
        busy.addWidget(self.cancel_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(busy)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Not exported:")))
        layout.addWidget(self.left_out, 1)
        layout.addWidget(buttons)
        self._set_busy(False)

    def deck(self) -> Deck | None:
        return self.bank.deck(str(self.deck_box.currentData()))

    def format(self) -> ExportFormat:
        return next(f for f in EXPORT_FORMATS if f.key == self.format_box.currentData())

    def choose_target(self) -> None:
        """Ask for a file name, then export to it."""
        deck, fmt = self.deck(), self.format()
        if deck is None:
            return
        start = deck.path.parent / f"{deck.id}{fmt.suffix}"
        path = dialogs.save_file(self, self.tr("Export a deck"), fmt.name_filter, start, confirm_overwrite=False)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Export the chosen deck to ``path`` (asking before replacing a file); False when not started."""
        deck, fmt = self.deck(), self.format()
        if deck is None or self.task.running:
            return False
        if not path.suffix:
            path = path.with_suffix(fmt.suffix)
        data_dirs = (self.paths.root,)
        try:  # studyapp's own files, or a folder: refused before anything is asked
            check_target(path, WritePolicy(data_dirs, replace_existing=True))
        except WriteRefused as exc:
            dialogs.warn(self, self.tr("Cannot write there"), str(exc))
            return False
        replace = path.exists()
        if replace and not dialogs.confirm(self, self.tr("Replace file?"),
                                           self.tr("{path} already exists. Replace it?").format(path=path)):
            return False
        history: list[tuple[str, ...]] = []
        if fmt.needs_history and self.store is not None:
            from studyapp.interop.csvexport import history_rows

            history = history_rows(self.store, deck.id, deck)  # on this thread: the connection is its own
        job = ExportJob(deck, path, WritePolicy(data_dirs, replace_existing=replace), history)
        self.target = path
        self.left_out.clear()
        self._set_busy(True)
        self.summary.setText(self.tr("Exporting '{deck}' to {path}…").format(deck=deck.id, path=path))
        self.task.start(lambda cancel: _run(job, fmt, cancel), name="studyapp-export")
        return True

    def cancel_export(self) -> None:
        """Stop the export before its file is written."""
        if self.task.running:
            self.task.cancel()
            self._show(self.tr("Export cancelled; nothing was written."))

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy and bool(self.bank.decks))
        self.deck_box.setEnabled(not busy)
        self.format_box.setEnabled(not busy)

    def _show(self, text: str) -> None:
        self._set_busy(False)
        self.summary.setText(text)

    def _finished(self, result: ExportOutcome | str) -> None:
        if isinstance(result, str):
            self._show(result)
            return
        assert self.target is not None
        self._show(outcome_text(result, self.target))
        self.left_out.addItems(list(result.left_out))
        if result.wrote_file:
            self.exported.emit(self.target)

    def done(self, result: int) -> None:
        """Closing the dialog stops an export still running (before it writes)."""
        self.task.cancel()
        super().done(result)
