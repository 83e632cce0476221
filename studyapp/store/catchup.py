"""The summaries, brought up to date from the attempts just before they are read.

Recording an answer writes the facts only: the attempt and the card's new state
(``studyapp.store.answer_write``). The summaries, answers per deck and local day (``daily``),
per local day (``daily_total``), per question (``question_stats``, with a copy of the card's due
time and stability), reviews remembered per day (``retention``) and each session's counters
(``sessions.answered``, ``right``, ``score_sum``), are not touched then: ``catch_up`` adds every
attempt recorded since the last catch-up to them in one transaction, one statement per table,
just before a summary is read (and before a session is finished or an answer undone). Every
page an answer's transaction writes is one more WAL frame written and flushed before the answer
is safe (about 10 µs each here; docs/guide/benchmarks.md, benchmarks 3 and 11); this keeps five
tables off that path and sums a study session's answers in one go.

``summary_mark.upto`` is the id of the last attempt the summaries include, and the summaries
always equal what the attempts up to it say (they move together, in one transaction). Attempt
ids only grow (a new row gets the largest id plus one), so every attempt not yet summed has an
id above the mark. Undo sums everything first, takes its attempt off the summaries, and then
lowers the mark to the largest id left (``after_delete``), so an id freed at the top is never
handed out again below the mark.

When the summaries cannot be written (a read-only file, a full disk, a lock held elsewhere), a
read still sees every answer: ``summaries_for_reading`` copies them into TEMP tables of the same
names (in memory; SQLite looks names up in ``temp`` first), sums the new attempts into the
copies, and drops the copies after the read. The figures are the same; only saving them waits,
and the reader is told (``SummaryState.UNSAVED``).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from studyapp.store import retention

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


# The sessions the new attempts belong to get their counts added (a session's attempts are few
# and recent: each sum reads the new attempts' id range only).
_SESSIONS = """
UPDATE sessions SET
    answered = answered + (SELECT count(*) FROM attempts a WHERE a.id > :lo AND a.id <= :hi AND a.session_id = sessions.id),
    right = right + (SELECT count(*) FROM attempts a WHERE a.id > :lo AND a.id <= :hi AND a.session_id = sessions.id
                     AND a.outcome = 'right'),
    score_sum = score_sum + (SELECT coalesce(sum(a.score), 0) FROM attempts a WHERE a.id > :lo AND a.id <= :hi
                             AND a.session_id = sessions.id)
WHERE id IN (SELECT session_id FROM attempts WHERE id > :lo AND id <= :hi)"""


def _behind(conn: sqlite3.Connection) -> tuple[int, int]:
    upto = int(conn.execute("SELECT upto FROM summary_mark").fetchone()[0])
    top = int(conn.execute("SELECT coalesce(max(id), 0) FROM attempts").fetchone()[0])
    return upto, top


def catch_up(conn: sqlite3.Connection, *, sessions: bool = True) -> int:
    """Add the attempts recorded since the last catch-up to the summaries; returns how many
    attempt ids that covered (0: already up to date, nothing written).

    ``sessions=False`` leaves the session counters alone: the upgrade to schema version 8 sums
    the attempts recorded before it, whose sessions were counted as they were recorded.

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
            if retention.exists(conn):  # a file not yet at the schema that added it: nothing to keep
                conn.execute(retention.CATCH_UP, span)
            if sessions:
                conn.execute(_SESSIONS, span)
            conn.execute("UPDATE summary_mark SET upto = ?", (top,))
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return max(0, top - upto)


class SummaryState(StrEnum):
    """What a read of the summaries stood on."""

    SAVED = "saved"  # brought up to date and saved
    UNSAVED = "unsaved"  # computed from the answers for this read: they could not be saved
    STALE = "stale"  # could neither be saved nor computed: the newest answers may be missing


_SUMMARY_TABLES = ("daily", "daily_total", "question_stats", "retention", "sessions", "summary_mark")


def _shadowed(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'summary_mark'").fetchone() is not None


def _shadow(conn: sqlite3.Connection) -> None:
    """Copy the summary tables into TEMP tables of the same names and catch those up, in one
    read transaction (one snapshot of the attempts); nothing of the database file is written."""
    conn.execute("BEGIN")
    try:
        for table in _SUMMARY_TABLES:
            row = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).fetchone()
            if row is None:
                continue  # a summary this file's schema does not have yet
            conn.execute("CREATE TEMP TABLE" + str(row[0]).removeprefix("CREATE TABLE"))
            conn.execute(f"INSERT INTO temp.{table} SELECT * FROM main.{table}")  # names from the tuple above
        catch_up(conn)  # unqualified names: the TEMP copies
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        _unshadow(conn)
        raise


def _unshadow(conn: sqlite3.Connection) -> None:
    for table in _SUMMARY_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


@contextmanager
def summaries_for_reading(conn: sqlite3.Connection) -> Iterator[SummaryState]:
    """Make the summaries include every answer for the reads inside the ``with`` block.

    ``catch_up`` and SAVED; if the database cannot be written, TEMP copies caught up for the
    block (UNSAVED); if even that fails, the summaries as they are (STALE). Nested blocks use
    the outer block's copies. Only reads may run inside the block.
    """
    if _shadowed(conn):
        yield SummaryState.UNSAVED
        return
    try:
        catch_up(conn)
    except sqlite3.Error as exc:
        log.warning("the statistics could not be saved (%s): computing them from the answers", exc)
    else:
        yield SummaryState.SAVED
        return
    try:
        _shadow(conn)
    except sqlite3.Error as exc:
        log.warning("statistics may miss the newest answers: could not update the summaries: %s", exc)
        yield SummaryState.STALE
        return
    try:
        yield SummaryState.UNSAVED
    finally:
        _unshadow(conn)


def after_delete(conn: sqlite3.Connection) -> None:
    """After attempts were deleted (inside the caller's transaction, summaries already caught
    up): lower the mark to the largest id left, so the next new attempt is above it."""
    conn.execute("UPDATE summary_mark SET upto = min(upto, (SELECT coalesce(max(id), 0) FROM attempts))")
