"""Memory statistics on a small real store history, checked against figures worked out by hand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studyapp.grading import Outcome
from studyapp.memory_stats import SELF_RATED, Period, Retention, compute_memory_statistics
from studyapp.store import Attempt, CardState, Mode, Store, open_store
from studyapp.store import retention as retention_summary
from studyapp.study.scheduling import CardScheduler

D0 = datetime(2026, 2, 1, 12, 0, tzinfo=timezone.utc)
NOW = D0 + timedelta(days=41, hours=3)  # "today" is day 41


def _answer(store: Store, deck: str, qid: str, day: int, rating: int, qtype: str | None, minutes: int = 0) -> int:
    outcome = Outcome.WRONG if rating == 1 else Outcome.RIGHT
    at = D0 + timedelta(days=day, minutes=minutes)
    return store.record_attempt(Attempt(deck, qid, "h", Mode.REVIEW, "null", outcome, float(rating > 1), 2000, at,
                                        None, rating, qtype))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=NOW, tz=timezone.utc).store
    # a/q1, a text question: day 0 twice (the second is a learning step, not a review), day 2
    # (young, 2 days: remembered), day 25 (mature, 23 days: forgotten), day 26 (young: remembered).
    for day, rating, minutes in ((0, 3, 0), (0, 3, 10), (2, 3, 0), (25, 1, 0), (26, 3, 0)):
        _answer(s, "a", "q1", day, rating, "text", minutes)
    # a/q2, self-rated: day 0, then day 30 rated Hard (mature, 30 days: remembered, as in Anki).
    _answer(s, "a", "q2", 0, 3, None)
    _answer(s, "a", "q2", 30, 2, None)
    # b/r1, a choice question: first seen yesterday (day 40), forgotten today (young).
    _answer(s, "b", "r1", 40, 1, "choice")
    _answer(s, "b", "r1", 41, 1, "choice")
    yield s
    s.close()


def test_true_retention_by_period_deck_and_type(store: Store) -> None:
    m = compute_memory_statistics(store, now=NOW, tz=timezone.utc)
    table = dict(m.retention)
    assert table[Period.TODAY] == Retention(young_failed=1)
    assert table[Period.YESTERDAY] == Retention()  # a first answer is not a review
    assert table[Period.WEEK] == Retention(young_failed=1)
    # days 12..41: q1 day 25 (mature, forgotten) and 26 (young, remembered), q2 day 30, r1 day 41
    assert table[Period.MONTH] == Retention(young_passed=1, young_failed=1, mature_passed=1, mature_failed=1)
    everything = Retention(young_passed=2, young_failed=1, mature_passed=1, mature_failed=1)
    assert table[Period.YEAR] == table[Period.ALL] == everything
    assert everything.young == pytest.approx(2 / 3) and everything.mature == 0.5 and everything.total == 0.6
    decks = {g.name: g for g in m.by_deck}
    assert decks["a"].all_time == Retention(young_passed=2, mature_passed=1, mature_failed=1)
    assert decks["a"].month == Retention(young_passed=1, mature_passed=1, mature_failed=1)
    assert decks["b"].all_time == decks["b"].month == Retention(young_failed=1)
    kinds = {g.name: g.all_time for g in m.by_type}
    assert kinds == {"text": Retention(young_passed=2, mature_failed=1), "choice": Retention(young_failed=1),
                     SELF_RATED: Retention(mature_passed=1)}
    one = compute_memory_statistics(store, now=NOW, tz=timezone.utc, deck="b")
    assert dict(one.retention)[Period.ALL] == Retention(young_failed=1)


def _summary(store: Store) -> list[tuple[object, ...]]:
    """The retention summary's rows, every answer summed in."""
    store.retention_rows(NOW.date().toordinal())
    return sorted(store.connection.execute("SELECT * FROM retention"))


def test_the_summary_built_at_once_equals_the_one_kept_up(store: Store) -> None:
    kept = _summary(store)
    conn = store.connection
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM retention")
    retention_summary.create(conn)  # the schema step's fill, over the same answers
    conn.execute("COMMIT")
    assert _summary(store) == kept and kept


def test_undo_takes_a_review_off(store: Store) -> None:
    before = _summary(store)
    attempt_id = _answer(store, "a", "q2", 41, 1, None)
    # q2 again today, 11 days after day 30: a young review, forgotten.
    assert dict(compute_memory_statistics(store, now=NOW, tz=timezone.utc).retention)[Period.TODAY] == Retention(
        young_failed=2)
    store.undo_attempt(attempt_id, store.card_state("a", "q2"))
    assert _summary(store) == before


def _card(qid: str, stability: float, last: datetime, due: datetime) -> CardState:
    fsrs = {"card_id": 1, "state": 2, "step": None, "stability": stability, "difficulty": 5.0,
            "due": due.isoformat(), "last_review": last.isoformat()}
    return CardState("m", qid, json.dumps(fsrs), due, stability, 2, last)


def test_retrievability_now_and_the_reviews_ahead(tmp_path: Path) -> None:
    s = open_store(tmp_path / "r.sqlite3", backups_dir=tmp_path / "b", now=NOW, tz=timezone.utc).store
    try:
        # Stability 10, last seen 10 days ago: FSRS gives exactly 90 % by definition.
        # Stability 10, seen 5 days ago, due in 5 days (when it reaches 90 %).
        s.put_cards([_card("ten", 10.0, NOW - timedelta(days=10), NOW + timedelta(days=400)),
                     _card("five", 10.0, NOW - timedelta(days=5), NOW + timedelta(days=5))])
        m = compute_memory_statistics(s, now=NOW, tz=timezone.utc, deck="m")
        r_five = CardScheduler().retrievability(s.card_state("m", "five"), NOW)  # type: ignore[arg-type]
        assert m.cards == 2
        assert m.retrievability == pytest.approx((0.9 + r_five) / 2)
        assert 0.9 < r_five < 1.0 and m.distribution == (0,) * 9 + (2,)
        expected = [count for _, count in m.forecast]
        assert len(expected) == 30 and expected[:5] == [0.0] * 5
        assert expected[5] == pytest.approx(1.1, abs=1e-4)  # the review, and relearning the 10 % forgotten
        assert 0.09 < sum(expected[6:]) < 0.5  # the forgotten branch comes back; the remembered one after day 30
    finally:
        s.close()


def test_the_worker_threads_read_gives_the_same_figures(store: Store) -> None:
    from studyapp.memory_stats import memory_statistics_from_file

    here = compute_memory_statistics(store, now=NOW, tz=timezone.utc)  # also brings the summaries up to date
    assert store.path is not None
    there = memory_statistics_from_file(store.path, now=NOW, tz=timezone.utc, deck=None,
                                        parameters=store.fsrs_parameters(None))
    assert there == here
