"""Input for a ``card`` inside a quiz: show the answer, then the user grades themself.

Before the answer is shown, Enter (or the button) reveals it; then "I knew it" (key 1) or
"I didn't" (key 2) sets the response (True / False) and asks the view to submit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studyapp.ui.answer_inputs.base import AnswerInput
from studyapp.ui.literal_text import LiteralText


class CardInput(AnswerInput):
    """``card``: reveal, then self-grade; the response is True for "I knew it"."""

    def __init__(self, answer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._response: bool | None = None
        self.reveal_button = QPushButton(self.tr("&Show answer"), self)
        self.reveal_button.setAccessibleName(self.tr("Show answer"))
        self.reveal_button.setToolTip(self.tr("Show the answer (Enter)"))
        self.reveal_button.clicked.connect(self.reveal)
        self.answer_frame = QFrame(self)
        self.answer_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.answer_label = LiteralText(self.answer_frame)
        self.answer_label.setText(answer)
        self.answer_label.setAccessibleName(self.tr("Answer"))
        self.knew = QPushButton(self.tr("1  I knew it"), self.answer_frame)
        self.knew.setAccessibleName(self.tr("I knew it"))
        self.knew.clicked.connect(lambda: self._grade(True))
        self.missed = QPushButton(self.tr("2  I didn't"), self.answer_frame)
        self.missed.setAccessibleName(self.tr("I didn't know it"))
        self.missed.clicked.connect(lambda: self._grade(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.knew)
        buttons.addWidget(self.missed)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.answer_frame)
        inner.addWidget(self.answer_label)
        inner.addLayout(buttons)
        self.answer_frame.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.answer_frame)

    @property
    def revealed(self) -> bool:
        return self.answer_frame.isVisibleTo(self)

    def reveal(self) -> None:
        """Show the answer and the two self-grading buttons."""
        self.reveal_button.hide()
        self.answer_frame.show()
        self.knew.setFocus(Qt.FocusReason.OtherFocusReason)

    def _grade(self, knew: bool) -> None:
        self._response = knew
        self.changed.emit()
        self.submitRequested.emit()

    def response(self) -> bool | None:
        return self._response

    def enter(self) -> bool:
        if not self.revealed:
            self.reveal()
            return True
        return False

    def pick(self, number: int) -> bool:
        if not self.revealed or not self.knew.isEnabled() or number not in (1, 2):
            return False
        self._grade(number == 1)
        return True

    def set_locked(self, locked: bool) -> None:
        self.knew.setEnabled(not locked)
        self.missed.setEnabled(not locked)
        self.reveal_button.setEnabled(not locked)

    def focus_first(self) -> None:
        (self.knew if self.revealed else self.reveal_button).setFocus(Qt.FocusReason.OtherFocusReason)
