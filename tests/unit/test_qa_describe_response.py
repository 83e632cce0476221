"""QA: a cloze left blank reads as blank in the quiz results, not as a lone comma.

Found by using the app: pressing Enter on a two-gap cloze without typing showed "," under
"Your answer" on the results page (the empty gaps joined by ", ").
"""

from __future__ import annotations

from studyapp.bank.model import ClozeQuestion, OrderQuestion, parse_cloze
from studyapp.grading import describe_response

TEXT = "Ultimately, progress depends largely on {{Łukašenka}}—the ball is in his {{court}}."
CLOZE = ClozeQuestion(deck="d", id="c", text=TEXT, parts=parse_cloze(TEXT))


def test_all_gaps_blank_is_an_empty_response() -> None:
    assert describe_response(CLOZE, ("", "  ")) == ""


def test_one_gap_blank_is_named_blank() -> None:
    assert describe_response(CLOZE, ("Lukashenko", "")) == "Lukashenko, (blank)"


def test_filled_gaps_are_unchanged() -> None:
    assert describe_response(CLOZE, ("Łukašenka", "court")) == "Łukašenka, court"


def test_order_response_is_unchanged() -> None:
    q = OrderQuestion(deck="d", id="o", items=("a", "b", "c"))
    assert describe_response(q, ("b", "a", "c")) == "b → a → c"
