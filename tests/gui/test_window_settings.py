"""Settings belong to the data folder, and a saved window geometry is taken back only when sane."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from studyapp.app import start_app
from studyapp.paths import DataPaths
from studyapp.ui.window_settings import DEFAULT_SIZE, open_settings, restore_geometry

REPO = Path(__file__).resolve().parents[2]

# Opens the window through the real entry point and prints its size once the event loop runs.
_OPENED_SIZE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from studyapp.cli import main\n"
    "app = QApplication([sys.argv[0]])\n"
    "def report():\n"
    "    (w,) = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)]\n"
    "    print(f'{w.width()}x{w.height()}')\n"
    "QTimer.singleShot(0, report)\n"
    "sys.exit(main(['--exit-when-shown', '--data-dir', sys.argv[1]]))\n"
)


def _geometry(qtbot: Any, x: int, y: int, width: int, height: int) -> QByteArray:
    """What ``saveGeometry`` keeps for a window at this place and size."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setGeometry(x, y, width, height)
    return widget.saveGeometry()


def _window(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_two_data_folders_reopen_at_their_own_window_size(qtbot: Any, tmp_path: Path) -> None:
    folders = {tmp_path / "a": (760, 640), tmp_path / "b": (720, 520)}
    for folder, (width, height) in folders.items():
        folder.mkdir()
        saved = QSettings(str(DataPaths(folder).settings), QSettings.Format.IniFormat)
        saved.setValue("window/geometry", _geometry(qtbot, 40, 40, width, height))
        saved.sync()
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "QT_QPA_PLATFORM": "offscreen"}
    for folder, (width, height) in folders.items():
        done = subprocess.run(
            [sys.executable, "-c", _OPENED_SIZE, str(folder)], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout.split() == [f"{width}x{height}"]
    assert not (home / ".config" / "studyapp").exists()  # nothing shared between the folders


def test_a_closed_window_keeps_its_size_in_its_own_data_folder(qtbot: Any, tmp_path: Path) -> None:
    sizes = {tmp_path / "a": (760, 610), tmp_path / "b": (700, 500)}
    for folder, size in sizes.items():
        running = start_app(DataPaths(folder), open_settings(DataPaths(folder)), dirs=[])
        qtbot.addWidget(running.window)
        running.window.resize(*size)
        running.window.close()
        running.close()
    for folder, size in sizes.items():
        running = start_app(DataPaths(folder), open_settings(DataPaths(folder)), dirs=[])
        qtbot.addWidget(running.window)
        try:
            assert (running.window.width(), running.window.height()) == size
        finally:
            running.close()


def test_a_tiny_saved_window_opens_at_the_default_size(qtbot: Any) -> None:
    window = _window(qtbot)
    assert restore_geometry(window, _geometry(qtbot, 100, 100, 414, 358)) is False
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert (window.width(), window.height()) == (min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height()))


def test_a_sane_saved_window_is_restored_as_saved(qtbot: Any) -> None:
    window = _window(qtbot)
    assert restore_geometry(window, _geometry(qtbot, 30, 50, 700, 500)) is True
    assert (window.x(), window.y(), window.width(), window.height()) == (30, 50, 700, 500)


def test_an_off_screen_window_comes_back_onto_a_screen(qtbot: Any) -> None:
    window = _window(qtbot)
    restore_geometry(window, _geometry(qtbot, 20000, -9000, 700, 500))
    assert QGuiApplication.screenAt(window.frameGeometry().center()) is not None
    assert window.width() >= 640 and window.height() >= 480


def test_no_saved_or_unreadable_geometry_gives_the_default_size(qtbot: Any) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    expected = (min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height()))
    for saved in (None, QByteArray(), QByteArray(b"not a geometry"), "text"):
        window = _window(qtbot)
        assert restore_geometry(window, saved) is False
        assert (window.width(), window.height()) == expected


def test_the_default_folder_takes_over_earlier_settings_once(tmp_path: Path) -> None:
    earlier = QSettings(str(tmp_path / "earlier.conf"), QSettings.Format.IniFormat)
    earlier.setValue("view/font_size", 17)
    earlier.setValue("home/last_deck", "spanish")
    earlier.sync()
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir()
    first = open_settings(paths, lambda: earlier)
    assert paths.settings.is_file()
    assert first.value("view/font_size", 0, int) == 17 and first.value("home/last_deck") == "spanish"
    first.setValue("view/font_size", 12)
    first.sync()
    earlier.setValue("view/font_size", 20)
    again = open_settings(paths, lambda: earlier)
    assert again.value("view/font_size", 0, int) == 12  # copied once, never over the folder's own


def test_another_data_folder_starts_from_the_defaults(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir()
    settings = open_settings(paths)
    assert settings.allKeys() == []
    assert settings.fileName() == str(paths.settings)
