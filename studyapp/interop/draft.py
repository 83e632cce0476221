"""Draft a question file from an article: cloze, choice and true/false questions, for the author to review.

Deterministic and offline: the facts come from ``entities.Recogniser`` (heuristics), distractors
and swaps are other facts of the same kind from the same article, and every question carries its
sentence as ``quote``, the article as ``source`` and a ``draft`` tag.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from studyapp.bank.model import AnyQuestion, ChoiceQuestion, TrueFalseQuestion
from studyapp.interop.article import INTRO, Sentence, read_article
from studyapp.interop.entities import Item, Kind, Recogniser
from studyapp.interop.fit import IdAllocator, cloze_question, rule_problem, slugify
from studyapp.textnorm import fold_answer

DRAFT_TAG = "draft"
BLANK = "_____"
_PRIORITY = (Kind.PERSON, Kind.DATE, Kind.YEAR, Kind.NUMBER, Kind.ORGANISATION, Kind.PLACE)
_NOUN = {
    Kind.PERSON: "name",
    Kind.PLACE: "place",
    Kind.ORGANISATION: "name",
    Kind.DATE: "date",
    Kind.YEAR: "year",
    Kind.NUMBER: "number",
}
_KIND_TAG = {Kind.YEAR: "dates"}
_DIGITS = dict(
    zip(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split(),
        (str(n) for n in range(2, 21)),
    )
)
_MIN_WORDS = 6
# Markdown markup inside a sentence (links, code, emphasis) would show up in the question.
_MARKUP_RE = re.compile(r"\]\(|`|\*\*|__|<[a-zA-Z/]")


def _has_word(needle: str, hay: str) -> bool:
    """``needle`` appears in ``hay`` as whole words, ignoring case, accents and punctuation."""
    n = fold_answer(needle)
    return bool(n) and f" {n} " in f" {fold_answer(hay)} "


def gives_away(answer: str, prompt: str) -> bool:
    """True when the prompt already shows the answer (or, for a name, any long word of it)."""
    if _has_word(answer, prompt):
        return True
    return any(len(w) >= 4 and _has_word(w, prompt) for w in fold_answer(answer).split())


def _related(a: str, b: str) -> bool:
    """Same thing or the same person ("Biden" / "Joe Biden")."""
    fa, fb = set(fold_answer(a).split()), set(fold_answer(b).split())
    return fold_answer(a) == fold_answer(b) or bool({w for w in fa & fb if len(w) >= 3})


def _after_the(sentence: str, start: int) -> bool:
    return sentence[:start].lower().endswith("the ")


@dataclass(frozen=True, slots=True)
class _Pool:
    """Every distinct item text of one kind, most frequent first, then in article order."""

    texts: tuple[str, ...]
    with_the: frozenset[str]  # texts the article writes after "the" ("the West", "the EU")

    def others(self, item: Item, sentence: str) -> list[str]:
        """Same-kind stand-ins for ``item``: none already in the sentence, none the same person."""
        texts: list[str] = list(self.texts)
        if item.kind is Kind.PERSON and " " not in item.text:
            # A surname alone gets surnames: "Łukašenka" vs "Orban", not vs "Viktor Orban".
            texts = list(dict.fromkeys(t.split()[-1] for t in texts))
        elif item.kind in (Kind.PLACE, Kind.ORGANISATION):
            # "the West" must not become "the Brussels".
            the = _after_the(sentence, item.start)
            texts = [t for t in texts if (t in self.with_the) == the]
        words = len(item.text.split())
        picked: list[str] = []
        for text in sorted(texts, key=lambda t: len(t.split()) != words):
            if _related(text, item.text) or gives_away(text, sentence):
                continue
            if any(_related(text, p) for p in picked):
                continue
            picked.append(text)
        return picked


def _pools(sentences: list[tuple[Sentence, list[Item]]]) -> dict[Kind, _Pool]:
    counts: dict[Kind, Counter[str]] = {k: Counter() for k in Kind}
    first: dict[str, int] = {}
    with_the: set[str] = set()
    for s, items in sentences:
        for i in items:
            counts[i.kind][i.text] += 1
            first.setdefault(i.text, s.index)
            if _after_the(s.text, i.start):
                with_the.add(i.text)
    return {
        k: _Pool(tuple(sorted(c, key=lambda t: (-c[t], first[t]))), frozenset(with_the))
        for k, c in counts.items()
    }


def section_tag(section: str) -> str:
    return "intro" if section == INTRO else slugify(section, 32) or "section"


def _usable(item: Item, items: list[Item], sentence: str) -> bool:
    """The item can be blanked without the rest of its sentence giving it away."""
    rest = sentence[: item.start] + BLANK + sentence[item.end :]
    return not gives_away(item.text, rest) and "{" not in sentence and "}" not in sentence


def _by_priority(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (_PRIORITY.index(i.kind), i.start))


def _blank(sentence: str, item: Item, fill: str) -> str:
    return sentence[: item.start] + fill + sentence[item.end :]


def _gap(item: Item) -> str:
    alternatives = [item.text]
    if item.kind is Kind.PERSON and " " in item.text:
        alternatives.append(item.text.split()[-1])
    if item.kind is Kind.NUMBER and item.text.lower() in _DIGITS:
        alternatives.append(_DIGITS[item.text.lower()])
    return "{{" + "|".join(alternatives) + "}}"


class _Drafter:
    def __init__(self, deck_id: str, sentences: list[tuple[Sentence, list[Item]]]) -> None:
        self.deck = deck_id
        self.pools = _pools(sentences)
        self.ids = IdAllocator()
        self.questions: list[AnyQuestion] = []
        self.seen: set[tuple[str, str]] = set()
        self.truefalse = 0

    def _tags(self, s: Sentence, item: Item) -> tuple[str, ...]:
        return (DRAFT_TAG, section_tag(s.section), _KIND_TAG.get(item.kind, item.kind.value))

    def _add(self, q: AnyQuestion, key: str) -> bool:
        dedup = (str(q.type), fold_answer(key))
        if dedup in self.seen or rule_problem(q) is not None:
            return False
        self.seen.add(dedup)
        self.questions.append(q)
        return True

    def cloze(self, s: Sentence, item: Item) -> bool:
        q = cloze_question(
            deck=self.deck,
            id=self.ids.take(f"{item.text}-cloze"),
            text=_blank(s.text, item, _gap(item)),
                        quote=s.text,
            tags=self._tags(s, item),
        )
        return self._add(q, q.text)

    def choice(self, s: Sentence, item: Item) -> bool:
        others = self.pools[item.kind].others(item, s.text)
        if len(others) < 2:
            return False
        choices = tuple(sorted([item.text, *others[:3]], key=fold_answer))
        prompt = f"Which {_NOUN[item.kind]} fills the blank?\n\n{_blank(s.text, item, BLANK)}"
        q = ChoiceQuestion(
            deck=self.deck,
            id=self.ids.take(f"{item.text}-choice"),
            prompt=prompt,
            choices=choices,
            answer=item.text,
            quote=s.text,
            tags=self._tags(s, item),
        )
        return self._add(q, prompt)

    def true_false(self, s: Sentence, item: Item) -> bool:
        others = self.pools[item.kind].others(item, s.text)
        if not others:
            return False
        truth = self.truefalse % 3 == 2  # one in three is the article's own sentence, so "true" is not a giveaway
        statement = s.text if truth else _blank(s.text, item, others[s.index % len(others)])
        verdict = "True" if truth else "False"
        q = TrueFalseQuestion(
            deck=self.deck,
            id=self.ids.take(f"{item.text}-{verdict}"),
            prompt=statement,
            answer=truth,
            explanation=f'{verdict}: the article says "{s.text}"',
            quote=s.text,
            tags=self._tags(s, item),
        )
        if self._add(q, statement):
            self.truefalse += 1
            return True
        return False


def draft_questions(article_text: str, deck_id: str) -> list[AnyQuestion]:
    """Draft questions from ``article_text`` (the same text always gives the same questions)."""
    article = read_article(article_text)
    recogniser = Recogniser(s.text for s in article.sentences)
    sentences = [
        (s, recogniser.items(s.text))
        for s in article.sentences
        if len(s.text.split()) >= _MIN_WORDS and not _MARKUP_RE.search(s.text)
    ]
    drafter = _Drafter(deck_id, sentences)
    for s, items in sentences:
        usable = _by_priority([i for i in items if _usable(i, items, s.text)])
        if not usable:
            continue
        clozes = 2 if len(usable) >= 4 else 1
        used: list[Item] = []
        for item in usable:
            if len(used) < clozes and all(u.kind is not item.kind for u in used) and drafter.cloze(s, item):
                used.append(item)
        fresh = [i for i in usable if i not in used] + used
        for item in fresh:
            if drafter.choice(s, item):
                used.append(item)
                break
        for item in [i for i in usable if i not in used] + used:
            if drafter.true_false(s, item):
                break
    return drafter.questions


