"""Questions made from a selected passage: each kind prefilled, the sentence quoted, and valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.authoring.from_passage import PassageKind, passage_draft
from studyapp.authoring.questionfile import QuestionFile
from studyapp.bank.loader import check_data

SENTENCE = "Minsk has claimed its readiness to improve ties with the West."
ARTICLE = f"Belarus and the West\n{SENTENCE} Nothing else.\n"


def test_each_kind_from_a_selection() -> None:
    cloze = passage_draft(PassageKind.CLOZE, "readiness", SENTENCE, "q1")
    assert cloze["text"] == "Minsk has claimed its {{readiness}} to improve ties with the West."
    text = passage_draft(PassageKind.TEXT, "the West", SENTENCE, "q2")
    assert text["prompt"] == "Complete: Minsk has claimed its readiness to improve ties with …."
    assert text["answer"] == "the West"
    tf = passage_draft(PassageKind.TRUEFALSE, "Minsk", SENTENCE, "q3")
    assert tf["prompt"] == SENTENCE and tf["answer"] is True
    card = passage_draft(PassageKind.CARD, "readiness", SENTENCE, "q4")
    assert card["answer"] == SENTENCE and "readiness" in str(card["prompt"])
    assert {d["quote"] for d in (cloze, text, tf, card)} == {SENTENCE}
    assert [d["type"] for d in (cloze, text, tf, card)] == ["cloze", "text", "truefalse", "card"]


def test_braces_never_make_extra_gaps_and_whitespace_is_folded() -> None:
    draft = passage_draft(PassageKind.CLOZE, "a {b}", "Here is  a {b} and\nmore.", "q")
    assert draft["text"] == "Here is {{a b}} and more."
    assert draft["quote"] == "Here is a {b} and more."


@pytest.mark.parametrize("kind", list(PassageKind))
def test_every_kind_loads_clean_against_the_article(kind: PassageKind, tmp_path: Path) -> None:
    """What the reader prefills passes the loader's rules, its quote found in the article."""
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    draft = passage_draft(kind, "readiness", SENTENCE, "made")
    base = ("deck: d\ntitle: D\nsource: article.txt\nquestions:\n"
            "  - id: first\n    type: truefalse\n    prompt: Minsk spoke.\n    answer: true\n")
    text = QuestionFile.parse(base.encode()).add(draft).text
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_data(path.read_bytes(), path)
    assert result.problems == (), result.problems
