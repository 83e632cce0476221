"""Author edits in the review list: prompt and answer replaced, invalid edits refused with a reason."""

from __future__ import annotations

import pytest

from studyapp.bank.model import CardQuestion, ChoiceQuestion, ClozeQuestion, TextQuestion, TrueFalseQuestion
from studyapp.interop.editing import EditError, answer_of, edit_question, prompt_of
from studyapp.interop.fit import cloze_question


def test_choice_answer_edit_renames_the_right_choice() -> None:
    q = ChoiceQuestion(deck="d", id="a", prompt="p", choices=("Minsk", "Brest"), answer="Minsk")
    edited = edit_question(q, " Which city? ", "Miensk")
    assert isinstance(edited, ChoiceQuestion)
    assert (edited.prompt, edited.choices, edited.answer) == ("Which city?", ("Miensk", "Brest"), "Miensk")
    with pytest.raises(EditError, match="same answer"):
        edit_question(q, "p", "brest")


def test_truefalse_text_card_and_cloze_edits() -> None:
    tf = TrueFalseQuestion(deck="d", id="t", prompt="p", answer=False)
    assert answer_of(tf) == "false"
    edited_tf = edit_question(tf, "p2", "TRUE")
    assert isinstance(edited_tf, TrueFalseQuestion) and edited_tf.answer is True
    with pytest.raises(EditError):
        edit_question(tf, "p", "yes")
    text = TextQuestion(deck="d", id="x", prompt="p", answers=("a",))
    edited_text = edit_question(text, "p", "Łukašenka | Lukashenko")
    assert isinstance(edited_text, TextQuestion) and edited_text.answers == ("Łukašenka", "Lukashenko")
    assert answer_of(edited_text) == "Łukašenka | Lukashenko"
    with pytest.raises(EditError, match="empty question text"):
        edit_question(CardQuestion(deck="d", id="c", prompt="p", answer="a"), "  ", "a")
    cz = cloze_question(deck="d", id="z", text="In {{2020}} it was.", tags=("draft",), quote="In 2020 it was.")
    assert prompt_of(cz) == "In {{2020}} it was."
    edited_cz = edit_question(cz, "In {{2020|twenty twenty}} it was.", "")
    assert isinstance(edited_cz, ClozeQuestion) and edited_cz.gaps[0].alternatives == ("2020", "twenty twenty")
    assert edited_cz.tags == ("draft",) and edited_cz.quote == "In 2020 it was."
    with pytest.raises(EditError, match="gap"):
        edit_question(cz, "No gap any more.", "")
