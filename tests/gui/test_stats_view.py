"""The statistics screen: built lazily, QtCharts charts and figures from real history."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from window_samples import FIXED_NOW, GOOD, add_history, write_deck

from studyapp.ui.main_window import Screen


def test_stats_view_renders_history(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    running = make_app(dirs=[tmp_path / "q"])
    written = add_history(running.core.store, running.window.bank, FIXED_NOW)
    window = running.window
    assert Screen.STATS not in window._views  # built only when first opened
    window.stats_action.trigger()
    view = window.view(Screen.STATS)
    assert window.current_screen() is Screen.STATS
    stats = view.statistics  # type: ignore[attr-defined]
    assert stats.accuracy_all.answers == written
    assert len(stats.heatmap) == 365
    assert view.figures["answers"].value.text() == str(written)  # type: ignore[attr-defined]
    scores = view.chart_views["scores"].chart().series()[0]  # type: ignore[attr-defined]
    assert scores.count() == len(stats.quiz_scores) > 0
    assert set(view.chart_views) == {"scores", "tags", "forecast"}  # type: ignore[attr-defined]
    for key in ("scores", "tags", "forecast", "heatmap"):
        assert view.explanations[key].text()  # type: ignore[attr-defined]
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    image = view.grab().toImage()
    assert not image.isNull() and image.width() > 500
    # Per-deck scope recomputes.
    view.scope.setCurrentIndex(1)  # type: ignore[attr-defined]
    assert view.statistics.total.questions == 3  # type: ignore[attr-defined]


def test_stats_view_without_history_explains_empty_charts(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    window = make_app(dirs=[tmp_path / "q"]).window
    window.show_stats()
    view = window.view(Screen.STATS)
    assert "No finished quiz yet" in view.explanations["scores"].text()  # type: ignore[attr-defined]
    assert view.figures["new"].value.text() == "3"  # type: ignore[attr-defined]


def test_charts_follow_a_palette_switch(make_app: Any, tmp_path: Path, qapp: Any, qtbot: Any) -> None:
    from PySide6.QtCharts import QChart

    from studyapp.ui.theme import Scheme, apply_scheme

    write_deck(tmp_path / "q", "good.yaml", GOOD)
    window = make_app(dirs=[tmp_path / "q"]).window
    window.show_stats()
    view = window.view(Screen.STATS)
    old_palette, old_style = qapp.palette(), qapp.style().name()
    try:
        def theme() -> Any:
            return view.chart_views["scores"].chart().theme()  # type: ignore[attr-defined]

        apply_scheme(qapp, Scheme.DARK)
        qtbot.waitUntil(lambda: theme() == QChart.ChartTheme.ChartThemeDark)
        apply_scheme(qapp, Scheme.LIGHT)
        qtbot.waitUntil(lambda: theme() == QChart.ChartTheme.ChartThemeLight)
    finally:
        qapp.setPalette(old_palette)
        qapp.setStyle(old_style)


def test_quiz_score_axis_covers_its_points_outside_utc(
    make_app: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """Found by type-checking: the date axis was set from datetimes whose zone PySide6 dropped,
    so in New York the axis sat five hours away from the points it should frame."""
    import time as _time

    write_deck(tmp_path / "q", "good.yaml", GOOD)
    running = make_app(dirs=[tmp_path / "q"])
    add_history(running.core.store, running.window.bank, FIXED_NOW)
    monkeypatch.setenv("TZ", "America/New_York")
    _time.tzset()
    try:
        running.window.stats_action.trigger()
        view = running.window.view(Screen.STATS)
        chart = view.chart_views["scores"].chart()  # type: ignore[attr-defined]
        points = chart.series()[0].points()
        axis = chart.axes(Qt.Orientation.Horizontal)[0]
        xs = [p.x() for p in points]
        low, high = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
        assert low < min(xs) and max(xs) < high  # every dot inside, with room at both ends
        # The axis runs from a local midnight to a local midnight: no zone shift.
        assert axis.min().toString("HH:mm") == axis.max().toString("HH:mm") == "00:00"
    finally:
        monkeypatch.delenv("TZ")
        _time.tzset()


def test_stats_view_says_when_the_figures_could_not_be_saved(tmp_path: Path, qtbot: Any) -> None:
    """A read-only database with answers past the summaries: the screen shows every answer (not
    "due today 0") and says the figures could not be saved; a writable one says nothing."""
    import sqlite3
    from datetime import timedelta

    from studyapp.bank.loader import load_bank
    from studyapp.store import open_store
    from studyapp.store.store import Store
    from studyapp.ui.stats_view import StatsView

    write_deck(tmp_path / "q", "good.yaml", GOOD)
    bank = load_bank([tmp_path / "q"])
    db = tmp_path / "data" / "studyapp.sqlite3"
    store = open_store(db, backups_dir=tmp_path / "b", now=FIXED_NOW, auto_backup=False).store
    written = add_history(store, bank, FIXED_NOW - timedelta(days=1))
    store.close()
    assert written > 0
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    read_only = Store(conn, ZoneInfo("Europe/Minsk"))
    view = StatsView()
    qtbot.addWidget(view)
    try:
        view.show_figures(read_only, bank, FIXED_NOW)
    finally:
        read_only.close()
    stats = view.statistics
    assert stats is not None and stats.accuracy_all.answers == written
    assert view.figures["answers"].value.text() == str(written)
    assert view.figures["due"].value.text() == str(stats.forecast[0].count)
    assert not view.summaries_notice.isHidden()
    assert "could not be saved" in view.summaries_notice.text()
    assert view.summaries_notice.textFormat() == Qt.TextFormat.PlainText

    writable = open_store(db, backups_dir=tmp_path / "b", now=FIXED_NOW, auto_backup=False).store
    try:
        view.show_figures(writable, bank, FIXED_NOW)
    finally:
        writable.close()
    assert view.summaries_notice.isHidden()
    assert view.figures["answers"].value.text() == str(written)


def test_tag_chart_shows_the_weakest_tags_with_their_answer_counts(make_app: Any, tmp_path: Path) -> None:
    """Issue 16: the chart showed the 10 most-answered tags under a caption promising the weakest,
    so two rarely answered, always missed tags (the ones to work on) were left out."""
    from datetime import timedelta

    from studyapp.grading import Outcome
    from studyapp.store import Attempt, Mode

    questions = "".join(
        f"  - id: q{i}\n    type: truefalse\n    prompt: Statement {i}\n    answer: true\n    tags: [tag-{i:02d}]\n"
        for i in range(12)
    )
    write_deck(tmp_path / "q", "tags.yaml", f"deck: tags\ntitle: Tags\nquestions:\n{questions}", article=None)
    running = make_app(dirs=[tmp_path / "q"])
    store, deck = running.core.store, running.window.bank.decks[0]
    for i, q in enumerate(deck.questions):
        weak = i >= 10  # tag-10 and tag-11: answered once, wrong; the others five times, right
        for n in range(1 if weak else 5):
            store.record_attempt(Attempt(q.deck, q.id, q.content_hash, Mode.QUIZ, "true",
                                         Outcome.WRONG if weak else Outcome.RIGHT, 0.0 if weak else 1.0, 3000,
                                         FIXED_NOW - timedelta(hours=1, minutes=n)))
    running.window.show_stats()
    view = running.window.view(Screen.STATS)
    chart = view.chart_views["tags"].chart()  # type: ignore[attr-defined]
    categories = chart.axes(Qt.Orientation.Vertical)[0].categories()
    assert len(categories) == 10
    # Weakest at the bottom (the first category of a horizontal bar chart), each with its count.
    assert categories[:2] == ["tag-10 (1)", "tag-11 (1)"]
    assert "tag-00 (5)" in categories
    assert chart.series()[0].barSets()[0].at(0) == 0.0
    caption = view.explanations["tags"].text()  # type: ignore[attr-defined]
    assert "the 10 weakest of your 12 answered tags" in caption and "how many answers" in caption


def test_the_heatmap_labels_and_cells_grow_with_the_text_size(qtbot: Any) -> None:
    """Issue 16: the heatmap's day and month labels stayed small when the text size grew (the
    pixmap's painter used the application's font, and the cells kept a fixed size)."""
    from datetime import date, timedelta

    from PySide6.QtGui import QFont

    from studyapp.ui.heatmap_widget import HeatmapWidget

    widget = HeatmapWidget()
    qtbot.addWidget(widget)
    start = date(2026, 1, 5)
    widget.set_days([(start + timedelta(days=i), i % 4) for i in range(120)])
    small = widget.sizeHint()
    small_cell = widget._cell_rect(start).height()
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    widget.setFont(font)
    large = widget.sizeHint()
    assert large.height() > small.height() and large.width() > small.width()
    assert widget._cell_rect(start).height() > small_cell
    widget.resize(large)
    widget.show()
    qtbot.waitExposed(widget)
    image = widget.grab().toImage()
    # The "Mon" label now reaches further down than a label of the old, fixed size could.
    ink = [y for y in range(image.height()) for x in range(0, 20)
           if image.pixelColor(x, y).lightness() < 100 and image.pixelColor(x, y).alpha() > 0]
    assert ink and max(ink) - min(ink) > 10


def test_quiz_score_ticks_never_repeat_a_day_and_forecast_labels_are_few(qtbot: Any) -> None:
    """Issue 16: with every quiz on one day the score axis read "6 Dec" five times (and
    "5 Dec · 6 Dec · 6 Dec · 6 Dec · 7 Dec" for one quiz); the 30 forecast labels became "…"
    at a larger text size."""
    from datetime import date, datetime, timedelta, timezone

    from studyapp.ui.stats_view import forecast_labels, score_axis_days

    one_day = datetime(2026, 12, 6, 10, 30, tzinfo=timezone.utc)
    for first, last in ((one_day, one_day), (one_day, one_day + timedelta(hours=5)),
                        (one_day, one_day + timedelta(days=2)), (one_day, one_day + timedelta(days=40))):
        start, end, ticks = score_axis_days(first, last)
        assert start <= first and end >= last
        step = (end - start) / (ticks - 1)
        labels = [(start + step * i).strftime("%d %b") for i in range(ticks)]
        assert len(set(labels)) == len(labels), labels
    days = [date(2026, 12, 6) + timedelta(days=i) for i in range(30)]
    labels = forecast_labels(days)
    assert len(set(labels)) == 30
    shown = [label for label in labels if label.strip("\u200b")]
    assert shown == ["6", "10", "15", "20", "25", "30"]
