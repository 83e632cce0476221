"""Fixtures for store tests: a real database file in a temporary data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from storehelpers import MINSK, T0

from studyapp.store import Store, open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "studyapp.sqlite3"


@pytest.fixture
def backups_dir(tmp_path: Path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def store(db_path: Path, backups_dir: Path) -> Iterator[Store]:
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    assert opened.notices == ()
    yield opened.store
    opened.store.close()
