"""What may stand in for a fact in a draft: distractors for a choice, the swap in a false statement.

A stand-in is of the same kind and group as the fact (a city for a city, a country for a
country, a person for a person, an amount of the same unit), never the article's own subject,
never already in the sentence, and never something the article says in that place elsewhere (a
stand-in that appears in another sentence sharing most of this one's words would make a "false"
statement true, or a second right choice). Years become nearby years; amounts without enough
peers in the article become nearby amounts, written the way the article writes them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from studyapp.interop.draft_lang import Lang, Words
from studyapp.interop.entities import Item, Kind
from studyapp.textnorm import fold_answer

_YEAR_STEPS = (-2, 1, 3, -1, 2, -3)
_CONTENT_MIN = 4


def has_word(needle: str, hay: str) -> bool:
    """``needle`` appears in ``hay`` as whole words, ignoring case, accents and punctuation."""
    n = fold_answer(needle)
    return bool(n) and f" {n} " in f" {fold_answer(hay)} "


def gives_away(answer: str, shown: str) -> bool:
    """True when ``shown`` already shows the answer (or, for a name, any long word of it)."""
    if has_word(answer, shown):
        return True
    return any(len(w) >= 4 and not w.isdigit() and has_word(w, shown) for w in fold_answer(answer).split())


def related(a: str, b: str) -> bool:
    """Same thing or the same person ("Biden" / "Joe Biden")."""
    fa, fb = set(fold_answer(a).split()), set(fold_answer(b).split())
    return fold_answer(a) == fold_answer(b) or bool({w for w in fa & fb if len(w) >= 3 and not w.isdigit()})


@dataclass(frozen=True, slots=True)
class Located:
    """An item with the sentence it is in."""

    item: Item
    sentence: str


class StandIns:
    """Every name, date and amount of one article, to draw same-kind stand-ins from."""

    def __init__(self, found: Sequence[Located], sentences: Sequence[str], words: Words, subject: frozenset[str]) -> None:
        self.words = words
        self.subject = subject
        self.sentences = [s for s in sentences]
        counts: Counter[tuple[Kind, str, str]] = Counter()
        first: dict[tuple[Kind, str, str], int] = {}
        for n, loc in enumerate(found):
            key = (loc.item.kind, loc.item.group, loc.item.text)
            counts[key] += 1
            first.setdefault(key, n)
        self._ordered = sorted(counts, key=lambda k: (-counts[k], first[k]))
        self._titled = {loc.item.text for loc in found if loc.item.kind is Kind.PERSON and loc.item.group}
        self._names: dict[str, set[str]] = {}  # sentence -> the names in it
        for loc in found:
            if loc.item.kind in (Kind.PERSON, Kind.PLACE, Kind.ORGANISATION):
                self._names.setdefault(loc.sentence, set()).add(loc.item.text)

    def plausible(self, stand_in: str, loc: Located) -> bool:
        """The article names ``stand_in`` next to one of the sentence's other names: a swap that reads
        as a claim someone could make ("Russia's war against Canada" gives itself away)."""
        if loc.item.kind not in (Kind.PLACE, Kind.ORGANISATION):
            return True
        others = {n for n in self._names.get(loc.sentence, set()) - {loc.item.text} if not self.about_subject(n)}
        return any(stand_in in names and names & others for s, names in self._names.items() if s != loc.sentence)

    def about_subject(self, text: str) -> bool:
        """The item names the article's own subject (its most frequent name or a heading word)."""
        return bool(set(fold_answer(text).split()) & self.subject)

    def true_elsewhere(self, stand_in: str, sentence: str, item: Item) -> bool:
        """Another sentence says the same thing with ``stand_in``: swapping it in would not be false."""
        own = _content(sentence, self.words) - _content(item.text, self.words)
        if not own:
            return False
        for other in self.sentences:
            if other != sentence and has_word(stand_in, other):
                shared = own & _content(other, self.words)
                if len(shared) * 2 >= len(own) or len(shared) >= 4:
                    return True
        return False

    def _fits(self, text: str, loc: Located, picked: list[str]) -> bool:
        shown = loc.sentence[: loc.item.start] + loc.sentence[loc.item.end :]
        named = any(len(w) >= 3 and not w.isdigit() and w not in self.words.stop and has_word(w, shown)
                    for w in fold_answer(text).split())  # "Sun Microsystems" where the sentence says "Sun"
        return not (
            named or related(text, loc.item.text) or self.about_subject(text)
            or any(related(text, p) for p in picked) or self.true_elsewhere(text, loc.sentence, loc.item)
        )

    def candidates(self, loc: Located, wanted: int, plausible: bool = False) -> list[str]:
        """Up to ``wanted`` stand-ins for ``loc.item``, most frequent in the article first (``plausible``:
        only names the article mentions together with the sentence's other names)."""
        item = loc.item
        picked: list[str] = []
        if item.kind is Kind.YEAR and item.value is not None:
            pool = [str(int(item.value) + step) for step in _YEAR_STEPS]
        else:
            pool = [t for k, g, t in self._ordered if k is item.kind and g == item.group]
            if item.kind is Kind.PERSON and " " not in item.text:
                pool = list(dict.fromkeys(t.split()[-1] for t in pool))  # a surname gets surnames
            elif item.kind is Kind.PERSON:
                pool = [t for t in pool if " " in t]
            if item.kind is Kind.PERSON and not item.group:
                pool = [t for t in pool if not any(related(t, x) for x in self._titled)]  # roles differ
            if item.kind is Kind.NUMBER and item.value is not None and len(self._peers(pool, loc)) < wanted:
                pool = pool + nearby_amounts(item, self.words)
        for text in pool:
            if len(picked) < wanted and self._fits(text, loc, picked) and (not plausible or self.plausible(text, loc)):
                picked.append(text)
        return picked

    def _peers(self, pool: list[str], loc: Located) -> list[str]:
        return [t for t in pool if not related(t, loc.item.text) and not gives_away(t, loc.sentence)]


def _content(text: str, words: Words) -> set[str]:
    return {w for w in fold_answer(text).split() if len(w) >= _CONTENT_MIN and w not in words.stop}


def nearby_amounts(item: Item, words: Words) -> list[str]:
    """Other amounts of ``item``'s unit, written like it: "three" -> "five", "82,2 Millionen" -> "41,1 Millionen"."""
    assert item.value is not None
    value = item.value
    spelled = {v: w for w, v in words.number_words.items()}
    number = re.search(r"\d[\d.,]*|[^\W\d_]+", item.text)
    if number is None:
        return []
    raw = number.group(0)
    if value.is_integer() and value <= 12:
        steps = [value + 2, value - 1, value + 1, value + 3, value * 2]
    else:
        steps = [value * 2, value / 2, value * 1.5, value * 3]
    out: list[str] = []
    for v in steps:
        if v <= 0 or v == value:
            continue
        if raw.isalpha():
            text = spelled.get(int(v), "") if v.is_integer() else ""
            if not text:
                continue
            text = text.capitalize() if raw[0].isupper() else text
        else:
            text = _format_like(raw, v, words)
        out.append(item.text[: number.start()] + text + item.text[number.end() :])
    return list(dict.fromkeys(out))


def _format_like(raw: str, value: float, words: Words) -> str:
    thousands, decimal = (".", ",") if words.lang is Lang.DE else (",", ".")
    decimals = len(raw.split(decimal)[1]) if decimal in raw and not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw) else 0
    text = f"{value:,.{decimals}f}" if decimals else f"{round(value):,}"
    grouped = thousands in raw or "," in text and len(raw) > 4 and not raw.isdigit()
    text = text.replace(",", "\0").replace(".", decimal).replace("\0", thousands if grouped else "")
    return text
