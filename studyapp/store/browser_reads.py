"""What the Browse window reads about questions: due time, fsrs state, answers and suspension.

One statement gives, per question, the card's ``due_us`` and ``state`` (None: a new card), its
answer summary (``attempts``, ``wrong``, ``last_outcome``: None when never answered) and
whether it is suspended, from ``cards``, ``question_stats`` and ``card_marks`` joined on their
primary keys. ``statuses_of`` reads the few questions a table shows (a batch of keys, in their
order); ``all_statuses`` every question the store knows, for sorting and ``is:`` searches.
Both bring the per-question summaries up to date first (``catchup.summaries_for_reading``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from studyapp.store import catchup

#: (due_us, state, attempts, wrong, last_outcome, suspended); None where the store has nothing.
Status = tuple[int | None, int | None, int | None, int | None, str | None, int | None]
#: A status with its (deck, question id) in front.
KeyedStatus = tuple[str, str, int | None, int | None, int | None, int | None, str | None, int | None]

#: Keys per statement (three parameters each, far under SQLite's limit).
BATCH = 500

_OF_KEYS = """
WITH k(n, deck, question_id) AS (VALUES {values})
SELECT k.n, c.due_us, c.state, s.attempts, s.wrong, s.last_outcome, m.suspended FROM k
LEFT JOIN cards c ON c.deck = k.deck AND c.question_id = k.question_id
LEFT JOIN question_stats s ON s.deck = k.deck AND s.question_id = k.question_id
LEFT JOIN card_marks m ON m.deck = k.deck AND m.question_id = k.question_id"""

# Every key of any of the three tables once: the cards, then answered questions without a card,
# then suspended questions with neither.
_ALL = """
SELECT c.deck, c.question_id, c.due_us, c.state, s.attempts, s.wrong, s.last_outcome, m.suspended FROM cards c
LEFT JOIN question_stats s ON s.deck = c.deck AND s.question_id = c.question_id
LEFT JOIN card_marks m ON m.deck = c.deck AND m.question_id = c.question_id
UNION ALL
SELECT s.deck, s.question_id, NULL, NULL, s.attempts, s.wrong, s.last_outcome, m.suspended FROM question_stats s
LEFT JOIN card_marks m ON m.deck = s.deck AND m.question_id = s.question_id
WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.deck = s.deck AND c.question_id = s.question_id)
UNION ALL
SELECT m.deck, m.question_id, NULL, NULL, NULL, NULL, NULL, m.suspended FROM card_marks m
WHERE m.suspended
AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.deck = m.deck AND c.question_id = m.question_id)
AND NOT EXISTS (SELECT 1 FROM question_stats s WHERE s.deck = m.deck AND s.question_id = m.question_id)"""


def statuses_of(conn: sqlite3.Connection, keys: Sequence[tuple[str, str]]) -> list[Status]:
    """The status of each of ``keys`` (deck id, question id), in the same order."""
    out: list[Status] = [(None, None, None, None, None, None)] * len(keys)
    with catchup.summaries_for_reading(conn):
        for start in range(0, len(keys), BATCH):
            part = keys[start:start + BATCH]
            sql = _OF_KEYS.format(values=", ".join(["(?, ?, ?)"] * len(part)))
            args: list[object] = []
            for n, (deck, question_id) in enumerate(part, start):
                args += (n, deck, question_id)
            for n, *status in conn.execute(sql, args):
                out[n] = tuple(status)
    return out


def all_statuses(conn: sqlite3.Connection) -> list[KeyedStatus]:
    """(deck, question id, *status) of every question that has a card, an answer or a mark."""
    with catchup.summaries_for_reading(conn):
        return conn.execute(_ALL).fetchall()
