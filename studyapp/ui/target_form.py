"""What the draft and import dialogs share: the target form (file row, deck id, title, Save) and
the questions asked around writing a deck file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from studyapp.bank.loader import check_file
from studyapp.interop.draftfile import is_previous_output
from studyapp.interop.fit import DECK_ID_RE, slugify
from studyapp.ui import dialogs
from studyapp.ui.translation import problem_line


translate = QCoreApplication.translate


def may_replace(parent: QWidget, path: Path) -> bool:
    """Ask before replacing a file; refuse to replace one studyapp did not write."""
    if not path.exists():
        return True
    if not is_previous_output(path):
        dialogs.warn(parent, translate("TargetForm", "File exists"),
                     translate("TargetForm", "{path} already exists and was not written by studyapp.\n"
                               "Choose another deck id.").format(path=path))
        return False
    return dialogs.confirm(parent, translate("TargetForm", "Replace file?"),
                           translate("TargetForm", "{path} already exists. Replace it?").format(path=path))


def report_written(parent: QWidget, path: Path) -> bool:
    """Load the written file like the app will; warn (and say False) if the loader finds anything."""
    _, problems = check_file(path)
    if problems:
        dialogs.warn(parent, translate("TargetForm", "Problems in the new file"),
                     "\n".join(problem_line(p) for p in problems[:20]))
        return False
    return True


class TargetForm:
    """What the draft and import dialogs share: a file row with a chooser, deck id and title
    fields, a summary line and Save/Cancel. Deck id and title default from the chosen file's name."""

    def __init__(self, dialog: QDialog, what: str, choose_text: str, empty: str, choose: Callable[[], None],
                 changed: Callable[[], None], save: Callable[[], None]) -> None:
        self.what = what  # the file row's label ("Article:"), translated
        self.label = QLabel(empty)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton(choose_text)
        self.choose_button.clicked.connect(choose)
        self.deck_edit = QLineEdit()
        self.deck_edit.setPlaceholderText(translate("TargetForm", "lowercase-with-hyphens"))
        self.title_edit = QLineEdit()
        self.deck_edit.textChanged.connect(changed)
        self.title_edit.textChanged.connect(changed)
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(save)
        self.buttons.rejected.connect(dialog.reject)

    def form(self) -> QFormLayout:
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.what, row)
        form.addRow(translate("TargetForm", "Deck id:"), self.deck_edit)
        form.addRow(translate("TargetForm", "Title:"), self.title_edit)
        return form

    def chosen(self, path: Path, fallback: str, title: str | None = None) -> None:
        """Show ``path``; fill an empty deck id from its name and an empty title from ``title`` (the
        article's heading) or else from its name."""
        self.label.setText(str(path))
        if not self.deck_edit.text().strip():
            self.deck_edit.setText(slugify(path.stem, 40) or fallback)
        if not self.title_edit.text().strip():
            self.title_edit.setText(title or path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
                                    or fallback.capitalize())

    @property
    def deck_id(self) -> str:
        return self.deck_edit.text().strip()

    @property
    def title(self) -> str:
        return self.title_edit.text().strip()

    def deck_ok(self) -> bool:
        return bool(DECK_ID_RE.match(self.deck_id))

    def target(self, target_dir: Path) -> Path:
        return target_dir / f"{self.deck_id}.yaml"
