"""File → Import…: convert an Anki/Quizlet export, a GIFT file or an .apkg, preview it, then save.

Nothing is written until the author has seen the preview (every question that will be written)
and the problems (``path:line: message``, each one a skipped item). Save writes
``<deck id>.yaml`` into ``target_dir`` and emits ``saved(path)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from studyapp.interop.importer import NAME_FILTER, fits_in_one_file, import_file, imported_text
from studyapp.interop.problems import Conversion
from studyapp.interop.yamlwrite import write_text_atomic
from studyapp.ui import dialogs
from studyapp.ui.draft_dialog import TargetForm, may_replace, question_line, report_written


class ImportDialog(QDialog):
    """Preview an import and its problems before writing the question file."""

    saved = Signal(object)  # the Path written

    def __init__(self, target_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import questions")
        self.resize(860, 600)
        self.target_dir = target_dir
        self.source: Path | None = None
        self.conversion = Conversion()

        self.target = TargetForm(self, "File", "No file chosen (Anki .apkg or text export, Quizlet export, Moodle GIFT)",
                                 self.choose_file, self._update, self.save)
        self.file_label, self.choose_button = self.target.label, self.target.choose_button
        self.deck_edit, self.title_edit = self.target.deck_edit, self.target.title_edit
        self.summary, self.save_button = self.target.summary, self.target.save_button
        self.preview = QListWidget()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(150)

        layout = QVBoxLayout(self)
        layout.addLayout(self.target.form())
        layout.addWidget(QLabel("Questions to write:"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(QLabel("Problems (these items are skipped):"))
        layout.addWidget(self.problems)
        layout.addWidget(self.summary)
        layout.addWidget(self.target.buttons)
        self._update()

    def choose_file(self) -> None:
        path = dialogs.open_file(self, "Import questions", NAME_FILTER)
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        """Convert ``path`` and show the preview and the problems."""
        self.source = path
        self.target.chosen(path, "imported")
        self.conversion = import_file(path, self.target.deck_id or "imported")
        self.preview.clear()
        self.preview.addItems([question_line(q) for q in self.conversion.questions])
        self.problems.clear()
        self.problems.addItems([str(p) for p in self.conversion.problems])
        self._update()

    def _update(self) -> None:
        deck_ok = self.target.deck_ok()
        n, m = len(self.conversion.questions), len(self.conversion.problems)
        self.save_button.setEnabled(n > 0 and deck_ok and bool(self.target.title))
        if self.source is None:
            self.summary.setText("Choose a file to import.")
        else:
            note = "" if deck_ok else "; the deck id must be lowercase letters, digits and hyphens"
            self.summary.setText(f"{n} question{'s' if n != 1 else ''} to import, {m} problem{'s' if m != 1 else ''}{note}")

    def save(self) -> None:
        """Write the question file and close; stays open (with a message) when that fails."""
        if not self.save_button.isEnabled() or self.source is None:
            return
        text = imported_text(self.conversion, self.source.name, self.target.deck_id, self.target.title)
        if not fits_in_one_file(text):
            dialogs.warn(self, "Too large", "The question file would be larger than 1 MiB; split the export into smaller decks.")
            return
        target = self.target.target(self.target_dir)
        if not may_replace(self, target):
            return
        try:
            write_text_atomic(target, text)
        except OSError as exc:
            dialogs.warn(self, "Could not save", f"{target}: {exc.strerror or exc}")
            return
        report_written(self, target)
        self.saved.emit(target)
        self.accept()
