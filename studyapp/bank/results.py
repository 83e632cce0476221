"""What reading one question file yields: ``RawProblem`` and ``ValidatedFile``.

Kept apart from ``yamlnodes`` and ``validate`` so that the warm-load cache (and the start-up
that goes through it) can rebuild results without importing the YAML parser and the
validator: when every file is unchanged, neither is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studyapp.bank.model import Deck


@dataclass(frozen=True, slots=True)
class RawProblem:
    """A problem at a 1-based line and column of the file being read."""

    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class ValidatedFile:
    """What one file yields: its deck (``None`` when any problem was found) and the problems."""

    deck: Deck | None
    problems: tuple[RawProblem, ...]
    deck_at: tuple[int, int] = (1, 1)  # where the deck id is written, for duplicate deck ids
    source: Path | None = None  # the resolved source path, even when it is missing
