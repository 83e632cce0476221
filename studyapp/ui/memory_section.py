"""The statistics screen's memory section: true retention, retrievability now, reviews ahead.

Figures come from ``studyapp.memory_stats`` (computed on a worker thread, ``refresh``); this
module only lays them out. Tables show plain text (item views do not guess rich text in their display role); chart
titles and labels go through ``plain_text.chart_text``. Charts are built by the statistics screen
(``ChartKit``), so they take its palette and fonts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCharts import QAbstractAxis, QAbstractSeries, QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from studyapp.memory_stats import MemoryStatistics, Retention, compute_memory_statistics, memory_statistics_from_file
from studyapp.store.catchup import SummaryState
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.home_view import plain_label
from studyapp.ui.plain_text import chart_text, title_text
from studyapp.ui.theme import colors_for, scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text, percent_shown, plural_s

if TYPE_CHECKING:
    from studyapp.store import Store


translate = QCoreApplication.translate
RETENTION_INTRO = QT_TRANSLATE_NOOP("MemorySection", "True retention: of your reviews (answers on a later day than the card's previous one), the "
                   "share you remembered (anything but Again). Young cards were last seen under 21 days before, "
                   "mature ones 21 days or more.")
#: The retention table's periods (``memory_stats.Period`` values), for the translators.
PERIODS = (QT_TRANSLATE_NOOP("MemorySection", "Today"), QT_TRANSLATE_NOOP("MemorySection", "Yesterday"),
           QT_TRANSLATE_NOOP("MemorySection", "Last week"), QT_TRANSLATE_NOOP("MemorySection", "Last month"),
           QT_TRANSLATE_NOOP("MemorySection", "Last year"), QT_TRANSLATE_NOOP("MemorySection", "All time"))


class ChartKit(Protocol):
    """What the statistics screen lends the section to build charts like its own."""

    def _chart(self, title: str) -> QChart: ...
    def _view(self, chart: QChart, name: str) -> QChartView: ...
    def _attach(self, chart: QChart, series: tuple[QAbstractSeries, ...], x_axis: QAbstractAxis,
                y_axis: QAbstractAxis) -> None: ...


def retention_cell(ratio: float | None, passed: int, reviews: int) -> str:
    """``"93% (40/43)"``, or a dash with no reviews."""
    return "—" if not reviews else f"{percent_shown(ratio)} ({number_text(passed)}/{number_text(reviews)})"


def retention_cells(r: Retention) -> tuple[str, str, str]:
    """Young, mature and all reviews of ``r`` as table cells."""
    return (retention_cell(r.young, r.young_passed, r.young_passed + r.young_failed),
            retention_cell(r.mature, r.mature_passed, r.mature_passed + r.mature_failed),
            retention_cell(r.total, r.young_passed + r.mature_passed, r.reviews))


def retrievability_caption(m: MemoryStatistics) -> str:
    """The line under the retrievability chart."""
    if m.retrievability is None:
        return translate("MemorySection", "No card studied yet: retrievability appears once you have answered.")
    cards = plural_s(translate("MemorySection", "%n studied card(s)", "", m.cards), m.cards)
    return translate("MemorySection", "If you were asked every studied question now, you would remember about "
                     "{percent} of them on average ({cards}; each bar counts the cards whose chance of being "
                     "remembered falls in that tenth).").format(percent=percent_shown(m.retrievability), cards=cards)


def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # sized to show every row
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeRowsToContents()
    height = (table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows)))
              + 2 * table.frameWidth() + 2)
    table.setFixedHeight(height)
    return table


class MemorySection(QWidget):
    """Tables and charts of what the person remembers."""

    def __init__(self, kit: ChartKit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kit = kit
        self.setAccessibleName(self.tr("Memory"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        title = plain_label(self.tr("Memory"), name=self.tr("Memory title"), wrap=False)
        scale_font(title, 1.1)
        self.grid.addWidget(title, 0, 0, 1, 2)
        self.retention_intro = plain_label(self.tr(RETENTION_INTRO), name=self.tr("True retention explanation"))
        self.grid.addWidget(self.retention_intro, 1, 0, 1, 2)
        self.retention_table: QTableWidget | None = None
        self.groups_table: QTableWidget | None = None
        self.views: dict[str, QChartView] = {}
        self.retrievability_caption = plain_label("", name=self.tr("Retrievability explanation"))
        self.forecast_caption = plain_label(
            self.tr("Reviews to expect each day at 90% desired retention with the parameters in use: the cards "
                    "falling due, the ones forgotten relearnt the same day, and the ones coming back within "
                    "the month. Questions never studied are not counted."), name=self.tr("Reviews ahead explanation"))
        self.memory: MemoryStatistics | None = None
        self._titles: dict[str, str] = {}
        # No parent: the worker thread holds the task until it reports, so it never outlives its object.
        self._task = BackgroundTask()
        self._task.finished.connect(self._ready)
        self._task.failed.connect(self.show_failure)

    def refresh(self, store: Store, summaries: SummaryState, now: datetime, deck: str | None,
                deck_titles: Mapping[str, str]) -> None:
        """Compute the figures of ``deck`` (None: all) and show them: on a worker thread through a
        read-only connection of its own once the summaries are saved (half a second at a million
        answers); here when they could not be saved (the worker would miss the newest answers)."""
        self._titles = dict(deck_titles)
        path = store.path
        if summaries is not SummaryState.SAVED or path is None:
            self._task.cancel()
            self.show_memory(compute_memory_statistics(store, now=now, deck=deck), self._titles)
            return
        self.show_pending()
        from studyapp.study.study_settings import SettingsBook

        settings, tz = SettingsBook(store).for_deck(deck), store.tz
        self._task.start(lambda _cancel: memory_statistics_from_file(
            path, now=now, tz=tz, deck=deck, parameters=settings.fsrs_parameters,
            desired_retention=settings.desired_retention), name="studyapp-memory-stats")

    def _ready(self, result: object) -> None:
        if isinstance(result, MemoryStatistics):
            self.show_memory(result, self._titles)

    def show_pending(self) -> None:
        """Say the figures are being computed (they arrive from a worker thread)."""
        self.memory = None
        self.retention_intro.setText(self.tr("Computing what you remember…"))

    def show_failure(self, message: str) -> None:
        """The figures could not be computed: say so in one line (details are in the log)."""
        self.retention_intro.setText(self.tr("These figures could not be computed ({message}).").format(message=message))

    def show_memory(self, m: MemoryStatistics, deck_titles: Mapping[str, str]) -> None:
        """Fill the section from ``m``; ``deck_titles`` names the decks in the per-deck rows."""
        self.memory = m
        self.retention_intro.setText(self.tr(RETENTION_INTRO))
        rows = [[self.tr(period.value), *retention_cells(r)] for period, r in m.retention]
        self._replace("retention_table", _table([self.tr("Period"), self.tr("Young"), self.tr("Mature"), self.tr("All")],
                                                rows, self.tr("True retention")), 2)
        groups = [[self.tr("Deck: {title}").format(title=title_text(deck_titles.get(g.name, g.name))),
                   retention_cells(g.month)[2], retention_cells(g.all_time)[2]] for g in m.by_deck]
        groups += [[self.tr("Type: {type}").format(type=g.name), retention_cells(g.month)[2],
                    retention_cells(g.all_time)[2]] for g in m.by_type]
        if not groups:
            groups = [[self.tr("No reviews yet"), "—", "—"]]
        self._replace("groups_table", _table([self.tr("Deck or question type"), self.tr("Last month"), self.tr("All time")],
                                             groups, self.tr("True retention per deck and question type")), 3)
        self._charts(m)

    def _replace(self, attr: str, table: QTableWidget, row: int) -> None:
        old = getattr(self, attr)
        if old is not None:
            self.grid.removeWidget(old)
            old.deleteLater()
        setattr(self, attr, table)
        self.grid.addWidget(table, row, 0, 1, 2)

    def _place(self, key: str, view: QChartView, row: int) -> None:
        old = self.views.pop(key, None)
        if old is not None:
            self.grid.removeWidget(old)
            old.deleteLater()
        self.views[key] = view
        self.grid.addWidget(view, row, 0, 1, 2)  # the whole width: room for every bar's label

    def _charts(self, m: MemoryStatistics) -> None:
        accent = colors_for(self.palette()).accent
        labels = [chart_text(f"{10 * i}–{percent_shown((10 * i + 10) / 100)}") for i in range(10)]
        self._place("retrievability", self._bars(self.tr("Retrievability now"), labels, [float(n) for n in m.distribution],
                                                 accent, self.tr("Cards by their chance of being remembered now")), 4)
        days = []
        for d, _ in m.forecast:
            label = str(d.day)
            while label in days:  # categories must be unique (31 … 1 … 1 across a short month)
                label += "\u200b"
            days.append(label)
        self._place("reviews_ahead", self._bars(self.tr("Reviews expected, next 30 days"), days,
                                                [count for _, count in m.forecast], accent,
                                                self.tr("Reviews expected per day over the next 30 days")), 6)
        if self.retrievability_caption.parent() is None:
            self.grid.addWidget(self.retrievability_caption, 5, 0, 1, 2)
            self.grid.addWidget(self.forecast_caption, 7, 0, 1, 2)
        self.retrievability_caption.setText(retrievability_caption(m))

    def _bars(self, title: str, categories: list[str], values: list[float], color: QColor, name: str) -> QChartView:
        chart = self._kit._chart(title)
        series, bar_set = QBarSeries(), QBarSet(chart_text(title))
        bar_set.setColor(color)
        bar_set.setBorderColor(color)
        for v in values:
            bar_set.append(v)
        series.append(bar_set)
        chart.addSeries(series)
        x, y = QBarCategoryAxis(), QValueAxis()
        x.append(categories or [""])
        y.setLabelFormat("%d")
        y.setRange(0, max([*values, 4.0]))
        y.applyNiceNumbers()
        self._kit._attach(chart, (series,), x, y)
        return self._kit._view(chart, name)

