"""The article reader: the deck's source text, a highlighted passage, a mastery map, coverage.

The article is read by the core (``studyapp.articles``: blocks, every quote found in one pass,
the sentences quotes are in, which paragraphs are quoted); the text pane
(``article_document``) shows it as plain text with the title and headings as headings, list
items with bullets and image lines as figures. The mastery map tints each quoted *sentence*
by how well its questions are known; "Show unquoted paragraphs" tints the paragraphs no
question quotes yet and puts each section's count beside its heading. The quote the reader
was opened at is marked like a highlighter pen, unlike the person's own selection. Select
words and choose "Make a question" (context menu or Ctrl+Shift+M) to ask for a question about
them: ``make_question_requested`` carries the selection, its sentence and its block's index.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from enum import Enum

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QDesktopServices, QFontMetrics, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from studyapp.articles.blocks import Article, parse_article
from studyapp.articles.coverage import Coverage, coverage, quoted_sentences, sentence_span
from studyapp.articles.folding import Span
from studyapp.ui.article_document import ArticleDocument, ArticleText, SpanTints
from studyapp.ui.home_view import plain_label
from studyapp.ui.plain_text import title_text
from studyapp.ui.theme import colors_for, scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP, plural_s

MAKE_QUESTION_KEY = QKeySequence("Ctrl+Shift+M")  # M for "make"; Ctrl+Shift+Q sits next to Quit


class Mastery(Enum):
    """How well the questions quoting a sentence are known."""

    UNSEEN = "not studied"
    WEAK = "weak"
    LEARNING = "learning"
    KNOWN = "known"


#: The legend's names of the ``Mastery`` values, for the translators.
_LEGEND_NAMES = (QT_TRANSLATE_NOOP("ReaderView", "not studied"), QT_TRANSLATE_NOOP("ReaderView", "weak"),
                 QT_TRANSLATE_NOOP("ReaderView", "learning"), QT_TRANSLATE_NOOP("ReaderView", "known"))


_ORDER = [Mastery.WEAK, Mastery.LEARNING, Mastery.KNOWN, Mastery.UNSEEN]
SpanMastery = Mapping[Span, Mastery]


class ReaderView(QWidget):
    """Shows one article. ``show_article`` then optionally ``highlight(quote)``."""

    homeRequested = Signal()
    #: The person asked for a question about a selection: (selected text, its sentence, block index).
    make_question_requested = Signal(str, str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Article reader"))
        self.article: Article | None = None
        self.span_mastery: dict[Span, Mastery] = {}
        self.coverage: Coverage | None = None
        self.highlighted: tuple[int, int] | None = None
        self._mastery_source: Callable[[], SpanMastery] | None = None  # the map, when first shown
        self._quotes: Callable[[], Collection[str]] | None = None  # for coverage, when first shown
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("← Decks"))
        self.back.setAccessibleName(self.tr("Back to decks"))
        self.back.clicked.connect(self.homeRequested)
        self.title = plain_label(name=self.tr("Article title"), wrap=True)
        scale_font(self.title, 1.2)
        self.map_toggle = QCheckBox(self.tr("Show mastery map"))
        self.map_toggle.setAccessibleName(self.tr("Show mastery map"))
        self.map_toggle.setToolTip(self.tr("Tint each quoted sentence by how well you know the questions that quote it"))
        self.map_toggle.toggled.connect(self._map_toggled)
        self.coverage_toggle = QCheckBox(self.tr("Show unquoted paragraphs"))
        self.coverage_toggle.setAccessibleName(self.tr("Show unquoted paragraphs"))
        self.coverage_toggle.setToolTip(self.tr("Tint the paragraphs no question quotes yet; count the quoted ones under each heading"))
        self.coverage_toggle.toggled.connect(self._apply_tints)
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.coverage_toggle)
        top.addWidget(self.map_toggle)
        layout.addLayout(top)
        self.text = ArticleText()
        self.text.setAccessibleName(self.tr("Article text"))
        self.text.link_requested.connect(self.open_link)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.make_question_action = QAction(self.tr("Make a question from the selection"), self)
        self.make_question_action.setShortcut(MAKE_QUESTION_KEY)
        self.make_question_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.make_question_action.triggered.connect(self.request_question)
        self.addAction(self.make_question_action)
        self._document: ArticleDocument | None = None
        layout.addWidget(self.text, 1)
        self.legend = QWidget()
        legend = QHBoxLayout(self.legend)
        legend.setContentsMargins(0, 0, 0, 0)
        self._legend_swatches: dict[Mastery, QLabel] = {}
        legend.addWidget(plain_label(self.tr("Sentences tinted by the questions that quote them:"), name=self.tr("Legend"), wrap=False))
        for m in (Mastery.WEAK, Mastery.LEARNING, Mastery.KNOWN, Mastery.UNSEEN):
            sw = plain_label(f"  {self.tr(m.value)}  ", name=f"Legend: {m.value}", wrap=False)
            sw.setAutoFillBackground(True)
            self._legend_swatches[m] = sw
            legend.addWidget(sw)
        legend.addStretch(1)
        self.legend.setVisible(False)
        layout.addWidget(self.legend)
        self.setTabOrder(self.back, self.coverage_toggle)
        self.setTabOrder(self.coverage_toggle, self.map_toggle)
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
        """Esc goes back, like the back button; the "Make a question" key (when the window's
        shortcut did not take it, as in a window that is not active) asks for a question."""
        if event.key() == Qt.Key.Key_Escape:
            self.back.click()
            return
        if QKeySequence(event.keyCombination()) == MAKE_QUESTION_KEY:
            self.request_question()
            return
        super().keyPressEvent(event)

    def show_article(
        self,
        title: str,
        article: Article | str,
        mastery: SpanMastery | Callable[[], SpanMastery] | None = None,
        quotes: Collection[str] | Callable[[], Collection[str]] | None = None,
    ) -> None:
        """Show ``article`` (read by ``studyapp.articles``, or its raw text). ``mastery`` maps
        quoted sentences' spans → mastery (the map), or computes it: then only when the map is
        shown (finding every quote of a long article is the costly part of opening it);
        ``quotes`` (the deck's quotes) give the coverage view, also computed when first shown."""
        self.title.setText(title_text(title))
        self.article = article if isinstance(article, Article) else parse_article(article)
        if callable(mastery):
            self._mastery_source = mastery
            self.span_mastery = {}
        else:
            self._mastery_source = None
            self.span_mastery = dict(mastery or {})
        self._quotes = quotes if callable(quotes) or quotes is None else (lambda q=quotes: q)
        self.coverage = None
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

    # -- making a question -------------------------------------------------------------

    def selection_for_question(self) -> tuple[str, str, int] | None:
        """The selection as (text, its sentence, its block's index), None without one in the
        article's text."""
        cursor = self.text.textCursor()
        if self.article is None or self._document is None or not cursor.hasSelection():
            return None
        start = self._document.offset(cursor.selectionStart())
        end = self._document.offset(cursor.selectionEnd())
        if start is None or end is None or start >= end:
            return None
        block = self.article.paragraph_at(start)
        if block is None:
            return None
        selected = " ".join(self.article.text[start:end].split())
        s, e = sentence_span(self.article, start, end)
        return selected, " ".join(self.article.text[s:e].split()), block

    def request_question(self) -> bool:
        """Emit ``make_question_requested`` for the selection; False when nothing usable is selected."""
        found = self.selection_for_question()
        if found is None:
            return False
        self.make_question_requested.emit(*found)
        return True

    def _context_menu(self, at: QPoint) -> None:
        menu = self.text.createStandardContextMenu(at)
        menu.addSeparator()
        self.make_question_action.setEnabled(self.selection_for_question() is not None)
        menu.addAction(self.make_question_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.text.viewport().mapToGlobal(at))

    def open_link(self, url: str) -> None:
        """Open a web image's address in the browser (only ever on the person's click)."""
        QDesktopServices.openUrl(QUrl(url))

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
        self.text.note_color = colors_for(self.palette()).muted
        if article is None:
            self._document = None
            self.text.setPlainText("")
            return
        shown = ArticleDocument(article, self.font(), colors_for(self.palette()).muted, self.text)
        self.text.figures = shown.figures
        self.text.links = shown.links
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
        """Tint sentences (the map) and unquoted paragraphs (coverage), painted behind the text:
        the document is not rebuilt."""
        document = self._document
        if self._mastery_source is not None and self.map_toggle.isChecked():
            self.span_mastery = dict(self._mastery_source())
            self._mastery_source = None
        tint = self._tints()
        spans = {s: tint[m] for s, m in self.span_mastery.items() if m in tint} if self.map_toggle.isChecked() else {}
        self.text.ranges = document.span_tints(spans) if document is not None and spans else SpanTints([])
        self.text.tints, self.text.notes = {}, {}
        if self.coverage_toggle.isChecked() and document is not None and self.article is not None:
            if self.coverage is None:
                self.coverage = coverage(self.article, self._quotes() if self._quotes is not None else ())
            unquoted = colors_for(self.palette()).heat_empty
            self.text.tints = document.tints({i: unquoted for i in self.coverage.uncovered})
            for section in self.coverage.sections:
                at = document.block_position(section.heading)
                if at is not None:
                    self.text.notes[at] = plural_s(self.tr("{covered} of %n paragraph(s) quoted", "", section.total),
                                                   section.total).format(covered=section.covered)
        self.text.viewport().update()

    def highlight_format(self) -> QTextCharFormat:
        """How the quote the reader opened at is marked: a highlighter pen's colour behind the
        text, underlined, unlike the person's own selection (the palette's selection colours)."""
        fmt = QTextCharFormat()
        fmt.setBackground(colors_for(self.palette()).highlight)
        fmt.setForeground(self.palette().text().color())
        fmt.setFontUnderline(True)
        return fmt

    def _mark_highlight(self) -> None:
        hc = self._highlight_cursor()
        if hc is None:
            self.text.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        selection.cursor = hc
        selection.format = self.highlight_format()
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


def sentence_mastery(article: Article | str, quotes: Mapping[str, Mastery]) -> dict[Span, Mastery]:
    """The span of each quoted sentence → the weakest mastery among the questions quoting it.

    ``quotes`` maps each quote to how well its question is known. Unseen questions only
    count when nothing in the sentence was studied. The article is folded once for all quotes.
    """
    if not isinstance(article, Article):
        article = parse_article(article)
    found: dict[Span, list[Mastery]] = {}
    for quote, span in quoted_sentences(article, quotes).items():
        found.setdefault(span, []).append(quotes[quote])
    result = {}
    for span, ms in found.items():
        studied = [m for m in ms if m is not Mastery.UNSEEN]
        result[span] = min(studied, key=_ORDER.index) if studied else Mastery.UNSEEN
    return result
