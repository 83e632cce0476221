"""Plain values the store takes and returns."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from studyapp.messages import Message
from studyapp.store.localtime import from_us

if TYPE_CHECKING:  # studyapp.grading pulls in rapidfuzz/anyascii; the store needs only the values
    from studyapp.grading import Outcome


class Mode(StrEnum):
    """What kind of session an answer was given in."""

    QUIZ = "quiz"
    REVIEW = "review"


class Attempt(NamedTuple):
    """One answer given to one question."""

    deck: str
    question_id: str
    content_hash: str
    mode: Mode
    response: str  # JSON text of the response
    outcome: Outcome
    score: float  # 0.0 .. 1.0
    elapsed_ms: int
    answered_at: datetime  # tz-aware; stored as UTC
    session_id: int | None = None
    rating: int | None = None  # fsrs rating 1..4 the answer gave the card (reviews and quizzes)
    qtype: str | None = None  # the type of a question answered in its own form (graded); None: self-rated
    proposed: int | None = None  # the rating the grade proposed (graded answers); differs from rating: overridden


class AttemptRow(NamedTuple):
    """One stored answer as read back, with its id (for exports)."""

    id: int
    deck: str
    question_id: str
    content_hash: str
    mode: Mode
    response: str  # JSON text of the response
    outcome: Outcome
    score: float
    elapsed_ms: int
    answered_at: datetime  # UTC
    session_id: int | None
    rating: int | None


class CardState(NamedTuple):
    """A question's spaced-repetition state (a serialised ``fsrs.Card`` plus indexed fields)."""

    deck: str
    question_id: str
    fsrs_json: str  # fsrs.Card JSON without its two times (the fields below), plus "reps" and "lapses"
    due: datetime  # UTC
    stability: float | None
    state: int  # fsrs.State value
    last_review: datetime | None


class QuestionHistory(NamedTuple):
    """How a question went over all its attempts (across edits of the question)."""

    attempts: int
    wrong: int
    last_answered: datetime | None
    last_outcome: Outcome | None


class SessionRecord(NamedTuple):
    """A study or quiz session as stored."""

    id: int
    mode: Mode
    deck: str | None
    filters_json: str
    seed: int | None
    total: int
    started: datetime
    finished: datetime | None
    abandoned: bool
    answered: int
    right: int
    score: float | None  # mean attempt score, set when finished


class NoticeKind(StrEnum):
    """Things that happened while opening the store that the user should hear about."""

    CORRUPT_MOVED = "corrupt-moved"
    MIGRATED = "migrated"
    BACKUP_FAILED = "backup-failed"
    DAMAGE_FOUND = "damage-found"  # by the check before the daily backup, while running


class StoreNotice(NamedTuple):
    """A message for the user, with the files it is about."""

    kind: NoticeKind
    message: str
    moved_to: Path | None = None  # where a damaged database was put
    restorable_backup: Path | None = None  # the newest good backup, to offer for restore
    wording: Message | None = None  # ``message`` for the window to translate (``studyapp.messages``)

    @classmethod
    def of(cls, kind: NoticeKind, wording: Message, moved_to: Path | None = None,
           restorable_backup: Path | None = None) -> StoreNotice:
        """A notice whose English ``message`` is ``str(wording)``."""
        return cls(kind, str(wording), moved_to, restorable_backup, wording)


def session_from_row(row: tuple[Any, ...]) -> SessionRecord:
    """A ``sessions`` row (in the column order the store selects) as a ``SessionRecord``."""
    return SessionRecord(row[0], Mode(row[1]), row[2], row[3], row[4], row[5], from_us(row[6]),
                         None if row[7] is None else from_us(row[7]), bool(row[8]), row[9], row[10], row[11])
