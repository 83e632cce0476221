"""UTC storage, local days: conversions between datetimes, stored integers and local dates.

Times are stored as integer microseconds since the Unix epoch, UTC. A "day" (for daily
limits, per-day counts, streaks, "due today") is a date in the user's local time zone,
kept as ``date.toordinal()`` so day arithmetic is integer arithmetic.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone, tzinfo

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_US = timedelta(microseconds=1)


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


def local_day(moment: datetime, tz: tzinfo) -> int:
    """The local calendar day of ``moment`` in ``tz``, as a date ordinal."""
    return moment.astimezone(tz).date().toordinal()


def day_start(day: date, tz: tzinfo) -> datetime:
    """The UTC instant at which local ``day`` begins in ``tz`` (midnight, or the first
    existing instant if midnight is skipped by a DST change)."""
    local = datetime(day.year, day.month, day.day, tzinfo=tz)
    utc = local.astimezone(timezone.utc)
    # A skipped midnight normalises forward; a repeated one takes the first occurrence.
    return utc


def today_start(now: datetime, tz: tzinfo) -> datetime:
    """Start of the local day containing ``now`` (for daily limits: ``new_cards_since``)."""
    return day_start(now.astimezone(tz).date(), tz)


def tomorrow_start(now: datetime, tz: tzinfo) -> datetime:
    """Start of the next local day ("due today" means due before this instant)."""
    return day_start(now.astimezone(tz).date() + timedelta(days=1), tz)
