"""Picture files for tests, written byte by byte (no Qt): a real small PNG, headers of the other
formats, and a decompression bomb (a small PNG whose header claims a huge picture)."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(width: int = 8, height: int = 6, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A valid, decodable RGB PNG of one colour."""
    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(row * height)) + _chunk(b"IEND", b""))


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG of a few hundred bytes whose header claims ``width`` × ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 65_536)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


def jpeg_header(width: int = 640, height: int = 480) -> bytes:
    """The start of a JPEG: SOI, an APP0 segment, then a baseline frame header (SOF0)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0


def webp_header(width: int = 300, height: int = 200) -> bytes:
    """The start of an extended WebP file (RIFF, WEBP, VP8X with the canvas size)."""
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (
        height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


SVG = ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">'
       '<rect width="120" height="80" fill="#3a7"/></svg>\n')
