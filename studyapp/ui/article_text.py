"""The article as the reader shows it: blocks (headings, paragraphs, images) and quote lookup.

Plain Python (no Qt), so the rules are easy to test: a *heading* is a short line without
final punctuation that sits between paragraphs; an *image* is a line of the form
``![alt](url)`` (shown as a placeholder, never fetched). Quotes are found with the same
tolerance as the loader (``studyapp.textnorm.fold_quote``): typographic quotes and dashes,
runs of whitespace and Unicode composition do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from studyapp.textnorm import fold_quote

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


@dataclass(frozen=True, slots=True)
class Article:
    """The article's text (NFC) split into blocks."""

    text: str
    blocks: tuple[Block, ...]

    def paragraph_at(self, offset: int) -> int | None:
        """Index (into ``blocks``) of the block containing ``offset``."""
        for i, block in enumerate(self.blocks):
            if block.start <= offset < block.end:
                return i
        return None


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
        m = _IMAGE_ANYWHERE_RE.search(line)
        if m and m.start() > 0 and line[: m.start()].strip():
            lines.append((line[: m.start()], pos))
            lines.append((line[m.start() :], pos + m.start()))
        elif line.strip():
            lines.append((line, pos))
        pos += len(line) + 1
    blocks: list[Block] = []
    for i, (line, start) in enumerate(lines):
        end = start + len(line)
        image = _IMAGE_RE.match(line)
        if image:
            blocks.append(Block(BlockKind.IMAGE, image.group(1).strip(), start, end))
            continue
        # A heading sits between paragraphs: not the first line, not the last.
        between = 0 < i < len(lines) - 1
        kind = BlockKind.HEADING if between and _is_heading(line) else BlockKind.PARAGRAPH
        blocks.append(Block(kind, line.strip(), start, end))
    return Article(text, tuple(blocks))


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """``fold_quote`` applied char by char, with each folded char's offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_quote(ch) if not ch.isspace() else " "
        if folded == "" and not ch.isspace():
            continue
        if folded == " ":
            if not out or out[-1] == " ":
                continue
        for c in folded:
            out.append(c)
            where.append(i)
    return "".join(out), where


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` as ``(start, end)`` offsets, tolerant as the loader is."""
    needle = fold_quote(unicodedata.normalize("NFC", quote))
    if not needle:
        return None
    hay, where = _folded_with_map(unicodedata.normalize("NFC", text))
    at = hay.find(needle)
    if at < 0:
        return None
    return where[at], where[at + len(needle) - 1] + 1
