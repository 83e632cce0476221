"""The results page of a quiz: score, time, a table of every answer, and what to do next."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from studyapp.ui.answer_inputs.base import chain_tab_order
from studyapp.ui.answer_texts import answer_details, answer_summary, expected_text
from studyapp.ui.answer_widgets import outcome_colour, outcome_word
from studyapp.ui.literal_text import LiteralText
from studyapp.ui.question_image import QuestionPicture
from studyapp.ui.theme import scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text, percent_shown, plural_s

#: Table cells show at most this much of a text; the table is a summary, the quiz showed it all.
_CELL_MAX = 300
COLUMNS = ("#", QT_TRANSLATE_NOOP("ResultsView", "Question"), QT_TRANSLATE_NOOP("ResultsView", "Your answer"),
           QT_TRANSLATE_NOOP("ResultsView", "Right answer"), QT_TRANSLATE_NOOP("ResultsView", "Result"))


def _cell(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _CELL_MAX else flat[: _CELL_MAX - 1] + "…"


def format_duration(elapsed: timedelta) -> str:
    """``"45 s"``, ``"3 min 12 s"``, ``"1 h 05 min"`` (numbers as the locale writes them)."""
    translate = QCoreApplication.translate
    seconds = max(0, round(elapsed.total_seconds()))
    if seconds < 60:
        return translate("ResultsView", "{seconds} s").format(seconds=number_text(seconds))
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return translate("ResultsView", "{minutes} min {seconds} s").format(
            minutes=number_text(minutes), seconds=_two_digits(seconds))
    hours, minutes = divmod(minutes, 60)
    return translate("ResultsView", "{hours} h {minutes} min").format(hours=number_text(hours), minutes=_two_digits(minutes))


def _two_digits(value: int) -> str:
    """``5`` as ``05``, in the locale's digits."""
    text = number_text(value)
    return text if value >= 10 else number_text(0) + text


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
        self.score_label.setAccessibleName(self.tr("Score"))
        self.time_label = QLabel(self)
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.time_label.setAccessibleName(self.tr("Time taken"))
        self.note_label = QLabel(self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Every answer"))
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
        self.details.setAccessibleName(self.tr("The selected answer in full"))
        self.picture = QuestionPicture(self, width=320, height=180)  # the selected question's picture
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))

        self.retry_button = QPushButton(self.tr("&Retry my mistakes"), self)
        self.retry_button.setAccessibleName(self.tr("Retry my mistakes"))
        self.retry_button.clicked.connect(self.retryRequested)
        self.new_button = QPushButton(self.tr("&New quiz"), self)
        self.new_button.setAccessibleName(self.tr("New quiz"))
        self.new_button.clicked.connect(self.newQuizRequested)
        self.home_button = QPushButton(self.tr("Hom&e"), self)
        self.home_button.setAccessibleName(self.tr("Home"))
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
            self.details.setText(answer_details(self._rows[row]))
            self.picture.show_question(self._rows[row].question)

    def show_result(self, result: QuizResult) -> None:
        """Fill the page from ``result``."""
        self.title_label.setText(self.tr("Quiz abandoned") if result.abandoned else self.tr("Quiz finished"))
        self.score_label.setText(self.tr("{right} / {total} right · {percent}").format(
            right=number_text(result.correct), total=number_text(result.total),
            percent=percent_shown(result.correct / result.total if result.total else 0.0)))
        self.time_label.setText(self.tr("Time taken: {duration}").format(duration=format_duration(result.elapsed)))
        if result.abandoned:
            n, total = result.answered, result.total
            if n == 0:
                note = plural_s(self.tr("You stopped before answering any of the %n question(s); no answer was recorded.",
                                        "", total), total)
            elif n == 1:
                note = self.tr("You stopped after 1 of {total} questions; the answer you gave is saved and counts "
                               "in your statistics.").format(total=number_text(total))
            else:
                note = self.tr("You stopped after %n of {total} questions; the answers you gave are saved and count "
                               "in your statistics.", "", n).format(total=number_text(total))
            self.note_label.setText(note)
        else:
            self.note_label.setText(self.tr("Every answer is saved."))
        mistakes = len(result.mistakes)
        self.retry_button.setEnabled(mistakes > 0)
        self.retry_button.setText(self.tr("&Retry my mistakes ({count})").format(count=number_text(mistakes))
                                  if mistakes else self.tr("&Retry my mistakes"))
        self.table.setRowCount(len(result.rows))
        for r, row in enumerate(result.rows):
            question = row.question
            cells = (number_text(row.number), question.front, answer_summary(row), expected_text(row),
                     outcome_word(row.outcome))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(_cell(text))
                if c == 4:
                    item.setForeground(QBrush(QColor(outcome_colour(row.outcome, self))))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._rows = result.rows
        self.details.setText(self.tr("Select an answer to read it in full here."))
        self.picture.show_question(None)
        (self.retry_button if mistakes else self.new_button).setFocus(Qt.FocusReason.OtherFocusReason)
