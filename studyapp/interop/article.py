"""Read a plain-text or Markdown article into sections and sentences, keeping each sentence verbatim.

A section title is a short line without closing punctuation (or a Markdown ``#`` heading);
text before the first title is the intro. Image lines (``![](...)``) and bare URLs are skipped.
Sentences are kept exactly as written (whitespace collapsed), so each one can be a ``quote``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from studyapp.textnorm import collapse_ws

INTRO = "Intro"
_IMAGE_RE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_URL_RE = re.compile(r"^<?https?://\S+>?$")
_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_LIST_RE = re.compile(r"^(?:[-*+]|\d{1,3}[.)]|>)\s+")
_TERMINAL = tuple(".!?:;,\"”’)…")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr vs etc gen col lt sgt gov sen rep no jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_BOUNDARY_RE = re.compile(r"[.!?…][\"”’)\]]*\s+(?=[\"“‘(\[]?[^\W\d_])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, verbatim, with the section it belongs to (``INTRO`` before the first title)."""

    text: str
    section: str
    index: int  # position in the article, from 0


@dataclass(frozen=True, slots=True)
class Article:
    sections: tuple[str, ...]  # INTRO first when there is text before the first title
    sentences: tuple[Sentence, ...]


def _is_title(line: str, previous_ended: bool) -> bool:
    words = line.split()
    return (
        previous_ended
        and 1 <= len(words) <= 12
        and len(line) <= 90
        and not line.endswith(_TERMINAL)
        and line[0].isupper()
    )


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph at ``.``/``!``/``?`` followed by a capital, not after abbreviations or initials."""
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(paragraph):
        before = paragraph[start : m.start()].split()
        last = before[-1].rstrip(".").lower() if before else ""
        if paragraph[m.start()] == "." and (
            last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or "." in last
        ):
            continue  # "Dr. Who", "Ulysses S. Grant", "U.S. officials"
        end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        sentences.append(paragraph[start:end].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return [collapse_ws(s) for s in sentences if s]


def read_article(text: str, splitter: Callable[[str], list[str]] | None = None) -> Article:
    """Split ``text`` into sections and sentences (``splitter`` splits a paragraph; ``split_sentences`` by default)."""
    split = splitter or split_sentences
    sections: list[str] = []
    paragraphs: list[tuple[str, str]] = []  # (section, paragraph text)
    section = INTRO
    current: list[str] = []
    previous_ended = True

    def flush() -> None:
        if current:
            paragraphs.append((section, " ".join(current)))
            current.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            previous_ended = True
            continue
        if _IMAGE_RE.match(line) or _URL_RE.match(line):
            flush()
            continue
        heading = _HEADING_RE.match(line)
        if heading or _is_title(line, previous_ended):
            flush()
            section = collapse_ws(heading.group(1) if heading else line)
            sections.append(section)
            previous_ended = True
            continue
        marked = _LIST_RE.match(line)
        line = line[marked.end() :] if marked else line
        if previous_ended or marked:
            flush()  # a list item or quoted line starts its own paragraph: the marker sits between it and the last
        current.append(line)
        previous_ended = line.endswith(tuple(".!?…\"”’)"))
    flush()

    if paragraphs and paragraphs[0][0] == INTRO:
        sections.insert(0, INTRO)
    sentences: list[Sentence] = []
    for sec, para in paragraphs:
        for s in split(para):
            sentences.append(Sentence(s, sec, len(sentences)))
    return Article(tuple(dict.fromkeys(sections)), tuple(sentences))
