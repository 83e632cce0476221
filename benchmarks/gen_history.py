"""Generate a large study history in studyapp's own database schema.

``generate_history(db_path, ...)`` creates the database with the store's migrations up to
schema version 1 (the facts: sessions, attempts, cards), bulk-inserts the history with
``executemany`` (fast), then runs the store's remaining migrations, so every summary the
current schema keeps (per-day counts, per-question stats, ...) is built by studyapp's own
code exactly as it would be for a user upgrading with this history. The figures the
benchmarks time are then computed by the real statistics code on top.

Shape: answers spread over two years (a few days off, a current streak), most in one review
session per day, plus ``quizzes`` finished quiz sessions of 20 answers each; every question
of the bank has a card with an fsrs state; about one card in ten is due (due = last review +
stability), the rest spread up to years ahead.
"""

from __future__ import annotations

import json
import random
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

from studyapp.store.schema import migrate

US = 1_000_000
DAY_US = 86_400 * US


@dataclass(frozen=True)
class HistoryInfo:
    """What was generated."""

    path: Path
    answers: int
    cards: int
    quizzes: int
    now: datetime


def _fsrs_json(card_id: int, stability: float, difficulty: float, due_us: int, last_us: int) -> str:
    def iso(us: int) -> str:
        return (datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=us)).isoformat()

    return json.dumps({"card_id": card_id, "state": 2, "step": None, "stability": stability,
                       "difficulty": difficulty, "due": iso(due_us), "last_review": iso(last_us)})


def generate_history(
    db_path: Path,
    keys: Sequence[tuple[str, str]],
    *,
    answers: int = 1_000_000,
    cards: int | None = None,
    quizzes: int = 200,
    days: int = 730,
    now: datetime | None = None,
    tz: tzinfo = timezone.utc,
    seed: int = 7,
) -> HistoryInfo:
    """Write a history of ``answers`` attempts over ``days`` days on the questions ``keys``.

    ``cards`` (default: every key) of them get a review state. ``db_path`` must not exist.
    """
    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    now_us = int(now.timestamp() * US)
    start_us = now_us - days * DAY_US
    n_cards = len(keys) if cards is None else cards
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, tz, target=1)
    conn.execute("PRAGMA synchronous = OFF")  # generation only; the benchmarks reopen with FULL

    # Which days are studied: ~8% off at random, but the last 15 days all on (a current streak).
    studied = [d for d in range(days) if d >= days - 15 or rng.random() > 0.08]
    quiz_days = set(rng.sample(studied, min(quizzes, len(studied))))
    quiz_answers = 20 * len(quiz_days)
    per_day = (answers - quiz_answers) / len(studied)

    by_deck: dict[str, list[tuple[str, str]]] = {}
    for k in keys:
        by_deck.setdefault(k[0], []).append(k)
    conn.execute("BEGIN")
    sessions: list[tuple[object, ...]] = []
    counts_left = answers - quiz_answers
    session_id = 0

    def attempts() -> Iterator[tuple[object, ...]]:
        nonlocal session_id, counts_left
        for n_day, day in enumerate(studied):
            day_us = start_us + day * DAY_US
            todo = counts_left if n_day == len(studied) - 1 else min(counts_left, int(rng.gauss(per_day, per_day / 4)))
            todo = max(0, todo)
            counts_left -= todo
            for mode, n, deck in (("review", todo, None),
                                  ("quiz", 20 if day in quiz_days else 0, rng.choice(keys)[0])):
                if n == 0:
                    continue
                session_id += 1
                t0 = day_us + rng.randrange(6 * 3600, 18 * 3600) * US
                right_n = 0
                score_sum = 0.0
                t = t0
                for _ in range(n):
                    if deck is None:
                        k = keys[rng.randrange(n_cards)]
                    else:  # a quiz is on one deck
                        k = rng.choice(by_deck[deck])
                    r = rng.random()
                    outcome = "right" if r < 0.8 else ("wrong" if r < 0.95 else "almost")
                    score = 1.0 if outcome == "right" else 0.0
                    right_n += outcome == "right"
                    score_sum += score
                    elapsed = rng.randrange(1500, 25000)
                    t += elapsed * 1000 + rng.randrange(0, 3 * US)
                    yield (session_id, k[0], k[1], f"{zlib.crc32(k[1].encode()):016x}", mode,
                           json.dumps("answer"), outcome, score, elapsed, t,
                           (3 if score else 1) if mode == "review" else None)
                sessions.append((session_id, mode, deck, "{}", rng.randrange(1 << 30) if deck else None,
                                 n, t0, t + US, 0, n, right_n, score_sum, score_sum / n))

    conn.executemany(
        "INSERT INTO attempts (session_id, deck, question_id, content_hash, mode, response, outcome,"
        " score, elapsed_ms, answered_us, rating) VALUES (?,?,?,?,?,?,?,?,?,?,?)", attempts())
    conn.executemany(
        "INSERT INTO sessions (id, mode, deck, filters, seed, total, started_us, finished_us, abandoned,"
        " answered, right, score_sum, score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", sessions)

    def card_rows() -> Iterator[tuple[object, ...]]:
        for i, (deck, qid) in enumerate(keys[:n_cards]):
            stability = min(3650.0, rng.lognormvariate(2.5, 1.2))
            # due = last review + stability; about one card in ten is due (overdue by up to 10%)
            last_us = now_us - int(rng.uniform(0.0, 1.1) * stability * DAY_US)
            due_us = last_us + int(stability * DAY_US)
            first_us = start_us + rng.randrange(0, max(1, last_us - start_us))
            yield (deck, qid, _fsrs_json(i + 1, stability, rng.uniform(1, 10), due_us, last_us),
                   due_us, stability, 2, last_us, first_us)

    conn.executemany(
        "INSERT INTO cards (deck, question_id, fsrs_json, due_us, stability, state, last_review_us,"
        " first_review_us) VALUES (?,?,?,?,?,?,?,?)", card_rows())
    conn.execute("COMMIT")
    migrate(conn, tz)  # the store's own code builds the summaries of the current schema
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return HistoryInfo(Path(db_path), answers, n_cards, len(quiz_days), now)
