"""Find the facts worth asking about in a sentence: names, places, organisations, dates, years, amounts.

Heuristics only, with small word lists per language (``draft_lang``) and no model. A capitalised
run is split at titles ("Prime Minister"); with an organisation word or a known acronym it is an
organisation; after a title, or made of a given name or a surname the article uses alone, it is a
person; in English a run of two or three words none of which the article also writes in lowercase
is a person too. A single word is a place only when it is a known country, city or region, or (in
English) when the article writes it right after "in", "to", "from"... Adjectives of nationality
("Swiss", "Belarusian", "deutschen") and ordinary German nouns ("Länder") are never places.
Places carry a group (country, city, region, place) and amounts carry their unit, so swaps and
distractors stay within one group. Items listed three or more in a row are marked ``listed``:
asking for one of them tests nothing but the list's order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from studyapp.interop.draft_lang import CITIES, COUNTRIES, ENGLISH, GIVEN_NAMES, REGIONS, Lang, Words
from studyapp.textnorm import fold_answer


class Kind(StrEnum):
    """What sort of fact an item is; distractors and swaps stay within one kind (and group)."""

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
    group: str = ""  # places: country/city/region/place; amounts: their unit; else ""
    value: float | None = None  # years and amounts
    listed: bool = False  # one of three or more of its kind in a row


ACRONYMS = frozenset(
    "EU UN NATO UK US USA USSR IBM HP NASA OSCE UNESCO WHO IMF OPEC KGB FBI CIA BBC CNN ESA DDR BRD SPD CDU "
    "CSU FDP AfD DEC".split()
)
_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
_YEAR_RE = re.compile(r"(?<![\d.,$€£])(?:1[5-9]\d\d|20\d\d)(?![\d.,]\d)(?!\s*(?:%|percent|Prozent))")
_CURRENCY = {"US$": "dollars", "$": "dollars", "€": "euros", "£": "pounds"}
_LIST_GAP_RE = re.compile(r"^(?:\s*\([^)]*\))?\s*(?:,|,?\s*(?:and|und|or|oder|sowie))\s*$")
_GERMAN_NOUN_END_RE = re.compile(r"(?:ung|heit|keit|schaft|tät|ion|nis|tum|ismus|ei)$")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


def _words(sentence: str) -> list[_Word]:
    return [_Word(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(sentence)]


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper()


def _camel(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def _capital_runs(sentence: str) -> list[list[_Word]]:
    """Runs of capitalised words separated by single spaces only."""
    runs: list[list[_Word]] = []
    for w in _words(sentence):
        if not w.text[0].isupper():
            continue
        if runs and sentence[runs[-1][-1].end : w.start] == " ":
            runs[-1].append(w)  # "IBM Personal Computers" is one name, not an acronym and a name
        else:
            runs.append([w])
    return runs


def _date_re(words: Words) -> re.Pattern[str]:
    month = "|".join(words.months)
    if words.lang is Lang.DE:
        return re.compile(rf"\b(?:\d{{1,2}}\.\s*(?:{month})(?:\s+\d{{4}})?|(?:{month})\s+\d{{4}})\b")
    return re.compile(
        rf"\b(?:(?:{month})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{month})(?:\s+\d{{4}})?"
        rf"|(?:{month})\s+\d{{4}})\b"
    )


def _amount_re(words: Words) -> re.Pattern[str]:
    spelled = "|".join(sorted(words.number_words, key=len, reverse=True))
    scale = "|".join(words.scale_words)
    return re.compile(
        rf"(?<![\w.,$€£])(?P<cur>US\$|\$|€|£)?(?P<num>\d{{1,3}}(?:[.,]\d{{3}})+|\d+(?:[.,]\d+)?|(?i:{spelled})\b)"
        rf"(?P<ord>\.(?=\s+\w))?(?P<scale>\s+(?:{scale})\b)?"
    )


def _value(number: str, words: Words) -> float | None:
    lowered = number.lower()
    if lowered in words.number_words:
        return float(words.number_words[lowered])
    thousands, decimal = (".", ",") if words.lang is Lang.DE else (",", ".")
    cleaned = number.replace(thousands, "") if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", number) else number
    try:
        return float(cleaned.replace(decimal, "."))
    except ValueError:
        return None


class Recogniser:
    """Finds items in the sentences of one article (it learns its surnames, places and lowercase words)."""

    def __init__(self, sentences: Iterable[str], words: Words = ENGLISH) -> None:
        self.words = words
        self._sentences = list(sentences)
        self._date = _date_re(words)
        self._amount = _amount_re(words)
        self.lowercase: set[str] = set()  # words the article also writes in lowercase
        self.alone: set[str] = set()  # capitalised words that stand alone mid-sentence
        self.after_prep: set[str] = set()  # capitalised words written right after "in", "to", ...
        self.hyphenated: set[str] = set()  # "Hewlett-Packard"
        for s in self._sentences:
            ws = _words(s)
            self.hyphenated.update(w.text for w in ws if "-" in w.text)
            for i, w in enumerate(ws):
                if w.text[0].islower():
                    self.lowercase.add(w.text.lower())
                elif i > 0:
                    if ws[i - 1].text in words.place_preps and s[ws[i - 1].end : w.start] == " ":
                        self.after_prep.add(w.text)
            for run in _capital_runs(s):
                if len(run) == 1 and run[0].start > 0:
                    self.alone.add(run[0].text)
        self.surnames: set[str] = set()
        found: set[str] = set()
        for s in self._sentences:
            for text, kind, _, _, _ in self._name_groups(s):
                if kind is Kind.PERSON and " " in text:
                    found.add(text.split()[-1])
        self.surnames = found

    # -- names --------------------------------------------------------------------------------

    def _name_groups(self, sentence: str) -> list[tuple[str, Kind, int, int, str]]:
        groups: list[tuple[str, Kind, int, int, str]] = []
        for run in _capital_runs(sentence):
            while run and (run[0].text in self.words.openers or (
                    run[0].start == 0 and not {run[0].text} & (self.alone | self.after_prep | self.surnames | GIVEN_NAMES))):
                run = run[1:]
            title_start = run[0].start if run else 0
            pieces: list[tuple[list[_Word], bool]] = []
            current: list[_Word] = []
            after_title = False
            for w in run:
                if w.text in self.words.titles and not self._org([x.text for x in run]):
                    if current:
                        pieces.append((current, after_title))
                    current, after_title = [], True
                else:
                    current.append(w)
            if current:
                pieces.append((current, after_title))
            for ws, titled in pieces:
                before = sentence[: ws[0].start].rstrip().lower()
                found = self._classify([w.text for w in ws], titled, before)
                if found is not None:
                    group = found[1]
                    if found[0] is Kind.PERSON and titled:  # a person's role: "Hungarian Prime Minister"
                        group = fold_answer(sentence[title_start : ws[0].start])
                    groups.append((sentence[ws[0].start : ws[-1].end], found[0], ws[0].start, ws[-1].end, group))
                    title_start = ws[-1].end  # a name ends the role of the next one
        return groups

    def _org(self, words: list[str]) -> bool:
        return any(w in self.words.org_words or w.rstrip("s") in self.words.org_words for w in words)

    def _classify(self, words: list[str], titled: bool, before: str) -> tuple[Kind, str] | None:
        if len(words) == 1 and _is_acronym(words[0]):
            return (Kind.ORGANISATION, "") if words[0] in ACRONYMS else None
        if any(_is_acronym(w) or _camel(w) for w in words) or len(words) > 4:
            return None  # "IBM DevOps", "ClearCase": products and brands, not people
        if "-".join(words) in self.hyphenated:
            return None  # "Hewlett Packard", also written "Hewlett-Packard"
        if self._org(words):
            return Kind.ORGANISATION, ""
        if len(words) == 1:
            return self._single(words[0], titled)
        if titled or words[0] in GIVEN_NAMES or words[-1] in self.alone:
            return Kind.PERSON, ""
        if self.words.lang is Lang.EN and len(words) <= 3 and not before.endswith(("the", "a", "an")) and not any(
            w.lower() in self.lowercase or w in COUNTRIES or w in CITIES or w in REGIONS
            or self.words.demonym_re.search(w) for w in words
        ):
            return Kind.PERSON, ""
        return None

    def _single(self, word: str, titled: bool) -> tuple[Kind, str] | None:
        if titled or word in self.surnames:
            return Kind.PERSON, ""
        for group, names in (("country", COUNTRIES), ("city", CITIES), ("region", REGIONS)):
            if word in names:
                return Kind.PLACE, group
        if len(word) < 3 or self.words.demonym_re.search(word) or word.lower() in self.lowercase:
            return None
        if self.words.lang is Lang.DE and _GERMAN_NOUN_END_RE.search(word):
            return None
        if word in self.after_prep and word not in self.words.openers:
            return Kind.PLACE, "place"
        return None

    # -- numbers ------------------------------------------------------------------------------

    def _unit(self, sentence: str, end: int, currency: str | None) -> str:
        """The noun an amount counts: "three companies" -> "company", "$5 million" -> "dollars"."""
        if currency:
            return _CURRENCY[currency]
        rest = _words(sentence[end : end + 60])
        if not rest or sentence[end : end + rest[0].start].strip():
            return ""
        if self.words.lang is Lang.DE:
            noun = next((w.text for w in rest[:3] if w.text[0].isupper()), "")
            return fold_answer(noun)
        first = rest[0]
        if first.text == "of" and len(rest) > 1:
            first = rest[1]
        if not first.text[0].islower() or first.text in self.words.stop:
            return ""
        unit = fold_answer(first.text).removesuffix("s")
        per = re.match(r"\s*(?:/\s*|per\s+|pro\s+)([^\W\d_]+)", sentence[end + first.end :])
        return f"{unit}/{fold_answer(per.group(1))}" if per else unit  # "km/h" is a speed, "km" a distance

    def _amounts(self, sentence: str) -> list[Item]:
        found: list[Item] = []
        for m in self._amount.finditer(sentence):
            num, cur = m.group("num"), m.group("cur")
            if m.group("ord") and self.words.lang is Lang.EN:
                continue  # "68000." ends a sentence; English has no "10." ordinals
            end = m.end("scale") if m.group("scale") else m.end("num")
            unit = self._unit(sentence, m.end(), cur)
            if not unit:
                continue  # a bare number ("Release 10", "DN100") is a name, not an amount
            value = _value(num, self.words)
            if value is None or (num.isdigit() and value >= 10000 and not cur and not m.group("scale")):
                continue  # "68000 processor": a model number
            previous = _words(sentence[: m.start()])
            if previous and previous[-1].text[0].isupper() and sentence[previous[-1].end : m.start()] == " " \
                    and self.words.lang is Lang.EN:
                continue  # "Release 10", "HP 9000", "Apollo 11": part of a name
            start = m.start()
            found.append(Item(sentence[start:end], Kind.NUMBER, start, end, unit, value))
        return found

    # -- everything ---------------------------------------------------------------------------

    def items(self, sentence: str) -> list[Item]:
        """Every item in ``sentence``, in order, none overlapping."""
        found: list[Item] = []

        def add(item: Item) -> None:
            if any(item.start < f.end and f.start < item.end for f in found):
                return
            found.append(item)

        for m in self._date.finditer(sentence):
            add(Item(m.group(0), Kind.DATE, m.start(), m.end()))
        for m in _YEAR_RE.finditer(sentence):
            before, after = sentence[: m.start()], sentence[m.end() :]
            in_range = bool(re.match(r"\s*(?:[–—-]|to|bis)\s*\d", after)) or bool(
                re.search(r"\d\s*(?:[–—-]|to|bis|and|und)\s*$", before)) or before.rstrip().endswith(("between", "zwischen"))
            if not in_range:
                add(Item(m.group(0), Kind.YEAR, m.start(), m.end(), "", float(m.group(0))))
        for item in self._amounts(sentence):
            if item.start > 0:
                add(item)
        for text, kind, start, end, group in self._name_groups(sentence):
            add(Item(text, kind, start, end, group))
        ordered = sorted(found, key=lambda i: i.start)
        return _mark_lists(sentence, ordered)


def _mark_lists(sentence: str, items: list[Item]) -> list[Item]:
    """Mark items that sit in a list of three or more of their kind ("A, B, C and D")."""
    listed: set[int] = set()
    chain: list[int] = []
    for i, item in enumerate(items):
        if chain and items[chain[-1]].kind is item.kind and _LIST_GAP_RE.match(sentence[items[chain[-1]].end : item.start]):
            chain.append(i)
        else:
            if len(chain) >= 3:
                listed.update(chain)
            chain = [i]
    if len(chain) >= 3:
        listed.update(chain)
    return [Item(it.text, it.kind, it.start, it.end, it.group, it.value, True) if i in listed else it
            for i, it in enumerate(items)]
