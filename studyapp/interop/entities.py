"""Find the facts worth asking about in a sentence: names, places, organisations, dates, numbers.

Heuristics only, no gazetteer and no model: capitalised word runs (any script's capitals, so
``Łukašenka`` and ``Ryžankoŭ`` count), split at titles such as "Prime Minister"; acronyms and
runs with words like "Parliament" are organisations; runs of two or more words, runs after a
title, and surnames of people already seen are people; other single capitalised words are places;
demonyms ("Belarusian", "Western") are adjectives and skipped. A sentence's first word counts only
when the article also capitalises it mid-sentence. Dates are "January 17", "17 January 2025",
"January 2025"; years are 1500-2099; numbers are digits or number words followed by a noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What sort of fact an item is; distractors and swaps stay within one kind."""

    PERSON = "people"
    PLACE = "places"
    ORGANISATION = "organisations"
    DATE = "dates"
    YEAR = "years"
    NUMBER = "numbers"


@dataclass(frozen=True, slots=True)
class Item:
    """One fact in a sentence: ``sentence[start:end] == text``."""

    text: str
    kind: Kind
    start: int
    end: int


MONTHS = (
    "January February March April May June July August September October November December".split()
)
_MONTH = "|".join(MONTHS)
_DATE_RE = re.compile(
    rf"\b(?:(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})(?:\s+\d{{4}})?"
    rf"|(?:{_MONTH})\s+\d{{4}})\b"
)
_YEAR_RE = re.compile(r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?![\d.,]\d)")
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "dozen dozens hundreds thousands millions billions"
).split()
_NUMBER_RE = re.compile(
    r"(?<![\w.,])(?:\d+(?:[.,]\d+)*%?|(?i:" + "|".join(_NUMBER_WORDS) + r"))(?=\s+(?:of\s+)?[a-z])"
)
_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
_TITLES = frozenset(
    "President Prime Minister Foreign Chancellor King Queen Pope Prince Princess Mr Mrs Ms Dr Prof "
    "General Colonel Senator Governor Mayor Judge Ambassador Secretary Speaker Chairman Chairwoman "
    "Commissioner Sir Lady Lord Saint Deputy Vice".split()
)
_ORG_WORDS = frozenset(
    "Parliament Commission Council Union Ministry Party Court Bank Organization Organisation Agency "
    "Committee Assembly Government Company Corporation University Institute Association Federation "
    "Fund Army Forces Office Department Inc Ltd Group Alliance Front Movement League Congress Senate "
    "Court Service Police Guard Times Post News Press".split()
)
_SKIP_WORDS = frozenset(
    "I The A An In On At By For From To With Of And But Or If While Yet However This That These Those "
    "It He She They We You His Her Their Its Our My Your Mon Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday".split()
) | frozenset(MONTHS)
_DEMONYM_RE = re.compile(r"(?:ian|ish|ese|ean|can|ern|ic|ist|ists)$")
_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}$")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


def _words(sentence: str) -> list[_Word]:
    return [_Word(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(sentence)]


def _capital_runs(sentence: str) -> list[list[_Word]]:
    """Runs of capitalised words separated by single spaces only."""
    runs: list[list[_Word]] = []
    for w in _words(sentence):
        if not w.text[0].isupper():
            continue
        if runs and sentence[runs[-1][-1].end : w.start] == " " and not _ACRONYM_RE.match(w.text) \
                and not _ACRONYM_RE.match(runs[-1][-1].text):
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


class Recogniser:
    """Finds items in the sentences of one article (it learns which words are proper and which are surnames)."""

    def __init__(self, sentences: Iterable[str]) -> None:
        self._sentences = list(sentences)
        self.proper: set[str] = set()  # words capitalised somewhere other than a sentence's start
        for s in self._sentences:
            for w in _words(s)[1:]:
                if w.text[0].isupper():
                    self.proper.add(w.text)
        self.surnames: set[str] = set()  # last words of people's full names, filled before use
        found: set[str] = set()
        for s in self._sentences:
            for text, kind, _, _ in self._name_groups(s):
                if kind is Kind.PERSON and " " in text:
                    found.add(text.split()[-1])
        self.surnames = found

    def _name_groups(self, sentence: str) -> list[tuple[str, Kind, int, int]]:
        groups: list[tuple[str, Kind, int, int]] = []
        for run in _capital_runs(sentence):
            # A sentence's opening word is capitalised anyway; keep it only if the article capitalises it elsewhere.
            while run and (run[0].text in _SKIP_WORDS or (run[0].start == 0 and run[0].text not in self.proper)):
                run = run[1:]
            pieces: list[tuple[list[_Word], bool]] = []
            current: list[_Word] = []
            after_title = False
            for w in run:
                if w.text in _TITLES:
                    if current:
                        pieces.append((current, after_title))
                    current, after_title = [], True
                else:
                    current.append(w)
            if current:
                pieces.append((current, after_title))
            for words, titled in pieces:
                kind = self._classify([w.text for w in words], titled)
                if kind is not None:
                    groups.append((sentence[words[0].start : words[-1].end], kind, words[0].start, words[-1].end))
        return groups

    def _classify(self, words: list[str], titled: bool) -> Kind | None:
        if len(words) == 1 and _ACRONYM_RE.match(words[0]):
            return Kind.ORGANISATION
        if any(w in _ORG_WORDS for w in words):
            return Kind.ORGANISATION
        if titled or len(words) >= 2:
            return Kind.PERSON if len(words) <= 4 else None
        word = words[0]
        if word in self.surnames:
            return Kind.PERSON
        if _DEMONYM_RE.search(word) or len(word) < 2:
            return None
        return Kind.PLACE

    def items(self, sentence: str) -> list[Item]:
        """Every item in ``sentence``, in order, none overlapping."""
        found: list[Item] = []
        taken: list[tuple[int, int]] = []

        def add(text: str, kind: Kind, start: int, end: int) -> None:
            if any(start < e and s < end for s, e in taken):
                return
            taken.append((start, end))
            found.append(Item(text, kind, start, end))

        for m in _DATE_RE.finditer(sentence):
            add(m.group(0), Kind.DATE, m.start(), m.end())
        for m in _YEAR_RE.finditer(sentence):
            add(m.group(0), Kind.YEAR, m.start(), m.end())
        for m in _NUMBER_RE.finditer(sentence):
            if m.start() == 0:
                continue  # "Three ..." opening a sentence reads badly once blanked
            add(m.group(0), Kind.NUMBER, m.start(), m.end())
        for text, kind, start, end in self._name_groups(sentence):
            add(text, kind, start, end)
        return sorted(found, key=lambda i: i.start)
