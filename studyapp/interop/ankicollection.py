"""The SQLite collection inside an Anki package, and its note types, in every format Anki writes.

A package (zip) holds one of:

- ``collection.anki21b``: what Anki 23.10+ exports by default (without "Support older Anki
  versions"): a zstd-compressed SQLite file in schema 18, whose note types live in the tables
  ``notetypes(id, name, config)``, ``fields(ntid, ord, name)`` and ``templates(ntid, ord, name,
  config)``; ``config`` columns are protobuf messages. Such packages also carry a dummy
  ``collection.anki2`` whose only note says "Please update to the latest Anki version", so the
  ``anki21b`` member is preferred, as Anki itself does.
- ``collection.anki21`` (Anki 2.1.x, or "Support older Anki versions") or ``collection.anki2``
  (Anki 2.0): plain SQLite with the note types as JSON in the ``models`` column of ``col``.

Cloze or not, in schema 18: ``Notetype.Config.kind`` (field 1, a varint; CLOZE = 1, NORMAL = 0
is left out by protobuf) is read from the config blob by a minimal protobuf walker
(:func:`notetype_kind`). Only if the blob cannot be walked does a note type count as Cloze when
one of its card templates' config holds ``{{cloze:``.

Every read goes through :mod:`studyapp.interop.collectionread` (read-only, plain tables only,
bounded), and ``col.models`` is checked for depth and shape before use: a malformed collection
raises ``UnusablePackage`` with the reason.
"""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import zstandard

from studyapp.interop.collectionread import CollectionReader, ImportCancelled, UnusablePackage
from studyapp.interop.protobuf import message_fields

NEWEST = "collection.anki21b"
MEMBERS = (NEWEST, "collection.anki21", "collection.anki2")  # Anki's own order of preference
CLOZE_KIND = 1
MAX_JSON_DEPTH = 32  # Anki writes note types 5 levels deep


@dataclass(frozen=True, slots=True)
class NoteType:
    """What the importer needs of an Anki note type: its name, whether it is Cloze, its field names."""

    name: str
    cloze: bool
    fields: tuple[str, ...]


def collection_member(z: zipfile.ZipFile) -> str | None:
    """The collection file in the package Anki would read, or None when there is none."""
    names = set(z.namelist())
    return next((name for name in MEMBERS if name in names), None)


MAX_COLLECTION_BYTES = 1 << 30  # 1 GiB unpacked: far above any real deck, far below a full disk


class CollectionTooLarge(OSError):
    """The unpacked collection would pass ``MAX_COLLECTION_BYTES`` (a zip or zstd bomb)."""


def extract_collection(
    z: zipfile.ZipFile, member: str, target: Path, limit: int = MAX_COLLECTION_BYTES,
    cancel: threading.Event | None = None,
) -> None:
    """Write ``member`` of the package to ``target`` as a plain SQLite file (decompressing ``anki21b``).

    Raises ``zstandard.ZstdError`` when the compressed data is damaged, ``CollectionTooLarge``
    (an ``OSError``) as soon as more than ``limit`` bytes come out, so a crafted package cannot
    fill the disk, and ``ImportCancelled`` when ``cancel`` is set.
    """
    with z.open(member) as raw, target.open("wb") as dst:
        # Anki writes a streaming frame without the content size, so decompress as a stream.
        src = zstandard.ZstdDecompressor().stream_reader(raw) if member == NEWEST else raw
        written = 0
        while chunk := src.read(1 << 20):
            if cancel is not None and cancel.is_set():
                raise ImportCancelled
            written += len(chunk)
            if written > limit:
                raise CollectionTooLarge(f"{member} unpacks to more than {limit:,} bytes")
            dst.write(chunk)


def notetype_kind(config: bytes) -> int:
    """``kind`` (field 1) of a protobuf ``Notetype.Config``: 0 normal, 1 cloze; ValueError if malformed."""
    kind = 0
    for number, value in message_fields(config):
        if number == 1 and isinstance(value, int):
            kind = value  # protobuf: the last occurrence wins
    return kind


def _schema18_types(reader: CollectionReader) -> dict[int, NoteType]:
    reader.require_tables("notetypes", "fields", "templates")
    fields: dict[int, list[str]] = {}
    for ntid, name in _pairs(reader.rows("SELECT ntid, name FROM fields ORDER BY ntid, ord")):
        fields.setdefault(_int(ntid, "a field's note type"), []).append(_text(name))
    cloze_templates = {
        _int(ntid, "a template's note type") for ntid, config in _pairs(reader.rows("SELECT ntid, config FROM templates"))
        if b"{{cloze:" in _blob(config)
    }
    types = {}
    for row in reader.rows("SELECT id, name, config FROM notetypes"):
        nid = _int(row[0], "a note type's id")
        try:
            cloze = notetype_kind(_blob(row[2])) == CLOZE_KIND
        except ValueError:
            cloze = nid in cloze_templates
        types[nid] = NoteType(_text(row[1]), cloze, tuple(fields.get(nid, ())))
    return types


def _pairs(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[object, object]]:
    for row in rows:
        yield row[0], row[1]


def _int(value: object, what: str) -> int:
    if isinstance(value, int):
        return value
    raise UnusablePackage(f"{what} is not a whole number")


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _blob(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    return b"" if value is None else str(value).encode("utf-8", "replace")


def _depth(value: object) -> int:
    """How deeply a loaded JSON value nests (iterative: the value may be as deep as json allows)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def legacy_note_types(text: str) -> dict[int, NoteType]:
    """The note types in ``col.models`` (JSON) of an ``anki2``/``anki21`` collection.

    Raises UnusablePackage when the JSON is malformed, nests deeper than ``MAX_JSON_DEPTH`` or
    is not shaped as Anki writes it (an object of note types by id, each an object whose
    ``flds`` is a list of objects).
    """
    try:
        models = json.loads(text or "{}")
    except RecursionError:
        raise UnusablePackage("the note types (col.models) nest too deeply") from None
    except ValueError as exc:  # JSONDecodeError, or a number past Python's digit limit
        raise UnusablePackage(f"the note types (col.models) are not valid JSON ({exc})") from None
    if _depth(models) > MAX_JSON_DEPTH:
        raise UnusablePackage(f"the note types (col.models) nest deeper than {MAX_JSON_DEPTH} levels")
    if not isinstance(models, dict):
        raise UnusablePackage(f"the note types (col.models) are a JSON {type(models).__name__}, not an object")
    types = {}
    for mid, m in models.items():
        if not isinstance(m, dict) or not isinstance(m.get("flds", []), list):
            raise UnusablePackage(f"note type {mid[:40]!r} in col.models is not a note type object")
        flds = [f for f in m.get("flds", []) if isinstance(f, dict)]
        if len(flds) != len(m.get("flds", [])):
            raise UnusablePackage(f"a field of note type {mid[:40]!r} in col.models is not an object")
        try:
            key = int(mid)
        except ValueError:
            raise UnusablePackage(f"note type id {mid[:40]!r} in col.models is not a number") from None
        order = [(f.get("ord", 0) if isinstance(f.get("ord", 0), int) else 0, i) for i, f in enumerate(flds)]
        types[key] = NoteType(
            _text(m.get("name", "")), m.get("type") == CLOZE_KIND,
            tuple(_text(flds[i].get("name", "")) for _, i in sorted(order)),
        )
    return types


def _legacy_types(reader: CollectionReader) -> dict[int, NoteType]:
    reader.require_tables("col")
    row = next(reader.rows("SELECT models FROM col"), None)
    if row is None:
        raise UnusablePackage("the collection's 'col' table is empty")
    return legacy_note_types(_text(row[0]))


def note_types(reader: CollectionReader) -> dict[int, NoteType]:
    """Every note type of the collection by id, from the schema-18 tables when present, else from ``col.models``."""
    return _schema18_types(reader) if reader.has_table("notetypes") else _legacy_types(reader)
