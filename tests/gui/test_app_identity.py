"""The running application carries studyapp's icon (set once the window is painted, so its
windows have it) and names its desktop entry (the app id)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from studyapp import APP_ID
from studyapp.desktop import ICON_SIZES

REPO = Path(__file__).resolve().parents[2]

_IDENTITY = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from studyapp.cli import main\n"
    "app = QApplication([sys.argv[0]])\n"
    "rc = main(['--exit-when-shown', '--data-dir', sys.argv[1]])\n"
    "sizes = sorted(s.width() for s in app.windowIcon().availableSizes())\n"
    "print(rc, app.desktopFileName(), ','.join(map(str, sizes)), not app.windowIcon().pixmap(48, 48).isNull())\n"
)


def test_the_window_has_the_icon_in_every_size_and_the_desktop_file_name(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _IDENTITY, str(tmp_path / "data")], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.split() == ["0", APP_ID, ",".join(map(str, ICON_SIZES)), "True"]
