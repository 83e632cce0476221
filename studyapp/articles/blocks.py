"""The article as the reader shows it: blocks (headings, paragraphs, images) and its quotes.

The rules are plain Python, easy to test: a *heading* is a short line without final
punctuation that sits between paragraphs; an *image* is a line of the form ``![alt](url)``
(shown as a placeholder, never fetched). Quotes are found with the loader's tolerance through
``studyapp.articles.folding`` (typographic quotes and dashes, runs of whitespace and Unicode
composition do not matter), the article folded once however many quotes are asked.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from studyapp.articles.folding import FoldedText, Span

_IMAGE_RE = re.compile(r"^\s*!\[([^\]]*)\]\(([^)\s]*)\)\s*$")
_IMAGE_ANYWHERE_RE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)\)")
HEADING_MAX_CHARS = 90
_FINAL_PUNCTUATION = ".!?:;,…\"'”’)»"


class BlockKind(Enum):
    """What a line of the article is shown as."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    IMAGE = "image"


#: Blocks that hold the article's prose: what questions quote and the coverage counts.
PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Block:
    """One shown block; ``start``/``end`` are offsets into ``Article.text``.

    ``text`` is what is shown (an image's alt text); ``level`` is a heading's level (1-6; the
    title is 1); ``url`` is an image's address as written (relative to the article or not).
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 0
    url: str = ""


class Article:
    """The article's text (NFC) split into blocks, folded once (on first need) for its quotes.

    ``text`` is what quotes are checked against: the file itself for plain text, the text
    extracted from it for Markdown, HTML and PDF (``studyapp.articles.reading``). ``folder``
    is where the article's file lies (local images are found beside it), None for pasted text.
    """

    def __init__(self, text: str, blocks: tuple[Block, ...], folder: Path | None = None) -> None:
        self.text = text
        self.blocks = blocks
        self.folder = folder
        self._starts = [b.start for b in blocks]
        self._folded: FoldedText | None = None

    @property
    def title(self) -> str | None:
        """The article's title block's text, when it has one."""
        return self.blocks[0].text if self.blocks and self.blocks[0].kind is BlockKind.TITLE else None

    @property
    def folded(self) -> FoldedText:
        """The article folded for quote lookup (built on first use, then kept)."""
        if self._folded is None:
            self._folded = FoldedText(self.text)
        return self._folded

    def paragraph_at(self, offset: int) -> int | None:
        """Index (into ``blocks``) of the block containing ``offset``."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return i
        return None

    def locate(self, quote: str) -> Span | None:
        """Where ``quote`` first is in ``text``; None when it is not there."""
        return self.folded.find(quote)

    def spans_of(self, quotes: Iterable[str]) -> dict[str, Span]:
        """Each quote found → where it is in ``text`` (quotes not found are left out), one pass."""
        return {quote: span for quote, span in self.folded.find_all(quotes).items() if span is not None}

    def blocks_of(self, quotes: Iterable[str]) -> dict[str, int]:
        """Each quote found → the index of the block where it starts (quotes not found are left out)."""
        result = {}
        for quote, span in self.folded.find_all(quotes).items():
            if span is not None:
                block = self.paragraph_at(span.start)
                if block is not None:
                    result[quote] = block
        return result


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= HEADING_MAX_CHARS
        and stripped[-1] not in _FINAL_PUNCTUATION
        and len(stripped.split()) <= 14
    )


def parse_article(raw: str, folder: Path | None = None) -> Article:
    """Split plain text ``raw`` into blocks; each non-empty line is one block."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines: list[tuple[str, int]] = []
    pos = 0
    for line in text.split("\n"):
        # An image glued to the end of a paragraph becomes its own block.
        m = _IMAGE_ANYWHERE_RE.search(line) if "![" in line else None
        if m and m.start() > 0 and line[: m.start()].strip():
            lines.append((line[: m.start()], pos))
            lines.append((line[m.start() :], pos + m.start()))
        elif line.strip():
            lines.append((line, pos))
        pos += len(line) + 1
    blocks: list[Block] = []
    for i, (line, start) in enumerate(lines):
        end = start + len(line)
        image = _IMAGE_RE.match(line) if "![" in line else None
        if image:
            blocks.append(Block(BlockKind.IMAGE, image.group(1).strip(), start, end, url=image.group(2)))
            continue
        # A heading sits between paragraphs: not the last line; the first line, when it
        # looks like one, is the article's title.
        if i == 0 and len(lines) > 1 and _is_heading(line):
            blocks.append(Block(BlockKind.TITLE, line.strip(), start, end, level=1))
            continue
        between = 0 < i < len(lines) - 1
        if between and _is_heading(line):
            blocks.append(Block(BlockKind.HEADING, line.strip(), start, end, level=2))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, line.strip(), start, end))
    return Article(text, tuple(blocks), folder)


def locate_quote(text: str, quote: str) -> Span | None:
    """Where ``quote`` is in ``text`` (made NFC) as ``(start, end)`` offsets, tolerant as the loader is."""
    return FoldedText(text).find(quote)
