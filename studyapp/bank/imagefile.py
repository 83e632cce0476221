"""A question's picture file, judged from its header only: where it is, how big, what it claims.

``image_file_problem`` is what ``studyapp check`` and the editor report for a question's
``image``: a path that leads out of the deck's folder through a link, a missing file, something
that is not a regular file (a FIFO or a device would block or never end), a file over
``MAX_IMAGE_BYTES``, a header that is not PNG, JPEG, WebP or SVG, or a declared size over
``MAX_IMAGE_PIXELS`` (a decompression bomb: a small file claiming a huge picture). Nothing is
decoded here — the window decodes through its bounded reader (``ui/image_loading.py``), which
applies the same limits before decoding.
"""

from __future__ import annotations

import os
import re
import stat
import struct
from pathlib import Path
from typing import BinaryIO, NamedTuple

from studyapp.bank.model import Bank, Problem, QuestionImage
from studyapp.messages import QT_TRANSLATE_NOOP, Message

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # a question's picture file
MAX_IMAGE_PIXELS = 50_000_000  # about 8,000 × 6,000: larger claims are refused before decoding
_SVG_HEAD = 4096  # an SVG's root element must start within this many bytes
_JPEG_SEGMENTS = 200  # a JPEG's size marker must come within this many segments


class ImageHeader(NamedTuple):
    """What a picture's header says: its format and the size it declares (0 × 0 for an SVG
    that declares none)."""

    kind: str  # "PNG", "JPEG", "WebP" or "SVG"
    width: int
    height: int


class NotAnImage(ValueError):
    """The bytes are not the header of a PNG, JPEG, WebP or SVG picture (its text is marked for
    the translators: ``Message(str(exc))`` writes it in the window's language)."""


def _png(head: bytes) -> ImageHeader:
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise NotAnImage(QT_TRANSLATE_NOOP("Core", "a PNG without its IHDR header"))
    width, height = struct.unpack(">II", head[16:24])
    return ImageHeader("PNG", width, height)


def _webp(head: bytes) -> ImageHeader:
    chunk = head[12:16]
    if chunk == b"VP8 " and len(head) >= 30:
        w, h = struct.unpack("<HH", head[26:30])
        return ImageHeader("WebP", w & 0x3FFF, h & 0x3FFF)
    if chunk == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        return ImageHeader("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(head) >= 30:
        return ImageHeader("WebP", int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1)
    raise NotAnImage(QT_TRANSLATE_NOOP("Core", "a WebP file without a known image chunk"))


def _jpeg(f: BinaryIO) -> ImageHeader:
    """Walk the JPEG's segments (skipping their bodies) to the first frame header (SOFn)."""
    f.seek(2)
    for _ in range(_JPEG_SEGMENTS):
        marker = f.read(2)
        while len(marker) == 2 and marker[0] == 0xFF and marker[1] == 0xFF:  # fill bytes
            marker = marker[1:] + f.read(1)
        if len(marker) < 2 or marker[0] != 0xFF:
            break
        code = marker[1]
        if code in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            continue
        size = f.read(2)
        if len(size) < 2:
            break
        length = struct.unpack(">H", size)[0]
        if code in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            frame = f.read(5)
            if len(frame) < 5:
                break
            height, width = struct.unpack(">HH", frame[1:5])
            return ImageHeader("JPEG", width, height)
        if code == 0xDA or length < 2:  # image data before any frame header
            break
        f.seek(length - 2, os.SEEK_CUR)
    raise NotAnImage(QT_TRANSLATE_NOOP("Core", "a JPEG without a readable frame header"))


_SVG_ROOT = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_SVG_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def _svg_length(attrs: str, name: str) -> int:
    """A width or height attribute in pixels; 0 when absent, a percentage or another unit."""
    found = re.search(rf"\b{name}\s*=\s*[\"']([^\"']*)[\"']", attrs)
    number = _SVG_LENGTH.match(found.group(1)) if found else None
    return int(float(number.group(1))) if number else 0


def _svg(head: bytes) -> ImageHeader:
    root = _SVG_ROOT.search(head)
    if root is None:
        raise NotAnImage(QT_TRANSLATE_NOOP("Core", "a text file without an <svg> element near its start"))
    attrs = root.group(1).decode("utf-8", "replace")
    return ImageHeader("SVG", _svg_length(attrs, "width"), _svg_length(attrs, "height"))


# An SVG may embed or link other files (<image href="…">, href to another document); Qt's SVG
# reader would open them, a FIFO among them blocking it forever. Pictures are drawings only:
# any <image> element, or any href that is not a reference inside the drawing (#id), is refused.
_SVG_OUTSIDE = re.compile(rb"""<image\b|href\s*=\s*["']\s*(?!#)""", re.IGNORECASE)


def svg_refers_outside(data: bytes) -> bool:
    """True when an SVG's text holds an ``<image>`` or an ``href`` that is not ``#id``."""
    return _SVG_OUTSIDE.search(data) is not None


SVG_OUTSIDE_PROBLEM = QT_TRANSLATE_NOOP(
    "Core", "an SVG that shows or links other files (<image> or href); only self-contained drawings are shown")


def read_header(f: BinaryIO) -> ImageHeader:
    """The header of the picture open in ``f`` (at its start); raises ``NotAnImage``."""
    head = f.read(_SVG_HEAD)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(head)
    if head.startswith(b"\xff\xd8\xff"):
        return _jpeg(f)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp(head)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<") and b"<svg" in head.lower():
        return _svg(head)
    raise NotAnImage(QT_TRANSLATE_NOOP("Core", "not a PNG, JPEG, WebP or SVG picture"))


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading, refused (``OSError``) unless it is a regular file.

    Opened without blocking, then checked on the open file: a FIFO put in the picture's place
    never makes the reader wait, and a device such as ``/dev/zero`` is never read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"'{path.name}' is not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def size_problem(byte_count: int, header: ImageHeader, limit: int = MAX_IMAGE_BYTES) -> str | None:
    """Why a file of ``byte_count`` bytes with ``header`` is refused (too big either way), or None."""
    wording = size_wording(byte_count, header, limit)
    return str(wording) if wording is not None else None


def size_wording(byte_count: int, header: ImageHeader, limit: int = MAX_IMAGE_BYTES) -> Message | None:
    """``size_problem`` for the window to translate."""
    if byte_count > limit:
        return Message(QT_TRANSLATE_NOOP("Core", "is larger than {limit} MiB ({size:,} bytes)"),
                       limit=limit // (1024 * 1024), size=byte_count)
    if header.width * header.height > MAX_IMAGE_PIXELS:
        return Message(QT_TRANSLATE_NOOP("Core", "claims {width:,} × {height:,} pixels, too large to open"),
                       width=header.width, height=header.height)
    return None


def image_file_problem(image: QuestionImage) -> Message | None:
    """Why the picture file of ``image`` cannot be shown, or None when its header is fine
    (``str()`` of it is the English ``studyapp check`` prints)."""
    path = image.path

    def said(template: str, **args: str | int | Message) -> Message:
        return Message(template, path=path, **args)

    try:
        folder = image.folder.resolve()
        target = image.file.resolve()
    except (OSError, RuntimeError):
        return said(QT_TRANSLATE_NOOP("Core", "image file '{path}' cannot be found (a link that leads in a circle?)"))
    if not target.is_relative_to(folder):
        return said(QT_TRANSLATE_NOOP("Core", "image file '{path}' leads outside this file's folder (through a link)"))
    is_a = QT_TRANSLATE_NOOP("Core", "image file '{path}' is {what}")
    try:
        with open_regular(target) as f:
            header = read_header(f)
            byte_count = os.fstat(f.fileno()).st_size
            if header.kind == "SVG" and byte_count <= MAX_IMAGE_BYTES:
                f.seek(0)
                if svg_refers_outside(f.read(MAX_IMAGE_BYTES)):
                    return said(is_a, what=Message(SVG_OUTSIDE_PROBLEM))
    except FileNotFoundError:
        return said(QT_TRANSLATE_NOOP("Core", "image file '{path}' does not exist (the path is relative to this file's folder)"))
    except NotAnImage as exc:
        return said(is_a, what=Message(str(exc)))
    except OSError as exc:
        return said(QT_TRANSLATE_NOOP("Core", "image file '{path}' cannot be read ({error})"), error=str(exc.strerror or exc))
    problem = size_wording(byte_count, header)
    return said(QT_TRANSLATE_NOOP("Core", "image file '{path}' {problem}"), problem=problem) if problem else None


def read_picture(image: QuestionImage) -> bytes | str:
    """The bytes of ``image``'s file when ``image_file_problem`` finds nothing wrong with it
    (read bounded, for an export to carry), or that problem."""
    problem = image_file_problem(image)
    if problem is not None:
        return str(problem)
    try:
        with open_regular(image.file.resolve()) as f:
            data = f.read(MAX_IMAGE_BYTES + 1)
    except OSError as exc:
        return f"image file '{image.path}' cannot be read ({exc.strerror or exc})"
    if len(data) > MAX_IMAGE_BYTES:
        return f"image file '{image.path}' is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB"
    return data


def picture_problems(bank: Bank) -> list[Problem]:
    """Each loaded question's picture that cannot be shown, at its ``image:`` value."""
    found: list[Problem] = []
    for deck in bank.decks:
        for q in deck.questions:
            if q.image is not None and (message := image_file_problem(q.image)) is not None:
                found.append(Problem(deck.path, q.image.line, q.image.column, str(message), message))
    return found


def with_picture_problems(bank: Bank) -> Bank:
    """``bank`` with its pictures' problems added to the load problems (the window lists them in
    its problems panel, as ``studyapp check`` does). Only questions with a picture are read: a
    header each."""
    found = picture_problems(bank)
    return bank._replace(problems=(*bank.problems, *found)) if found else bank
