"""Renaming a question's id (or moving it to another deck) carries its history in one transaction."""

from __future__ import annotations

import pytest
from storehelpers import make_attempt, make_card

from studyapp.store import Store, StoreError


def test_rename_moves_answers_card_and_counts(store: Store) -> None:
    store.record_attempt(make_attempt("q1"), make_card("q1"))
    store.record_attempt(make_attempt("q2"), make_card("q2"))
    moved = store.rename_question(("deck", "q1"), ("deck", "renamed"))
    assert moved == 1
    assert store.card_state("deck", "q1") is None
    assert store.card_state("deck", "renamed") is not None
    assert [a[0] for a in store.attempts_for("deck", "renamed")] and not store.attempts_for("deck", "q1")
    history = store.question_history("deck")
    assert ("deck", "renamed") in history and ("deck", "q1") not in history
    assert store.card_state("deck", "q2") is not None  # the other question is untouched


def test_move_to_another_deck_keeps_memory(store: Store) -> None:
    store.record_attempt(make_attempt("q1"), make_card("q1"))
    store.rename_question(("deck", "q1"), ("other", "q1"))
    assert store.card_state("other", "q1") is not None
    assert "other" in store.card_decks()


def test_rename_onto_existing_history_changes_nothing(store: Store) -> None:
    store.record_attempt(make_attempt("q1"), make_card("q1"))
    store.record_attempt(make_attempt("q2"), make_card("q2"))
    with pytest.raises(StoreError, match="already stored"):
        store.rename_question(("deck", "q1"), ("deck", "q2"))
    assert store.card_state("deck", "q1") is not None
    assert len(store.attempts_for("deck", "q1")) == 1
