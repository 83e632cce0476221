"""The optimiser: training items as Anki builds them, the fit on a real history, the parameters kept."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from memory_history import START, simulate

from studyapp.grading import Outcome
from studyapp.store import Attempt, Mode, Store, open_store
from studyapp.study.optimise import MIN_ITEMS, OptimiseError, fit, fit_in_process, training_items, training_set
from studyapp.study.review_session import ReviewSession
from studyapp.study.scheduling import CardScheduler, Rating, card_id_for

DEFAULTS = CardScheduler().parameters
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", now=NOW, tz=timezone.utc).store
    yield s
    s.close()


def test_items_are_built_as_anki_builds_them() -> None:
    # Two answers on day 0, one on day 2, two on day 5: items end at the answers a day or more
    # after the previous one, each holding every answer up to it; delta_t counts local days.
    log = [(3, 100), (3, 100), (3, 102), (1, 105), (3, 105)]
    assert training_items(log) == [
        ((3, 0), (3, 0), (3, 2)),
        ((3, 0), (3, 0), (3, 2), (1, 3)),
    ]
    assert training_items([(3, 7)]) == []  # a first answer alone teaches the fit nothing


def test_training_set_reads_the_store_in_time_order(store: Store) -> None:
    def answer(qid: str, rating: int, at: datetime) -> None:
        outcome = Outcome.RIGHT if rating > 1 else Outcome.WRONG
        store.record_attempt(Attempt("d", qid, "h", Mode.QUIZ, "null", outcome, 1.0, 900, at, None, rating))

    t = datetime(2026, 3, 1, 10, tzinfo=timezone.utc)
    answer("a", 3, t)
    answer("b", 1, t + timedelta(minutes=1))
    answer("b", 3, t + timedelta(days=1))  # b's item ends first
    answer("a", 4, t + timedelta(days=3))
    store.record_attempt(Attempt("d", "c", "h", Mode.QUIZ, "null", Outcome.RIGHT, 1.0, 900,
                                 t + timedelta(days=4), None, None))  # no rating: moved no card
    ts = training_set(store.review_log())
    assert ts.items == (((1, 0), (3, 1)), ((3, 0), (4, 3)))
    assert ts.card_ids == (card_id_for("d", "b"), card_id_for("d", "a"))
    assert ts.answers == 4 and not ts.enough


def test_too_few_answers_say_how_many_are_needed(store: Store) -> None:
    simulate(store, cards=5, days=6)
    ts = training_set(store.review_log())
    assert 0 < len(ts.items) < MIN_ITEMS
    with pytest.raises(OptimiseError, match=f"of the {MIN_ITEMS} needed"):
        fit(ts, DEFAULTS)


def test_the_fit_predicts_the_persons_answers_better(store: Store) -> None:
    simulate(store)  # a learner who remembers better than the default parameters expect
    ts = training_set(store.review_log())
    assert ts.enough
    result = fit(ts, DEFAULTS)
    assert len(result.parameters) == 21 and result.parameters != DEFAULTS
    assert result.better
    assert result.after.log_loss < result.before.log_loss and result.after.rmse < result.before.rmse
    assert result.current == DEFAULTS and result.items == len(ts.items)


def test_the_fit_runs_in_its_own_process_and_can_be_cancelled(store: Store) -> None:
    simulate(store)
    ts = training_set(store.review_log())
    here = fit(ts, DEFAULTS)
    assert store.path is not None
    heard: list[int] = []
    there = fit_in_process(store.path, None, DEFAULTS, threading.Event(), on_items=heard.append)
    assert there is not None and there.parameters == pytest.approx(here.parameters)
    assert heard == [len(ts.items)]
    cancel = threading.Event()
    cancel.set()
    started = time.perf_counter()
    assert fit_in_process(store.path, None, DEFAULTS, cancel) is None
    assert time.perf_counter() - started < 10  # cancelled before the fit: no training at all


def test_a_deck_without_enough_answers_is_refused_by_the_process(store: Store) -> None:
    simulate(store)
    assert store.path is not None
    with pytest.raises(OptimiseError, match=f"0 of the {MIN_ITEMS} needed"):
        fit_in_process(store.path, "no such deck", DEFAULTS, threading.Event())


def test_parameters_are_kept_with_the_previous_ones(store: Store) -> None:
    assert store.fsrs_parameters("d") is None and store.fsrs_parameter_record(None) == (None, None)
    fitted = tuple(p * 1.1 for p in DEFAULTS)
    store.save_fsrs_parameters(None, fitted, None, NOW)
    assert store.fsrs_parameters("d") == pytest.approx(fitted)  # a deck without its own uses every deck's
    own = tuple(p * 0.9 for p in DEFAULTS)
    store.save_fsrs_parameters("d", own, fitted, NOW)
    assert store.fsrs_parameters("d") == pytest.approx(own)
    assert store.fsrs_parameters(None) == pytest.approx(fitted)
    current, previous = store.fsrs_parameter_record("d")
    assert current == pytest.approx(own) and previous == pytest.approx(fitted)
    store.save_fsrs_parameters(None, None, fitted, NOW)  # back to the defaults
    assert store.fsrs_parameter_record(None)[0] is None


def test_a_review_session_schedules_with_the_saved_parameters(store: Store, bank: object) -> None:
    from studyapp.bank.model import Bank

    assert isinstance(bank, Bank)
    deck = bank.decks[0].id

    def easy_interval() -> timedelta:
        session = ReviewSession(bank, store, now=lambda: START, deck=deck)
        session.start()
        session.show_answer()
        interval = session.next_states().intervals[Rating.Easy]
        session.close()
        return interval

    before = easy_interval()
    slow = list(DEFAULTS)
    slow[3] = 60.0  # the initial stability after Easy: 60 days rather than 8.3
    store.save_fsrs_parameters(None, slow, None, NOW)
    assert CardScheduler(parameters=slow).parameters[3] == pytest.approx(60.0)
    assert easy_interval() != before
