"""The statistics screen's memory section and its Optimise… button, on a simulated learner's history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from memory_history import START, simulate
from window_samples import deck_yaml, write_deck

from studyapp.memory_stats import Period, compute_memory_statistics
from studyapp.ui.main_window import Screen
from studyapp.ui.memory_section import retention_cells
from studyapp.ui.optimise_dialog import OptimiseDialog

NOW = START + timedelta(days=60, hours=2)


def test_memory_section_shows_the_figures(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    hostile = '<img src="file:///dev/zero"><b>sim</b>'
    write_deck(tmp_path / "q", "sim.yaml", deck_yaml("sim", hostile), article=None)
    running = make_app(dirs=[tmp_path / "q"], now=lambda: NOW)
    simulate(running.core.store)
    window = running.window
    window.show_stats()
    view = window.view(Screen.STATS)
    section = view.memory  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: section.memory is not None)  # computed on a worker thread
    expected = compute_memory_statistics(running.core.store, now=NOW)
    table = section.retention_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [p.value for p in Period]
    for r, (_period, retention) in enumerate(expected.retention):
        assert tuple(table.item(r, c).text() for c in (1, 2, 3)) == retention_cells(retention)
    groups = section.groups_table
    assert groups.item(0, 0).text() == f"Deck: {hostile}"  # the title as written, never as markup
    assert groups.item(1, 0).text() == "Type: self-rated"
    bars = section.views["reviews_ahead"].chart().series()[0].barSets()[0]
    assert bars.count() == 30 and sum(bars.at(i) for i in range(30)) > 0
    assert f"{expected.cards} studied cards" in section.retrievability_caption.text()

    view.optimise_button.click()  # type: ignore[attr-defined]
    dialog = view.optimise_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, OptimiseDialog) and dialog.isVisible()
    dialog.close_button.click()
    assert not dialog.isVisible()
