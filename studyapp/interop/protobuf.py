"""The little of protobuf's wire format that reading an Anki package needs, with no library.

Anki's newest packages keep their media list (``MediaEntries``) and each note type's settings
(``Notetype.Config``) as protobuf messages. Reading a few fields of them needs only the wire
format: varints and length-delimited values (fixed 32- and 64-bit values are skipped over).
Everything is bounds-checked; a message that is cut short or uses a wire type that does not exist
raises ``ValueError``, which the callers turn into one line about the package.
"""

from __future__ import annotations

_VARINT, _FIXED64, _LENGTH, _FIXED32 = 0, 1, 2, 5


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """The varint at ``pos`` and the position after it; ValueError when cut short."""
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


def message_fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """The (field number, value) pairs of one message, in order: a varint's value as an int,
    a length-delimited value as its bytes; fixed-width values are skipped."""
    out: list[tuple[int, int | bytes]] = []
    pos = 0
    while pos < len(data):
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == _VARINT:
            value, pos = read_varint(data, pos)
            out.append((number, value))
        elif wire == _LENGTH:
            length, pos = read_varint(data, pos)
            if pos + length > len(data):
                raise ValueError("truncated protobuf field")
            out.append((number, data[pos : pos + length]))
            pos += length
        elif wire in (_FIXED64, _FIXED32):
            pos += 8 if wire == _FIXED64 else 4
            if pos > len(data):
                raise ValueError("truncated protobuf field")
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
    return out
