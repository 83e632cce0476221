"""The search language: every construct, errors with their spans, and any text either parses or
gives SearchError (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.authoring.search import (
    And, CardFlag, Field, FieldKind, Is, MatchAll, Not, Or, SearchError, Text, parse, write,
)


def test_empty_query_matches_everything() -> None:
    assert parse("") == MatchAll()
    assert parse("   ") == MatchAll()


def test_words_are_anded_and_folded_like_answers() -> None:
    assert parse("Łukašenka  Minsk") == And((Text("Łukašenka", "lukasenka"), Text("Minsk", "minsk")))
    assert parse("a and b") == parse("a b")


def test_phrase_negation_or_and_parentheses() -> None:
    assert parse('"Prime Minister"') == Text("Prime Minister", "prime minister", phrase=True)
    assert parse("-west") == Not(Text("west", "west"))
    assert parse('-"free and fair"') == Not(Text("free and fair", "free and fair", phrase=True))
    assert parse("a or b c") == Or((Text("a", "a"), And((Text("b", "b"), Text("c", "c")))))
    assert parse("(a OR b) -c") == And((Or((Text("a", "a"), Text("b", "b"))), Not(Text("c", "c"))))
    assert parse("--a") == Text("a", "a")
    assert parse("-(a or b)") == Not(Or((Text("a", "a"), Text("b", "b"))))


def test_fields_and_flags() -> None:
    assert parse("deck:History*") == Field(FieldKind.DECK, "history*")
    assert parse('deck:"my deck"') == Field(FieldKind.DECK, "my deck")
    assert parse("tag:People") == Field(FieldKind.TAG, "people")
    assert parse("type:Cloze") == Field(FieldKind.TYPE, "cloze")
    assert [parse(f"is:{f.value}") for f in CardFlag] == [Is(f) for f in CardFlag]


def test_a_colon_after_digits_or_in_quotes_is_text() -> None:
    assert parse("12:30") == Text("12:30", "1230")
    assert parse('"foo:bar"') == Text("foo:bar", "foobar", phrase=True)


@pytest.mark.parametrize(("query", "span", "words"), [
    ('"abc', (0, 4), "not closed"),
    ("dog (cat", (4, 5), "'(' is not closed"),
    ("dog)", (3, 4), "')' without"),
    ("()", (0, 2), "nothing to search for"),
    ("or dog", (0, 2), "'or' needs something before"),
    ("dog or", (4, 6), "'or' needs something after"),
    ("dog - cat", (4, 5), "'-' needs something"),
    ("foo:bar", (0, 4), "unknown field 'foo:'"),
    ("type:essay", (5, 10), "unknown type 'essay'"),
    ("is:red", (0, 6), "unknown 'is:red'"),
    ("deck:", (0, 5), "needs a value"),
    ('""', (0, 2), "nothing inside the quotes"),
    ("a and", (2, 5), "'and' needs something"),
    ("(" * 50 + "a" + ")" * 50, (40, 41), "nested parentheses"),
])
def test_errors_say_what_and_where(query: str, span: tuple[int, int], words: str) -> None:
    with pytest.raises(SearchError) as caught:
        parse(query)
    assert isinstance(caught.value, ValueError)
    assert (caught.value.start, caught.value.end) == span
    assert words in caught.value.message


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab -()":\\ orOR \tdeck:tag:is:newtype:cloze*Ł')), max_size=40) | st.text(max_size=30))
def test_any_text_parses_or_gives_search_error(text: str) -> None:
    try:
        node = parse(text)
    except SearchError as exc:
        assert 0 <= exc.start <= exc.end <= len(text)
        assert exc.message
    else:
        # The normalised text means the same query.
        assert parse(write(node)) == node
