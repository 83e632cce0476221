"""Opening a database: migrations from every earlier version, newer versions refused, damaged files set aside."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from storehelpers import MINSK, T0, make_attempt

from studyapp.grading import Outcome
from studyapp.store import (
    SCHEMA_VERSION,
    DataDirError,
    NewerDatabaseError,
    NoticeKind,
    QuestionHistory,
    Store,
    StoreError,
    open_store,
)
from studyapp.store.backups import write_backup
from studyapp.store.db import build_new, connect
from studyapp.store.localtime import to_us
from studyapp.store.schema import APPLICATION_ID, V1_DDL, V2_DDL, migrate
from studyapp.study.memory import replay


def _build_v1(path: Path) -> None:
    """A version-1 database written with the version-1 DDL, holding a little history."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(V1_DDL)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO sessions (id, mode, deck, total, started_us, finished_us, answered, right, "
                 "score_sum, score) VALUES (1, 'quiz', 'deck', 2, ?, ?, 2, 1, 1.0, 0.5)",
                 (to_us(T0), to_us(T0 + timedelta(minutes=3))))
    rows = [  # 22:30 UTC is 01:30 the next day in Minsk (UTC+3)
        (1, "deck", "q1", "h", "quiz", '"a"', "right", 1.0, 500, to_us(T0)),
        (1, "deck", "q2", "h", "quiz", '"b"', "wrong", 0.0, 700, to_us(T0 + timedelta(minutes=1))),
        (None, "deck", "q1", "h", "review", "true", "wrong", 0.0, 900, to_us(datetime(2026, 3, 10, 22, 30, tzinfo=timezone.utc))),
    ]
    conn.executemany("INSERT INTO attempts (session_id, deck, question_id, content_hash, mode, response, "
                     "outcome, score, elapsed_ms, answered_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("INSERT INTO cards VALUES ('deck', 'q1', '{}', ?, 2.0, 2, ?, ?)",
                 (to_us(T0 + timedelta(days=2)), to_us(T0), to_us(T0)))
    conn.close()


def test_migrates_v1_database_with_backup_first(tmp_path: Path) -> None:
    db, backups = tmp_path / "studyapp.sqlite3", tmp_path / "backups"
    _build_v1(db)
    opened = open_store(db, backups_dir=backups, now=T0 + timedelta(days=1), tz=MINSK)
    store = opened.store
    try:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [n.kind for n in opened.notices] == [NoticeKind.MIGRATED]
        notice = opened.notices[0]
        assert notice.wording is not None and str(notice.wording) == notice.message  # the window translates it
        assert notice.message.startswith(f"The database was upgraded from version 1 to {SCHEMA_VERSION}; ")
        saved = opened.notices[0].restorable_backup
        assert saved is not None and saved.name.startswith(f"studyapp-before-v{SCHEMA_VERSION}-")
        old = sqlite3.connect(saved)
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT count(*) FROM attempts").fetchone()[0] == 3
        old.close()
        history = store.question_history()
        assert history[("deck", "q1")] == QuestionHistory(
            2, 1, datetime(2026, 3, 10, 22, 30, tzinfo=timezone.utc), Outcome.WRONG)
        assert history[("deck", "q2")].wrong == 1
        days = store.connection.execute("SELECT day, answers, right, elapsed_ms FROM daily ORDER BY day").fetchall()
        d10 = datetime(2026, 3, 10).toordinal()
        assert days == [(d10, 2, 1, 1200), (d10 + 1, 1, 0, 900)]
        assert store.last_quiz_score("deck") == pytest.approx(0.5)
        copied = store.connection.execute("SELECT question_id, due_us, stability FROM question_stats "
                                          "ORDER BY question_id").fetchall()
        # Version 5 replays every answer into the card states (the quiz answers too) and copies them.
        q1 = replay("deck", "q1", [(3, T0), (1, datetime(2026, 3, 10, 22, 30, tzinfo=timezone.utc))])
        q2 = replay("deck", "q2", [(1, T0 + timedelta(minutes=1))])
        assert q1 is not None and q2 is not None
        assert copied == [("q1", to_us(q1.due), q1.stability), ("q2", to_us(q2.due), q2.stability)]
        # New writes go on working on the migrated file.
        store.record_attempt(make_attempt("q2", at=T0 + timedelta(days=1)))
        assert store.question_history()[("deck", "q2")].attempts == 2
    finally:
        store.close()


def test_migrates_v2_database_rebuilding_its_summaries(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"
    _build_v1(db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(V2_DDL)  # version 2 as released, with summaries that drifted
    conn.execute("UPDATE attempts SET day = ?", (datetime(2026, 3, 10).toordinal(),))
    conn.execute("INSERT INTO question_stats VALUES ('deck', 'q1', 99, 99, 0, 'wrong')")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    opened = open_store(db, backups_dir=tmp_path / "b", now=T0, tz=MINSK)
    store = opened.store
    try:
        assert [n.kind for n in opened.notices] == [NoticeKind.MIGRATED]
        assert f"from version 2 to {SCHEMA_VERSION}" in opened.notices[0].message
        history = store.question_history()
        assert history[("deck", "q1")].attempts == 2 and history[("deck", "q2")].attempts == 1
        d10 = datetime(2026, 3, 10).toordinal()
        assert store.connection.execute("SELECT day, answers, right FROM daily_total").fetchall() == [(d10, 3, 1)]
        assert store.connection.execute("SELECT deck, day, answers FROM daily").fetchall() == [("deck", d10, 3)]
        indexes = {r[1] for r in store.connection.execute("PRAGMA index_list(cards)")}
        assert "cards_deck_due" in indexes
        store.record_attempt(make_attempt("q1", at=T0))
        assert store.question_history()[("deck", "q1")].attempts == 3
    finally:
        store.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_every_earlier_version_upgrades(tmp_path: Path, version: int) -> None:
    db = tmp_path / "studyapp.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    assert migrate(conn, MINSK, target=version) == list(range(1, version + 1))
    conn.close()
    opened = open_store(db, backups_dir=tmp_path / "b", now=T0, tz=MINSK)
    try:
        conn = opened.store.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        opened.store.record_attempt(make_attempt())
    finally:
        opened.store.close()


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").fetchall()


def test_a_new_database_is_built_in_one_transaction_to_the_same_schema(tmp_path: Path) -> None:
    new = sqlite3.connect(tmp_path / "new.sqlite3", isolation_level=None)
    commits: list[int] = []
    new.set_trace_callback(lambda sql: commits.append(1) if sql.strip().upper() == "COMMIT" else None)
    assert migrate(new, MINSK) == list(range(1, SCHEMA_VERSION + 1))
    assert len(commits) == 1
    stepped = sqlite3.connect(tmp_path / "stepped.sqlite3", isolation_level=None)
    migrate(stepped, MINSK, target=1)
    migrate(stepped, MINSK)  # one transaction a step, as an upgrade runs
    assert _schema(new) == _schema(stepped)
    assert new.execute("SELECT * FROM summary_mark").fetchall() == [(1, 0)]
    new.close()
    stepped.close()


def test_failed_migration_is_rolled_back_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"
    _build_v1(db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE daily (x)")  # makes the v2 step fail half-way
    conn.close()
    with pytest.raises(StoreError, match="left at version 1"):
        open_store(db, backups_dir=tmp_path / "b", now=T0, tz=MINSK)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "day" not in [r[1] for r in conn.execute("PRAGMA table_info(attempts)")]
    conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_refused_and_untouched(db_path: Path, backups_dir: Path) -> None:
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    opened.store.record_attempt(make_attempt())
    opened.store.close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before, names = _digest(db_path), sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(NewerDatabaseError) as info:
        open_store(db_path, backups_dir=backups_dir, now=T0 + timedelta(days=3), tz=MINSK)
    assert (info.value.found, info.value.supported) == (SCHEMA_VERSION + 5, SCHEMA_VERSION)
    assert f"version {SCHEMA_VERSION + 5}" in str(info.value) and f"version {SCHEMA_VERSION}" in str(info.value)
    assert _digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == names


def _newer_version_only_in_the_wal(db_path: Path, scratch: Path) -> None:
    """Leave at ``db_path`` a database whose main file says this version while its WAL, as
    a newer studyapp left it (crashed, or still running), says a newer one."""
    scratch.mkdir()
    live = scratch / db_path.name
    open_store(live, backups_dir=scratch / "b", now=T0, tz=MINSK).store.close()
    conn = sqlite3.connect(live, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_autocheckpoint = 0")  # the change stays in the WAL
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO sessions (mode, deck, total, started_us) VALUES ('quiz', 'deck', 1, 0)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute("COMMIT")
        for suffix in ("", "-wal", "-shm"):  # copied while it is open: nothing checkpointed
            shutil.copyfile(f"{live}{suffix}", f"{db_path}{suffix}")
    finally:
        conn.close()


@pytest.mark.parametrize("keep_shm", [True, False])
def test_newer_version_only_in_the_wal_refused_without_writing_a_byte(
        tmp_path: Path, keep_shm: bool) -> None:
    db = tmp_path / "data" / "studyapp.sqlite3"
    db.parent.mkdir()
    _newer_version_only_in_the_wal(db, tmp_path / "newer")
    assert int.from_bytes(db.read_bytes()[60:64], "big") == SCHEMA_VERSION  # the header lags behind
    if not keep_shm:
        Path(f"{db}-shm").unlink()
    files = sorted(db.parent.iterdir())
    before = {p.name: p.read_bytes() for p in files}
    with pytest.raises(NewerDatabaseError) as info:
        open_store(db, backups_dir=tmp_path / "data" / "backups", now=T0 + timedelta(days=3), tz=MINSK)
    assert info.value.found == SCHEMA_VERSION + 1
    assert sorted(db.parent.iterdir()) == files  # no file added, none removed
    assert {p.name: p.read_bytes() for p in files} == before  # and every byte as it was


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(64 * 1024))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zeroed_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(bytes(100) + data[100:])


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def _foreign_with_marker(path: Path) -> None:
    _foreign(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()


@pytest.mark.parametrize("damage", [_random_bytes, _truncated, _zeroed_header, _foreign, _foreign_with_marker])
def test_damaged_database_moved_aside_and_fresh_one_started(db_path: Path, backups_dir: Path, damage) -> None:  # type: ignore[no-untyped-def]
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    conn = opened.store.connection
    conn.execute("BEGIN IMMEDIATE")  # enough pages that half the file loses tables; one commit keeps it fast
    conn.executemany("INSERT INTO attempts (deck, question_id, content_hash, mode, response, outcome, score, "
                     "elapsed_ms, answered_us, day) VALUES ('deck', ?, 'h', 'quiz', ?, 'right', 1, 1, 0, 0)",
                     [(f"q{i}", "x" * 400) for i in range(300)])
    conn.execute("COMMIT")
    good = write_backup(opened.store.connection, backups_dir, T0)
    opened.store.close()
    damage(db_path)
    damaged = db_path.read_bytes()

    later = T0 + timedelta(hours=2)
    reopened = open_store(db_path, backups_dir=backups_dir, now=later, tz=MINSK)
    try:
        assert [n.kind for n in reopened.notices] == [NoticeKind.CORRUPT_MOVED]
        notice = reopened.notices[0]
        assert notice.moved_to == db_path.with_name("studyapp.sqlite3.corrupt-20260310-140000")
        assert notice.moved_to.read_bytes() == damaged  # kept byte for byte
        assert str(notice.moved_to) in notice.message
        assert notice.wording is not None and str(notice.wording) == notice.message
        assert notice.restorable_backup == good and str(good) in notice.message
        assert reopened.store.question_history() == {}
        reopened.store.record_attempt(make_attempt())
    finally:
        reopened.store.close()


def test_a_damaged_database_is_moved_aside_with_its_side_files(db_path: Path, backups_dir: Path) -> None:
    # A damaged file can have a WAL, a shared-memory index and a rollback journal next to it:
    # they belong to it (and may hold its last answers), so they move with it, bytes kept.
    _random_bytes(db_path)
    sides = {suffix: random.Random(suffix).randbytes(1000 + n) for n, suffix in enumerate(("-wal", "-shm", "-journal"))}
    for suffix, data in sides.items():
        Path(f"{db_path}{suffix}").write_bytes(data)
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    try:
        moved = opened.notices[0].moved_to
        assert moved is not None
        for suffix, data in sides.items():
            assert Path(f"{moved}{suffix}").read_bytes() == data
        assert not Path(f"{db_path}-journal").exists()
        for suffix in ("-wal", "-shm"):  # the fresh database's own, if any, hold none of the old bytes
            side = Path(f"{db_path}{suffix}")
            assert not side.exists() or side.read_bytes() != sides[suffix]
        assert opened.store.question_history() == {}
        opened.store.record_attempt(make_attempt())
    finally:
        opened.store.close()


def test_second_damage_in_the_same_second_gets_a_new_name(db_path: Path, backups_dir: Path) -> None:
    moved = []
    for _ in range(2):
        _random_bytes(db_path)
        opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
        opened.store.close()
        moved.append(opened.notices[0].moved_to)
    assert moved[0] != moved[1] and moved[0].exists() and moved[1].exists()
    assert opened.notices[0].restorable_backup is None


def test_empty_file_is_initialised(db_path: Path, backups_dir: Path) -> None:
    db_path.write_bytes(b"")
    opened = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    opened.store.close()
    assert opened.notices == ()


def test_unusable_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DataDirError, match="cannot create the data folder"):
        open_store(blocker / "sub" / "studyapp.sqlite3", backups_dir=tmp_path / "b", now=T0, tz=MINSK)


def test_a_locked_database_is_reported_not_set_aside(db_path: Path, backups_dir: Path) -> None:
    open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK).store.close()
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")  # in WAL mode with an exclusive lock nobody else may even read
        with pytest.raises(DataDirError, match="locked"):
            open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK, busy_timeout_ms=20)
    finally:
        other.close()
    assert not list(db_path.parent.glob("*.corrupt-*"))
    open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK).store.close()


def test_damage_is_told_apart_from_other_errors(tmp_path: Path) -> None:
    from studyapp.store.errors import is_damage

    junk = tmp_path / "junk"
    junk.write_bytes(b"x" * 4096)
    conn = sqlite3.connect(junk)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
    assert is_damage(damaged.value)
    assert not is_damage(sqlite3.OperationalError("database is locked"))


def test_header_only_in_the_wal_and_locked_is_not_mistaken_for_damage(db_path: Path, backups_dir: Path) -> None:
    # A database built in place (as an upgrade or a file system without hard links does):
    # the schema is still only in the WAL.
    conn = connect(db_path)
    migrate(conn, MINSK)
    first = Store(conn, MINSK)
    first.record_attempt(make_attempt())
    assert db_path.read_bytes()[68:72] == bytes(4)  # the main file's header has no marker yet
    first.connection.execute("PRAGMA locking_mode = EXCLUSIVE")
    first.connection.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DataDirError, match="locked"):
            open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK, busy_timeout_ms=20)
    finally:
        first.connection.execute("ROLLBACK")
        first.close()
    assert not list(db_path.parent.glob("*.corrupt-*"))
    again = open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    try:
        assert again.notices == () and len(again.store.question_history()) == 1
    finally:
        again.store.close()


def test_a_new_database_appears_complete_or_not_at_all(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"
    seen: list[bool] = []

    def build(conn: sqlite3.Connection) -> None:
        migrate(conn, MINSK)
        seen.append(db.exists())  # still private while it is being built

    build_new(db, build)
    assert seen == [False]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["studyapp.sqlite3"]  # no helper files left
    header = db.read_bytes()[:100]
    assert header[18:20] == b"\x02\x02"  # WAL mode, in the file itself
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION  # the schema is in the main file
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_a_new_database_never_replaces_one_made_meanwhile(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"
    theirs = open_store(db, backups_dir=tmp_path / "b", now=T0, tz=MINSK).store
    try:
        theirs.record_attempt(make_attempt())
        with pytest.raises(FileExistsError):
            build_new(db, lambda conn: migrate(conn, MINSK))
        assert len(theirs.question_history()) == 1  # their file, untouched and still in use
    finally:
        theirs.close()
    assert not list(tmp_path.glob("*.new-*"))


def test_a_failed_build_leaves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"

    def broken(conn: sqlite3.Connection) -> None:
        migrate(conn, MINSK)
        conn.execute("CREATE TABLE attempts (x)")  # already exists: sqlite3.OperationalError

    with pytest.raises(sqlite3.OperationalError):
        build_new(db, broken)
    assert list(tmp_path.iterdir()) == []


def test_a_session_that_only_reads_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"
    open_store(db, backups_dir=tmp_path / "b", now=T0, tz=MINSK).store.close()
    before = db.stat()
    store = open_store(db, backups_dir=tmp_path / "b", now=T0, tz=MINSK).store
    store.card_flags(T0, 21.0)  # what home reads
    store.due_count(T0)
    store.question_history()
    store.close()
    after = db.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert not Path(f"{db}-wal").exists()
