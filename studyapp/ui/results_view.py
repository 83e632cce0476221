"""The results page of a quiz: score, time, a table of every answer, and what to do next."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.study.quiz_session import AnswerRow, QuizResult
from studyapp.percent import percent_text
from studyapp.ui.answer_inputs.base import chain_tab_order
from studyapp.ui.answer_widgets import outcome_colour, outcome_text
from studyapp.ui.literal_text import LiteralText
from studyapp.ui.question_image import QuestionPicture
from studyapp.ui.theme import scale_font

#: Table cells show at most this much of a text; the table is a summary, the quiz showed it all.
_CELL_MAX = 300
COLUMNS = ("#", "Question", "Your answer", "Right answer", "Result")


def _cell(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _CELL_MAX else flat[: _CELL_MAX - 1] + "…"


def format_duration(elapsed: timedelta) -> str:
    """``"45 s"``, ``"3 min 12 s"``, ``"1 h 05 min"``."""
    seconds = max(0, round(elapsed.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class ResultsView(QWidget):
    """Shows a ``QuizResult``; its buttons emit ``retryRequested``, ``newQuizRequested``, ``homeRequested``."""

    retryRequested = Signal()
    newQuizRequested = Signal()
    homeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        scale_font(self.title_label, 1.45)
        self.score_label = QLabel(self)
        self.score_label.setTextFormat(Qt.TextFormat.PlainText)
        scale_font(self.score_label, 1.8)
        self.score_label.setAccessibleName("Score")
        self.time_label = QLabel(self)
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.time_label.setAccessibleName("Time taken")
        self.note_label = QLabel(self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Every answer")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        # Wrapped cells need their height again whenever the columns get their real width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        # The table cuts long texts; the selected answer is shown here in full (a match
        # question's pairs one a line), so nothing is lost to "…".
        self._rows: tuple[AnswerRow, ...] = ()
        self.details = LiteralText(self)
        self.details.setAccessibleName("The selected answer in full")
        self.picture = QuestionPicture(self, width=320, height=180)  # the selected question's picture
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))

        self.retry_button = QPushButton("&Retry my mistakes", self)
        self.retry_button.setAccessibleName("Retry my mistakes")
        self.retry_button.clicked.connect(self.retryRequested)
        self.new_button = QPushButton("&New quiz", self)
        self.new_button.setAccessibleName("New quiz")
        self.new_button.clicked.connect(self.newQuizRequested)
        self.home_button = QPushButton("Hom&e", self)
        self.home_button.setAccessibleName("Home")
        self.home_button.clicked.connect(self.homeRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.score_label)
        layout.addWidget(self.time_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        details = QHBoxLayout()
        details.addWidget(self.details, 1)
        details.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(details)
        layout.addLayout(buttons)
        chain_tab_order([self.retry_button, self.new_button, self.home_button, self.table])

    def _show_details(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.details.setText(self._rows[row].details())
            self.picture.show_question(self._rows[row].question)

    def show_result(self, result: QuizResult) -> None:
        """Fill the page from ``result``."""
        self.title_label.setText("Quiz abandoned" if result.abandoned else "Quiz finished")
        self.score_label.setText(f"{result.correct} / {result.total} right · {percent_text(result.correct / result.total if result.total else 0.0)}")
        self.time_label.setText(f"Time taken: {format_duration(result.elapsed)}")
        if result.abandoned:
            n = result.answered
            self.note_label.setText(
                f"You stopped before answering any of the {result.total} questions; no answer was recorded."
                if n == 0 else
                f"You stopped after {n} of {result.total} questions; the answer{'s' if n != 1 else ''} "
                f"you gave {'are' if n != 1 else 'is'} saved and count{'' if n != 1 else 's'} in your statistics."
            )
        else:
            self.note_label.setText("Every answer is saved.")
        mistakes = len(result.mistakes)
        self.retry_button.setEnabled(mistakes > 0)
        self.retry_button.setText(f"&Retry my mistakes ({mistakes})" if mistakes else "&Retry my mistakes")
        self.table.setRowCount(len(result.rows))
        for r, row in enumerate(result.rows):
            question = row.question
            cells = (str(row.number), question.front, row.answer_summary, row.expected,
                     outcome_text(row.outcome).split(":")[0])
            for c, text in enumerate(cells):
                item = QTableWidgetItem(_cell(text))
                if c == 4:
                    item.setForeground(QBrush(QColor(outcome_colour(row.outcome, self))))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._rows = result.rows
        self.details.setText("Select an answer to read it in full here.")
        self.picture.show_question(None)
        (self.retry_button if mistakes else self.new_button).setFocus(Qt.FocusReason.OtherFocusReason)
