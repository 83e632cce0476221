"""Answers per day over the last year as a calendar heatmap (weeks as columns, Monday on top)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studyapp.ui.theme import colors_for
from studyapp.ui.translation import date_text, month_text, plural_s, window_locale

#: Smallest cell side and the gap between cells, in pixels; cells grow with the text size.
CELL = 11
GAP = 2


class _Geometry:
    """Where things go at the widget's text size: the labels' room and the cell side."""

    def __init__(self, widget: QWidget) -> None:
        metrics = QFontMetrics(_label_font(widget))
        self.left = max(metrics.horizontalAdvance(name) for _row, name in weekday_labels()) + 8
        self.top = metrics.height() + 6
        self.cell = max(CELL, round(metrics.height() * 0.9))
        self.step = self.cell + GAP


def weekday_labels() -> tuple[tuple[int, str], ...]:
    """The rows labelled (Monday, Wednesday, Friday) and their short names in the locale."""
    locale = window_locale()
    return tuple((row, locale.dayName(row + 1, QLocale.FormatType.ShortFormat)) for row in (0, 2, 4))


def _label_font(widget: QWidget) -> QFont:
    """The day and month labels' font: the widget's own (it follows the window's text size)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
    return font


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class HeatmapWidget(QWidget):
    """Paints ``(day, count)`` pairs as squares shaded by count; a tooltip names each day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Answers per day, last year"))
        self.days: list[tuple[date, int]] = []
        self._cache: QPixmap | None = None
        self._cache_key: tuple[object, ...] = ()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_days(self, days: Sequence[tuple[date, int]]) -> None:
        """Show these ``(day, answers)`` pairs, oldest first."""
        self.days = list(days)
        self._cache = None
        busiest = max((c for _d, c in self.days), default=0)
        active = sum(1 for _d, c in self.days if c)
        self.setAccessibleDescription(f"{active} days with answers in the last year; busiest day {busiest} answers")
        self.updateGeometry()
        self.update()

    def _weeks(self) -> int:
        if not self.days:
            return 53
        first = self.days[0][0]
        start = first - timedelta(days=first.weekday())
        return (self.days[-1][0] - start).days // 7 + 1

    def sizeHint(self) -> QSize:
        g = _Geometry(self)
        return QSize(g.left + self._weeks() * g.step + 8, g.top + 7 * g.step + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _cell_rect(self, day: date, g: _Geometry | None = None) -> QRect:
        g = g or _Geometry(self)
        first = self.days[0][0]
        start = first - timedelta(days=first.weekday())
        week = (day - start).days // 7
        return QRect(g.left + week * g.step, g.top + day.weekday() * g.step, g.cell, g.cell)

    def paintEvent(self, _event: QPaintEvent) -> None:
        # Drawn once into a pixmap per data/palette/size change: a repaint (scrolling, tooltips)
        # is then one call instead of ~1,500 painter calls from Python.
        if not self.days:
            return
        key = (id(self.days), self.palette().cacheKey(), self.size().width(), self.size().height(), self.font().key())
        if self._cache is None or self._cache_key != key:
            self._cache = QPixmap(self.size() * self.devicePixelRatioF())
            self._cache.setDevicePixelRatio(self.devicePixelRatioF())
            self._cache.fill(Qt.GlobalColor.transparent)
            self._paint_cells(self._cache)
            self._cache_key = key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        painter.end()

    def _paint_cells(self, target: QPixmap) -> None:
        painter = QPainter(target)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colors = colors_for(self.palette())
        busiest = max((c for _d, c in self.days), default=0)
        painter.setPen(self.palette().windowText().color())
        # A pixmap's painter starts with the application's font, not the widget's: set it, so
        # the labels grow with the window's text size.
        painter.setFont(_label_font(self))
        g = _Geometry(self)
        for row, name in weekday_labels():
            painter.drawText(QRect(0, g.top + row * g.step - 2, g.left - 4, g.cell + 4),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), name)
        last_month = None
        for day, count in self.days:
            rect = self._cell_rect(day, g)
            if day.day <= 7 and day.weekday() == 0 and day.month != last_month:
                last_month = day.month
                painter.drawText(QPoint(rect.x(), g.top - 5), month_text(day))
            if count == 0 or busiest == 0:
                color = colors.heat_empty
            else:
                color = _mix(colors.heat_empty, colors.heat_full, 0.25 + 0.75 * (count / busiest))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(rect, 2, 2)
            painter.setPen(self.palette().windowText().color())
        painter.end()

    def day_at(self, pos: QPoint) -> tuple[date, int] | None:
        """The day under ``pos`` (for the tooltip), if any."""
        g = _Geometry(self)
        for day, count in self.days:
            if self._cell_rect(day, g).contains(pos):
                return day, count
        return None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """A new text size: cells and labels take their new size."""
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            hit = self.day_at(event.pos())
            if hit is not None:
                day, count = hit
                answers = plural_s(QCoreApplication.translate("HeatmapWidget", "%n answer(s)", "", count), count)
                QToolTip.showText(event.globalPos(), f"{date_text(day, long=True)}: {answers}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
