"""A warm-load cache: validation results of unchanged question files, kept between runs.

An entry is keyed by the file's resolved path, size and modification time (ns), and by the
same for its ``source`` text; any change means the file is read and validated again. The
cache is never trusted over the files: a missing, damaged, foreign or stale cache (written
by another version of the loader) is ignored and rebuilt. It holds only plain tuples of
text, numbers and booleans (``marshal``, behind a CRC-32 checksum), so reading it can build
nothing but the model's own dataclasses. The checksum only has to catch accidental damage (a
digest without a key would not stop a deliberate edit either); ``zlib`` is already loaded by
the time the window starts, while ``hashlib`` would load OpenSSL: ~3 ms and ~3.7 MB of RSS.

Files modified moments before they were read are not stored (a second edit within the
file system's timestamp resolution could otherwise go unnoticed).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import studyapp
from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionImage,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.bank.results import RawProblem, ValidatedFile
from studyapp.messages import Message

CACHE_FILENAME = "question-files.cache"
_MAGIC = b"studyapp-bank-cache-3\n"  # 2: CRC-32 instead of SHA-256; 3: problems keep their wording
_DIGEST = 4
_RACY_NS = 50_000_000  # files changed within 50 ms of being read are not cached
_COARSE_RACY_NS = 2_000_000_000  # ... within 2 s on file systems with whole-second times


class FileStamp(NamedTuple):
    """Identity of one file's content as far as the cache can tell without reading it.

    A named tuple rather than a frozen dataclass: ~0.1 ms to create at import instead of ~0.9.
    """

    resolved: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        try:
            resolved = path.resolve()
            st = resolved.stat()
        except (OSError, RuntimeError):
            return None
        return cls(str(resolved), st.st_size, st.st_mtime_ns)

    @classmethod
    def of_source(cls, path: Path) -> FileStamp:
        """A source text's stamp; a missing one is stamped too, so its appearance is noticed."""
        try:
            st = path.stat()
        except OSError:
            return cls(str(path), -1, -1)
        return cls(str(path), st.st_size, st.st_mtime_ns)

    def settled(self, now_ns: int) -> bool:
        coarse = self.mtime_ns % 1_000_000_000 == 0
        return now_ns - self.mtime_ns > (_COARSE_RACY_NS if coarse else _RACY_NS)


def _checksum(body: bytes) -> bytes:
    return zlib.crc32(body).to_bytes(_DIGEST, "big")


def _fingerprint() -> str:
    """Changes whenever the loader's code changes, so results of older code are not reused."""
    # Every module of the bank package, not a hand-kept list: a new rules module must not be
    # forgotten (it was, once, when validate.py was split).
    # textnorm, the quote lookup and messages are named by path, not imported: a warm start needs
    # none of their dependencies.
    parts = [studyapp.__version__]
    bank_dir = Path(__file__).resolve().parent
    files = sorted(bank_dir.glob("*.py")) + [bank_dir.parent / "textnorm.py", bank_dir.parent / "articles" / "folding.py",
                                             bank_dir.parent / "messages.py"]
    for file in files:
        try:
            st = file.stat()
            parts.append(f"{file.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("?")
    return "|".join(parts)


class BankCache:
    """Cached results of ``loader.read_file``; open, ``lookup``/``store`` per file, then ``save``."""

    def __init__(self, path: Path, entries: dict[str, tuple[Any, ...]]) -> None:
        self.path = path
        self._old = entries
        self._new: dict[str, tuple[Any, ...]] = {}
        self._dirty = False

    @classmethod
    def open(cls, cache_dir: Path) -> BankCache:
        """Read the cache in ``cache_dir``; anything unreadable counts as empty."""
        path = cache_dir / CACHE_FILENAME
        try:
            blob = path.read_bytes()
        except OSError:
            return cls(path, {})
        body = blob[len(_MAGIC) + _DIGEST :]
        if not blob.startswith(_MAGIC) or _checksum(body) != blob[len(_MAGIC) : len(_MAGIC) + _DIGEST]:
            return cls(path, {})
        try:
            fingerprint, entries = marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            return cls(path, {})
        if fingerprint != _fingerprint() or not isinstance(entries, dict):
            return cls(path, {})
        return cls(path, entries)

    def lookup(self, path: Path, stamp: FileStamp) -> ValidatedFile | None:
        """The cached result for ``path`` if the file and its source are unchanged."""
        entry = self._old.get(stamp.resolved)
        if entry is None:
            return None
        try:
            size, mtime_ns, source, payload = entry
            if size != stamp.size or mtime_ns != stamp.mtime_ns:
                return None
            if source is not None and FileStamp.of_source(Path(source[0])) != FileStamp(*source):
                return None
            result = decode_result(path, payload)
        except (ValueError, TypeError, KeyError, IndexError):
            return None  # an entry that does not decode is as good as none
        self._new[stamp.resolved] = entry
        return result

    def store(self, stamp: FileStamp, result: ValidatedFile) -> None:
        """Remember a fresh result, unless the file (or its source) changed too recently to trust."""
        now = time.time_ns()
        source = FileStamp.of_source(result.source) if result.source is not None else None
        if not stamp.settled(now) or (source is not None and source.size >= 0 and not source.settled(now)):
            self._dirty = True  # still drop any old entry for it
            return
        src = (source.resolved, source.size, source.mtime_ns) if source is not None else None
        self._new[stamp.resolved] = (stamp.size, stamp.mtime_ns, src, encode_result(result))
        self._dirty = True

    def save(self) -> None:
        """Write the entries used in this run (atomically); errors are ignored."""
        if not self._dirty and self._new.keys() == self._old.keys():
            return
        body = marshal.dumps((_fingerprint(), self._new))
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(_MAGIC + _checksum(body) + body)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()


def encode_result(result: ValidatedFile) -> tuple[Any, ...]:
    """``result`` as plain tuples of text, numbers and booleans (for ``marshal``)."""
    problems = tuple((p.line, p.column, p.message, p.wording.plain() if p.wording else None) for p in result.problems)
    deck = result.deck
    if deck is None:
        return (None, problems, result.deck_at, str(result.source) if result.source else None)
    encoded = (deck.id, deck.title, tuple(_encode_question(q) for q in deck.questions))
    return (encoded, problems, result.deck_at, str(result.source) if result.source else None)


def _encode_question(q: AnyQuestion) -> tuple[Any, ...]:
    image = (q.image.path, q.image.alt, q.image.line, q.image.column) if q.image is not None else None
    common = (str(q.type), q.id, q.prompt, q.explanation, q.quote, q.tags, q.line, image)
    if isinstance(q, ChoiceQuestion):
        return (*common, q.choices, q.answer)
    if isinstance(q, MultiQuestion):
        return (*common, q.choices, q.answers)
    if isinstance(q, TextQuestion):
        return (*common, q.answers)
    if isinstance(q, ClozeQuestion):
        parts = tuple(p.alternatives if isinstance(p, ClozeGap) else p for p in q.parts)
        return (*common, q.text, parts)
    if isinstance(q, OrderQuestion):
        return (*common, q.items)
    if isinstance(q, MatchQuestion):
        return (*common, q.pairs)
    return (*common, q.answer)  # truefalse, card


def decode_result(path: Path, payload: tuple[Any, ...]) -> ValidatedFile:
    """The ``ValidatedFile`` that ``encode_result`` encoded, for the file at ``path``."""
    encoded, problems, deck_at, source = payload
    source_path = Path(source) if source is not None else None
    raw = tuple(RawProblem(line, column, message, Message.from_plain(wording) if wording else None)
                for line, column, message, wording in problems)
    if encoded is None:
        return ValidatedFile(None, raw, tuple(deck_at), source_path)
    deck_id, title, questions = encoded
    decoded = tuple(_decode_question(deck_id, path.parent, q) for q in questions)
    deck = Deck(id=deck_id, title=title, path=path, questions=decoded, source=source_path)
    return ValidatedFile(deck, raw, tuple(deck_at), source_path)


def _decode_question(deck_id: str, folder: Path, q: tuple[Any, ...]) -> AnyQuestion:
    kind, qid, prompt, explanation, quote, tags, line, image, *rest = q
    picture = QuestionImage(image[0], image[1], folder, image[2], image[3]) if image is not None else None
    return _DECODERS[kind](
        rest, deck=deck_id, id=qid, prompt=prompt, explanation=explanation, quote=quote, tags=tags, line=line,
        image=picture,
    )


def _cloze(rest: list[Any], **common: Any) -> ClozeQuestion:
    parts = tuple(ClozeGap(p) if isinstance(p, tuple) else p for p in rest[1])
    return ClozeQuestion(text=rest[0], parts=parts, **common)


_DECODERS: dict[str, Callable[..., AnyQuestion]] = {
    QuestionType.CHOICE.value: lambda rest, **c: ChoiceQuestion(choices=rest[0], answer=rest[1], **c),
    QuestionType.MULTI.value: lambda rest, **c: MultiQuestion(choices=rest[0], answers=rest[1], **c),
    QuestionType.TRUEFALSE.value: lambda rest, **c: TrueFalseQuestion(answer=rest[0], **c),
    QuestionType.TEXT.value: lambda rest, **c: TextQuestion(answers=rest[0], **c),
    QuestionType.CLOZE.value: _cloze,
    QuestionType.ORDER.value: lambda rest, **c: OrderQuestion(items=rest[0], **c),
    QuestionType.MATCH.value: lambda rest, **c: MatchQuestion(pairs=rest[0], **c),
    QuestionType.CARD.value: lambda rest, **c: CardQuestion(answer=rest[0], **c),
}
