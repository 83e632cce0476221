"""Each kind of defect a teacher found in drafted questions, on a sentence that showed it."""

from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

from interophelpers import ARTICLE, load_clean

from studyapp.bank.model import AnyQuestion, ChoiceQuestion, ClozeQuestion, TrueFalseQuestion
from studyapp.interop.article import read_article
from studyapp.interop.commands import run_interop
from studyapp.interop.draft import draft_questions, why_proposed
from studyapp.interop.draft_lang import CITIES, COUNTRIES, ENGLISH, GERMAN, Lang, detect_language, sentence_splitter
from studyapp.interop.draft_swap import Located, StandIns
from studyapp.interop.draftfile import write_draft
from studyapp.interop.entities import Kind, Recogniser
from studyapp.textnorm import fold_answer

REPO = Path(__file__).resolve().parents[3]
APOLLO = REPO / "tests/data/articles/en-apollo-computer.txt"
GERMANY = REPO / "tests/data/articles/de-deutschland.txt"


def _kinds(sentences: list[str], words: object = ENGLISH) -> dict[str, Kind]:
    rec = Recogniser(sentences, words)  # type: ignore[arg-type]
    return {i.text: i.kind for s in sentences for i in rec.items(s)}


def _draft(path: Path) -> list[AnyQuestion]:
    return draft_questions(path.read_text(encoding="utf-8"), "d")


def _swaps(questions: list[AnyQuestion]) -> list[tuple[str, str]]:
    """(swapped in, original) of each false statement, read back from its explanation."""
    out = []
    for q in questions:
        if isinstance(q, TrueFalseQuestion) and not q.answer:
            assert q.explanation is not None
            wrong, right = q.explanation.rsplit("(", 1)[1].rstrip(")").split(", not ")
            out.append((wrong, right))
    return out


def test_false_statements_swap_a_city_for_a_city_and_never_the_subject() -> None:
    """'the only positive news for Minsk' became '... for Belarus' (true); 'Russia's war in Brussels' (nonsense)."""
    for wrong, right in _swaps(_draft(ARTICLE)):
        for group in (COUNTRIES, CITIES):
            assert (wrong in group) == (right in group), (wrong, right)
        assert not {"belarus", "minsk", "lukasenka"} & set(fold_answer(wrong).split())


def test_a_swap_the_article_states_elsewhere_is_not_false() -> None:
    sentences = ["The US imposed sanctions on three companies last year.", "Canada imposed sanctions on three companies too.",
                 "Canada and Hungary argued about trade in Ottawa."]
    rec = Recogniser(sentences)
    located = [Located(i, s) for s in sentences for i in rec.items(s)]
    stand_ins = StandIns(located, sentences, ENGLISH, frozenset())
    us = next(loc for loc in located if loc.item.text == "US" or loc.item.text == "Canada")
    assert stand_ins.true_elsewhere("Canada", sentences[0], us.item)
    assert not stand_ins.true_elsewhere("Hungary", sentences[0], us.item)


def test_a_person_is_swapped_only_for_one_with_the_same_role() -> None:
    """'Hungarian Prime Minister Raman Hałoŭčanka', 'Foreign Minister Raman Hałoŭčanka' were drafted."""
    for q in _draft(ARTICLE):
        if isinstance(q, TrueFalseQuestion) and not q.answer:
            assert "Minister Raman Hałoŭčanka" not in (q.prompt or "") or "Prime Minister Raman" in (q.quote or "")


def test_years_are_swapped_for_nearby_years() -> None:
    for wrong, right in _swaps(_draft(APOLLO)):
        if right.isdigit() and len(right) == 4:
            assert wrong.isdigit() and 0 < abs(int(wrong) - int(right)) <= 3


def test_adjectives_and_demonyms_are_not_places() -> None:
    kinds = _kinds(["Swiss banks and German officials met in Geneva with Belarusian diplomats.",
                    "Later the talks moved to Geneva again."])
    assert "Swiss" not in kinds and "German" not in kinds and "Belarusian" not in kinds
    assert kinds["Geneva"] is Kind.PLACE


def test_organisations_and_products_are_not_people() -> None:
    text = APOLLO.read_text(encoding="utf-8")
    sentences = [s.text for s in read_article(text, sentence_splitter(Lang.EN)).sentences]
    kinds = _kinds(sentences)
    for name in ("Hewlett Packard", "Mentor Graphics", "Sun Microsystems", "DevOps Code ClearCase", "Personal Computers",
                 "General Motors", "Digital Equipment Corporation"):
        assert kinds.get(name) is not Kind.PERSON, name
    assert kinds["William Poduska"] is Kind.PERSON and kinds["Thomas Vanderslice"] is Kind.PERSON


def test_choices_never_hold_a_capital_beside_a_country() -> None:
    for path in (ARTICLE, GERMANY):
        for q in _draft(path):
            if isinstance(q, ChoiceQuestion) and q.tags[2] == "places":
                assert set(q.choices) <= COUNTRIES or set(q.choices) <= CITIES, q.choices


def test_clozes_never_hide_the_subject_a_filler_word_or_accept_part_of_a_name() -> None:
    """Eight {{Łukašenka}} gaps were drafted; 'Tunnel' was accepted for a three-word name."""
    article = ("The Gotthard Base Tunnel opened in 2016 after seventeen years of work under the Alps.\n"
               "The tunnel runs for 57 kilometres between Erstfeld and Bodio in Switzerland.\n")
    for q in [*_draft(ARTICLE), *draft_questions(article, "t")]:
        if isinstance(q, ClozeQuestion):
            for gap in q.gaps:
                for alt in gap.alternatives:
                    assert fold_answer(alt) not in ENGLISH.stop and "lukasenka" not in fold_answer(alt)
                    assert fold_answer(alt) != "tunnel"


def test_amounts_are_swapped_only_for_amounts_of_the_same_unit() -> None:
    article = ("The new train reaches 250 km/h on the line between the two cities.\n"
               "The line is 57 km long and cost the state $4 billion in total.\n"
               "Its older trains reached 160 km/h on the same line years before.\n"
               "Each train carries 400 passengers on every journey it makes.\n")
    questions = draft_questions(article, "t")
    for q in questions:
        if isinstance(q, ChoiceQuestion) and q.tags[2] == "numbers":
            units = {c.split()[-1] if " " in c else "" for c in q.choices}
            assert len(units) == 1 or all("/" not in c for c in q.choices), q.choices
    rec = Recogniser(article.splitlines())
    groups = {i.text: i.group for line in article.splitlines() for i in rec.items(line)}
    assert groups["250"] == groups["160"] == "km/h" and groups["57"] == "km" and groups["$4 billion"] == "dollars"


def test_counts_costs_casualties_and_dates_in_short_sentences_are_asked() -> None:
    article = "The bridge cost $4 billion.\n\nFloods killed 300 people.\n\nTalks began on May 5.\n"
    questions = draft_questions(article, "t")
    asked = " ".join(fold_answer(q.text if isinstance(q, ClozeQuestion) else str(q.answer_text)) for q in questions)
    assert len(questions) == 3 and "4 billion" in asked and "300" in asked and "may 5" in asked


def test_every_drafted_question_explains_itself_from_the_article() -> None:
    for path in (ARTICLE, APOLLO, GERMANY):
        for q in _draft(path):
            assert q.explanation and q.quote and q.quote in q.explanation, q.id
            assert why_proposed(q)


def test_german_sentences_keep_their_dates_and_nouns_are_not_places() -> None:
    text = GERMANY.read_text(encoding="utf-8")
    assert detect_language(text) is Lang.DE and detect_language(ARTICLE.read_text(encoding="utf-8")) is Lang.EN
    sentences = [s.text for s in read_article(text, sentence_splitter(Lang.DE)).sentences]
    assert any("am 23. Mai 1949 folgte" in s for s in sentences)
    assert not any(s.endswith(("23.", "7.", "10.")) for s in sentences)
    kinds = _kinds(sentences, GERMAN)
    assert "Ländern" not in kinds and "Länder" not in kinds and "Staaten" not in kinds
    assert kinds["Berlin"] is Kind.PLACE and kinds["23. Mai 1949"] is Kind.DATE
    assert all("Länder" not in (q.answer_text or "") for q in _draft(GERMANY))


def test_cli_lang_option_and_same_article_gives_the_same_file(tmp_path: Path) -> None:
    article = tmp_path / "de.txt"
    article.write_text(GERMANY.read_text(encoding="utf-8"), encoding="utf-8")
    args = Namespace(command="draft", article=str(article), deck="de", title="DE", output=None, lang="de")
    out = io.StringIO()
    assert run_interop(args, {}, out) == 0, out.getvalue()
    first = (tmp_path / "de.yaml").read_bytes()
    assert b"Welches Wort" in first or b"Im Artikel steht" in first
    assert run_interop(args, {}, io.StringIO()) == 0
    assert (tmp_path / "de.yaml").read_bytes() == first
    write_draft(article, tmp_path / "again.yaml", "de", "DE", lang=Lang.DE)
    load_clean(tmp_path / "again.yaml")
    assert (tmp_path / "again.yaml").read_text(encoding="utf-8").split("questions:")[1] == first.decode().split("questions:")[1]


def test_a_sentence_that_leans_on_the_one_before_is_not_asked() -> None:
    """'In contrast, the response in _____ was less vocal.' cannot be answered on its own."""
    questions = _draft(ARTICLE)
    assert not any((q.quote or "").startswith("In contrast") for q in questions)
    assert any((q.quote or "").startswith("In 2020") for q in questions)
