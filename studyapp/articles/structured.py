"""An article built from blocks read out of a structured file (Markdown, HTML, PDF).

The readers of those formats hand over what they found, block by block; this module writes
the article's text from them: one block a line, an empty line between blocks, headings marked
with ``#``, list items with ``- ``, images as ``![alt](url)``. That text is plain Markdown, so
``draft`` reads it like any article, and it is what quotes are checked against; each block's
``start``/``end`` point at its words in it (after the marker), so the reader can highlight there.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from studyapp.articles.blocks import Article, Block, BlockKind
from studyapp.textnorm import collapse_ws


class Found(NamedTuple):
    """One block as a format's reader found it (``text`` is an image's alt text)."""

    kind: BlockKind
    text: str
    level: int = 0
    url: str = ""


def _marker(found: Found) -> str:
    if found.kind in (BlockKind.TITLE, BlockKind.HEADING):
        return "#" * max(1, min(6, found.level or 2)) + " "
    if found.kind is BlockKind.LIST_ITEM:
        return "- "
    return ""


def _image_line(alt: str, url: str) -> tuple[str, int, int]:
    """``![alt](url)`` with the characters that would end either part escaped; the alt's span."""
    alt = alt.replace("]", ")")
    url = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
    return f"![{alt}]({url})", 2, 2 + len(alt)


def build_article(found: Iterable[Found], folder: Path | None = None) -> Article:
    """The article made of ``found`` (empty blocks dropped; the first heading, when it comes
    first and is of level 1, is the title; whitespace in each block collapsed)."""
    lines: list[str] = []
    blocks: list[Block] = []
    position = 0
    for item in found:
        text = unicodedata.normalize("NFC", collapse_ws(item.text))
        if item.kind is BlockKind.IMAGE:
            if not item.url:
                continue
            line, a, b = _image_line(text, item.url.strip())
            blocks.append(Block(BlockKind.IMAGE, text, position + a, position + b, url=item.url.strip()))
        else:
            if not text:
                continue
            kind = item.kind
            if kind is BlockKind.TITLE and blocks:
                kind = BlockKind.HEADING
            if kind is BlockKind.HEADING and not blocks and item.level == 1:
                kind = BlockKind.TITLE
            level = 1 if kind is BlockKind.TITLE else (item.level or 2) if kind is BlockKind.HEADING else 0
            marker = _marker(Found(kind, text, level))
            line = marker + text
            blocks.append(Block(kind, text, position + len(marker), position + len(line), level=level))
        lines.append(line)
        position += len(line) + 2
    return Article("\n\n".join(lines), tuple(blocks), folder)
