"""Where the window's settings live, and how a saved window size is taken back.

Settings belong to the data folder: ``settings.ini`` beside the database
(``DataPaths.settings``). Two data folders opened with ``--data-dir`` keep their own window
size, text size and last deck; nothing is shared through the platform's per-user settings,
where one stale size used to open every folder's window at 414×358.

Earlier versions kept the settings there (``~/.config/studyapp/studyapp.conf`` on Linux, the
registry on Windows). ``open_settings`` copies them once into the default data folder's new
file, so what was chosen there is not lost; other data folders start from the defaults.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from studyapp.paths import DataPaths

#: The window's size when none was saved, or the saved one is not usable.
DEFAULT_SIZE = (1000, 680)
#: A saved size below this is not a choice but an accident (a window half-restored, a stale
#: file): the window opens at the default size instead.
MIN_RESTORED = (640, 480)


def open_settings(paths: DataPaths, legacy: Callable[[], QSettings] | None = None) -> QSettings:
    """The settings of the data folder ``paths``; ``legacy`` (for the default data folder only)
    gives the settings of earlier versions, copied in when the folder has none yet."""
    settings = QSettings(str(paths.settings), QSettings.Format.IniFormat)
    if legacy is not None and not paths.settings.exists():
        old = legacy()
        keys = old.allKeys()
        for key in keys:
            settings.setValue(key, old.value(key))
        if keys:
            settings.sync()
    return settings


def restore_geometry(window: QWidget, saved: object) -> bool:
    """Give ``window`` its saved geometry when that is sane; True when it was taken.

    A geometry smaller than ``MIN_RESTORED`` or off every screen (a monitor since unplugged)
    is not restored as is: the window gets ``DEFAULT_SIZE`` (no larger than the screen) and,
    if it was off-screen, a place on the primary screen.
    """
    if saved is not None and _restored(window, saved):
        big_enough = window.width() >= MIN_RESTORED[0] and window.height() >= MIN_RESTORED[1]
        if (big_enough or window.isMaximized()) and _on_a_screen(window):
            return True
    screen = QGuiApplication.primaryScreen()
    width, height = DEFAULT_SIZE
    if screen is None:
        window.resize(width, height)
        return False
    area = screen.availableGeometry()
    window.resize(min(width, area.width()), min(height, area.height()))
    if not _on_a_screen(window):
        frame = window.frameGeometry()
        frame.moveCenter(area.center())
        window.move(frame.topLeft())
    return False


def _restored(window: QWidget, saved: object) -> bool:
    """Whether ``window`` took ``saved`` as its geometry (QByteArray is loaded only when one
    was saved: a first start does not build its type and enums before the first paint)."""
    from PySide6.QtCore import QByteArray

    return isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved)


def _on_a_screen(window: QWidget) -> bool:
    """True when the window's title bar region touches some screen's usable area."""
    frame = window.frameGeometry()
    top = frame.adjusted(0, 0, 0, -max(0, frame.height() - 40))  # where the window is dragged from
    return any(top.intersects(screen.availableGeometry()) for screen in QGuiApplication.screens())
