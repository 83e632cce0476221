"""Due-time reads over every deck, deck by deck through the one due index (schema version 4),
against a plain sort of the same cards."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storehelpers import MINSK, T0, make_card

from studyapp.store import open_store

_cards = st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 30), st.integers(-48, 48)),
                  max_size=40, unique_by=lambda t: (t[0], t[1]))


@settings(max_examples=40, deadline=None)
@given(cards=_cards, limit=st.integers(1, 12), excluded=st.sets(st.sampled_from(["a", "b", "c", "d"])),
       hours=st.integers(-48, 48))
def test_all_deck_due_reads_match_a_plain_sort(tmp_path_factory: pytest.TempPathFactory, cards: list[tuple[str, int, int]],
                                               limit: int, excluded: set[str], hours: int) -> None:
    folder = tmp_path_factory.mktemp("due")
    store = open_store(folder / "s.sqlite3", backups_dir=folder / "b", now=T0, tz=MINSK).store
    try:
        store.put_cards(make_card(f"q{n}", deck=deck, due=T0 + timedelta(hours=h)) for deck, n, h in cards)
        before = T0 + timedelta(hours=hours)
        due = sorted((T0 + timedelta(hours=h), deck, f"q{n}") for deck, n, h in cards
                     if T0 + timedelta(hours=h) < before)
        assert store.due_count(before) == len(due)
        assert store.card_decks() == sorted({deck for deck, _, _ in cards})
        got = store.due_cards(before, limit=limit, exclude_decks=excluded)
        wanted = [d for d in due if d[1] not in excluded][:limit]
        assert [c.due for c in got] == [d[0] for d in wanted]  # earliest first, ties in any order
        assert {(c.due, c.deck, c.question_id) for c in got} <= set(due)
        assert not {c.deck for c in got} & excluded
        bounds = [T0 - timedelta(hours=1), T0 + timedelta(hours=12), T0 + timedelta(days=3)]
        histogram = store.summaries.due_histogram(bounds)
        edges = [None, *bounds]
        assert histogram == [
            sum(1 for _, _, h in cards if (lo is None or T0 + timedelta(hours=h) >= lo) and T0 + timedelta(hours=h) < hi)
            for lo, hi in zip(edges, bounds)]
    finally:
        store.close()


def test_v4_has_one_due_index(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=T0, tz=MINSK).store
    try:
        indexes = {r[0] for r in store.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards' AND sql IS NOT NULL")}
        # v6 adds a partial index of the cards in (re)learning only (review answers never write it).
        assert indexes == {"cards_deck_due", "cards_first_review", "cards_learning_due"}
    finally:
        store.close()
