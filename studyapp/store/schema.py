"""The database schema and its forward migrations (``PRAGMA user_version``).

Version 1 keeps the facts: sessions, every attempt, each card's fsrs state.

Version 2 added summaries maintained on every write, in the same transaction as the answer,
so statistics never scan the attempts table: answers per local day and deck (``daily``),
per question totals (``question_stats``), and ``attempts.day``, the day key of each attempt
(so undo takes it off the right day).

Version 3 rebuilds those summaries in their current shape (from the attempts, which stay the
source of truth; it also repairs any version-2 file whose summaries drifted):

* ``daily`` (keyed deck, day) and ``daily_total`` (keyed day): answers and right answers per
  deck and local day, and per local day over all decks, so an all-decks heatmap reads 730
  rows rather than 730 per deck. The day key is the local date of the answer in the time
  zone the store was opened with, fixed at write time: an answer given on Tuesday evening
  at home stays a Tuesday answer after travelling.
* ``question_stats``: per question attempts, wrong answers, last answer and outcome, and a
  copy of the card's due time and stability, so statistics read one small row per question.
* ``cards_deck_due``: a narrow index so one deck's due and reviewed cards are counted without
  reading the (wide, JSON-carrying) card rows.

Version 4 takes the summaries off the answer path: recording an answer writes the attempt, the
card and the session; the summaries are summed from the attempts recorded since the last time,
just before they are read (``studyapp.store.catchup``). ``summary_mark.upto`` is the last
attempt they include (every attempt, when a version-3 file is upgraded). It also drops
``cards_due``: ``cards_deck_due`` serves every deck's due queries, deck by deck
(``studyapp.store.due_queries``), so an answer moves one due-index entry, not two.

Version 5 gives every answer its effect on the question's memory (``studyapp.study.memory``):
quiz answers used to leave the card untouched. Every answer without a rating gets the one its
grade gives (right Good, almost Hard, wrong Again), ``attempts.qtype`` is added (the type of a
question answered in its own form, for the person's pace: unknown for older answers, which
therefore never count as quick), ``attempts.proposed`` (the rating a graded answer proposed:
a different ``rating`` means the person overrode it; a quiz answer's own rating for older ones),
and the state of every card with rated answers is replayed from them in time order. A card
stored without any answer (none is, outside tests and imports) keeps its state.

Version 6 lets the learner control the schedule (``studyapp.study.study_settings``):
``study_settings`` holds the study settings as JSON per deck (``deck = ''``: the default for
every deck; it also holds the hour a study day starts), ``card_marks`` what the learner set on a
card (suspended, buried until the end of a study day, a flag 1-4, tagged a leech), and
``study_more`` the extra new cards and reviews allowed for one study day ("Study more today").
``cards_learning_due`` lists the cards still in (re)learning by due time (a partial index: an
answer to a review card never writes it), so once the day's reviews are used up the learning
cards are found without reading the review cards due.
Existing answers keep the day they were recorded with (``attempts.day``).

Version 7 keeps the FSRS parameters fitted to the person (``studyapp.study.optimise``):
``fsrs_parameters`` holds, per scope (a deck id, or ``''`` for every deck without its own),
the parameters in use and the ones they replaced (JSON lists of floats; NULL: FSRS's
defaults), so the previous ones are one click away. It also adds the ``retention`` summary
(``studyapp.store.retention``: reviews remembered and forgotten per deck, question type, day and
maturity), filled from the answers the other summaries include. The step only creates tables
(``IF NOT EXISTS``) and fills the new one, so it can run at any position after version 5.

Version 8 sums each session's counters (``answered``, ``right``, ``score_sum``) with the other
summaries, from the attempts, when next read (``studyapp.store.catchup``): an answer writes only
the attempt and the card (``studyapp.store.answer_write``), one page fewer to flush. The step
changes no table; it brings the summaries up to date by the old rule (the sessions of the
attempts not yet summed were counted when those were recorded), so from then on every attempt
above ``summary_mark.upto`` is counted in its session once, when caught up. A file at version 8
is refused by an older studyapp, which would count sessions twice.

A new database is created at the latest version directly (``studyapp.store.schema_latest``),
with the same schema the steps below give.

Each migration runs in one ``BEGIN IMMEDIATE`` transaction that also sets ``user_version``;
the caller takes a backup copy first. ``V1_DDL``/``V2_DDL`` stay as they were released, so
tests can build a file of every earlier version.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from datetime import tzinfo

from studyapp.store.localtime import from_us, local_day, to_us
from studyapp.store.schema_latest import LATEST_VERSION, create_latest

APPLICATION_ID = 0x53747564  # "Stud": marks a file as a studyapp database
SCHEMA_VERSION = 8

V1_DDL = """
CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    mode        TEXT    NOT NULL,
    deck        TEXT,
    filters     TEXT    NOT NULL DEFAULT '{}',
    seed        INTEGER,
    total       INTEGER NOT NULL,
    started_us  INTEGER NOT NULL,
    finished_us INTEGER,
    abandoned   INTEGER NOT NULL DEFAULT 0,
    answered    INTEGER NOT NULL DEFAULT 0,
    right       INTEGER NOT NULL DEFAULT 0,
    score_sum   REAL    NOT NULL DEFAULT 0,
    score       REAL
);
CREATE INDEX sessions_finished ON sessions (mode, finished_us) WHERE finished_us IS NOT NULL;
CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER REFERENCES sessions (id),
    deck         TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    mode         TEXT    NOT NULL,
    response     TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    score        REAL    NOT NULL,
    elapsed_ms   INTEGER NOT NULL,
    answered_us  INTEGER NOT NULL,
    rating       INTEGER
);
CREATE INDEX attempts_question ON attempts (deck, question_id, answered_us);
CREATE TABLE cards (
    deck           TEXT    NOT NULL,
    question_id    TEXT    NOT NULL,
    fsrs_json      TEXT    NOT NULL,
    due_us         INTEGER NOT NULL,
    stability      REAL,
    state          INTEGER NOT NULL,
    last_review_us INTEGER,
    first_review_us INTEGER NOT NULL,
    PRIMARY KEY (deck, question_id)
) WITHOUT ROWID;
CREATE INDEX cards_due ON cards (due_us);
CREATE INDEX cards_first_review ON cards (first_review_us);
"""

V2_DDL = """
ALTER TABLE attempts ADD COLUMN day INTEGER NOT NULL DEFAULT 0;
CREATE TABLE daily (
    day        INTEGER NOT NULL,
    deck       TEXT    NOT NULL,
    answers    INTEGER NOT NULL,
    right      INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL,
    PRIMARY KEY (day, deck)
) WITHOUT ROWID;
CREATE TABLE question_stats (
    deck         TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    wrong        INTEGER NOT NULL,
    last_us      INTEGER NOT NULL,
    last_outcome TEXT    NOT NULL,
    PRIMARY KEY (deck, question_id)
) WITHOUT ROWID;
"""

_V2_FILL = """
UPDATE attempts SET day = studyapp_local_day(answered_us);
INSERT INTO daily (day, deck, answers, right, elapsed_ms)
    SELECT day, deck, count(*), sum(outcome = 'right'), sum(elapsed_ms) FROM attempts GROUP BY day, deck;
INSERT INTO question_stats (deck, question_id, attempts, wrong, last_us, last_outcome)
    SELECT deck, question_id, count(*), sum(outcome != 'right'), max(answered_us), ''
    FROM attempts GROUP BY deck, question_id;
UPDATE question_stats SET last_outcome = (
    SELECT a.outcome FROM attempts a
    WHERE a.deck = question_stats.deck AND a.question_id = question_stats.question_id
    ORDER BY a.answered_us DESC, a.id DESC LIMIT 1);
"""

V3_DDL = """
DROP TABLE IF EXISTS daily;
DROP TABLE IF EXISTS daily_total;
DROP TABLE IF EXISTS question_stats;
DROP INDEX IF EXISTS cards_deck_due;
CREATE TABLE daily (
    deck       TEXT    NOT NULL,
    day        INTEGER NOT NULL,
    answers    INTEGER NOT NULL,
    right      INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL,
    PRIMARY KEY (deck, day)
) WITHOUT ROWID;
CREATE TABLE daily_total (
    day        INTEGER PRIMARY KEY,
    answers    INTEGER NOT NULL,
    right      INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL
);
CREATE TABLE question_stats (
    deck         TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    wrong        INTEGER NOT NULL,
    last_us      INTEGER NOT NULL,
    last_outcome TEXT    NOT NULL,
    due_us       INTEGER,
    stability    REAL,
    PRIMARY KEY (deck, question_id)
) WITHOUT ROWID;
CREATE INDEX cards_deck_due ON cards (deck, due_us);
"""

_V3_FILL = """
INSERT INTO daily (deck, day, answers, right, elapsed_ms)
    SELECT deck, day, count(*), sum(outcome = 'right'), sum(elapsed_ms) FROM attempts GROUP BY deck, day;
INSERT INTO daily_total (day, answers, right, elapsed_ms)
    SELECT day, sum(answers), sum(right), sum(elapsed_ms) FROM daily GROUP BY day;
INSERT INTO question_stats (deck, question_id, attempts, wrong, last_us, last_outcome)
    SELECT deck, question_id, count(*), sum(outcome != 'right'), max(answered_us), ''
    FROM attempts GROUP BY deck, question_id;
UPDATE question_stats SET last_outcome = (
    SELECT a.outcome FROM attempts a
    WHERE a.deck = question_stats.deck AND a.question_id = question_stats.question_id
    ORDER BY a.answered_us DESC, a.id DESC LIMIT 1);
UPDATE question_stats SET
    due_us = (SELECT c.due_us FROM cards c
              WHERE c.deck = question_stats.deck AND c.question_id = question_stats.question_id),
    stability = (SELECT c.stability FROM cards c
                 WHERE c.deck = question_stats.deck AND c.question_id = question_stats.question_id);
"""

V4_DDL = """
DROP INDEX IF EXISTS cards_due;
CREATE TABLE summary_mark (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL);
INSERT INTO summary_mark (id, upto) SELECT 1, coalesce(max(id), 0) FROM attempts;
"""

V5_DDL = """
ALTER TABLE attempts ADD COLUMN qtype TEXT;
ALTER TABLE attempts ADD COLUMN proposed INTEGER;
UPDATE attempts SET rating = CASE outcome WHEN 'right' THEN 3 WHEN 'almost' THEN 2 ELSE 1 END WHERE rating IS NULL;
UPDATE attempts SET proposed = rating WHERE mode = 'quiz';
"""

_V5_UPSERT = """
INSERT INTO cards (deck, question_id, fsrs_json, due_us, stability, state, last_review_us, first_review_us)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (deck, question_id) DO UPDATE SET
    fsrs_json = excluded.fsrs_json, due_us = excluded.due_us, stability = excluded.stability,
    state = excluded.state, last_review_us = excluded.last_review_us, first_review_us = excluded.first_review_us"""

_V5_STATS = """
UPDATE question_stats SET
    due_us = (SELECT c.due_us FROM cards c
              WHERE c.deck = question_stats.deck AND c.question_id = question_stats.question_id),
    stability = (SELECT c.stability FROM cards c
                 WHERE c.deck = question_stats.deck AND c.question_id = question_stats.question_id)"""


V6_DDL = """
CREATE TABLE study_settings (
    deck TEXT PRIMARY KEY,
    body TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE card_marks (
    deck        TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    suspended   INTEGER NOT NULL DEFAULT 0,
    buried_day  INTEGER,
    flag        INTEGER NOT NULL DEFAULT 0,
    leech       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deck, question_id)
) WITHOUT ROWID;
CREATE TABLE study_more (
    deck    TEXT    NOT NULL,
    day     INTEGER NOT NULL,
    new     INTEGER NOT NULL DEFAULT 0,
    reviews INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deck, day)
) WITHOUT ROWID;
CREATE INDEX cards_learning_due ON cards (due_us) WHERE state != 2;
"""

V7_DDL = """
CREATE TABLE IF NOT EXISTS fsrs_parameters (
    scope      TEXT    PRIMARY KEY,
    parameters TEXT,
    previous   TEXT,
    saved_us   INTEGER NOT NULL
) WITHOUT ROWID;
"""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; run statement by statement inside our transaction.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _to_v1(conn: sqlite3.Connection, tz: tzinfo) -> None:
    _run_script(conn, V1_DDL)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")


def _to_v2(conn: sqlite3.Connection, tz: tzinfo) -> None:
    conn.create_function(
        "studyapp_local_day", 1, lambda us: local_day(from_us(us), tz), deterministic=True
    )
    _run_script(conn, V2_DDL)
    _run_script(conn, _V2_FILL)


def _to_v3(conn: sqlite3.Connection, tz: tzinfo) -> None:
    _run_script(conn, V3_DDL)
    _run_script(conn, _V3_FILL)


def _to_v4(conn: sqlite3.Connection, tz: tzinfo) -> None:
    _run_script(conn, V4_DDL)


def _to_v5(conn: sqlite3.Connection, tz: tzinfo) -> None:
    _run_script(conn, V5_DDL)
    if conn.execute("SELECT 1 FROM attempts LIMIT 1").fetchone() is None:
        return  # a new database: nothing to replay (and fsrs is not loaded at start-up)
    # The memory model lives with the scheduling code; the store uses it only here, to replay.
    from studyapp.study.memory import replay

    rows = conn.execute("SELECT deck, question_id, rating, answered_us FROM attempts "
                        "ORDER BY deck, question_id, answered_us, id")
    cards = []
    for (deck, qid), group in itertools.groupby(rows, key=lambda r: (r[0], r[1])):
        answers = [(rating, from_us(at)) for _, _, rating, at in group]
        state = replay(deck, qid, answers)
        if state is not None:
            cards.append((deck, qid, state.fsrs_json, to_us(state.due), state.stability, state.state,
                          None if state.last_review is None else to_us(state.last_review), to_us(answers[0][1])))
    conn.executemany(_V5_UPSERT, cards)
    conn.execute(_V5_STATS)


def _to_v6(conn: sqlite3.Connection, tz: tzinfo) -> None:
    _run_script(conn, V6_DDL)


def _to_v7(conn: sqlite3.Connection, tz: tzinfo) -> None:
    from studyapp.store import retention

    _run_script(conn, V7_DDL)
    retention.create(conn)


def _to_v8(conn: sqlite3.Connection, tz: tzinfo) -> None:
    from studyapp.store import catchup

    catchup.catch_up(conn, sessions=False)  # inside the migration's transaction


# MIGRATIONS[n] brings a database from version n to version n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection, tzinfo], None], ...] = (
    _to_v1, _to_v2, _to_v3, _to_v4, _to_v5, _to_v6, _to_v7, _to_v8)
assert len(MIGRATIONS) == SCHEMA_VERSION == LATEST_VERSION


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the file."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, tz: tzinfo, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring the database up to ``target``, one transaction per step (a new database: one for
    all); returns the versions reached.

    ``conn`` must be in autocommit mode (``isolation_level=None``). ``tz`` is the local zone
    used to key existing answers by local day when a summary is first built.
    """
    reached: list[int] = []
    version = user_version(conn)
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = user_version(conn)
            if version >= target:
                conn.execute("ROLLBACK")
                break
            # A new database is built in one transaction (one commit to flush, and no half-built
            # file is ever seen); an existing one moves up one version a transaction.
            stop = target if version == 0 else version + 1
            if version == 0 and target == LATEST_VERSION:
                create_latest(conn)  # the same schema and rows as every step below, in one go
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
            else:
                for step in MIGRATIONS[version:stop]:
                    step(conn, tz)
            conn.execute(f"PRAGMA user_version = {stop:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        reached += range(version + 1, stop + 1)
        version = stop
    return reached
