"""The writer quotes every text so the loader reads back exactly what was written."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from interophelpers import load_clean

from studyapp.bank.model import CardQuestion, TrueFalseQuestion
from studyapp.interop.yamlwrite import dump_deck, quote, write_text_atomic

TRICKY = ["2020", "NO", "yes", "1:20", "2025-01-26", "~", "null", "- item", "#hash", "a: b", '"q"', "back\\slash",
          "line\nbreak", "tab\there", "\u2028sep", "\x85nel", "\ufeffbom", "é Ł ž", "{{x}}", "[1, 2]", "*alias", "&anchor", "!tag", "%x", "@at", "`tick"]


def test_tricky_strings_read_back_as_themselves() -> None:
    for text in TRICKY:
        assert yaml.load(f"k: {quote(text)}\n", Loader=yaml.CSafeLoader) == {"k": text}, text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_any_text_reads_back(text: str) -> None:
    assert yaml.load(quote(text), Loader=yaml.CSafeLoader) == text


def test_truefalse_unquoted_and_texts_quoted_pass_the_loader(tmp_path: Path) -> None:
    questions = [
        TrueFalseQuestion(deck="d", id="t", prompt="2020", answer=False),
        CardQuestion(deck="d", id="c", prompt="NO", answer="1:20", tags=("2025",)),
    ]
    text = dump_deck("d", "yes", questions)
    assert "answer: false\n" in text and 'answer: "1:20"' in text
    path = tmp_path / "d.yaml"
    write_text_atomic(path, text)
    deck = load_clean(path)
    assert deck.title == "yes"
    tf, card = deck.questions
    assert isinstance(tf, TrueFalseQuestion) and tf.answer is False and tf.prompt == "2020"
    assert isinstance(card, CardQuestion) and card.prompt == "NO" and card.answer == "1:20" and card.tags == ("2025",)


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "x.yaml"
    write_text_atomic(path, "a\n")
    write_text_atomic(path, "b\n")
    assert path.read_text() == "b\n"
    assert [p.name for p in path.parent.iterdir()] == ["x.yaml"]
