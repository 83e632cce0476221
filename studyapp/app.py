"""Start-up: the one place that builds the ``QApplication`` and wires core objects into the window.

``run_window`` (called by ``studyapp.cli``) first makes sure, on X11, that Qt's platform plugin
can load (``platform_check``: else it prints what to install and returns 1), then does, in order:

1. resolve the data dir (``--data-dir``, ``$STUDYAPP_DATA_DIR``, platform default) and
   ``prepare_data_dir``: create it and the user's question folder, check it is writable;
2. ``acquire_lock``: a ``QLockFile`` in the data dir, so a second copy says "already running"
   (a lock left by a killed process is detected as stale from its PID);
3. ``start_app``: log file, store (``open_store``), question files (``load_bank`` with the
   cache dir), the ``MainWindow``; the excepthook shows unexpected errors in a dialog.

Each step is a function returning a result or raising ``StartupError`` with a message for the
user, so tests drive the same code as the real start-up.
"""

from __future__ import annotations

import argparse
import errno
import gc
import logging
import os
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QSettings, QSize
from PySide6.QtWidgets import QApplication

from studyapp import APP_ID
from studyapp.bank.model import Bank
from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.paths import DATA_DIR_ENV, DataPaths, bundled_questions_dir, resolve_data_dir
from studyapp.store import NoticeKind, Store, StoreError, StoreNotice, open_store, restore_backup
from studyapp.store.backups import backup_if_due
from studyapp.ui.error_reporter import ErrorReporter
from studyapp.ui.main_window import APPLICATION, ORGANIZATION, MainWindow

if TYPE_CHECKING:
    from studyapp.authoring.own_copy import OwnCopies
    from PySide6.QtGui import QIcon

log = logging.getLogger("studyapp")
translate = QCoreApplication.translate
LOCK_WAIT_MS = 100


class StartupError(Exception):
    """Start-up cannot go on; ``str(exc)`` is the message for the user, ``title`` its heading."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(message)
        self.title = title


def prepare_data_dir(paths: DataPaths) -> None:
    """Create the data dir and the question folder (first run); raise if unusable."""
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        paths.questions.mkdir(exist_ok=True)
    except OSError as exc:
        raise StartupError(
            translate("Startup", "Data folder not usable"),
            translate("Startup", "studyapp cannot create its data folder {folder}: {reason}.\n"
                      "Choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.").format(
                folder=paths.root, reason=exc.strerror or exc),
        ) from exc
    try:
        with tempfile.TemporaryFile(dir=paths.root):
            pass
    except OSError as exc:
        raise StartupError(
            translate("Startup", "Data folder not usable"),
            translate("Startup", "studyapp cannot write to its data folder {folder}: {reason}.\n"
                      "Make it writable, or choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.").format(
                folder=paths.root, reason=exc.strerror or exc),
        ) from exc


def acquire_lock(paths: DataPaths) -> QLockFile:
    """Take the data dir's lock; ``StartupError`` when another running studyapp holds it."""
    lock = QLockFile(str(paths.lock))
    lock.setStaleLockTime(0)  # held for the whole session: only a dead PID makes it stale
    if lock.tryLock(LOCK_WAIT_MS):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # PySide6 returns (pid, hostname, appname)
        pid = info[0] if isinstance(info, tuple) and info else 0
        who = translate("Startup", " (process {pid})").format(pid=pid) if pid else ""
        raise StartupError(
            translate("Startup", "studyapp is already running"),
            translate("Startup", "studyapp is already running{process} with the data folder {folder}.\n"
                      "Switch to its window; two copies writing one database could lose answers.").format(
                process=who, folder=paths.root),
        )
    raise StartupError(translate("Startup", "Data folder not usable"), lock_failure_message(paths, _write_probe(paths.root)))


def _write_probe(folder: Path) -> OSError | None:
    """What taking the lock does (create a file in ``folder``, write a line, flush it), to learn
    why it failed: ``QLockFile`` only says "unknown error" (a full disk) or "permission error"."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".studyapp-probe-") as f:
            f.write(b"%d\nstudyapp\n" % os.getpid())
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        return exc
    return None


def lock_failure_message(paths: DataPaths, cause: OSError | None) -> str:
    """The start-up message when the lock file cannot be created, naming the cause in words."""
    text = translate("Startup", "studyapp cannot create its lock file {lock}").format(lock=paths.lock)
    if cause is None:
        return f"{text}."
    if cause.errno in (errno.ENOSPC, errno.EDQUOT):
        quota = translate("Startup", " (or your disk quota is used up)") if cause.errno == errno.EDQUOT else ""
        return translate("Startup", "{text}: the disk is full{quota}.\n"
                         "Free some space on the disk that holds {folder}, then start studyapp again.").format(
            text=text, quota=quota, folder=paths.root)
    if cause.errno == errno.EROFS:
        return translate("Startup", "{text}: the data folder {folder} is on a read-only disk.\n"
                         "Choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.").format(text=text, folder=paths.root)
    if cause.errno in (errno.EACCES, errno.EPERM):
        return translate("Startup", "{text}: you may not write in the data folder {folder} (permission denied).\n"
                         "Make it writable, or choose another one with --data-dir DIR or $STUDYAPP_DATA_DIR.").format(
            text=text, folder=paths.root)
    return f"{text}: {cause.strerror or cause}."


class StudyCore:
    """The non-Qt parts the window works on (``AppCore`` in ``main_window``).

    A plain class, like ``RunningApp``: the two are defined at every start-up, and a dataclass
    costs ~0.5 ms to create (it compiles its generated methods) for an ``__init__`` this short.
    """

    def __init__(
        self,
        paths: DataPaths,
        question_dirs: tuple[Path, ...],
        store: Store,
        notices: tuple[StoreNotice, ...] = (),
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
        bundled: Path | None = None,
    ) -> None:
        self.paths = paths
        self.question_dirs = question_dirs
        self.bundled = bundled or bundled_questions_dir()  # the bundled question folder
        self._own_copies: OwnCopies | None = None
        self.store = store
        self.notices = notices
        self.now = now
        # Called (on the backup thread) when the check before the daily backup finds damage.
        self.damage_found: Callable[[StoreNotice], None] | None = None
        self._backup_thread: threading.Thread | None = None

    def load_bank(self) -> Bank:
        """Every question folder, through the warm-load cache; on a first start the bundled
        deck comes from its prebuilt result (``bank.prebuilt``) when its files are unchanged.
        Each question's picture file is looked at (its header only) and a picture that cannot be
        shown joins the problems."""
        from studyapp.bank.loader import load_bank
        from studyapp.bank.prebuilt import PrebuiltBank

        from studyapp.bank.imagefile import with_picture_problems

        prebuilt = PrebuiltBank(self.bundled)
        bank = load_bank(list(self.question_dirs), cache_dir=self.paths.cache, prebuilt=prebuilt,
                         bundled=self.bundled, own=self.paths.questions)
        return with_picture_problems(bank)  # a missing or refused picture is listed as a problem

    @property
    def own_copies(self) -> OwnCopies:
        """Where edits to the bundled question files go: into a copy in the person's question
        folder when the bundled files belong to the installed program (looked up once)."""
        if self._own_copies is None:
            from studyapp.authoring.own_copy import OwnCopies
            from studyapp.paths import bundled_read_only

            self._own_copies = OwnCopies(self.bundled, self.paths.questions, bundled_read_only(self.bundled))
        return self._own_copies

    def load_files(self, paths: Sequence[Path]) -> Bank:
        """Just these files (File → Add question file… checks one before copying it)."""
        from studyapp.bank.loader import load_files

        return load_files(list(paths))

    def start_daily_backup(self) -> None:
        """Take the daily backup on a thread of its own (after the window is up)."""
        if self._backup_thread is not None:
            return

        def work() -> None:
            try:
                made = backup_if_due(self.paths.database, self.paths.backups, self.now())
            except StoreError as exc:  # the whole-file check found damage: tell the user
                log.error("daily backup skipped: %s", exc)
                if self.damage_found is not None:
                    self.damage_found(StoreNotice.of(NoticeKind.DAMAGE_FOUND, Message(QT_TRANSLATE_NOOP(
                        "Core", "studyapp found damage in its database ({database}): {error}\n\n"
                                "What you answer now is still saved where the file is sound. Quit and start "
                                "studyapp again to set the damaged file aside and restore the newest good backup."),
                        database=str(self.paths.database), error=exc.wording or str(exc))))
            except Exception:  # noqa: BLE001 - a failed backup must never disturb studying
                log.exception("daily backup failed")
            else:
                if made is not None:
                    log.info("daily backup written to %s", made)

        self._backup_thread = threading.Thread(target=work, name="studyapp-backup")
        self._backup_thread.start()

    def wait_for_backup(self) -> None:
        """Block until a running backup has finished (before the store closes)."""
        if self._backup_thread is not None:
            self._backup_thread.join()

    def restore_backup(self, backup: Path) -> None:
        """Close the store, make ``backup`` the database, open it again."""
        tz = self.store.tz
        self.store.close()
        try:
            restore_backup(backup, self.paths.database, self.now())
        finally:
            opened = open_store(self.paths.database, backups_dir=self.paths.backups, now=self.now(), tz=tz)
            self.store = opened.store


class RunningApp:
    """What ``start_app`` opened; ``close`` releases it all."""

    def __init__(
        self, window: MainWindow, core: StudyCore, lock: QLockFile, reporter: ErrorReporter, log_handler: logging.Handler
    ) -> None:
        self.window = window
        self.core = core
        self.lock = lock
        self.reporter = reporter
        self.log_handler = log_handler
        self.closed = False

    def install_excepthook(self) -> None:
        """Route uncaught exceptions (in slots too) to the error dialog and the log."""
        sys.excepthook = self.reporter.handle

    def close(self) -> None:
        """Release everything (safe to call twice)."""
        if self.closed:
            return
        self.closed = True
        if sys.excepthook == self.reporter.handle:
            sys.excepthook = sys.__excepthook__
        self.window.shutdown()
        self.core.wait_for_backup()
        self.core.store.close()
        self.lock.unlock()
        log.removeHandler(self.log_handler)
        self.log_handler.close()


def question_dirs(paths: DataPaths, extra: Sequence[str | os.PathLike[str]]) -> tuple[Path, ...]:
    """Bundled questions, the user's question folder, then every ``--questions DIR``."""
    dirs = [bundled_questions_dir(), paths.questions, *(Path(d).expanduser().absolute() for d in extra)]
    seen: list[Path] = []
    for d in dirs:
        if d not in seen:
            seen.append(d)
    return tuple(seen)


def start_app(
    paths: DataPaths,
    settings: QSettings,
    *,
    extra_dirs: Sequence[str | os.PathLike[str]] = (),
    dirs: Sequence[Path] | None = None,
    now: Callable[[], datetime] | None = None,
    welcome: bool = False,
    bundled: Path | None = None,
) -> RunningApp:
    """Everything after the ``QApplication`` exists: returns the window ready to show.

    ``dirs`` replaces the default question folders (tests load a folder of their own);
    ``bundled`` the bundled question folder (tests: an installed-like one of their own).
    ``welcome``: show the first-start welcome once the window is painted, unless it was closed
    in this data folder before (``run_window`` asks for it; tools and benchmarks do not).
    """
    clock = now or (lambda: datetime.now(timezone.utc))
    prepare_data_dir(paths)
    lock = acquire_lock(paths)
    handler = logging.FileHandler(paths.log, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    opened = None
    try:
        try:
            # The daily backup runs on a thread once the window is painted (start_daily_backup).
            opened = open_store(paths.database, backups_dir=paths.backups, now=clock(), auto_backup=False)
        except StoreError as exc:
            from studyapp.ui.translation import error_text

            raise StartupError(translate("Startup", "Database not usable"), error_text(exc)) from exc
        core = StudyCore(
            paths,
            tuple(dirs) if dirs is not None else question_dirs(paths, extra_dirs),
            opened.store,
            opened.notices,
            clock,
            bundled,
        )
        window = MainWindow(core, settings, now=clock)
        core.damage_found = window.damageFound.emit  # queued to the window's thread by Qt
        window.reload()
        if welcome:
            window.welcome_after_first_paint()
    except BaseException:
        if opened is not None:
            opened.store.close()
        log.removeHandler(handler)
        handler.close()
        lock.unlock()
        raise
    reporter = ErrorReporter(paths.log, window)
    return RunningApp(window, core, lock, reporter, handler)


def _append_to_log(paths: DataPaths, text: str) -> None:
    """Best effort: the log may be exactly what cannot be written."""
    try:
        with open(paths.log, "a", encoding="utf-8") as f:
            f.write(f"{datetime.now(timezone.utc).isoformat()} ERROR {text}\n")
    except OSError:
        pass


def _report_startup_error(app: QApplication, error: StartupError, quiet: bool) -> None:
    print(f"studyapp: {error}", file=sys.stderr)
    if not quiet:
        from studyapp.ui import dialogs

        dialogs.warn(None, error.title, str(error))


def _start_collecting() -> None:
    """The window is painted: turn the garbage collector back on (``cli.main`` paused it).

    What start-up made lives as long as the window; frozen first, it is never walked again by
    a collection (the first one would otherwise take ~15 ms over ~30,000 objects, to find a
    few dozen). The few cycles start-up left behind stay until the process ends.
    """
    gc.freeze()
    gc.enable()


def _app_icon() -> QIcon:
    """studyapp's icon in every shipped size (a PNG is read only when a size is drawn)."""
    from PySide6.QtGui import QIcon  # here: its type and enums (~1.5 ms) are made after the first paint

    from studyapp.desktop import ICON_SIZES, icon_png

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon


def _settings_for(paths: DataPaths, args: argparse.Namespace, environ: Mapping[str, str]) -> QSettings:
    """The data folder's own settings; the default folder takes over those of earlier versions
    (kept per user, shared by every data folder) once."""
    from studyapp.ui.window_settings import open_settings

    default_folder = not getattr(args, "data_dir", None) and not environ.get(DATA_DIR_ENV)
    return open_settings(paths, (lambda: QSettings(ORGANIZATION, APPLICATION)) if default_folder else None)


def run_window(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """Open the window; return the process exit status."""
    from studyapp.platform_check import xcb_problem
    from studyapp.ui.theme import FUSION, apply_scheme, follow_system_change, saved_scheme

    existing = QApplication.instance()
    # On X11 a missing system library makes Qt abort, naming the wrong package: say what to install.
    problem = None if existing else xcb_problem(environ)
    if problem is not None:
        print(f"studyapp: {problem}", file=sys.stderr)
        return 1
    # A new application gets its Fusion style from the command line, so theme.apply_scheme
    # need not call setStyle (whose returned style object would cost ~6 ms to wrap).
    app = existing or QApplication([sys.argv[0] if sys.argv else "studyapp", "-style", FUSION])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("studyapp")
    app.setDesktopFileName(APP_ID)  # desktops match the window to its entry (and its icon) by this
    from studyapp.ui.translation import install_translators

    # The system locale's translation, when one is shipped (none: a directory listing, no translator).
    install_translators(app)
    quiet = bool(getattr(args, "exit_when_shown", False))
    paths = DataPaths(resolve_data_dir(getattr(args, "data_dir", None), environ))
    settings = _settings_for(paths, args, environ)
    # The theme chosen in this data folder (or the system's) before anything is shown.
    apply_scheme(app, saved_scheme(settings), set_style=existing is not None)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _s: follow_system_change(app, settings))
    try:
        # The first-start welcome is for a person, not for a start-up check (--exit-when-shown).
        running = start_app(paths, settings, extra_dirs=getattr(args, "questions", []) or [], welcome=not quiet)
    except StartupError as error:
        _report_startup_error(app, error, quiet)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: say so plainly, keep the traceback in the log
        _append_to_log(paths, "start-up failed\n" + traceback.format_exc())
        failure = StartupError(translate("Startup", "studyapp could not start"), translate(
            "Startup", "studyapp could not start: {error}\nThe details were written to {log}.").format(
                error=f"{type(exc).__name__}: {exc}", log=paths.log))
        _report_startup_error(app, failure, quiet)
        return 1
    running.install_excepthook()
    window = running.window
    window.firstPainted.connect(_start_collecting)
    # The icon once the window is painted: the few ms its files cost are not spent before that.
    window.firstPainted.connect(lambda: app.setWindowIcon(_app_icon()))
    if quiet:
        window.firstPainted.connect(app.quit)  # a start-up check, not a study session: no backup
    else:
        window.firstPainted.connect(running.core.start_daily_backup)
    window.show()
    if running.core.notices and not quiet:
        window.show_notices(running.core.notices)
    try:
        return app.exec()
    finally:
        running.close()
        running.window.settings.sync()
        # Everything that needs closing is closed and saved; what is left is freed by the
        # process ending. Without this the interpreter's final garbage collection walks every
        # Qt wrapper, enum and module object once more: 15-35 ms of the exit, for nothing.
        gc.freeze()
