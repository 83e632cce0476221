"""Aggregate reads for the statistics screen: SQL does the counting, Python gets a few rows.

The loaded bank (which questions exist, and their tags) is copied once into a TEMP table of
the connection, so "seen", "due today", "mastered" and "accuracy per tag" come from ONE join
with ``question_stats`` (which carries a copy of each card's due time and stability) in SQLite rather than loops over 10,000 rows in Python. Each question carries the id of its set
of tags ("tag set"); grouping by deck and tag set keeps the result to a few hundred rows that
Python spreads over tags. The copy is rebuilt only when the bank differs from the last one
(a dict comparison, about a millisecond for 10,000 questions).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from studyapp.store.localtime import from_us, to_us
from studyapp.store.records import Mode, SessionRecord

_TEMP_DDL = (
    "CREATE TEMP TABLE IF NOT EXISTS bank_questions (deck TEXT NOT NULL, tagset INTEGER NOT NULL, "
    "question_id TEXT NOT NULL, PRIMARY KEY (deck, tagset, question_id)) WITHOUT ROWID",
)
_BANK_TOTALS = """
SELECT b.deck, b.tagset, count(*), count(q.deck), coalesce(sum(q.attempts), 0), coalesce(sum(q.wrong), 0),
       count(q.due_us), coalesce(sum(q.due_us < :due), 0), coalesce(sum(q.stability >= :stab), 0)
FROM temp.bank_questions b
LEFT JOIN question_stats q ON q.deck = b.deck AND q.question_id = b.question_id
WHERE (:deck IS NULL OR b.deck = :deck)
GROUP BY b.deck, b.tagset"""
_UNLOADED = """
SELECT deck, count(*), sum(attempts), sum(wrong), count(due_us), coalesce(sum(due_us < :due), 0),
       coalesce(sum(stability >= :stab), 0)
FROM question_stats
WHERE deck NOT IN (SELECT deck FROM temp.bank_questions) AND (:deck IS NULL OR deck = :deck) GROUP BY deck"""


@dataclass(frozen=True, slots=True)
class BankTotals:
    """Counts for one deck and tag set (``tags == ()`` for questions without tags, and for a
    deck no longer loaded, whose ``questions`` is 0)."""

    deck: str
    tags: tuple[str, ...]
    questions: int
    seen: int  # answered at least once
    attempts: int
    wrong: int
    reviewed: int  # has a flashcard state
    due: int
    mastered: int


def session_from_row(row: tuple[Any, ...]) -> SessionRecord:
    """A ``sessions`` row (in the column order the store selects) as a ``SessionRecord``."""
    return SessionRecord(row[0], Mode(row[1]), row[2], row[3], row[4], row[5], from_us(row[6]),
                         None if row[7] is None else from_us(row[7]), bool(row[8]), row[9], row[10], row[11])


class Summaries:
    """Aggregates over the store's summary tables, restricted to the questions of a bank."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._source: dict[tuple[str, str], Sequence[str]] | None = None
        self._tagsets: list[tuple[str, ...]] = []

    def use_bank(self, questions: Mapping[tuple[str, str], Sequence[str]]) -> None:
        """Make ``questions`` (``(deck, question id) -> tags``) the bank the counts refer to."""
        if self._source is not None and questions == self._source:
            return  # same bank as last time: a C-level dict comparison
        source = dict(questions)
        tagset_ids: dict[tuple[str, ...], int] = {}
        rows = [(d, tagset_ids.setdefault(tuple(tags), len(tagset_ids)), q) for (d, q), tags in source.items()]
        conn = self._conn
        for ddl in _TEMP_DDL:
            conn.execute(ddl)
        # TEMP tables live in this connection only; filling them takes no lock on the database.
        conn.execute("BEGIN")
        try:
            conn.execute("DELETE FROM temp.bank_questions")
            conn.executemany("INSERT INTO temp.bank_questions (deck, tagset, question_id) VALUES (?, ?, ?)", rows)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._source = source
        # A question listing a tag twice counts once for it.
        self._tagsets = [tuple(dict.fromkeys(t)) for t in tagset_ids]

    def bank_totals(self, due_before: datetime, min_stability: float, deck: str | None = None) -> list[BankTotals]:
        """Counts per deck and tag set over the bank (``use_bank`` first), plus one row per deck
        that has history but is not loaded."""
        params = {"due": to_us(due_before), "stab": min_stability, "deck": deck}
        conn = self._conn
        out = [BankTotals(r[0], self._tagsets[r[1]], *r[2:]) for r in conn.execute(_BANK_TOTALS, params)]
        out += [BankTotals(r[0], (), 0, *r[1:]) for r in conn.execute(_UNLOADED, params)]
        return out

    def daily_counts(self, deck: str | None = None) -> list[tuple[int, int, int]]:
        """(local day ordinal, answers, right answers) per day with any answer, oldest first."""
        rows = self._conn.execute(
            "SELECT day, sum(answers), sum(right) FROM daily WHERE (? IS NULL OR deck = ?) "
            "GROUP BY day ORDER BY day", (deck, deck))
        return rows.fetchall()

    def due_histogram(self, bounds: Sequence[datetime], deck: str | None = None) -> list[int]:
        """Cards due before ``bounds[0]``, then in each ``[bounds[i-1], bounds[i])`` (index-only counts)."""
        extra: tuple[str, ...]
        if deck is None:
            sql, extra = "SELECT count(*) FROM cards WHERE due_us >= ? AND due_us < ?", ()
        else:
            sql, extra = "SELECT count(*) FROM cards WHERE deck = ? AND due_us >= ? AND due_us < ?", (deck,)
        counts = []
        low = -(2**63)
        for bound in bounds:
            high = to_us(bound)
            counts.append(int(self._conn.execute(sql, (*extra, low, high)).fetchone()[0]))
            low = high
        return counts

    def finished_quizzes(self, deck: str | None = None) -> list[SessionRecord]:
        """Finished, not abandoned quizzes with a score (of one deck, or all), oldest first."""
        rows = self._conn.execute(
            "SELECT id, mode, deck, filters, seed, total, started_us, finished_us, abandoned, answered, right, "
            "score FROM sessions WHERE mode = 'quiz' AND finished_us IS NOT NULL AND abandoned = 0 "
            "AND score IS NOT NULL AND (? IS NULL OR deck = ?) ORDER BY finished_us, id", (deck, deck))
        return [session_from_row(r) for r in rows]
