"""Questions held in memory (a draft under review) are judged by the rules of ``studyapp check``."""

from __future__ import annotations

from pathlib import Path

from studyapp.articles.folding import FoldedText
from studyapp.authoring.draft import draft_of
from studyapp.authoring.held import HeldDeck
from studyapp.bank.model import ChoiceQuestion, MatchQuestion
from studyapp.interop.draft import draft_questions

ARTICLE = Path(__file__).resolve().parents[3] / "seeds" / "000_f104dea7fb288af0.txt"


def _held(tmp_path: Path) -> HeldDeck:
    text = ARTICLE.read_text(encoding="utf-8")
    return HeldDeck(tmp_path / "draft.yaml", draft_questions(text, "d"), FoldedText(text), ARTICLE.name)


def _choice(held: HeldDeck) -> int:
    return next(i for i, q in enumerate(held.questions) if isinstance(q, ChoiceQuestion))


def test_an_unchanged_question_passes_and_comes_back_equal(tmp_path: Path) -> None:
    held = _held(tmp_path)
    i = _choice(held)
    result = held.check(i, draft_of(held.questions[i]))
    assert result.ok and result.question == held.questions[i]


def test_new_distractors_load_back(tmp_path: Path) -> None:
    held = _held(tmp_path)
    i = _choice(held)
    d = draft_of(held.questions[i])
    q = held.questions[i]
    assert isinstance(q, ChoiceQuestion)
    d["choices"] = [q.answer, "Lithuania", "Poland", "Latvia"]
    result = held.check(i, d)
    assert result.ok and isinstance(result.question, ChoiceQuestion)
    assert result.question.choices == (q.answer, "Lithuania", "Poland", "Latvia") and result.question.deck == q.deck


def test_problems_carry_their_field_and_the_loaders_message(tmp_path: Path) -> None:
    held = _held(tmp_path)
    i = _choice(held)
    d = draft_of(held.questions[i])
    d["answer"] = "Atlantis"
    result = held.check(i, d)
    assert not result.ok and result.question is None
    assert [(p.field, p.message) for p in result.problems] == [("answer", "answer 'Atlantis' is not one of the choices")]


def test_a_duplicate_id_is_found_among_the_other_questions(tmp_path: Path) -> None:
    held = _held(tmp_path)
    i = _choice(held)
    d = draft_of(held.questions[i])
    d["id"] = held.questions[0].id
    assert [p.field for p in held.check(i, d).problems] == ["id"]
    assert "duplicate id" in held.check(i, d).problems[0].message


def test_a_quote_not_in_the_article_is_named(tmp_path: Path) -> None:
    held = _held(tmp_path)
    d = draft_of(held.questions[0])
    d["quote"] = "Words the article never says."
    problems = held.check(0, d).problems
    assert [p.field for p in problems] == ["quote"] and f"is not in the source {ARTICLE.name}" in problems[0].message


def test_a_question_may_change_its_type(tmp_path: Path) -> None:
    held = _held(tmp_path)
    d = {"id": "pairs-now", "type": "match", "prompt": "Match them.", "pairs": {"Minsk": "Belarus", "Kyiv": "Ukraine", "Vilnius": "Lithuania"}}
    result = held.check(0, d)
    assert result.ok and isinstance(result.question, MatchQuestion)
    held.set_question(0, result.question)
    again = dict(d, id=held.questions[1].id)
    assert held.check(0, again).problems  # the other questions are checked against the new text
