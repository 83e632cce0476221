"""The one way the window opens a picture file: bounded, checked before decoding, never rich text.

``read_image`` opens only a regular file (without blocking: a FIFO or a device in the picture's
place is refused, never waited on or read), reads at most the size limit's bytes into memory,
asks ``QImageReader`` what size the header claims and refuses a claim over
``MAX_IMAGE_PIXELS`` (a decompression bomb: a small file declaring a huge picture) before any
pixel is decoded; only then does it decode, straight to the size that fits the box. Article
figures (``article_figure``) and question pictures (``question_image``) both go through it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from studyapp.bank.imagefile import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, open_regular, svg_refers_outside
from studyapp.ui.translation import number_text

translate = QCoreApplication.translate  # thread-safe: a large picture is decoded off the UI thread

#: The formats a question's picture may be (``QImageReader.format()``): what ``studyapp check`` accepts.
QUESTION_FORMATS = frozenset({"png", "jpeg", "jpg", "webp", "svg"})
#: Formats never decoded: a compressed SVG hides its text from the check on what it links.
_NEVER = frozenset({"svgz"})


def _mib(limit: int) -> str:
    whole = limit % (1024 * 1024) == 0
    return translate("ImageLoading", "{size} MiB").format(size=number_text(limit / (1024 * 1024), 0 if whole else 1))


def svg_outside_text() -> str:
    """``imagefile.SVG_OUTSIDE_PROBLEM`` in the window's language."""
    return translate("ImageLoading", "an SVG that shows or links other files (<image> or href); "
                                     "only self-contained drawings are shown")


def read_image(path: Path, width: int, height: int, *, max_bytes: int = MAX_IMAGE_BYTES,
               formats: frozenset[str] | None = None) -> QImage | str:
    """The picture at ``path`` scaled to fit ``width`` × ``height`` (never enlarged), or why it
    is not shown (one plain sentence part, e.g. "the file is larger than 5 MiB"). ``formats``
    limits what it may be (``QUESTION_FORMATS``); None: any format Qt reads but SVGZ."""
    data = read_file(path, max_bytes)
    return data if isinstance(data, str) else decode_image(data, width, height, formats)


def read_file(path: Path, max_bytes: int = MAX_IMAGE_BYTES) -> bytes | str:
    """The bytes of the regular file at ``path`` (at most ``max_bytes``), or why not."""
    try:
        with open_regular(path) as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        return translate("ImageLoading", "the file does not exist")
    except OSError as exc:
        return translate("ImageLoading", "cannot be read ({reason})").format(reason=exc.strerror or exc)
    if len(data) > max_bytes:
        return translate("ImageLoading", "the file is larger than {size}").format(size=_mib(max_bytes))
    return data


def decode_image(data: bytes, width: int, height: int, formats: frozenset[str] | None = None) -> QImage | str:
    """``data`` (a whole picture file already in memory) decoded to fit ``width`` × ``height``.

    Uses no widget or pixmap, so it may run on a worker thread."""
    if data.startswith(b"\x1f\x8b"):
        return translate("ImageLoading", "a compressed file, not a picture")
    # Text (an SVG, or something passing as one) is judged before Qt sees it: asking Qt even
    # for the size parses the whole drawing, opening every file it links.
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and svg_refers_outside(data):
        return svg_outside_text()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return translate("ImageLoading", "cannot be read")
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    # Qt's own allocation limit too (in MiB of decoded pixels), in case a format's header lies.
    reader.setAllocationLimit(MAX_IMAGE_PIXELS * 4 // (1024 * 1024) + 1)
    # The format is found from the first bytes only; the size may parse a whole drawing.
    kind = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if kind in _NEVER or (formats is not None and kind and kind not in formats):
        return translate("ImageLoading", "a {kind} image; only PNG, JPEG, WebP and SVG pictures are shown").format(kind=kind.upper())
    if kind == "svg" and (not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") or svg_refers_outside(data)):
        return svg_outside_text()
    claimed = reader.size()
    if claimed.isValid() and claimed.width() * claimed.height() > MAX_IMAGE_PIXELS:
        return translate("ImageLoading", "the image claims {width} × {height} pixels, too large to open").format(
            width=number_text(claimed.width()), height=number_text(claimed.height()))
    if not kind or not reader.canRead() or not claimed.isValid() or claimed.isEmpty():
        return translate("ImageLoading", "not a readable image ({reason})").format(reason=reader.errorString())
    fitted = claimed
    if claimed.width() > width or claimed.height() > height:
        fitted = claimed.scaled(QSize(max(1, width), max(1, height)), Qt.AspectRatioMode.KeepAspectRatio)
    reader.setScaledSize(fitted)
    image = reader.read()
    if image.isNull():
        return translate("ImageLoading", "not a readable image ({reason})").format(reason=reader.errorString())
    return image
