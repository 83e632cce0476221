"""An article's image line as a figure: the picture when it is a local file, else its address.

A picture is read only from a file beside the article (a relative path that stays inside the
article's folder), through ``QImageReader`` with limits checked *before* decoding: the file's
size, and the pixel count the image's header claims, so a decompression bomb (a small file
declaring a huge image) is refused with a message instead of filling memory. Images are never
shown through rich text, and nothing is fetched: a web address is shown as text with an
"Open in browser" button, which opens it only when clicked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000  # about 8,000 × 6,000: larger claims are refused before decoding
FIGURE_WIDTH = 640
FIGURE_HEIGHT = 420
WEB_SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class Figure:
    """What an image line shows: ``image`` (scaled to fit), or why not (``refused``), and the
    address to offer in a browser (``web_url``, http and https only)."""

    image: QImage | None = None
    refused: str = ""
    web_url: str = ""


def local_path(url: str, folder: Path | None) -> Path | None:
    """The file a relative image address names inside ``folder``; None for any other address."""
    if folder is None or not url or urlsplit(url).scheme or url.startswith(("/", "\\")):
        return None
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    try:
        base = folder.resolve()
        resolved = (base / path).resolve()
    except (OSError, ValueError):
        return None
    return resolved if resolved.is_relative_to(base) and resolved != base else None


def read_image(path: Path, width: int = FIGURE_WIDTH, height: int = FIGURE_HEIGHT) -> QImage | str:
    """The image at ``path`` scaled to fit ``width`` × ``height``, or why it is not shown."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if size > MAX_FILE_BYTES:
        return f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    claimed = reader.size()
    if not reader.canRead() or not claimed.isValid():
        return f"not a readable image ({reader.errorString()})"
    if claimed.width() * claimed.height() > MAX_PIXELS:
        return f"the image claims {claimed.width():,} × {claimed.height():,} pixels, too large to open"
    fitted = claimed
    if claimed.width() > width or claimed.height() > height:
        fitted = claimed.scaled(QSize(width, height), Qt.AspectRatioMode.KeepAspectRatio)
    reader.setScaledSize(fitted)
    image = reader.read()
    if image.isNull():
        return f"not a readable image ({reader.errorString()})"
    return image


def figure_for(url: str, folder: Path | None) -> Figure:
    """The figure of an image line with address ``url`` in an article read from ``folder``."""
    path = local_path(url, folder)
    if path is not None:
        found = read_image(path)
        return Figure(image=found) if isinstance(found, QImage) else Figure(refused=found)
    if urlsplit(url).scheme.lower() in WEB_SCHEMES:
        return Figure(web_url=url)
    return Figure()
