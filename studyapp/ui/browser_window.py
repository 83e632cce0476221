"""The "Browse" window: every question of every deck in a table, searched as you type.

Opened with B on the deck list and View → Browse questions (``open_browser``). The rows are
made in the core (``authoring.search_rows``), the query is parsed by ``authoring.search``;
this module only shows them. A query that cannot be read shows its message under the field
(plain text) and leaves the table as it was. Enter or a double click on a row asks for the
editor (``edit_requested``); the bulk actions ask for their change (``bulk_requested``) with
the selected questions' keys.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.authoring.search import MatchAll, SearchError, parse
from studyapp.authoring.search_rows import BrowserRows, Column
from studyapp.ui.browser_model import BrowserModel, start_index_after_paint
from studyapp.ui.question_preview import QuestionPreview
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text, plural_s

if TYPE_CHECKING:
    from studyapp.authoring.search_index import SearchIndex
    from studyapp.bank.model import Bank
    from studyapp.store import Store
    from studyapp.ui.main_window import MainWindow

#: Typing waits this long for the next key before searching (a burst of keys searches once).
SEARCH_DELAY_MS = 30
PREPARING = QT_TRANSLATE_NOOP("BrowserWindow", "Preparing the search of every question's text…")
SEARCH_HINT = QT_TRANSLATE_NOOP(
    "BrowserWindow", 'Search: words, "a phrase", -word, or, deck:, tag:, type:, is:new / due / suspended / weak')


class BulkAction(StrEnum):
    """Changes asked for on the selected questions (``bulk_requested``)."""

    ADD_TAG = "add-tag"
    REMOVE_TAG = "remove-tag"
    MOVE_DECK = "move-deck"
    SUSPEND = "suspend"
    DELETE = "delete"


_BULK_TEXT = {
    BulkAction.ADD_TAG: QT_TRANSLATE_NOOP("BrowserWindow", "Add tag…"),
    BulkAction.REMOVE_TAG: QT_TRANSLATE_NOOP("BrowserWindow", "Remove tag…"),
    BulkAction.MOVE_DECK: QT_TRANSLATE_NOOP("BrowserWindow", "Move to deck…"),
    BulkAction.SUSPEND: QT_TRANSLATE_NOOP("BrowserWindow", "Suspend"),
    BulkAction.DELETE: QT_TRANSLATE_NOOP("BrowserWindow", "Delete…"),
}


class BrowserWindow(QWidget):
    """The Browse window. ``edit_requested(deck_id, question_id)``; ``bulk_requested(action, keys)``."""

    edit_requested = Signal(str, str)
    bulk_requested = Signal(str, list)  # BulkAction value, [(deck id, question id), ...]
    searched = Signal()  # a query was applied (or refused): the table and message are current

    def __init__(self, model: BrowserModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Browse"))
        self.setObjectName("BrowserWindow")
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("browser-search")
        self.search.setPlaceholderText(self.tr(SEARCH_HINT))
        self.search.setAccessibleName(self.tr("Search questions"))
        self.search.setClearButtonEnabled(True)
        self.message = QLabel()
        self.message.setObjectName("browser-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(link);")
        self.message.setAccessibleName(self.tr("Search message"))
        self.message.hide()
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setObjectName("browser-count")
        self.count.setAccessibleName(self.tr("Questions shown"))

        self.table = QTableView()
        self.table.setObjectName("browser-table")
        self.table.setAccessibleName(self.tr("Questions"))
        self.table.setModel(model)
        model.index_built.connect(self._index_built)
        self.table.setSortingEnabled(False)  # sorted through the header click below (no sort at start)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._sort_by)
        header.setStretchLastSection(True)
        for column, width in ((Column.PROMPT, 320), (Column.ANSWER, 200), (Column.DECK, 120)):
            self.table.setColumnWidth(column, width)
        self._fit_headings()
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.activated.connect(self._activated)  # Enter, and a double click

        self.actions_button = QToolButton()
        self.actions_button.setText(self.tr("Selected"))
        self.actions_button.setAccessibleName(self.tr("Actions on the selected questions"))
        self.actions_button.setObjectName("browser-actions")
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_actions: dict[BulkAction, QAction] = {}
        for action in BulkAction:
            qaction = QAction(self.tr(_BULK_TEXT[action]), self)
            qaction.setObjectName(f"bulk-{action.value}")
            qaction.triggered.connect(lambda _checked=False, a=action: self._bulk(a))
            self.bulk_actions[action] = qaction
            self.actions_button.addAction(qaction)
            self.table.addAction(qaction)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.preview = QuestionPreview(self)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._preview(current))
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        # Down in the search field goes to the rows (as from a browser's address bar to its
        # list): type a query, Down, Enter opens the first match.
        to_rows = QAction(self.search)
        to_rows.setShortcut(QKeySequence(Qt.Key.Key_Down))
        to_rows.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        to_rows.triggered.connect(self._focus_rows)
        self.search.addAction(to_rows)
        self.addAction(find)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.actions_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.count)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self._selection_changed()
        self._show_count()
        self.resize(1100, 650)

    def _fit_headings(self) -> None:
        """Widen a column whose heading would be cut (a longer word in another language, a larger
        text size); the widths given above stay the least."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):  # the last one stretches
            needed = header.sectionSizeHint(column)
            if self.table.columnWidth(column) < needed:
                self.table.setColumnWidth(column, needed)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_headings()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._fit_headings()  # with the header's style and font, known once it is shown

    def set_model(self, model: BrowserModel) -> None:
        """Show new rows (the bank or the memory changed), keeping the query."""
        old_selection = self.table.selectionModel()
        if self.model.sort_column is not None:  # the new rows in the order the header shows
            model.sort(self.model.sort_column, self.model.sort_order)
        self.model = model
        self.table.setModel(model)
        model.index_built.connect(self._index_built)
        old_selection.deleteLater()  # the view made it, and setModel does not delete it
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._preview(current))
        self.preview.show_question(None)
        self.apply_search()
        self._selection_changed()
        start_index_after_paint(model, self.table.viewport())  # a new bank: its texts folded before the first key

    def apply_search(self) -> None:
        """Filter the table by the search field's query (now, without waiting for the timer)."""
        self._timer.stop()
        try:
            query = parse(self.search.text())
        except SearchError as exc:
            self.message.setText(self.tr("{message} (at character {position})").format(
                message=search_error_text(exc), position=number_text(exc.start + 1)))
            self.message.show()
        else:
            if not isinstance(query, MatchAll) and not self.model.prepare_index():
                self.message.setText(self.tr(PREPARING))  # the query applies once the index is there
                self.message.show()
                return
            self.message.hide()
            self.message.clear()
            self.model.set_query(query)
            self._show_count()
            self._preview(self.table.currentIndex())
        self.searched.emit()

    def _index_built(self) -> None:
        if self.search.text().strip():
            self.apply_search()

    def selected_keys(self) -> list[tuple[str, str]]:
        """(deck id, question id) of every selected row, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.key_at(r) for r in rows]

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_rows(self) -> None:
        """From the search field to the table, on its current row (the first if none), selected."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        current = self.table.currentIndex()
        if not self.table.selectionModel().hasSelection():
            self.table.selectRow(current.row() if current.isValid() else 0)

    def _sort_by(self, column: int) -> None:
        model = self.model
        order = Qt.SortOrder.AscendingOrder
        if model.sort_column is not None and model.sort_column == column and model.sort_order == order:
            order = Qt.SortOrder.DescendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        model.sort(column, order)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            deck_id, question_id = self.model.key_at(index.row())
            self.edit_requested.emit(deck_id, question_id)

    def _preview(self, current: QModelIndex) -> None:
        """Show the current row's question under the table (its picture too)."""
        row = current.row()
        inside = 0 <= row < self.model.rowCount()
        self.preview.show_question(self.model.rows.questions[self.model.row_of(row)] if inside else None)

    def _bulk(self, action: BulkAction) -> None:
        keys = self.selected_keys()
        if keys:
            self.bulk_requested.emit(action.value, keys)

    def _selection_changed(self) -> None:
        has = self.table.selectionModel().hasSelection()
        for action in self.bulk_actions.values():
            action.setEnabled(has)
        self.actions_button.setEnabled(has)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if shown != total:
            self.count.setText(_counted(self.tr("{shown} of %n question(s)", "", total), total).format(
                shown=number_text(shown)))
        else:
            self.count.setText(_counted(self.tr("%n question(s)", "", total), total))


def _counted(text: str, count: int) -> str:
    """A ``%n`` text from the translator with its count written as the locale writes numbers
    (``100,000 questions``: Qt's ``%n`` has no group separators)."""
    return plural_s(text, count).replace(str(count), number_text(count), 1)


#: The search parser's messages (``SearchError.template``), for the translators.
SEARCH_ERRORS = (
    QT_TRANSLATE_NOOP("BrowserWindow", 'a quote (") is not closed'),
    QT_TRANSLATE_NOOP("BrowserWindow", "'-' needs something right after it to leave out, like -word"),
    QT_TRANSLATE_NOOP("BrowserWindow", "nothing inside the quotes"),
    QT_TRANSLATE_NOOP("BrowserWindow", "')' without an opening '('"),
    QT_TRANSLATE_NOOP("BrowserWindow", "'or' needs something after it"),
    QT_TRANSLATE_NOOP("BrowserWindow", "'and' needs something on both sides"),
    QT_TRANSLATE_NOOP("BrowserWindow", "'(' is not closed with ')'"),
    QT_TRANSLATE_NOOP("BrowserWindow", "'{word}' needs something before it"),
    QT_TRANSLATE_NOOP("BrowserWindow", "the search ends too early"),
    QT_TRANSLATE_NOOP("BrowserWindow", "more than {depth} nested parentheses"),
    QT_TRANSLATE_NOOP("BrowserWindow", "nothing to search for inside '()'"),
    QT_TRANSLATE_NOOP("BrowserWindow", "'{word}' cannot stand here"),
    QT_TRANSLATE_NOOP("BrowserWindow", "unknown 'is:{value}' (use {flags})"),
    QT_TRANSLATE_NOOP("BrowserWindow", "unknown field '{name}:' (use {fields} or is:, or put \"{word}\" in quotes)"),
    QT_TRANSLATE_NOOP("BrowserWindow", "'{name}:' needs a value, like {name}:{example}"),
    QT_TRANSLATE_NOOP("BrowserWindow", "unknown type '{value}' (use {types})"),
)


def search_error_text(exc: SearchError) -> str:
    """The search error's message in the window's language (the parser's own for a template
    the translation does not know or fills wrongly)."""
    try:
        return QCoreApplication.translate("BrowserWindow", exc.template).format(**exc.values)
    except (KeyError, IndexError, ValueError):
        return exc.message


def browser_model(bank: Bank, store: Store, now: datetime, tz: tzinfo, index: SearchIndex | None = None) -> BrowserModel:
    """The model of every question of ``bank``, with its memory and history from ``store`` (read
    as rows are drawn; ``index``: the search index of an earlier model of the same bank, reused)."""
    from studyapp.study.quiz import due_cutoff

    return BrowserModel(BrowserRows(bank, store, due_cutoff(now, tz)), tz, index=index)


def open_browser(window: MainWindow) -> BrowserWindow:
    """Show the Browse window of ``window`` (made on first use; its rows rebuilt each time, the
    search index only when the bank changed)."""
    browser = window.findChild(BrowserWindow)
    if browser is None:
        from studyapp.ui.browser_actions import BrowserActions

        browser = BrowserWindow(_model_of(window, None), window)
        BrowserActions(window, browser)  # the editor, the bulk actions and their undo (owned by the browser)
        window.fit_text_size(browser)
        window.reloaded.connect(lambda: browser.set_model(_model_of(window, None)) if browser.isVisible() else None)
    else:
        browser.set_model(_model_of(window, browser))
    browser.show()
    browser.raise_()
    browser.activateWindow()
    browser.search.setFocus()
    start_index_after_paint(browser.model, browser.table.viewport())  # before the first key, off the UI thread
    return browser


def _model_of(window: MainWindow, browser: BrowserWindow | None) -> BrowserModel:
    index = browser.model.search_index if browser is not None and browser.model.bank is window.bank else None
    return browser_model(window.bank, window.core.store, window.now(), window.core.store.tz, index)
