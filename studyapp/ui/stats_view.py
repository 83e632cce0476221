"""Statistics: figures (streaks, totals, mastered) and charts drawn with QtCharts.

This module is imported only when Statistics is first opened (QtCharts is large and slow to
load). Figures come from ``studyapp.stats.compute_statistics``; this module only draws them.
Charts take the window's palette (light or dark) when they are built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QMargins, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studyapp.bank.model import Bank
from studyapp.percent import percent
from studyapp.stats import Statistics, TagAccuracy, bank_questions, compute_statistics, summaries_notice
from studyapp.ui.heatmap_widget import HeatmapWidget
from studyapp.ui.memory_section import MemorySection
from studyapp.ui.home_view import plain_label
from studyapp.ui.plain_text import chart_text, title_text, tooltip
from studyapp.ui.tag_chart import tag_categories, tags_caption, weakest_tags
from studyapp.ui.theme import colors_for, is_dark, scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text, percent_shown, plural_s

if TYPE_CHECKING:
    from studyapp.store import Store
    from studyapp.ui.optimise_dialog import OptimiseDialog

CHART_HEIGHT = 300
#: The accessible names of the lines under the charts.
_EXPLAINED = {"scores": QT_TRANSLATE_NOOP("StatsView", "About the quiz scores"),
              "tags": QT_TRANSLATE_NOOP("StatsView", "About the accuracy per tag"),
              "heatmap": QT_TRANSLATE_NOOP("StatsView", "About the answers per day"),
              "forecast": QT_TRANSLATE_NOOP("StatsView", "About the flashcards due")}
translate = QCoreApplication.translate


def heatmap_caption(active: int, busiest: int) -> str:
    """The heatmap's caption: singular for one, and no counts of nothing before any answer."""
    if not active:
        return translate("StatsView", "Every square is a day of the last year; the stronger the colour, the more "
                         "answers. No answers yet: the squares fill in as you study.")
    days = plural_s(translate("StatsView", "%n active day(s)", "", active), active)
    most = plural_s(translate("StatsView", "at most %n answer(s) in a day", "", busiest), busiest)
    return translate("StatsView", "Every square is a day of the last year; the stronger the colour, the more "
                     "answers: {days}, {most}.").format(days=days, most=most)


def score_axis_days(first: datetime, last: datetime) -> tuple[datetime, datetime, int]:
    """The quiz-score axis: from the midnight before ``first`` to the one after ``last`` (local
    to their zone), and a tick count that puts ticks on midnights when there are at most four
    days (every label a different day), five ticks otherwise. Days are the system's local ones,
    as the axis shows its times."""
    first, last = first.astimezone(), last.astimezone()
    start = datetime.combine(first.date(), time(0), first.tzinfo)
    end = datetime.combine(last.date(), time(0), last.tzinfo) + timedelta(days=1)
    days = (end.date() - start.date()).days
    return start, end, days + 1 if days <= 4 else 5


def forecast_labels(days: Sequence[date]) -> list[str]:
    """Category labels for the 30-day forecast: the day of the month on the first bar (today)
    and every fifth day, the others blank (30 numbers were cut to "…" at a larger text size).
    Categories must differ, so blanks are made of different numbers of zero-width spaces."""
    labels: list[str] = []
    for i, day in enumerate(days):
        label = str(day.day) if i == 0 or day.day % 5 == 0 else ""
        while label in labels or not label:  # unique; a blank gets one more zero-width space
            label += "\u200b"
        labels.append(label)
    return labels


def _percent(ratio: float | None) -> str:
    return percent_shown(ratio)



def _qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime as the same instant in Qt (never read as local wall-clock time)."""
    return QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))


def _tag_tip(hovering: bool, index: int, tags: list[TagAccuracy]) -> str:
    """The tag chart's tooltip while bar ``index`` is hovered: its whole tag and figures ("" off a bar)."""
    if not hovering or not 0 <= index < len(tags):
        return ""
    t = tags[index]
    figures = translate("StatsView", "{percent} right of {answers} answers").format(
        percent=_percent(t.accuracy.ratio), answers=number_text(t.accuracy.answers))
    return tooltip(f"{t.tag}\n{figures}")


class Figure(QFrame):
    """One big number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = plain_label("—", name=caption, wrap=False)
        scale_font(self.value, 1.6)
        self.caption = plain_label(caption, name=self.tr("{caption} caption").format(caption=caption))
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str) -> None:
        """Show ``text`` as the figure."""
        self.value.setText(text)
        self.value.setAccessibleDescription(f"{self.caption.text()}: {text}")


class StatsView(QWidget):
    """The statistics screen. ``show_figures(store, bank, now)`` fills it."""

    homeRequested = Signal()
    # The page's scroll area; the name hides QWidget.scroll(dx, dy), which studyapp never calls.
    scroll: QScrollArea  # type: ignore[assignment]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Statistics"))
        self.statistics: Statistics | None = None
        self._store: Store | None = None
        self._bank = Bank()
        self._now = datetime.now(timezone.utc)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("← Decks"))
        self.back.setAccessibleName(self.tr("Back to decks"))
        self.back.clicked.connect(self.homeRequested)
        title = plain_label(self.tr("Statistics"), name=self.tr("Statistics title"), wrap=False)
        scale_font(title, 1.3)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Show statistics for"))
        self.scope.currentIndexChanged.connect(lambda _i: self._refresh())
        self.optimise_button = QPushButton(self.tr("&Optimise…"))
        self.optimise_button.setAccessibleName(self.tr("Optimise the schedule for the chosen decks"))
        self.optimise_button.clicked.connect(self.open_optimise)
        self.optimise_dialog: OptimiseDialog | None = None
        top.addWidget(self.back)
        top.addWidget(title, 1)
        top.addWidget(plain_label(self.tr("Show:"), name=self.tr("Scope label"), wrap=False))
        top.addWidget(self.scope)
        top.addWidget(self.optimise_button)
        outer.addLayout(top)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName(self.tr("Statistics content"))
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)

        # Said when the figures could not be saved (read-only database, full disk).
        self.summaries_notice = plain_label("", name=self.tr("Statistics notice"))
        self.summaries_notice.hide()
        self.body.addWidget(self.summaries_notice)
        figures = QGridLayout()
        self.figures: dict[str, Figure] = {}
        names = [
            ("streak", self.tr("day streak (longest {longest})").format(longest="—")),
            ("answers", self.tr("answers in total")),
            ("accuracy", self.tr("right in the last 7 days (30 days: {percent})").format(percent="—")),
            ("mastered", self.tr("questions mastered (remembered for 3+ weeks)")),
            ("due", self.tr("flashcards due today")), ("new", self.tr("questions never studied as flashcards")),
        ]
        for i, (key, caption) in enumerate(names):
            fig = Figure(caption)
            self.figures[key] = fig
            figures.addWidget(fig, i // 3, i % 3)
        self.body.addLayout(figures)

        self.charts = QGridLayout()
        self.body.addLayout(self.charts)
        self.chart_views: dict[str, QChartView] = {}
        self.explanations: dict[str, QLabel] = {}
        self.heatmap = HeatmapWidget()
        self.memory = MemorySection(self)
        self._memory_refresh: Callable[[], None] | None = None  # waits for the first paint
        self.body.addWidget(self.memory)
        self.body.addStretch(1)
        self.setTabOrder(self.back, self.scope)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Esc goes back to the decks, as on the reader and the study screens."""
        if event.key() == Qt.Key.Key_Escape:
            self.back.click()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # The system switched light/dark: charts take their colours when built, so rebuild.
        if event.type() == QEvent.Type.PaletteChange and self.statistics is not None:
            self._build_charts(self.statistics)
            if self.memory.memory is not None:
                self.memory.show_memory(self.memory.memory, self._deck_titles())
        super().changeEvent(event)

    # -- data --------------------------------------------------------------------------

    def show_figures(self, store: Store, bank: Bank, now: datetime) -> None:
        """Compute and draw every figure for the chosen scope (all decks by default)."""
        self._store, self._bank, self._now = store, bank, now
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All decks"), None)
        for deck in bank.decks:
            self.scope.addItem(title_text(deck.title), deck.id)
        index = self.scope.findData(current) if current else 0
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)
        self._refresh()

    def open_optimise(self) -> None:
        """Statistics → Optimise…: fit the FSRS parameters of the decks shown (a dialog that does not block)."""
        if self._store is None:
            return
        from studyapp.ui.optimise_dialog import OptimiseDialog

        dialog = OptimiseDialog(self._store, self.scope.currentData(), self.scope.currentText(),
                                lambda: datetime.now(timezone.utc), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._refresh)  # retrievability and the forecast follow the parameters
        self.optimise_dialog = dialog
        dialog.open()

    def _refresh(self) -> None:
        if self._store is None:
            return
        deck = self.scope.currentData()
        s = compute_statistics(self._store, bank_questions(self._bank), now=self._now, deck=deck)
        self.statistics = s
        notice = summaries_notice(s.summaries)
        self.summaries_notice.setText(notice or "")
        self.summaries_notice.setVisible(notice is not None)
        t = s.total
        self._set_figure("streak", number_text(s.streaks.current),
                         self.tr("day streak (longest {longest})").format(longest=number_text(s.streaks.longest)))
        self._set_figure("answers", number_text(s.accuracy_all.answers), self.tr("answers in total"))
        self._set_figure("accuracy", _percent(s.accuracy_7.ratio),
                         self.tr("right in the last 7 days (30 days: {percent})").format(percent=_percent(s.accuracy_30.ratio)))
        self._set_figure("mastered", self.tr("{mastered} of {questions}").format(
            mastered=number_text(t.mastered), questions=number_text(t.questions)),
            self.tr("questions mastered (remembered for 3+ weeks)"))
        self._set_figure("due", number_text(t.due_today), self.tr("flashcards due today"))
        self._set_figure("new", number_text(t.new), self.tr("questions never studied as flashcards"))
        self._build_charts(s)
        store, summaries, now, titles = self._store, s.summaries, self._now, self._deck_titles()
        self._memory_refresh = lambda: self.memory.refresh(store, summaries, now, deck, titles)
        if self.isVisible():
            # The memory figures are below the fold and their worker holds Python's lock for tens
            # of milliseconds: started once the screen's first frame is painted, they no longer
            # delay it (Ctrl+T → painted went from ~85 ms to ~30 ms).
            self.memory.show_pending()
            self.scroll.viewport().installEventFilter(self)
        else:
            self._start_memory()

    def _start_memory(self) -> None:
        start, self._memory_refresh = self._memory_refresh, None
        if start is not None:
            start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """After the first paint of a refresh, start the memory figures (see ``_refresh``)."""
        if event.type() == QEvent.Type.Paint and self._memory_refresh is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._start_memory)
        return super().eventFilter(watched, event)

    def _deck_titles(self) -> dict[str, str]:
        return {d.id: d.title for d in self._bank.decks}

    def _set_figure(self, key: str, value: str, caption: str) -> None:
        fig = self.figures[key]
        fig.caption.setText(caption)
        fig.set_value(value)

    # -- charts ------------------------------------------------------------------------

    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark(self.palette()) else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundBrush(self.palette().base())
        chart.setTitleBrush(self.palette().text())
        font = chart.titleFont()
        font.setPointSizeF(self.font().pointSizeF() * 1.05)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitle(chart_text(title))
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _place(self, key: str, row: int, col: int, widget: QWidget, explanation: str, span: int = 1) -> None:
        old = self.chart_views.pop(key, None)
        if old is not None:
            self.charts.removeWidget(old)
            old.deleteLater()
        box = self.explanations.get(key)
        if box is None:
            box = plain_label(explanation, name=self.tr(_EXPLAINED[key]))
            self.explanations[key] = box
            self.charts.addWidget(box, row * 2 + 1, col, 1, span)
        box.setText(explanation)
        if isinstance(widget, QChartView):
            self.chart_views[key] = widget
        self.charts.addWidget(widget, row * 2, col, 1, span)

    def _view(self, chart: QChart, name: str) -> QChartView:
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(CHART_HEIGHT)
        view.setMinimumWidth(320)
        view.setAccessibleName(name)
        return view

    def _axis_font(self) -> QFont:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)  # follows the window's text size
        return font

    def _axis_style(self, *axes: QAbstractAxis) -> None:
        text = self.palette().text().color()
        grid = QColor(text)
        grid.setAlpha(40)
        font = self._axis_font()
        for axis in axes:
            axis.setLabelsFont(font)
            axis.setTitleFont(font)
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)

    def _build_charts(self, s: Statistics) -> None:
        accent = colors_for(self.palette()).accent
        # Quiz scores over time.
        chart = self._chart(self.tr("Quiz scores"))
        line, dots = QLineSeries(), QScatterSeries()
        line.setPen(QPen(accent, 2))
        dots.setColor(accent)
        dots.setMarkerSize(8)
        for p in s.quiz_scores:
            x = float(_qdatetime(p.finished).toMSecsSinceEpoch())
            line.append(x, p.score * 100)
            dots.append(x, p.score * 100)
        chart.addSeries(line)
        chart.addSeries(dots)
        x_axis, y_axis = QDateTimeAxis(), QValueAxis()
        x_axis.setFormat("d MMM")
        x_axis.setTickCount(5)
        # A little headroom above 100% so a perfect score's dot is not cut in half by the
        # plot's edge; ticks stay at 0, 25, ..., 100.
        y_axis.setRange(0, 106)
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(0)
        y_axis.setTickInterval(25)
        y_axis.setLabelFormat("%d%%")
        if s.quiz_scores:
            # Whole local days, one tick at each midnight when there are few of them, so no two
            # ticks share a label ("6 Dec" five times when every quiz fell on one day).
            first, last = s.quiz_scores[0].finished, s.quiz_scores[-1].finished
            start, end, ticks = score_axis_days(first, last)
            x_axis.setTickCount(ticks)
            # Through epoch milliseconds, as the points are placed: PySide6's own datetime ->
            # QDateTime conversion drops tzinfo, which put the range hours off outside UTC.
            x_axis.setRange(_qdatetime(start), _qdatetime(end))
        else:
            # No point to place: without a range the axis sits at the epoch ("1 Jan" five times).
            x_axis.setRange(_qdatetime(self._now - timedelta(days=28)), _qdatetime(self._now))
        self._attach(chart, (line, dots), x_axis, y_axis)
        n = len(s.quiz_scores)
        self._place("scores", 0, 0, self._view(chart, self.tr("Quiz scores over time")),
                    self.tr("Each dot is a finished quiz and its score (%n quiz(zes)).", "", n).replace(
                        "(zes)", "zes" if n != 1 else "") if n else self.tr("No finished quiz yet: take one from the deck list."))

        # Accuracy per tag.
        chart = self._chart(self.tr("Accuracy per tag"))
        tags = weakest_tags(s.tags)
        answered = sum(1 for t in s.tags if t.accuracy.answers)
        bars = QHorizontalBarSeries()
        bar_set = QBarSet("accuracy")
        bar_set.setColor(accent)
        bar_set.setBorderColor(accent)
        for t in tags:
            bar_set.append(percent(t.accuracy.ratio or 0.0))  # the "%d%%" label truncates
        # The bar under the mouse gives the chart its tooltip: the whole tag (the axis cuts it).
        bar_set.hovered.connect(lambda hovering, index, c=chart: c.setToolTip(_tag_tip(hovering, index, tags)))
        bars.append(bar_set)
        chart.addSeries(bars)
        cats, values = QBarCategoryAxis(), QValueAxis()
        cats.append(tag_categories(tags, QFontMetrics(self._axis_font())) or [""])
        cats.setTruncateLabels(False)
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        self._attach(chart, (bars,), values, cats)
        tag_view = self._view(chart, self.tr("Accuracy per tag"))
        # Room for every tag's label at the current text size (QtCharts skips labels otherwise).
        line_height = QFontMetrics(self.font()).lineSpacing()
        tag_view.setMinimumHeight(max(CHART_HEIGHT, round(len(tags) * line_height * 1.5) + 5 * line_height))
        self._place("tags", 0, 1, tag_view,
                    tags_caption(len(tags), answered)
                    if tags else self.tr("No answers yet: accuracy per tag appears once you have answered."))

        # Calendar heatmap.
        self.heatmap.set_days([(d.day, d.count) for d in s.heatmap])
        busiest = max((d.count for d in s.heatmap), default=0)
        active = sum(1 for d in s.heatmap if d.count)
        if self.heatmap.parent() is None:
            title = plain_label(self.tr("Answers per day"), name=self.tr("Heatmap title"), wrap=False)
            scale_font(title, 1.1)
            self.charts.addWidget(title, 4, 0, 1, 2)
            self.charts.addWidget(self.heatmap, 5, 0, 1, 2)
        self._place_text("heatmap", 6, heatmap_caption(active, busiest))

        # Cards due over the next 30 days.
        chart = self._chart(self.tr("Flashcards due, next 30 days"))
        due = QBarSeries()
        due_set = QBarSet("due")
        due_set.setColor(accent)
        due_set.setBorderColor(accent)
        for d in s.forecast:
            due_set.append(d.count)
        due.append(due_set)
        chart.addSeries(due)
        days, counts = QBarCategoryAxis(), QValueAxis()
        days.append(forecast_labels([d.day for d in s.forecast]) or [""])
        days.setTruncateLabels(False)  # a few short labels: none is cut to "…" at a large text size
        days.setTitleText(chart_text(self.tr("day of the month")))
        counts.setLabelFormat("%d")
        counts.setRange(0, max([d.count for d in s.forecast] + [4]))
        counts.applyNiceNumbers()
        self._attach(chart, (due,), days, counts)
        self._place("forecast", 1, 0, self._view(chart, self.tr("Flashcards due over the next 30 days")),
                    self.tr("How many flashcards fall due each day (the first bar is today, with overdue ones)."), span=2)

    def _place_text(self, key: str, row: int, text: str) -> None:
        box = self.explanations.get(key)
        if box is None:
            box = plain_label(text, name=self.tr(_EXPLAINED[key]))
            self.explanations[key] = box
            self.charts.addWidget(box, row, 0, 1, 2)
        box.setText(text)

    def _attach(
        self, chart: QChart, series: tuple[QAbstractSeries, ...], x_axis: QAbstractAxis, y_axis: QAbstractAxis
    ) -> None:
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for s in series:
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        self._axis_style(x_axis, y_axis)
