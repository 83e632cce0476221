"""Daily study limits, shared by the review session and the deck list (kept light: no fsrs)."""

from __future__ import annotations

DEFAULT_NEW_LIMIT = 20  # new flashcards introduced per local day, as Anki's default
