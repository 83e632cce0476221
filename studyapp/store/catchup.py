"""The summaries, brought up to date from the attempts just before they are read.

Recording an answer writes the facts only: the attempt, the card's new state and the
session's counters. The summaries that statistics read, answers per deck and local day
(``daily``), per local day (``daily_total``) and per question (``question_stats``, with a copy
of the card's due time and stability), are not touched then: ``catch_up`` adds every attempt
recorded since the last catch-up to them in one transaction, one ``GROUP BY`` per table, just
before a summary is read. Every page an answer's transaction writes is one more WAL frame
written and flushed before the answer is safe (README, benchmark 3); this takes three tables
off that path and sums a study session's answers in one go.

``summary_mark.upto`` is the id of the last attempt the summaries include, and the summaries
always equal what the attempts up to it say (they move together, in one transaction). Attempt
ids only grow (a new row gets the largest id plus one), so every attempt not yet summed has an
id above the mark. Undo sums everything first, takes its attempt off the summaries, and then
lowers the mark to the largest id left (``after_delete``), so an id freed at the top is never
handed out again below the mark.
"""

from __future__ import annotations

import logging
import sqlite3

log = logging.getLogger("studyapp")

_DAILY = """
INSERT INTO daily (deck, day, answers, right, elapsed_ms)
SELECT deck, day, count(*), sum(outcome = 'right'), sum(elapsed_ms) FROM attempts
WHERE id > :lo AND id <= :hi GROUP BY deck, day
ON CONFLICT (deck, day) DO UPDATE SET answers = answers + excluded.answers, right = right + excluded.right,
    elapsed_ms = elapsed_ms + excluded.elapsed_ms"""
_TOTAL = """
INSERT INTO daily_total (day, answers, right, elapsed_ms)
SELECT day, count(*), sum(outcome = 'right'), sum(elapsed_ms) FROM attempts
WHERE id > :lo AND id <= :hi GROUP BY day
ON CONFLICT (day) DO UPDATE SET answers = answers + excluded.answers, right = right + excluded.right,
    elapsed_ms = elapsed_ms + excluded.elapsed_ms"""
# The newest new attempt of each question gives the last outcome (ties in time: the larger id,
# as Store.attempts_for orders them); the card's current due time and stability are copied.
_QUESTIONS = """
INSERT INTO question_stats (deck, question_id, attempts, wrong, last_us, last_outcome, due_us, stability)
SELECT a.deck, a.question_id, count(*), sum(a.outcome != 'right'), max(a.answered_us),
       (SELECT x.outcome FROM attempts x WHERE x.deck = a.deck AND x.question_id = a.question_id
        AND x.id > :lo AND x.id <= :hi ORDER BY x.answered_us DESC, x.id DESC LIMIT 1),
       c.due_us, c.stability
FROM attempts a LEFT JOIN cards c ON c.deck = a.deck AND c.question_id = a.question_id
WHERE a.id > :lo AND a.id <= :hi GROUP BY a.deck, a.question_id
ON CONFLICT (deck, question_id) DO UPDATE SET
    attempts = attempts + excluded.attempts, wrong = wrong + excluded.wrong,
    last_outcome = CASE WHEN excluded.last_us >= last_us THEN excluded.last_outcome ELSE last_outcome END,
    last_us = max(last_us, excluded.last_us),
    due_us = excluded.due_us, stability = excluded.stability"""


def _behind(conn: sqlite3.Connection) -> tuple[int, int]:
    upto = int(conn.execute("SELECT upto FROM summary_mark").fetchone()[0])
    top = int(conn.execute("SELECT coalesce(max(id), 0) FROM attempts").fetchone()[0])
    return upto, top


def catch_up(conn: sqlite3.Connection) -> int:
    """Add the attempts recorded since the last catch-up to the summaries; returns how many
    attempt ids that covered (0: already up to date, nothing written).

    Runs in its own ``BEGIN IMMEDIATE`` transaction, or inside the caller's if one is open.
    Raises ``sqlite3.Error`` if it cannot write (nothing changes then).
    """
    upto, top = _behind(conn)  # two index reads: the usual case stops here
    if top <= upto:
        return 0
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        upto, top = _behind(conn)  # again under the write lock
        if top > upto:
            span = {"lo": upto, "hi": top}
            for sql in (_DAILY, _TOTAL, _QUESTIONS):
                conn.execute(sql, span)
            conn.execute("UPDATE summary_mark SET upto = ?", (top,))
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return max(0, top - upto)


def catch_up_for_reading(conn: sqlite3.Connection) -> bool:
    """``catch_up`` before a read; if the database cannot be written (a full disk, a lock held
    elsewhere), log it and let the read go on over the summaries as they are. False then."""
    try:
        catch_up(conn)
    except sqlite3.Error as exc:
        log.warning("statistics may miss the newest answers: could not update the summaries: %s", exc)
        return False
    return True


def after_delete(conn: sqlite3.Connection) -> None:
    """After attempts were deleted (inside the caller's transaction, summaries already caught
    up): lower the mark to the largest id left, so the next new attempt is above it."""
    conn.execute("UPDATE summary_mark SET upto = min(upto, (SELECT coalesce(max(id), 0) FROM attempts))")
