"""The browser's table: the questions of ``search_rows.BrowserRows``, filtered by a search and sorted.

A ``QAbstractTableModel`` over a list of row numbers: it opens on 100,000 questions at once
because Qt asks only for the cells it draws. A cell's text is made on demand from the rows'
compact columns and kept (``data``); the memory, due date and last result of the rows drawn are
read from the store in one statement per batch of rows (``BrowserRows.ensure``). Sorting orders
all row numbers once per column on keys the core keeps; a search then keeps that order
(``SearchIndex.search`` filters the sorted numbers), so typing never sorts.

The search index (every question's folded texts) depends only on the bank: it is handed from one
model to the next of the same bank, and otherwise built off the UI thread (``start_index``, after
the window's first frame: ``start_index_after_paint``); ``index_built`` says when it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from studyapp.authoring.search import MatchAll, Node
from studyapp.authoring.search_index import SearchIndex
from studyapp.authoring.search_rows import STORE_COLUMNS, UNREADABLE, BrowserRows, Column
from studyapp.bank.model import Bank, TrueFalseQuestion
from studyapp.ui.answer_texts import true_false
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.translation import QT_TRANSLATE_NOOP, date_text, number_text

_Index = QModelIndex | QPersistentModelIndex
_COLUMNS = tuple(Column)
_WIDTH = len(_COLUMNS)
_STORE = frozenset(int(c) for c in STORE_COLUMNS)
_ANSWER = int(Column.ANSWER)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # every cell's (asked once per cell drawn)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Rows whose memory one statement reads (from the first drawn row without it, down the table).
BATCH = 200
#: Up to this many questions the search index is built at once, when first needed (a few ms).
SMALL_BANK = 2_000
#: Cell texts kept; past this the cache starts over (a few screens' worth is what matters).
_CACHED_CELLS = 50_000
#: The column headings (``search_rows.HEADINGS`` in the window's language).
HEADINGS = {
    Column.DECK: QT_TRANSLATE_NOOP("BrowserModel", "Deck"), Column.TYPE: QT_TRANSLATE_NOOP("BrowserModel", "Type"),
    Column.PROMPT: QT_TRANSLATE_NOOP("BrowserModel", "Prompt"), Column.ANSWER: QT_TRANSLATE_NOOP("BrowserModel", "Answer"),
    Column.TAGS: QT_TRANSLATE_NOOP("BrowserModel", "Tags"), Column.MEMORY: QT_TRANSLATE_NOOP("BrowserModel", "Memory"),
    Column.DUE: QT_TRANSLATE_NOOP("BrowserModel", "Due"), Column.LAST: QT_TRANSLATE_NOOP("BrowserModel", "Last result"),
    Column.ANSWERS: QT_TRANSLATE_NOOP("BrowserModel", "Answers"), Column.FILE: QT_TRANSLATE_NOOP("BrowserModel", "File"),
}
#: The memory and last-result cells the core writes (``MemoryState``, the last result), for the translators.
STATE_TEXTS = (
    QT_TRANSLATE_NOOP("BrowserModel", "new"), QT_TRANSLATE_NOOP("BrowserModel", "learning"),
    QT_TRANSLATE_NOOP("BrowserModel", "review"), QT_TRANSLATE_NOOP("BrowserModel", "relearning"),
    QT_TRANSLATE_NOOP("BrowserModel", "suspended"), QT_TRANSLATE_NOOP("BrowserModel", "wrong"),
    QT_TRANSLATE_NOOP("BrowserModel", "almost"), QT_TRANSLATE_NOOP("BrowserModel", "right"),
)


class BrowserModel(QAbstractTableModel):
    """The questions of ``rows``, the ones a query matches, in the chosen order."""

    index_built = Signal()  # the search index is ready (``start_index``)

    def __init__(self, rows: BrowserRows, tz: tzinfo, parent: QObject | None = None, *,
                 index: SearchIndex | None = None) -> None:
        """``index``: the search index of a model of the same bank (``search_index``), reused."""
        super().__init__(parent)
        self.rows = rows
        self._tz = tz
        self._order: list[int] = list(range(len(rows)))  # every row, in the sorted order
        self._visible: list[int] = self._order
        self._query: Node = MatchAll()
        self._index = index if index is not None and len(index) == len(rows) else None
        self._cells: dict[int, str] = {}  # row * _WIDTH + column -> the cell's text
        self._task: BackgroundTask | None = None
        self.sort_column: Column | None = None
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._headings = [self.tr(HEADINGS[c]) for c in _COLUMNS]
        self._states = {text: self.tr(text) for text in STATE_TEXTS}

    @property
    def bank(self) -> Bank:
        """The bank the rows are of."""
        return self.rows.bank

    # -- Qt's model interface ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else _WIDTH

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Qt asks about seven roles per cell drawn: the others are answered before touching the index.
        if role == _DISPLAY:
            row = index.row()
            visible = self._visible
            if not 0 <= row < len(visible):
                return None
            base, column = visible[row], index.column()
            text = self._cells.get(base * _WIDTH + column)
            if text is None:
                rows = self.rows
                if column in _STORE and not rows.loaded(base):
                    rows.ensure(visible[row:row + BATCH])
                text = rows.cell_text(base, _COLUMNS[column], self._tz)
                if column in _STORE and text and text != UNREADABLE:
                    text = self._store_text(base, _COLUMNS[column], text)
                elif column == _ANSWER and isinstance(question := rows.questions[base], TrueFalseQuestion):
                    text = true_false(question.answer)
                if len(self._cells) >= _CACHED_CELLS:
                    self._cells.clear()
                self._cells[base * _WIDTH + column] = text
            return text
        if role == _ALIGNMENT and index.column() == Column.ANSWERS:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt)
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < _WIDTH:
            return self._headings[section]
        return None

    def _store_text(self, row: int, column: Column, text: str) -> str:
        """A memory, due, last result or answers cell in the window's language (``text``: the core's)."""
        if column is Column.DUE:
            due = self.rows.due(row)
            return date_text(due.astimezone(self._tz)) if due is not None else ""
        if column is Column.ANSWERS:
            return number_text(self.rows.answers(row))
        return self._states.get(text, text)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order every row by ``column`` (the current search keeps applying)."""
        if not 0 <= column < _WIDTH:
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = _COLUMNS[column], order
        self._order = self.rows.sorted_order(_COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if column in _STORE:
            self._cells.clear()  # every row's memory was read again
        self._visible = self._matching(self._query)
        self.layoutChanged.emit()

    # -- searching ---------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many questions there are (matching or not)."""
        return len(self.rows)

    @property
    def search_index(self) -> SearchIndex | None:
        """The search index once built (for the next model of the same bank)."""
        return self._index

    def index_ready(self) -> bool:
        """Whether the search index is built."""
        return self._index is not None

    def prepare_index(self) -> bool:
        """True when the search index is there (built at once for a small bank); otherwise start
        building it off the UI thread (``index_built`` when done) and False."""
        if self._index is None and len(self.rows) <= SMALL_BANK:
            self.build_index()
        if self._index is not None:
            return True
        self.start_index()
        return False

    def build_index(self) -> None:
        """Fold every question's texts now, on this thread (about a second for 100,000 questions)."""
        if self._index is None:
            self._index = SearchIndex(self.rows.questions)

    def start_index(self) -> None:
        """Build the search index off the UI thread (``index_built`` when done); nothing if built
        or building."""
        if self._index is not None or self._task is not None:
            return
        self._task = BackgroundTask(self)
        self._task.finished.connect(self._index_done)
        self._task.failed.connect(lambda _message: self._index_done(None))
        questions = self.rows.questions
        self._task.start(lambda _cancel: SearchIndex(questions), "studyapp-search-index")

    def _index_done(self, index: object) -> None:
        if self._index is None:  # (else built here meanwhile, by a search that could not wait)
            if isinstance(index, SearchIndex):
                self._index = index
            else:
                self.build_index()  # the thread failed: build it here, the search must work
        self.index_built.emit()

    def set_query(self, query: Node) -> None:
        """Show the rows ``query`` matches, in the current order (builds the index if needed)."""
        self.beginResetModel()
        self._query = query
        self._visible = self._matching(query)
        self.endResetModel()

    def _matching(self, query: Node) -> list[int]:
        if isinstance(query, MatchAll):
            return self._order
        self.build_index()
        assert self._index is not None
        return self._index.search(query, self.rows, self._order)

    def key_at(self, row: int) -> tuple[str, str]:
        """(deck id, question id) of table row ``row``."""
        return self.rows.key(self._visible[row])

    def row_of(self, row: int) -> int:
        """The place in ``rows`` of table row ``row``."""
        return self._visible[row]


class _AfterPaint(QObject):
    """Calls ``then`` once, in the event loop's next turn after ``widget``'s first paint."""

    def __init__(self, widget: QObject, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
            self.deleteLater()
        return False


def start_index_after_paint(model: BrowserModel, viewport: QObject) -> None:
    """Build ``model``'s search index off the UI thread once ``viewport`` has painted its first
    frame (the folding thread would otherwise slow that frame down)."""
    if not model.index_ready():
        _AfterPaint(viewport, model.start_index)
