"""The article reader: the deck's source text, a highlighted passage, an optional mastery map.

The article is read by the core (``studyapp.articles``: blocks, and every quote found in one
pass); the text pane (``article_document``) shows it as plain text, so nothing in the article
is ever read as HTML or Markdown, and image lines become a small "[image]" placeholder (never
fetched).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from studyapp.articles.blocks import Article, BlockKind, parse_article
from studyapp.ui.article_document import ArticleDocument, ArticleText
from studyapp.ui.home_view import plain_label
from studyapp.ui.plain_text import title_text
from studyapp.ui.theme import colors_for, scale_font


class Mastery(Enum):
    """How well the questions quoting a paragraph are known."""

    UNSEEN = "not studied"
    WEAK = "weak"
    LEARNING = "learning"
    KNOWN = "known"


class ReaderView(QWidget):
    """Shows one article. ``show_article`` then optionally ``highlight(quote)``."""

    homeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Article reader")
        self.article: Article | None = None
        self.paragraph_mastery: dict[int, Mastery] = {}
        self.highlighted: tuple[int, int] | None = None
        self._mastery_source: Callable[[], Mapping[int, Mastery]] | None = None  # the map, when first shown
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
        self.map_toggle.toggled.connect(self._map_toggled)
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.map_toggle)
        layout.addLayout(top)
        self.text = ArticleText()
        self.text.setAccessibleName("Article text")
        self._document: ArticleDocument | None = None
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

    def _map_toggled(self) -> None:
        self.legend.setVisible(self.map_toggle.isChecked())
        self._apply_tints()

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

    def show_article(
        self,
        title: str,
        article: Article | str,
        paragraph_mastery: Mapping[int, Mastery] | Callable[[], Mapping[int, Mastery]] | None = None,
    ) -> None:
        """Show ``article`` (read by ``parse_article``, or its raw text); ``paragraph_mastery``
        maps block index → mastery (for the map), or computes it: then only when the map is
        shown (finding every quote of a long article is the costly part of opening it)."""
        self.title.setText(title_text(title))
        self.article = article if isinstance(article, Article) else parse_article(article)
        if callable(paragraph_mastery):
            self._mastery_source = paragraph_mastery
            self.paragraph_mastery = {}
        else:
            self._mastery_source = None
            self.paragraph_mastery = dict(paragraph_mastery or {})
        self.highlighted = None
        self._render()

    def highlight(self, quote: str) -> bool:
        """Highlight ``quote`` and scroll it into view; False when it is not in the article."""
        if self.article is None:
            return False
        self.highlighted = self.article.locate(quote)
        found = self.highlighted
        self._mark_highlight()
        # Once more after the screen is laid out (the reader may just be becoming visible).
        QTimer.singleShot(0, self.scroll_to_highlight)
        return found is not None

    def highlighted_text(self) -> str:
        """The text of the highlighted passage as shown ("" when none)."""
        cursor = self._highlight_cursor()
        return cursor.selectedText() if cursor is not None else ""

    # -- rendering ---------------------------------------------------------------------

    def _render(self) -> None:
        """Build the document again (a new article, text size or colour scheme)."""
        article = self.article
        base = self.palette().base().color()
        for m, sw in self._legend_swatches.items():
            pal = sw.palette()
            pal.setColor(sw.backgroundRole(), self._tints().get(m, base))
            sw.setPalette(pal)
        self.legend.setVisible(self.map_toggle.isChecked())
        if article is None:
            self._document = None
            self.text.setPlainText("")
            return
        shown = ArticleDocument(article, self.font(), colors_for(self.palette()).muted, self.text)
        self.text.setDocument(shown.document)
        if self._document is not None:
            self._document.document.deleteLater()
        self._document = shown
        self._apply_tints()
        self._mark_highlight()

    def _tints(self) -> dict[Mastery, QColor]:
        colors = colors_for(self.palette())
        return {Mastery.WEAK: colors.weak, Mastery.LEARNING: colors.learning, Mastery.KNOWN: colors.known}

    def _apply_tints(self) -> None:
        """Tint the paragraphs (painted behind them: the document is not rebuilt)."""
        if self._mastery_source is not None and self.map_toggle.isChecked():
            self.paragraph_mastery = dict(self._mastery_source())
            self._mastery_source = None
        tint = self._tints()
        blocks = self.article.blocks if self.article is not None and self.map_toggle.isChecked() else ()
        colors = {
            i: tint[m]
            for i, m in self.paragraph_mastery.items()
            if m in tint and i < len(blocks) and blocks[i].kind is BlockKind.PARAGRAPH
        }
        self.text.tints = self._document.tints(colors) if self._document is not None else {}
        self.text.viewport().update()

    def _mark_highlight(self) -> None:
        hc = self._highlight_cursor()
        if hc is None:
            self.text.setExtraSelections([])
            return
        # The selection colours: unlike the tints, unmistakable in both schemes.
        selection = QTextEdit.ExtraSelection()
        selection.cursor = hc
        fmt = QTextCharFormat()
        fmt.setBackground(self.palette().highlight().color())
        fmt.setForeground(self.palette().highlightedText().color())
        selection.format = fmt
        self.text.setExtraSelections([selection])
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        """Bring the highlighted passage to about a third from the top of the view."""
        hc = self._highlight_cursor()
        if hc is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(hc.selectionStart())
        self.text.setTextCursor(cursor)  # also where keyboard reading continues
        self.text.centerCursor()
        # The scroll bar counts lines: from the middle up to a third of the view.
        line = max(1, QFontMetrics(self.text.document().defaultFont()).lineSpacing())
        above = self.text.cursorRect(cursor).top() - self.text.viewport().height() // 3
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + above // line)

    def _highlight_cursor(self) -> QTextCursor | None:
        if self.highlighted is None or self._document is None:
            return None
        start, end = self.highlighted
        a, b = self._document.position(start), self._document.position(end)
        if a is None or b is None:
            return None
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return cursor


def paragraph_mastery(article: Article | str, quotes: Mapping[str, Mastery]) -> dict[int, Mastery]:
    """Block index → the weakest mastery among the questions whose quote lies in that block.

    ``quotes`` maps each quote to how well its question is known. Unseen questions only
    count when nothing in the paragraph was studied. The article is folded once for all quotes.
    """
    if not isinstance(article, Article):
        article = parse_article(article)
    order = [Mastery.WEAK, Mastery.LEARNING, Mastery.KNOWN, Mastery.UNSEEN]
    found: dict[int, list[Mastery]] = {}
    for quote, block in article.blocks_of(quotes).items():
        found.setdefault(block, []).append(quotes[quote])
    result = {}
    for block, ms in found.items():
        studied = [m for m in ms if m is not Mastery.UNSEEN]
        result[block] = min(studied, key=order.index) if studied else Mastery.UNSEEN
    return result
