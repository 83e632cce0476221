"""The first-start welcome: shown once after the first paint, never again once closed, on demand
from Help → Welcome, and its buttons do what the File menu's entries do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

from studyapp.app import RunningApp, start_app
from studyapp.paths import DataPaths
from studyapp.ui.main_window import WELCOME_CLOSED_KEY
from studyapp.ui.window_settings import open_settings
from window_samples import FIXED_NOW, ScriptedDialogs

BUNDLED = "belarus-west-2025"


def _start(qtbot: Any, data_dir: Path, *, welcome: bool = True) -> tuple[RunningApp, QSettings]:
    """Start as ``run_window`` does (the data folder's own settings), show and wait for the first paint."""
    settings = open_settings(DataPaths(data_dir))
    running = start_app(DataPaths(data_dir), settings, now=lambda: FIXED_NOW, welcome=welcome)
    qtbot.addWidget(running.window)
    with qtbot.waitSignal(running.window.firstPainted, timeout=5000):
        running.window.show()
    return running, settings


def _stop(running: RunningApp, settings: QSettings) -> None:
    running.window.close()
    running.close()
    settings.sync()


def _welcome(running: RunningApp) -> Any:
    from studyapp.ui.welcome import WelcomeDialog

    found = [d for d in running.window.findChildren(WelcomeDialog) if d.isVisible()]
    return found[0] if found else None


def test_the_welcome_shows_on_a_first_start_and_never_again_once_closed(qtbot: Any, data_dir: Path) -> None:
    running, settings = _start(qtbot, data_dir)
    try:
        welcome = _welcome(running)
        assert welcome is not None and not welcome.isModal()
        texts = "\n".join(label.text() for label in welcome.findChildren(QLabel))
        assert "question bank" in texts and "spaced repetition" in texts and "proves each answer" in texts
        assert "Start with: Belarus and the West after the 2025 election" in texts
        welcome.buttons.rejected.emit()  # Close
        qtbot.waitUntil(lambda: _welcome(running) is None)
        assert settings.value(WELCOME_CLOSED_KEY, False, bool) is True
    finally:
        _stop(running, settings)

    again, settings = _start(qtbot, data_dir)  # the same data folder, started again
    try:
        QApplication.processEvents()
        assert _welcome(again) is None
    finally:
        _stop(again, settings)


def test_a_start_up_check_and_tools_never_show_it(qtbot: Any, data_dir: Path) -> None:
    running, settings = _start(qtbot, data_dir, welcome=False)
    try:
        QApplication.processEvents()
        assert _welcome(running) is None
        assert settings.value(WELCOME_CLOSED_KEY) is None  # still a first start for the person
    finally:
        _stop(running, settings)


def test_help_welcome_shows_it_again(qtbot: Any, data_dir: Path) -> None:
    settings = open_settings(DataPaths(data_dir))
    settings.setValue(WELCOME_CLOSED_KEY, True)
    settings.sync()
    running, settings = _start(qtbot, data_dir)
    try:
        QApplication.processEvents()
        assert _welcome(running) is None
        action = running.window.findChild(QAction, "welcome")
        assert action is not None and "Welcome" in action.text()
        action.trigger()
        qtbot.waitUntil(lambda: _welcome(running) is not None)
        action.trigger()  # asked twice: the one open is raised, not a second one
        assert len([d for d in running.window.findChildren(type(_welcome(running))) if d.isVisible()]) == 1
    finally:
        _stop(running, settings)


def test_open_this_deck_selects_the_bundled_deck(qtbot: Any, data_dir: Path) -> None:
    running, settings = _start(qtbot, data_dir)
    try:
        running.window.home.select_deck("no-such-deck")
        welcome = _welcome(running)
        assert welcome.deck_button is not None
        welcome.deck_button.click()
        assert _welcome(running) is None
        assert running.window.home.current_deck_id() == BUNDLED
        assert settings.value(WELCOME_CLOSED_KEY, False, bool) is True
    finally:
        _stop(running, settings)


def test_add_question_file_asks_for_a_file(qtbot: Any, data_dir: Path, scripted: ScriptedDialogs) -> None:
    running, settings = _start(qtbot, data_dir)
    try:
        _welcome(running).action_buttons["add-file"].click()
        assert [kind for kind, _title, _text in scripted.calls] == ["open_file"]  # cancelled: nothing added
        assert _welcome(running) is None
    finally:
        _stop(running, settings)


def test_new_deck_from_article_opens_the_draft_dialog(qtbot: Any, data_dir: Path) -> None:
    from studyapp.ui.draft_dialog import DraftDialog

    running, settings = _start(qtbot, data_dir)
    try:
        _welcome(running).action_buttons["DraftDialog"].click()
        qtbot.waitUntil(lambda: any(d.isVisible() for d in running.window.findChildren(DraftDialog)))
        assert _welcome(running) is None
    finally:
        for d in running.window.findChildren(DraftDialog):
            d.reject()
        _stop(running, settings)


def test_new_deck_opens_the_new_deck_dialog(qtbot: Any, data_dir: Path) -> None:
    from studyapp.ui.question_editor_new import NewDeckDialog

    running, settings = _start(qtbot, data_dir)
    try:
        _welcome(running).action_buttons["new-deck"].click()
        qtbot.waitUntil(lambda: any(d.isVisible() for d in running.window.findChildren(NewDeckDialog)))
    finally:
        for d in running.window.findChildren(NewDeckDialog):
            d.reject()
        _stop(running, settings)


# The real entry point, without --exit-when-shown: quits once a visible welcome is on screen.
_STARTED_WELCOME = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from studyapp.cli import main\n"
    "app = QApplication([sys.argv[0]])\n"
    "def poll():\n"
    "    if any(type(w).__name__ == 'WelcomeDialog' and w.isVisible() for w in app.topLevelWidgets()):\n"
    "        print('welcome shown')\n"
    "        app.quit()\n"
    "    else:\n"
    "        QTimer.singleShot(20, poll)\n"
    "QTimer.singleShot(0, poll)\n"
    "QTimer.singleShot(30000, app.quit)\n"
    "args = sys.argv[2:] + ['--data-dir', sys.argv[1]]\n"
    "rc = main(args)\n"
    "print('module loaded' if 'studyapp.ui.welcome' in sys.modules else 'module not loaded')\n"
    "sys.exit(rc)\n"
)


def test_studyapp_shows_it_but_a_start_up_check_does_not_even_load_it(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}

    def run(*args: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", _STARTED_WELCOME, str(tmp_path / "data"), *args], cwd=repo,
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    assert run("--exit-when-shown") == ["module not loaded"]
    assert run() == ["welcome shown", "module loaded"]  # still a first start: the check did not count
