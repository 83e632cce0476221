"""File → New deck… and File → New question…: the small dialogs that start the editor.

"New deck" asks for a file name, a deck id, a title and the article (opened from a file or
pasted); the article is copied into the question folder beside the deck, ``source:`` names it,
and the editor opens on the deck's first question (the file is written when it is saved).
"New question" asks for the deck and one of the 8 types, then opens the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.authoring.draft import empty_draft
from studyapp.authoring.newdeck import FIRST_ID, article_name, deck_text, new_deck_problems, yaml_name
from studyapp.authoring.session import EditSession
from studyapp.bank.model import QuestionType
from studyapp.safe_write import WritePolicy, write_text
from studyapp.ui import dialogs
from studyapp.ui.translation import core_text

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow
    from studyapp.ui.question_editor import QuestionEditor


class NewQuestionDialog(QDialog):
    """Which deck, which type."""

    def __init__(self, deck_ids: list[str], current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New question"))
        form = QFormLayout(self)
        self.deck_box = QComboBox()
        self.deck_box.setAccessibleName(self.tr("Deck"))
        self.deck_box.addItems(deck_ids)
        if current in deck_ids:
            self.deck_box.setCurrentText(current)
        self.type_box = QComboBox()
        self.type_box.setAccessibleName(self.tr("Question type"))
        self.type_box.addItems([t.value for t in QuestionType])
        form.addRow(self.tr("Deck:"), self.deck_box)
        form.addRow(self.tr("Type:"), self.type_box)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)


class NewDeckDialog(QDialog):
    """File name, deck id, title and the article (from a file or pasted)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New deck"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file_name = QLineEdit()
        self.deck_id = QLineEdit()
        self.title_edit = QLineEdit()
        self.article = QPlainTextEdit()
        self.article.setPlaceholderText(self.tr("Paste the article here, or open it from a file."))
        self.open_article = QPushButton(self.tr("Open article file…"))
        for w, name in ((self.file_name, self.tr("File name")), (self.deck_id, self.tr("Deck id")),
                        (self.title_edit, self.tr("Title")), (self.article, self.tr("Article text"))):
            w.setAccessibleName(name)
        form.addRow(self.tr("File name:"), self.file_name)
        form.addRow(self.tr("Deck id:"), self.deck_id)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Article:"), self.open_article)
        layout.addLayout(form)
        layout.addWidget(self.article, 1)
        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.open_article.clicked.connect(self._open_article)
        self.deck_id.textEdited.connect(lambda t: self.file_name.setText(t) if not self.file_name.isModified() else None)

    def _open_article(self) -> None:
        path = dialogs.open_file(self, self.tr("Open article"), self.tr("Text files (*.txt *.md);;All files (*)"))
        if path is None:
            return
        try:
            self.article.setPlainText(path.read_text(encoding="utf-8").removeprefix("\ufeff"))
        except (OSError, UnicodeDecodeError) as exc:
            dialogs.warn(self, self.tr("Article not read"),
                         self.tr("Could not read {file} as UTF-8 text: {reason}").format(file=path.name, reason=exc))


def new_question_dialog(window: MainWindow) -> NewQuestionDialog | None:
    """File → New question…: choose deck and type, then the editor opens."""
    from studyapp.ui.question_editor_open import new_question

    ids = [d.id for d in window.bank.decks]
    if not ids:
        dialogs.inform(window, QCoreApplication.translate("NewQuestionDialog", "New question"),
                       QCoreApplication.translate("NewQuestionDialog", "There is no deck yet: make one with File → New deck… first."))
        return None
    dialog = NewQuestionDialog(ids, window.current_deck, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: new_question(window, dialog.deck_box.currentText(),
                                                 QuestionType(dialog.type_box.currentText())))
    dialog.open()
    return dialog


def new_deck_dialog(window: MainWindow) -> NewDeckDialog:
    """File → New deck…: the dialog; OK checks the names, copies the article and opens the editor."""
    dialog = NewDeckDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.buttons.accepted.connect(lambda: create_deck(window, dialog))
    dialog.open()
    return dialog


def create_deck(window: MainWindow, dialog: NewDeckDialog) -> QuestionEditor | None:
    """Check the dialog's choices; copy the article; open the editor on the first question."""
    from studyapp.ui.question_editor_open import _show

    folder = window.core.paths.questions
    name, deck_id = yaml_name(dialog.file_name.text()), dialog.deck_id.text().strip()
    title, article = dialog.title_edit.text(), dialog.article.toPlainText()
    problems = new_deck_problems(folder, dialog.file_name.text(), deck_id, title,
                                 {d.id for d in window.bank.decks}, article)
    dialog.problems.setText("\n".join(core_text(p) for p in problems))
    if problems:
        return None
    source = article_name(name) if article.strip() else None
    policy = WritePolicy(data_dirs=(window.core.paths.root,))
    try:
        if source is not None:
            write_text(folder / source, article, policy)
    except OSError as exc:
        dialog.problems.setText(dialog.tr("Could not copy the article: {reason}").format(reason=exc))
        return None
    session = EditSession(folder / name, deck_text(deck_id, title, source))
    dialog.accept()
    return _show(window, session, deck_id, FIRST_ID, empty_draft(QuestionType.CARD, FIRST_ID))
