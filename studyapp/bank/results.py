"""What reading one question file yields: ``RawProblem`` and ``ValidatedFile``.

Kept apart from ``yamlnodes`` and ``validate`` so that the warm-load cache (and the start-up
that goes through it) can rebuild results without importing the YAML parser and the
validator: when every file is unchanged, neither is needed. Both are ``NamedTuple``s, immutable
values like the model's dataclasses: creating a frozen dataclass costs ~0.9 ms at import (it
compiles its generated methods), a named tuple ~0.1 ms, and both are made at every start.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from studyapp.bank.model import Deck


class RawProblem(NamedTuple):
    """A problem at a 1-based line and column of the file being read."""

    line: int
    column: int
    message: str


class ValidatedFile(NamedTuple):
    """What one file yields: its deck (``None`` when any problem was found) and the problems."""

    deck: Deck | None
    problems: tuple[RawProblem, ...]
    deck_at: tuple[int, int] = (1, 1)  # where the deck id is written, for duplicate deck ids
    source: Path | None = None  # the resolved source path, even when it is missing
