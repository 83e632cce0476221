"""Local days: UTC storage, daily limits and per-day counts following the user's zone across midnight."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from storehelpers import MINSK, days_from_midnight, make_attempt, make_card

from studyapp.store import Mode, open_store, today_start, tomorrow_start
from studyapp.store.localtime import day_start, from_us, local_day, study_date, to_us

NEW_YORK = ZoneInfo("America/New_York")


def test_microsecond_round_trip_and_naive_refused() -> None:
    t = datetime(2026, 3, 10, 12, 0, 0, 999_999, tzinfo=timezone.utc)
    assert from_us(to_us(t)) == t
    assert from_us(to_us(t.astimezone(MINSK))) == t
    with pytest.raises(ValueError):
        to_us(datetime(2026, 3, 10))


@pytest.mark.parametrize("zone", ["UTC", "Europe/Minsk", "America/Santiago", "Asia/Beirut", "Australia/Lord_Howe",
                                  "Asia/Kathmandu", "America/Havana", "Europe/Amsterdam"])
def test_the_day_key_of_an_answer_is_its_study_date(zone: str) -> None:
    """``local_day`` (every answer's day key, computed without building the shifted time) is the
    ordinal of ``study_date`` at any moment and start hour, DST changes and odd offsets included
    (a day key one off would move an answer to another day's counts)."""
    import random

    tz = ZoneInfo(zone)
    rng = random.Random(zone)
    moments = [datetime(1935, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(100 * 365 * 86400))
               for _ in range(3000)]
    day = datetime(2020, 1, 1, tzinfo=timezone.utc)
    while day.year < 2027:  # every five minutes of the two days around each change of the zone's offset
        if day.astimezone(tz).utcoffset() != (day + timedelta(days=1)).astimezone(tz).utcoffset():
            moments += [day + timedelta(minutes=5 * i) for i in range(2 * 24 * 12)]
        day += timedelta(days=1)
    for moment in moments:
        for hour in (0, 1, 4, 23):
            assert local_day(moment, tz, hour) == study_date(moment, tz, hour).toordinal(), (moment, hour)


def test_day_boundaries_in_minsk() -> None:
    late = datetime(2026, 3, 10, 20, 59, tzinfo=timezone.utc)  # 23:59 in Minsk
    after = datetime(2026, 3, 10, 21, 0, tzinfo=timezone.utc)  # 00:00 on the 11th in Minsk
    assert local_day(late, MINSK) == date(2026, 3, 10).toordinal()
    assert local_day(after, MINSK) == date(2026, 3, 11).toordinal()
    assert today_start(after, MINSK) == after
    assert tomorrow_start(late, MINSK) == after


def test_day_boundaries_across_dst_in_new_york() -> None:
    # 2026-03-08: clocks go from 02:00 EST to 03:00 EDT, so that local day is 23 hours long.
    start = day_start(date(2026, 3, 8), NEW_YORK)
    end = day_start(date(2026, 3, 9), NEW_YORK)
    assert start == datetime(2026, 3, 8, 5, tzinfo=timezone.utc)
    assert end == datetime(2026, 3, 9, 4, tzinfo=timezone.utc)
    assert end - start == timedelta(hours=23)


@pytest.mark.parametrize("tz", [MINSK, NEW_YORK], ids=["Minsk", "New_York"])
def test_new_cards_since_follows_local_midnight(tmp_path: Path, tz: ZoneInfo) -> None:
    midnight = datetime(2026, 3, 11, tzinfo=tz)  # local midnight between the 10th and the 11th
    opened = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=midnight, tz=tz)
    store = opened.store
    days_from_midnight(store)
    try:
        # Two first reviews just before local midnight, three just after.
        for i, minutes in enumerate([-30, -1, 0, 1, 30]):
            at = midnight + timedelta(minutes=minutes)
            store.record_attempt(make_attempt(f"q{i}", mode=Mode.REVIEW, at=at), make_card(f"q{i}", last=at))
        late_evening = midnight - timedelta(minutes=5)
        next_morning = midnight + timedelta(hours=8)
        assert store.new_cards_since(today_start(late_evening, tz)) == 5  # all on the 10th...
        assert store.new_cards_since(today_start(next_morning, tz)) == 3  # ...but the 11th only has 3
        # A second review does not make a card new again.
        store.record_attempt(make_attempt("q0", mode=Mode.REVIEW, at=next_morning), make_card("q0", last=next_morning))
        assert store.new_cards_since(today_start(next_morning, tz)) == 3
        store.catch_up_summaries()
        days = dict(store.connection.execute("SELECT day, answers FROM daily").fetchall())
        assert days == {date(2026, 3, 10).toordinal(): 2, date(2026, 3, 11).toordinal(): 4}
    finally:
        store.close()


def test_due_today_counts_until_local_midnight(tmp_path: Path) -> None:
    now = datetime(2026, 3, 10, 19, 0, tzinfo=timezone.utc)  # 22:00 in Minsk
    opened = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=now, tz=MINSK)
    store = opened.store
    try:
        store.record_attempt(make_attempt("a", mode=Mode.REVIEW), make_card("a", due=now + timedelta(hours=1)))
        store.record_attempt(make_attempt("b", mode=Mode.REVIEW), make_card("b", due=now + timedelta(hours=3)))
        # 23:00 Minsk is still today; 01:00 Minsk is tomorrow, although both are the 10th in UTC.
        assert store.due_count(tomorrow_start(now, MINSK)) == 1
    finally:
        store.close()


@pytest.fixture
def new_york_system_zone(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run with the process's local zone set to New York, restored afterwards."""
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_system_local_time_agrees_with_zoneinfo(new_york_system_zone: None) -> None:
    from studyapp.store import SystemLocalTime

    system = SystemLocalTime()
    # Around both DST changes of 2026 and an ordinary winter evening.
    for moment in [datetime(2026, 3, 8, 6, 59, tzinfo=timezone.utc), datetime(2026, 3, 8, 7, 1, tzinfo=timezone.utc),
                   datetime(2026, 11, 1, 5, 30, tzinfo=timezone.utc), datetime(2026, 11, 1, 6, 30, tzinfo=timezone.utc),
                   datetime(2026, 1, 15, 4, 59, tzinfo=timezone.utc), datetime(2026, 1, 15, 5, 0, tzinfo=timezone.utc)]:
        assert moment.astimezone(system).replace(tzinfo=None) == moment.astimezone(NEW_YORK).replace(tzinfo=None)
        assert local_day(moment, system) == local_day(moment, NEW_YORK)
    assert day_start(date(2026, 3, 8), system) == day_start(date(2026, 3, 8), NEW_YORK)
    assert day_start(date(2026, 7, 1), system) == datetime(2026, 7, 1, 4, tzinfo=timezone.utc)


def test_day_key_is_fixed_when_the_answer_is_written(tmp_path: Path) -> None:
    evening = datetime(2026, 3, 10, 22, 30, tzinfo=timezone.utc)  # 01:30 on the 11th in Minsk, 18:30 on the 10th in New York
    db, backups = tmp_path / "s.sqlite3", tmp_path / "b"
    store = open_store(db, backups_dir=backups, now=evening, tz=MINSK).store
    days_from_midnight(store)
    store.record_attempt(make_attempt("q1", at=evening))
    store.close()
    store = open_store(db, backups_dir=backups, now=evening, tz=NEW_YORK).store  # the user travelled
    try:
        store.record_attempt(make_attempt("q2", at=evening))
        store.catch_up_summaries()
        days = sorted(store.connection.execute("SELECT day, answers FROM daily").fetchall())
        assert days == [(date(2026, 3, 10).toordinal(), 1), (date(2026, 3, 11).toordinal(), 1)]
    finally:
        store.close()
