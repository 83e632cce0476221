"""The quiz screen: renders a ``QuizSession`` one question at a time and forwards the user's actions.

The session (``studyapp.study.quiz_session``) decides everything: what is asked, how it is
graded, what is recorded. This view shows its state and calls ``submit`` / ``next`` /
``abandon``. Keys: digits pick choices, Enter submits and then goes on, Esc asks before
abandoning. When the quiz ends the results page (``ResultsView``) is shown in place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.bank.model import QuestionType
from studyapp.grading import MatchDetails, OrderDetails
from studyapp.study.quiz_session import Feedback, QuizSession, QuizState
from studyapp.ui import dialogs
from studyapp.ui.answer_inputs.arrange import MatchInput, OrderInput
from studyapp.ui.answer_inputs.choices import ChoiceInput, MultiInput, TrueFalseInput
from studyapp.ui.answer_widgets import AnswerInput, FeedbackPanel, make_answer_input
from studyapp.ui.answer_inputs.base import ErrorBanner, chain_tab_order, hint_label, plain_label, pressable_button, scroll_page
from studyapp.ui.literal_text import LiteralText
from studyapp.ui.question_image import QuestionPicture
from studyapp.ui.results_view import ResultsView
from studyapp.ui.save_guard import save_or_report
from studyapp.ui.theme import scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text, plural_s

#: A line under the prompt telling how to answer each type.
HOW_TO_ANSWER = {
    QuestionType.CHOICE: QT_TRANSLATE_NOOP("QuizView", "Choose one answer (keys 1–9), then press Enter."),
    QuestionType.MULTI: QT_TRANSLATE_NOOP("QuizView", "Tick every right answer (keys 1–9 toggle), then press Enter."),
    QuestionType.TRUEFALSE: QT_TRANSLATE_NOOP("QuizView", "True (1) or false (2)? Then press Enter."),
    QuestionType.TEXT: QT_TRANSLATE_NOOP("QuizView", "Type the answer, then press Enter."),
    QuestionType.CLOZE: QT_TRANSLATE_NOOP("QuizView", "Fill in the gaps (Tab moves to the next one), then press Enter."),
    QuestionType.ORDER: QT_TRANSLATE_NOOP("QuizView", "Put the items in the right order, then press Enter."),
    QuestionType.MATCH: QT_TRANSLATE_NOOP("QuizView", "Choose the match for each item, then press Enter."),
    QuestionType.CARD: QT_TRANSLATE_NOOP(
        "QuizView", "Think of the answer, press Enter to see it, then say if you knew it (1 or 2)."),
}

#: Shown when abandoning a quiz cannot be saved; ``{exc}`` is the error's text.
_CLOSE_FAILED = QT_TRANSLATE_NOOP("QuizView", "The quiz could not be closed ({exc}); your answers are saved.")


class QuizView(QWidget):
    """Takes a quiz: ``start(session)``; emits navigation requests for the main window to act on."""

    showInArticle = Signal(str, str)  # deck id, quote
    homeRequested = Signal()
    newQuizRequested = Signal()
    # The page's scroll area; the name hides QWidget.scroll(dx, dy), which studyapp never calls.
    scroll: QScrollArea  # type: ignore[assignment]
    retryRequested = Signal(object)  # a studyapp.study.quiz.Quiz of the mistakes
    editRequested = Signal(str, str)  # deck id, question id: "Edit this question" in the feedback

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: QuizSession | None = None
        self.input: AnswerInput | None = None
        self.setAccessibleName(self.tr("Quiz"))

        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("Question %v of %m"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.score_label = QLabel(self)
        self.score_label.setTextFormat(Qt.TextFormat.PlainText)
        self.score_label.setAccessibleName(self.tr("Running score"))
        header = QHBoxLayout()
        header.addWidget(self.progress, 1)
        header.addWidget(self.score_label)

        self.how_label = hint_label(self)
        self.prompt_label = LiteralText(self)  # a long prompt scrolls in a plain-text view
        self.prompt_label.setAccessibleName(self.tr("Question"))
        scale_font(self.prompt_label, 1.25, bold=False)
        self.picture = QuestionPicture(self)
        self.input_holder = QVBoxLayout()
        self.feedback = FeedbackPanel(self)
        self.feedback.showInArticle.connect(self.showInArticle)
        self.feedback.editRequested.connect(self.editRequested)
        self.feedback.hide()
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.prompt_label)
        page_layout.addWidget(self.picture)
        page_layout.addWidget(self.how_label)
        page_layout.addLayout(self.input_holder)
        page_layout.addWidget(self.feedback)
        page_layout.addStretch(1)
        self.scroll = scroll_page(page, self)

        self.error_label = ErrorBanner(self)
        self.quit_button = QPushButton(self.tr("&Quit quiz"), self)
        self.quit_button.setAccessibleName(self.tr("Quit quiz"))
        self.quit_button.setToolTip(self.tr("Stop the quiz here (Esc); your answers so far are kept"))
        self.quit_button.clicked.connect(self.ask_abandon)
        self.primary = QPushButton(self.tr("&Submit"), self)
        self.primary.setAccessibleName(self.tr("Submit"))
        self.primary.clicked.connect(self._primary_action)
        footer = QHBoxLayout()
        footer.addWidget(self.quit_button)
        footer.addStretch(1)
        footer.addWidget(self.primary)

        question_page = QWidget(self)
        q_layout = QVBoxLayout(question_page)
        q_layout.addLayout(header)
        q_layout.addWidget(self.scroll, 1)
        q_layout.addWidget(self.error_label)
        q_layout.addLayout(footer)

        self.results = ResultsView(self)
        self.results.homeRequested.connect(self.homeRequested)
        self.results.newQuizRequested.connect(self.newQuizRequested)
        self.results.retryRequested.connect(self._retry)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(question_page)
        self.stack.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- driving the session -------------------------------------------------------------

    def start(self, session: QuizSession) -> None:
        """Show ``session`` (starting it if it is not started yet); a quiz left unfinished here is abandoned."""
        if self.session is not None and self.session is not session:
            self.stop()
        self.session = session
        self.stack.setCurrentIndex(0)
        self.error_label.hide()
        if session.state is QuizState.READY:
            if not save_or_report(self.error_label, session.start, self.tr("The quiz cannot start: {exc}.")):
                return
        self._render()

    def _render(self) -> None:
        """Show whatever state the session is in."""
        session = self.session
        if session is None:
            return
        if session.state in (QuizState.FINISHED, QuizState.ABANDONED):
            self.results.show_result(session.result())
            self.stack.setCurrentWidget(self.results)
            return
        if session.state is QuizState.READY:
            return
        item = session.current
        question = item.question
        self.progress.setRange(0, session.total)
        self.progress.setValue(session.number)
        self._update_score()
        self.prompt_label.setText(question.prompt or (self.tr("Fill in the gaps.") if question.type is QuestionType.CLOZE else ""))
        self.prompt_label.setVisible(bool(self.prompt_label.text()))
        self.picture.show_question(question)
        self.how_label.setText(self.tr(HOW_TO_ANSWER[question.type]))
        if self.input is not None:
            self.input_holder.removeWidget(self.input)
            self.input.hide()  # gone at once; deleted when control returns to the event loop
            self.input.deleteLater()
        self.input = make_answer_input(item, self)
        self.input.changed.connect(self._update_primary)
        self.input.submitRequested.connect(self.submit)
        self.input_holder.addWidget(self.input)
        self.input.show()  # now, not when the layout gets to it: focus_first needs it visible
        self._chain_tab_order()
        self.feedback.hide()
        self.scroll.verticalScrollBar().setValue(0)
        if session.state is QuizState.ANSWERED:  # shown again after a restart of the view
            self._show_feedback()
        else:
            self.primary.setText(self.tr("&Submit"))
            self.primary.setAccessibleName(self.tr("Submit"))
            self._update_primary()
            self.input.focus_first()

    def _chain_tab_order(self) -> None:
        """Tab: the answer's controls (in their own order), then the feedback, Next/Submit, Quit."""
        assert self.input is not None
        inner = [
            w for w in self.input.findChildren(QWidget)
            # Not the pop-up list of a combo box: it is a window of its own.
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is self.input.window()
        ]
        chain_tab_order([*inner, self.feedback.article_button, self.feedback.edit_button, self.primary, self.quit_button])

    def _update_score(self) -> None:
        session = self.session
        assert session is not None
        if session.answered:
            self.score_label.setText(self.tr("Score: {right} / {answered}").format(
                right=number_text(session.correct), answered=number_text(session.answered)))
        else:
            self.score_label.setText(self.tr("Score: –"))

    def _update_primary(self) -> None:
        if self.session is None or self.input is None:
            return
        if self.session.state is QuizState.ASKING:
            self.primary.setEnabled(self.input.response() is not None)

    def _primary_action(self) -> None:
        if self.session is None:
            return
        if self.session.state is QuizState.ASKING:
            self.submit()
        elif self.session.state is QuizState.ANSWERED:
            self.next()

    def submit(self) -> None:
        """Grade and record the current response (kept in place if it cannot be saved)."""
        session, answer_input = self.session, self.input
        if session is None or answer_input is None or session.state is not QuizState.ASKING:
            return
        response = answer_input.response()
        if response is None:
            answer_input.enter()
            return
        if save_or_report(self.error_label, lambda: session.submit(response),
                          self.tr("Your answer was not saved ({exc}). It is still here: press Enter to try again.")):
            self.error_label.hide()
            self._show_feedback()

    def _show_feedback(self) -> None:
        session, answer_input = self.session, self.input
        assert session is not None and answer_input is not None
        feedback = session.feedback
        answer_input.set_locked(True)
        self._mark_input(answer_input, feedback)
        self.feedback.show_feedback(feedback)
        self._update_score()
        last = session.is_last
        self.primary.setText(self.tr("See &results") if last else self.tr("&Next question"))
        self.primary.setAccessibleName(self.tr("See results") if last else self.tr("Next question"))
        self.primary.setEnabled(True)
        self.primary.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(self.feedback.outcome_label)

    @staticmethod
    def _mark_input(answer_input: AnswerInput, feedback: Feedback) -> None:
        """Mark, in the input itself, which parts of the answer were right."""
        details = feedback.details
        if isinstance(answer_input, MultiInput):
            answer_input.mark_options(set(getattr(feedback.question, "answers", ())))
        elif isinstance(answer_input, (ChoiceInput, TrueFalseInput)):
            answer_input.mark_options({feedback.expected})
        elif isinstance(answer_input, OrderInput) and isinstance(details, OrderDetails):
            answer_input.mark_places(details.placed)
        elif isinstance(answer_input, MatchInput) and isinstance(details, MatchDetails):
            answer_input.mark_pairs({p.left: p.right for p in details.pairs})

    def next(self) -> None:
        """Go on to the next question, or to the results after the last."""
        session = self.session
        if session is None or session.state is not QuizState.ANSWERED:
            return
        if save_or_report(self.error_label, session.next,
                          self.tr("The quiz could not be closed ({exc}); your answers are saved. Press Enter to retry.")):
            self.error_label.hide()
            self._render()

    def undo(self) -> None:
        """Ctrl+Z: take back the last answer (its effect on the question's memory too) and ask
        that question again."""
        session = self.session
        if session is None or not session.can_undo:
            return
        if save_or_report(self.error_label, session.undo, self.tr("The answer could not be taken back ({exc}). Try again.")):
            self.error_label.hide()
            self._render()

    def ask_abandon(self) -> None:
        """Esc: after a confirmation, stop the quiz; answers already given stay saved."""
        session = self.session
        if session is None or session.state not in (QuizState.ASKING, QuizState.ANSWERED):
            return
        n = session.answered
        question = self.tr("Stop this quiz now?")
        if n:
            kept = (self.tr("The 1 answer you gave is saved.") if n == 1 else
                    plural_s(self.tr("The %n answer(s) you gave are saved.", "", n), n))
            question = f"{question} {kept}"
        if not dialogs.confirm(self, self.tr("Abandon quiz?"), question):
            return
        if save_or_report(self.error_label, session.abandon, self.tr(_CLOSE_FAILED)):
            self._render()

    def stop(self) -> None:
        """Abandon a quiz in progress without asking (the window is leaving it); answers stay saved."""
        session = self.session
        if session is not None and session.state in (QuizState.READY, QuizState.ASKING, QuizState.ANSWERED):
            save_or_report(self.error_label, session.abandon, self.tr(_CLOSE_FAILED))

    def _retry(self) -> None:
        session = self.session
        if session is None or session.state not in (QuizState.FINISHED, QuizState.ABANDONED):
            return
        if session.mistakes:
            self.retryRequested.emit(session.retry_quiz())

    # -- keyboard ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Keys the focused control did not use: digits, Enter, Esc, Ctrl+Z."""
        session, key = self.session, event.key()
        if session is None:
            super().keyPressEvent(event)
            return
        if self.stack.currentWidget() is self.results:
            if key == Qt.Key.Key_Escape:
                self.homeRequested.emit()
                return
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            button = pressable_button(self)
            if button is not None and button is not self.primary:
                button.click()  # Enter on a focused button presses it (Quit, Show in article...)
            else:
                self._primary_action()
        elif key == Qt.Key.Key_Escape:
            self.ask_abandon()
        elif key == Qt.Key.Key_Z and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.undo()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and session.state is QuizState.ASKING and self.input is not None:
            if not self.input.pick(key - Qt.Key.Key_0):
                super().keyPressEvent(event)
        else:
            super().keyPressEvent(event)
