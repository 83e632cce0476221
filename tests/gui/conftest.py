"""GUI fixtures: no real modal ever opens, scripted dialog answers, and the app built as run_window builds it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from studyapp.paths import DataPaths
from studyapp.ui import dialogs
from window_samples import FIXED_NOW, ScriptedDialogs

def _unpatched(what: str) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        pytest.fail(f"a test opened a real {what}; patch it through studyapp.ui.dialogs (see the dialogs fixture)")

    return fail


@pytest.fixture(autouse=True)
def _no_real_modals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any QMessageBox/QFileDialog (or a system opener) that a test did not patch fails the test
    instead of blocking it forever."""
    for name in ("exec", "question", "information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, _unpatched(f"QMessageBox.{name}"))
    for name in ("exec", "getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, _unpatched(f"QFileDialog.{name}"))
    for name in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, _unpatched(f"QInputDialog.{name}"))
    monkeypatch.setattr(dialogs, "open_externally", _unpatched("system file opener (dialogs.open_externally)"))


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> ScriptedDialogs:
    """Patch the dialogs seam: confirm/open_file/ask_text/pick answer from queues, inform/warn are recorded."""
    s = ScriptedDialogs()

    def confirm(_parent: object, title: str, text: str) -> bool:
        s.calls.append(("confirm", title, text))
        if not s.confirm_answers:
            pytest.fail(f"unexpected confirmation asked: {title}: {text}")
        return s.confirm_answers.pop(0)

    def inform(_parent: object, title: str, text: str) -> None:
        s.calls.append(("inform", title, text))

    def warn(_parent: object, title: str, text: str) -> None:
        s.calls.append(("warn", title, text))

    def open_file(_parent: object, title: str, _filter: str, _start: Path | None = None) -> Path | None:
        s.calls.append(("open_file", title, ""))
        return s.files_to_open.pop(0) if s.files_to_open else None

    def open_externally(_parent: object, path: Path) -> bool:
        s.opened.append(Path(path))
        return True

    def choose(_parent: object, title: str, text: str, _choices: list[str]) -> int | None:
        s.calls.append(("choose", title, text))
        return s.choices.pop(0) if s.choices else None

    def ask_text(_parent: object, title: str, label: str) -> str | None:
        s.calls.append(("ask_text", title, label))
        if not s.texts_to_type:
            pytest.fail(f"unexpected text asked: {title}: {label}")
        return s.texts_to_type.pop(0)

    def pick(_parent: object, title: str, label: str, items: list[str]) -> int | None:
        s.calls.append(("pick", title, f"{label} {items}"))
        if not s.picks:
            pytest.fail(f"unexpected pick asked: {title}: {label}")
        return s.picks.pop(0)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_text", ask_text)
    monkeypatch.setattr(dialogs, "pick", pick)
    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "inform", inform)
    monkeypatch.setattr(dialogs, "warn", warn)
    monkeypatch.setattr(dialogs, "open_file", open_file)
    monkeypatch.setattr(dialogs, "open_externally", open_externally)
    return s


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A settings file of the test's own (never the user's)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_app(qtbot: Any, data_dir: Path, settings: QSettings) -> Iterator[Callable[..., Any]]:
    """Build the app with ``studyapp.app.start_app`` (what run_window uses) on a temp data dir."""
    from studyapp.app import start_app

    opened: list[Any] = []

    def make(dirs: list[Path] | None = None, now: Callable[[], datetime] = lambda: FIXED_NOW, **kw: Any) -> Any:
        running = start_app(DataPaths(data_dir), settings, dirs=dirs, now=now, **kw)
        opened.append(running)
        qtbot.addWidget(running.window)
        return running

    yield make
    for running in opened:
        running.close()
