"""QA: with no quiz finished yet, the quiz-score chart's time axis read "1 Jan · 1 Jan · 1 Jan ·
1 Jan · 1 Jan" (an axis without points sits at the epoch); it now spans the last weeks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QDateTimeAxis
from PySide6.QtCore import Qt

from studyapp.ui.main_window import Screen
from window_samples import FIXED_NOW, GOOD, write_deck


def test_empty_quiz_chart_shows_the_last_weeks_not_the_epoch(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    window = make_app(dirs=[tmp_path / "q"]).window
    window.show_stats()
    view = window.view(Screen.STATS)
    axis = next(a for a in view.chart_views["scores"].chart().axes(Qt.Orientation.Horizontal)
                if isinstance(a, QDateTimeAxis))
    low, high = axis.min().toSecsSinceEpoch(), axis.max().toSecsSinceEpoch()
    now = int(FIXED_NOW.timestamp())
    assert low < high
    assert now - 40 * 86400 <= low < now <= high <= now + 2 * 86400
