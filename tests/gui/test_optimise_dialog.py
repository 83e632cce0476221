"""Statistics → Optimise…: the fit runs off the window's thread, shows before/after, and the choice sticks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from memory_history import simulate

from studyapp.store import Store, open_store
from studyapp.study.optimise import MIN_ITEMS
from studyapp.ui.optimise_dialog import OptimiseDialog, OptimiseState

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=NOW, tz=timezone.utc).store
    yield s
    s.close()


def _dialog(store: Store, qtbot: Any, deck: str | None = None) -> OptimiseDialog:
    dialog = OptimiseDialog(store, deck, deck or "All decks", lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_optimise_use_and_restore(store: Store, qtbot: Any) -> None:
    simulate(store)
    dialog = _dialog(store, qtbot)
    assert "default parameters" in dialog.current.text()
    assert not dialog.use.isEnabled() and not dialog.restore.isEnabled()
    dialog.optimise.click()
    assert dialog.state is OptimiseState.RUNNING and dialog.cancel_button.isEnabled()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.state is not OptimiseState.RUNNING, timeout=30_000)
    fit = dialog.fit_result
    assert fit is not None and fit.better
    text = dialog.measures.text()
    assert f"{fit.before.log_loss:.4f}" in text and f"{fit.after.log_loss:.4f}" in text
    assert "RMSE" in text and dialog.use.isEnabled()
    assert store.fsrs_parameters(None) is None  # nothing changes before "Use these parameters"

    dialog.use.click()
    assert store.fsrs_parameters("sim") == pytest.approx(fit.parameters)
    assert "fitted to your answers" in dialog.current.text() and dialog.restore.isEnabled()

    dialog.restore.click()  # one click back to what was in use before: the defaults
    assert store.fsrs_parameters("sim") is None
    assert "default parameters" in dialog.current.text()


def test_cancel_changes_nothing(store: Store, qtbot: Any) -> None:
    simulate(store)
    dialog = _dialog(store, qtbot)
    dialog.optimise.click()
    dialog.cancel_button.click()
    assert dialog.state is OptimiseState.IDLE and "Cancelled" in dialog.status.text()
    assert dialog.optimise.isEnabled() and not dialog.use.isEnabled()
    assert store.fsrs_parameter_record(None) == (None, None)


def test_too_few_answers_are_explained(store: Store, qtbot: Any) -> None:
    simulate(store, cards=5, days=6)
    dialog = _dialog(store, qtbot, deck="sim")
    dialog.optimise.click()
    qtbot.waitUntil(lambda: dialog.state is not OptimiseState.RUNNING, timeout=10_000)
    assert f"of the {MIN_ITEMS} needed" in dialog.status.text()
    assert "Error" not in dialog.status.text() and not dialog.use.isEnabled()
