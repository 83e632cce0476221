"""Paths and constants shared by the question-file tests (imported by name, unlike conftest)."""

from __future__ import annotations

from pathlib import Path

from studyapp.bank.model import Deck

TESTS = Path(__file__).resolve().parents[2]
GOOD = TESTS / "data" / "good"
BAD = TESTS / "data" / "bad"
HEAD = "deck: test-deck\ntitle: Test deck\nquestions:\n"  # questions then start at line 4

Checked = tuple[Deck | None, list[str]]
