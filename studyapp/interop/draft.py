"""Draft a question file from an article: cloze, choice and true/false questions, for the author to review.

Deterministic and offline. The language is detected (or given) and decides the sentence splitter
and word lists (``draft_lang``); the facts come from ``entities.Recogniser``; stand-ins for
choices and false statements come from ``draft_swap``. One question per sentence, and each fact
asked once, so one question never answers another; the article's own subject and items in a list
are not asked. Every question carries its sentence as ``quote`` and as the explanation, a
``draft`` tag, its section and the kind of fact it asks for.
"""

from __future__ import annotations

import re
import threading
from collections import Counter

from studyapp.bank.model import AnyQuestion, ChoiceQuestion, ClozeQuestion, TrueFalseQuestion
from studyapp.interop.article import INTRO, Sentence, read_article
from studyapp.interop.draft_lang import CAPITALS, Lang, Words, detect_language, sentence_splitter, words_for
from studyapp.interop.draft_swap import Located, StandIns, gives_away, related
from studyapp.interop.entities import Item, Kind, Recogniser
from studyapp.interop.fit import IdAllocator, cloze_question, rule_problem, slugify
from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.textnorm import fold_answer

DRAFT_TAG = "draft"
BLANK = "_____"
_PRIORITY = (Kind.DATE, Kind.YEAR, Kind.NUMBER, Kind.PERSON, Kind.PLACE, Kind.ORGANISATION)
_KIND_TAG = {Kind.YEAR: "dates"}
_MIN_WORDS = 6
_MIN_WORDS_WITH_FIGURE = 4  # "Apollo was founded in 1980." is short and still a fact
# Markdown markup inside a sentence (links, code, emphasis) would show up in the question.
_MARKUP_RE = re.compile(r"\]\(|`|\*\*|__|<[a-zA-Z/]")


class DraftCancelled(Exception):
    """The person stopped drafting (the ``cancel`` event of ``draft_questions`` was set)."""


_SINGULAR = {"people": "person", "places": "place", "organisations": "organisation", "dates": "date",
             "numbers": "number"}


def section_tag(section: str) -> str:
    """The tag naming a sentence's section ("intro" before the first title)."""
    return "intro" if section == INTRO else slugify(section, 32) or "section"


def article_heading(article_text: str) -> str | None:
    """The article's heading, for a deck's default title: its first line when that is a title, else
    (an article that starts with its text) its first section's heading; None when it has none."""
    sections = [s for s in read_article(article_text).sections if s != INTRO]
    return sections[0] if sections else None


# What a drafted question asks about, one and several, for the translators ("fact": no tag says).
_KINDS = {
    "person": (QT_TRANSLATE_NOOP("Core", "person"), QT_TRANSLATE_NOOP("Core", "persons")),
    "place": (QT_TRANSLATE_NOOP("Core", "place"), QT_TRANSLATE_NOOP("Core", "places")),
    "organisation": (QT_TRANSLATE_NOOP("Core", "organisation"), QT_TRANSLATE_NOOP("Core", "organisations")),
    "date": (QT_TRANSLATE_NOOP("Core", "date"), QT_TRANSLATE_NOOP("Core", "dates")),
    "number": (QT_TRANSLATE_NOOP("Core", "number"), QT_TRANSLATE_NOOP("Core", "numbers")),
    "fact": (QT_TRANSLATE_NOOP("Core", "fact"), QT_TRANSLATE_NOOP("Core", "facts")),
}


def why_proposed(q: AnyQuestion) -> Message:
    """Why the drafter proposed ``q``, from its type and tags (so a reopened draft says it too);
    ``str()`` of it is the English sentence."""
    word = _SINGULAR.get(q.tags[2], q.tags[2]) if len(q.tags) > 2 and q.tags[0] == DRAFT_TAG else "fact"
    one, several = _KINDS[word] if word in _KINDS else (word, word + "s")
    kind, kinds = Message(one), Message(several)
    if isinstance(q, ClozeQuestion):
        return Message(QT_TRANSLATE_NOOP("Core", "Cloze: the {kind} in this sentence is hidden; type it."), kind=kind)
    if isinstance(q, ChoiceQuestion):
        return Message(QT_TRANSLATE_NOOP("Core", "Choice: the {kind} in this sentence against other {kinds} the article "
                                                 "names or nearby values."), kind=kind, kinds=kinds)
    if isinstance(q, TrueFalseQuestion):
        if q.answer:
            return Message(QT_TRANSLATE_NOOP("Core", "True/false: the article's own sentence, word for word."))
        return Message(QT_TRANSLATE_NOOP("Core", "True/false: the sentence with its {kind} swapped for another of the "
                                                 "same kind, so it is false."), kind=kind)
    return Message(QT_TRANSLATE_NOOP("Core", "Written by hand."))


def _subject(located: list[Located], heading: str | None) -> frozenset[str]:
    """The article's own subject: its most frequent name, its most frequent place (with the capital
    or country that stands for it), and the names in its heading."""
    counts: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for loc in located:
        if loc.item.kind in (Kind.PERSON, Kind.PLACE, Kind.ORGANISATION):
            for w in fold_answer(loc.item.text).split():
                counts[w] += 1
        if loc.item.kind is Kind.PLACE and loc.item.group in ("country", "city"):
            places[loc.item.text] += 1
    subject = {w for w, _ in counts.most_common(1)}
    for place, n in places.most_common(1):
        if n >= 3:
            pair = {place} | {c for c, town in CAPITALS.items() if place in (c, town)} | (
                {CAPITALS[place]} if place in CAPITALS else set())
            subject |= {fold_answer(p) for p in pair}
    if heading:
        subject |= {w for w in fold_answer(heading).split() if w in counts}
    return frozenset(subject)


def _gap(item: Item, surnames_alone: set[str], words: Words) -> str:
    alternatives = [item.text]
    if item.kind is Kind.PERSON and " " in item.text and item.text.split()[-1] in surnames_alone:
        alternatives.append(item.text.split()[-1])  # the article itself calls them by surname
    if item.kind is Kind.NUMBER and item.text.lower() in words.number_words:
        alternatives.append(str(words.number_words[item.text.lower()]))
    return "{{" + "|".join(dict.fromkeys(alternatives)) + "}}"


def _blank(sentence: str, item: Item, fill: str) -> str:
    return sentence[: item.start] + fill + sentence[item.end :]


class _Drafter:
    def __init__(self, deck_id: str, words: Words, stand_ins: StandIns, alone: set[str]) -> None:
        self.deck = deck_id
        self.words = words
        self.stand_ins = stand_ins
        self.alone = alone
        self.ids = IdAllocator()
        self.questions: list[AnyQuestion] = []
        self.truefalse = 0

    def _tags(self, s: Sentence, item: Item) -> tuple[str, ...]:
        return (DRAFT_TAG, section_tag(s.section), _KIND_TAG.get(item.kind, item.kind.value))

    def _says(self, s: Sentence) -> str:
        return self.words.says.format(sentence=s.text)

    def _add(self, q: AnyQuestion) -> bool:
        if rule_problem(q) is not None:
            return False
        self.questions.append(q)
        return True

    def cloze(self, s: Sentence, item: Item) -> bool:
        return self._add(cloze_question(
            deck=self.deck, id=self.ids.take(f"{item.text}-cloze"), text=_blank(s.text, item, _gap(item, self.alone, self.words)),
            explanation=self._says(s), quote=s.text, tags=self._tags(s, item),
        ))

    def choice(self, s: Sentence, item: Item) -> bool:
        if item.kind is Kind.PERSON and not item.group:
            return False  # without a stated role, another person may well fit the sentence too
        others = self.stand_ins.candidates(Located(item, s.text), 3)
        if len(others) < 2:
            return False
        if item.kind in (Kind.YEAR, Kind.NUMBER):
            choices = tuple(sorted([item.text, *others], key=_numeric))
        else:
            choices = tuple(sorted([item.text, *others], key=fold_answer))
        noun = self.words.nouns[item.kind.value]
        return self._add(ChoiceQuestion(
            deck=self.deck, id=self.ids.take(f"{item.text}-choice"),
            prompt=f"{self.words.which.format(noun=noun)}\n\n{_blank(s.text, item, BLANK)}",
            choices=choices, answer=item.text, explanation=self._says(s), quote=s.text, tags=self._tags(s, item),
        ))

    def true_false(self, s: Sentence, item: Item) -> bool:
        truth = self.truefalse % 3 == 2  # one in three is the article's own sentence, so "true" is no giveaway
        if truth:
            statement, explanation = s.text, self._says(s)
        elif item.kind is Kind.PERSON and not item.group:
            return False
        else:
            others = self.stand_ins.candidates(Located(item, s.text), 1, plausible=True)
            if not others:
                return False
            statement = _blank(s.text, item, others[0])
            explanation = f"{self._says(s)} ({self.words.not_but.format(wrong=others[0], right=item.text)})"
        verdict = "true" if truth else "false"
        if self._add(TrueFalseQuestion(
            deck=self.deck, id=self.ids.take(f"{item.text}-{verdict}"), prompt=statement, answer=truth,
            explanation=explanation, quote=s.text, tags=self._tags(s, item),
        )):
            self.truefalse += 1
            return True
        return False


def _numeric(text: str) -> tuple[float, str]:
    digits = re.sub(r"[^\d]", "", text)
    return (float(digits) if digits else 0.0, text)


_NAMES = (Kind.PERSON, Kind.PLACE, Kind.ORGANISATION)
# "A (x), B, C and D": three or more capitalised entries separated by commas
_LIST_SENTENCE_RE = re.compile(r"(?:[,;]\s+(?:and\s+|und\s+)?[A-ZÀ-ÞĀ-Ž][^,;]*){2,}")


def _in_parentheses(sentence: str, item: Item) -> bool:
    before = sentence[: item.start]
    return before.count("(") > before.count(")")


def _askable(item: Item, s: Sentence, stand_ins: StandIns) -> bool:
    """Worth a question: not listed, not the subject, not an aside in parentheses, not given away."""
    if item.listed or stand_ins.about_subject(item.text) or "{" in s.text or "}" in s.text:
        return False
    if item.text.isupper():
        return False  # "the new {{US}} administration": an acronym is a guess, not a fact
    if _in_parentheses(s.text, item) or (item.kind in _NAMES and _LIST_SENTENCE_RE.search(s.text)):
        return False
    return not gives_away(item.text, _blank(s.text, item, BLANK))


def draft_questions(article_text: str, deck_id: str, lang: Lang | None = None,
                    cancel: threading.Event | None = None) -> list[AnyQuestion]:
    """Draft questions from ``article_text`` (the same text and language always give the same questions).

    When ``cancel`` is set (from another thread) drafting stops soon with ``DraftCancelled``.
    """

    def check() -> None:
        if cancel is not None and cancel.is_set():
            raise DraftCancelled

    lang = lang or detect_language(article_text)
    words = words_for(lang)
    split = sentence_splitter(lang)

    def split_checked(paragraph: str) -> list[str]:
        check()
        return split(paragraph)

    article = read_article(article_text, split_checked if cancel is not None else split)
    check()
    recogniser = Recogniser((s.text for s in article.sentences), words)
    sentences: list[tuple[Sentence, list[Item]]] = []
    for s in article.sentences:
        check()
        items = recogniser.items(s.text)
        figure = any(i.kind in (Kind.DATE, Kind.YEAR, Kind.NUMBER) for i in items)
        if s.text.startswith(words.contrasts):
            continue  # "In contrast, the response in 2025 was less vocal": a question needs the sentence before
        if len(s.text.split()) >= (_MIN_WORDS_WITH_FIGURE if figure else _MIN_WORDS) and not _MARKUP_RE.search(s.text):
            sentences.append((s, items))
    located = [Located(i, s.text) for s, items in sentences for i in items]
    heading = article.sections[0] if article.sections and article.sections[0] != INTRO else None
    stand_ins = StandIns(located, [s.text for s, _ in sentences], words, _subject(located, heading))
    drafter = _Drafter(deck_id, words, stand_ins, recogniser.alone)
    asked: list[str] = []
    kinds: Counter[Kind] = Counter()  # the kind asked least so far goes first: a mix of names, places and figures
    for s, items in sentences:
        check()
        usable = sorted((i for i in items if _askable(i, s, stand_ins) and not any(related(i.text, a) for a in asked)),
                        key=lambda i: (kinds[i.kind], _PRIORITY.index(i.kind), i.start))
        # Sentences take turns at cloze, choice and true/false; a cloze is the fallback that always fits.
        makers = ((drafter.cloze,), (drafter.choice, drafter.true_false, drafter.cloze),
                  (drafter.true_false, drafter.choice, drafter.cloze))[s.index % 3]
        for item in usable:
            if any(make(s, item) for make in makers):
                asked.append(item.text)
                kinds[item.kind] += 1
                break
    return drafter.questions
