"""The database schema at its latest version, created in one step for a new database.

A new database does not run the migrations of ``studyapp.store.schema`` one by one (table
rebuilds, ``ALTER TABLE``, each making SQLite read its whole schema again: about 10 ms at the
first start, before the first window is painted); it runs ``LATEST_DDL`` once. The statements are
the text the migrations leave in ``sqlite_master``, in their order, so a database created here
and one migrated from version 1 have the same schema, ``user_version`` and rows
(``tests/unit/store/test_schema_latest.py`` compares them; change both together).
"""

from __future__ import annotations

import sqlite3

LATEST_VERSION = 8  # the SCHEMA_VERSION these statements are (8 changed no table)

LATEST_DDL: tuple[str, ...] = (
    """CREATE TABLE sessions (
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
)""",
    """CREATE INDEX sessions_finished ON sessions (mode, finished_us) WHERE finished_us IS NOT NULL""",
    """CREATE TABLE attempts (
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
, day INTEGER NOT NULL DEFAULT 0, qtype TEXT, proposed INTEGER)""",
    """CREATE INDEX attempts_question ON attempts (deck, question_id, answered_us)""",
    """CREATE TABLE cards (
    deck           TEXT    NOT NULL,
    question_id    TEXT    NOT NULL,
    fsrs_json      TEXT    NOT NULL,
    due_us         INTEGER NOT NULL,
    stability      REAL,
    state          INTEGER NOT NULL,
    last_review_us INTEGER,
    first_review_us INTEGER NOT NULL,
    PRIMARY KEY (deck, question_id)
) WITHOUT ROWID""",
    """CREATE INDEX cards_first_review ON cards (first_review_us)""",
    """CREATE TABLE daily (
    deck       TEXT    NOT NULL,
    day        INTEGER NOT NULL,
    answers    INTEGER NOT NULL,
    right      INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL,
    PRIMARY KEY (deck, day)
) WITHOUT ROWID""",
    """CREATE TABLE daily_total (
    day        INTEGER PRIMARY KEY,
    answers    INTEGER NOT NULL,
    right      INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL
)""",
    """CREATE TABLE question_stats (
    deck         TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    wrong        INTEGER NOT NULL,
    last_us      INTEGER NOT NULL,
    last_outcome TEXT    NOT NULL,
    due_us       INTEGER,
    stability    REAL,
    PRIMARY KEY (deck, question_id)
) WITHOUT ROWID""",
    """CREATE INDEX cards_deck_due ON cards (deck, due_us)""",
    """CREATE TABLE summary_mark (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL)""",
    """CREATE TABLE study_settings (
    deck TEXT PRIMARY KEY,
    body TEXT NOT NULL
) WITHOUT ROWID""",
    """CREATE TABLE card_marks (
    deck        TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    suspended   INTEGER NOT NULL DEFAULT 0,
    buried_day  INTEGER,
    flag        INTEGER NOT NULL DEFAULT 0,
    leech       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deck, question_id)
) WITHOUT ROWID""",
    """CREATE TABLE study_more (
    deck    TEXT    NOT NULL,
    day     INTEGER NOT NULL,
    new     INTEGER NOT NULL DEFAULT 0,
    reviews INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deck, day)
) WITHOUT ROWID""",
    """CREATE INDEX cards_learning_due ON cards (due_us) WHERE state != 2""",
    """CREATE TABLE fsrs_parameters (
    scope      TEXT    PRIMARY KEY,
    parameters TEXT,
    previous   TEXT,
    saved_us   INTEGER NOT NULL
) WITHOUT ROWID""",
    """CREATE TABLE retention (
    deck   TEXT    NOT NULL,
    qtype  TEXT    NOT NULL,
    day    INTEGER NOT NULL,
    mature INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    PRIMARY KEY (deck, qtype, day, mature)
) WITHOUT ROWID
""",
)


def create_latest(conn: sqlite3.Connection) -> None:
    """Create every table and index at version ``LATEST_VERSION`` on an empty database, inside the
    caller's transaction (the caller sets ``user_version``), with the rows a new database holds."""
    for statement in LATEST_DDL:
        conn.execute(statement)
    conn.execute("INSERT INTO summary_mark (id, upto) VALUES (1, 0)")
