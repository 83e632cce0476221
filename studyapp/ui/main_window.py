"""The main window: menus, and a stack of screens (home, quiz, flashcards, reader, statistics).

The window receives everything it works on (``AppCore``: data paths, the store, how to load
question files) from ``studyapp.app``; it holds no SQL and parses no YAML. Screens other than
home are built the first time they are shown, so start-up imports only what home needs
(QtCharts in particular is loaded when Statistics is first opened). Starting and leaving a quiz or a
flashcard review lives in ``study_screens``; the menu bar in ``window_menus``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, cast, overload

from PySide6.QtCore import QFileSystemWatcher, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QStackedWidget, QWidget

from studyapp.bank.model import Bank
from studyapp.messages import Message
from studyapp.paths import DataPaths
from studyapp.store import Store, StoreNotice
from studyapp.ui import dialogs
from studyapp.ui.deck_model import deck_rows
from studyapp.ui.home_view import HomeView
from studyapp.ui.theme import FONT_DEFAULT, clamp_font_size, rescale_fonts
from studyapp.ui.translation import QT_TRANSLATE_NOOP, core_text
from studyapp.ui.window_settings import restore_geometry

if TYPE_CHECKING:  # the views are imported when first shown, to keep start-up short
    from studyapp.authoring.own_copy import OwnCopies
    from studyapp.study.quiz import Quiz
    from studyapp.ui.flashcard_view import FlashcardView
    from studyapp.ui.quiz_setup_dialog import QuizSetupDialog
    from studyapp.ui.quiz_view import QuizView
    from studyapp.ui.reader_view import ReaderView
    from studyapp.ui.stats_view import StatsView

ORGANIZATION = "studyapp"
APPLICATION = "studyapp"
RELOAD_DELAY_MS = 300


class Screen(IntEnum):
    """The screens of the stack."""

    HOME = 0
    QUIZ = 1
    FLASHCARDS = 2
    READER = 3
    STATS = 4


#: Settings key: the first-start welcome was closed (it is not shown by itself again).
WELCOME_CLOSED_KEY = "welcome/closed"

#: Settings key: whether the reader shows its mastery map.
_MASTERY_MAP_KEY = "reader/mastery-map"

#: The reader's back button when it was opened from a study screen (text, accessible name).
_READER_BACK = {
    Screen.QUIZ: (QT_TRANSLATE_NOOP("MainWindow", "← Back to the quiz"), QT_TRANSLATE_NOOP("MainWindow", "Back to the quiz")),
    Screen.FLASHCARDS: (QT_TRANSLATE_NOOP("MainWindow", "← Back to flashcards"),
                        QT_TRANSLATE_NOOP("MainWindow", "Back to flashcards")),
}


class AppCore(Protocol):
    """What the window needs from outside Qt (built by ``studyapp.app``)."""

    paths: DataPaths
    question_dirs: tuple[Path, ...]
    store: Store

    @property
    def own_copies(self) -> OwnCopies: ...  # where edits to the bundled question files go

    def load_bank(self) -> Bank: ...

    def load_files(self, paths: Sequence[Path]) -> Bank: ...

    def restore_backup(self, backup: Path) -> None: ...


def _stamp(path: str) -> tuple[int, int] | None:
    """(modification time in ns, size) of ``path``, None when it cannot be read."""
    import os

    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class MainWindow(QMainWindow):
    """studyapp's window. ``firstPainted`` fires once, after the first paint."""

    firstPainted = Signal()
    #: A StoreNotice from another thread (the check before the daily backup found damage).
    damageFound = Signal(object)
    reloaded = Signal()
    # Menu entries others trigger or enable; set by window_menus.build_menus.
    add_action: QAction
    reload_action: QAction
    stats_action: QAction

    def __init__(self, core: AppCore, settings: QSettings, *, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.settings = settings
        self.now = now
        self.bank = Bank()
        self.setWindowTitle("studyapp")
        self.setAccessibleName("studyapp")
        self._painted = False
        self._views: dict[Screen, QWidget] = {}
        self._reader_return = Screen.HOME
        self._reader_deck: str | None = None  # the deck whose article the reader shows
        last_deck = settings.value("home/last_deck", None, str)
        self._current_deck: str | None = last_deck if isinstance(last_deck, str) and last_deck else None
        self._help: QWidget | None = None
        self._setup_dialog: QuizSetupDialog | None = None

        # The text size first: widgets then take it as they are built, instead of every one of
        # them being told of a new font afterwards (~3 ms less at start-up). The widgets that
        # scale their own font, and table headings, are set by the rescale_fonts below.
        # QSettings.value is typed as returning object; with type int it returns an int.
        self.set_font_size(int(cast(int, settings.value("view/font_size", FONT_DEFAULT, int))), save=False)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Screens"))
        self.setCentralWidget(self.stack)
        self.stack.currentChanged.connect(self._screen_changed)
        self.home = HomeView(self.stack)
        self.stack.addWidget(self.home)
        self._views[Screen.HOME] = self.home
        self.home.studyRequested.connect(self.start_flashcards)
        self.home.quizRequested.connect(self.start_quiz)
        self.home.readRequested.connect(lambda d: self.open_reader(d))
        self.home.deckSelected.connect(self.remember_deck)
        self.home.addFileRequested.connect(self.add_question_file)
        self.home.openFolderRequested.connect(self.open_question_folder)
        self.home.openProblemRequested.connect(self.open_problem_file)
        self.home.editProblemRequested.connect(lambda p: self.open_file_text(p.path, p.line))
        self.damageFound.connect(lambda notice: self.show_notices([notice]))

        self._own_writes: dict[str, tuple[int, int] | None] = {}  # path -> (mtime ns, size) after our write
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._schedule_reload)
        self.watcher.fileChanged.connect(self._schedule_reload)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload_in_background)
        from studyapp.ui.bank_loading import BackgroundBankLoader, show_busy

        self._loader = BackgroundBankLoader(core.load_bank, self)
        self._loader.loaded.connect(self._apply_bank)
        self._loader.failed.connect(lambda e: self.statusBar().showMessage(self.tr("Could not reload question files: {error}").format(error=e), 10000))
        self._loader.busy.connect(lambda busy: show_busy(self.statusBar(), busy))

        from studyapp.ui.window_menus import build_menus

        build_menus(self)
        self.statusBar().setAccessibleName(self.tr("Status"))
        rescale_fonts(self, self.font_size)
        restore_geometry(self, settings.value("window/geometry"))  # a tiny or off-screen one is not taken

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Reload every question file now (start-up, after adding a file)."""
        self.statusBar().showMessage(self.tr("Loading question files…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            bank = self.core.load_bank()
        finally:
            QApplication.restoreOverrideCursor()
        self._apply_bank(bank)

    def reload_in_background(self) -> None:
        """Reload on a thread, keeping the current screen (a running quiz is not touched)."""
        self._loader.request()

    def _apply_bank(self, bank: Bank) -> None:
        self.bank = bank
        self.refresh_home()
        self._watch()
        n = len(self.bank.problems)
        self.statusBar().showMessage(
            f"{len(self.bank.decks)} deck{'s' if len(self.bank.decks) != 1 else ''} loaded"
            + (f", {n} problem{'s' if n != 1 else ''} in question files" if n else ""),
            5000,
        )
        self.reloaded.emit()

    def refresh_home(self) -> None:
        """Recount the deck list (due, new, mastered, last quiz) from the store."""
        rows = deck_rows(self.bank, self.core.store, self.now(), self.core.store.tz)
        self.home.set_content(self.bank, rows, self._current_deck)

    def _watch(self) -> None:
        from studyapp.ui.bank_loading import paths_to_watch

        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        wanted = paths_to_watch(self.core.question_dirs, self.bank)
        if wanted:
            self.watcher.addPaths(wanted)

    def _schedule_reload(self, path: str) -> None:
        if path in self._own_writes and self._own_writes[path] == _stamp(path):
            return  # the window wrote this itself and reloads for it already: once is enough
        self._reload_timer.start()

    def note_own_write(self, path: Path) -> None:
        """The window has just written ``path`` (and reloads for it): the folder watcher's news of
        that very change is not another reason to reload. A later change by anyone else is."""
        for p in (path, path.parent):
            self._own_writes[str(p)] = _stamp(str(p))

    def open_editor(self, deck_id: str, question_id: str) -> None:
        """Open the question editor on one question (quiz feedback, flashcards, the browser)."""
        from studyapp.ui.question_editor_open import open_question_editor

        open_question_editor(self, deck_id, question_id)

    def make_question_from_passage(self, selection: str, sentence: str, _block: int) -> None:
        """The reader's "Make a question": ask which kind, then the editor opens on a new question
        of the article's deck, prefilled from the selection, quoting its sentence."""
        from studyapp.authoring.from_passage import PASSAGE_LABELS, passage_draft
        from studyapp.ui.question_editor_open import new_question_from_draft

        deck_id = self._reader_deck
        if deck_id is None:
            return
        kinds = list(PASSAGE_LABELS)
        chosen = dialogs.choose(self, self.tr("Make a question"), self.tr("From the passage:\n“{sentence}”").format(sentence=sentence),
                                [core_text(Message(PASSAGE_LABELS[k])) for k in kinds])
        if chosen is None:
            return
        kind = kinds[chosen]
        new_question_from_draft(self, deck_id, lambda qid: passage_draft(kind, selection, sentence, qid))

    def open_file_text(self, path: Path, line: int = 1) -> None:
        """Open a question file's text at ``line`` (a file that does not load), problems listed."""
        from studyapp.ui.question_editor_open import open_file_text

        open_file_text(self, path, line)

    @property
    def current_deck(self) -> str | None:
        """The deck last chosen on home or studied (kept across runs); None before any."""
        return self._current_deck

    def remember_deck(self, deck_id: str) -> None:
        """Make ``deck_id`` the current deck; the settings keep it when the window closes (with
        its geometry: one write of the settings file, none while the first screen is drawn)."""
        self._current_deck = deck_id

    def _keep_setting(self, key: str, value: object) -> None:
        """Store ``value`` under ``key`` unless it is there already: setting an unchanged value
        still makes Qt rewrite and flush the settings file (every start and every close would)."""
        if self.settings.value(key) != value:
            self.settings.setValue(key, value)

    # -- screens -----------------------------------------------------------------------

    def _screen_changed(self, _index: int) -> None:
        self.statusBar().clearMessage()
        names = {Screen.QUIZ: self.tr("Quiz"), Screen.FLASHCARDS: self.tr("Flashcards"), Screen.READER: self.tr("Article"),
                 Screen.STATS: self.tr("Statistics")}
        name = names.get(self.current_screen())
        # The application's name last: Linux and Windows append the display name to a title
        # that does not end with it ("studyapp — Quiz — studyapp"); macOS shows it as set.
        self.setWindowTitle(f"{name} — {APPLICATION}" if name else APPLICATION)

    def current_screen(self) -> Screen:
        """Which screen the stack shows."""
        for screen, view in self._views.items():
            if view is self.stack.currentWidget():
                return screen
        return Screen.HOME

    @overload
    def view(self, screen: Literal[Screen.QUIZ]) -> QuizView: ...
    @overload
    def view(self, screen: Literal[Screen.FLASHCARDS]) -> FlashcardView: ...
    @overload
    def view(self, screen: Literal[Screen.READER]) -> ReaderView: ...
    @overload
    def view(self, screen: Literal[Screen.STATS]) -> StatsView: ...
    @overload
    def view(self, screen: Screen) -> QWidget: ...

    def view(self, screen: Screen) -> QWidget:
        """The widget of ``screen``, built on first use (``_build_view`` makes each screen's class)."""
        if screen not in self._views:
            widget = self._build_view(screen)
            self._views[screen] = widget
            self.stack.addWidget(widget)
            rescale_fonts(widget, self.font_size)
        return self._views[screen]

    def _build_view(self, screen: Screen) -> QWidget:
        if screen is Screen.READER:
            from studyapp.ui.reader_view import ReaderView

            reader = ReaderView()
            reader.homeRequested.connect(self._leave_reader)
            reader.make_question_requested.connect(self.make_question_from_passage)
            # The mastery map stays as the person left it, from one run to the next.
            reader.map_toggle.setChecked(bool(self.settings.value(_MASTERY_MAP_KEY, False, bool)))
            reader.map_toggle.toggled.connect(lambda on: self.settings.setValue(_MASTERY_MAP_KEY, on))
            return reader
        if screen is Screen.STATS:
            from studyapp.ui.stats_view import StatsView

            stats = StatsView()
            stats.homeRequested.connect(self.go_home)
            return stats
        from studyapp.ui import study_screens

        if screen is Screen.QUIZ:
            return study_screens.build_quiz_view(self)
        return study_screens.build_flashcard_view(self)

    def _leave_reader(self) -> None:
        """Back from the reader to where it was opened, the focus on that screen's primary
        button (not on "Show in article", which a mouse click focused: Enter, the documented
        "next" key, would open the article again)."""
        self.show_screen(self._reader_return)
        if self._reader_return is not Screen.HOME:  # home focuses its deck list (Enter studies)
            screen = self.view(self._reader_return)
            target = self._primary_button(self._reader_return) or screen.focusWidget()
            (target or screen).setFocus(Qt.FocusReason.OtherFocusReason)

    def _primary_button(self, screen: Screen) -> QPushButton | None:
        """The button Enter means on a study screen as it stands: the quiz's Submit / Next
        question, the flashcard's "Good" on the back, "Show answer" on the front."""
        candidates: list[QPushButton] = []
        if screen is Screen.QUIZ:
            candidates = [self.view(Screen.QUIZ).primary]
        elif screen is Screen.FLASHCARDS:
            from fsrs import Rating

            cards = self.view(Screen.FLASHCARDS)
            candidates = [cards.rating_buttons[Rating.Good], cards.show_button, cards.end_home]
        return next((b for b in candidates if b.isVisibleTo(self) and b.isEnabled()), None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """One rule for the whole window: Enter presses the focused push button (a button
        outside a dialog ignores Enter by itself, so the key arrives here)."""
        focused = QApplication.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(focused, QPushButton)
            and focused.isEnabled()
            and focused.isVisible()
            and focused.window() is self
        ):
            focused.click()
            return
        super().keyPressEvent(event)

    def show_screen(self, screen: Screen) -> None:
        """Switch to ``screen`` (home refreshes its counts)."""
        if screen is Screen.HOME:
            self.go_home()
            return
        self.stack.setCurrentWidget(self.view(screen))

    def leave_study(self) -> bool:
        """Before leaving a quiz or a flashcard review for another screen: a quiz in progress is
        abandoned after asking (its answers stay saved); a review is closed. False: stay."""
        if self.current_screen() not in (Screen.QUIZ, Screen.FLASHCARDS):
            return True  # nothing to leave: do not import the study screens for it
        from studyapp.ui import study_screens

        return study_screens.leave_study(self)

    def go_home(self) -> None:
        """Back to the deck list (after asking, if a quiz is running)."""
        if not self.leave_study():
            return
        self.refresh_home()
        self.stack.setCurrentWidget(self.home)
        self.home.table.setFocus()

    def open_reader(self, deck_id: str, quote: str | None = None, *, return_to: Screen | None = None) -> bool:
        """Show ``deck_id``'s article, ``quote`` highlighted; False when there is no article."""
        from studyapp.articles.pdf import PdfPages
        from studyapp.articles.reading import ArticleError, ArticleFormat, format_of, read_article_file
        from studyapp.ui.reader_mastery import deck_quotes, deck_sentence_mastery
        from studyapp.ui.reader_view import ReaderView

        deck = self.bank.deck(deck_id)
        if deck is None or deck.source is None:
            self.statusBar().showMessage(self.tr("This deck has no article."), 5000)
            return False
        pdf_pages: PdfPages | None = None
        if format_of(deck.source) is ArticleFormat.PDF:  # Qt runs here: its PDF module reads it in place
            from studyapp.ui.pdf_text import pdf_page_texts as pdf_pages
        try:  # read and folded once: the map, the coverage and the highlight share it
            article = read_article_file(deck.source, pdf_pages)
        except ArticleError as exc:
            dialogs.warn(self, self.tr("Article not readable"), f"{deck.source} {exc}")
            return False
        self._reader_return = return_to if return_to is not None else self.current_screen()
        if self._reader_return is Screen.READER:
            self._reader_return = Screen.HOME
        reader = self.view(Screen.READER)
        assert isinstance(reader, ReaderView)
        back = _READER_BACK.get(self._reader_return, (QT_TRANSLATE_NOOP("MainWindow", "← Decks"), QT_TRANSLATE_NOOP("MainWindow", "Back to decks")))
        reader.set_return_to(*(self.tr(text) for text in back))
        self._reader_deck = deck.id
        reader.show_article(
            deck.title, article, lambda: deck_sentence_mastery(deck, article, self.core.store), lambda: deck_quotes(deck)
        )
        if quote:
            reader.highlight(quote)
        self.stack.setCurrentWidget(reader)
        reader.text.setFocus()
        return True

    def start_flashcards(self, deck_id: str) -> None:
        """Review ``deck_id``'s flashcards: due ones first, then new ones."""
        from studyapp.ui import study_screens

        study_screens.start_flashcards(self, deck_id)

    def start_quiz(self, deck_id: str) -> None:
        """Open the quiz set-up for ``deck_id`` (every deck when empty); start when accepted."""
        from studyapp.ui import study_screens

        self._setup_dialog = study_screens.start_quiz(self, deck_id)

    def start_quiz_of(self, quiz: Quiz) -> None:
        """Start a quiz already built (a new one, or "retry my mistakes")."""
        from studyapp.ui import study_screens

        study_screens.start_quiz_of(self, quiz)

    def show_stats(self) -> None:
        """Open the statistics screen (QtCharts is imported on the first call)."""
        if not self.leave_study():
            return
        view = self.view(Screen.STATS)
        view.show_figures(self.core.store, self.bank, self.now())
        self.stack.setCurrentWidget(view)

    # -- file menu ---------------------------------------------------------------------

    def add_question_file(self) -> None:
        """File → Add question file…: check, copy, reload and select the new deck."""
        from studyapp.ui.add_file import add_question_file

        deck_id = add_question_file(self, self.bank, self.core.paths.questions, self.core.load_files,
                                    open_text=self.open_file_text, copied_broken=lambda _copy: self.reload())
        if deck_id is not None:
            self._current_deck = deck_id
            self.reload()
            self.go_home()
            self.home.select_deck(deck_id)
            self.statusBar().showMessage(self.tr("Added deck '{deck}' to your question folder.").format(deck=deck_id), 8000)

    def open_problem_file(self, path: Path) -> None:
        """A problem's "Open file": in the system's program for it; when none is set up, say so
        (it failed silently, a Qt warning on stderr the only sign), put the path on the
        clipboard and show the file's folder instead."""
        if dialogs.open_externally(self, path):
            return
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(str(path))
        folder_shown = dialogs.open_externally(self, path.parent)
        dialogs.warn(
            self,
            self.tr("Could not open the file"),
            self.tr("No program is set up to open {name}.\n\nIts path is on the clipboard:\n{path}").format(name=path.name, path=path)
            + ("\n\n" + self.tr("Its folder is open in your file manager.") if folder_shown else ""),
        )

    def show_new_deck(self, deck_id: str) -> None:
        """After an import or a draft is saved: reload, select the new deck on home, and say so."""
        self._current_deck = deck_id
        self.reload()
        self.go_home()
        self.home.select_deck(deck_id)
        self.statusBar().showMessage(self.tr("Saved deck '{deck}' in your question folder.").format(deck=deck_id), 8000)

    def open_question_folder(self) -> None:
        """File → Open question folder, in the system's file manager."""
        folder = self.core.paths.questions
        folder.mkdir(parents=True, exist_ok=True)
        if not dialogs.open_externally(self, folder):
            dialogs.inform(self, self.tr("Question folder"), self.tr("Your question folder is {folder}").format(folder=folder))

    def show_about(self) -> None:
        """Help → About studyapp."""
        from studyapp.ui.window_menus import show_about

        show_about(self)

    def show_notices(self, notices: Sequence[StoreNotice]) -> None:
        """Tell the user what happened opening the database; offer a restore after damage."""
        from studyapp.ui.window_menus import show_notices

        show_notices(self, notices)

    # -- help --------------------------------------------------------------------------

    def welcome_after_first_paint(self) -> None:
        """First start: show the welcome once the window is painted, unless it was closed
        before. Its module is imported only then: a usual start-up costs one settings read."""
        if not self.settings.value(WELCOME_CLOSED_KEY, False, bool):
            self.firstPainted.connect(self.show_welcome)

    def show_welcome(self) -> None:
        """Help → Welcome (and the first start): what studyapp is and how to begin (non-modal)."""
        from studyapp.ui.welcome import show_welcome

        show_welcome(self)

    def show_format_help(self) -> None:
        """Help → Question file format (a non-modal window)."""
        from studyapp.ui.help_dialog import FormatHelpDialog

        if self._help is None:
            self._help = FormatHelpDialog(self)
        self.fit_text_size(self._help)
        self._help.show()
        self._help.raise_()

    # -- font, settings, painting ------------------------------------------------------

    @property
    def font_size(self) -> int:
        """The window's text size in points."""
        return self.font().pointSize()

    def fit_text_size(self, dialog: QWidget) -> None:
        """Give a dialog the window's text size: a separate window does not inherit the font."""
        font = dialog.font()
        font.setPointSize(self.font_size)
        dialog.setFont(font)
        rescale_fonts(dialog, self.font_size)

    def set_font_size(self, size: int, *, save: bool = True) -> None:
        """Change the text size of every screen (kept in the settings unless ``save`` is False)."""
        size = clamp_font_size(size)
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)
        rescale_fonts(self, size)
        reader = cast("ReaderView | None", self._views.get(Screen.READER))
        if reader is not None:
            reader.setFont(font)
            reader._render()
        if save:
            self.settings.setValue("view/font_size", size)

    def shutdown(self) -> None:
        """Before the store closes: end a running quiz or review (answers are already saved)
        and stop watching files, so nothing touches the store after this."""
        quiz = cast("QuizView | None", self._views.get(Screen.QUIZ))
        cards = cast("FlashcardView | None", self._views.get(Screen.FLASHCARDS))
        if quiz is not None:
            quiz.stop()
        if cards is not None:
            cards.close_session()
        self._reload_timer.stop()
        self._loader.close()
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        self.watcher.blockSignals(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._current_deck is not None:
            self._keep_setting("home/last_deck", self._current_deck)
        self._keep_setting("window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

