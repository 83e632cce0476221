"""The article folded once: every quote lands on the span the reader's old per-quote search gave.

The reference is the algorithm the reader used before (the article folded again for every
quote, one character at a time); it is kept here, small and slow, as the oracle.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.articles.blocks import parse_article
from studyapp.articles import folding
from studyapp.articles.folding import FoldedText
from studyapp.bank.loader import load_files
from studyapp.paths import bundled_questions_dir
from studyapp.textnorm import fold_quote


def old_locate(text: str, quote: str) -> tuple[int, int] | None:
    """The reader's search before the article was folded once (``ui/article_text.py``)."""
    needle = fold_quote(unicodedata.normalize("NFC", quote))
    if not needle:
        return None
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_quote(ch) if not ch.isspace() else " "
        if folded == "" and not ch.isspace():
            continue
        if folded == " " and (not out or out[-1] == " "):
            continue
        for c in folded:
            out.append(c)
            where.append(i)
    at = "".join(out).find(needle)
    if at < 0:
        return None
    return where[at], where[at + len(needle) - 1] + 1


@pytest.fixture
def one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``find_all`` takes the one-pass (automaton) path, however few the quotes."""
    monkeypatch.setattr(folding, "MANY_QUOTES", 1)
    monkeypatch.setattr(folding, "MANY_QUOTE_SCANS", 0)


@pytest.mark.usefixtures("one_pass")
def test_every_quote_of_the_bundled_deck_keeps_its_span() -> None:
    bank = load_files(sorted(bundled_questions_dir().glob("*.yaml")))
    assert bank.decks and not bank.problems
    checked = 0
    for deck in bank.decks:
        assert deck.source is not None
        article = parse_article(deck.source.read_text(encoding="utf-8"))
        quotes = [q.quote for q in deck.questions if q.quote]
        together = FoldedText(article.text).find_all(quotes)
        for quote in quotes:
            expected = old_locate(article.text, quote)
            assert expected is not None, quote
            assert together[quote] == expected, quote
            assert FoldedText(article.text).find(quote) == expected, quote
            checked += 1
    assert checked >= 90


def test_spans_point_into_the_text_as_written() -> None:
    text = "  Minsk’s\u00a0 policy —\n\tfully  controlled.\r\nNext  line"
    folded = FoldedText(text)
    assert folded.folded == "Minsk's policy - fully controlled. Next line"
    start, end = folded.find("Minsk's policy - fully") or (0, 0)
    assert text[start:end] == "Minsk’s\u00a0 policy —\n\tfully"
    start, end = folded.find("controlled. Next") or (0, 0)
    assert text[start:end] == "controlled.\r\nNext"
    assert folded.find("minsk's") is None  # case matters, as for the loader
    assert folded.find("   ") is None


def test_contains_is_the_loaders_rule() -> None:
    folded = FoldedText("Belarus’ dependence on Russia — growing")
    assert folded.contains("Belarus' dependence on Russia - growing")
    assert folded.contains("")
    assert not folded.contains("belarus' dependence")


_ALPHABET = st.sampled_from(list("ab ’'—-\n\t\u00a0\r\"“”A.") + ["e\u0301", "\u00e9", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.data())
def test_find_matches_the_old_search(text: str, data: st.DataObject) -> None:
    nfc = unicodedata.normalize("NFC", text)
    start = data.draw(st.integers(0, len(nfc)))
    end = data.draw(st.integers(start, len(nfc)))
    quotes = [nfc[start:end], data.draw(st.lists(_ALPHABET, max_size=6).map("".join))]
    for quote in quotes:
        got = FoldedText(text).find(quote)
        assert got == old_locate(text, quote)
        assert FoldedText(text).contains(quote) == (fold_quote(quote) in fold_quote(text))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abc \n", max_size=200), st.lists(st.text(alphabet="abc ", min_size=1, max_size=5), max_size=40))
def test_many_quotes_at_once_find_what_single_finds_find(text: str, quotes: list[str]) -> None:
    """Overlapping quotes, quotes inside quotes, repeated ones: one pass agrees with find."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(folding, "MANY_QUOTES", 1)
        patch.setattr(folding, "MANY_QUOTE_SCANS", 0)
        together = FoldedText(text).find_all(quotes)
    for quote in quotes:
        assert together[quote] == FoldedText(text).find(quote) == old_locate(text, quote)


def test_blocks_of_quotes() -> None:
    article = parse_article("First paragraph here.\nSecond one – with a dash.\n\nThird, with “quotes”.")
    assert article.blocks_of(["Second one - with", 'with "quotes"', "not there", "First"]) == {
        "Second one - with": 1,
        'with "quotes"': 2,
        "First": 0,
    }
    span = article.locate('with "quotes"')
    assert span is not None and article.text[span.start : span.end] == "with “quotes”"
    assert article.paragraph_at(len(article.text) + 5) is None


def test_the_loader_check_answers_from_one_pass(one_pass: None) -> None:
    folded = FoldedText("One two three. Four five six.")
    folded.prepare(["two three", "five six", "seven"])
    assert folded._found == {"two three": 4, "five six": 20, "seven": -1}
    assert folded.contains("two  three") and not folded.contains("seven")


def test_long_quotes_sharing_their_beginning_are_told_apart(one_pass: None) -> None:
    opening = "The minister said that the talks "
    text = f"{opening}failed. Later: {opening}went well. And {opening}failed again."
    quotes = [f"{opening}went well", f"{opening}failed again", f"{opening}failed", f"{opening}stalled"]
    together = FoldedText(text).find_all(quotes)
    for quote in quotes:
        assert together[quote] == old_locate(text, quote)
    assert together[f"{opening}stalled"] is None
