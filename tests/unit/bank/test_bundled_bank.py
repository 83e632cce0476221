"""The bundled question bank: it loads cleanly and covers the article it is drawn from.

The deck ``belarus-west-2025`` (``questions/``) derives from the Pozirk article in ``seeds/``.
These tests load it with the real loader and check what the issue asks of it: zero problems,
every quote found in the article, enough questions of every type, an explanation, a quote and
tags on every question, every paragraph of the article quoted at least once, and the common
spellings of the Belarusian names accepted by the real grader.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest

from studyapp.bank.loader import load_bank
from studyapp.bank.model import (
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
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
        ("lukasenka-name", "Aliaksandr"),
        ("lukasenka-name", "Alexander"),
        ("lukasenka-name", "Alaksandar"),
        ("american-released", "Nuhfer"),
        ("news-conference-date", "26 January"),
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
        ("puppet-cloze", ("lost", "Kremlin's", "independence")),
    ],
)
def test_cloze_answers_accept_common_spellings(
    deck: Deck, question_id: str, typed: tuple[str, ...]
) -> None:
    assert grade(by_id(deck, question_id), typed).outcome is Outcome.RIGHT


def test_a_wrong_name_is_not_accepted(deck: Deck) -> None:
    # Guards the spellings above from passing because anything passes.
    assert grade(by_id(deck, "chief-election-official"), "Babaryka").outcome is Outcome.WRONG



# The deck's make-up after the teacher's reading (issue: ambiguous, trivial and leaking
# questions rewritten or removed). A change here is a change to the deck: say it in the README.
TYPE_COUNTS = {
    QuestionType.CHOICE: 14, QuestionType.MULTI: 11, QuestionType.TRUEFALSE: 25, QuestionType.TEXT: 12,
    QuestionType.CLOZE: 13, QuestionType.ORDER: 5, QuestionType.MATCH: 5, QuestionType.CARD: 12,
}


def test_type_counts(deck: Deck) -> None:
    assert Counter(q.type for q in deck.questions) == TYPE_COUNTS


# ── One question must not answer another ─────────────────────────────────────────────
# A quiz draws from the whole deck, so what a question shows (its prompt, match pairs, order items,
# the text around cloze gaps, and its explanation once answered) must not state another question's
# answer.
# The answer of a choice, text (first accepted answer) or multi question (all its answers, in one
# text) is looked for as a whole phrase; a one-word answer is looked for with its neighbour word
# in the question's quote ("three" -> "three companies"), since the word alone is no leak.
LEAK_ALLOWED = {
    # Asking for Hałoŭčanka's post has to name him (prompt and explanation); neither says what he
    # said on January 17.
    ("pm-january-17", "halouchanka-post"): "names the person, not his statement",
}


def _norm(text: str) -> str:
    return fold_quote(text).casefold().replace("\u2019", "'")


def _answer_phrases(q: AnyQuestion) -> list[str]:
    """The phrases that give ``q``'s answer away; all of them must appear in one text to leak."""
    if isinstance(q, ChoiceQuestion):
        answers = [q.answer]
    elif isinstance(q, TextQuestion):
        answers = [q.answers[0]]
    elif isinstance(q, MultiQuestion):
        answers = list(q.answers)
    else:
        return []
    phrases = []
    for answer in answers:
        if len(answer.split()) == 1 and q.quote:
            word = re.escape(_norm(answer))
            after = re.search(rf"(?<!\w){word}(?!\w)\s+(\w+)", _norm(q.quote))
            before = re.search(rf"(\w+)\s+(?<!\w){word}(?!\w)", _norm(q.quote))
            if after:
                answer = f"{answer} {after.group(1)}"
            elif before:
                answer = f"{before.group(1)} {answer}"
        phrases.append(_norm(answer))
    return phrases


def _shown(q: AnyQuestion) -> str:
    texts = [q.prompt or "", q.explanation or ""]
    if isinstance(q, MatchQuestion):
        texts += [f"{left} {right}" for left, right in q.pairs]
    elif isinstance(q, OrderQuestion):
        texts += list(q.items)
    elif isinstance(q, ClozeQuestion):
        texts.append("".join(p if isinstance(p, str) else "…" for p in q.parts))
    return " | ".join(_norm(t) for t in texts)


def leaks(questions: tuple[AnyQuestion, ...]) -> list[tuple[str, str]]:
    """(question, question that gives its answer away) for every leak found."""
    found = []
    shown = {q.id: _shown(q) for q in questions}
    for asked in questions:
        phrases = _answer_phrases(asked)
        if not phrases:
            continue
        patterns = [re.compile(rf"(?<!\w){re.escape(p)}(?!\w)") for p in phrases]
        for other in questions:
            if other.id != asked.id and all(p.search(shown[other.id]) for p in patterns):
                found.append((asked.id, other.id))
    return found


def test_no_question_gives_another_ones_answer_away(deck: Deck) -> None:
    assert [pair for pair in leaks(deck.questions) if pair not in LEAK_ALLOWED] == []


def test_the_leak_rule_finds_a_true_statement_naming_the_answers(deck: Deck) -> None:
    # The leak the teacher found: "sham-true" once stated both answers of "sham-bodies".
    sham_bodies = by_id(deck, "sham-bodies")
    stating = TrueFalseQuestion(deck=DECK_ID, id="x", answer=True,
                                prompt="The European Parliament and the European Commission dismissed the election as a sham.")
    counting = TrueFalseQuestion(deck=DECK_ID, id="y", answer=False,
                                 prompt="Canada and Hungary imposed additional sanctions on three companies.")
    three = TextQuestion(deck=DECK_ID, id="z", prompt="How many companies?", answers=("three",),
                         quote="additional sanctions on three companies and six individuals")
    assert leaks((sham_bodies, stating, counting, three)) == [("sham-bodies", "x"), ("z", "y")]
    assert set(LEAK_ALLOWED) <= {(a, b) for a in (q.id for q in deck.questions) for b in (q.id for q in deck.questions)}
