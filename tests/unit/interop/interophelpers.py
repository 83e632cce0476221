"""Shared helpers for interop tests: the bundled article, sample files, and the real loader as the judge."""

from __future__ import annotations

from pathlib import Path

from studyapp.bank.loader import check_file
from studyapp.bank.model import Deck

REPO = Path(__file__).resolve().parents[3]
ARTICLE = REPO / "seeds" / "000_f104dea7fb288af0.txt"
SAMPLES = REPO / "tests" / "data" / "interop"


def load_clean(path: Path) -> Deck:
    """Load ``path`` with the app's loader and insist on zero problems."""
    deck, problems = check_file(path)
    assert [str(p) for p in problems] == []
    assert deck is not None
    return deck
