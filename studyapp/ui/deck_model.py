"""The deck list's rows (plain values from bank + store) and the Qt table model showing them."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from enum import IntEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from studyapp.bank.model import Bank, Deck
from studyapp.store.localtime import local_day, tomorrow_start
from studyapp.store.marks import DEFAULT_SETTINGS_KEY
from studyapp.study.limits import DEFAULT_NEW_LIMIT, new_cards_left, new_cards_today
from studyapp.ui.plain_text import title_text, tooltip
from studyapp.ui.translation import QT_TRANSLATE_NOOP, percent_shown, plural_s

if TYPE_CHECKING:
    from studyapp.study.study_settings import SettingsBook

# "Mastered": fsrs expects the card to be remembered for three weeks (Anki's "mature").
# Same value as studyapp.stats.MASTERED_STABILITY_DAYS (a test keeps them equal); not imported
# from there so the first screen does not load the statistics module.
MASTERED_STABILITY_DAYS = 21.0

Index = QModelIndex | QPersistentModelIndex


class DeckStore(Protocol):
    """What the deck list reads from the store."""

    def card_flags(
        self, due_before: datetime, mastered_stability: float, deck: str | None = None
    ) -> dict[tuple[str, str], tuple[bool, bool]]: ...

    def last_quiz_score(self, deck: str) -> float | None: ...

    def new_cards_from_day(self, day: date, tz: tzinfo, deck: str | None = None) -> int: ...

    @property
    def day_start_hour(self) -> int: ...

    def hidden_cards(self, day: int, deck: str | None = None) -> dict[tuple[str, str], datetime | None]: ...

    def study_settings_body(self, deck: str) -> str | None: ...

    def study_settings_decks(self) -> list[str]: ...

    def put_study_settings_body(self, deck: str, body: str | None) -> None: ...

    def fsrs_parameters(self, deck: str | None = None) -> tuple[float, ...] | None: ...


class DeckRow(NamedTuple):
    """One line of the deck list (a named tuple: ~0.1 ms to create at start-up, a dataclass ~0.9)."""

    deck_id: str
    title: str
    questions: int
    due: int
    new: int
    new_today: int  # new cards the flashcard session will show today (daily limit applied)
    mastered: int
    last_score: float | None
    has_source: bool
    problems: int

    @property
    def mastery(self) -> float:
        """Share of the deck's questions mastered, 0..1."""
        return self.mastered / self.questions if self.questions else 0.0


def deck_rows(
    bank: Bank, store: DeckStore, now: datetime, tz: tzinfo, new_limit: int | None = None
) -> list[DeckRow]:
    """Every deck of ``bank`` with its counts as of ``now`` (``tz`` and the store's day start
    hour decide "today"). Suspended and buried cards are neither due nor new; the new cards of
    today follow each deck's study settings (or ``new_limit``, when given)."""
    hour = store.day_start_hour
    flags = store.card_flags(tomorrow_start(now, tz, hour), MASTERED_STABILITY_DAYS)
    hidden = store.hidden_cards(local_day(now, tz, hour))
    own = set(store.study_settings_decks())  # decks with their own settings (few): read one by one
    # Nothing chosen yet (a first start): the defaults, without loading the settings' module.
    book: SettingsBook | None = None
    default_limit = DEFAULT_NEW_LIMIT
    if own or store.study_settings_body(DEFAULT_SETTINGS_KEY) is not None:
        from studyapp.study.study_settings import SettingsBook  # light: no fsrs

        book = SettingsBook(store)
        default_limit = book.default().new_per_day
    rows = []
    for deck in bank.decks:
        due = new = mastered = 0
        if new_limit is not None:
            limit = new_limit
        else:
            limit = book.for_deck(deck.id).new_per_day if book is not None and deck.id in own else default_limit
        for q in deck.questions:
            card = flags.get((deck.id, q.id))
            if (deck.id, q.id) in hidden:
                if card is not None and card[1]:
                    mastered += 1
                continue
            if card is None:
                new += 1
                continue
            is_due, is_mastered = card
            if is_due:
                due += 1
            if is_mastered:
                mastered += 1
        rows.append(
            DeckRow(
                deck_id=deck.id,
                title=deck.title,
                questions=len(deck.questions),
                due=due,
                new=new,
                new_today=min(new, new_cards_left(limit, new_cards_today(store, now, tz, deck.id))),
                mastered=mastered,
                last_score=store.last_quiz_score(deck.id),
                has_source=deck.source is not None,
                # Its own file's problems, and other files that clash with it (same deck id).
                problems=sum(1 for p in bank.problems if p.path == deck.path or str(deck.path) in p.message),
            )
        )
    return rows


class Column(IntEnum):
    """Columns of the deck list."""

    TITLE = 0
    QUESTIONS = 1
    DUE = 2
    NEW = 3
    MASTERY = 4
    LAST_SCORE = 5


_HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("DeckTableModel", "Deck"),
    Column.QUESTIONS: QT_TRANSLATE_NOOP("DeckTableModel", "Total"),
    Column.DUE: QT_TRANSLATE_NOOP("DeckTableModel", "Due"),
    Column.NEW: QT_TRANSLATE_NOOP("DeckTableModel", "New"),
    Column.MASTERY: QT_TRANSLATE_NOOP("DeckTableModel", "Mastered"),
    Column.LAST_SCORE: QT_TRANSLATE_NOOP("DeckTableModel", "Last quiz"),
}
# Short headings leave the deck's name the room (the tooltips say them in full).
_TIPS = {
    Column.QUESTIONS: QT_TRANSLATE_NOOP("DeckTableModel", "Questions in the deck"),
    Column.DUE: QT_TRANSLATE_NOOP("DeckTableModel", "Flashcards due today"),
    Column.NEW: QT_TRANSLATE_NOOP("DeckTableModel", "Questions you have not studied yet"),
    Column.MASTERY: QT_TRANSLATE_NOOP("DeckTableModel", "Share of questions you are expected to remember for three weeks or more"),
    Column.LAST_SCORE: QT_TRANSLATE_NOOP("DeckTableModel", "Score of your last finished quiz on this deck"),
}

DECK_ID_ROLE = Qt.ItemDataRole.UserRole
MASTERY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class DeckTableModel(QStandardItemModel):
    """Read-only table of ``DeckRow``s: one row of items per deck, every role filled in.

    Items rather than a ``data()`` override: the views and the sorting proxy ask a model
    thousands of times for a screen (row and column counts, header roles), and each of those
    calls into a Python override costs; an item model answers them in C++.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(Column), parent)
        self._rows: list[DeckRow] = []
        for col in Column:
            self.setHeaderData(col, Qt.Orientation.Horizontal, self.tr(_HEADERS[col]))
            if col in _TIPS:
                self.setHeaderData(col, Qt.Orientation.Horizontal, self.tr(_TIPS[col]), Qt.ItemDataRole.ToolTipRole)

    def set_rows(self, rows: list[DeckRow]) -> None:
        """Replace every row."""
        self._rows = list(rows)
        self.setRowCount(0)
        for row in self._rows:
            self.appendRow([self._item(row, col) for col in Column])

    def _item(self, row: DeckRow, col: Column) -> QStandardItem:
        item = QStandardItem()
        item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        text = self._text(row, col)
        item.setData(text, Qt.ItemDataRole.DisplayRole)
        item.setData(text, Qt.ItemDataRole.AccessibleTextRole)
        item.setData(row.deck_id, DECK_ID_ROLE)
        item.setData(row.mastery, MASTERY_ROLE)
        item.setData(self._sort_key(row, col), SORT_ROLE)
        if col == Column.TITLE:
            problems = plural_s(self.tr("%n problem(s) in the file", "", row.problems), row.problems)
            tip = f"{title_text(row.title)}\n{row.deck_id}" + (f"\n{problems}" if row.problems else "")
            item.setData(tooltip(tip), Qt.ItemDataRole.ToolTipRole)  # the title, never markup
        else:
            item.setData(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), Qt.ItemDataRole.TextAlignmentRole)
        return item

    def row_of(self, deck_id: str) -> int:
        """Row number of a deck, -1 when absent."""
        for i, r in enumerate(self._rows):
            if r.deck_id == deck_id:
                return i
        return -1

    def deck_row(self, row: int) -> DeckRow | None:
        """The row's values, None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @staticmethod
    def _sort_key(row: DeckRow, col: Column) -> str | int | float:
        """Numbers sort as numbers; a deck without a quiz sorts below 0%."""
        if col == Column.TITLE:
            return row.title.casefold()
        return {
            Column.QUESTIONS: row.questions,
            Column.DUE: row.due,
            Column.NEW: row.new,
            Column.MASTERY: row.mastery,
            Column.LAST_SCORE: -1.0 if row.last_score is None else row.last_score,
        }[col]

    @staticmethod
    def _text(row: DeckRow, col: Column) -> str:
        if col == Column.TITLE:
            return title_text(row.title)
        if col == Column.QUESTIONS:
            return str(row.questions)
        if col == Column.DUE:
            return str(row.due)
        if col == Column.NEW:
            return str(row.new)
        if col == Column.MASTERY:
            return percent_shown(row.mastery)
        return percent_shown(row.last_score)


class MasteryDelegate(QStyledItemDelegate):
    """Draws the mastery column as a slim bar followed by its percentage.

    The base class draws the cell (background, selection, focus) with its text left out by
    ``initStyleOption``; the bar and the number go on top. ``QStyle`` is not used from Python:
    wrapping a style builds PySide6's ``QStyle`` type with its eleven large enums, ~6 ms of a
    start-up whose first screen paints this column (see ``theme.light_palette``). "Selected" is
    asked of the view's selection model, where the view's own ``State_Selected`` comes from.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(MASTERY_ROLE) is not None:
            option.text = ""  # drawn by paint, after the bar

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        value = index.data(MASTERY_ROLE)
        if value is None:
            return
        text = index.data(Qt.ItemDataRole.DisplayRole)
        selection = self._view.selectionModel()
        selected = selection is not None and selection.isSelected(index)
        pal = option.palette
        fg = pal.highlightedText().color() if selected else pal.text().color()
        r = option.rect.adjusted(6, 0, -6, 0)
        text_width = option.fontMetrics.horizontalAdvance("100%") + 6
        bar = QRect(r.x(), r.center().y() - 4, max(10, r.width() - text_width), 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QColor(fg)
        track.setAlpha(50)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 4, 4)
        filled = QRect(bar)
        filled.setWidth(round(bar.width() * max(0.0, min(1.0, float(value)))))
        if filled.width() > 0:
            painter.setBrush(fg if selected else pal.highlight().color())
            painter.drawRoundedRect(filled, 4, 4)
        painter.setPen(fg)
        painter.drawText(QRect(bar.right() + 4, r.y(), text_width, r.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(max(base.width(), option.fontMetrics.horizontalAdvance("100%") + 90), base.height())


def selected_deck(bank: Bank, deck_id: str | None) -> Deck | None:
    """The deck with ``deck_id`` if it is (still) loaded."""
    return bank.deck(deck_id) if deck_id else None
