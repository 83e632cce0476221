"""Home: the deck list, what you can do with the selected deck, and problems in question files."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QSortFilterProxyModel, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyapp.bank.model import Bank
from studyapp.ui.plain_text import title_text
from studyapp.ui.theme import scale_font
from studyapp.ui.translation import percent_shown, plural_s
from studyapp.ui.deck_model import DECK_ID_ROLE, SORT_ROLE, Column, DeckRow, DeckTableModel, MasteryDelegate

if TYPE_CHECKING:  # built when first needed: neither is on a usual first screen
    from studyapp.ui.problems_panel import EmptyPage, ProblemsPanel


def plain_label(text: str = "", *, name: str, wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML (user text may contain tags)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setAccessibleName(name)
    return label


def button(text: str, name: str) -> QPushButton:
    """A push button with its accessible name."""
    b = QPushButton(text)
    b.setAccessibleName(name)
    return b


class DeckTable(QTableView):
    """The deck list: Enter studies the current deck, and that is all it does.

    ``QAbstractItemView`` emits ``activated`` on Enter and then *ignores* the key, which the
    window's "Enter presses the focused button" rule then received with the review's
    "Show answer" focused: one Enter opened the review and showed the first answer.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class HomeView(QWidget):
    """The first screen. Emits what the user wants; the main window does it."""

    studyRequested = Signal(str)
    quizRequested = Signal(str)
    readRequested = Signal(str)
    deckSelected = Signal(str)
    addFileRequested = Signal()
    openFolderRequested = Signal()
    openProblemRequested = Signal(object)  # Path
    editProblemRequested = Signal(object)  # Problem: edit its file's text at its line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Home"))
        self.bank = Bank()
        outer = QVBoxLayout(self)
        self.summary = plain_label(name=self.tr("Summary"))
        outer.addWidget(self.summary)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        # Decks page: table on the left, the selected deck's actions on the right.
        decks_page = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_layout = QHBoxLayout()
        top_column.addLayout(top_layout, 1)
        self.model = DeckTableModel(self)
        self.table = DeckTable()
        self.table.setAccessibleName(self.tr("Decks"))
        # Sortable by any column (click a header); the source model keeps file order.
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until a header is clicked
        # The indicator's room would squeeze the titles; show it once the user sorts.
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.horizontalHeader().sectionClicked.connect(
            lambda _i: self.table.horizontalHeader().setSortIndicatorShown(True))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        # A long deck name wraps onto a second line rather than end in "…" (the number columns
        # keep their width, so at 800 px or a larger text size the name had the least room).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setItemDelegateForColumn(Column.MASTERY, MasteryDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for c in list(Column)[1:]:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # The mastery bar needs no more than its percentage's width again.
        header.setSectionResizeMode(Column.MASTERY, QHeaderView.ResizeMode.Fixed)
        self._fit_mastery_column()
        # Wrapped names need their rows' height again once the columns have their final width:
        # asked for after the layout settles (at the resize itself the width is not final yet).
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _i: self._study())
        top_layout.addWidget(self.table, 3)

        self.deck_panel = QFrame()
        self.deck_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.deck_panel.setAccessibleName(self.tr("Selected deck"))
        panel = QVBoxLayout(self.deck_panel)
        self.deck_title = plain_label(name=self.tr("Selected deck title"))
        scale_font(self.deck_title, 1.25)
        self.deck_info = plain_label(name=self.tr("Selected deck details"))
        self.study_button = button(self.tr("Study flashcards"), self.tr("Study flashcards"))
        self.quiz_button = button(self.tr("Take a quiz"), self.tr("Take a quiz"))
        self.read_button = button(self.tr("Read the article"), self.tr("Read the article"))
        self.deck_problems = plain_label(name=self.tr("Problems in this deck's file"))
        self.study_button.clicked.connect(self._study)
        self.quiz_button.clicked.connect(lambda: self._emit(self.quizRequested))
        self.read_button.clicked.connect(lambda: self._emit(self.readRequested))
        for w in (self.deck_title, self.deck_info, self.study_button, self.quiz_button, self.read_button, self.deck_problems):
            panel.addWidget(w)
        panel.addStretch(1)
        # In a scroll area: with a large text size the panel scrolls instead of squeezing.
        self.deck_scroll = QScrollArea()
        self.deck_scroll.setWidget(self.deck_panel)
        self.deck_scroll.setWidgetResizable(True)
        self.deck_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.deck_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.deck_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top_layout.addWidget(self.deck_scroll, 1)
        self.tips = plain_label(
            self.tr("Keyboard: ↑/↓ choose a deck · Enter studies its flashcards · Tab reaches the buttons · "
                    "F5 reloads question files · Ctrl+= / Ctrl+- text size · Ctrl+T statistics"),
            name=self.tr("Keyboard tips"),
        )
        self.tips.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top_column.addWidget(self.tips)
        decks_page.addWidget(top)

        decks_page.setChildrenCollapsible(False)
        self._decks_page = decks_page
        self.pages.addWidget(decks_page)
        # Built when first needed: the problems panel (hidden while there are none) and the
        # empty state (shown only without decks) are not on a usual first screen.
        self._problems: ProblemsPanel | None = None
        self._empty: EmptyPage | None = None

        self.setTabOrder(self.table, self.study_button)
        self.setTabOrder(self.study_button, self.quiz_button)
        self.setTabOrder(self.quiz_button, self.read_button)
        self._show_deck(None)

    # -- content -----------------------------------------------------------------------

    def set_content(self, bank: Bank, rows: list[DeckRow], select: str | None) -> None:
        """Show ``rows`` (one per deck of ``bank``) and its problems; keep ``select`` selected."""
        self.bank = bank
        self.model.set_rows(rows)
        self._fit_mastery_column()
        self._fit_table_width()
        self._fit_rows.start()
        due = sum(r.due for r in rows)
        parts = [plural_s(self.tr("%n deck(s)", "", len(rows)), len(rows)),
                 plural_s(self.tr("%n question(s)", "", bank.question_count), bank.question_count),
                 self.tr("%n due today", "", due)]
        if bank.problems:
            count = len(bank.problems)
            parts.append(plural_s(self.tr("%n problem(s) in question files", "", count), count))
        self.summary.setText(" · ".join(parts))
        if bank.problems or self._problems is not None:
            self.problems.set_problems(bank.problems)
            self.problems.setVisible(bool(bank.problems))
        if not rows or self._empty is not None:
            self.empty_problems.set_problems(bank.problems)
            self.empty_problems.setVisible(bool(bank.problems))
        self.pages.setCurrentWidget(self._decks_page if rows else self._empty_page())
        if not (select and self.select_deck(select)) and rows:
            self.select_deck(self.sorted.index(0, 0).data(DECK_ID_ROLE))
        self._show_deck(self.model.deck_row(self.model.row_of(self.current_deck_id() or "")))

    @property
    def problems(self) -> ProblemsPanel:
        """The panel under the deck list listing every problem in question files."""
        if self._problems is None:
            from studyapp.ui.problems_panel import ProblemsPanel

            panel = ProblemsPanel()
            panel.openRequested.connect(self.openProblemRequested)
            panel.editRequested.connect(self.editProblemRequested)
            page = self._decks_page
            page.addWidget(panel)
            page.setStretchFactor(0, 3)
            page.setStretchFactor(1, 1)
            # Stretch factors share out space only at the first layout: a panel added to a page
            # already laid out would get its size hint (most of the height). Give it its quarter.
            if page.isVisible():
                height = page.height()
                page.setSizes([height * 3 // 4, height - height * 3 // 4])
            self.setTabOrder(self.read_button, panel.list)
            self.setTabOrder(panel.list, panel.open_button)
            self._problems = panel
        return self._problems

    def _empty_page(self) -> EmptyPage:
        """The page shown when no deck is loaded (built on first use)."""
        if self._empty is None:
            from studyapp.ui.problems_panel import EmptyPage

            page = EmptyPage()
            page.add.clicked.connect(self.addFileRequested)
            page.folder.clicked.connect(self.openFolderRequested)
            page.problems.openRequested.connect(self.openProblemRequested)
            page.problems.editRequested.connect(self.editProblemRequested)
            self.pages.addWidget(page)
            self._empty = page
        return self._empty

    @property
    def empty_text(self) -> QLabel:
        """The empty state's explanation (shown when no deck is loaded)."""
        return self._empty_page().text

    @property
    def empty_add(self) -> QPushButton:
        """The empty state's "Add question file…" button."""
        return self._empty_page().add

    @property
    def empty_folder(self) -> QPushButton:
        """The empty state's "Open question folder" button."""
        return self._empty_page().folder

    @property
    def empty_problems(self) -> ProblemsPanel:
        """The problems panel of the empty state (without decks, every file has a problem)."""
        return self._empty_page().problems

    def current_deck_id(self) -> str | None:
        """The selected deck's id, if any."""
        index = self.table.currentIndex()
        return index.data(DECK_ID_ROLE) if index.isValid() else None

    def select_deck(self, deck_id: str) -> bool:
        """Select ``deck_id`` in the list; False when it is not loaded."""
        row = self.model.row_of(deck_id)
        if row < 0:
            return False
        index = self.sorted.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        return True

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        deck = self.model.deck_row(self.model.row_of(rows[0].data(DECK_ID_ROLE))) if rows else None
        self._show_deck(deck)
        if deck is not None:
            self.deckSelected.emit(deck.deck_id)

    def _show_deck(self, row: DeckRow | None) -> None:
        self.deck_panel.setEnabled(row is not None)
        if row is None:
            self.deck_title.setText(self.tr("No deck selected"))
            self.deck_info.setText("")
            self.deck_problems.setVisible(False)
            self.study_button.setText(self.tr("Study flashcards"))
            return
        self.deck_title.setText(title_text(row.title))
        score = (self.tr("no quiz yet") if row.last_score is None
                 else self.tr("last quiz {score}").format(score=percent_shown(row.last_score)))
        self.deck_info.setText(" · ".join((
            plural_s(self.tr("%n question(s)", "", row.questions), row.questions),
            self.tr("%n new", "", row.new),
            self.tr("{mastered} mastered ({percent})").format(mastered=row.mastered, percent=percent_shown(row.mastery)),
            score)))
        # As Anki's deck list: what today's session holds, due reviews and new cards (limit applied).
        counts = self.tr("%n due", "", row.due) + (" · " + self.tr("%n new", "", row.new_today) if row.new_today else "")
        self.study_button.setText(self.tr("Study flashcards ({counts})").format(counts=counts))
        self._fit_panel()
        self.study_button.setAccessibleName(self.tr("Study flashcards, {counts}").format(counts=counts.replace(" · ", ", ")))
        self.read_button.setVisible(row.has_source)
        self.deck_problems.setVisible(row.problems > 0)
        self.deck_problems.setText(plural_s(
            self.tr("%n problem(s) in this deck's file: see Problems below.", "", row.problems), row.problems))

    def _fit_panel(self) -> None:
        """The deck panel is as wide as its widest button needs (text size and counts change it)."""
        layout = self.deck_panel.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        widest = max(b.sizeHint().width() for b in (self.study_button, self.quiz_button, self.read_button))
        self.deck_scroll.setMinimumWidth(max(240, widest + margins.left() + margins.right() + 4))

    def _fit_mastery_column(self) -> None:
        """At least as wide as its heading needs, in the person's language and the headings' font
        (the text size sets that font after the list is built, and again when it changes)."""
        header = self.table.horizontalHeader()
        heading = str(self.model.headerData(Column.MASTERY, Qt.Orientation.Horizontal))
        header.resizeSection(Column.MASTERY, max(header.sectionSizeHint(Column.MASTERY),
                                                 header.fontMetrics().horizontalAdvance(heading) + 24))

    def _fit_table_width(self) -> None:
        """The list never narrower than its number columns plus the deck column's heading: in a
        language with longer headings those columns took all the room and cut "Deck" off (the
        window grows instead)."""
        header = self.table.horizontalHeader()
        needed = sum(max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c)) for c in list(Column)[1:]
                     if not header.isSectionHidden(c))
        needed += header.sectionSizeHint(Column.TITLE) + 2 * self.table.frameWidth()
        needed += self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(needed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_panel()
            self._fit_mastery_column()
            self._fit_table_width()
        super().changeEvent(event)

    def _emit(self, signal: SignalInstance) -> None:
        deck_id = self.current_deck_id()
        if deck_id:
            signal.emit(deck_id)

    def _study(self) -> None:
        self._emit(self.studyRequested)
