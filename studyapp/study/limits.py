"""Daily study limits, shared by the review session and the deck list (kept light: no fsrs).

The day rule, the same for every daily figure: an answer belongs to the local day it was given
on, in the zone it was given in (stored with it); "today" is today's date where the user is now.
A card first reviewed on a later date than today (given further east, before travelling west)
counts as today's.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Protocol

DEFAULT_NEW_LIMIT = 20  # new flashcards introduced per local day, as Anki's default


class NewCardCounts(Protocol):
    """What the limit reads from the store."""

    def new_cards_from_day(self, day: date, tz: tzinfo, deck: str | None = None) -> int: ...


def local_today(now: datetime, tz: tzinfo) -> date:
    """Today's date in ``tz``."""
    return now.astimezone(tz).date()


def new_cards_today(store: NewCardCounts, now: datetime, tz: tzinfo, deck: str | None = None) -> int:
    """New cards already introduced today (of one deck, or all), by the day rule above."""
    return store.new_cards_from_day(local_today(now, tz), tz, deck)


def new_cards_left(limit: int, introduced: int) -> int:
    """New cards still allowed today under ``limit``."""
    return max(0, limit - introduced)
