"""Drafting questions from an article: enough, spread, valid, deterministic, never giving the answer away."""

from __future__ import annotations

import io
from argparse import Namespace
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interophelpers import ARTICLE, load_clean

from studyapp.bank.model import ChoiceQuestion, ClozeQuestion, QuestionType, TrueFalseQuestion
from studyapp.interop.article import INTRO, read_article, split_sentences
from studyapp.interop.commands import run_interop
from studyapp.interop.draft import draft_questions, section_tag
from studyapp.interop.draftfile import plan_source, write_draft
from studyapp.interop.entities import Kind, Recogniser
from studyapp.textnorm import fold_answer, fold_quote
from studyapp.safe_write import WritePolicy

SECTIONS = (
    "Belarus pushes for dialogue amid Western criticism",
    "Western interest diminishes amid Kremlin alignment",
    "Łukašenka holds key to future relations",
)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft") / "belarus-draft.yaml"
    write_draft(ARTICLE, out, "belarus-draft", "Belarus (draft)")
    return out


def _words(text: str) -> str:
    return f" {fold_answer(text)} "


def test_article_sections_and_sentences() -> None:
    article = read_article(ARTICLE.read_text(encoding="utf-8"))
    assert article.sections == (INTRO, *SECTIONS)
    assert len(article.sentences) == 34
    assert article.sentences[1].text.startswith("On January 17, Prime Minister Raman Hałoŭčanka")
    assert not any("pozirk.online" in s.text for s in article.sentences)


def test_sentence_split_keeps_abbreviations_and_initials() -> None:
    assert split_sentences("Dr. Who met Ulysses S. Grant. Then U.S. officials left! Done?") == [
        "Dr. Who met Ulysses S. Grant.", "Then U.S. officials left!", "Done?"]


def test_recognises_names_places_dates_numbers_organisations() -> None:
    article = read_article(ARTICLE.read_text(encoding="utf-8"))
    rec = Recogniser(s.text for s in article.sentences)
    found: dict[Kind, set[str]] = {k: set() for k in Kind}
    for s in article.sentences:
        for item in rec.items(s.text):
            assert s.text[item.start:item.end] == item.text
            found[item.kind].add(item.text)
    assert {"Raman Hałoŭčanka", "Maksim Ryžankoŭ", "Alaksandar Łukašenka", "Maryja Kaleśnikava", "Łukašenka",
            "Joe Biden", "Robert Fico"} <= found[Kind.PERSON]
    assert {"Minsk", "Washington", "London", "Brussels", "Russia", "Ukraine", "China"} <= found[Kind.PLACE]
    assert {"European Parliament", "European Commission", "EU", "UK"} <= found[Kind.ORGANISATION]
    assert {"January 17", "January 26"} == found[Kind.DATE]
    assert {"2020", "2025"} == found[Kind.YEAR]
    assert {"three", "six"} == found[Kind.NUMBER]  # "dozens" is no amount to ask for
    everything = set().union(*found.values())
    # Adjectives, titles and sentence openers are not facts.
    assert not everything & {"Belarusian", "Western", "Hungarian", "Prime Minister", "President", "However", "Sanctions", "He"}


def test_draft_file_passes_the_loader_with_enough_questions(drafted: Path) -> None:
    deck = load_clean(drafted)
    assert len(deck.questions) >= 12  # one question per sentence at most: fewer, and none answers another
    types = Counter(q.type for q in deck.questions)
    assert types[QuestionType.CLOZE] >= 3 and types[QuestionType.CHOICE] >= 3 and types[QuestionType.TRUEFALSE] >= 1
    assert deck.source is not None and deck.source.name == ARTICLE.name


def test_every_section_is_covered(drafted: Path) -> None:
    deck = load_clean(drafted)
    per_section = Counter(q.tags[1] for q in deck.questions)
    for section in (INTRO, *SECTIONS):
        assert per_section[section_tag(section)] >= 1, section


def test_every_question_has_quote_source_and_draft_tag(drafted: Path) -> None:
    deck = load_clean(drafted)
    article = fold_quote(ARTICLE.read_text(encoding="utf-8"))
    for q in deck.questions:
        assert q.quote and fold_quote(q.quote) in article
        assert "draft" in q.tags


def test_no_duplicates(drafted: Path) -> None:
    deck = load_clean(drafted)
    asked = [(q.type, fold_answer(q.text if isinstance(q, ClozeQuestion) else q.prompt or "")) for q in deck.questions]
    assert len(asked) == len(set(asked))
    assert len({q.id for q in deck.questions}) == len(deck.questions)


def test_no_answer_given_away_by_its_prompt(drafted: Path) -> None:
    deck = load_clean(drafted)
    for q in deck.questions:
        if isinstance(q, ClozeQuestion):
            shown = "".join(p for p in q.parts if isinstance(p, str))
            for gap in q.gaps:
                assert all(_words(alt) not in _words(shown) for alt in gap.alternatives), q.id
        elif isinstance(q, ChoiceQuestion):
            assert _words(q.answer) not in _words(q.prompt or ""), q.id
            assert all(_words(w) not in _words(q.prompt or "") for w in q.answer.split() if len(w) >= 4), q.id


def test_choices_are_of_the_answers_kind_and_truefalse_swaps_quote_the_original(drafted: Path) -> None:
    deck = load_clean(drafted)
    countries = {"Russia", "Ukraine", "China", "Canada", "Hungary", "Belarus"}
    cities = {"Minsk", "Moscow", "Washington", "London", "Brussels"}
    for q in deck.questions:
        if isinstance(q, ChoiceQuestion) and q.tags[2] == "places":
            assert set(q.choices) <= countries or set(q.choices) <= cities, q.choices  # never a capital beside a country
            assert "Belarus" not in q.choices and "Minsk" not in q.choices  # the article's own subject
    false_ones = [q for q in deck.questions if isinstance(q, TrueFalseQuestion) and not q.answer]
    assert false_ones
    for q in false_ones:
        assert q.prompt != q.quote and q.quote and q.quote in (q.explanation or "")


def test_deterministic() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert draft_questions(text, "a") == draft_questions(text, "a")


def test_source_is_relative_when_close_and_copied_when_far(tmp_path: Path) -> None:
    article = tmp_path / "articles" / "a.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    near = plan_source(article, tmp_path / "questions" / "d.yaml")
    assert (near.relative, near.copy_to) == ("../articles/a.txt", None)
    far_out = tmp_path / "x" / "y" / "d.yaml"
    far = plan_source(article, far_out)
    assert far.relative == "a.txt" and far.copy_to == far_out.parent / "a.txt"
    count, copied = write_draft(article, far_out, "d", "D")
    assert copied == far_out.parent / "a.txt" and copied.read_bytes() == article.read_bytes()
    assert len(load_clean(far_out).questions) == count


def test_cli_draft_defaults_next_to_the_article_and_refuses_foreign_files(tmp_path: Path) -> None:
    article = tmp_path / "news.md"
    article.write_text("# Talks\n\nOn March 3, Anna Kowalska met Jan Nowak in Warsaw. In 2019, the European Union "
                       "fined three companies in Berlin. Later, Piotr Zieliński visited Kraków in 2021.\n", encoding="utf-8")
    out = io.StringIO()
    args = Namespace(command="draft", article=str(article), deck="news", title="News", output=None)
    assert run_interop(args, {}, out) == 0, out.getvalue()
    deck = load_clean(tmp_path / "news.yaml")
    assert deck.questions and all(q.quote for q in deck.questions)
    assert run_interop(args, {}, io.StringIO()) == 0  # a previous draft may be replaced
    (tmp_path / "mine.yaml").write_text("deck: mine\n", encoding="utf-8")
    out = io.StringIO()
    args.output = str(tmp_path / "mine.yaml")
    assert run_interop(args, {}, out) == 1 and "was not written by studyapp" in out.getvalue()
    args.deck = "Bad Id"
    assert run_interop(args, {}, io.StringIO()) == 2


def test_cli_draft_reports_non_utf8(tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("Łódź".encode("utf-16"))
    out = io.StringIO()
    args = Namespace(command="draft", article=str(article), deck="x", title="X", output=None)
    assert run_interop(args, {}, out) == 1
    assert "not UTF-8" in out.getvalue() and not (tmp_path / "x.yaml").exists()


def test_markdown_article_headings_lists_and_markup() -> None:
    text = (
        "# Trade talks\n\n"
        "Anna Kowalska met Jan Nowak in Warsaw on March 3 to discuss tariffs.\n"
        "- In 2019, the European Union fined three companies based in Berlin.\n"
        "See [the report](https://example.invalid) by Piotr Zieliński from Kraków for details.\n\n"
        "## Next steps\n\n"
        "Later, Piotr Zieliński visited Kraków and Gdańsk in 2021 with Anna Kowalska.\n"
    )
    article = read_article(text)
    assert article.sections == ("Trade talks", "Next steps")
    assert article.sentences[1].text.startswith("In 2019, the European Union")
    questions = draft_questions(text, "talks")
    assert questions
    assert not any("](" in (q.quote or "") for q in questions)
    assert {q.tags[1] for q in questions} <= {"trade-talks", "next-steps"}
    kinds = {q.tags[2] for q in questions}
    assert {"dates", "places"} <= kinds


WORDS = st.sampled_from(
    ["Anna", "Kowalska", "met", "in", "Warsaw", "on", "March", "3", "2019", "three", "companies", "the", "EU", "Łódź",
     "Ryžankoŭ", "said", "that", "However,", "and", "of", "European", "Parliament", "fined", "- ", "> ", "# ", "1. ",
     "**x**", "[a](b)", "{{", "}}", "|", ".", "!", "?", "\n", "\n\n", "“quoted”", "—", "’s", "  ", "\t", "U.S.", "Dr."]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=120).map(" ".join))
def test_any_article_gives_a_file_the_loader_accepts(tmp_path: Path, text: str) -> None:
    folder = tmp_path / f"a{abs(hash(text))}"
    folder.mkdir(exist_ok=True)
    article = folder / "article.md"
    article.write_text(text, encoding="utf-8")
    questions = draft_questions(text, "fuzz")
    if questions:
        write_draft(article, folder / "fuzz.yaml", "fuzz", "Fuzz", questions, WritePolicy(replace_existing=True))
        load_clean(folder / "fuzz.yaml")
