"""The editor under the review list of a draft: why a question was proposed, its sentence, every field.

It shows one question at a time: why the drafter proposed it and the article's sentence it came
from (plain text), its prompt (a cloze's text), its choices one per line (choice and multi
questions), its answer, and Apply / Drop buttons. ``dirty`` says whether the fields differ from
the question shown, so the dialog can apply them before another row is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from studyapp.bank.model import AnyQuestion
from studyapp.interop.draft import why_proposed
from studyapp.interop.editing import answer_editable, answer_of, choices_of, edit_question, prompt_of


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class QuestionEditor(QWidget):
    """Every editable field of one drafted question, with why it was proposed and its sentence."""

    apply_requested = Signal()
    keep_toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: AnyQuestion | None = None
        self.why_label = _plain_label()
        self.quote_label = _plain_label()
        self.quote_label.setStyleSheet("color: #555;")
        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setMaximumHeight(90)
        self.choices_edit = QPlainTextEdit()
        self.choices_edit.setMaximumHeight(90)
        self.choices_edit.setPlaceholderText("one choice per line")
        self.answer_edit = QLineEdit()
        self.explanation_edit = QPlainTextEdit()
        self.explanation_edit.setMaximumHeight(60)
        self.apply_button = QPushButton("Apply edit")
        self.apply_button.clicked.connect(self.apply_requested)
        self.keep_button = QPushButton("Drop")
        self.keep_button.clicked.connect(self.keep_toggled)
        self.error_label = _plain_label()
        self.error_label.setStyleSheet("color: #b00020;")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Why proposed:", self.why_label)
        form.addRow("From the article:", self.quote_label)
        form.addRow("Prompt:", self.prompt_edit)
        form.addRow("Choices:", self.choices_edit)
        row = QHBoxLayout()
        row.addWidget(self.answer_edit, 1)
        row.addWidget(self.apply_button)
        row.addWidget(self.keep_button)
        form.addRow("Answer:", row)
        form.addRow("Explanation:", self.explanation_edit)
        form.addRow("", self.error_label)
        self.show_question(None, kept=True)

    def show_question(self, q: AnyQuestion | None, kept: bool) -> None:
        """Fill the fields from ``q`` (None: empty and disabled)."""
        self.question = q
        choices = choices_of(q) if q is not None else None
        self.why_label.setText(why_proposed(q) if q is not None else "")
        self.quote_label.setText(f"“{q.quote}”" if q is not None and q.quote else "")
        self.prompt_edit.setPlainText(prompt_of(q) if q is not None else "")
        self.choices_edit.setPlainText("\n".join(choices) if choices is not None else "")
        self.answer_edit.setText(answer_of(q) if q is not None else "")
        self.explanation_edit.setPlainText((q.explanation or "") if q is not None else "")
        self.prompt_edit.setEnabled(q is not None)
        self.explanation_edit.setEnabled(q is not None)
        self.choices_edit.setEnabled(choices is not None)
        self.answer_edit.setEnabled(q is not None and answer_editable(q))
        self.apply_button.setEnabled(q is not None)
        self.keep_button.setEnabled(q is not None)
        self.keep_button.setText("Drop" if kept else "Keep")
        self.error_label.setText("")

    def edited(self) -> AnyQuestion:
        """The shown question with the fields' values; raises ``EditError`` when they are invalid."""
        assert self.question is not None
        choices = self.choices_edit.toPlainText().splitlines() if choices_of(self.question) is not None else None
        return edit_question(self.question, self.prompt_edit.toPlainText(), self.answer_edit.text(), choices,
                             self.explanation_edit.toPlainText())

    @property
    def dirty(self) -> bool:
        """The fields differ from the question shown."""
        q = self.question
        if q is None:
            return False
        choices = choices_of(q)
        return (
            self.prompt_edit.toPlainText().strip() != prompt_of(q).strip()
            or self.answer_edit.text().strip() != answer_of(q).strip()
            or self.explanation_edit.toPlainText().strip() != (q.explanation or "").strip()
            or (choices is not None and [c.strip() for c in self.choices_edit.toPlainText().splitlines() if c.strip()]
                != list(choices))
        )
