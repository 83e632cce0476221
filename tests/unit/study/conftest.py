"""Fixtures for the study tests: the article deck, a second deck, a real store, a clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta, timezone, tzinfo
from pathlib import Path

import pytest
from studyfixtures import DECK, OTHER, T0, Clock, article_questions

from studyapp.bank.model import Bank, Deck, TextQuestion, TrueFalseQuestion
from studyapp.store import Store, open_store


@pytest.fixture
def deck() -> Deck:
    return Deck(id=DECK, title="Belarus and the West", path=Path("belarus-west.yaml"), questions=article_questions())


@pytest.fixture
def bank(deck: Deck) -> Bank:
    other = Deck(
        id=OTHER,
        title="Another deck",
        path=Path("other.yaml"),
        questions=(
            TextQuestion(deck=OTHER, id="capital", prompt="Capital of Belarus?", answers=("Minsk",), tags=("places",)),
            TrueFalseQuestion(deck=OTHER, id="eu", prompt="Belarus is in the EU.", answer=False, tags=("places",)),
        ),
    )
    return Bank(decks=(deck, other), files=2)


@pytest.fixture
def open_db(tmp_path: Path) -> Iterator[Callable[[tzinfo], Store]]:
    """Opens the real SQLite store on a temporary database, keyed to local days in ``tz``."""
    opened: list[Store] = []

    def open_(tz: tzinfo) -> Store:
        store = open_store(tmp_path / "db.sqlite3", backups_dir=tmp_path / "b", now=T0 - timedelta(days=30), tz=tz).store
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()


@pytest.fixture
def store(open_db: Callable[[tzinfo], Store]) -> Store:
    """The real SQLite store on a temporary database (local days in UTC)."""
    return open_db(timezone.utc)


@pytest.fixture
def clock() -> Clock:
    return Clock()
