"""File → Import…: convert an Anki/Quizlet export, a GIFT file or an .apkg, preview it, then save.

Nothing is written until the author has seen the preview (every question that will be written)
and the problems (``path:line: message``, each one a skipped item). Save writes
``<deck id>.yaml`` into ``target_dir`` and emits ``saved(path)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.interop.fit import DECK_ID_RE, slugify
from studyapp.interop.importer import NAME_FILTER, fits_in_one_file, import_file, imported_text
from studyapp.interop.problems import Conversion
from studyapp.interop.yamlwrite import write_text_atomic
from studyapp.ui import dialogs
from studyapp.ui.draft_dialog import may_replace, question_line, report_written


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

        self.file_label = QLabel("No file chosen (Anki .apkg or text export, Quizlet export, Moodle GIFT)")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton("Choose file…")
        self.choose_button.clicked.connect(self.choose_file)
        self.deck_edit = QLineEdit()
        self.deck_edit.setPlaceholderText("lowercase-with-hyphens")
        self.title_edit = QLineEdit()
        self.deck_edit.textChanged.connect(self._update)
        self.title_edit.textChanged.connect(self._update)
        self.preview = QListWidget()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(150)
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow("File:", top)
        form.addRow("Deck id:", self.deck_edit)
        form.addRow("Title:", self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Questions to write:"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(QLabel("Problems (these items are skipped):"))
        layout.addWidget(self.problems)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._update()

    def choose_file(self) -> None:
        path = dialogs.open_file(self, "Import questions", NAME_FILTER)
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        """Convert ``path`` and show the preview and the problems."""
        self.source = path
        self.file_label.setText(str(path))
        if not self.deck_edit.text().strip():
            self.deck_edit.setText(slugify(path.stem, 40) or "imported")
        if not self.title_edit.text().strip():
            self.title_edit.setText(path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Imported")
        self.conversion = import_file(path, self.deck_edit.text().strip() or "imported")
        self.preview.clear()
        self.preview.addItems([question_line(q) for q in self.conversion.questions])
        self.problems.clear()
        self.problems.addItems([str(p) for p in self.conversion.problems])
        self._update()

    def _update(self) -> None:
        deck_ok = bool(DECK_ID_RE.match(self.deck_edit.text().strip()))
        n, m = len(self.conversion.questions), len(self.conversion.problems)
        self.save_button.setEnabled(n > 0 and deck_ok and bool(self.title_edit.text().strip()))
        if self.source is None:
            self.summary.setText("Choose a file to import.")
        else:
            note = "" if deck_ok else "; the deck id must be lowercase letters, digits and hyphens"
            self.summary.setText(f"{n} question{'s' if n != 1 else ''} to import, {m} problem{'s' if m != 1 else ''}{note}")

    def target_path(self) -> Path:
        return self.target_dir / f"{self.deck_edit.text().strip()}.yaml"

    def save(self) -> None:
        """Write the question file and close; stays open (with a message) when that fails."""
        if not self.save_button.isEnabled() or self.source is None:
            return
        deck_id = self.deck_edit.text().strip()
        text = imported_text(self.conversion, self.source.name, deck_id, self.title_edit.text().strip())
        if not fits_in_one_file(text):
            dialogs.warn(self, "Too large", "The question file would be larger than 1 MiB; split the export into smaller decks.")
            return
        target = self.target_path()
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
