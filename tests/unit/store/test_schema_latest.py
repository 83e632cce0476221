"""A new database is created at the latest schema version in one step: it must be the database
the migrations from version 1 give (schema, version, application id and rows)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storehelpers import MINSK, T0

from studyapp.store import SCHEMA_VERSION, open_store
from studyapp.store.schema import APPLICATION_ID, migrate
from studyapp.store.schema_latest import LATEST_DDL, LATEST_VERSION


def _described(conn: sqlite3.Connection) -> dict[str, object]:
    """Everything that tells two databases apart except where their pages are."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {
        "schema": conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall(),
        "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
        "rows": {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables},
        "columns": {t: conn.execute(f"PRAGMA table_xinfo({t})").fetchall() for t in tables},
    }


def _stepped(path: Path) -> sqlite3.Connection:
    """A database built as version 1, then upgraded one migration a transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, MINSK, target=1) == [1]
    assert migrate(conn, MINSK) == list(range(2, SCHEMA_VERSION + 1))
    return conn


def test_the_latest_schema_is_the_one_the_migrations_give(tmp_path: Path) -> None:
    assert LATEST_VERSION == SCHEMA_VERSION
    new = sqlite3.connect(tmp_path / "new.sqlite3", isolation_level=None)
    assert migrate(new, MINSK) == list(range(1, SCHEMA_VERSION + 1))
    stepped = _stepped(tmp_path / "stepped.sqlite3")
    try:
        assert _described(new) == _described(stepped)
        assert _described(new)["user_version"] == SCHEMA_VERSION
        assert _described(new)["application_id"] == APPLICATION_ID
        assert new.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        new.close()
        stepped.close()


def test_a_new_database_is_created_without_running_the_migrations(tmp_path: Path) -> None:
    """No table is dropped, rebuilt or altered: only the latest statements run, in one commit."""
    conn = sqlite3.connect(tmp_path / "new.sqlite3", isolation_level=None)
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    migrate(conn, MINSK)
    conn.close()
    ddl = [s for s in ran if s.lstrip().upper().startswith(("CREATE", "DROP", "ALTER"))]
    assert ddl == list(LATEST_DDL)
    assert sum(1 for s in ran if s.strip().upper() == "COMMIT") == 1


def test_a_first_start_opens_the_same_database_as_an_upgraded_one(tmp_path: Path) -> None:
    fresh = open_store(tmp_path / "fresh" / "studyapp.sqlite3", backups_dir=tmp_path / "b1", now=T0, tz=MINSK)
    old = tmp_path / "old" / "studyapp.sqlite3"
    old.parent.mkdir()
    v1 = sqlite3.connect(old, isolation_level=None)
    v1.execute("PRAGMA journal_mode = WAL")
    migrate(v1, MINSK, target=1)
    v1.close()
    upgraded = open_store(old, backups_dir=tmp_path / "b2", now=T0, tz=MINSK)
    try:
        assert _described(fresh.store.connection) == _described(upgraded.store.connection)
    finally:
        fresh.store.close()
        upgraded.store.close()
