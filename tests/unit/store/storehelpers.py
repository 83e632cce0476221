"""Helpers shared by the store tests: fixed times, attempts and card states."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from studyapp.grading import Outcome
from studyapp.store import Attempt, CardState, Mode

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
MINSK = ZoneInfo("Europe/Minsk")


def make_attempt(qid: str = "q1", *, deck: str = "deck", outcome: Outcome = Outcome.RIGHT,
                 at: datetime = T0, session_id: int | None = None, mode: Mode = Mode.QUIZ,
                 response: str = '"x"', content_hash: str = "h1", elapsed_ms: int = 1000) -> Attempt:
    """An attempt with sensible defaults."""
    score = 1.0 if outcome is Outcome.RIGHT else 0.0
    return Attempt(deck, qid, content_hash, mode, response, outcome, score, elapsed_ms, at, session_id,
                   3 if mode is Mode.REVIEW else None)


def make_card(qid: str = "q1", *, deck: str = "deck", due: datetime = T0 + timedelta(days=3),
              stability: float | None = 3.5, state: int = 2, last: datetime | None = T0) -> CardState:
    """A card state with sensible defaults; the JSON is opaque to the store."""
    return CardState(deck, qid, f'{{"q": "{qid}", "due": "{due.isoformat()}"}}', due, stability, state, last)




def days_from_midnight(store: object) -> None:
    """Make study days start at midnight (the default is 4 am), for tests about calendar days."""
    from studyapp.store import Store

    assert isinstance(store, Store)
    store.put_study_settings_body("", '{"day_start_hour": 0}')
