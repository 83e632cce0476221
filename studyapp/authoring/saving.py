"""Save an edited question file atomically, keeping the version it replaces in a small history.

The new bytes go through ``studyapp.safe_write`` (a temporary file beside the target, flushed,
renamed into place; studyapp's own data files are never a target). Before that, the file's
current content is kept as ``<history dir>/<file name>/<UTC timestamp>.yaml`` (a hard link to
the old file when the file system allows it: the rename then leaves the old content to the
history alone, with nothing copied; a copy otherwise); the last ``KEEP`` versions of each file
stay, older ones are removed. ``restore`` puts a kept version
back (keeping the current one first, so a restore can be undone too).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from studyapp.safe_write import WritePolicy, keep_copy, write_bytes

KEEP = 20


class ChangedOnDisk(OSError):
    """The file is no longer what the editor read: saving would lose someone else's change."""


def history_folder(history_dir: Path, path: Path) -> Path:
    """Where the kept versions of the question file ``path`` go."""
    return history_dir / path.name


def versions(history_dir: Path, path: Path) -> list[Path]:
    """The kept versions of ``path``, oldest first."""
    folder = history_folder(history_dir, path)
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".yaml" and not p.name.startswith("."))
    except OSError:
        return []


def _stamp(now: datetime, folder: Path) -> Path:
    base = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    candidate, n = folder / f"{base}.yaml", 1
    while candidate.exists():
        candidate, n = folder / f"{base}-{n}.yaml", n + 1
    return candidate


def save_file(path: Path, data: bytes, history_dir: Path, *, data_dir: Path | None = None,
              now: datetime | None = None, expected: bytes | None = None) -> Path | None:
    """Write ``data`` to ``path``, first keeping its current bytes in the history.

    With ``expected`` (the bytes the edit was made on), a file that no longer holds them is not
    written: ``ChangedOnDisk``. Returns the kept version (None when ``path`` did not exist or
    held these bytes already). Raises ``OSError`` (including ``safe_write.WriteRefused``) when
    nothing could be written; the old file is then untouched.
    """
    policy = WritePolicy(data_dirs=(data_dir,) if data_dir else (), replace_existing=True)
    try:
        old: bytes | None = path.read_bytes()
    except FileNotFoundError:
        old = None
    if expected is not None and old is not None and old != expected:
        raise ChangedOnDisk(f"{path.name} was changed by another program since the editor read it; "
                            "open it again to edit the file as it is now (nothing was written)")
    kept = None
    if old is not None and old != data:
        folder = history_folder(history_dir, path)
        kept = _stamp(now or datetime.now(timezone.utc), folder)
        keep_copy(path, kept, WritePolicy(data_dirs=policy.data_dirs))
        for stale in versions(history_dir, path)[:-KEEP]:
            stale.unlink(missing_ok=True)
    write_bytes(path, data, policy)
    return kept


def restore(path: Path, version: Path, history_dir: Path, *, data_dir: Path | None = None,
            now: datetime | None = None) -> Path | None:
    """Put the kept ``version`` back as ``path`` (the current bytes are kept first)."""
    return save_file(path, version.read_bytes(), history_dir, data_dir=data_dir, now=now)
