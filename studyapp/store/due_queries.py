"""Reads of cards by due time over every deck, through the one due index ``cards_deck_due``.

The cards table has one due-time index, keyed (deck, due time), as Anki's ``ix_cards_sched``
is keyed (deck, queue, due): every index is more pages written on every answer, and schema
version 4 dropped the all-decks ``cards_due`` (docs/guide/benchmarks.md, benchmark 3). Questions over every deck
go deck by deck inside SQLite: the decks are found with one index seek each (a recursive
query, never a scan; the store keeps the list), then each deck's due range is read from the
index. One deck's queries
are unchanged; over every deck the cost grows with the number of decks, about a microsecond
of seeking per deck (1,000 decks: about 2 ms for the next cards).
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterator, Sequence
from itertools import islice
from operator import itemgetter
from typing import Any

#: Every deck with a card state, in order, one index seek per deck.
DECKS_CTE = ("WITH RECURSIVE d(deck) AS (SELECT min(deck) FROM cards UNION ALL "
             "SELECT (SELECT min(deck) FROM cards WHERE deck > d.deck) FROM d WHERE d.deck IS NOT NULL) ")
# Counting over decks named in an IN list: a seek and an index-only range per deck, a plan
# SQLite keeps whatever ANALYZE found (a join with the recursive deck query was planned, once
# ANALYZE had run, as a scan of the index per deck: 30 times slower).
_COUNT = "SELECT count(*) FROM cards INDEXED BY cards_deck_due WHERE deck IN ({marks}) AND due_us >= ? AND due_us < ?"
_CHUNK = 500  # decks per statement, well under SQLite's limit on bound values
# Each listed deck's earliest due time in a range: one index seek per deck, in one statement.
_HEADS = ("SELECT column1, (SELECT min(due_us) FROM cards INDEXED BY cards_deck_due WHERE deck = column1 "
          "AND due_us >= ?1 AND due_us < ?2) FROM (VALUES {rows})")


def card_decks(conn: sqlite3.Connection) -> list[str]:
    """The decks that have any card state, sorted."""
    return [r[0] for r in conn.execute(DECKS_CTE + "SELECT deck FROM d WHERE deck IS NOT NULL")]


def _chunks(decks: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(decks), _CHUNK):
        yield decks[i:i + _CHUNK]


def count_due_all(conn: sqlite3.Connection, decks: Sequence[str], low_us: int, high_us: int) -> int:
    """Cards of ``decks`` (every deck with cards: ``card_decks``) due in ``[low_us, high_us)``."""
    return sum(int(conn.execute(_COUNT.format(marks=",".join("?" * len(chunk))), (*chunk, low_us, high_us)).fetchone()[0])
               for chunk in _chunks(decks))


def histogram_all(conn: sqlite3.Connection, decks: Sequence[str], edges_us: Sequence[int]) -> list[int]:
    """Cards of ``decks`` due in each ``[edges_us[i], edges_us[i + 1])`` (index-only)."""
    return [count_due_all(conn, decks, lo, hi) for lo, hi in zip(edges_us, edges_us[1:])]


def _heads(conn: sqlite3.Connection, decks: Sequence[str], low_us: int, high_us: int) -> list[tuple[int, str]]:
    heads: list[tuple[int, str]] = []
    for chunk in _chunks(decks):
        rows = ",".join(f"(?{n})" for n in range(3, 3 + len(chunk)))
        heads += [(head, deck) for deck, head in conn.execute(_HEADS.format(rows=rows), (low_us, high_us, *chunk))
                  if head is not None]
    return heads


def due_rows_all(conn: sqlite3.Connection, decks: Sequence[str], columns: str, low_us: int, high_us: int,
                 limit: int) -> list[tuple[Any, ...]]:
    """Up to ``limit`` card rows (``columns``, the 4th being ``due_us``) of ``decks`` due in
    ``[low_us, high_us)``, earliest first (ties in no set order).

    When there are at least ``limit`` such decks, the ``limit`` decks whose first due card
    comes earliest already hold ``limit`` cards due no later than the last of those first
    cards (``cutoff``), so only decks whose first card is due by ``cutoff`` are read, and from
    each only its cards due by ``cutoff``."""
    heads = sorted(_heads(conn, decks, low_us, high_us))
    if not heads or limit <= 0:
        return []
    # With fewer decks than ``limit``, any deck may give several of the cards: no cutoff.
    cutoff = heads[limit - 1][0] if len(heads) >= limit else high_us - 1
    sql = f"SELECT {columns} FROM cards WHERE deck = ? AND due_us >= ? AND due_us <= ? ORDER BY due_us LIMIT ?"
    per_deck = [conn.execute(sql, (deck, low_us, cutoff, limit)).fetchall() for head, deck in heads if head <= cutoff]
    return list(islice(heapq.merge(*per_deck, key=itemgetter(3)), limit))
