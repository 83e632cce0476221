"""Reloading question files on a thread: progress after half a second, queued requests, failures."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from window_samples import GOOD, write_deck

from studyapp.bank.loader import load_bank
from studyapp.bank.model import Bank
from studyapp.ui.bank_loading import BackgroundBankLoader


def test_slow_load_shows_busy_then_delivers_and_runs_the_queued_request(qtbot: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    gate = threading.Event()
    calls: list[int] = []

    def slow_load() -> Bank:
        calls.append(1)
        gate.wait(5)
        return load_bank([tmp_path / "q"])

    loader = BackgroundBankLoader(slow_load)
    busy: list[bool] = []
    loader.busy.connect(busy.append)
    with qtbot.waitSignal(loader.busy, timeout=3000):
        loader.request()
    assert busy == [True] and loader.running
    loader.request()  # while one runs: queued, not parallel
    assert len(calls) == 1
    with qtbot.waitSignal(loader.loaded, timeout=5000) as got:
        gate.set()
    assert [d.id for d in got.args[0].decks] == ["sample-deck"]
    qtbot.waitUntil(lambda: len(calls) == 2 and not loader.running, timeout=5000)
    assert False in busy
    loader.close()


def test_failed_load_is_reported_and_the_loader_keeps_working(qtbot: Any, tmp_path: Path) -> None:
    outcomes = [OSError("disk unplugged"), None]

    def flaky() -> Bank:
        outcome = outcomes.pop(0)
        if outcome is not None:
            raise outcome
        return Bank()

    loader = BackgroundBankLoader(flaky)
    with qtbot.waitSignal(loader.failed, timeout=3000) as failed:
        loader.request()
    assert "disk unplugged" in failed.args[0]
    with qtbot.waitSignal(loader.loaded, timeout=3000):
        loader.request()
    loader.close()


def test_busy_bar_in_the_status_bar(qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow, QProgressBar

    from studyapp.ui.bank_loading import show_busy

    window = QMainWindow()
    qtbot.addWidget(window)
    show_busy(window.statusBar(), True)
    bar = window.statusBar().findChild(QProgressBar, "loading-bar")
    assert bar is not None and bar.isVisibleTo(window) and bar.maximum() == 0
    assert window.statusBar().currentMessage() == "Loading question files…"
    show_busy(window.statusBar(), False)
    assert not bar.isVisibleTo(window)
