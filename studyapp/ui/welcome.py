"""The first-start welcome: what studyapp is, the deck it comes with, and how to add your own.

Shown once, non-modal, after the window's first paint (``MainWindow.welcome_after_first_paint``);
closing it in any way keeps ``WELCOME_CLOSED_KEY`` in the data folder's settings, so it is not
shown by itself again. Help → Welcome shows it whenever asked. The dialog only shows and
emits; ``show_welcome`` connects its buttons to the window's own menu entries.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studyapp.bank.model import Bank, Deck
from studyapp.paths import bundled_questions_dir
from studyapp.ui.answer_inputs.base import plain_label
from studyapp.ui.theme import scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP, plural_s

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

WHAT_IT_IS = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "studyapp turns an article into a question bank. Study it as flashcards that come back just "
    "before you would forget them (spaced repetition), or take a quiz that is graded at once and "
    "shows the passage of the article that proves each answer."
)
#: (object name of the menu entry, button text, what it does) for each way to a deck of your own.
YOUR_OWN = (
    ("add-file", QT_TRANSLATE_NOOP("WelcomeDialog", "Add question file…"),
     QT_TRANSLATE_NOOP("WelcomeDialog", "A YAML question file you wrote or were given: checked, then copied into "
                       "your question folder. (File → Add question file…)")),
    ("DraftDialog", QT_TRANSLATE_NOOP("WelcomeDialog", "New deck from article…"),
     QT_TRANSLATE_NOOP("WelcomeDialog", "Draft questions from an article of your own, review them, keep the good "
                       "ones. (File → New deck from article…)")),
    ("new-deck", QT_TRANSLATE_NOOP("WelcomeDialog", "New deck…"),
     QT_TRANSLATE_NOOP("WelcomeDialog", "Start an empty deck on an article and write its questions in the editor. "
                       "(File → New deck…)")),
)


def bundled_deck(bank: Bank, folder: Path | None = None) -> Deck | None:
    """The first loaded deck whose file is in the bundled question folder (None when none is)."""
    home = (folder or bundled_questions_dir()).resolve()
    for deck in bank.decks:
        if deck.path.resolve().is_relative_to(home):
            return deck
    return None


class WelcomeDialog(QDialog):
    """What studyapp is and where to begin; each button closes the welcome, then asks for its action.

    ``deckRequested`` (the bundled deck's id) and ``actionRequested`` (a menu entry's object
    name from ``YOUR_OWN``) say what was chosen.
    """

    deckRequested = Signal(str)
    actionRequested = Signal(str)

    def __init__(self, deck: Deck | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to studyapp"))
        self.setAccessibleName(self.tr("Welcome"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Welcome to studyapp"), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        scale_font(heading, 1.4)
        layout.addWidget(heading)
        intro = plain_label(self.tr(WHAT_IT_IS), self)
        intro.setAccessibleName(self.tr("What studyapp is"))
        layout.addWidget(intro)

        self.deck_button: QPushButton | None = None
        if deck is not None:
            layout.addSpacing(8)
            start = plain_label(self.tr("Start with: {title}").format(title=deck.title), self)
            start.setAccessibleName(self.tr("Start with"))
            scale_font(start, 1.1)
            layout.addWidget(start)
            count = len(deck.questions)
            about = plain_label(plural_s(self.tr(
                "The deck that comes with studyapp: %n question(s) on one article. "
                "Select it, then study its flashcards, take a quiz or read the article.", "", count), count), self)
            layout.addWidget(about)
            self.deck_button = QPushButton(self.tr("Open this deck"), self)
            self.deck_button.setAccessibleName(self.tr("Open the bundled deck"))
            self.deck_button.clicked.connect(lambda: self._choose(lambda: self.deckRequested.emit(deck.id)))
            layout.addWidget(self.deck_button, alignment=Qt.AlignmentFlag.AlignLeft)

        layout.addSpacing(8)
        own = plain_label(self.tr("Your own questions"), self)
        scale_font(own, 1.1)
        layout.addWidget(own)
        grid = QGridLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for row, (name, text, explanation) in enumerate(YOUR_OWN):
            button = QPushButton(self.tr(text), self)
            button.setAccessibleName(self.tr(text).rstrip("…"))
            button.clicked.connect(lambda _checked=False, n=name: self._choose(lambda: self.actionRequested.emit(n)))
            self.action_buttons[name] = button
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(plain_label(self.tr(explanation), self), row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        layout.addSpacing(8)
        layout.addWidget(plain_label(self.tr("This welcome is shown once. Help → Welcome shows it again."), self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Tall enough for every wrapped line at the width shown: a dialog's first size comes
        from its labels' size hints, which guess their width (the explanations beside the
        buttons have much less), so a longer text — a translation, a larger font — was cut."""
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def _choose(self, then: Callable[[], None]) -> None:
        """Close first (a file dialog must not open under the welcome), then ask for the action."""
        self.accept()
        then()


def show_welcome(window: MainWindow) -> WelcomeDialog:
    """Show the welcome over ``window`` (raise it when it is open already); its buttons trigger the
    window's menu entries, and closing it keeps that it was closed in the data folder's settings."""
    from studyapp.ui.main_window import WELCOME_CLOSED_KEY

    existing = window.findChild(WelcomeDialog)
    if isinstance(existing, WelcomeDialog) and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = WelcomeDialog(bundled_deck(window.bank), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.fit_text_size(dialog)

    def closed(_result: int) -> None:
        if window.settings.value(WELCOME_CLOSED_KEY, False, bool) is not True:
            window.settings.setValue(WELCOME_CLOSED_KEY, True)

    def go_to_deck(deck_id: str) -> None:
        window.go_home()
        window.remember_deck(deck_id)
        window.home.select_deck(deck_id)
        window.home.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def trigger(name: str) -> None:
        action = window.findChild(QAction, name)
        if isinstance(action, QAction):
            action.trigger()

    dialog.finished.connect(closed)
    dialog.deckRequested.connect(go_to_deck)
    dialog.actionRequested.connect(trigger)
    dialog.show()
    dialog.raise_()
    return dialog
