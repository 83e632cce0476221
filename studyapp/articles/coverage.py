"""Which parts of an article the deck's questions quote: sentences, paragraphs, sections.

Plain Python for the reader: the mastery map tints the *sentence* a quote is in (not its whole
paragraph), the coverage view tints the paragraphs no question quotes yet, and each section's
heading says how many of its paragraphs are quoted. A sentence ends at ``.``, ``!``, ``?`` or
``…`` (closing quotes and brackets included) followed by whitespace, or at its block's end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from studyapp.articles.blocks import PROSE, Article, BlockKind
from studyapp.articles.folding import Span

SENTENCE_REACH = 600  # characters: longer sentences are tinted from there
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]»]*\s+")


def sentence_span(article: Article, start: int, end: int) -> Span:
    """The sentence(s) around ``start``..``end`` in ``article.text``, inside the block(s) holding them."""
    first = article.paragraph_at(start)
    last = article.paragraph_at(max(start, end - 1))
    lo = article.blocks[first].start if first is not None else start
    hi = article.blocks[last].end if last is not None else end
    text = article.text
    # A sentence is looked for at most SENTENCE_REACH characters around the quote, so a huge
    # one-line article costs the same per quote as a short one.
    lo, hi = max(lo, start - SENTENCE_REACH), min(hi, end + SENTENCE_REACH)
    begin = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, start):
        if m.end() <= start:
            begin = m.end()
    after = _SENTENCE_END_RE.search(text, max(start, end - 1), hi)
    finish = after.start() + len(after.group(0).rstrip()) if after else hi
    return Span(begin, max(finish, end))


def quoted_sentences(article: Article, quotes: Iterable[str]) -> dict[str, Span]:
    """Each quote found in the article → the span of the sentence(s) it is in."""
    return {quote: sentence_span(article, *span) for quote, span in article.spans_of(quotes).items()}


@dataclass(frozen=True, slots=True)
class SectionCoverage:
    """A section (from its heading, or the title, to the next heading): paragraphs quoted of all."""

    heading: int  # block index of the heading
    covered: int
    total: int


@dataclass(frozen=True, slots=True)
class Coverage:
    """The paragraphs (and list items) some question quotes, and the count under each heading."""

    covered: frozenset[int]
    uncovered: frozenset[int]
    sections: tuple[SectionCoverage, ...]


def coverage(article: Article, quotes: Iterable[str]) -> Coverage:
    """Which prose blocks the quotes touch, and the per-section counts."""
    covered: set[int] = set()
    for span in article.spans_of(quotes).values():
        first = article.paragraph_at(span.start)
        last = article.paragraph_at(max(span.start, span.end - 1))
        if first is None:
            continue
        for i in range(first, (last if last is not None else first) + 1):
            if article.blocks[i].kind in PROSE:
                covered.add(i)
    prose = [i for i, b in enumerate(article.blocks) if b.kind in PROSE]
    sections: list[SectionCoverage] = []
    heading: int | None = None
    counts = [0, 0]

    def close() -> None:
        if heading is not None and counts[1]:
            sections.append(SectionCoverage(heading, counts[0], counts[1]))

    for i, block in enumerate(article.blocks):
        if block.kind in (BlockKind.HEADING, BlockKind.TITLE):
            close()
            heading, counts = i, [0, 0]
        elif block.kind in PROSE:
            counts[1] += 1
            counts[0] += i in covered
    close()
    return Coverage(frozenset(covered), frozenset(prose) - covered, tuple(sections))
