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
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import zstandard

NEWEST = "collection.anki21b"
MEMBERS = (NEWEST, "collection.anki21", "collection.anki2")  # Anki's own order of preference
CLOZE_KIND = 1


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
    z: zipfile.ZipFile, member: str, target: Path, limit: int = MAX_COLLECTION_BYTES
) -> None:
    """Write ``member`` of the package to ``target`` as a plain SQLite file (decompressing ``anki21b``).

    Raises ``zstandard.ZstdError`` when the compressed data is damaged, and ``CollectionTooLarge``
    (an ``OSError``) as soon as more than ``limit`` bytes come out, so a crafted package cannot
    fill the disk.
    """
    with z.open(member) as raw, target.open("wb") as dst:
        # Anki writes a streaming frame without the content size, so decompress as a stream.
        src = zstandard.ZstdDecompressor().stream_reader(raw) if member == NEWEST else raw
        written = 0
        while chunk := src.read(1 << 20):
            written += len(chunk)
            if written > limit:
                raise CollectionTooLarge(f"{member} unpacks to more than {limit:,} bytes")
            dst.write(chunk)


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    """The protobuf varint at ``pos`` and the position after it; ValueError when cut short."""
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("truncated protobuf varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def notetype_kind(config: bytes) -> int:
    """``kind`` (field 1) of a protobuf ``Notetype.Config``: 0 normal, 1 cloze; ValueError if malformed."""
    pos, kind = 0, 0
    while pos < len(config):
        key, pos = _varint(config, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(config, pos)
            if number == 1:
                kind = value  # protobuf: the last occurrence wins
        elif wire == 1:
            pos += 8
        elif wire == 2:
            length, pos = _varint(config, pos)
            pos += length
        elif wire == 5:
            pos += 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        if pos > len(config):
            raise ValueError("truncated protobuf field")
    return kind


def _schema18_types(con: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for ntid, name in con.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(int(ntid), []).append(str(name))
    cloze_templates = {
        int(ntid) for ntid, config in con.execute("SELECT ntid, config FROM templates")
        if b"{{cloze:" in bytes(config)
    }
    types = {}
    for ntid, name, config in con.execute("SELECT id, name, config FROM notetypes"):
        try:
            cloze = notetype_kind(bytes(config)) == CLOZE_KIND
        except ValueError:
            cloze = int(ntid) in cloze_templates
        types[int(ntid)] = NoteType(str(name), cloze, tuple(fields.get(int(ntid), ())))
    return types


def _legacy_types(con: sqlite3.Connection) -> dict[int, NoteType]:
    models = json.loads(con.execute("SELECT models FROM col").fetchone()[0] or "{}")
    return {
        int(mid): NoteType(
            str(m.get("name", "")), m.get("type") == CLOZE_KIND,
            tuple(str(f.get("name", "")) for f in sorted(m.get("flds", []), key=lambda f: int(f.get("ord", 0)))),
        )
        for mid, m in models.items()
    }


def note_types(con: sqlite3.Connection) -> dict[int, NoteType]:
    """Every note type of the collection by id, from the schema-18 tables when present, else from ``col.models``."""
    has_table = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'").fetchone()
    return _schema18_types(con) if has_table else _legacy_types(con)
