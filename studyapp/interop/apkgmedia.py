"""A package's media on import: the pictures its notes show, read bounded, under safe names.

An ``.apkg`` holds its media as numbered zip members named by a ``media`` map: JSON
(``{"0": "map.png"}``) in packages of the older formats, a zstd-compressed protobuf list in the
newest (Anki 23.10+, whose members are zstd-compressed too). ``PackageMedia`` reads the map
once and hands out one picture at a time (``picture``): a PNG, JPEG, WebP or SVG of at most
``MAX_IMAGE_BYTES`` whose header declares at most ``MAX_IMAGE_PIXELS``, all pictures together at
most ``MAX_MEDIA_BYTES``; anything else is a reason (a ``Message``, its ``str()`` the English the command line prints),
reported by the importer with its note.
Names are made safe (no folder parts, no hidden files, a picture's extension) and unique.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import NamedTuple

import zstandard

from studyapp.bank.imagefile import (
    MAX_IMAGE_BYTES,
    SVG_OUTSIDE_PROBLEM,
    NotAnImage,
    read_header,
    size_wording,
    svg_refers_outside,
)
from studyapp.bank.imagepath import IMAGE_SUFFIXES, MEDIA_FOLDER, image_path_problem
from studyapp.interop.htmltext import escape_stray_lt
from studyapp.interop.protobuf import message_fields
from studyapp.messages import QT_TRANSLATE_NOOP, Message

MAX_MEDIA_BYTES = 64 * 1024 * 1024  # every picture one import carries, together
MAX_MAP_BYTES = 8 * 1024 * 1024  # the media map itself
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_UNSAFE = re.compile(r"[^\w.\- ]+")
_IS = QT_TRANSLATE_NOOP("Core", "picture {source} is {what}")  # what: a reason its header or content gives


class Picture(NamedTuple):
    """An ``<img>`` of a note field: its source (the media name) and its alt text."""

    source: str
    alt: str


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Picture] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.found.append(Picture((values.get("src") or "").strip(), (values.get("alt") or "").strip()))


def pictures_in(html: str) -> list[Picture]:
    """The ``<img>`` elements of a note field, in order."""
    parser = _Images()
    parser.feed(escape_stray_lt(html))
    parser.close()
    return parser.found


def _fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """The fields of one message of the media list; ValueError("a damaged media list") if malformed."""
    try:
        return message_fields(data)
    except ValueError as exc:
        raise ValueError("a damaged media list") from exc


def _newest_map(data: bytes) -> dict[str, str]:
    """``MediaEntries`` (name = 1; legacy zip name = 255) → media name: zip member."""
    names: dict[str, str] = {}
    for index, (number, entry) in enumerate(f for f in _fields(data) if f[0] == 1):
        if number != 1 or not isinstance(entry, bytes):
            continue
        fields = dict(_fields(entry))
        name, legacy = fields.get(1), fields.get(255)
        if isinstance(name, bytes):
            names[name.decode("utf-8", "replace")] = str(legacy if isinstance(legacy, int) else index)
    return names


class PackageMedia:
    """The media of one open package: ``picture(name)`` gives its bytes or why they are not carried."""

    def __init__(self, z: zipfile.ZipFile | None, members: dict[str, str], compressed: bool) -> None:
        self._zip = z
        self._members = members
        self._compressed = compressed
        self._used = 0
        self.names: dict[str, str] = {}  # media name → the safe file name given to it
        self.files: dict[str, bytes] = {}  # safe file name → bytes

    @classmethod
    def open(cls, z: zipfile.ZipFile) -> PackageMedia:
        """Read ``z``'s media map; a package without one (or with a damaged one) has no media."""
        try:
            info = z.getinfo("media")
        except KeyError:
            return cls(None, {}, False)
        if info.file_size > MAX_MAP_BYTES:
            return cls(None, {}, False)
        try:
            raw = z.read(info)
            if raw.startswith(_ZSTD_MAGIC):
                data = zstandard.ZstdDecompressor().decompress(raw, max_output_size=MAX_MAP_BYTES)
                return cls(z, _newest_map(data), True)
            loaded = json.loads(raw.decode("utf-8") or "{}")
        except (ValueError, zstandard.ZstdError, zipfile.BadZipFile, OSError, EOFError, RuntimeError):
            return cls(None, {}, False)
        if not isinstance(loaded, dict):
            return cls(None, {}, False)
        return cls(z, {str(v): str(k) for k, v in loaded.items()}, False)

    def picture(self, source: str) -> Message | Picture:
        """The safe file name under ``media/`` the picture ``source`` is carried as (its bytes in
        ``files``), or why it is not carried. The same source twice is carried once."""
        if source in self.names:
            return Picture(self.names[source], "")
        member = self._members.get(source)
        if member is None or self._zip is None:
            return Message(QT_TRANSLATE_NOOP("Core", "picture {source} is not in the package"), source=source)
        name = safe_name(source, set(self.files))
        if name is None:
            return Message(QT_TRANSLATE_NOOP("Core", "picture {source} is not a PNG, JPEG, WebP or SVG file"),
                           source=source)
        data = self._read(member, source)
        if isinstance(data, Message):
            return data
        try:
            header = read_header(io.BytesIO(data))
        except NotAnImage as exc:
            return Message(_IS, source=source, what=Message(str(exc)))
        problem = size_wording(len(data), header)
        if problem is not None:
            return Message(QT_TRANSLATE_NOOP("Core", "picture {source} {problem}"), source=source, problem=problem)
        if header.kind == "SVG" and svg_refers_outside(data):
            return Message(_IS, source=source, what=Message(SVG_OUTSIDE_PROBLEM))
        if self._used + len(data) > MAX_MEDIA_BYTES:
            return Message(QT_TRANSLATE_NOOP("Core", "picture {source} passes the {size} MiB one import carries"),
                           source=source, size=MAX_MEDIA_BYTES // (1024 * 1024))
        self._used += len(data)
        self.names[source] = name
        self.files[name] = data
        return Picture(name, "")

    def _read(self, member: str, source: str) -> bytes | Message:
        assert self._zip is not None
        too_large = Message(QT_TRANSLATE_NOOP("Core", "picture {source} is larger than {size} MiB"),
                            source=source, size=MAX_IMAGE_BYTES // (1024 * 1024))
        try:
            info = self._zip.getinfo(member)
            if info.file_size > MAX_IMAGE_BYTES + 64 and not self._compressed:
                return too_large
            with self._zip.open(info) as f:
                raw = f.read(MAX_IMAGE_BYTES + 1 if not self._compressed else MAX_IMAGE_BYTES * 2)
            if self._compressed or raw.startswith(_ZSTD_MAGIC):
                raw = zstandard.ZstdDecompressor().decompress(raw, max_output_size=MAX_IMAGE_BYTES + 1)
        except KeyError:
            return Message(QT_TRANSLATE_NOOP("Core", "picture {source} is named in the package but missing from it"),
                           source=source)
        except (zstandard.ZstdError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
            return Message(QT_TRANSLATE_NOOP("Core", "picture {source} cannot be unpacked ({reason})"),
                           source=source, reason=str(exc))
        if len(raw) > MAX_IMAGE_BYTES:
            return too_large
        return raw


def safe_name(source: str, taken: set[str]) -> str | None:
    """A file name for ``source`` inside ``media/``: its last part, unsafe characters replaced,
    a picture's extension kept, not one of ``taken`` (``name-2.png`` then); None for no picture."""
    last = PurePosixPath(source.replace("\\", "/")).name
    stem, suffix = PurePosixPath(last).stem, PurePosixPath(last).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        return None
    stem = _UNSAFE.sub("_", stem).strip(" .") or "picture"
    stem = stem[:80]
    name, n = f"{stem}{suffix}", 1
    while name in taken or image_path_problem(f"{MEDIA_FOLDER}/{name}") is not None:
        n += 1
        name = f"{stem}-{n}{suffix}"
        if n > 10_000:
            return None
    return name
