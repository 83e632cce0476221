"""One day rule for every figure after a change of time zone: an answer belongs to the local day
it was given on in the zone it was given in; "today" is today's date where the user is now.

Tokyo is 16 hours ahead of Los Angeles in March (JST, PDT): the same instant is often a day
later in Tokyo. Answers are recorded in one zone and every figure is read in the other.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyapp.bank.model import Bank, CardQuestion, Deck
from studyapp.grading import Outcome
from studyapp.stats import compute_statistics
from studyapp.statsreport import format_statistics
from studyapp.store import Attempt, CardState, Mode, Store, open_store
from studyapp.study.limits import new_cards_today
from studyapp.study.review_session import ReviewSession, ReviewState

TOKYO = ZoneInfo("Asia/Tokyo")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
# 10:00 on Friday 20 March in Tokyo is 18:00 on Thursday 19 March in Los Angeles.
NOW = datetime(2026, 3, 20, 1, 0, tzinfo=timezone.utc)
DECK = "deck"
QUESTIONS = {(DECK, f"q{i}"): () for i in range(20)}
REPO = Path(__file__).resolve().parents[2]


def _answer(store: Store, qid: str, at: datetime, right: bool = True, *, review: bool = False) -> None:
    outcome = Outcome.RIGHT if right else Outcome.WRONG
    card = CardState(DECK, qid, "{}", at + timedelta(days=2), 2.0, 2, at) if review else None
    store.record_attempt(Attempt(DECK, qid, "h", Mode.REVIEW if review else Mode.QUIZ, "null", outcome,
                                 float(right), 1000, at, None, 3 if review else None), card)


def _open(folder: Path, tz: ZoneInfo) -> Store:
    store = open_store(folder / "s.sqlite3", backups_dir=folder / "b", now=NOW, tz=tz, auto_backup=False).store
    store.put_study_settings_body("", '{"day_start_hour": 0}')  # calendar days: these tests are about zones
    return store


def _fifteen_answers_today(store: Store, at: datetime) -> None:
    """The issue's history: 15 answers, 11 right, all at one moment."""
    for i in range(15):
        _answer(store, f"q{i}", at, right=i < 11)


@pytest.fixture
def tokyo_today(tmp_path: Path) -> Iterator[Path]:
    """15 answers at 09:00 on Friday 20 March in Tokyo (still Thursday in Los Angeles)."""
    store = _open(tmp_path, TOKYO)
    _fifteen_answers_today(store, NOW - timedelta(hours=1))
    store.close()
    yield tmp_path


def test_tokyo_answers_read_in_los_angeles(tokyo_today: Path) -> None:
    store = _open(tokyo_today, LOS_ANGELES)
    try:
        st = compute_statistics(store, QUESTIONS, now=NOW)  # the store's zone: Los Angeles
    finally:
        store.close()
    assert st.today == date(2026, 3, 19)
    assert (st.accuracy_7.answers, st.accuracy_7.right) == (15, 11)
    assert (st.accuracy_30.answers, st.accuracy_all.answers) == (15, 15)
    # Answers dated Friday (Tokyo) count as today's (Thursday here): not lost from any figure.
    assert st.heatmap[-1].day == date(2026, 3, 19) and st.heatmap[-1].count == 15
    assert sum(d.count for d in st.heatmap) == 15
    assert (st.streaks.current, st.streaks.longest) == (1, 1)
    text = format_statistics(st, tokyo_today)
    assert "streak    current 1 day" in text
    assert "last year 15 answers on 1 day" in text
    assert "accuracy  last 7 days 73% (11/15)" in text


def test_los_angeles_answers_read_in_tokyo(tmp_path: Path) -> None:
    """Answers given at 17:00 on five evenings in Los Angeles (the next morning in Tokyo)."""
    store = _open(tmp_path, LOS_ANGELES)
    for day in range(15, 20):  # Sunday 15 .. Thursday 19 March, 17:00 PDT = 00:00 UTC the day after
        for i in range(3):
            _answer(store, f"q{i}", datetime(2026, 3, day, 17, tzinfo=LOS_ANGELES), right=i != 2)
    store.close()
    store = _open(tmp_path, TOKYO)
    try:
        st = compute_statistics(store, QUESTIONS, now=NOW)
    finally:
        store.close()
    assert st.today == date(2026, 3, 20)
    assert {d.day: d.count for d in st.heatmap if d.count} == {date(2026, 3, d): 3 for d in range(15, 20)}
    assert (st.streaks.current, st.streaks.longest) == (5, 5)  # today (Friday) has nothing yet: still running
    assert (st.accuracy_7.answers, st.accuracy_7.right) == (15, 10)


def test_several_tokyo_days_read_in_los_angeles(tmp_path: Path) -> None:
    store = _open(tmp_path, TOKYO)
    for day in range(16, 21):  # Monday 16 .. Friday 20 March, 09:00 in Tokyo
        for i in range(3):
            _answer(store, f"q{i}", datetime(2026, 3, day, 9, tzinfo=TOKYO), right=i != 2)
    store.close()
    store = _open(tmp_path, LOS_ANGELES)
    try:
        st = compute_statistics(store, QUESTIONS, now=NOW)
        per_day = store.summaries.daily_counts()
    finally:
        store.close()
    assert [d for d, _, _ in per_day] == [date(2026, 3, d).toordinal() for d in range(16, 21)]  # as given
    # Friday's (Tokyo) answers are today's here, with Thursday's.
    assert {d.day: d.count for d in st.heatmap if d.count} == {
        date(2026, 3, 16): 3, date(2026, 3, 17): 3, date(2026, 3, 18): 3, date(2026, 3, 19): 6}
    assert (st.streaks.current, st.streaks.longest) == (4, 4)
    assert (st.accuracy_7.answers, st.accuracy_7.right) == (15, 10)


def _bank() -> Bank:
    questions = tuple(CardQuestion(deck=DECK, id=f"q{i}", prompt=f"q{i}", answer="x") for i in range(5))
    return Bank(decks=(Deck(DECK, DECK, Path("deck.yaml"), questions),))


def test_daily_new_limit_los_angeles_evening_then_tokyo_morning(tmp_path: Path) -> None:
    """Two new cards on Thursday evening in Los Angeles are Thursday's: Friday in Tokyo gets its own."""
    store = _open(tmp_path, LOS_ANGELES)
    for i in range(2):
        _answer(store, f"q{i}", datetime(2026, 3, 19, 17, tzinfo=LOS_ANGELES), review=True)
    store.close()
    store = _open(tmp_path, TOKYO)
    try:
        assert new_cards_today(store, NOW, TOKYO) == 0
        assert new_cards_today(store, NOW, LOS_ANGELES) == 2  # had the user stayed
        session = ReviewSession(_bank(), store, now=lambda: NOW, deck=DECK, new_limit=2)
        session.start()
        assert session.current is not None and session.current.is_new
        assert session.progress().new == 2
    finally:
        store.close()


def test_daily_new_limit_tokyo_then_los_angeles(tmp_path: Path) -> None:
    """A new card at 00:30 on Thursday in Tokyo is Thursday's: in Los Angeles on Thursday, with one
    new card a day, there is none left; one given on Friday in Tokyo counts as today's too."""
    store = _open(tmp_path, TOKYO)
    _answer(store, "q0", datetime(2026, 3, 19, 0, 30, tzinfo=TOKYO), review=True)
    store.close()
    store = _open(tmp_path, LOS_ANGELES)
    try:
        assert new_cards_today(store, NOW, LOS_ANGELES) == 1
        session = ReviewSession(_bank(), store, now=lambda: NOW, deck=DECK, new_limit=1)
        session.start()
        assert session.state is ReviewState.FINISHED and session.progress().new == 0
    finally:
        store.close()
    store = _open(tmp_path, TOKYO)
    _answer(store, "q1", NOW - timedelta(minutes=5), review=True)  # Friday morning in Tokyo
    store.close()
    store = _open(tmp_path, LOS_ANGELES)
    try:
        assert new_cards_today(store, NOW, LOS_ANGELES) == 2
        assert new_cards_today(store, NOW, TOKYO) == 1
    finally:
        store.close()


def test_studyapp_stats_in_another_system_zone(tmp_path: Path) -> None:
    """``TZ=America/Los_Angeles studyapp stats`` over answers recorded in Tokyo just now."""
    data = tmp_path / "data"
    data.mkdir()
    now = datetime.now(timezone.utc)
    store = open_store(data / "studyapp.sqlite3", backups_dir=data / "backups", now=now, tz=TOKYO).store
    _fifteen_answers_today(store, now)
    store.close()
    env = {**os.environ, "TZ": "America/Los_Angeles", "PYTHONPATH": str(REPO)}
    env.pop("STUDYAPP_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-m", "studyapp", "stats", "--data-dir", str(data)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "streak    current 1 day" in out
    assert "last year 15 answers on 1 day" in out
    assert "accuracy  last 7 days 73% (11/15)" in out
