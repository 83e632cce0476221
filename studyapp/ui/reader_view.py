"""The article reader: the deck's source text, a highlighted passage, an optional mastery map.

The document is built with ``QTextCursor.insertText`` only, so nothing in the article is ever
read as HTML or Markdown, and image lines become a small "[image]" placeholder (never fetched).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette, QResizeEvent, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from studyapp.ui.article_text import Article, BlockKind, locate_quote, parse_article
from studyapp.ui.home_view import plain_label
from studyapp.ui.plain_text import title_text
from studyapp.ui.theme import colors_for, scale_font


class Mastery(Enum):
    """How well the questions quoting a paragraph are known."""

    UNSEEN = "not studied"
    WEAK = "weak"
    LEARNING = "learning"
    KNOWN = "known"


READABLE_WIDTH = 820


class ArticleBrowser(QTextBrowser):
    """A text browser that keeps lines at a readable length by centring the text column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the side margins match the page

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Called for the viewport's resizes too (QAbstractScrollArea forwards them): only act
        # when the margin really changes, or setting it would recurse.
        side = max(0, (self.width() - READABLE_WIDTH) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)


class ReaderView(QWidget):
    """Shows one article. ``show_article`` then optionally ``highlight(quote)``."""

    homeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Article reader")
        self.article: Article | None = None
        self.paragraph_mastery: dict[int, Mastery] = {}
        self.highlighted: tuple[int, int] | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton("← Decks")
        self.back.setAccessibleName("Back to decks")
        self.back.clicked.connect(self.homeRequested)
        self.title = plain_label(name="Article title", wrap=True)
        scale_font(self.title, 1.2)
        self.map_toggle = QCheckBox("Show mastery map")
        self.map_toggle.setAccessibleName("Show mastery map")
        self.map_toggle.setToolTip("Tint each paragraph by how well you know the questions that quote it")
        self.map_toggle.toggled.connect(self._render)
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.map_toggle)
        layout.addLayout(top)
        self.text = ArticleBrowser()
        self.text.setAccessibleName("Article text")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.text.document().setDocumentMargin(18)
        layout.addWidget(self.text, 1)
        self.legend = QWidget()
        legend = QHBoxLayout(self.legend)
        legend.setContentsMargins(0, 0, 0, 0)
        self._legend_swatches: dict[Mastery, QLabel] = {}
        legend.addWidget(plain_label("Paragraphs tinted by the questions that quote them:", name="Legend", wrap=False))
        for m in (Mastery.WEAK, Mastery.LEARNING, Mastery.KNOWN, Mastery.UNSEEN):
            sw = plain_label(f"  {m.value}  ", name=f"Legend: {m.value}", wrap=False)
            sw.setAutoFillBackground(True)
            self._legend_swatches[m] = sw
            legend.addWidget(sw)
        legend.addStretch(1)
        self.legend.setVisible(False)
        layout.addWidget(self.legend)
        self.setTabOrder(self.back, self.map_toggle)
        self.setTabOrder(self.map_toggle, self.text)

    def changeEvent(self, event: QEvent) -> None:
        # The system switched light/dark: tints and highlight are chosen per palette.
        if event.type() == QEvent.Type.PaletteChange and self.article is not None:
            self._render()
        super().changeEvent(event)

    def set_return_to(self, text: str, accessible_name: str) -> None:
        """Name where the back button (and Esc) returns: "← Decks", or the quiz or review the
        reader was opened from, which a button called "Decks" would wrongly seem to leave."""
        self.back.setText(text)
        self.back.setAccessibleName(accessible_name)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Esc goes back, like the back button."""
        if event.key() == Qt.Key.Key_Escape:
            self.back.click()
            return
        super().keyPressEvent(event)

    def show_article(self, title: str, raw_text: str, paragraph_mastery: Mapping[int, Mastery] | None = None) -> None:
        """Show ``raw_text``; ``paragraph_mastery`` maps block index → mastery (for the map)."""
        self.title.setText(title_text(title))
        self.article = parse_article(raw_text)
        self.paragraph_mastery = dict(paragraph_mastery or {})
        self.highlighted = None
        self._render()

    def highlight(self, quote: str) -> bool:
        """Highlight ``quote`` and scroll it into view; False when it is not in the article."""
        if self.article is None:
            return False
        found = locate_quote(self.article.text, quote)
        self.highlighted = found
        self._render()
        # Once more after the screen is laid out (the reader may just be becoming visible).
        QTimer.singleShot(0, self.scroll_to_highlight)
        return found is not None

    def highlighted_text(self) -> str:
        """The text of the highlighted passage as shown ("" when none)."""
        cursor = self._highlight_cursor()
        return cursor.selectedText() if cursor is not None else ""

    # -- rendering ---------------------------------------------------------------------

    def _render(self) -> None:
        doc = QTextDocument(self.text)
        doc.setDocumentMargin(18)
        doc.setDefaultFont(self.font())
        self._offsets: list[tuple[int, int, int]] = []  # (article start, doc position, length)
        article = self.article
        if article is None:
            self.text.setDocument(doc)
            return
        colors = colors_for(self.palette())
        tint = {
            Mastery.WEAK: colors.weak,
            Mastery.LEARNING: colors.learning,
            Mastery.KNOWN: colors.known,
        }
        for m, sw in self._legend_swatches.items():
            pal = sw.palette()
            pal.setColor(sw.backgroundRole(), tint.get(m, self.palette().base().color()))
            sw.setPalette(pal)
        show_map = self.map_toggle.isChecked()
        self.legend.setVisible(show_map)
        cursor = QTextCursor(doc)
        base_size = self.font().pointSizeF()
        first = True
        for i, block in enumerate(article.blocks):
            bf = QTextBlockFormat()
            cf = QTextCharFormat()
            cf.setFontPointSize(base_size * 1.08)
            if block.kind is BlockKind.HEADING:
                bf.setTopMargin(14)
                bf.setBottomMargin(6)
                bf.setHeadingLevel(2)
                cf.setFontPointSize(base_size * 1.4)
                cf.setFontWeight(QFont.Weight.Bold)
            elif block.kind is BlockKind.IMAGE:
                bf.setBottomMargin(10)
                cf.setFontItalic(True)
                cf.setForeground(colors.muted)
                cf.setFontPointSize(base_size * 0.9)
            else:
                bf.setBottomMargin(10)
                bf.setLineHeight(130, 1)  # QTextBlockFormat.ProportionalHeight
                mastery = self.paragraph_mastery.get(i)
                if show_map and mastery in tint:
                    bf.setBackground(tint[mastery])
            if first:
                cursor.setBlockFormat(bf)
                cursor.setBlockCharFormat(cf)
                first = False
            else:
                cursor.insertBlock(bf, cf)
            if block.kind is BlockKind.IMAGE:
                shown = f"[image{': ' + block.text if block.text else ''}]"
                cursor.insertText(shown, cf)
            else:
                self._offsets.append((block.start, cursor.position(), len(block.text)))
                # A paragraph's text is the line stripped; offsets are kept for highlighting.
                raw_line = article.text[block.start : block.end]
                lead = len(raw_line) - len(raw_line.lstrip())
                self._offsets[-1] = (block.start + lead, cursor.position(), len(block.text))
                cursor.insertText(block.text, cf)
        self.text.setDocument(doc)
        hc = self._highlight_cursor()
        if hc is not None:
            # The selection colours: unlike the tints, unmistakable in both schemes.
            fmt = QTextCharFormat()
            fmt.setBackground(self.palette().highlight().color())
            fmt.setForeground(self.palette().highlightedText().color())
            hc.mergeCharFormat(fmt)
            self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        """Bring the highlighted passage to about a third from the top of the view."""
        hc = self._highlight_cursor()
        if hc is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(hc.selectionStart())
        self.text.setTextCursor(cursor)  # also where keyboard reading continues
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.text.viewport().height() // 3)

    def _doc_position(self, offset: int) -> int | None:
        for start, pos, length in self._offsets:
            if start <= offset <= start + length:
                return pos + (offset - start)
        return None

    def _highlight_cursor(self) -> QTextCursor | None:
        if self.highlighted is None:
            return None
        start, end = self.highlighted
        a, b = self._doc_position(start), self._doc_position(end)
        if a is None or b is None:
            return None
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return cursor


def paragraph_mastery(article_text: str, quotes: Mapping[str, Mastery]) -> dict[int, Mastery]:
    """Block index → the weakest mastery among the questions whose quote lies in that block.

    ``quotes`` maps each quote to how well its question is known. Unseen questions only
    count when nothing in the paragraph was studied.
    """
    article = parse_article(article_text)
    order = [Mastery.WEAK, Mastery.LEARNING, Mastery.KNOWN, Mastery.UNSEEN]
    found: dict[int, list[Mastery]] = {}
    for quote, m in quotes.items():
        where = locate_quote(article.text, quote)
        if where is None:
            continue
        block = article.paragraph_at(where[0])
        if block is not None:
            found.setdefault(block, []).append(m)
    result = {}
    for block, ms in found.items():
        studied = [m for m in ms if m is not Mastery.UNSEEN]
        result[block] = min(studied, key=order.index) if studied else Mastery.UNSEEN
    return result

