"""The flashcard screen: renders a ``ReviewSession`` card by card and forwards the user's ratings.

Front, then "Show answer" (Space/Enter); the back shows the answer, the explanation and the
quote from the article, and the four rating buttons Again / Hard / Good / Easy (keys 1–4),
each labelled with the interval it would give, as Anki does. With "Answer in the question's
form" ticked, every card but a ``card`` question is answered with the quiz's input instead:
Enter checks it, the back shows the grade as a quiz does and the rating it proposes (focused:
Space/Enter keep it, 1–4 choose another). Ctrl+Z takes back the last rating. When nothing is left the end screen says when the next card is due. A rating that
cannot be saved (``SaveError``) is shown in a banner and the card stays, ready to rate again.

As in Anki: ``-`` buries the card until tomorrow, ``@`` suspends it, Ctrl+1–4 flag it (red,
orange, green, blue; the same again clears it); Ctrl+Z takes any of these back. A card that
became a leech says so in a notice. When a daily limit held cards back, the end screen offers
"Study more today" (10 more new cards and 50 more reviews, for this deck and today only).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.study.review_session import ReviewSession, ReviewState
from studyapp.study.scheduling import Rating
from studyapp.study.review_session import ReviewCard
from studyapp.bank.model import ClozeQuestion
from studyapp.ui.answer_inputs.base import (
    ErrorBanner, chain_tab_order, hint_label, plain_label, pressable_button, scroll_page, status_colour,
)
from studyapp.ui.answer_texts import answer_text
from studyapp.ui.answer_widgets import AnswerInput, FeedbackPanel, make_answer_input
from studyapp.ui.literal_text import LiteralText
from studyapp.ui.question_image import QuestionPicture
from studyapp.ui.save_guard import save_or_report
from studyapp.ui.theme import scale_font
from studyapp.ui.due_text import due_text, interval_text
from studyapp.ui.review_texts import card_kind, front_extra, leech_text
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text

RATINGS = (
    (Rating.Again, QT_TRANSLATE_NOOP("FlashcardView", "Again")),
    (Rating.Hard, QT_TRANSLATE_NOOP("FlashcardView", "Hard")),
    (Rating.Good, QT_TRANSLATE_NOOP("FlashcardView", "Good")),
    (Rating.Easy, QT_TRANSLATE_NOOP("FlashcardView", "Easy")),
)
# Anki's flag colours, Ctrl+1–4, as the card's line names them.
FLAGS = {1: QT_TRANSLATE_NOOP("FlashcardView", "red flag"), 2: QT_TRANSLATE_NOOP("FlashcardView", "orange flag"),
         3: QT_TRANSLATE_NOOP("FlashcardView", "green flag"), 4: QT_TRANSLATE_NOOP("FlashcardView", "blue flag")}

#: Check again for cards coming due (learning steps) at most this often while the end screen shows.
_RECHECK_MS = 60_000


class FlashcardView(QWidget):
    """Reviews flashcards: ``start(session)``; ``homeRequested`` when the user leaves."""

    homeRequested = Signal()
    # The page's scroll area; the name hides QWidget.scroll(dx, dy), which studyapp never calls.
    scroll: QScrollArea  # type: ignore[assignment]
    showInArticle = Signal(str, str)  # deck id, quote
    editRequested = Signal(str, str)  # deck id, question id: E, as in Anki
    gradedChanged = Signal(bool)  # the person ticked or unticked "Answer in the question's form"

    def __init__(self, parent: QWidget | None = None, *, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self._now = now or (lambda: datetime.now(timezone.utc))
        self.setAccessibleName(self.tr("Flashcards"))

        self.progress_label = QLabel(self)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label.setAccessibleName(self.tr("Progress today"))
        self.home_button = QPushButton(self.tr("Hom&e"), self)
        self.home_button.setAccessibleName(self.tr("Home"))
        self.home_button.setToolTip(self.tr("Leave the review (Esc)"))
        self.home_button.clicked.connect(self.leave)
        self.undo_button = QPushButton(self.tr("&Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo last rating"))
        self.undo_button.setToolTip(self.tr("Take back the last rating (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.graded_box = QCheckBox(self.tr("Ans&wer in the question's form"), self)
        self.graded_box.setAccessibleName(self.tr("Answer in the question's form"))
        self.graded_box.setToolTip(self.tr("Answer choices, typed answers... as in a quiz, graded at once; "
                                           "unticked: show the answer and rate yourself"))
        self.graded_box.toggled.connect(self._set_graded)
        header = QHBoxLayout()
        header.addWidget(self.progress_label, 1)
        header.addWidget(self.graded_box)
        header.addWidget(self.undo_button)
        header.addWidget(self.home_button)

        # -- the card --
        self.kind_label = hint_label(self)
        self.front_label = LiteralText(self)
        self.front_label.setAccessibleName(self.tr("Front"))
        scale_font(self.front_label, 1.3, bold=False)
        self.picture = QuestionPicture(self)
        self.extra_label = LiteralText(self)
        self.extra_label.setAccessibleName(self.tr("Options"))
        self.rule = QFrame(self)
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.answer_label = LiteralText(self)
        self.answer_label.setAccessibleName(self.tr("Answer"))
        scale_font(self.answer_label, 1.3)
        self.explanation_label = LiteralText(self)
        self.explanation_label.setAccessibleName(self.tr("Explanation"))
        self.quote_label = LiteralText(self)
        self.quote_label.setAccessibleName(self.tr("Quote from the article"))
        self.quote_label.setStyleSheet("font-style: italic; border-left: 3px solid palette(mid); padding-left: 8px;")
        self.article_button = QPushButton(self.tr("Show in &article"), self)
        self.article_button.setAccessibleName(self.tr("Show in article"))
        self.article_button.clicked.connect(self._show_in_article)
        self.input: AnswerInput | None = None  # a graded review's answer input
        self._input_card: ReviewCard | None = None  # the showing of a card it was made for
        self.input_holder = QVBoxLayout()
        self.feedback = FeedbackPanel(self)
        self.feedback.showInArticle.connect(self.showInArticle)
        self.feedback.hide()
        card = QWidget(self)
        card_layout = QVBoxLayout(card)
        for label in (self.kind_label, self.front_label, self.picture, self.extra_label):
            card_layout.addWidget(label)
        card_layout.addLayout(self.input_holder)
        card_layout.addWidget(self.feedback)
        for part in (self.rule, self.answer_label, self.explanation_label, self.quote_label):
            card_layout.addWidget(part)
        card_layout.addWidget(self.article_button, 0, Qt.AlignmentFlag.AlignLeft)
        card_layout.addStretch(1)
        self.scroll = scroll_page(card, self)
        self.back_widgets: tuple[QWidget, ...] = (self.rule, self.answer_label, self.explanation_label,
                                                  self.quote_label, self.article_button)

        self.show_button = QPushButton(self.tr("&Show answer"), self)
        self.show_button.setAccessibleName(self.tr("Show answer"))
        self.show_button.setToolTip(self.tr("Space or Enter"))
        self.show_button.clicked.connect(self.show_answer)
        self.rating_buttons: dict[Rating, QPushButton] = {}
        ratings = QHBoxLayout()
        for number, (rating, name) in enumerate(RATINGS, start=1):
            button = QPushButton(self.tr(name), self)
            button.setToolTip(self.tr("Key {number}").format(number=number_text(number)))
            button.setAccessibleName(self.tr(name))
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, r=rating: self.rate(r))
            self.rating_buttons[rating] = button
            ratings.addWidget(button)
        self.rating_row = QWidget(self)
        self.rating_row.setLayout(ratings)
        footer = QVBoxLayout()
        footer.addWidget(self.show_button)
        footer.addWidget(self.rating_row)

        self.error_label = ErrorBanner(self)
        self.notice_label = plain_label("", self)
        self.notice_label.setAccessibleName(self.tr("Notice"))
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()

        card_page = QWidget(self)
        card_page_layout = QVBoxLayout(card_page)
        card_page_layout.setContentsMargins(0, 0, 0, 0)
        card_page_layout.addWidget(self.scroll, 1)
        card_page_layout.addLayout(footer)

        # -- the end screen --
        self.end_title = plain_label("", self, selectable=False)
        scale_font(self.end_title, 1.45)
        self.end_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.end_label = plain_label("", self)
        self.end_label.setAccessibleName(self.tr("Next card due"))
        self.end_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.end_home = QPushButton(self.tr("Back home"), self)
        self.end_home.setAccessibleName(self.tr("Back home"))
        self.end_home.clicked.connect(self.leave)
        self.end_more = QPushButton(self.tr("Study &more today"), self)
        self.end_more.setAccessibleName(self.tr("Study more today"))
        self.end_more.setToolTip(self.tr("10 more new cards and 50 more reviews, for today only"))
        self.end_more.clicked.connect(self.study_more)
        end_page = QWidget(self)
        end_layout = QVBoxLayout(end_page)
        end_layout.addStretch(1)
        end_layout.addWidget(self.end_title)
        end_layout.addWidget(self.end_label)
        end_layout.addWidget(self.end_more, 0, Qt.AlignmentFlag.AlignCenter)
        end_layout.addWidget(self.end_home, 0, Qt.AlignmentFlag.AlignCenter)
        end_layout.addStretch(2)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(card_page)
        self.stack.addWidget(end_page)
        self.recheck = QTimer(self)
        self.recheck.setSingleShot(True)
        self.recheck.timeout.connect(self._recheck)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.stack, 1)
        chain_tab_order([self.show_button, *self.rating_buttons.values(), self.article_button, self.undo_button,
                         self.graded_box, self.home_button, self.end_home])

    # -- driving the session -------------------------------------------------------------

    def start(self, session: ReviewSession) -> None:
        """Show ``session``, starting it if needed (a start that cannot be saved can be retried).

        A different session shown here before is closed first.
        """
        if self.session is not None and self.session is not session:
            self.close_session()
        self.session = session
        self.graded_box.blockSignals(True)
        self.graded_box.setChecked(session.graded)
        self.graded_box.blockSignals(False)
        self.error_label.hide()
        if session.state is ReviewState.READY:
            if not save_or_report(self.error_label, session.start,
                                  self.tr("The review cannot start ({exc}). Press Enter to try again.")):
                self.show_button.setEnabled(False)
                self.rating_row.hide()
                return
        self._render()

    def _render(self) -> None:
        session = self.session
        if session is None:
            return
        self.undo_button.setEnabled(session.can_undo)
        if session.state in (ReviewState.READY, ReviewState.CLOSED):
            return
        progress = session.progress()
        self.progress_label.setText(self.tr("Reviewed {done} · {due} due · {new} new left today").format(
            done=number_text(progress.done), due=number_text(progress.due), new=number_text(progress.new)))
        if session.state is ReviewState.FINISHED:
            self._render_end()
            return
        self.recheck.stop()
        self.stack.setCurrentIndex(0)
        card = session.current
        q = card.question
        flag = FLAGS.get(session.flag())
        kind = card_kind(card)
        self.kind_label.setText(f"{kind} · {self.tr(flag)}" if flag else kind)
        back = session.state is ReviewState.SHOWING_BACK
        answered = session.answered  # a graded answer, on the back
        in_form = answered is not None or session.answers_in_form
        cloze_alone = isinstance(q, ClozeQuestion) and not q.prompt  # the core's "Fill in the gaps.", translated
        form_prompt = self.tr("Fill in the gaps.") if cloze_alone else card.form_prompt
        self.front_label.setText(form_prompt if in_form else card.front)
        self.picture.show_question(q)
        self._place_input(card if in_form else None)
        extra = "" if in_form else front_extra(card)  # the input shows the options itself
        self.extra_label.setText(extra)
        self.extra_label.setVisible(bool(extra))
        if back and answered is None:
            if isinstance(q, ClozeQuestion):  # the filled gaps stand out from the sentence
                self.answer_label.set_marked(card.answer_segments, status_colour("right", self))
            else:
                self.answer_label.setText(answer_text(q))
            self.explanation_label.setText(q.explanation or "")
            self.quote_label.setText(q.quote or "")
        classic_back = back and answered is None
        for w in self.back_widgets:
            w.setVisible(classic_back)
        self.explanation_label.setVisible(classic_back and bool(q.explanation))
        self.quote_label.setVisible(classic_back and bool(q.quote))
        self.article_button.setVisible(classic_back and bool(q.quote))
        if answered is not None:
            assert self.input is not None
            self.input.set_locked(True)
            self.feedback.show_feedback(answered.feedback(q))
        self.feedback.setVisible(answered is not None)
        self.show_button.setVisible(not back)
        self.show_button.setText(self.tr("&Check answer") if in_form else self.tr("&Show answer"))
        self.show_button.setAccessibleName(self.tr("Check answer") if in_form else self.tr("Show answer"))
        self.show_button.setEnabled(True)
        self.rating_row.setVisible(back)
        if back:
            intervals = session.preview().intervals
            focus = answered.proposed if answered is not None else Rating.Good
            for number, (rating, name) in enumerate(RATINGS, start=1):
                button = self.rating_buttons[rating]
                label = self.tr("{rating} (proposed)").format(rating=self.tr(name)) if (
                    answered is not None and rating is focus) else self.tr(name)
                interval = interval_text(intervals[rating])
                button.setText(f"{number_text(number)}  {label}\n{interval}")
                button.setAccessibleName(self.tr("{rating}, next review in {interval}").format(
                    rating=label, interval=interval))
            self.rating_buttons[focus].setFocus(Qt.FocusReason.OtherFocusReason)
        elif in_form and self.input is not None:
            self.input.focus_first()
            self.scroll.verticalScrollBar().setValue(0)
        else:
            self.show_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.verticalScrollBar().setValue(0)

    def _place_input(self, card: ReviewCard | None) -> None:
        """The answer input for this showing of ``card`` (a new one for each showing), or none."""
        if card is not None and card is self._input_card:
            return
        if self.input is not None:
            self.input_holder.removeWidget(self.input)
            self.input.hide()
            self.input.deleteLater()
            self.input = None
        self._input_card = card
        if card is not None and card.item is not None:
            self.input = make_answer_input(card.item, self)
            self.input.submitRequested.connect(self.check)
            self.input_holder.addWidget(self.input)
            self.input.show()

    def _set_graded(self, graded: bool) -> None:
        if self.session is not None:
            self.session.graded = graded
            self._render()
        self.gradedChanged.emit(graded)

    def _render_end(self) -> None:
        session = self.session
        assert session is not None
        self.stack.setCurrentIndex(1)
        done = session.progress().done
        self.end_title.setText(self.tr("All done for now!") if done else self.tr("Nothing to review right now"))
        due = session.next_due()
        now = self._now()
        more = session.limit_reached
        self.end_more.setVisible(more)
        if more:
            self.end_title.setText(self.tr("Today's limit is reached"))
        if due is None:
            self.end_label.setText(self.tr("No cards are scheduled. Take a quiz or add questions to study more."))
        else:
            self.end_label.setText(self.tr("The next card is due {when}.").format(when=due_text(due, now)))
            wait_ms = int((due - now).total_seconds() * 1000)
            self.recheck.start(max(1000, min(wait_ms, _RECHECK_MS)))
        (self.end_more if more else self.end_home).setFocus(Qt.FocusReason.OtherFocusReason)

    def _recheck(self) -> None:
        if self.session is not None and self.session.state is ReviewState.FINISHED and self.isVisible():
            self.session.refresh()
            self._render()

    def show_answer(self) -> None:
        """Turn the card over (in a graded review: check the answer given)."""
        if self.session is None or self.session.state is not ReviewState.SHOWING_FRONT:
            return
        if self.session.answers_in_form:
            self.check()
            return
        self.session.show_answer()
        self._render()

    def check(self) -> None:
        """Grade the answer in the input; the back shows the grade and the proposed rating."""
        session, answer_input = self.session, self.input
        if session is None or answer_input is None or session.state is not ReviewState.SHOWING_FRONT:
            return
        response = answer_input.response()
        if response is None:
            answer_input.enter()
            return
        session.answer(response)
        self._render()

    def rate(self, rating: Rating) -> None:
        """Rate the card on screen; on a save error the card stays for another try."""
        session = self.session
        if session is None or session.state is not ReviewState.SHOWING_BACK:
            return
        if save_or_report(self.error_label, lambda: session.rate(rating),
                          self.tr("Your rating was not saved ({exc}). The card is still here: rate it again to retry.")):
            self.error_label.hide()
            self._notice(leech_text(session.leech))
            self._render()

    def _notice(self, text: str | None) -> None:
        self.notice_label.setText(text or "")
        self.notice_label.setVisible(bool(text))

    def bury(self) -> None:
        """Bury the card on screen until tomorrow (key ``-``)."""
        self._set_aside(lambda s: s.bury(), self.tr("Buried until tomorrow. Ctrl+Z brings it back."))

    def suspend(self) -> None:
        """Suspend the card on screen (key ``@``)."""
        self._set_aside(lambda s: s.suspend(), self.tr("Suspended: it is in no queue now. Ctrl+Z brings it back."))

    def _set_aside(self, action: Callable[[ReviewSession], object], notice: str) -> None:
        session = self.session
        if session is None or session.state not in (ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK):
            return
        if save_or_report(self.error_label, lambda: action(session), self.tr("The card could not be set aside ({exc}).")):
            self.error_label.hide()
            self._notice(notice)
            self._render()

    def set_flag(self, flag: int) -> None:
        """Flag the card on screen (Ctrl+1–4; the same flag again clears it)."""
        session = self.session
        if session is None or session.state not in (ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK):
            return
        if save_or_report(self.error_label, lambda: session.set_flag(flag), self.tr("The flag was not saved ({exc}).")):
            self.error_label.hide()
            self._render()

    def study_more(self) -> None:
        """Raise today's limits for this deck ("Study more today") and go on."""
        session = self.session
        if session is None or session.state is not ReviewState.FINISHED:
            return
        if save_or_report(self.error_label, session.study_more, self.tr("Today's limit could not be raised ({exc}).")):
            self.error_label.hide()
            self._render()

    def undo(self) -> None:
        """Take back the last rating and show that card again."""
        session = self.session
        if session is None or not session.can_undo:
            return
        if save_or_report(self.error_label, session.undo, self.tr("The rating could not be taken back ({exc}). Try again.")):
            self.error_label.hide()
            self._notice(None)
            self._render()

    def close_session(self) -> None:
        """Close the session (recording when it ended); for a window that leaves this screen."""
        session = self.session
        self.recheck.stop()
        if session is not None and session.state is not ReviewState.CLOSED:
            # Every rating is already saved; only the session's end time can be lost.
            save_or_report(self.error_label, session.close,
                           self.tr("The end of the review was not saved ({exc}); your ratings are saved."))

    def leave(self) -> None:
        """Home / Esc: close the session and ask to go home."""
        self.close_session()
        self.homeRequested.emit()

    def _show_in_article(self) -> None:
        if self.session is not None and self.session.state is ReviewState.SHOWING_BACK:
            q = self.session.current.question
            if q.quote:
                self.showInArticle.emit(q.deck, q.quote)

    # -- keyboard ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Space/Enter show (or check) the answer, then rate Good (or the proposed rating); 1–4 rate;
        on a graded front 1–9 pick options; ``-`` buries, ``@`` suspends, Ctrl+1–4 flag; Ctrl+Z
        undoes, Esc goes home."""
        session, key = self.session, event.key()
        if session is None:
            super().keyPressEvent(event)
            return
        button = pressable_button(self)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif ctrl and Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.set_flag(key - Qt.Key.Key_0)
        elif not ctrl and (event.text() == "-" or key == Qt.Key.Key_Minus):
            self.bury()
        elif event.text() == "@" or key == Qt.Key.Key_At:
            self.suspend()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and button is not None:
            button.click()  # Enter on a focused button presses it (Undo, Home, a rating...)
        elif key == Qt.Key.Key_Escape:
            self.leave()
        elif key == Qt.Key.Key_E and session.state in (ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK):
            self.editRequested.emit(*session.current.question.key)  # edit the card on screen, as in Anki
        elif session.state is ReviewState.READY and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start(session)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if session.state is ReviewState.SHOWING_FRONT:
                self.show_answer()
            elif session.state is ReviewState.SHOWING_BACK:
                answered = session.answered
                self.rate(answered.proposed if answered is not None else Rating.Good)
            else:
                super().keyPressEvent(event)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4 and session.state is ReviewState.SHOWING_BACK:
            self.rate(Rating(key - Qt.Key.Key_0))
        elif (Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and session.state is ReviewState.SHOWING_FRONT
              and self.input is not None and self.input.pick(key - Qt.Key.Key_0)):
            pass  # a digit picked an option of the answer input
        else:
            super().keyPressEvent(event)
