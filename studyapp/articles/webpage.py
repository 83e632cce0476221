"""Web pages saved from a browser: the article's main text, without navigation, scripts or styles.

``readability-lxml`` (the algorithm of Firefox's Reader View) picks the page's main content:
it scores blocks by their text and drops navigation, menus, side bars, footers, scripts and
styles. What it keeps is walked here into blocks: headings, paragraphs, list items and images
(their ``alt`` text and ``src`` address, never fetched). Nothing is loaded from the network:
the page is parsed from its bytes, and lxml's HTML parser reads no external resource.
"""

from __future__ import annotations

import logging

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element
from readability import Document
from readability.readability import Unparseable

from studyapp.articles.blocks import BlockKind
from studyapp.articles.structured import Found

_SKIP = frozenset(
    "script style noscript template nav header footer aside form button select textarea iframe object embed svg math".split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    "p div section article main blockquote pre ul ol dl dt dd table thead tbody tr figure figcaption address hr br".split()
)


class PageError(ValueError):
    """The page holds no article text that could be found."""


class _Walker:
    """Collects blocks from an element tree: inline text gathers until the next block starts."""

    def __init__(self) -> None:
        self.out: list[Found] = []
        self.parts: list[str] = []
        self.kind = BlockKind.PARAGRAPH

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.out.append(Found(self.kind, text))
        self.parts.clear()
        self.kind = BlockKind.PARAGRAPH

    def walk(self, element: _Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""  # comments, processing instructions
        tag = tag.lower()
        if tag and tag not in _SKIP:
            self._element(element, tag)
        if element.tail:
            self.parts.append(element.tail)

    def _element(self, element: _Element, tag: str) -> None:
        if tag in _HEADINGS:
            self.flush()
            self.out.append(Found(BlockKind.HEADING, element.text_content(), _HEADINGS[tag]))
            return
        if tag == "img":
            self.flush()
            self.out.append(Found(BlockKind.IMAGE, element.get("alt") or "", url=element.get("src") or ""))
            return
        block = tag in _BLOCKS or tag == "li"
        if block:
            self.flush()
            if tag == "li":
                self.kind = BlockKind.LIST_ITEM
        if tag in ("td", "th"):
            self.parts.append(" ")
        if element.text:
            self.parts.append(element.text)
        for child in element:
            self.walk(child)
        if block:
            self.flush()


def read_html(data: bytes) -> list[Found]:
    """The blocks of a saved web page's main article; raises ``PageError`` when none is found."""
    # readability logs a traceback when a page fails to parse: the message below says it.
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL + 1)
    try:
        document = Document(data)
        content = document.summary(html_partial=True)
        title = document.short_title() or ""
        root = lxml_html.fragment_fromstring(content, create_parent="div")
    except (Unparseable, ParserError, ValueError, RecursionError) as exc:
        raise PageError(f"no article text found in the page ({exc or 'empty page'})") from exc
    except Exception as exc:  # noqa: BLE001 (a third-party parser on any page: never a traceback)
        raise PageError(f"the page could not be read ({type(exc).__name__})") from exc
    walker = _Walker()
    try:
        walker.walk(root)
    except RecursionError as exc:
        raise PageError("the page nests its elements too deeply to read") from exc
    walker.flush()
    found = walker.out
    if not any(f.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) for f in found):
        raise PageError("no article text found in the page")
    first = found[0]
    if first.kind is BlockKind.HEADING and first.level == 1:
        found[0] = Found(BlockKind.TITLE, first.text, 1)
    elif title.strip():
        found.insert(0, Found(BlockKind.TITLE, title, 1))
    return found
