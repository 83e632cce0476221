"""Typed-answer folding and quote folding."""

from __future__ import annotations

import pytest

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
