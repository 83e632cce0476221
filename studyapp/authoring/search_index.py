"""Searching the browser's rows: one folded text per question, built once per bank.

``SearchIndex(questions)`` folds every question's texts (prompt, choices, answers, cloze text
and its alternatives, pairs, items, explanation, quote, tags) the way grading folds a typed
answer (``textnorm.fold_answer``), all questions in one pass over one string (``fold_many``), so
a keystroke only looks for already-folded words: ``index.search(parse(query), rows, candidates)``.
It holds only what the question files say, so one index serves every opening of the browser on
the same bank (and may be built off the UI thread).

Words match anywhere inside a field (``cat`` finds "catalogue"), a phrase only inside one
field; ``deck:`` matches the deck id, ``tag:`` any one tag (both case-insensitive, ``*`` any
run of characters). ``is:`` reads the rows' memory (``search_rows.BrowserRows.flagged``).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Collection, Iterable, Sequence
from fnmatch import translate

from anyascii import anyascii

from studyapp.authoring.search import And, Field, FieldKind, Is, MatchAll, Node, Not, Or, Text
from studyapp.authoring.search_rows import BrowserRows, gc_paused
from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)

_FIELD_SEP = "\x01"  # between a question's fields: a phrase never spans two
_ROW_SEP = "\x02"  # between questions
_FOLD_PART = 2_000  # questions folded per call (see ``SearchIndex._fold``)
_WORDS_KEPT = 24  # words whose rows are remembered (the last keystrokes' words)
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _ascii_fold_table() -> dict[int, int | None]:
    """ASCII after transliteration: letters lower-cased, ``-/_`` and whitespace to a space, the
    two separators kept, every other character (punctuation, symbols, controls) dropped."""
    table: dict[int, int | None] = {}
    for code in range(128):
        ch = chr(code)
        if ch in (_FIELD_SEP, _ROW_SEP) or ch.islower() or ch.isdigit() or ch == " ":
            continue
        table[code] = ord(ch.lower()) if ch.isupper() else 32 if ch in "-/_" or ch.isspace() else None
    return table


_ASCII_FOLD = _ascii_fold_table()


def fold_many(texts: Sequence[str], sep: str = _ROW_SEP) -> list[str]:
    """``[fold_answer(t) for t in texts]``, computed on one joined string (about 20x faster).

    The steps are ``fold_answer``'s, each applied once to the whole text: NFC, transliteration
    to ASCII, lower case (ASCII's case fold), ``-/_`` to spaces, everything but letters, digits
    and spaces dropped, whitespace collapsed. ``sep`` (``\\x01`` or ``\\x02``) stays in place.
    """
    return _fold_joined(sep.join(_clean(texts))).split(sep)


def _clean(texts: Sequence[str]) -> Sequence[str]:
    """``texts`` without the two separator characters (which fold to nothing anyway)."""
    joined = "".join(texts)
    if _FIELD_SEP not in joined and _ROW_SEP not in joined:
        return texts
    return [t.replace(_FIELD_SEP, "").replace(_ROW_SEP, "") for t in texts]


def _fold_joined(blob: str) -> str:
    blob = unicodedata.normalize("NFC", blob)
    if not blob.isascii():
        cache: dict[str, str] = {}

        def ascii_of(match: re.Match[str]) -> str:
            run = match.group()
            out = cache.get(run)
            if out is None:
                out = cache[run] = anyascii(run)
            return out

        blob = _NON_ASCII_RE.sub(ascii_of, blob)
    # One ASCII-to-ASCII translate (CPython's fast path) instead of a regular expression that
    # would match at nearly every word; then runs of spaces halved until none is left.
    blob = blob.translate(_ASCII_FOLD)
    while "  " in blob:
        blob = blob.replace("  ", " ")
    for sep in (_FIELD_SEP, _ROW_SEP):
        blob = blob.replace(" " + sep, sep).replace(sep + " ", sep)
    return blob.strip(" ")


def searched_texts(q: AnyQuestion) -> list[str]:
    """The texts of ``q`` a word may be found in, each its own field."""
    out = [q.prompt or ""]
    if isinstance(q, (ChoiceQuestion, MultiQuestion)):
        out.extend(q.choices)
    if isinstance(q, (MultiQuestion, TextQuestion)):
        out.extend(q.answers)
    elif isinstance(q, ChoiceQuestion):
        out.append(q.answer)
    elif isinstance(q, ClozeQuestion):
        out.append("".join(p.answer if isinstance(p, ClozeGap) else p for p in q.parts))
        out.extend(alt for p in q.parts if isinstance(p, ClozeGap) for alt in p.alternatives[1:])
    elif isinstance(q, OrderQuestion):
        out.extend(q.items)
    elif isinstance(q, MatchQuestion):
        out.extend(side for pair in q.pairs for side in pair)
    elif isinstance(q, CardQuestion):
        out.append(q.answer)
    out.extend((q.explanation or "", q.quote or "", *q.tags))
    return out


def _pattern(value: str) -> re.Pattern[str] | None:
    """``*`` as a wildcard (nothing else special); None when the value has none."""
    if "*" not in value:
        return None
    return re.compile(translate(value.replace("[", "[[]").replace("?", "[?]")), re.DOTALL)


class SearchIndex:
    """The questions of a bank with their folded texts, searched by a parsed query."""

    def __init__(self, questions: Sequence[AnyQuestion], haystacks: list[str] | None = None) -> None:
        """``haystacks``: the folded texts of an index of the same questions in the same order
        (``index.haystacks``), which only the bank changes; folded anew when None."""
        with gc_paused():
            self._fold(questions, haystacks)

    def _fold(self, questions: Sequence[AnyQuestion], haystacks: list[str] | None) -> None:
        self.questions = questions
        if haystacks is not None and len(haystacks) == len(questions):
            self.haystacks = haystacks
        else:
            # In parts: each step is one call over the joined text, and a thread building the
            # index holds Python's lock through each call (the window stays responsive).
            self.haystacks = []
            for start in range(0, len(questions), _FOLD_PART):
                texts = [_FIELD_SEP.join(_clean(searched_texts(q))) for q in questions[start:start + _FOLD_PART]]
                self.haystacks += _fold_joined(_ROW_SEP.join(_clean(texts))).split(_ROW_SEP)
        self._decks = [q.deck.casefold() for q in questions]
        self._tags = [frozenset(t.casefold() for t in q.tags) for q in questions]
        self._types = [q.type.value for q in questions]
        self._words: dict[str, set[int]] = {}  # a searched word -> the rows containing it
        self._ranked: list[int] | None = None  # the last order of every row searched in ...
        self._rank = array("q")  # ... and each row's place in it

    def __len__(self) -> int:
        return len(self.questions)

    def search(self, node: Node, rows: BrowserRows, candidates: Iterable[int] | None = None) -> list[int]:
        """The indices among ``candidates`` (default: every row, in order) whose question ``node``
        matches, in the order of ``candidates``; ``rows``: the same questions' memory (``is:``)."""
        with gc_paused():  # the lists and sets made here hold ints only: no cycles to find
            return self._eval(node, rows, list(range(len(self.questions))) if candidates is None else list(candidates))

    def _eval(self, node: Node, rows: BrowserRows, cand: list[int]) -> list[int]:
        if isinstance(node, MatchAll) or not cand:
            return cand
        if isinstance(node, Text):
            return self._text(node.folded, cand) if node.folded else cand
        if isinstance(node, Field):
            return self._field(node, cand)
        if isinstance(node, Is):
            return rows.flagged(node.flag, cand)
        if isinstance(node, Not):
            left_out = set(self._eval(node.child, rows, cand))
            return [i for i in cand if i not in left_out]
        if isinstance(node, And):
            for child in node.children:
                cand = self._eval(child, rows, cand)
            return cand
        assert isinstance(node, Or)
        found: set[int] = set()
        rest = cand
        for child in node.children:
            found.update(self._eval(child, rows, rest))
            rest = [i for i in rest if i not in found]
        return [i for i in cand if i in found]

    def _text(self, needle: str, cand: list[int]) -> list[int]:
        """Rows among ``cand`` containing ``needle``. Typing makes each word longer: every row
        with "lukas" has "luka", so the rows of the longest remembered part of the word are the
        only ones looked at (a cache of the last words' rows)."""
        hay = self.haystacks
        known = self._words.get(needle)
        if known is None:
            base: Collection[int] | None = None
            for word, rows in self._words.items():
                if word in needle and (base is None or len(rows) < len(base)):
                    base = rows
            if base is None:
                base = range(len(hay))
            if len(cand) * 4 < len(base):  # few candidates left: look at them alone
                return [i for i in cand if needle in hay[i]]
            known = {i for i in base if needle in hay[i]}
            if len(self._words) >= _WORDS_KEPT:
                del self._words[next(iter(self._words))]
            self._words[needle] = known
        if len(known) == len(hay):
            return cand
        if len(cand) == len(hay) and len(known) * 8 < len(cand):
            # Every row is a candidate (a first word): order the few found rather than test all.
            return sorted(known, key=self._rank_in(cand).__getitem__)
        return [i for i in cand if i in known]

    def _rank_in(self, order: list[int]) -> array[int]:
        """Each row's place in ``order`` (every row once), kept while the order is the same."""
        if self._ranked != order:
            rank = array("q", [0]) * len(order)
            for place, row in enumerate(order):
                rank[row] = place
            self._ranked, self._rank = order, rank
        return self._rank

    def _field(self, node: Field, cand: list[int]) -> list[int]:
        if node.kind is FieldKind.TYPE:
            types = self._types
            return [i for i in cand if types[i] == node.value]
        pattern = _pattern(node.value)
        if node.kind is FieldKind.DECK:
            decks = self._decks
            if pattern is None:
                return [i for i in cand if decks[i] == node.value]
            wanted = {d for d in set(decks) if pattern.fullmatch(d)}
            return [i for i in cand if decks[i] in wanted]
        tags = self._tags
        if pattern is None:
            return [i for i in cand if node.value in tags[i]]
        matching = {t for ts in set(tags) for t in ts if pattern.fullmatch(t)}
        return [i for i in cand if not matching.isdisjoint(tags[i])]
