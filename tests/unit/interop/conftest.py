"""Fixtures for interop tests."""

from __future__ import annotations

import pytest
from interophelpers import SAMPLES, load_clean

from studyapp.bank.model import Deck


@pytest.fixture
def every_type() -> Deck:
    """A valid deck with every question type (some GIFT/Anki cannot express)."""
    return load_clean(SAMPLES / "every_type.yaml")
