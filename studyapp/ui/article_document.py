"""The reader's text pane: the article as a plain-text document, laid out only where it is seen.

A rich-text view (``QTextBrowser``) lays out every line above a passage before it can scroll
there: on a 1 MiB article, opening at its last quote spent about a third of a second on that
alone. ``QPlainTextEdit`` lays out a block when it is shown, so the reader opens anywhere in
the same time. Its document is built in one ``setPlainText`` (nothing in the article is ever
read as HTML or Markdown), then the title, headings and figure captions get their formats;
blocks are separated by an empty line. What depends on the deck is painted, not written into
the document, and only for the blocks in view: the mastery map's sentence tints, the coverage
view's tints and its counts beside each heading, the figures' pictures (the document keeps
empty lines where they go) and the "Open in browser" buttons of web images.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QPushButton, QWidget

from studyapp.articles.blocks import Article, BlockKind
from studyapp.articles.folding import Span
from studyapp.ui.article_figure import Figure, figure_for

READABLE_WIDTH = 820
DOCUMENT_MARGIN = 18
MAX_FIGURES = 60  # pictures decoded per article; the rest show their caption only
LINE_BREAK = "\u2028"  # a line break inside a block (figures, web addresses)
_HEADING_SCALE = {1: 1.45, 2: 1.3}
BULLET = "• "

class SpanTints:
    """Coloured ranges of the document (the mastery map's sentences), sorted by start: the
    ranges of a block are looked up when it is painted, so turning the map on costs no more
    than mapping each span once, however long the article."""

    def __init__(self, ranges: list[tuple[int, int, QColor]]) -> None:
        self._ranges = sorted(ranges, key=lambda r: (r[0], r[1]))
        self._starts = [r[0] for r in self._ranges]
        self._longest = max((b - a for a, b, _ in self._ranges), default=0)

    def __len__(self) -> int:
        return len(self._ranges)

    def in_block(self, block: QTextBlock) -> list[tuple[int, int, QColor]]:
        """The ranges inside ``block``, as (start, end) in the block's text, and their colours."""
        first = block.position()
        last = first + block.length() - 1
        found = []
        for k in range(bisect_left(self._starts, first - self._longest), bisect_left(self._starts, last)):
            a, b, color = self._ranges[k]
            lo, hi = max(a, first), min(b, last)
            if lo < hi:
                found.append((lo - first, hi - first, color))
        return found


class ArticleText(QPlainTextEdit):
    """A read-only plain-text view in a readable column, painting what the reader adds."""

    link_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Read with the keyboard as in a browser: arrows and Page keys move a caret.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the side margins match the page
        #: Document position of a block's start → the colour painted behind it (coverage view).
        self.tints: dict[int, QColor] = {}
        #: Sentences tinted by the mastery map.
        self.ranges = SpanTints([])
        #: Heading block position → its count ("3 of 5 paragraphs quoted"), painted at its right.
        self.notes: dict[int, str] = {}
        self.note_color = QColor(Qt.GlobalColor.gray)
        #: Figure block position → its picture; web image block position → its address.
        self.figures: dict[int, QImage] = {}
        self.links: dict[int, str] = {}
        self._buttons: list[QPushButton] = []
        self.updateRequest.connect(self._place_buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Called for the viewport's resizes too (QAbstractScrollArea forwards them): only act
        # when the margin really changes, or setting it would recurse.
        side = max(0, (self.width() - READABLE_WIDTH) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)
        self._place_buttons()

    def _visible_blocks(self) -> list[tuple[QTextBlock, QRectF]]:
        shown: list[tuple[QTextBlock, QRectF]] = []
        offset = self.contentOffset()
        bottom = self.viewport().height()
        block = self.firstVisibleBlock()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > bottom:
                break
            shown.append((block, rect))
            block = block.next()
        return shown

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.tints or self.ranges:
            painter = QPainter(self.viewport())
            width = self.viewport().width()
            for block, rect in self._visible_blocks():
                tint = self.tints.get(block.position())
                if tint is not None:
                    painter.fillRect(QRectF(0, rect.top(), width, rect.height()), tint)
                for start, end, color in self.ranges.in_block(block) if self.ranges else ():
                    self._fill_range(painter, block, rect, start, end, color)
            painter.end()
        super().paintEvent(event)
        if self.figures or self.notes:
            painter = QPainter(self.viewport())
            for block, rect in self._visible_blocks():
                image = self.figures.get(block.position())
                if image is not None:
                    x = rect.left() + max(DOCUMENT_MARGIN, (rect.width() - image.width()) / 2)
                    painter.drawImage(QRectF(x, rect.top() + 4, image.width(), image.height()), image)
                note = self.notes.get(block.position())
                if note is not None:
                    painter.setPen(self.note_color)
                    area = QRectF(rect.left(), rect.top(), rect.width() - DOCUMENT_MARGIN, rect.height())
                    painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), note)
            painter.end()

    @staticmethod
    def _fill_range(painter: QPainter, block: QTextBlock, rect: QRectF, start: int, end: int, color: QColor) -> None:
        layout = block.layout()
        origin = rect.topLeft() + layout.position()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            a = max(start, line.textStart())
            b = min(end, line.textStart() + line.textLength())
            if a >= b:
                continue
            x1, x2 = _x_of(line, a), _x_of(line, b)
            painter.fillRect(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()), color)

    def _place_buttons(self) -> None:
        """One "Open in browser" button beside each web image in view (a few buttons, reused)."""
        shown = [(block, rect) for block, rect in self._visible_blocks() if block.position() in self.links] if self.links else []
        while len(self._buttons) < len(shown):
            button = QPushButton(self.tr("Open in browser"), self.viewport())
            button.setAccessibleName(self.tr("Open the image's address in a browser"))
            button.clicked.connect(lambda _=False, b=button: self.link_requested.emit(b.property("url")))
            self._buttons.append(button)
        for i, button in enumerate(self._buttons):
            if i < len(shown):
                block, rect = shown[i]
                url = self.links[block.position()]
                button.setProperty("url", url)
                hint = button.sizeHint()
                button.setGeometry(QRect(int(rect.right()) - hint.width() - DOCUMENT_MARGIN, int(rect.top()), hint.width(), hint.height()))
                button.show()
            else:
                button.hide()

    def visible_link_buttons(self) -> list[QPushButton]:
        """The "Open in browser" buttons now shown (for tests and accessibility checks)."""
        return [b for b in self._buttons if not b.isHidden()]


def _x_of(line: QTextLine, position: int) -> float:
    """``QTextLine.cursorToX`` (PySide6 answers a tuple with the position it was given)."""
    found: object = line.cursorToX(position)
    x = found[0] if isinstance(found, tuple) else found
    return float(x) if isinstance(x, (int, float)) else 0.0


class ArticleDocument:
    """The document of one article and the way between article offsets and document positions."""

    def __init__(self, article: Article, font: QFont, muted: QColor, parent: QWidget) -> None:
        self.document = QTextDocument(parent)
        self.document.setDocumentMargin(DOCUMENT_MARGIN)
        body = QFont(font)
        body.setPointSizeF(font.pointSizeF() * 1.08)
        self.document.setDefaultFont(body)
        line_height = max(1, QFontMetrics(body).lineSpacing())
        shown: list[str] = []
        self._article_starts: list[int] = []  # a shown text's first character in the article
        self._doc_starts: list[int] = []  # ... and in the document
        self._lengths: list[int] = []
        self._block_starts: list[int] = []  # every article block's first character in the document
        self.figures: dict[int, QImage] = {}
        self.links: dict[int, str] = {}
        formats: list[tuple[int, int, QTextCharFormat]] = []
        caption = QTextCharFormat()
        caption.setFontItalic(True)
        caption.setForeground(muted)
        caption.setFontPointSize(font.pointSizeF() * 0.9)
        position = 0
        pictures = 0
        for block in article.blocks:
            self._block_starts.append(position)
            if block.kind is BlockKind.IMAGE:
                figure = figure_for(block.url, article.folder) if pictures < MAX_FIGURES else Figure()
                pictures += figure.image is not None
                line, at = self._figure_line(block.text, block.url, figure, line_height)
                if figure.image is not None:
                    self.figures[position] = figure.image
                if figure.web_url:
                    self.links[position] = figure.web_url
                formats.append((position + at, len(line) - at, caption))
            else:
                prefix = BULLET if block.kind is BlockKind.LIST_ITEM else ""
                line = prefix + block.text
                raw = article.text[block.start : block.end]
                # A block's shown text is its line stripped; offsets are kept for highlighting.
                self._article_starts.append(block.start + len(raw) - len(raw.lstrip()))
                self._doc_starts.append(position + len(prefix))
                self._lengths.append(len(block.text))
                if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
                    formats.append((position, len(line), self._heading_format(font, block.kind, block.level)))
            shown.append(line)
            position += len(line) + 2  # the line, its end and the empty line after it
        self.document.setPlainText("\n\n".join(shown))
        cursor = QTextCursor(self.document)
        for start, length, fmt in formats:
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        # Laid out only now, and then block by block as they are shown.
        self.document.setDocumentLayout(QPlainTextDocumentLayout(self.document))

    @staticmethod
    def _heading_format(font: QFont, kind: BlockKind, level: int) -> QTextCharFormat:
        fmt = QTextCharFormat()
        scale = 1.6 if kind is BlockKind.TITLE else _HEADING_SCALE.get(level, 1.15)
        fmt.setFontPointSize(font.pointSizeF() * scale)
        fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    @staticmethod
    def _figure_line(alt: str, url: str, figure: Figure, line_height: int) -> tuple[str, int]:
        """The figure's text and where its caption starts: empty lines where the picture is
        painted, then the alt text; or the alt text and the address, as plain text."""
        image = QCoreApplication.translate("ArticleDocument", "image")
        label = f"[{image}{': ' + alt if alt else ''}]"
        if figure.image is not None:
            lines = math.ceil((figure.image.height() + 8) / line_height)
            blank = LINE_BREAK * lines
            return blank + (alt or image), len(blank)
        if figure.refused:
            return QCoreApplication.translate("ArticleDocument", "{image} not shown: {reason}").format(
                image=label, reason=figure.refused), 0
        return (label + LINE_BREAK + url if url else label), 0

    def tints(self, block_colors: Mapping[int, QColor]) -> dict[int, QColor]:
        """Article block index → colour, keyed as ``ArticleText.tints`` wants (by position, so a
        paragraph separator inside the text cannot shift the tints)."""
        return {self._block_starts[i]: color for i, color in block_colors.items() if i < len(self._block_starts)}

    def block_position(self, index: int) -> int | None:
        """The document position where article block ``index`` starts."""
        return self._block_starts[index] if 0 <= index < len(self._block_starts) else None

    def span_tints(self, span_colors: Mapping[Span, QColor]) -> SpanTints:
        """Article spans → colour, as document ranges (spans outside the shown text left out)."""
        ranges = []
        for (start, end), color in span_colors.items():
            a, b = self.position(start), self.position(end)
            if a is not None and b is not None and a < b:
                ranges.append((a, b, color))
        return SpanTints(ranges)

    def position(self, offset: int) -> int | None:
        """The document position of ``offset`` in the article (None outside shown text)."""
        i = bisect_right(self._article_starts, offset) - 1
        if i < 0 or offset > self._article_starts[i] + self._lengths[i]:
            return None
        return self._doc_starts[i] + offset - self._article_starts[i]

    def offset(self, position: int) -> int | None:
        """The article offset of document ``position`` (None outside the article's text)."""
        i = bisect_right(self._doc_starts, position) - 1
        if i < 0 or position > self._doc_starts[i] + self._lengths[i]:
            return None
        return self._article_starts[i] + position - self._doc_starts[i]
