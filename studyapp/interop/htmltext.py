"""HTML fields (Anki, GIFT ``[html]``) to plain text with the standard library's ``html.parser``.

Line-breaking tags become newlines, entities are decoded, images, scripts and styles are
dropped, and Anki's ``[sound:...]`` references are removed. :func:`convert_html` also says what
did not survive (formatting such as bold or colour, images, links, sounds), so an import can
report it instead of dropping it without a word.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BREAKS = frozenset("br p div li tr h1 h2 h3 h4 h5 h6 ul ol table blockquote pre hr".split())
_HIDDEN = frozenset("script style head title".split())
_SOUND_RE = re.compile(r"\[sound:[^\]]*\]")
_TAG_HINT_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_FORMATTING = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "s": "strikethrough",
    "strike": "strikethrough", "del": "strikethrough", "sup": "superscript", "sub": "subscript",
    "font": "font or colour", "mark": "highlight", "code": "code formatting", "table": "table layout",
}
_MEDIA = frozenset("img audio video source object embed iframe".split())
_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_STRAY_LT_RE = re.compile(r"<(?![^<>]*>)")  # a "<" that no ">" closes before the next "<"


def _named(source: str, limit: int = 80) -> str:
    """A media source or link as it can be quoted in a report: short, embedded data not spelled out."""
    if source.startswith("data:"):
        return "(embedded in the file)"
    return source if len(source) <= limit else source[: limit - 1] + "…"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.lost: dict[str, None] = {}  # what did not survive, in order, each once

    def _note(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _FORMATTING:
            self.lost[_FORMATTING[tag]] = None
        elif tag == "span" and values.get("style"):
            self.lost["styled text"] = None
        elif tag == "a" and values.get("href"):
            self.lost[f"link {_named(values['href'] or '')}"] = None
        elif tag in _MEDIA:
            source = _named(values.get("src") or values.get("data") or "")
            self.lost[f"{'image' if tag == 'img' else tag} {source}".strip()] = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(tag, attrs)
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(tag, attrs)
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


def sounds_in(text: str) -> list[str]:
    """Anki's ``[sound:name]`` references in ``text``, as ``sound name`` (what an import drops)."""
    return [f"sound {m.group(0)[7:-1]}" for m in _SOUND_RE.finditer(text)]


def drop_sounds(text: str) -> str:
    """``text`` without its ``[sound:...]`` references."""
    return _SOUND_RE.sub("", text)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: ``"a<br>b &amp; c"`` -> ``"a\\nb & c"``."""
    return convert_html(html)[0]


def convert_html(html: str) -> tuple[str, list[str]]:
    """Plain text of an HTML fragment and what it lost (``["bold", "image a.png", "sound b.mp3"]``)."""
    collector = _TextCollector()
    collector.feed(escape_stray_lt(drop_sounds(html)))
    collector.close()
    text = "".join(collector.parts).replace("\u00a0", " ")
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    # Collapse runs of blank lines left by nested blocks; keep single line breaks.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip(), sounds_in(html) + list(collector.lost)
