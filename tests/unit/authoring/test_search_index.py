"""Searching a real bank on disk with a real store's history: every field, flag and fold."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.authoring.search import parse
from studyapp.authoring.search_index import SearchIndex, fold_many
from studyapp.authoring.search_rows import BrowserRows, Column, LastResult, MemoryState
from studyapp.bank.loader import load_bank
from studyapp.grading import Outcome
from studyapp.store import Attempt, CardState, Mode, Store, open_store
from studyapp.store.marks import CardMark
from studyapp.textnorm import fold_answer

DATA = Path(__file__).resolve().parents[2] / "data" / "good"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
TOMORROW = datetime(2026, 3, 11, tzinfo=timezone.utc)


class Searched(NamedTuple):
    """An index and the rows it searches (their memory read from a real store)."""

    index: SearchIndex
    rows: BrowserRows
    store: Store

    def search(self, node: object) -> list[int]:
        return self.index.search(node, self.rows)  # type: ignore[arg-type]


@pytest.fixture
def index(tmp_path: Path) -> Iterator[Searched]:
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(DATA / "all-types.yaml", folder)
    shutil.copy(DATA / "article.txt", folder)
    bank = load_bank([folder])
    assert not bank.problems
    store = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", tz=timezone.utc, auto_backup=False).store
    deck = bank.decks[0]

    def answer(qid: str, outcome: Outcome, due: datetime, state: int = 2) -> None:
        q = deck.question(qid)
        assert q is not None
        card = CardState(q.deck, q.id, "{}", due, 3.0, state, NOW - timedelta(days=1))
        store.record_attempt(Attempt(q.deck, q.id, q.content_hash, Mode.QUIZ, "null", outcome,
                                     1.0 if outcome is Outcome.RIGHT else 0.0, 2000, NOW - timedelta(days=1)), card)

    answer("pm-january-17", Outcome.RIGHT, NOW + timedelta(hours=3))  # due today
    answer("dismissed-by", Outcome.RIGHT, NOW + timedelta(days=9))  # not due
    answer("which-city", Outcome.WRONG, NOW - timedelta(days=1), state=3)  # last answer wrong: weak
    for outcome in (Outcome.RIGHT, Outcome.WRONG, Outcome.WRONG, Outcome.RIGHT, Outcome.RIGHT):
        answer("roles", outcome, NOW + timedelta(days=2))  # 3 of 5 right (60 %): not weak
    for outcome in (Outcome.RIGHT, Outcome.WRONG, Outcome.WRONG, Outcome.RIGHT):
        answer("card-pm", outcome, NOW + timedelta(days=2))  # 2 of 4 right: weak
    schedules = store.card_schedules()
    # What the browser reads instead of the whole card states: the same due instant and state.
    assert schedules == {key: (card.due, card.state) for key, card in store.card_states().items()}
    assert len(schedules) == 5 and store.card_schedules("other-deck") == {}
    rows = BrowserRows(bank, store, TOMORROW)
    yield Searched(SearchIndex(rows.questions), rows, store)
    store.close()


def ids(index: Searched, query: str) -> set[str]:
    return {index.rows.questions[i].id for i in index.search(parse(query))}


ALL = {"pm-january-17", "dismissed-by", "free-and-fair", "which-city", "engage-cloze", "order-events", "roles", "card-pm"}


def test_words_fold_case_accents_and_punctuation(index: Searched) -> None:
    assert ids(index, "haloucanka") == {"pm-january-17", "roles", "card-pm"}  # choices, pairs, card answer
    assert ids(index, "BELARUSS") == {"pm-january-17", "card-pm"}  # "Belarus's": the apostrophe folds away
    assert ids(index, "miensk") == {"which-city"}  # a second accepted answer
    assert ids(index, "seventeen") == {"engage-cloze"}  # a gap's alternative
    assert ids(index, "election dismissed") == {"dismissed-by", "order-events"}
    assert ids(index, "sham") == {"free-and-fair"}  # the quote
    assert ids(index, "dates") == {"pm-january-17"}  # a tag
    assert ids(index, "readiness ties") == {"which-city", "order-events"}


def test_phrases_stay_inside_one_field(index: Searched) -> None:
    assert ids(index, '"prime minister said"') == {"engage-cloze"}
    assert ids(index, '"minister foreign"') == set()  # "Prime Minister" then "Foreign Minister": two fields


def test_negation_or_and_groups(index: Searched) -> None:
    assert ids(index, "haloucanka -type:card") == {"pm-january-17", "roles"}
    assert ids(index, "miensk or sham") == {"which-city", "free-and-fair"}
    assert ids(index, "(miensk or sham) -sham") == {"which-city"}
    assert ids(index, "") == ALL


def test_fields(index: Searched) -> None:
    assert ids(index, "deck:good-all-types") == ALL
    assert ids(index, "deck:GOOD*") == ALL
    assert ids(index, "deck:other") == set()
    assert ids(index, "tag:people") == {"pm-january-17"}
    assert ids(index, "tag:peo*") == {"pm-january-17"}
    assert ids(index, "type:match") == {"roles"}


def test_memory_flags(index: Searched) -> None:
    assert ids(index, "is:new") == {"free-and-fair", "engage-cloze", "order-events"}
    assert ids(index, "is:due") == {"pm-january-17", "which-city"}
    assert ids(index, "is:weak") == {"which-city", "card-pm"}
    assert ids(index, "is:suspended") == set()  # nothing is suspended yet
    assert ids(index, "-is:new -is:due") == {"dismissed-by", "roles", "card-pm"}


def _row(index: Searched, question_id: str) -> int:
    return next(n for n, q in enumerate(index.rows.questions) if q.id == question_id)


def test_row_values(index: Searched) -> None:
    rows, row = index.rows, _row(index, "which-city")
    assert not rows.loaded(row)  # read when first shown
    assert rows.memory(row) is MemoryState.RELEARNING
    assert rows.loaded(row)
    assert (rows.answers(row), rows.last_result(row)) == (1, LastResult.WRONG)
    assert rows.cell_text(row, Column.DUE, timezone.utc) == "2026-03-09"
    assert rows.cell_text(row, Column.LAST, timezone.utc) == "wrong"
    assert rows.cell_text(row, Column.FILE, timezone.utc) == "all-types.yaml:31"
    assert rows.cell_text(row, Column.ANSWER, timezone.utc) == "Minsk"
    cloze = _row(index, "engage-cloze")
    assert rows.cell_text(cloze, Column.PROMPT, timezone.utc) == "On January [...], the Prime Minister said the [...] would engage."
    assert rows.cell_text(cloze, Column.MEMORY, timezone.utc) == "new"
    assert rows.due(cloze) is None


def test_a_batch_read_gives_what_reading_every_row_gives(index: Searched) -> None:
    rows = index.rows
    every = range(len(rows))
    rows.ensure(every)  # batches of keys
    batched = [(rows.memory(r), rows.due(r), rows.answers(r), rows.last_result(r)) for r in every]
    rows.load_all()  # one statement over the whole store
    assert [(rows.memory(r), rows.due(r), rows.answers(r), rows.last_result(r)) for r in every] == batched
    assert {rows.memory(r) for r in every} == {MemoryState.NEW, MemoryState.REVIEW, MemoryState.RELEARNING}


def test_suspended_and_answered_without_a_card(index: Searched) -> None:
    """Every way the store knows a question: a suspended card, a suspended new question, and an
    answer that moved no card; read per row and all at once alike."""
    store, deck = index.store, "good-all-types"
    store.put_card_marks([CardMark(deck, "which-city", suspended=True), CardMark(deck, "free-and-fair", suspended=True)])
    q = index.rows.questions[_row(index, "order-events")]
    store.record_attempt(Attempt(deck, q.id, q.content_hash, Mode.QUIZ, "null", Outcome.WRONG, 0.0, 2000, NOW))
    for read_all in (False, True):
        rows = BrowserRows(index.rows.bank, store, TOMORROW)
        if read_all:
            rows.load_all()
        found = Searched(index.index, rows, store)
        assert rows.memory(_row(found, "which-city")) is MemoryState.SUSPENDED
        assert rows.memory(_row(found, "free-and-fair")) is MemoryState.SUSPENDED
        order = _row(found, "order-events")
        assert (rows.memory(order), rows.answers(order), rows.last_result(order)) == (MemoryState.NEW, 1, LastResult.WRONG)
        assert ids(found, "is:suspended") == {"which-city", "free-and-fair"}
        assert ids(found, "is:due") == {"pm-january-17"}  # a suspended card is never due
        assert ids(found, "is:weak") == {"which-city", "card-pm", "order-events"}
        assert ids(found, "is:new") == {"engage-cloze", "order-events"}


def test_sorting_by_answers_and_due(index: Searched) -> None:
    rows = index.rows
    by_answers = [rows.answers(i) for i in rows.sorted_order(Column.ANSWERS, descending=True)]
    assert by_answers == sorted(by_answers, reverse=True) and by_answers[0] == 5
    by_due = [rows.due(i) for i in rows.sorted_order(Column.DUE)]
    assert by_due[0] is not None and by_due[-1] is None
    assert by_due[:5] == sorted(d for d in by_due if d is not None)
    by_prompt = [rows.cell_text(i, Column.PROMPT, timezone.utc).casefold() for i in rows.sorted_order(Column.PROMPT)]
    assert by_prompt == sorted(by_prompt)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=25), min_size=1, max_size=6))
def test_fold_many_folds_as_grading_does(texts: list[str]) -> None:
    assert fold_many(texts) == [fold_answer(t) for t in texts]


def test_typing_a_query_key_by_key_finds_what_a_fresh_search_finds(index: Searched) -> None:
    query = "haloucanka -minister or prime minister"
    for n in range(1, len(query) + 1):
        typed = query[:n]
        try:
            node = parse(typed)
        except ValueError:
            continue
        fresh = SearchIndex(index.rows.questions, index.index.haystacks)
        assert index.search(node) == fresh.search(node, index.rows), typed
    assert ids(index, "hal") == {"pm-january-17", "roles", "card-pm"}  # a shorter word after longer ones


def test_a_search_keeps_the_order_it_is_given(index: Searched) -> None:
    """The table's sorted order: found rows come in it, whichever way a word is looked up."""
    order = list(reversed(range(len(index.rows))))
    for query in ("haloucanka", "miensk", "sham", "haloucanka -type:card", "hal", "zzz"):
        node = parse(query)
        expected = [i for i in order if i in set(index.search(node))]
        assert index.index.search(node, index.rows, order) == expected, query
    # A rare word among many rows is found by ordering the few rows that hold it (not by testing
    # every row): the same rows in the same order.
    questions = list(index.rows.questions) + [index.rows.questions[_row(index, "card-pm")]] * 40
    many = SearchIndex(questions)
    order = list(reversed(range(len(questions))))
    for query in ("sham", "miensk", "haloucanka", "sham or miensk"):
        node = parse(query)
        found = set(SearchIndex(questions).search(node, index.rows))
        assert many.search(node, index.rows, order) == [i for i in order if i in found], query


def test_a_database_that_cannot_be_read_shows_question_marks_not_an_error(index: Searched) -> None:
    rows = index.rows
    first = _row(index, "which-city")
    assert rows.memory(first) is MemoryState.RELEARNING  # read while the database was whole
    index.store.connection.execute("DROP TABLE card_marks")  # what a damaged file can look like
    other = _row(index, "roles")
    assert rows.cell_text(other, Column.MEMORY, timezone.utc) == "?"
    assert rows.cell_text(other, Column.ANSWERS, timezone.utc) == "?"
    assert rows.cell_text(other, Column.FILE, timezone.utc) == "all-types.yaml:49"  # the files still speak
    assert rows.read_error is not None and "card_marks" in rows.read_error
    assert ids(index, "is:weak") == {"which-city"}  # only what could be read
    assert ids(index, "is:new") == set()
    assert rows.cell_text(first, Column.MEMORY, timezone.utc) == "relearning"
    assert len(rows.sorted_order(Column.DUE)) == len(rows)
