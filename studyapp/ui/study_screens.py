"""Starting, restarting and leaving the two study screens: the quiz and the flashcard review.

``MainWindow`` owns the stack of screens; this module holds what happens around a study session on
it: building the quiz and flashcard views with their signals wired to the window, the quiz set-up
dialog, starting a ``QuizSession`` or ``ReviewSession`` on its view, and asking before a running quiz
is left. The window imports it the first time a study screen is needed, so start-up does not load
the study core or these views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from studyapp.ui import dialogs
from studyapp.ui.main_window import Screen

if TYPE_CHECKING:
    from studyapp.study.quiz import Quiz
    from studyapp.ui.flashcard_view import FlashcardView
    from studyapp.ui.main_window import MainWindow
    from studyapp.ui.quiz_setup_dialog import QuizSetupDialog
    from studyapp.ui.quiz_view import QuizView


def build_quiz_view(window: MainWindow) -> QuizView:
    """The quiz screen, its buttons wired to ``window`` (home, new quiz, retry, show in article)."""
    from studyapp.ui.quiz_view import QuizView

    quiz = QuizView()
    quiz.homeRequested.connect(window.go_home)
    quiz.newQuizRequested.connect(lambda: window.start_quiz(window.current_deck or ""))
    quiz.retryRequested.connect(window.start_quiz_of)
    quiz.showInArticle.connect(lambda d, q: window.open_reader(d, q, return_to=Screen.QUIZ))
    quiz.editRequested.connect(window.open_editor)
    return quiz


def build_flashcard_view(window: MainWindow) -> FlashcardView:
    """The flashcard screen, its buttons wired to ``window`` (home, show in article)."""
    from studyapp.ui.flashcard_view import FlashcardView

    cards = FlashcardView(now=window.now)
    cards.homeRequested.connect(window.go_home)
    cards.showInArticle.connect(lambda d, q: window.open_reader(d, q, return_to=Screen.FLASHCARDS))
    cards.editRequested.connect(window.open_editor)
    # Graded or classic review is kept per deck.
    cards.gradedChanged.connect(lambda graded: window.settings.setValue(_graded_key(window.current_deck or ""), graded))
    return cards


def _graded_key(deck_id: str) -> str:
    return f"flashcards/graded/{deck_id}"


def leave_study(window: MainWindow) -> bool:
    """Before leaving a quiz or a flashcard review for another screen: a quiz in progress is
    abandoned after asking (its answers stay saved); a review is closed. False: stay."""
    current = window.current_screen()
    if current is Screen.QUIZ:
        from studyapp.study.quiz_session import QuizState

        view = window.view(Screen.QUIZ)  # already built: it is the screen shown
        session = getattr(view, "session", None)
        if session is not None and session.state in (QuizState.ASKING, QuizState.ANSWERED):
            n = session.answered
            # The same sentence as Esc on the quiz: nothing about answers when none was given.
            translate = QCoreApplication.translate
            kept = ("" if not n else " " + translate("StudyScreens", "The 1 answer you gave is saved.") if n == 1
                    else " " + translate("StudyScreens", "The %n answers you gave are saved.", "", n))
            stop = translate("StudyScreens", "Stop this quiz?")
            if not dialogs.confirm(window, translate("StudyScreens", "Leave the quiz?"), f"{stop}{kept}"):
                return False
        view.stop()
    elif current is Screen.FLASHCARDS:
        window.view(Screen.FLASHCARDS).close_session()
    return True


def start_flashcards(window: MainWindow, deck_id: str) -> None:
    """Review ``deck_id``'s flashcards: due ones first, then new ones."""
    from studyapp.study.review_session import ReviewSession

    window.remember_deck(deck_id)
    graded = bool(window.settings.value(_graded_key(deck_id), True, bool))
    session = ReviewSession(window.bank, window.core.store, now=window.now, deck=deck_id, graded=graded)
    view = window.view(Screen.FLASHCARDS)
    view.close_session()
    window.stack.setCurrentWidget(view)
    view.start(session)


def start_quiz(window: MainWindow, deck_id: str) -> QuizSetupDialog:
    """Open the quiz set-up for ``deck_id`` (every deck when empty); start when accepted.

    Returns the dialog (open, not modal-blocking) so the window can keep a reference to it."""
    from studyapp.ui.quiz_setup_dialog import QuizSetupDialog

    store = window.core.store
    deck = window.bank.deck(deck_id) if deck_id else None
    if deck is not None:
        window.remember_deck(deck.id)
    scope = deck.id if deck is not None else None
    history, cards = store.question_history(scope), store.card_states(scope)
    from studyapp.study.quiz import QuizOptions

    last_key = f"quiz/last-setup/{scope or '*'}"
    remembered = QuizOptions.from_text(str(window.settings.value(last_key, "") or ""), scope)
    now = window.now()
    dialog = QuizSetupDialog(deck, window.bank, window, history=history, card_states=cards, now=now,
                             tz=store.tz, day_start_hour=store.day_start_hour,
                             hidden=store.hidden_cards(store.study_day(now), scope), initial=remembered)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.fit_text_size(dialog)

    def accepted() -> None:
        from studyapp.study.quiz_session import new_quiz

        options = dialog.options()
        window.settings.setValue(last_key, options.remembered_text())
        quiz = new_quiz(window.bank, options, window.core.store, window.now())
        if not quiz.items:
            dialogs.inform(window, QCoreApplication.translate("StudyScreens", "No questions"),
                           QCoreApplication.translate("StudyScreens", "No question matches these settings; choose other "
                                                      "tags, types or source."))
            return
        window.start_quiz_of(quiz)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def start_quiz_of(window: MainWindow, quiz: Quiz) -> None:
    """Start a quiz already built (a new one, or "retry my mistakes")."""
    from studyapp.study.quiz_session import QuizSession

    session = QuizSession(quiz, window.core.store, now=window.now)
    view = window.view(Screen.QUIZ)
    view.stop()  # a quiz still running is abandoned (answers kept)
    window.stack.setCurrentWidget(view)
    view.start(session)
