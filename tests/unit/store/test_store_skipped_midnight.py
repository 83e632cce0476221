"""Zones where a DST change skips midnight: the local day starts at the change, never an hour
early on the day before, with ``zoneinfo`` zones and with the system's zone (``TZ``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from storehelpers import make_attempt, make_card

from studyapp.bank.model import Bank, CardQuestion, Deck
from studyapp.store import Mode, open_store, today_start, tomorrow_start
from studyapp.store.localtime import day_start, local_day
from studyapp.study.limits import new_cards_today
from studyapp.study.review_session import ReviewSession

# Each zone and a day whose midnight does not exist (clocks jump from 00:00 to 01:00).
SKIPPED = {
    "America/Santiago": date(2026, 9, 6),
    "America/Havana": date(2026, 3, 8),
    "Asia/Beirut": date(2026, 3, 29),
    "Africa/Cairo": date(2026, 4, 24),
}
REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("zone", sorted(SKIPPED))
def test_the_day_starts_at_the_change_in_zoneinfo(zone: str) -> None:
    tz, day = ZoneInfo(zone), SKIPPED[zone]
    start = day_start(day, tz)
    assert start.astimezone(tz).replace(tzinfo=None) == datetime(day.year, day.month, day.day, 1)
    assert local_day(start, tz) == day.toordinal()
    assert local_day(start - timedelta(seconds=1), tz) == day.toordinal() - 1
    assert tomorrow_start(start - timedelta(minutes=30), tz) == start
    assert today_start(start + timedelta(hours=5), tz) == start
    # The next day is an ordinary one, 23 hours later.
    assert day_start(day + timedelta(days=1), tz) - start == timedelta(hours=23)


_CHILD = r"""
import json, sys, time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from studyapp.store import Attempt, CardState, Mode, SystemLocalTime, open_store, today_start, tomorrow_start
from studyapp.store.localtime import day_start, local_day
from studyapp.grading import Outcome
from studyapp.study.limits import new_cards_today

day = date.fromisoformat(sys.argv[1])
folder = Path(sys.argv[2])
tz = SystemLocalTime()
start = day_start(day, tz)
# A new card studied at 23:30 the evening before, then the morning of the day.
evening = start - timedelta(minutes=30)
morning = start + timedelta(hours=8)
store = open_store(folder / "s.sqlite3", backups_dir=folder / "b", now=evening).store
store.record_attempt(
    Attempt("deck", "q1", "h", Mode.REVIEW, '"x"', Outcome.RIGHT, 1.0, 1000, evening, None, 3),
    CardState("deck", "q1", "{}", evening + timedelta(days=1), 1.0, 2, evening))
print(json.dumps({
    "start": start.isoformat(),
    "evening_tomorrow": tomorrow_start(evening, tz).isoformat(),
    "morning_today": today_start(morning, tz).isoformat(),
    "new_in_the_morning": store.new_cards_since(today_start(morning, tz)),
    "new_in_the_evening": store.new_cards_since(today_start(evening, tz)),
    "limit_morning": new_cards_today(store, morning, tz),
    "limit_evening": new_cards_today(store, evening, tz),
    "day_before": local_day(start - timedelta(seconds=1), tz) == day.toordinal() - 1,
}))
store.close()
"""


@pytest.mark.parametrize("zone", sorted(SKIPPED))
def test_the_day_starts_at_the_change_in_the_system_zone(zone: str, tmp_path: Path) -> None:
    """The store's default zone (``SystemLocalTime``, from ``TZ``): a new card studied at 23:30
    on the day before is not one of the new day's (with one new card a day, the new day still
    gets its card)."""
    env = {**os.environ, "TZ": zone, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _CHILD, SKIPPED[zone].isoformat(), str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    expected = day_start(SKIPPED[zone], ZoneInfo(zone)).isoformat()
    assert seen["start"] == expected
    assert seen["evening_tomorrow"] == expected
    assert seen["morning_today"] == expected
    assert seen["new_in_the_morning"] == 0
    assert seen["new_in_the_evening"] == 1
    assert (seen["limit_morning"], seen["limit_evening"]) == (0, 1)
    assert seen["day_before"] is True


@pytest.mark.parametrize("zone", sorted(SKIPPED))
def test_a_card_studied_the_evening_before_is_not_one_of_the_new_days(zone: str, tmp_path: Path) -> None:
    tz, day = ZoneInfo(zone), SKIPPED[zone]
    start = day_start(day, tz)
    evening = start - timedelta(minutes=30)
    opened = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=evening, tz=tz)
    store = opened.store
    try:
        store.record_attempt(make_attempt("q1", mode=Mode.REVIEW, at=evening),
                             make_card("q1", last=evening, due=evening + timedelta(days=3)))
        morning = start + timedelta(hours=8)
        assert store.new_cards_since(today_start(morning, tz)) == 0
        assert store.new_cards_since(today_start(evening, tz)) == 1
        assert new_cards_today(store, morning, tz) == 0
        assert new_cards_today(store, evening, tz) == 1
        # With one new card a day, the flashcard session has one for the new day.
        deck = Deck("deck", "deck", Path("deck.yaml"),
                    tuple(CardQuestion(deck="deck", id=f"q{i}", prompt=f"q{i}", answer="x") for i in range(1, 3)))
        session = ReviewSession(Bank(decks=(deck,)), store, now=lambda: morning, tz=tz, deck="deck", new_limit=1)
        session.start()
        assert session.current.is_new and session.current.question.id == "q2"
        same_evening = ReviewSession(Bank(decks=(deck,)), store, now=lambda: evening + timedelta(minutes=10), tz=tz,
                                     deck="deck", new_limit=1)
        same_evening.start()
        assert same_evening.progress().new == 0
    finally:
        store.close()


def test_an_ordinary_midnight_is_unchanged() -> None:
    tz = ZoneInfo("America/Santiago")
    assert day_start(date(2026, 9, 7), tz) == datetime(2026, 9, 7, 3, tzinfo=timezone.utc)
    assert day_start(date(2026, 4, 5), tz) == datetime(2026, 4, 5, 4, tzinfo=timezone.utc)  # after the clocks went back
