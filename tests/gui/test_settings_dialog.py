"""Tools → Preferences…: the theme applies at once and at the next start, the text size is the
window's, the data folder is shown literally and opens, Study settings… opens its dialog."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from studyapp.app import RunningApp, start_app
from studyapp.paths import DataPaths
from studyapp.preferences import Theme
from studyapp.ui.settings_dialog import PreferencesDialog
from studyapp.ui.theme import THEME_KEY, Scheme, apply_scheme, saved_theme
from studyapp.ui.window_settings import open_settings
from window_samples import FIXED_NOW, ScriptedDialogs

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def palette_kept(qapp: QApplication) -> Iterator[QApplication]:
    """The test application's palette is put back afterwards (a theme choice changes it)."""
    old = qapp.palette()
    yield qapp
    apply_scheme(qapp, Scheme.LIGHT, set_style=False)
    qapp.setPalette(old)


def _window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


def _start(qtbot: Any, data_dir: Path) -> RunningApp:
    running = start_app(DataPaths(data_dir), open_settings(DataPaths(data_dir)), dirs=[], now=lambda: FIXED_NOW)
    qtbot.addWidget(running.window)
    running.window.show()
    return running


def _preferences(running: RunningApp) -> PreferencesDialog:
    action = running.window.findChild(QAction, "preferences")
    assert action is not None and action.shortcut() == QKeySequence("Ctrl+,")
    action.trigger()
    [dialog] = [d for d in running.window.findChildren(PreferencesDialog) if d.isVisible()]
    return dialog


def test_the_theme_choice_changes_the_palette_at_once_and_is_kept(
    qtbot: Any, data_dir: Path, palette_kept: QApplication
) -> None:
    running = _start(qtbot, data_dir)
    try:
        dialog = _preferences(running)
        assert dialog.theme() is Theme.SYSTEM and dialog.theme_buttons[Theme.SYSTEM].isChecked()
        dialog.theme_buttons[Theme.DARK].click()
        assert _window_colour(palette_kept) == "#2b2c30"  # the dark palette, without closing the dialog
        assert saved_theme(running.window.settings) is Theme.DARK
        dialog.theme_buttons[Theme.LIGHT].click()
        assert _window_colour(palette_kept) == "#efefef"
        assert running.window.settings.value(THEME_KEY) == "light"
        dialog.theme_buttons[Theme.DARK].click()
        dialog.reject()
        reopened = _preferences(running)  # shows what was chosen
        assert reopened.theme() is Theme.DARK
        reopened.reject()
    finally:
        running.window.close()
        running.close()


# Starts the window through the real entry point and prints the palette's window colour.
_STARTED_COLOUR = (
    "import sys\n"
    "from PySide6.QtGui import QPalette\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from studyapp.cli import main\n"
    "rc = main(['--exit-when-shown', '--data-dir', sys.argv[1]])\n"
    "print(rc, QApplication.instance().palette().color(QPalette.ColorRole.Window).name())\n"
)


@pytest.mark.parametrize(("theme", "colour"), [(Theme.DARK, "#2b2c30"), (Theme.LIGHT, "#efefef")])
def test_the_chosen_theme_is_applied_at_the_next_start(tmp_path: Path, theme: Theme, colour: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    settings = open_settings(DataPaths(folder))
    settings.setValue(THEME_KEY, theme.value)
    settings.sync()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", _STARTED_COLOUR, str(folder)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", colour]


def test_an_unknown_stored_theme_follows_the_system(tmp_path: Path) -> None:
    settings = open_settings(DataPaths(tmp_path))
    settings.setValue(THEME_KEY, "<b>purple</b>")
    assert saved_theme(settings) is Theme.SYSTEM
    settings.setValue(THEME_KEY, " Dark ")
    assert saved_theme(settings) is Theme.DARK


def test_the_text_size_is_the_windows(qtbot: Any, data_dir: Path) -> None:
    running = _start(qtbot, data_dir)
    try:
        running.window.set_font_size(12)
        dialog = _preferences(running)
        assert dialog.font_spin.value() == 12
        dialog.font_spin.setValue(16)
        assert running.window.font_size == 16
        assert int(running.window.settings.value("view/font_size")) == 16
        assert dialog.font().pointSize() == 16  # the dialog follows at once
        dialog.font_spin.setValue(dialog.font_spin.maximum() + 5)  # clamped by the box
        assert running.window.font_size == dialog.font_spin.maximum()
        dialog.reject()
    finally:
        running.window.close()
        running.close()


def test_the_data_folder_is_shown_literally_and_opens(qtbot: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    folder = tmp_path / "<b>my data"
    running = _start(qtbot, folder)
    try:
        dialog = _preferences(running)
        assert dialog.folder_label.text() == str(folder)
        assert dialog.folder_label.textFormat() == Qt.TextFormat.PlainText
        dialog.open_folder.click()
        assert scripted.opened == [folder]
        dialog.reject()
    finally:
        running.window.close()
        running.close()


def test_study_settings_opens_the_study_settings_dialog(qtbot: Any, data_dir: Path) -> None:
    from studyapp.ui.study_settings_dialog import StudySettingsDialog

    running = _start(qtbot, data_dir)
    try:
        dialog = _preferences(running)
        dialog.study_button.click()
        qtbot.waitUntil(lambda: any(d.isVisible() for d in running.window.findChildren(StudySettingsDialog)))
        for d in running.window.findChildren(StudySettingsDialog):
            d.reject()
        dialog.reject()
    finally:
        running.window.close()
        running.close()
