"""GIFT import carries what it used to drop: categories, per-answer feedback, numerical questions,
and an inline ``// comment`` is no longer part of a choice."""

from __future__ import annotations

from pathlib import Path

from studyapp.bank.model import ChoiceQuestion, TextQuestion
from studyapp.interop.importer import import_file


def _gift(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "quiz.gift"
    path.write_text(text, encoding="utf-8")
    return path


def test_category_path_becomes_tags(tmp_path: Path) -> None:
    path = _gift(tmp_path, "$CATEGORY: $course$/top/Geography/Capitals\n\n::Minsk::Capital of Belarus? {=Minsk ~Brest}\n\n"
                           "$CATEGORY: $course$/top/History\n\n// [tag:usa]\n::Grant::Who is in Grant's tomb? {=Grant ~Nobody}\n")
    conv = import_file(path, "d")
    assert conv.problems == []
    assert [q.tags for q in conv.questions] == [("Geography", "Capitals"), ("History", "usa")]


def test_inline_comment_after_an_answer_is_not_part_of_it(tmp_path: Path) -> None:
    path = _gift(tmp_path, "::Capital::The capital of Belarus? {\n=Minsk // the right one\n~Brest // near Poland\n"
                           "~see https://example.org/x\n}\n")
    (q,) = import_file(path, "d").questions
    assert isinstance(q, ChoiceQuestion) and q.choices == ("Minsk", "Brest", "see https://example.org/x")


def test_wrong_answer_feedback_is_kept_and_right_prefix_dropped(tmp_path: Path) -> None:
    path = _gift(tmp_path, "::Capital::The capital of Belarus? {=Minsk#Right: it is on the Svislač. "
                           "~Brest#Wrong: Brest is on the border. ~Hrodna}\n")
    (q,) = import_file(path, "d").questions
    assert q.explanation == "it is on the Svislač.\nWhy not Brest: Brest is on the border."


def test_numerical_exact_becomes_a_text_question_and_ranges_are_reported(tmp_path: Path) -> None:
    path = _gift(tmp_path, "::Year::When was Grant born? {#1822}\n\n"
                           "::Two::How many moons has Mars? {#=2#Phobos and Deimos =%50%1}\n\n"
                           "::Pi::Pi to two places? {#3.14:0.005}\n\n"
                           "::Range::A number from 1 to 5? {#1..5}\n")
    conv = import_file(path, "d")
    year, moons, pi = conv.questions
    assert isinstance(year, TextQuestion) and year.answers == ("1822",)
    assert isinstance(moons, TextQuestion) and moons.answers == ("2",) and moons.explanation == "Phobos and Deimos"
    assert isinstance(pi, TextQuestion) and pi.answers == ("3.14",)
    assert [str(p) for p in conv.problems] == [
        f"{path}:3: partial-credit answer 1 dropped",
        f"{path}:5: tolerance ±0.005 not carried over: only 3.14 exactly is accepted",
        f"{path}:7: range 1..5 not carried over (only exact numbers are); dropped",
        f"{path}:7: numerical question without an exact number; skipped",
    ]
