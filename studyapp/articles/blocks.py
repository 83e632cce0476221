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

from studyapp.articles.folding import FoldedText, Span

_IMAGE_RE = re.compile(r"^\s*!\[([^\]]*)\]\(([^)\s]*)\)\s*$")
_IMAGE_ANYWHERE_RE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)\)")
HEADING_MAX_CHARS = 90
_FINAL_PUNCTUATION = ".!?:;,…\"'”’)»"


class BlockKind(Enum):
    """What a line of the article is shown as."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    IMAGE = "image"


@dataclass(frozen=True, slots=True)
class Block:
    """One shown block; ``start``/``end`` are offsets into ``Article.text``."""

    kind: BlockKind
    text: str
    start: int
    end: int


class Article:
    """The article's text (NFC) split into blocks, folded once (on first need) for its quotes."""

    def __init__(self, text: str, blocks: tuple[Block, ...]) -> None:
        self.text = text
        self.blocks = blocks
        self._starts = [b.start for b in blocks]
        self._folded: FoldedText | None = None

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


def parse_article(raw: str) -> Article:
    """Split ``raw`` into blocks; each non-empty line is one block."""
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
            blocks.append(Block(BlockKind.IMAGE, image.group(1).strip(), start, end))
            continue
        # A heading sits between paragraphs: not the first line, not the last.
        between = 0 < i < len(lines) - 1
        kind = BlockKind.HEADING if between and _is_heading(line) else BlockKind.PARAGRAPH
        blocks.append(Block(kind, line.strip(), start, end))
    return Article(text, tuple(blocks))


def locate_quote(text: str, quote: str) -> Span | None:
    """Where ``quote`` is in ``text`` (made NFC) as ``(start, end)`` offsets, tolerant as the loader is."""
    return FoldedText(text).find(quote)
