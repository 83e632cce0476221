"""The browser's preview of the selected question: its prompt, its answer and its picture.

Shown under the browser's table; filled from the current row's question (nothing is read from
the file but the picture, through the bounded reader). All text is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studyapp.bank.model import AnyQuestion
from studyapp.ui.answer_texts import answer_text
from studyapp.ui.question_image import QuestionPicture

_MAX_SHOWN = 600  # characters of a prompt or answer shown in the preview (the editor shows all)


def _shortened(text: str) -> str:
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


class QuestionPreview(QWidget):
    """Prompt, answer and picture of one question (``show_question``; None clears it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browser-preview")
        self.setAccessibleName(self.tr("Preview of the selected question"))
        self.prompt = QLabel(self)
        self.answer = QLabel(self)
        for label, name in ((self.prompt, self.tr("Preview prompt")), (self.answer, self.tr("Preview answer"))):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setAccessibleName(name)
        self.picture = QuestionPicture(self, width=260, height=150)
        texts = QVBoxLayout()
        texts.addWidget(self.prompt)
        texts.addWidget(self.answer)
        texts.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(texts, 1)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        self.show_question(None)

    def show_question(self, question: AnyQuestion | None) -> None:
        """Fill the preview from ``question``."""
        self.prompt.setText(_shortened(question.front) if question is not None else self.tr("Select a question to preview it here."))
        self.answer.setText(_shortened(self.tr("Answer: {answer}").format(answer=answer_text(question)))
                            if question is not None else "")
        self.answer.setVisible(question is not None)
        self.picture.show_question(question)
