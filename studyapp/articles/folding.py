"""An article folded once for quote lookup, with the way back to the article's own offsets.

A quote is found in its article with ``studyapp.textnorm.fold_quote`` on both sides
(typographic quotes and dashes, runs of whitespace and Unicode composition do not matter;
case does). ``FoldedText`` folds the article *once* and answers every quote from that one
folded text: the loader's check ("is this quote in the source?") and the reader's highlight
and mastery map ("where is it?") ask the same object, so they cannot disagree.

Folding keeps every character but whitespace in place (each typographic character becomes
one plain character), so the map from a folded index back to the article needs only the
places where whitespace changed length: a breakpoint per line (and per run of whitespace
inside a line), searched with ``bisect``.

Where a quote is: always the first occurrence, as ``str.find`` gives it. Many quotes at
once (``find_all``, ``prepare``) are found in one pass over the article with an Aho–Corasick
automaton (``pyahocorasick``): 2,000 quotes in a 1 MiB article cost one scan instead of
2,000. Fewer quotes, or a short article, are looked up with ``str.find``, cheaper there.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Collection, Iterable
from typing import NamedTuple

import ahocorasick

from studyapp.textnorm import fold_quote, fold_typography

# One automaton pass beats a str.find per quote from about 100 quotes on, in articles of
# 100 KiB to 1 MiB (measured; the finds stop at their quote, and the automaton costs its
# building plus a whole scan). In short articles the finds always win.
MANY_QUOTES = 100
MANY_QUOTE_SCANS = 10_000_000  # quotes × folded characters
PREFIX = 16  # characters of each quote in the automaton

_RUN_RE = re.compile(r"\s{2,}")


class Span(NamedTuple):
    """``start``/``end`` offsets of a found quote in ``FoldedText.text``."""

    start: int
    end: int


def _is_folded(line: str) -> bool:
    """True when folding leaves ``line`` as it is: no whitespace but single spaces between
    words. (Every whitespace character but the space is unprintable, so ``isprintable`` rules
    them all out in one C loop; a line it rejects for another reason is just folded.)"""
    return line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "


class FoldedText:
    """``text`` (made NFC) folded once; finds quotes and maps them back to ``text``'s offsets."""

    def __init__(self, text: str) -> None:
        #: The article as NFC text: the offsets of every ``Span`` are into this string.
        self.text = unicodedata.normalize("NFC", text)
        # Folded index i maps to i + _shifts[k], k the last breakpoint with _starts[k] <= i.
        self._starts: list[int] = []
        self._shifts: list[int] = []
        parts: list[str] = []
        folded_at = 0  # where the next line starts in the folded text
        line_at = 0  # where the line starts in self.text
        # fold_typography keeps every offset; lines are folded one by one so that only the
        # (few) lines with odd whitespace need a closer look.
        for line in fold_typography(self.text).split("\n"):
            if _is_folded(line):
                joined = line  # splitting a clean line into words would only copy it (most lines)
            else:
                joined = " ".join(line.split())
            if joined:
                if parts:
                    folded_at += 1  # the space that joins it to the previous line
                parts.append(joined)
                if joined is line:
                    self._starts.append(folded_at)
                    self._shifts.append(line_at - folded_at)
                else:
                    self._map_runs(line, line_at, folded_at)
                folded_at += len(joined)
            line_at += len(line) + 1
        #: The folded article: what ``fold_quote`` makes of the whole text.
        self.folded = " ".join(parts)
        self._found: dict[str, int] = {}  # folded quote -> where it is in ``folded`` (-1: not there)

    def _map_runs(self, line: str, line_at: int, folded_at: int) -> None:
        """Breakpoints of a line whose whitespace changes when folded (leading or trailing
        whitespace, runs of it, tabs): each run of two or more shifts what follows it."""
        lead = len(line) - len(line.lstrip())
        shift = line_at + lead - folded_at
        self._starts.append(folded_at)
        self._shifts.append(shift)
        for run in _RUN_RE.finditer(line, lead, len(line.rstrip())):
            a, b = run.span()
            after = line_at + a - shift + 1  # folded index of the character after the run
            shift = line_at + b - after
            self._starts.append(after)
            self._shifts.append(shift)

    def original_offset(self, folded_index: int) -> int:
        """Offset in ``text`` of the character at ``folded_index`` of ``folded``."""
        return folded_index + self._shifts[bisect_right(self._starts, folded_index) - 1]

    def contains(self, quote: str) -> bool:
        """True when ``quote`` is in the article (folded alike; an empty quote is)."""
        needle = fold_quote(quote)
        return not needle or self._find(needle) >= 0

    def find(self, quote: str) -> Span | None:
        """Where ``quote`` first is in ``text``; None when it is not there (or is empty)."""
        return self._span(fold_quote(quote))

    def find_all(self, quotes: Iterable[str]) -> dict[str, Span | None]:
        """Every distinct quote of ``quotes`` → its ``find`` result, the article scanned once."""
        needles = {quote: fold_quote(quote) for quote in quotes}
        if self._worth_one_pass(len(needles)):
            self._find_many(set(needles.values()))
        return {quote: self._span(needle) for quote, needle in needles.items()}

    def prepare(self, quotes: Collection[str]) -> None:
        """Find ``quotes`` now, all in one pass when they are many; later lookups of them
        (``find``, ``contains``) are answered from what was found."""
        if self._worth_one_pass(len(quotes)):
            self._find_many({fold_quote(q) for q in quotes})

    def _worth_one_pass(self, quotes: int) -> bool:
        """Whether one automaton pass costs less than a find per quote (else: finds, when asked)."""
        return quotes >= MANY_QUOTES and quotes * len(self.folded) >= MANY_QUOTE_SCANS

    def _find_many(self, needles: set[str]) -> None:
        """Find ``needles`` in one pass: an automaton of their first ``PREFIX`` characters
        (a quarter of the building cost of whole quotes), each prefix match checked in place."""
        needles = needles - self._found.keys()
        needles.discard("")
        if not needles:
            return
        waiting: dict[str, list[str]] = {}  # prefix -> quotes with it, not found yet
        for needle in needles:
            waiting.setdefault(needle[:PREFIX], []).append(needle)
        automaton = ahocorasick.Automaton()
        for prefix in waiting:
            automaton.add_word(prefix, prefix)
        automaton.make_automaton()
        found = dict.fromkeys(needles, -1)
        left = len(needles)
        folded = self.folded
        # Matches come by end position, so for each quote the first place where its prefix
        # match holds the whole quote is its first occurrence.
        for end, prefix in automaton.iter(folded):
            candidates = waiting[prefix]
            if not candidates:
                continue
            start = end - len(prefix) + 1
            hits = [needle for needle in candidates if folded.startswith(needle, start)]
            if hits:
                for needle in hits:
                    found[needle] = start
                waiting[prefix] = [needle for needle in candidates if found[needle] < 0]
                left -= len(hits)
                if not left:
                    break
        self._found.update(found)

    def _span(self, needle: str) -> Span | None:
        if not needle:
            return None
        at = self._find(needle)
        if at < 0:
            return None
        return Span(self.original_offset(at), self.original_offset(at + len(needle) - 1) + 1)

    def _find(self, needle: str) -> int:
        at = self._found.get(needle)
        if at is None:
            at = self._found[needle] = self.folded.find(needle)
        return at
