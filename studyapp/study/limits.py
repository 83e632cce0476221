"""Daily study limits, shared by the review session and the deck list (kept light: no fsrs).

The day rule, the same for every daily figure: an answer belongs to the study day it was given
on, in the zone it was given in (stored with it); a study day starts at the store's
``day_start_hour`` (``studyapp.store.localtime``: 4 am unless the learner chose another hour).
"Today" is today's study day where the user is now. A card first reviewed on a later day than
today (given further east, before travelling west) counts as today's.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Protocol

from studyapp.store.localtime import study_date

DEFAULT_NEW_LIMIT = 20  # new flashcards introduced per study day, as Anki's default


class NewCardCounts(Protocol):
    """What the limit reads from the store."""

    @property
    def day_start_hour(self) -> int: ...

    def new_cards_from_day(self, day: date, tz: tzinfo, deck: str | None = None) -> int: ...


def local_today(now: datetime, tz: tzinfo, start_hour: int = 0) -> date:
    """Today's study day in ``tz`` when days start at ``start_hour``."""
    return study_date(now, tz, start_hour)


def new_cards_today(store: NewCardCounts, now: datetime, tz: tzinfo, deck: str | None = None) -> int:
    """New cards already introduced today (of one deck, or all), by the day rule above."""
    return store.new_cards_from_day(local_today(now, tz, store.day_start_hour), tz, deck)


def new_cards_left(limit: int, introduced: int) -> int:
    """New cards still allowed today under ``limit``."""
    return max(0, limit - introduced)
