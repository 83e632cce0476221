"""Typed-answer folding and quote folding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.textnorm import collapse_ws, fold_answer, fold_quote


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Łukašenka", "Lukasenka"),
        ("Hałoŭčanka", "Haloucanka"),
        ("Kaleśnikava", "Kalesnikava"),
        ("Ryžankoŭ", "ryzankou"),
        ("  Maksim   Ryžankoŭ ", "maksim ryzankou"),
        ("U.S.", "US"),
        ("Washington, London and Brussels!", "washington london and brussels"),
        ("Orbán", "Orban"),
    ],
)
def test_fold_answer_treats_spellings_alike(typed: str, expected: str) -> None:
    assert fold_answer(typed) == fold_answer(expected)


def test_fold_answer_keeps_different_words_different() -> None:
    assert fold_answer("Babaryka") != fold_answer("Karpienka")
    assert fold_answer("2020") != fold_answer("2025")


def test_fold_answer_splits_on_dashes_and_slashes() -> None:
    assert fold_answer("pro-democracy") == "pro democracy"
    assert fold_answer("EU/UK") == "eu uk"


def test_fold_answer_decomposed_input_matches_composed() -> None:
    assert fold_answer("Ryz\u030cankou\u0306") == fold_answer("Ryžankoŭ")


def test_fold_quote_maps_typographic_quotes_and_dashes_but_keeps_case() -> None:
    article = "Belarus’ dependence on Russia — growing"
    assert fold_quote(article) == "Belarus' dependence on Russia - growing"
    assert fold_quote("belarus' dependence") != fold_quote("Belarus' dependence")


def test_collapse_ws() -> None:
    assert collapse_ws(" a \n\t b  ") == "a b"


_OLD_QUOTE_MAP = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
     "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-",
     "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " "}
)


@given(st.text(alphabet=st.sampled_from(list("ab ’‘“”—–\u00a0\t\n\x1c\u2028.É")) | st.characters(), max_size=60))
def test_fold_quote_matches_the_plain_regex_and_translate_definition(text: str) -> None:
    """The fast path (str.replace, str.split) must fold exactly as the simple definition does."""
    import re
    import unicodedata

    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_OLD_QUOTE_MAP)).strip()
    assert fold_quote(text) == expected
