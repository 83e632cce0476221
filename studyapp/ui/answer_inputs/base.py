"""What every answer input shares: the ``AnswerInput`` interface and plain-text helpers.

An input renders one question and hands back a *response* in the shape
``studyapp.grading.grade`` expects (see the Response contract in docs/ARCHITECTURE.md).
It never grades: the quiz view asks it for ``response()`` and gives that to the session.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QPushButton, QScrollArea, QWidget

from studyapp.ui.theme import is_dark

#: Longest text put in an accessible name; screen readers read the visible label anyway.
_ACCESSIBLE_MAX = 200


def plain_label(text: str, parent: QWidget | None = None, *, selectable: bool = True) -> QLabel:
    """A word-wrapped label that shows ``text`` literally (never as rich text)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hint_label(parent: QWidget) -> QLabel:
    """An empty, unselectable plain label in the palette's muted colour, for a line of guidance."""
    label = plain_label("", parent, selectable=False)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def scroll_page(page: QWidget, parent: QWidget) -> QScrollArea:
    """A frameless scroll area around ``page`` that resizes it and never takes focus itself.

    Tab then goes straight to the controls on the page, and focusing one scrolls it into view.
    """
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab go through ``widgets`` in the order given."""
    for before, after in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(before, after)


#: Text colours for right / almost / wrong, readable on the light and on the dark palette.
_STATUS_COLOURS = {
    "right": ("#2e7d32", "#81c784"),
    "almost": ("#a15c00", "#ffb74d"),
    "wrong": ("#c62828", "#ef9a9a"),
}


def status_colour(status: str, widget: QWidget) -> str:
    """The colour for ``status`` ('right', 'almost', 'wrong') on ``widget``'s palette.

    Colour is only ever added to words and signs (✔ ≈ ✘) that say the same thing.
    """
    light, dark = _STATUS_COLOURS[status]
    return dark if is_dark(widget.palette()) else light


class ErrorBanner(QLabel):
    """A red banner for a problem the user can retry (e.g. "could not save: disk full"); hidden until used."""

    def __init__(self, parent: QWidget, accessible_name: str | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(accessible_name or self.tr("Save error"))
        self.setStyleSheet(
            f"color: {status_colour('wrong', parent)}; background: rgba(198, 40, 40, 30);"
            " font-weight: bold; padding: 6px;"
        )
        self.hide()

    def show_error(self, text: str) -> None:
        """Show ``text`` (plain) in the banner."""
        self.setText(text)
        self.show()


def pressable_button(widget: QWidget) -> QAbstractButton | None:
    """The push button that has focus under ``widget``, if Enter should press it."""
    focused = widget.focusWidget()
    if isinstance(focused, QPushButton) and focused.isEnabled() and focused.isVisible():
        return focused
    return None


def accessible(text: str) -> str:
    """``text`` shortened for an accessible name."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _ACCESSIBLE_MAX else flat[: _ACCESSIBLE_MAX - 1] + "…"


class ClickableLabel(QLabel):
    """A plain-text label that emits ``clicked`` (the text beside a radio button or check box)."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class AnswerInput(QWidget):
    """Base of the per-type inputs.

    Signals: ``changed`` when the response may have changed (the view re-checks whether it
    can submit); ``submitRequested`` when the input itself asks to submit (a self-graded card).
    """

    changed = Signal()
    submitRequested = Signal()

    def response(self) -> object | None:
        """The response in the grading contract's shape, or None while nothing is chosen."""
        raise NotImplementedError

    def pick(self, number: int) -> bool:
        """React to digit key ``number`` (1-based); True when it meant something here."""
        return False

    def enter(self) -> bool:
        """React to Enter while ``response()`` is None; True when it meant something here."""
        return False

    def set_locked(self, locked: bool) -> None:
        """Freeze the input once the answer is submitted."""
        self.setEnabled(not locked)

    def focus_first(self) -> None:
        """Put keyboard focus on the first control, ready for typing or picking."""
        self.focusNextChild()
