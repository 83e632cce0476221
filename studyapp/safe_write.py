"""Writing a file without ever destroying one: every file a command or dialog writes goes through here.

1. studyapp's own data files are never a target, whatever ``replace_existing`` says: the
   database, its ``-wal``/``-shm``/``-journal``, anything in the backups folder and the lock
   file. They are recognised by resolved path (symlinks followed) and by file identity (hard
   links, bind mounts, a case-insensitive file system), in every data folder named in the
   ``WritePolicy`` and in any folder the target sits in (or under) that holds a studyapp
   database or lock, so a data folder the command was not told about is protected too.
2. An existing file is replaced only when the policy allows it (``--force``, or a
   confirmation in the window).
3. The content goes to a temporary file in the target's folder, created with mode 0o666 so
   the umask (and a default ACL) applies as it does to any program's output; it is flushed and
   fsynced, renamed into place, and the folder is fsynced. Any failure, including Ctrl-C,
   removes the temporary file and leaves the old file as it was: a crash leaves either the old
   file or the new one.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from studyapp.paths import DataPaths

DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")


class WriteRefused(OSError):
    """The target may not be written; the message says why (and is meant for the user).

    An ``OSError``, so that every caller that handles a failed write handles a refusal too."""


class ProtectedTarget(WriteRefused):
    """The target is one of studyapp's data files: never written, even when replacing is allowed."""


class TargetExists(WriteRefused):
    """The target exists and the policy does not allow replacing it."""


@dataclass(frozen=True, slots=True)
class WritePolicy:
    """Which data folders to protect (besides any found around the target) and whether an
    existing file may be replaced."""

    data_dirs: tuple[Path, ...] = ()
    replace_existing: bool = False


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _data_dirs_around(resolved: Path) -> Iterator[Path]:
    """Every folder above ``resolved`` that holds a studyapp database or lock file."""
    for folder in resolved.parents:
        paths = DataPaths(folder)
        if os.path.exists(paths.database) or os.path.exists(paths.lock):  # False, not an error, when unreadable
            yield folder


def _describe(name: str, data: DataPaths) -> str | None:
    """What a file of this name in the data folder is, if it is one studyapp keeps."""
    db = data.database.name
    if name == db:
        return "studyapp's database"
    if name in (db + side for side in DATABASE_SIDE_FILES):
        return f"studyapp's database journal ({name[len(db):]})"
    if name.startswith(db):  # a damaged database kept aside (``.corrupt-…``), or one being built
        return "a copy of studyapp's database kept aside"
    if name == data.lock.name:
        return "studyapp's lock file"
    return None


def _kept_files(data: DataPaths) -> list[tuple[Path, str]]:
    """(file, what it is) for every file of the data folder that is never written."""
    try:
        names = [e.name for e in os.scandir(data.root)]
    except OSError:
        names = []
    found = [(data.root / n, what) for n in names if (what := _describe(n, data)) is not None]
    try:
        found += [(Path(e.path), "a backup of studyapp's database") for e in os.scandir(data.backups)]
    except OSError:
        pass
    return found


def _refusal_in(target: Path, resolved: Path, target_id: tuple[int, int] | None, root: Path) -> str | None:
    """Why ``target`` (``resolved``, of identity ``target_id``) is a kept file of the data folder ``root`` (resolved)."""
    data = DataPaths(root)
    if resolved.parent == data.root and (what := _describe(resolved.name, data)) is not None:
        return f"{target} is {what}"
    backups = data.backups
    backups_id = _identity(backups)
    chain = (resolved, *resolved.parents)
    if backups in chain or (backups_id is not None and any(_identity(folder) == backups_id for folder in chain)):
        return f"{target} is in studyapp's backups folder"
    if target_id is not None:  # another name for a kept file: a hard link, or a case-insensitive file system
        for path, what in _kept_files(data):
            if _identity(path) == target_id:
                return f"{target} is {what}"
    return None


def protected_reason(target: Path, data_dirs: tuple[Path, ...] = ()) -> str | None:
    """Why ``target`` is one of studyapp's data files (never to be written), or None."""
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links (Python 3.11)
        return f"{target} cannot be followed to a real file (a loop of symbolic links?)"
    target_id = _identity(target)
    roots = dict.fromkeys([*(os.path.realpath(d) for d in data_dirs), *map(str, _data_dirs_around(resolved))])
    for root in roots:
        reason = _refusal_in(target, resolved, target_id, Path(root))
        if reason is not None:
            return f"{reason}; it is never written over, even with --force"
    return None


def check_target(target: Path, policy: WritePolicy) -> None:
    """Raise ``ProtectedTarget`` or ``TargetExists`` (with a message) when ``target`` may not be written."""
    reason = protected_reason(target, policy.data_dirs)
    if reason is not None:
        raise ProtectedTarget(reason)
    if os.path.isdir(target):
        raise WriteRefused(f"{target} is a folder; name a file to write")
    if os.path.lexists(target) and not policy.replace_existing:
        raise TargetExists(f"{target} exists")


def _new_temp(folder: Path, name: str) -> Path:
    """An empty file beside the target, made with mode 0o666 so the umask decides its mode."""
    while True:
        tmp = folder / f".{name[:80]}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp


def _sync(path: Path, flags: int) -> None:
    try:
        fd = os.open(path, flags)
    except OSError:  # a folder cannot be opened on some systems: nothing to flush there
        if flags == os.O_RDONLY:
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if flags != os.O_RDONLY:
            raise
    finally:
        os.close(fd)


def _place(tmp: Path, target: Path, policy: WritePolicy) -> None:
    """Rename ``tmp`` to ``target``; without ``replace_existing`` never over a file that appeared meanwhile."""
    if policy.replace_existing:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if the target exists: no window between a check and the rename
    except FileExistsError:
        raise TargetExists(f"{target} exists") from None
    except OSError:  # a file system without hard links
        if os.path.lexists(target):
            raise TargetExists(f"{target} exists") from None
        os.replace(tmp, target)
        return
    tmp.unlink()


def write_through(target: Path, produce: Callable[[Path], object], policy: WritePolicy) -> None:
    """Let ``produce`` write the whole file at a temporary path, then put it in place as ``target``.

    Raises ``WriteRefused`` (nothing written) or whatever ``produce`` or the file system raise
    (``OSError``); in every case the temporary file is gone and an old ``target`` is untouched.
    """
    check_target(target, policy)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    tmp = _new_temp(folder, target.name)
    try:
        produce(tmp)
        _sync(tmp, os.O_RDWR | getattr(os, "O_BINARY", 0))
        check_target(target, policy)  # again: the target may have appeared (or been linked) meanwhile
        _place(tmp, target, policy)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync(folder, os.O_RDONLY)


def write_bytes(target: Path, data: bytes, policy: WritePolicy) -> None:
    """Write ``data`` to ``target`` safely (see ``write_through``)."""
    write_through(target, lambda tmp: tmp.write_bytes(data), policy)


def write_text(target: Path, text: str, policy: WritePolicy, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``target`` safely, encoded as ``encoding``, line ends as given (see ``write_through``)."""
    write_bytes(target, text.encode(encoding), policy)


def keep_copy(source: Path, target: Path, policy: WritePolicy) -> None:
    """Keep ``source``'s current content as the new file ``target`` (a history version).

    ``target`` is checked like any write. A hard link is made when the file system allows it:
    no data is copied and nothing needs flushing, since the content is already on disk; the
    caller then replaces ``source`` by a rename, so the link alone holds the old content.
    Otherwise the bytes are copied through ``write_through``.
    """
    check_target(target, policy)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if os.stat(source).st_nlink > 1:  # the file has other names: one of them may change in place
            raise OSError("copy instead")
        os.link(source, target)
    except FileExistsError:
        raise TargetExists(f"{target} exists") from None
    except OSError:  # another file system, or one without hard links
        data = source.read_bytes()
        write_through(target, lambda tmp: tmp.write_bytes(data), policy)
        return
    _sync(target.parent, os.O_RDONLY)
