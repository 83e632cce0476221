"""The reader's text pane: the article as a plain-text document, laid out only where it is seen.

A rich-text view (``QTextBrowser``) lays out every line above a passage before it can scroll
there: on a 1 MiB article, opening at its last quote spent about a third of a second on that
alone. ``QPlainTextEdit`` lays out a block when it is shown, so the reader opens anywhere in
the same time. Its document is built in one ``setPlainText`` (nothing in the article is ever
read as HTML or Markdown), then headings and image placeholders get their formats; paragraphs
are separated by an empty line; the mastery map's tints are painted behind the visible
paragraphs only, and the quoted passage is an extra selection (the document is not changed).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from studyapp.articles.blocks import Article, BlockKind

READABLE_WIDTH = 820
DOCUMENT_MARGIN = 18


class ArticleText(QPlainTextEdit):
    """A read-only plain-text view that centres a readable column and tints whole paragraphs."""

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
        #: Document position of a block's start → the colour painted behind it (the mastery map).
        self.tints: dict[int, QColor] = {}

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Called for the viewport's resizes too (QAbstractScrollArea forwards them): only act
        # when the margin really changes, or setting it would recurse.
        side = max(0, (self.width() - READABLE_WIDTH) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.tints:
            painter = QPainter(self.viewport())
            offset = self.contentOffset()
            bottom = self.viewport().height()
            width = self.viewport().width()
            block = self.firstVisibleBlock()
            while block.isValid():
                rect = self.blockBoundingGeometry(block).translated(offset)
                if rect.top() > bottom:
                    break
                tint = self.tints.get(block.position())
                if tint is not None:
                    rect.setLeft(0)
                    rect.setWidth(width)
                    painter.fillRect(rect, tint)
                block = block.next()
            painter.end()
        super().paintEvent(event)


class ArticleDocument:
    """The document of one article and the way from article offsets to document positions."""

    def __init__(self, article: Article, font: QFont, muted: QColor, parent: QWidget) -> None:
        self.document = QTextDocument(parent)
        self.document.setDocumentMargin(DOCUMENT_MARGIN)
        body = QFont(font)
        body.setPointSizeF(font.pointSizeF() * 1.08)
        self.document.setDefaultFont(body)
        shown: list[str] = []
        self._article_starts: list[int] = []  # a shown paragraph's first character in the article
        self._doc_starts: list[int] = []  # ... and in the document
        self._lengths: list[int] = []
        self._block_starts: list[int] = []  # every article block's first character in the document
        formats: list[tuple[int, int, QTextCharFormat]] = []
        heading = QTextCharFormat()
        heading.setFontPointSize(font.pointSizeF() * 1.4)
        heading.setFontWeight(QFont.Weight.Bold)
        image = QTextCharFormat()
        image.setFontItalic(True)
        image.setForeground(muted)
        image.setFontPointSize(font.pointSizeF() * 0.9)
        position = 0
        for block in article.blocks:
            self._block_starts.append(position)
            if block.kind is BlockKind.IMAGE:
                line = f"[image{': ' + block.text if block.text else ''}]"
                formats.append((position, len(line), image))
            else:
                line = block.text
                raw = article.text[block.start : block.end]
                # A paragraph's text is the line stripped; offsets are kept for highlighting.
                self._article_starts.append(block.start + len(raw) - len(raw.lstrip()))
                self._doc_starts.append(position)
                self._lengths.append(len(line))
                if block.kind is BlockKind.HEADING:
                    formats.append((position, len(line), heading))
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

    def tints(self, paragraph_colors: Mapping[int, QColor]) -> dict[int, QColor]:
        """Article block index → colour, keyed as ``ArticleText.tints`` wants (by position, so a
        paragraph separator inside the text cannot shift the tints)."""
        return {self._block_starts[i]: color for i, color in paragraph_colors.items() if i < len(self._block_starts)}

    def position(self, offset: int) -> int | None:
        """The document position of ``offset`` in the article (None outside shown text)."""
        i = bisect_right(self._article_starts, offset) - 1
        if i < 0 or offset > self._article_starts[i] + self._lengths[i]:
            return None
        return self._doc_starts[i] + offset - self._article_starts[i]
