"""UTC storage, local days: conversions between datetimes, stored integers and local dates.

Times are stored as integer microseconds since the Unix epoch, UTC. A "day" (for daily
limits, per-day counts, streaks, "due today") is a date in the user's local time zone,
kept as ``date.toordinal()`` so day arithmetic is integer arithmetic.

The day rule, one for every daily figure: a study day starts at ``start_hour`` local time
(4 am by default in the study settings, as in Anki, so a session past midnight still counts
for the evening it began in). The study day of a moment is the date of (local time minus
``start_hour`` hours): ``local_day``. ``today_start``/``tomorrow_start`` are the instants that
day begins and ends. ``start_hour`` 0 is the calendar day.
"""

from __future__ import annotations

import math
import time
from datetime import date, datetime, timedelta, timezone, tzinfo

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_US = timedelta(microseconds=1)
_BRACKET = timedelta(hours=6)  # wider than any DST change


class SystemLocalTime(tzinfo):
    """The operating system's local zone, DST-aware (asks ``time.localtime`` per instant)."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=time.localtime().tm_gmtoff)
        naive = dt.replace(tzinfo=None)
        stamp = time.mktime(naive.timetuple())
        return timedelta(seconds=time.localtime(stamp).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return time.strftime("%Z")

    def fromutc(self, dt: datetime) -> datetime:
        stamp = (dt.replace(tzinfo=None) - datetime(1970, 1, 1)).total_seconds()
        return dt + timedelta(seconds=time.localtime(stamp).tm_gmtoff)


def to_us(moment: datetime) -> int:
    """A tz-aware datetime as integer microseconds since the epoch (exact)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the store only takes tz-aware times")
    return (moment - EPOCH) // _US


def from_us(value: int) -> datetime:
    """Stored microseconds back to a UTC datetime."""
    return EPOCH + timedelta(microseconds=value)


def study_date(moment: datetime, tz: tzinfo, start_hour: int = 0) -> date:
    """The study day ``moment`` belongs to in ``tz`` when days start at ``start_hour`` (0-23):
    the date of (local time − ``start_hour`` hours). The one day rule (module docstring)."""
    local = moment.astimezone(tz)
    if start_hour:
        return (local.replace(tzinfo=None) - timedelta(hours=start_hour)).date()
    return local.date()


def local_day(moment: datetime, tz: tzinfo, start_hour: int = 0) -> int:
    """The study day of ``moment`` in ``tz`` (``study_date``), as a date ordinal: the local
    date's, one less before ``start_hour`` (the same day ``study_date`` gives, without building
    the shifted time; every answer computes it)."""
    local = moment.astimezone(tz)
    day = local.toordinal()
    return day - 1 if local.hour < start_hour else day


def day_start(day: date, tz: tzinfo) -> datetime:
    """The UTC instant at which local ``day`` begins in ``tz``: its midnight, or, where a DST
    change skips midnight (America/Santiago, Asia/Beirut, ...), the first instant that exists
    on that day (the change itself). A midnight that occurs twice counts from its first time.

    Works for any tzinfo, including ``SystemLocalTime`` (which does not follow PEP 495's
    ``fold``): each candidate is checked by converting it back.
    """
    midnight = datetime(day.year, day.month, day.day)
    candidates = [midnight.replace(tzinfo=tz, fold=f).astimezone(timezone.utc) for f in (0, 1)]
    exact = [c for c in candidates if c.astimezone(tz).replace(tzinfo=None) == midnight]
    if exact:
        return min(exact)
    # Midnight does not exist: the day starts at the change. Bracket it (an instant still on
    # the day before, one already on the day) and bisect to the second (changes fall on whole
    # seconds).
    ordinal = day.toordinal()
    low, high = min(candidates) - _BRACKET, max(candidates) + _BRACKET
    while local_day(low, tz) >= ordinal:
        low -= _BRACKET
    while local_day(high, tz) < ordinal:
        high += _BRACKET
    lo_s, hi_s = math.floor((low - EPOCH).total_seconds()), math.ceil((high - EPOCH).total_seconds())
    while hi_s - lo_s > 1:  # invariant: lo_s is on the day before, hi_s on the day
        mid = (lo_s + hi_s) // 2
        if local_day(EPOCH + timedelta(seconds=mid), tz) >= ordinal:
            hi_s = mid
        else:
            lo_s = mid
    return EPOCH + timedelta(seconds=hi_s)


def study_day_start(day: date, tz: tzinfo, start_hour: int = 0) -> datetime:
    """The UTC instant study ``day`` begins: ``start_hour`` o'clock local time on that date (the
    first instant after it, when a DST change skips that hour; its first time, when it occurs twice)."""
    if not start_hour:
        return day_start(day, tz)
    wall = datetime(day.year, day.month, day.day, start_hour)
    candidates = [wall.replace(tzinfo=tz, fold=f).astimezone(timezone.utc) for f in (0, 1)]
    exact = [c for c in candidates if c.astimezone(tz).replace(tzinfo=None) == wall]
    if exact:
        return min(exact)
    return max(candidates)  # the hour was skipped: the day starts once the clocks moved on


def today_start(now: datetime, tz: tzinfo, start_hour: int = 0) -> datetime:
    """Start of the study day containing ``now`` (for daily limits: ``new_cards_since``)."""
    return study_day_start(study_date(now, tz, start_hour), tz, start_hour)


def tomorrow_start(now: datetime, tz: tzinfo, start_hour: int = 0) -> datetime:
    """Start of the next study day ("due today" means due before this instant)."""
    return study_day_start(study_date(now, tz, start_hour) + timedelta(days=1), tz, start_hour)
