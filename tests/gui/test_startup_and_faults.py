"""Start-up faults and unexpected errors: lock file, unusable data dir, damaged database, error dialog."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from window_samples import FIXED_NOW, GOOD, ScriptedDialogs, write_deck

from studyapp.app import StartupError, acquire_lock, lock_failure_message, prepare_data_dir, start_app
from studyapp.paths import DataPaths
from studyapp.store import Mode, SaveError, SaveFailure
from studyapp.store.backups import write_backup
from studyapp.ui.error_dialog import ErrorDialog


def test_second_instance_is_told_studyapp_is_already_running(make_app: Any, data_dir: Path, settings: QSettings) -> None:
    make_app(dirs=[])
    with pytest.raises(StartupError, match="studyapp is already running") as caught:
        start_app(DataPaths(data_dir), settings, dirs=[])
    assert caught.value.title == "studyapp is already running"


def test_stale_lock_of_a_killed_process_does_not_block(data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    code = (
        "import os, signal, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(paths.lock)], check=False)
    assert done.returncode == -signal.SIGKILL
    assert paths.lock.exists()
    lock = acquire_lock(paths)
    assert lock.isLocked()
    lock.unlock()


def test_a_lock_file_that_cannot_be_written_names_the_real_cause(tmp_path: Path) -> None:
    # Every file write of the starting process fails (a file-size limit of 0 bytes, a real
    # kernel error): the message carries the cause found by writing, not just "cannot create".
    code = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from studyapp.app import StartupError, acquire_lock\n"
        "from studyapp.paths import DataPaths\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))\n"
        "try:\n"
        "    acquire_lock(DataPaths(Path(sys.argv[1])))\n"
        "except StartupError as exc:\n"
        "    print(exc.title); print(exc)\n"
    )
    data = tmp_path / "data"
    data.mkdir()
    done = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Data folder not usable",
                                        f"studyapp cannot create its lock file {data / 'studyapp.lock'}: File too large."]
    assert list(data.iterdir()) == []  # nothing left behind


def test_a_full_disk_at_the_lock_says_the_disk_is_full(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    with open("/dev/full", "wb", buffering=0) as full, pytest.raises(OSError) as caught:
        full.write(b"1234\nstudyapp\n")  # the kernel's own "No space left on device"
    assert caught.value.errno == errno.ENOSPC
    message = lock_failure_message(paths, caught.value)
    assert message.startswith(f"studyapp cannot create its lock file {paths.lock}: the disk is full.")
    assert f"Free some space on the disk that holds {paths.root}" in message
    quota = lock_failure_message(paths, OSError(errno.EDQUOT, os.strerror(errno.EDQUOT)))
    assert "the disk is full (or your disk quota is used up)" in quota
    read_only = lock_failure_message(paths, OSError(errno.EROFS, os.strerror(errno.EROFS)))
    assert "is on a read-only disk" in read_only and "--data-dir" in read_only
    denied = lock_failure_message(paths, OSError(errno.EACCES, os.strerror(errno.EACCES)))
    assert "you may not write in the data folder" in denied and "permission denied" in denied


def test_read_only_data_dir_gives_a_clear_message(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permissions: make "cannot write" real with a file where the folder should be.
        blocker = tmp_path / "file"
        blocker.write_text("x")
        paths = DataPaths(blocker / "data")
        expected = "cannot create its data folder"
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        (ro / "questions").mkdir()
        ro.chmod(0o500)
        paths = DataPaths(ro)
        expected = "cannot write to its data folder"
    with pytest.raises(StartupError, match=expected) as caught:
        prepare_data_dir(paths)
    assert "--data-dir" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_run_window_reports_unusable_data_dir_without_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_DATA_DIR": str(blocker / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # QSettings: never the user's own
    done = subprocess.run(
        [sys.executable, "-m", "studyapp", "--exit-when-shown"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "cannot create its data folder" in done.stderr
    assert "Traceback" not in done.stderr


def _start_and_list_modules(env: dict[str, str]) -> set[str]:
    """Run ``studyapp --exit-when-shown`` in a fresh process; the modules it had loaded at exit."""
    code = (
        "import gc, sys\nfrom studyapp.cli import main\nrc = main(['--exit-when-shown'])\n"
        "assert gc.get_freeze_count() > 0, 'objects left for the final collection at exit'\n"
        "assert gc.isenabled(), 'the collector, paused for the start-up, is on again once painted'\n"
        "print('\\n'.join(sorted(sys.modules)))\nsys.exit(rc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_exit_when_shown_paints_and_exits_loading_only_what_the_home_screen_needs(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_DATA_DIR": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # QSettings: never the user's own
    first = _start_and_list_modules(env)
    assert (tmp_path / "d" / "questions").is_dir()  # the user's question folder, created on first run
    assert "PySide6.QtCharts" not in first, "QtCharts loaded at start-up"
    assert "studyapp.ui.stats_view" not in first
    assert "studyapp.ui.problems_panel" not in first  # no problems, decks loaded: neither part is shown
    # Nothing stored yet: no study settings to read (their module), no JSON, no HTML entity table.
    assert not {"studyapp.study.study_settings", "json", "html"} & first
    parser = {"yaml", "studyapp.bank.validate", "studyapp.bank.yamlnodes"}
    # The bundled deck, unchanged, comes from its prebuilt result (bank.prebuilt): no parser.
    assert not parser & first
    # A file of the user's own is read, parsed and validated...
    mine = tmp_path / "d" / "questions" / "mine.yaml"
    mine.write_text("deck: mine\ntitle: Mine\nquestions:\n  - id: q1\n    type: card\n"
                    "    prompt: Two plus two?\n    answer: Four\n", encoding="utf-8")
    os.utime(mine, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))  # settled: cacheable
    second = _start_and_list_modules(env)
    assert parser <= second
    # ... and later starts find every file unchanged in the warm cache: no YAML parser, no validator.
    third = _start_and_list_modules(env)
    assert not parser & third
    assert "PySide6.QtCharts" not in second | third
    # Nor, on any start: OpenSSL (hashlib; ~3.7 MB of RSS) and platformdirs ($STUDYAPP_DATA_DIR is set).
    assert not {"_hashlib", "platformdirs"} & (first | second | third)


def test_corrupt_database_notice_offers_the_newest_backup(
    make_app: Any, data_dir: Path, scripted: ScriptedDialogs, tmp_path: Path
) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    first = make_app(dirs=[tmp_path / "q"])
    store = first.core.store
    store.start_session(Mode.QUIZ, "sample-deck", {}, 1, 3, FIXED_NOW)
    backup = write_backup(store.connection, DataPaths(data_dir).backups, FIXED_NOW)
    first.close()
    DataPaths(data_dir).database.write_bytes(b"this is not a database" * 100)

    running = make_app(dirs=[tmp_path / "q"])
    assert running.core.notices and running.core.notices[0].restorable_backup == backup
    scripted.confirm_answers.append(True)
    running.window.show_notices(running.core.notices)
    [question] = scripted.texts("confirm")
    assert "Restore the backup now?" in question and str(backup) in question
    assert any("Restored" in t for t in scripted.texts("inform"))
    restored = running.core.store.connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert restored == 1
    assert list(data_dir.glob("studyapp.sqlite3.corrupt-*"))  # the damaged file was kept aside


def test_damage_found_before_the_daily_backup_is_told_at_once(
    make_app: Any, data_dir: Path, scripted: ScriptedDialogs, tmp_path: Path, qtbot: Any
) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    running = make_app(dirs=[tmp_path / "q"])
    store = running.core.store
    store.connection.execute("BEGIN IMMEDIATE")
    store.connection.executemany(
        "INSERT INTO attempts (deck, question_id, content_hash, mode, response, outcome, score, elapsed_ms, "
        "answered_us, day) VALUES ('d', ?, 'h', 'quiz', ?, 'right', 1, 1, 0, 0)", [(f"q{i}", "x" * 400) for i in range(300)])
    store.connection.execute("COMMIT")
    store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = store.connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'attempts'").fetchone()[0]
    with open(DataPaths(data_dir).database, "r+b") as f:  # the disk goes bad under the running app
        f.seek((root - 1) * 4096 + 8)
        f.write(b"\xff" * 64)
    running.core.start_daily_backup()  # on its thread, as after the first paint
    running.core.wait_for_backup()
    qtbot.waitUntil(lambda: bool(scripted.texts("warn")), timeout=3000)
    [message] = scripted.texts("warn")
    assert "found damage" in message and "start studyapp again" in message
    assert not list(DataPaths(data_dir).backups.glob("studyapp-2*.sqlite3"))  # nothing damaged backed up
    assert DataPaths(data_dir).database.with_name("studyapp.sqlite3.needs-check").exists()


class _Emitter(QObject):
    fire = Signal()


def test_exception_in_a_slot_shows_error_dialog_and_is_logged(
    make_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    running = make_app(dirs=[])
    # What run_window does; pytest-qt's own capture is bypassed by calling the hook directly below.
    monkeypatch.setattr(sys, "excepthook", running.reporter.handle)

    def broken() -> None:
        raise RuntimeError("boom <b>not bold</b>")

    try:
        broken()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    [dialog] = running.reporter.dialogs
    assert isinstance(dialog, ErrorDialog)
    assert "RuntimeError: boom <b>not bold</b>" in dialog.message.text()
    dialog.copy_details()
    assert "Traceback" in QGuiApplication.clipboard().text()
    assert "boom" in DataPaths(data_dir).log.read_text(encoding="utf-8")
    dialog.close()
    # The app stays usable.
    running.window.reload()
    assert running.window.home.pages.currentIndex() == 1


@pytest.mark.qt_no_exception_capture
def test_exception_raised_inside_a_qt_slot_reaches_the_dialog(make_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    running = make_app(dirs=[])
    monkeypatch.setattr(sys, "excepthook", running.reporter.handle)
    emitter = _Emitter()
    emitter.fire.connect(lambda: 1 / 0)
    QTimer.singleShot(0, emitter.fire.emit)
    qtbot.waitUntil(lambda: bool(running.reporter.dialogs), timeout=2000)
    assert "ZeroDivisionError" in running.reporter.dialogs[0].message.text()


def test_save_error_says_could_not_save_disk_full(make_app: Any) -> None:
    running = make_app(dirs=[])
    try:
        raise SaveError(SaveFailure.DISK_FULL, "database or disk is full")
    except SaveError:
        running.reporter.handle(*sys.exc_info())
    [dialog] = running.reporter.dialogs
    assert "could not save: disk full" in dialog.message.text()
    assert dialog.windowTitle() == "studyapp: could not save"


def test_daily_backup_runs_on_its_own_thread(make_app: Any, data_dir: Path, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    first = make_app(dirs=[tmp_path / "q"])
    first.core.store.start_session(Mode.QUIZ, "sample-deck", {}, 1, 3, FIXED_NOW)
    first.close()
    running = make_app(dirs=[tmp_path / "q"])
    assert list(DataPaths(data_dir).backups.glob("*")) == []  # opening did not back up
    running.core.start_daily_backup()
    running.core.wait_for_backup()
    [backup] = list(DataPaths(data_dir).backups.glob("*"))
    assert backup.stat().st_size > 0


def test_two_processes_on_one_data_dir(tmp_path: Path, qtbot: Any) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_DATA_DIR": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    first = subprocess.Popen([sys.executable, "-m", "studyapp"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lock = tmp_path / "d" / "studyapp.lock"
        qtbot.waitUntil(lock.exists, timeout=20000)
        second = subprocess.run([sys.executable, "-m", "studyapp", "--exit-when-shown"], env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 1
        assert "studyapp is already running" in second.stderr
        assert f"process {first.pid}" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.kill()
        first.wait(timeout=30)
    # Killed, the first copy left its lock behind: the next start takes it over.
    third = subprocess.run([sys.executable, "-m", "studyapp", "--exit-when-shown"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert third.returncode == 0, third.stderr


def test_database_from_a_newer_studyapp_is_refused_and_untouched(
    make_app: Any, data_dir: Path, settings: QSettings
) -> None:
    import sqlite3

    make_app(dirs=[]).close()
    db = DataPaths(data_dir).database
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StartupError, match="newer version of studyapp") as caught:
        start_app(DataPaths(data_dir), settings, dirs=[])
    assert "999" in str(caught.value)
    assert db.read_bytes() == before
    # The lock was released: a corrected start works again at once.
    lock = acquire_lock(DataPaths(data_dir))
    lock.unlock()


def test_a_folder_where_the_database_should_be_is_a_plain_message(tmp_path: Path) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "studyapp.sqlite3").mkdir()  # a folder where the database file should be
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_DATA_DIR": str(data),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "studyapp", "--exit-when-shown"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == f"studyapp: {data / 'studyapp.sqlite3'} is a folder, not the database file: " \
                          "move it out of the way or choose another data folder\n"
    assert (data / "studyapp.sqlite3").is_dir()


def test_unexpected_start_up_failure_is_a_message_and_a_log_entry(tmp_path: Path) -> None:
    data = tmp_path / "d"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_DATA_DIR": str(data),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    # A fault no start-up step expects: SQLite itself failing with a non-SQLite error.
    code = (
        "import sqlite3, sys\n"
        "def broken(*args, **kwargs):\n    raise RuntimeError('sqlite3 is broken')\n"
        "sqlite3.connect = broken\n"
        "from studyapp.cli import main\nsys.exit(main(['--exit-when-shown']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("studyapp: studyapp could not start: RuntimeError: sqlite3 is broken")
    assert "details were written to" in done.stderr
    assert "Traceback" in (data / "studyapp.log").read_text(encoding="utf-8")
