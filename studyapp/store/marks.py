"""What the learner controls, as stored: study settings, card marks and "study more today".

* ``study_settings``: one JSON body per deck (``''``: the default for every deck); the study
  code (``studyapp.study.study_settings``) gives it its shape and checks it. The store reads
  one key of the default itself: the hour a study day starts (``day_start_hour``), because the
  store keys every answer by its study day.
* ``card_marks``: suspended, buried until a study day is over, a flag (0 none, 1-4), tagged a
  leech. A card without a row has none of these.
* ``study_more``: extra new cards and reviews allowed on one study day for one deck.

Every write is one transaction (``Store._write``); these helpers run inside it.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

DEFAULT_DAY_START_HOUR = 4  # as Anki: answers given before 4 am count for the day before
DEFAULT_SETTINGS_KEY = ""  # the settings row every deck without its own follows


class CardMark(NamedTuple):
    """What the learner set on one card."""

    deck: str
    question_id: str
    suspended: bool = False
    buried_day: int | None = None  # buried until the end of this study day (a date ordinal)
    flag: int = 0  # 0: none, 1-4: red, orange, green, blue (as Anki)
    leech: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.deck, self.question_id)

    def hidden_on(self, day: int) -> bool:
        """Whether the card is kept out of every queue on study ``day``."""
        return self.suspended or (self.buried_day is not None and self.buried_day >= day)

    @property
    def is_blank(self) -> bool:
        return not (self.suspended or self.buried_day is not None or self.flag or self.leech)


_MARK_COLUMNS = "deck, question_id, suspended, buried_day, flag, leech"


def mark_from_row(row: tuple[object, ...]) -> CardMark:
    deck, qid, suspended, buried, flag, leech = row
    return CardMark(str(deck), str(qid), bool(suspended), None if buried is None else int(str(buried)),
                    int(str(flag)), bool(leech))


def read_marks(conn: sqlite3.Connection, deck: str | None) -> dict[tuple[str, str], CardMark]:
    """Every card mark (of one deck, or all): a small table, read whole."""
    rows = conn.execute(f"SELECT {_MARK_COLUMNS} FROM card_marks WHERE (? IS NULL OR deck = ?)", (deck, deck))
    return {(m.deck, m.question_id): m for m in map(mark_from_row, rows)}


def write_mark(conn: sqlite3.Connection, mark: CardMark) -> None:
    """Store ``mark`` (a blank one removes the row)."""
    if mark.is_blank:
        conn.execute("DELETE FROM card_marks WHERE deck = ? AND question_id = ?", mark.key)
        return
    conn.execute(f"INSERT OR REPLACE INTO card_marks ({_MARK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                 (mark.deck, mark.question_id, int(mark.suspended), mark.buried_day, mark.flag, int(mark.leech)))


def day_start_hour_of(body: str | None) -> int:
    """The hour a study day starts, from the default settings' JSON (4 when unset or unreadable)."""
    if body is None:
        return DEFAULT_DAY_START_HOUR
    import json  # here: a first start has no settings, and json is not loaded before the first paint

    try:
        hour = json.loads(body).get("day_start_hour", DEFAULT_DAY_START_HOUR)
    except (ValueError, AttributeError):
        return DEFAULT_DAY_START_HOUR
    return hour if isinstance(hour, int) and 0 <= hour <= 23 else DEFAULT_DAY_START_HOUR
