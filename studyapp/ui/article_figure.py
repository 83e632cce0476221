"""An article's image line as a figure: the picture when it is a local file, else its address.

A picture is read only from a file beside the article (a relative path that stays inside the
article's folder), through the bounded reader (``image_loading``) with limits checked *before*
decoding: the file's size, and the pixel count the image's header claims, so a decompression
bomb (a small file declaring a huge image) is refused with a message instead of filling memory. Images are never
shown through rich text, and nothing is fetched: a web address is shown as text with an
"Open in browser" button, which opens it only when clicked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PySide6.QtGui import QImage

from studyapp.ui.image_loading import read_image as bounded_read

MAX_FILE_BYTES = 20 * 1024 * 1024  # an article's figure may be a larger photo than a question's picture
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
    """The image at ``path`` scaled to fit ``width`` × ``height``, or why it is not shown
    (through the bounded reader every picture goes through, with an article's file limit)."""
    return bounded_read(path, width, height, max_bytes=MAX_FILE_BYTES)


def figure_for(url: str, folder: Path | None) -> Figure:
    """The figure of an image line with address ``url`` in an article read from ``folder``."""
    path = local_path(url, folder)
    if path is not None:
        found = read_image(path)
        return Figure(image=found) if isinstance(found, QImage) else Figure(refused=found)
    if urlsplit(url).scheme.lower() in WEB_SCHEMES:
        return Figure(web_url=url)
    return Figure()
