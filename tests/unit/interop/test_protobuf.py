"""The protobuf wire reader that Anki's media list and note type settings are read with."""

from __future__ import annotations

import pytest

from studyapp.interop.ankicollection import notetype_kind
from studyapp.interop.protobuf import message_fields, read_varint


def test_varints_and_length_delimited_fields_are_read_and_fixed_ones_skipped() -> None:
    # field 1 varint 300, field 2 fixed64, field 3 bytes "hi", field 4 fixed32, field 1 varint 1
    data = b"\x08\xac\x02" + b"\x11" + bytes(8) + b"\x1a\x02hi" + b"\x25" + bytes(4) + b"\x08\x01"
    assert message_fields(data) == [(1, 300), (3, b"hi"), (1, 1)]
    assert notetype_kind(data) == 1  # the last occurrence wins


@pytest.mark.parametrize("data", [b"\x08", b"\x08\xff", b"\x1a\x05hi", b"\x11\x00", b"\x0b"])
def test_a_cut_or_unknown_message_is_a_value_error(data: bytes) -> None:
    with pytest.raises(ValueError):
        message_fields(data)


def test_a_varint_longer_than_64_bits_is_refused() -> None:
    with pytest.raises(ValueError):
        read_varint(b"\xff" * 11 + b"\x01", 0)
