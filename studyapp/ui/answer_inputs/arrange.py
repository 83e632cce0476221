"""Inputs for arranging given items: ``order`` (a reorderable list) and ``match`` (a combo box per left item)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyapp.ui.answer_inputs.base import AnswerInput, accessible, chain_tab_order, plain_label, status_colour
from studyapp.ui.translation import QT_TRANSLATE_NOOP

_PLACEHOLDER = QT_TRANSLATE_NOOP("MatchInput", "Choose…")


class ReorderList(QListWidget):
    """A list whose items move by drag and drop, or with Alt+Up / Alt+Down on the current item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.locked = False

    def move_current(self, step: int) -> bool:
        """Move the current item ``step`` places (−1 up, +1 down); False at either end."""
        row = self.currentRow()
        target = row + step
        if self.locked or row < 0 or not 0 <= target < self.count():
            return False
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class OrderInput(AnswerInput):
    """``order``: the items in a list the user rearranges; the response is the tuple in list order."""

    def __init__(self, items: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = ReorderList(self)
        self.list.setAccessibleName(self.tr("Items to put in order"))
        self.list.setAccessibleDescription(self.tr("Drag items, or select one and press Alt+Up or Alt+Down to move it"))
        for text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, text)  # the text shown may get a ✔/✘ mark later
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.model().rowsMoved.connect(lambda *_: self.changed.emit())
        self.list.model().rowsInserted.connect(lambda *_: self.changed.emit())
        rows_height = sum(self.list.sizeHintForRow(i) for i in range(self.list.count()))
        self.list.setSpacing(2)
        # As tall as its rows (up to a point, then it scrolls): no empty box under short lists.
        spacing = 2 * self.list.spacing() * self.list.count()
        self.list.setFixedHeight(min(rows_height + spacing + 2 * self.list.frameWidth() + 4, 320))
        self.up = QPushButton(self.tr("Move &up"), self)
        self.up.setToolTip(self.tr("Move the selected item up (Alt+Up)"))
        self.up.setAccessibleName(self.tr("Move selected item up"))
        self.up.clicked.connect(lambda: self.list.move_current(-1))
        self.down = QPushButton(self.tr("Move &down"), self)
        self.down.setToolTip(self.tr("Move the selected item down (Alt+Down)"))
        self.down.setAccessibleName(self.tr("Move selected item down"))
        self.down.clicked.connect(lambda: self.list.move_current(1))
        for button in (self.up, self.down):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps focus; Alt+arrows do the same
        hint = plain_label(self.tr("Drag the items into the right order, or select one and press Alt+↑ / Alt+↓."), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def response(self) -> tuple[str, ...]:
        return tuple(str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count()))

    def mark_places(self, placed: Sequence[bool]) -> None:
        """After grading: ✔ before each item in its right place, ✘ before the others."""
        for i, ok in enumerate(placed):
            item = self.list.item(i)
            item.setText(f"{'✔' if ok else '✘'}  {item.data(Qt.ItemDataRole.UserRole)}")
            item.setForeground(QColor(status_colour("right" if ok else "wrong", self)))

    def set_locked(self, locked: bool) -> None:
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop if locked else QAbstractItemView.DragDropMode.InternalMove
        )
        self.up.setEnabled(not locked)
        self.down.setEnabled(not locked)
        self.list.locked = locked
        if locked:
            self.list.clearSelection()  # the ✔/✘ colours show better without the selection bar

    def focus_first(self) -> None:
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)


_INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
})


class MatchInput(AnswerInput):
    """``match``: a combo box of the right-hand items beside each left item; the response maps left → right.

    Left items with nothing chosen are left out of the response.
    """

    def __init__(self, lefts: Sequence[str], rights: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lefts = list(lefts)
        self.combos: list[QComboBox] = []
        self.marks: list[QLabel] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for row, left in enumerate(self.lefts):
            label = plain_label(left, self)
            combo = QComboBox(self)
            combo.addItem(QCoreApplication.translate("MatchInput", _PLACEHOLDER))
            combo.addItems(list(rights))
            combo.setAccessibleName(self.tr("Match for {item}").format(item=accessible(left)))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
            combo.installEventFilter(self)
            mark = QLabel(self)
            mark.setTextFormat(Qt.TextFormat.PlainText)
            mark.hide()
            self.combos.append(combo)
            self.marks.append(mark)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mark, row, 2, Qt.AlignmentFlag.AlignTop)
        chain_tab_order(self.combos)

    def response(self) -> dict[str, str]:
        return {
            left: combo.currentText()
            for left, combo in zip(self.lefts, self.combos)
            if combo.currentIndex() > 0
        }

    def mark_pairs(self, right: Mapping[str, bool]) -> None:
        """After grading: ✔ or ✘ beside each left item (``right`` maps left → chosen right)."""
        for left, mark in zip(self.lefts, self.marks):
            ok = right.get(left, False)
            mark.setText(self.tr("✔ right") if ok else self.tr("✘ not right"))
            mark.setStyleSheet(f"color: {status_colour('right' if ok else 'wrong', self)}; font-weight: bold;")
            mark.show()

    def set_locked(self, locked: bool) -> None:
        """Locked after grading: the choices can no longer change but stay in full colour (a
        disabled combo box greys its text, and the chosen answers were hard to read)."""
        self._locked = locked
        for combo in self.combos:
            combo.setFocusPolicy(Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.WheelFocus)
            if locked and combo.hasFocus():
                combo.clearFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """While locked, a combo box takes no click, wheel or key: its choice stays as graded."""
        if getattr(self, "_locked", False) and event.type() in _INPUT_EVENTS:
            return True
        return super().eventFilter(watched, event)

    def focus_first(self) -> None:
        if self.combos:
            self.combos[0].setFocus(Qt.FocusReason.OtherFocusReason)
