"""What reading one question file yields: ``RawProblem`` and ``ValidatedFile``.

Kept apart from ``yamlnodes`` and ``validate`` so that the warm-load cache (and the start-up
that goes through it) can rebuild results without importing the YAML parser and the
validator: when every file is unchanged, neither is needed. Both are ``NamedTuple``s, immutable
values like the model's dataclasses: creating a frozen dataclass costs ~0.9 ms at import (it
compiles its generated methods), a named tuple ~0.1 ms, and both are made at every start.
``duplicate_id`` and ``quote_not_in_source`` word two problems the editor's checks find as the
loader does.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from studyapp.bank.model import Deck
from studyapp.messages import QT_TRANSLATE_NOOP, Message


class RawProblem(NamedTuple):
    """A problem at a 1-based line and column of the file being read (``wording``: as ``Problem``'s)."""

    line: int
    column: int
    message: str
    wording: Message | None = None

    @classmethod
    def of(cls, line: int, column: int, text: str | Message) -> RawProblem:
        """A problem whose text is plain English or a message for the window."""
        return cls(line, column, str(text), text if isinstance(text, Message) else None)


class ValidatedFile(NamedTuple):
    """What one file yields: its deck (``None`` when any problem was found) and the problems."""

    deck: Deck | None
    problems: tuple[RawProblem, ...]
    deck_at: tuple[int, int] = (1, 1)  # where the deck id is written, for duplicate deck ids
    source: Path | None = None  # the resolved source path, even when it is missing


def duplicate_id(qid: str, line: int) -> Message:
    """A question id used twice in a file (the loader's and the editor's check say the same)."""
    return Message(QT_TRANSLATE_NOOP("Core", "duplicate id '{id}', first defined at line {line}"), id=qid, line=line)


def quote_not_in_source(qid: str, source: str) -> Message:
    """A question's quote that its article does not hold (the loader's and the draft review's check)."""
    return Message(QT_TRANSLATE_NOOP("Core", "quote of question '{id}' is not in the source {source} (compared ignoring "
                                             "whitespace, typographic quotes and dashes; case matters)"), id=qid, source=source)

