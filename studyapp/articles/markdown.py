"""Markdown articles, read with a real Markdown parser (markdown-it-py, CommonMark plus tables).

Headings become the article's title and sections; paragraphs, list items, quotes and code are
text (a link is its words; emphasis and inline HTML marks are dropped); each image is kept as
an image block with its alt text and address, never fetched. Raw HTML blocks are left out:
nothing in a Markdown article is read as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from studyapp.articles.blocks import BlockKind
from studyapp.articles.structured import Found

_PARSER_LIMIT = 100  # markdown-it's nesting limit: deeper input is read as text


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": _PARSER_LIMIT}).enable("table")
    return md


def _inline(children: Sequence[Token], kind: BlockKind, level: int, out: list[Found]) -> None:
    """The words of one inline run; images split it into text before, the image, text after."""
    parts: list[str] = []

    def flush() -> None:
        text = "".join(parts).strip()
        if text:
            out.append(Found(kind, text, level))
        parts.clear()

    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            flush()
            alt = "".join(c.content for c in child.children or ()) or child.content
            out.append(Found(BlockKind.IMAGE, alt, url=str(child.attrs.get("src", ""))))
    flush()


def read_markdown(text: str) -> list[Found]:
    """The blocks of a Markdown article, in order."""
    tokens = _parser().parse(text)
    out: list[Found] = []
    kind, level = BlockKind.PARAGRAPH, 0
    cells: list[str] | None = None
    for token in tokens:
        if token.type == "heading_open":
            kind, level = BlockKind.HEADING, int(token.tag[1:])
        elif token.type == "heading_close":
            kind, level = BlockKind.PARAGRAPH, 0
        elif token.type == "list_item_open":
            kind = BlockKind.LIST_ITEM
        elif token.type == "list_item_close":
            kind = BlockKind.PARAGRAPH
        elif token.type == "tr_open":
            cells = []
        elif token.type == "tr_close" and cells is not None:
            row = " · ".join(c for c in cells if c)
            if row:
                out.append(Found(BlockKind.PARAGRAPH, row))
            cells = None
        elif token.type == "inline":
            if cells is not None:
                found: list[Found] = []
                _inline(token.children or (), BlockKind.PARAGRAPH, 0, found)
                cells.append(" ".join(f.text for f in found if f.kind is not BlockKind.IMAGE))
            else:
                _inline(token.children or (), kind, level, out)
                if kind is BlockKind.LIST_ITEM:
                    kind = BlockKind.PARAGRAPH  # a list item's further paragraphs are paragraphs
        elif token.type in ("fence", "code_block"):
            out.append(Found(BlockKind.PARAGRAPH, token.content))
    return out
