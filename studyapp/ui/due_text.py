"""When a card comes back, as the window writes it: intervals (``10m``, ``3d``) and due times.

The rating buttons' intervals and the flashcard end screen's due time come from the core as
instants and durations (``scheduling.NextStates.intervals``, ``ReviewSession.next_due``); they
are written here with the locale's digits and decimal mark and with units and day and month
names a translation can change, as is the quiz feedback's schedule line (``schedule_text``). The
command line keeps ``scheduling.format_interval``: the same thresholds, Anki's labels.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime

from studyapp.study.scheduling import Rating
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text, window_locale

if TYPE_CHECKING:
    from studyapp.study.quiz_session import Feedback

#: The ratings' names, as the feedback's schedule line says them.
RATING_NAMES = {
    Rating.Again: QT_TRANSLATE_NOOP("DueText", "Again"),
    Rating.Hard: QT_TRANSLATE_NOOP("DueText", "Hard"),
    Rating.Good: QT_TRANSLATE_NOOP("DueText", "Good"),
    Rating.Easy: QT_TRANSLATE_NOOP("DueText", "Easy"),
}


def _one_decimal(value: float) -> str:
    """``1.2``, ``2`` (no ``.0``), in the locale's numbers."""
    rounded = round(value, 1)
    return number_text(rounded, 0 if rounded == int(rounded) else 1)


def interval_text(interval: timedelta) -> str:
    """An interval as a rating button shows it: ``<1m``, ``10m``, ``1h``, ``3d``, ``2mo``, ``1.2y``
    (the thresholds of ``scheduling.format_interval``; numbers and units in the window's language)."""
    translate = QCoreApplication.translate
    seconds = interval.total_seconds()
    if seconds < 60:
        return translate("DueText", "<1m", "less than a minute, on a rating button")
    minutes = seconds / 60
    if minutes < 59.5:
        return translate("DueText", "{n}m", "minutes, on a rating button").format(n=number_text(round(minutes)))
    hours = minutes / 60
    if hours < 23.5:
        return translate("DueText", "{n}h", "hours, on a rating button").format(n=number_text(round(hours)))
    days = hours / 24
    if days < 29.5:
        return translate("DueText", "{n}d", "days, on a rating button").format(n=number_text(round(days)))
    if days < 365:
        return translate("DueText", "{n}mo", "months, on a rating button").format(n=_one_decimal(days / 30))
    return translate("DueText", "{n}y", "years, on a rating button").format(n=_one_decimal(days / 365))


def due_text(due: datetime, now: datetime) -> str:
    """``"in 10m (14:05)"``, ``"in 3d (Mon 2 Mar, 09:00)"`` in local time and the locale's names."""
    translate = QCoreApplication.translate
    local = due.astimezone()
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    same_day = local.date() == now.astimezone().date()
    pattern = (translate("DueText", "HH:mm", "a QLocale time pattern: a due time today") if same_day else
               translate("DueText", "ddd d MMM, HH:mm", "a QLocale date and time pattern: a due time on another day"))
    when = window_locale().toString(moment, pattern)
    return translate("DueText", "in {interval} ({when})").format(interval=interval_text(due - now), when=when)


def schedule_text(feedback: Feedback) -> str:
    """What a quiz answer did to the schedule: ``"Counted as Good: you will see it again in 10m."``
    ("" when the answer was not scheduled)."""
    if feedback.rating is None or feedback.again_in is None:
        return ""
    return QCoreApplication.translate("DueText", "Counted as {rating}: you will see it again in {interval}.").format(
        rating=QCoreApplication.translate("DueText", RATING_NAMES[feedback.rating]),
        interval=interval_text(feedback.again_in))
