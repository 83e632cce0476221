"""The bundled question bank: it loads cleanly and covers the article it is drawn from.

The deck ``belarus-west-2025`` (``questions/``) derives from the Pozirk article in ``seeds/``.
These tests load it with the real loader and check what the issue asks of it: zero problems,
every quote found in the article, enough questions of every type, an explanation, a quote and
tags on every question, every paragraph of the article quoted at least once, and the common
spellings of the Belarusian names accepted by the real grader.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from studyapp.bank.loader import load_bank
from studyapp.bank.model import (
    AnyQuestion,
    Bank,
    ClozeQuestion,
    Deck,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.grading import Outcome, grade
from studyapp.paths import bundled_questions_dir, bundled_root
from studyapp.textnorm import fold_quote

DECK_ID = "belarus-west-2025"
ARTICLE_NAME = "000_f104dea7fb288af0.txt"
# The shared seed, copied unchanged (seeds/README.md names the same digest).
ARTICLE_SHA256 = "8f39df7d207fa5acc10a9b9d1336b9ba16c1d571a5b1b8f33468683bf7312a75"

SECTION_TITLES = (
    "Belarus pushes for dialogue amid Western criticism",
    "Western interest diminishes amid Kremlin alignment",
    "Łukašenka holds key to future relations",
)
# The part of the article a question is about: the opening paragraph, then the three sections.
SECTION_TAGS = ("intro", "dialogue", "kremlin-alignment", "future-relations")

MIN_PER_TYPE = {t: 5 for t in QuestionType} | {QuestionType.CHOICE: 10, QuestionType.TRUEFALSE: 10}
MIN_TYPED = 10  # text + cloze together
MIN_QUESTIONS = 90


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank([bundled_questions_dir()])


@pytest.fixture(scope="module")
def deck(bank: Bank) -> Deck:
    found = bank.deck(DECK_ID)
    assert found is not None, f"deck {DECK_ID!r} not loaded; problems: {[str(p) for p in bank.problems]}"
    return found


@pytest.fixture(scope="module")
def article() -> str:
    return (bundled_root() / "seeds" / ARTICLE_NAME).read_text(encoding="utf-8")


def body_paragraphs(article: str) -> list[str]:
    """The article's paragraphs: one per non-empty line, without image lines and section titles."""
    return [
        line.strip()
        for line in article.splitlines()
        if line.strip() and not line.lstrip().startswith("![](") and line.strip() not in SECTION_TITLES
    ]


def by_id(deck: Deck, question_id: str) -> AnyQuestion:
    question = deck.question(question_id)
    assert question is not None, f"no question {question_id!r}"
    return question


def test_bundled_bank_loads_without_problems(bank: Bank, deck: Deck) -> None:
    assert [str(p) for p in bank.problems] == []
    assert deck.title == "Belarus and the West after the 2025 election"
    assert deck.path.parent == bundled_questions_dir()


def test_deck_source_is_the_unchanged_article(deck: Deck) -> None:
    assert deck.source is not None
    assert deck.source.resolve() == (bundled_root() / "seeds" / ARTICLE_NAME).resolve()
    assert hashlib.sha256(deck.source.read_bytes()).hexdigest() == ARTICLE_SHA256


def test_at_least_90_questions(deck: Deck) -> None:
    assert len(deck.questions) >= MIN_QUESTIONS


def test_question_ids_are_unique(bank: Bank) -> None:
    keys = Counter(q.key for d in bank.decks for q in d.questions)
    assert [key for key, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("qtype", list(QuestionType))
def test_each_type_meets_its_count(deck: Deck, qtype: QuestionType) -> None:
    count = sum(1 for q in deck.questions if q.type is qtype)
    assert count >= MIN_PER_TYPE[qtype], f"{count} {qtype} questions"


def test_enough_typed_answers(deck: Deck) -> None:
    typed = [q for q in deck.questions if isinstance(q, (TextQuestion, ClozeQuestion))]
    assert len(typed) >= MIN_TYPED


def test_every_question_has_explanation_quote_and_tags(deck: Deck) -> None:
    missing = [
        (q.id, field)
        for q in deck.questions
        for field in ("explanation", "quote", "tags")
        if not getattr(q, field)
    ]
    assert missing == []


def test_every_question_is_tagged_with_its_part_and_kind_of_fact(deck: Deck) -> None:
    untagged = [
        q.id
        for q in deck.questions
        if not set(q.tags) & set(SECTION_TAGS) or not set(q.tags) - set(SECTION_TAGS)
    ]
    assert untagged == []
    assert set(SECTION_TAGS) <= set(deck.tags)


def test_every_quote_is_in_the_article(deck: Deck, article: str) -> None:
    folded = fold_quote(article)
    outside = [q.id for q in deck.questions if q.quote and fold_quote(q.quote) not in folded]
    assert outside == []


def test_every_paragraph_is_quoted(deck: Deck, article: str) -> None:
    paragraphs = body_paragraphs(article)
    assert len(paragraphs) == 18  # the split itself: 18 paragraphs around 3 titles and 2 images
    quotes = [fold_quote(q.quote) for q in deck.questions if q.quote]
    unquoted = [p[:60] for p in paragraphs if not any(quote in fold_quote(p) for quote in quotes)]
    assert unquoted == []


def test_every_section_has_questions(deck: Deck) -> None:
    per_tag = Counter(tag for q in deck.questions for tag in q.tags)
    assert {tag: per_tag[tag] for tag in SECTION_TAGS if per_tag[tag] < 5} == {}


def test_truefalse_answers_are_balanced(deck: Deck) -> None:
    answers = [q.answer for q in deck.questions if isinstance(q, TrueFalseQuestion)]
    false_share = answers.count(False) / len(answers)
    assert 0.35 <= false_share <= 0.65, f"{answers.count(False)} of {len(answers)} false"


def test_every_typed_question_accepts_its_own_answer(deck: Deck) -> None:
    wrong = []
    for q in deck.questions:
        if isinstance(q, TextQuestion):
            responses: list[object] = list(q.answers)
        elif isinstance(q, ClozeQuestion):
            responses = [tuple(gap.answer for gap in q.gaps)]
        else:
            continue
        wrong += [(q.id, r) for r in responses if grade(q, r).outcome is not Outcome.RIGHT]
    assert wrong == []


@pytest.mark.parametrize(
    ("question_id", "typed"),
    [
        ("foreign-minister-name", "Ryzhenkov"),
        ("foreign-minister-name", "Maksim Ryzankou"),
        ("babaryka-name", "Babariko"),
        ("chief-election-official", "Karpenko"),
        ("chief-election-official", "ihar karpienka"),
        ("lukasenka-name", "Lukashenko"),
        ("lukasenka-name", "Lukashenka"),
        ("lukasenka-name", "Lukasenka"),
        ("american-released", "Nuhfer"),
        ("news-conference-date", "26 January"),
        ("sanctioned-companies", "3"),
    ],
)
def test_text_answers_accept_common_spellings(deck: Deck, question_id: str, typed: str) -> None:
    assert grade(by_id(deck, question_id), typed).outcome is Outcome.RIGHT


@pytest.mark.parametrize(
    ("question_id", "typed"),
    [
        ("pm-statement-cloze", ("17 January", "Golovchenko")),
        ("pm-statement-cloze", ("January 17", "Haloucanka")),
        ("opposition-videos-cloze", ("Babariko", "Kolesnikova")),
        ("opposition-videos-cloze", ("Babaryka", "Kalesnikava")),
        ("refrained-cloze", ("Orbán", "Fico")),
        ("conclusion-cloze", ("Lukashenko", "court")),
    ],
)
def test_cloze_answers_accept_common_spellings(
    deck: Deck, question_id: str, typed: tuple[str, ...]
) -> None:
    assert grade(by_id(deck, question_id), typed).outcome is Outcome.RIGHT


def test_a_wrong_name_is_not_accepted(deck: Deck) -> None:
    # Guards the spellings above from passing because anything passes.
    assert grade(by_id(deck, "chief-election-official"), "Babaryka").outcome is Outcome.WRONG

