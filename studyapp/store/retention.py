"""The true-retention summary: reviews remembered and forgotten per deck, question type, local day
and maturity, kept like the other summaries (``studyapp.store.catchup``).

A review, here, is a rated answer given on a later local day than the card's previous rated
answer (answers on the same day are learning steps, as Anki leaves out cards with an interval
under a day). Its interval is the days since that previous answer; the card is mature when it is
21 days or more (young otherwise). It is remembered unless rated Again (1), as Anki's "True
Retention" counts a pass: an almost-right answer (Hard) was remembered.

``retention`` (deck, qtype, day, mature) → passed, failed: ``qtype`` is the attempt's question type
(``''`` for a self-rated card or an answer from before the type was recorded).
"""

from __future__ import annotations

import sqlite3

MATURE_DAYS = 21

DDL = """
CREATE TABLE IF NOT EXISTS retention (
    deck   TEXT    NOT NULL,
    qtype  TEXT    NOT NULL,
    day    INTEGER NOT NULL,
    mature INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    PRIMARY KEY (deck, qtype, day, mature)
) WITHOUT ROWID
"""

# Every rated attempt up to the summaries' mark, with the local day of the card's previous rated
# answer (the window runs once, when the table is first built).
_FILL = f"""
INSERT INTO retention (deck, qtype, day, mature, passed, failed)
SELECT deck, qtype, day, day - prev >= {MATURE_DAYS}, sum(passed), count(*) - sum(passed) FROM (
    SELECT id, deck, coalesce(qtype, '') AS qtype, day, rating > 1 AS passed,
           lag(day) OVER (PARTITION BY deck, question_id ORDER BY answered_us, id) AS prev
    FROM attempts WHERE rating IS NOT NULL)
WHERE prev IS NOT NULL AND day > prev AND id <= (SELECT upto FROM summary_mark)
GROUP BY deck, qtype, day, day - prev >= {MATURE_DAYS}"""

# The previous rated answer of the same card, through the (deck, question, time) index.
_PREVIOUS_DAY = """
(SELECT p.day FROM attempts p WHERE p.deck = a.deck AND p.question_id = a.question_id
 AND p.rating IS NOT NULL AND (p.answered_us < a.answered_us OR (p.answered_us = a.answered_us AND p.id < a.id))
 ORDER BY p.answered_us DESC, p.id DESC LIMIT 1)"""

#: Adds the attempts with ids in (:lo, :hi] (``catchup.catch_up`` runs it with the other summaries).
CATCH_UP = f"""
INSERT INTO retention (deck, qtype, day, mature, passed, failed)
SELECT deck, qtype, day, day - prev >= {MATURE_DAYS}, sum(passed), count(*) - sum(passed) FROM (
    SELECT a.deck, coalesce(a.qtype, '') AS qtype, a.day, a.rating > 1 AS passed, {_PREVIOUS_DAY} AS prev
    FROM attempts a WHERE a.id > :lo AND a.id <= :hi AND a.rating IS NOT NULL)
WHERE prev IS NOT NULL AND day > prev
GROUP BY deck, qtype, day, day - prev >= {MATURE_DAYS}
ON CONFLICT (deck, qtype, day, mature) DO UPDATE SET
    passed = passed + excluded.passed, failed = failed + excluded.failed"""


def exists(conn: sqlite3.Connection) -> bool:
    """Whether the file has the summary (schema version 7 on)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'retention'").fetchone() is not None


def create(conn: sqlite3.Connection) -> None:
    """Create the table and fill it from the attempts the summaries include (a schema step)."""
    conn.execute(DDL)
    if conn.execute("SELECT 1 FROM retention LIMIT 1").fetchone() is None:
        conn.execute(_FILL)


def take_off(conn: sqlite3.Connection, attempt_id: int) -> None:
    """Before ``attempt_id`` is deleted (undo; the summaries already include it): take it off.

    Undo takes back a card's latest answer, so no later answer of the card counted its interval
    from this one."""
    row = conn.execute(
        f"SELECT a.deck, coalesce(a.qtype, ''), a.day, a.rating > 1, {_PREVIOUS_DAY} FROM attempts a "
        "WHERE a.id = ? AND a.rating IS NOT NULL", (attempt_id,)).fetchone()
    if row is None or row[4] is None or row[2] <= row[4]:
        return
    deck, qtype, day, passed, prev = row
    key = (deck, qtype, day, int(day - prev >= MATURE_DAYS))
    conn.execute("UPDATE retention SET passed = passed - ?, failed = failed - ? "
                 "WHERE deck = ? AND qtype = ? AND day = ? AND mature = ?", (int(passed), 1 - int(passed), *key))
    conn.execute("DELETE FROM retention WHERE deck = ? AND qtype = ? AND day = ? AND mature = ? "
                 "AND passed <= 0 AND failed <= 0", key)


def rows(conn: sqlite3.Connection, today: int, deck: str | None = None) -> list[tuple[str, str, bool, tuple[int, ...]]]:
    """(deck, qtype, mature, counts) of one deck or all, where ``counts`` are (passed, failed) for
    today, yesterday, the last 7, 30 and 365 days and all time, in that order, summed in SQL
    (days after ``today``, a local day ordinal, count as today, as every daily figure)."""
    bounds = (("day >= ?", today), ("day = ?", today - 1), ("day >= ?", today - 6), ("day >= ?", today - 29),
              ("day >= ?", today - 364))
    sums = ", ".join(f"sum(CASE WHEN {cond} THEN passed ELSE 0 END), sum(CASE WHEN {cond} THEN failed ELSE 0 END)"
                     for cond, _ in bounds)
    args: list[object] = [value for _, value in bounds for _ in (0, 1)]
    found = conn.execute(f"SELECT deck, qtype, mature, {sums}, sum(passed), sum(failed) FROM retention "
                         "WHERE (? IS NULL OR deck = ?) GROUP BY deck, qtype, mature", (*args, deck, deck))
    return [(d, t, bool(m), tuple(int(c) for c in counts)) for d, t, m, *counts in found]
