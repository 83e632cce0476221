"""Statistics on a small hand-built history, in New York time, with exact expected numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyapp.bank.model import Bank, CardQuestion, Deck
from studyapp.grading import Outcome
from studyapp.stats import (
    Accuracy,
    DeckTotals,
    Streaks,
    TagAccuracy,
    bank_questions,
    compute_statistics,
    streaks,
)
from studyapp.store import Attempt, CardState, Mode, Store, open_store

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 20, 15, 0, tzinfo=timezone.utc)  # 11:00 EDT on Friday 20 March
TODAY = date(2026, 3, 20)

BANK = {
    ("a", "q1"): ("history", "war"),
    ("a", "q2"): ("war",),
    ("a", "q3"): (),
    ("a", "q4"): ("history",),
    ("b", "r1"): ("geo",),
    ("b", "r2"): (),
}


def _utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=timezone.utc)


def _answer(store: Store, deck: str, qid: str, outcome: Outcome, at: datetime, *, session: int | None = None,
            due: datetime | None = None, stability: float | None = None) -> None:
    score = 1.0 if outcome is Outcome.RIGHT else 0.0
    mode = Mode.REVIEW if due is not None else Mode.QUIZ
    card = None if due is None else CardState(deck, qid, "{}", due, stability, 2, at)
    store.record_attempt(Attempt(deck, qid, "h", mode, "null", outcome, score, 1000, at, session), card)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=NOW, tz=NY).store
    R, W, A = Outcome.RIGHT, Outcome.WRONG, Outcome.ALMOST
    _answer(s, "a", "q1", R, _utc(3, 10, 12))
    _answer(s, "a", "q1", W, _utc(3, 19, 14))
    # 02:00 UTC on the 21st is 22:00 EDT on the 20th: due today.
    _answer(s, "a", "q1", R, _utc(3, 20, 14), due=_utc(3, 21, 2), stability=25.0)
    _answer(s, "a", "q3", R, _utc(1, 1, 12))
    _answer(s, "a", "gone", R, _utc(3, 20, 13), due=_utc(3, 19, 0), stability=30.0)  # removed from its file
    _answer(s, "old", "x", R, _utc(3, 19, 9), due=_utc(3, 25, 12), stability=22.0)  # a deck no longer loaded
    quiz_b = s.start_session(Mode.QUIZ, "b", {}, 1, 2, _utc(3, 16, 3))
    # 03:30 UTC on the 16th is 23:30 EDT on the 15th: a day of its own, not part of the streak.
    _answer(s, "b", "r2", R, _utc(3, 16, 3, 30), session=quiz_b)
    _answer(s, "b", "r1", W, _utc(3, 17, 20), session=quiz_b, due=_utc(3, 20, 10), stability=None)
    s.finish_session(quiz_b, _utc(3, 17, 20, 5))
    quiz_a = s.start_session(Mode.QUIZ, "a", {}, 2, 1, _utc(3, 18, 13))
    _answer(s, "a", "q2", A, _utc(3, 18, 13, 10), session=quiz_a, due=_utc(3, 22, 12), stability=3.0)
    s.finish_session(quiz_a, _utc(3, 18, 13, 30))
    abandoned = s.start_session(Mode.QUIZ, "a", {}, 3, 5, _utc(3, 19, 1))
    s.finish_session(abandoned, _utc(3, 19, 2), abandoned=True)
    s.start_session(Mode.QUIZ, "a", {}, 4, 5, _utc(3, 20, 1))  # never finished
    yield s
    s.close()


def test_every_figure_for_all_decks(store: Store) -> None:
    st = compute_statistics(store, BANK, now=NOW, tz=NY)
    assert st.today == TODAY
    assert st.decks == (
        DeckTotals("a", questions=4, seen=3, due_today=1, new=2, mastered=1),
        DeckTotals("b", questions=2, seen=2, due_today=1, new=1, mastered=0),
        DeckTotals("old", questions=0, seen=1, due_today=0, new=0, mastered=1),
    )
    assert st.total == DeckTotals("", 6, 6, 2, 3, 2)
    assert st.accuracy_7 == Accuracy(7, 4)
    assert st.accuracy_30 == Accuracy(8, 5)
    assert st.accuracy_all == Accuracy(9, 6)
    assert st.accuracy_all.ratio == pytest.approx(6 / 9)
    assert [(p.deck, p.score, p.total) for p in st.quiz_scores] == [("b", 0.5, 2), ("a", 0.0, 1)]
    assert st.quiz_scores[0].finished == _utc(3, 17, 20, 5)
    assert st.tags == (
        TagAccuracy("geo", Accuracy(1, 0)),
        TagAccuracy("history", Accuracy(3, 2)),
        TagAccuracy("war", Accuracy(4, 2)),
    )
    assert len(st.heatmap) == 365
    assert st.heatmap[-1].day == TODAY and st.heatmap[0].day == TODAY - timedelta(days=364)
    per_day = {d.day: d.count for d in st.heatmap if d.count}
    assert per_day == {date(2026, 1, 1): 1, date(2026, 3, 10): 1, date(2026, 3, 15): 1, date(2026, 3, 17): 1,
                       date(2026, 3, 18): 1, date(2026, 3, 19): 2, date(2026, 3, 20): 2}
    assert st.streaks == Streaks(current=4, longest=4)
    assert len(st.forecast) == 30 and st.forecast[0].day == TODAY
    # Today: q1 (22:00 tonight), the removed question's overdue card and r1 (overdue); the 22nd: q2;
    # the 25th: the unloaded deck's card.
    assert {d.day: d.count for d in st.forecast if d.count} == {
        TODAY: 3, date(2026, 3, 22): 1, date(2026, 3, 25): 1}


def test_one_deck(store: Store) -> None:
    st = compute_statistics(store, BANK, now=NOW, tz=NY, deck="a")
    assert st.decks == (DeckTotals("a", 4, 3, 1, 2, 1),)
    assert st.accuracy_all == Accuracy(6, 4)  # every answer in the deck, the removed question's too
    assert [p.deck for p in st.quiz_scores] == ["a"]
    assert st.streaks == Streaks(current=3, longest=3)
    assert sum(d.count for d in st.forecast) == 3
    assert {t.tag for t in st.tags} == {"history", "war"}


def test_bank_change_is_picked_up(store: Store) -> None:
    first = compute_statistics(store, BANK, now=NOW, tz=NY)
    grown = {**BANK, ("a", "gone"): ("war",)}  # the removed question is back in its file
    again = compute_statistics(store, grown, now=NOW, tz=NY)
    assert first.decks[0].seen == 3
    assert again.decks[0] == DeckTotals("a", 5, 4, 2, 2, 2)
    assert again.tags[-1] == TagAccuracy("war", Accuracy(5, 3))


def test_tomorrow_the_streak_still_counts_until_the_day_ends(store: Store) -> None:
    tomorrow = compute_statistics(store, BANK, now=NOW + timedelta(days=1), tz=NY)
    assert tomorrow.streaks == Streaks(current=4, longest=4)
    assert tomorrow.accuracy_7 == Accuracy(7, 4)
    later = compute_statistics(store, BANK, now=NOW + timedelta(days=2), tz=NY)
    assert later.streaks == Streaks(current=0, longest=4)
    assert later.forecast[0].count == 4  # q1, the removed card, r1 and now q2 are overdue


def test_empty_store(tmp_path: Path) -> None:
    s = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=NOW, tz=NY).store
    try:
        st = compute_statistics(s, {}, now=NOW, tz=NY)
    finally:
        s.close()
    assert st.decks == () and st.total == DeckTotals("", 0, 0, 0, 0, 0)
    assert st.accuracy_all == Accuracy(0, 0) and st.accuracy_all.ratio is None
    assert st.streaks == Streaks(0, 0) and st.quiz_scores == () and st.tags == ()
    assert sum(d.count for d in st.heatmap) == 0 and sum(d.count for d in st.forecast) == 0


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        ([], 100, Streaks(0, 0)),
        ([100], 100, Streaks(1, 1)),
        ([98, 99], 100, Streaks(2, 2)),  # nothing yet today: yesterday's run still counts
        ([97, 98], 100, Streaks(0, 2)),  # a whole day missed
        ([90, 91, 92, 93, 99, 100], 100, Streaks(2, 4)),
        ([100, 100, 99], 100, Streaks(2, 2)),
    ],
)
def test_streak_rule(days: list[int], today: int, expected: Streaks) -> None:
    assert streaks(days, today) == expected


def _bank(questions: dict[tuple[str, str], tuple[str, ...]]) -> Bank:
    decks: dict[str, list[CardQuestion]] = {}
    for (deck, qid), tags in questions.items():
        decks.setdefault(deck, []).append(CardQuestion(deck=deck, id=qid, prompt=qid, answer="x", tags=tags))
    return Bank(decks=tuple(Deck(d, d, Path(f"{d}.yaml"), tuple(qs)) for d, qs in decks.items()))


def test_a_loaded_bank_gives_the_same_figures_as_a_plain_mapping(store: Store) -> None:
    bank = _bank(BANK)
    from_bank = compute_statistics(store, bank_questions(bank), now=NOW, tz=NY)
    assert from_bank == compute_statistics(store, BANK, now=NOW, tz=NY)
    assert bank_questions(bank) == bank_questions(bank) == BANK  # same bank: equal without rebuilding
    assert dict(bank_questions(bank)) == BANK
    # A new bank (a question came back) is picked up even right after the old one.
    grown = _bank({**BANK, ("a", "gone"): ("war",)})
    assert compute_statistics(store, bank_questions(grown), now=NOW, tz=NY).decks[0].questions == 5
    assert compute_statistics(store, bank_questions(bank), now=NOW, tz=NY).decks[0].questions == 4
