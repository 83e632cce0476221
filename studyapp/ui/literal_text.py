"""A text from a question file shown literally, at any length the loader accepts (up to 1 MiB).

A word-wrapped ``QLabel`` lays its whole text out again for every size query: measured offscreen
with a 1 MB prompt, showing it took 9-21 s and every resize of the window 2-5 s. ``LiteralText``
keeps a plain label for usual texts and switches to a read-only, scrolling ``QPlainTextEdit``
beyond ``LONG_TEXT_CHARS``: the same prompt then shows in under a second and a resize costs
about 0.2 s. Both show plain text only (never HTML or Markdown).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

#: Longer texts go to the scrolling view (a label shows 5,000 characters in ~25 ms).
LONG_TEXT_CHARS = 4000
#: Lines of the scrolling view's height; the text scrolls inside it.
LONG_TEXT_LINES = 14
#: A run of this many characters without a space is broken anywhere: breaking it at word
#: boundaries costs Qt time growing with the square of the run (a 1 MB word took 50 s).
_LONG_RUN = re.compile(r"\S{100}")


def _html(text: str) -> str:
    """``text`` escaped for a rich-text label, its line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


class LiteralText(QWidget):
    """Shows ``setText(text)`` literally: a plain label, or a scrolling plain-text view when long."""

    def __init__(self, parent: QWidget | None = None, *, selectable: bool = True) -> None:
        super().__init__(parent)
        self._text = ""
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        if selectable:
            self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.long_view: QPlainTextEdit | None = None  # built for the first long text
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.label)

    def text(self) -> str:
        """The whole text shown."""
        return self._text

    def textFormat(self) -> Qt.TextFormat:  # noqa: N802 (as QLabel's)
        """Always plain text (``set_marked`` builds its markup from escaped pieces only)."""
        return Qt.TextFormat.PlainText

    def is_long(self) -> bool:
        """True when the text is shown in the scrolling view."""
        return self.long_view is not None and not self.long_view.isHidden()

    def setText(self, text: str) -> None:  # noqa: N802 (as QLabel's)
        """Show ``text`` (plain) in the label, or in the scrolling view when it is long."""
        self._text = text
        if len(text) <= LONG_TEXT_CHARS:
            self.label.setTextFormat(Qt.TextFormat.PlainText)  # set_marked may have made it rich
            self.label.setText(text)
            self.label.show()
            if self.long_view is not None:
                self.long_view.clear()
                self.long_view.hide()
            return
        view = self._view()
        view.setWordWrapMode(
            QTextOption.WrapMode.WrapAnywhere if _LONG_RUN.search(text)
            else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        )
        view.setPlainText(text)
        view.setFixedHeight(view.fontMetrics().lineSpacing() * LONG_TEXT_LINES + 2 * view.frameWidth() + 8)
        self.label.clear()
        self.label.hide()
        view.show()

    def set_marked(self, segments: Sequence[tuple[str, bool]], colour: str) -> None:
        """Show the segments' text with the marked ones (a cloze's filled gaps) bold and
        underlined in ``colour``. Every segment is escaped: markup in the text stays literal.
        A long text is shown plain, as ``setText`` would."""
        plain = "".join(text for text, _ in segments)
        if len(plain) > LONG_TEXT_CHARS:
            self.setText(plain)
            return
        self.setText(plain)
        pieces = [
            f'<b style="color:{colour}; text-decoration: underline">{_html(text)}</b>' if marked else _html(text)
            for text, marked in segments
        ]
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setText("".join(pieces))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        """Name the widget and both of its views."""
        super().setAccessibleName(name)
        self.label.setAccessibleName(name)
        if self.long_view is not None:
            self.long_view.setAccessibleName(name)

    def _view(self) -> QPlainTextEdit:
        if self.long_view is None:
            view = QPlainTextEdit(self)
            view.setReadOnly(True)
            view.setFrameShape(QFrame.Shape.StyledPanel)
            view.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            # Clicked to select or scroll, not a Tab stop: Tab goes to the answer's controls.
            view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            view.setAccessibleName(self.accessibleName())
            self._layout.addWidget(view)
            self.long_view = view
        return self.long_view
