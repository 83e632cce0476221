"""The one write of every answer: the attempt and the card's new state, in ONE SQL statement.

An answer is the write a person waits for after every key press, so it is the store's most
frequent and most timed write (benchmarks 3 and 11). Written as separate statements it was six
calls into SQLite (``BEGIN IMMEDIATE``, a ``PRAGMA data_version`` check, the attempt, the card,
the session's counters, ``COMMIT``), each with its own Python-side cost. Here it is one
``INSERT`` into a TEMP view whose ``INSTEAD OF`` trigger does the work:

1. it inserts the attempt, with the id the caller gives (``NEXT_ID``, then counted up: SQLite
   forgets the rowid a trigger inserted once the statement ends);
2. it writes the card's new state (when the answer has one), and when asked to check, only
   over the state the answer was computed from (``expect``, ``expect_due``: that state's
   ``fsrs_json`` and due time, or NULL for a card that had none): the update's own ``WHERE`` is
   the check, and when it changed no
   row the trigger aborts with ``CHANGED_MEANWHILE`` (a quiz computes a question's next states
   when it shows it, as Anki does; whatever wrote that card since, nothing is stored and the
   caller computes again). One seek of the card, not one to check and one to write.

On a connection in autocommit mode one statement is one transaction, and a statement that
writes takes the write lock before it starts (as ``BEGIN IMMEDIATE`` does); if any step fails
the whole statement is rolled back, so the attempt and the card still move together or not at
all. Inside a caller's transaction (``Store.record_attempt`` when an answer also changes the
card's marks) it is one statement of that transaction.

The session's counters are not written here: like the other summaries they are summed from the
attempts when next read (``studyapp.store.catchup``), which keeps one more page (one more WAL
frame to write and flush) off every answer.

The view and trigger are TEMP objects, created on a connection the first time it records an
answer: nothing about them is stored in the database file, so its schema and version do not
change, and a connection that never records an answer never parses them.
"""

from __future__ import annotations

import sqlite3
from enum import Enum


class Unchecked(Enum):
    """``Store.record_attempt(expect=Unchecked.ANY)``: store the card's new state whatever it
    holds now (the caller read it on this answer's path)."""

    ANY = "any"

#: The text the trigger aborts with when the card changed since its state was read.
CHANGED_MEANWHILE = "studyapp: the card changed since it was read"

_VIEW = """CREATE TEMP VIEW IF NOT EXISTS answer_write AS SELECT
    NULL AS id, NULL AS session_id, NULL AS deck, NULL AS question_id, NULL AS content_hash, NULL AS mode,
    NULL AS response, NULL AS outcome, NULL AS score, NULL AS elapsed_ms, NULL AS answered_us,
    NULL AS rating, NULL AS day, NULL AS qtype, NULL AS proposed,
    NULL AS fsrs_json, NULL AS due_us, NULL AS stability, NULL AS state, NULL AS last_review_us,
    NULL AS check_card, NULL AS expect, NULL AS expect_due"""

_TRIGGER = f"""CREATE TEMP TRIGGER IF NOT EXISTS answer_write_insert INSTEAD OF INSERT ON answer_write
BEGIN
    INSERT INTO attempts (id, session_id, deck, question_id, content_hash, mode, response, outcome,
                          score, elapsed_ms, answered_us, rating, day, qtype, proposed)
    VALUES (NEW.id, NEW.session_id, NEW.deck, NEW.question_id, NEW.content_hash, NEW.mode, NEW.response, NEW.outcome,
            NEW.score, NEW.elapsed_ms, NEW.answered_us, NEW.rating, NEW.day, NEW.qtype, NEW.proposed);
    -- A card that had a state: replaced only while it still holds that state.
    UPDATE cards SET fsrs_json = NEW.fsrs_json, due_us = NEW.due_us, stability = NEW.stability, state = NEW.state,
        last_review_us = NEW.last_review_us
    WHERE NEW.check_card AND NEW.expect IS NOT NULL AND deck = NEW.deck AND question_id = NEW.question_id
      AND fsrs_json = NEW.expect AND due_us = NEW.expect_due;
    SELECT RAISE(ABORT, '{CHANGED_MEANWHILE}') WHERE NEW.check_card AND NEW.expect IS NOT NULL AND changes() = 0;
    -- A card that had none (checked: it still has none), or any card when not checked.
    INSERT INTO cards (deck, question_id, fsrs_json, due_us, stability, state, last_review_us, first_review_us)
    SELECT NEW.deck, NEW.question_id, NEW.fsrs_json, NEW.due_us, NEW.stability, NEW.state, NEW.last_review_us,
           NEW.answered_us
    WHERE NEW.fsrs_json IS NOT NULL AND NOT (NEW.check_card AND NEW.expect IS NOT NULL)
    ON CONFLICT (deck, question_id) DO UPDATE SET
        fsrs_json = excluded.fsrs_json, due_us = excluded.due_us, stability = excluded.stability,
        state = excluded.state, last_review_us = excluded.last_review_us
    WHERE NOT NEW.check_card;
    SELECT RAISE(ABORT, '{CHANGED_MEANWHILE}')
    WHERE NEW.check_card AND NEW.expect IS NULL AND NEW.fsrs_json IS NOT NULL AND changes() = 0;
END"""

#: Parameters: the attempt's 15 columns (``attempts`` order, ``id`` first), the card's 5
#: (``fsrs_json``, ``due_us``, ``stability``, ``state``, ``last_review_us``; all NULL: no card
#: state), then ``check_card`` (1: abort unless the card's stored ``fsrs_json`` and ``due_us``
#: are ``expect`` and ``expect_due``; 0: no check), ``expect`` and ``expect_due``.
INSERT = "INSERT INTO temp.answer_write VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

#: The id the next attempt takes (the caller keeps it and counts up: SQLite's last insert rowid
#: of an insert made by a trigger is gone once the statement ends).
NEXT_ID = "SELECT coalesce(max(id), 0) + 1 FROM attempts"


def install(conn: sqlite3.Connection) -> None:
    """Create the TEMP view and trigger on ``conn`` (idempotent; outside any transaction or in one)."""
    conn.execute(_VIEW)
    conn.execute(_TRIGGER)


def is_changed_meanwhile(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` is the trigger's abort for a card that changed since it was read."""
    return isinstance(exc, sqlite3.IntegrityError) and str(exc) == CHANGED_MEANWHILE


def is_id_taken(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` says the attempt id was taken meanwhile (another connection recorded an
    answer since the caller counted): read ``NEXT_ID`` again and retry."""
    return isinstance(exc, sqlite3.IntegrityError) and "attempts.id" in str(exc)
