"""The bundled question files' load result, prebuilt and shipped with the package.

A first start (a fresh data dir) has an empty warm-load cache, so it would parse and validate
the bundled deck, importing the YAML parser and the validator to do it: ~25 ms of a start that
the bare PySide6 window does in ~120 ms. ``bundled.prebuilt`` (next to this module, written by
``python -m studyapp.bank.prebuilt``) holds that result together with everything it was
computed from, byte for byte:

* each bundled file's bytes, and the bytes of the ``source`` article it names (or that it is
  missing);
* a checksum of the loader's own code (every module of ``studyapp.bank``, ``textnorm``, the
  quote lookup ``articles/folding`` and ``messages``) and the version.

``PrebuiltBank.lookup`` reads the file and its source and returns the prebuilt result only when
every byte is the same and the code is unchanged; anything else (an edited question, another
article, another loader) returns ``None`` and the file is read as usual. So the result is never
trusted over the files: it is exactly what ``loader.read_file`` would return for those bytes.
Its one assumption is that reading is a function of the bytes, the file's folder (for the
source path) and the code, which ``tests/unit/bank/test_prebuilt.py`` checks against a cold
read, and which is also why a stale prebuilt file fails that test (regenerate it, as above).
"""

from __future__ import annotations

import marshal
import sys
import zlib
from pathlib import Path, PurePosixPath
from typing import Any

import studyapp
from studyapp.bank.cache import decode_result, encode_result
from studyapp.bank.results import ValidatedFile

PREBUILT_PATH = Path(__file__).with_name("bundled.prebuilt")
_MAGIC = b"studyapp-prebuilt-1\n"


def code_checksum() -> int:
    """CRC-32 of the loader's code: every ``studyapp/bank/*.py``, ``textnorm.py``, the quote
    lookup (``articles/folding.py``), the problems' wording (``messages.py``) and the version."""
    bank_dir = Path(__file__).resolve().parent
    crc = zlib.crc32(studyapp.__version__.encode())
    shared = [bank_dir.parent / "textnorm.py", bank_dir.parent / "articles" / "folding.py", bank_dir.parent / "messages.py"]
    for file in sorted(bank_dir.glob("*.py")) + shared:
        crc = zlib.crc32(file.name.encode(), crc)
        crc = zlib.crc32(file.read_bytes(), crc)
    return crc


def _read(path: Path) -> bytes | None:
    try:
        with path.open("rb") as f:
            return f.read()
    except OSError:
        return None


def _source_path(folder: Path, written: str) -> Path:
    """Where ``source: written`` points from a file in ``folder`` (as ``validate`` resolves it)."""
    return (folder / PurePosixPath(written.replace("\\", "/"))).resolve()


class PrebuiltBank:
    """Prebuilt results for the files directly inside one folder (the bundled ``questions/``).

    The prebuilt file is read on the first lookup, so a start served by the warm cache never
    reads it.
    """

    def __init__(self, folder: Path, prebuilt: Path = PREBUILT_PATH) -> None:
        self.folder = folder
        self.prebuilt = prebuilt
        self._entries: dict[str, tuple[Any, ...]] | None = None

    def _load(self) -> dict[str, tuple[Any, ...]]:
        if self._entries is None:
            self._entries = {}
            blob = _read(self.prebuilt)
            if blob is not None and blob.startswith(_MAGIC):
                try:
                    checksum, entries = marshal.loads(blob[len(_MAGIC) :])
                except (ValueError, EOFError, TypeError):
                    return self._entries
                if isinstance(entries, dict) and checksum == code_checksum():
                    self._entries = entries
        return self._entries

    def lookup(self, path: Path) -> ValidatedFile | None:
        """The prebuilt result for ``path`` if its bytes and its source's bytes are unchanged."""
        if path.parent != self.folder or not path.is_file():  # a FIFO would block the read
            return None
        entry = self._load().get(path.name)
        if entry is None:
            return None
        data = _read(path)
        try:
            expected, written, source_bytes, payload = entry
            if data is None or data != expected:
                return None
            source = None
            if written is not None:
                source = _source_path(path.parent, written)
                if _read(source) != source_bytes:
                    return None
            _deck, problems, deck_at, _source = payload
            return decode_result(path, (_deck, problems, deck_at, str(source) if source else None))
        except (ValueError, TypeError, KeyError, IndexError):
            return None  # an entry that does not decode is as good as none


def build(folder: Path, out: Path = PREBUILT_PATH) -> int:
    """Read every question file directly in ``folder`` cold and write the prebuilt file; returns their count."""
    from studyapp.bank.loader import SUFFIXES, read_file
    from studyapp.bank.yamlnodes import compose

    entries: dict[str, tuple[Any, ...]] = {}
    for path in sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIXES) and not p.name.startswith(".")):
        data = path.read_bytes()
        result = read_file(path)
        written = None
        root, _problems = compose(data)
        if root is not None and hasattr(root, "value") and isinstance(root.value, list):
            for key, value in root.value:
                if getattr(key, "value", None) == "source" and isinstance(getattr(value, "value", None), str):
                    written = value.value
        source_bytes = None
        if written is not None:
            source = _source_path(path.parent, written)
            if result.source is not None and source != result.source:
                raise RuntimeError(f"{path}: source resolves to {source}, the loader says {result.source}")
            source_bytes = _read(source)
        entries[path.name] = (data, written, source_bytes, encode_result(result))
    out.write_bytes(_MAGIC + marshal.dumps((code_checksum(), entries)))
    return len(entries)


def main(argv: list[str]) -> int:
    """``python -m studyapp.bank.prebuilt [FOLDER]``: rebuild ``bundled.prebuilt`` (default: the bundled questions)."""
    if argv:
        folder = Path(argv[0])
    else:
        from studyapp.paths import bundled_questions_dir

        folder = bundled_questions_dir()
    count = build(folder.resolve())
    print(f"wrote {PREBUILT_PATH} ({count} file{'s' if count != 1 else ''} of {folder})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
