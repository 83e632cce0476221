"""HTML fields (Anki, GIFT ``[html]``) to plain text with the standard library's ``html.parser``.

Line-breaking tags become newlines, entities are decoded, images, scripts and styles are
dropped, and Anki's ``[sound:...]`` references are removed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BREAKS = frozenset("br p div li tr h1 h2 h3 h4 h5 h6 ul ol table blockquote pre hr".split())
_HIDDEN = frozenset("script style head title".split())
_SOUND_RE = re.compile(r"\[sound:[^\]]*\]")
_TAG_HINT_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_STRAY_LT_RE = re.compile(r"<(?![^<>]*>)")  # a "<" that no ">" closes before the next "<"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds a tag or an entity (used when a file does not say)."""
    return bool(_TAG_HINT_RE.search(text))


def escape_stray_lt(html: str) -> str:
    """``html`` with every ``<`` that cannot start a tag written ``&lt;`` (shown the same).

    The standard library's parser backtracks on unclosed tags: 24 KB of ``<a `` took 14 s
    (about 15 minutes for 200 KB), so a crafted field could hang an import. Feed it this instead.
    """
    return _STRAY_LT_RE.sub("&lt;", html)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: ``"a<br>b &amp; c"`` -> ``"a\\nb & c"``."""
    collector = _TextCollector()
    collector.feed(escape_stray_lt(_SOUND_RE.sub("", html)))
    collector.close()
    text = "".join(collector.parts).replace("\u00a0", " ")
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    # Collapse runs of blank lines left by nested blocks; keep single line breaks.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
