"""Render studyapp's icon (an SVG) to the PNG sizes desktops and the window use.

``make icons`` runs this after the SVG changes; the PNGs are committed, so neither start-up nor
installing needs an SVG renderer. Qt's own (QtSvg) draws them, offscreen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402 - after choosing the platform
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from studyapp import APP_ID  # noqa: E402
from studyapp.desktop import ICON_SIZES, icon_png, icon_svg  # noqa: E402


def render(svg: Path, size: int, out: Path) -> None:
    """Draw ``svg`` into a ``size``×``size`` PNG with a transparent background."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"{out}: could not be written")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs the application
    for size in ICON_SIZES:
        render(icon_svg(), size, icon_png(size))
        print(f"{icon_png(size)} ({size}x{size})")
    print(f"{APP_ID}: {len(ICON_SIZES)} sizes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
