"""Load question files: one file, named files, or whole folders (with an optional warm cache).

A file with any problem is reported and skipped whole; every other file still loads. Folders
are scanned recursively for ``*.yaml`` and ``*.yml`` (hidden files and folders skipped) in
sorted path order; when two valid files use one deck id, the first in that order loads and
the second is reported at its ``deck:`` line, naming the first file. One exception: a deck in
the person's own question folder with the id of a bundled file is that person's copy of it
(edits to an installed bundled deck are kept there, ``authoring.own_copy``): the copy is the
deck and the bundled file is left out, silently.

The YAML parser and the validator are imported on the first file that is actually read:
a start where every file comes from the warm cache needs neither (they cost more to import
than the whole warm load of the bundled bank).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.bank.cache import BankCache, FileStamp
from studyapp.bank.model import Bank, Deck, Problem
from studyapp.bank.results import RawProblem, ValidatedFile
from studyapp.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from studyapp.bank.prebuilt import PrebuiltBank

SUFFIXES = (".yaml", ".yml")


def read_file(path: Path) -> ValidatedFile:
    """Read, parse and validate one question file; never raises for anything in the file."""
    from studyapp.bank.yamlnodes import MAX_FILE_BYTES

    try:
        if path.is_dir():
            return ValidatedFile(None, (RawProblem.of(1, 1, Message(QT_TRANSLATE_NOOP("Core", "is a folder, not a question file"))),))
        if not path.is_file():  # a FIFO or device would block or never end
            path.stat()  # raises for a missing file, reported below
            return ValidatedFile(None, (RawProblem.of(1, 1, Message(QT_TRANSLATE_NOOP("Core", "is not a regular file"))),))
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return ValidatedFile(None, (RawProblem.of(1, 1, Message(QT_TRANSLATE_NOOP("Core", "cannot read the file: {error}"),
                                                                error=str(exc.strerror or exc))),))
    return check_data(data, path)


def check_data(data: bytes, path: Path) -> ValidatedFile:
    """Validate the bytes of a question file that lives (or will live) at ``path``.

    ``path`` places relative ``source`` paths; nothing else is read from it.
    """
    from studyapp.bank.validate import validate_document
    from studyapp.bank.yamlnodes import compose, line_count

    root, problems = compose(data)
    if root is None:
        return ValidatedFile(None, tuple(problems))
    return validate_document(root, path, line_count(data))


def check_file(path: Path) -> tuple[Deck | None, tuple[Problem, ...]]:
    """Validate one file: its deck (``None`` when it has any problem) and its problems."""
    result = read_file(path)
    return result.deck, _with_path(path, result.problems)


def load_files(paths: Sequence[Path]) -> Bank:
    """Load the files named, and the question files inside any folder named, in the order given.

    Duplicate deck ids among them are reported. Used by ``studyapp check FILE...`` and to
    validate a file before the window copies it into the user's question folder.
    """
    files: list[Path] = []
    for path in paths:
        files.extend(scan_folder(path) if path.is_dir() else [path])
    with _gc_paused():
        return _assemble(files, None, None)


def load_bank(dirs: Sequence[Path], *, cache_dir: Path | None = None, prebuilt: PrebuiltBank | None = None,
              bundled: Path | None = None, own: Path | None = None) -> Bank:
    """Load every question file under ``dirs`` (missing folders are skipped).

    ``bundled`` and ``own``: the bundled question folder and the person's; a deck under
    ``own`` with the id of a file in ``bundled`` takes its place (see the module's docstring).

    With ``cache_dir``, results of unchanged files (same resolved path, size and
    modification time, and the same for their source text) are reused; the cache is
    rebuilt whenever it is missing, stale or unreadable. ``prebuilt`` (the bundled files'
    shipped result, see ``prebuilt``) serves a file the cache does not hold when its bytes
    are those the result was built from.
    """
    files = [f for d in dirs if d.is_dir() for f in scan_folder(d)]
    with _gc_paused():
        cache = BankCache.open(cache_dir) if cache_dir is not None else None
        bank = _assemble(files, cache, prebuilt, _Copies.of(bundled, own))
    if cache is not None:
        cache.save()
    return bank


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading makes many small objects and no cycles; collecting meanwhile only costs time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def scan_folder(folder: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` file under ``folder``, recursively, in sorted path order."""
    found: list[Path] = []
    for root, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = Path(root)
        found.extend(base / n for n in filenames if n.endswith(SUFFIXES) and not n.startswith("."))
    return sorted(found)


class _Copies:
    """Which files are bundled and which are the person's own (the shadowing rule)."""

    def __init__(self, bundled: Path, own: Path) -> None:
        self.bundled = _real(bundled)
        self.own = _real(own)

    @classmethod
    def of(cls, bundled: Path | None, own: Path | None) -> _Copies | None:
        if bundled is None or own is None:
            return None
        made = cls(bundled, own)
        return made if made.bundled != made.own else None

    def is_bundled(self, real: Path) -> bool:
        return real.parent == self.bundled

    def is_own(self, real: Path) -> bool:
        return real.is_relative_to(self.own)


def _assemble(files: Iterable[Path], cache: BankCache | None, prebuilt: PrebuiltBank | None,
              copies: _Copies | None = None) -> Bank:
    decks: list[Deck] = []
    problems: list[Problem] = []
    first_file: dict[str, Path] = {}
    first_real: dict[str, Path] = {}  # deck id -> the resolved path of the file that holds it
    seen: set[Path] = set()
    count = 0
    for path in files:
        real = _real(path)
        if real in seen:  # named twice, or inside two folders given: load it once
            continue
        seen.add(real)
        count += 1
        result = _read_cached(path, cache, prebuilt)
        problems.extend(_with_path(path, result.problems))
        deck = result.deck
        if deck is None:
            continue
        if deck.id in first_file and copies is not None:
            if copies.is_bundled(first_real[deck.id]) and copies.is_own(real):  # the person's copy replaces it
                decks[next(i for i, d in enumerate(decks) if d.id == deck.id)] = deck
                first_file[deck.id], first_real[deck.id] = path, real
                continue
            if copies.is_own(first_real[deck.id]) and copies.is_bundled(real):
                continue  # the copy came first: the bundled file is left out
        if deck.id in first_file:
            line, column = result.deck_at
            used = Message(QT_TRANSLATE_NOOP("Core", "deck id '{id}' is already used by {path}; this file is skipped"),
                           id=deck.id, path=str(first_file[deck.id]))
            problems.append(Problem(path, line, column, str(used), used))
            continue
        first_file[deck.id], first_real[deck.id] = path, real
        decks.append(deck)
    return Bank(decks=tuple(decks), problems=tuple(problems), files=count)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _read_cached(path: Path, cache: BankCache | None, prebuilt: PrebuiltBank | None) -> ValidatedFile:
    if cache is None:
        return _read_fresh(path, prebuilt)
    stamp = FileStamp.of(path)
    if stamp is not None:
        hit = cache.lookup(path, stamp)
        if hit is not None:
            return hit
    result = _read_fresh(path, prebuilt)
    if stamp is not None:
        cache.store(stamp, result)
    return result


def _read_fresh(path: Path, prebuilt: PrebuiltBank | None) -> ValidatedFile:
    """The prebuilt result when it applies to these bytes, else ``read_file``."""
    hit = prebuilt.lookup(path) if prebuilt is not None else None
    return hit if hit is not None else read_file(path)


def _with_path(path: Path, raw: Iterable[RawProblem]) -> tuple[Problem, ...]:
    return tuple(Problem(path, p.line, p.column, p.message, p.wording) for p in raw)
