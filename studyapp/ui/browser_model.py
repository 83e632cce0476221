"""The browser's table: the rows ``search_rows.build_rows`` made, filtered by a search and sorted.

A ``QAbstractTableModel`` over a list of row numbers: it opens on 100,000 questions at once
because Qt asks only for the cells it draws, and ``cell_text`` makes those on demand. Sorting
orders all row numbers once per column; a search then keeps that order (``SearchIndex.search``
filters the sorted numbers), so typing never sorts.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from studyapp.authoring.search import MatchAll, Node
from studyapp.bank.model import Bank
from studyapp.authoring.search_index import SearchIndex
from studyapp.authoring.search_rows import HEADINGS, BrowserRow, Column, cell_text, sorted_order

_Index = QModelIndex | QPersistentModelIndex
_COLUMNS = tuple(Column)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class BrowserModel(QAbstractTableModel):
    """Rows of questions (``BrowserRow``), the ones a query matches, in the chosen order."""

    def __init__(self, rows: list[BrowserRow], tz: tzinfo, parent: object | None = None, *,
                 folded: list[str] | None = None) -> None:
        """``folded``: the folded texts of a model of the same bank (``folded_texts``), reused."""
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows = rows
        self._folded = folded
        self.bank: Bank | None = None  # the bank the rows are of (set by whoever builds them)
        self._tz = tz
        self._order: list[int] = list(range(len(rows)))  # every row, in the sorted order
        self._visible: list[int] = self._order
        self._query: Node = MatchAll()
        self._index: SearchIndex | None = None
        self.sort_column: Column | None = None
        self.sort_order = Qt.SortOrder.AscendingOrder

    # -- Qt's model interface ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Qt asks about seven roles per cell drawn: the others are answered before touching the index.
        if role == _DISPLAY:
            row = index.row()
            if 0 <= row < len(self._visible):
                return cell_text(self._rows[self._visible[row]], _COLUMNS[index.column()], self._tz)
        elif role == _ALIGNMENT and index.column() == Column.ANSWERS:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt)
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(_COLUMNS):
            return HEADINGS[_COLUMNS[section]]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order every row by ``column`` (the current search keeps applying)."""
        if not 0 <= column < len(_COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = _COLUMNS[column], order
        self._order = sorted_order(self._rows, _COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        self._visible = self._matching(self._query)
        self.layoutChanged.emit()

    # -- searching ---------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many questions there are (matching or not)."""
        return len(self._rows)

    def index_ready(self) -> bool:
        """Whether the folded texts are built (the first search builds them otherwise)."""
        return self._index is not None

    def build_index(self) -> None:
        """Fold every question's texts once (about a second for 100,000 questions)."""
        if self._index is None:
            self._index = SearchIndex(self._rows, self._folded)

    def folded_texts(self) -> list[str] | None:
        """The folded texts of the questions, once built (for the next model of the same bank)."""
        return None if self._index is None else self._index.haystacks

    def set_query(self, query: Node) -> None:
        """Show the rows ``query`` matches, in the current order."""
        self.beginResetModel()
        self._query = query
        self._visible = self._matching(query)
        self.endResetModel()

    def _matching(self, query: Node) -> list[int]:
        if isinstance(query, MatchAll):
            return self._order
        self.build_index()
        assert self._index is not None
        return self._index.search(query, self._order)

    def row_at(self, row: int) -> BrowserRow:
        """The question shown on table row ``row``."""
        return self._rows[self._visible[row]]

    def key_at(self, row: int) -> tuple[str, str]:
        """(deck id, question id) of table row ``row``."""
        return self.row_at(row).key
