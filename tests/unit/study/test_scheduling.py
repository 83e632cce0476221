"""FSRS scheduling: interval previews for the buttons, applying ratings, interval labels."""

from __future__ import annotations

import json

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, State
from hypothesis import given, settings
from hypothesis import strategies as st
from studyfixtures import DECK, T0

from studyapp.store import CardState
from studyapp.study.scheduling import CardScheduler, card_id_for, card_of, format_interval, fuzz_factor, reps_of


@pytest.mark.parametrize(
    ("interval", "label"),
    [
        (timedelta(seconds=0), "<1m"),
        (timedelta(seconds=59), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=59, seconds=40), "1h"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=3), "3d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=60), "2mo"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=365), "1y"),
        (timedelta(days=438), "1.2y"),
    ],
)
def test_format_interval_labels_like_anki(interval: timedelta, label: str) -> None:
    assert format_interval(interval) == label


def test_a_new_card_previews_the_learning_steps() -> None:
    preview = CardScheduler(fuzz=False).preview(DECK, "pm", None, T0)
    assert preview.intervals[Rating.Again] == timedelta(minutes=1)
    assert preview.intervals[Rating.Good] == timedelta(minutes=10)
    assert preview.labels == {Rating.Again: "1m", Rating.Hard: "6m", Rating.Good: "10m", Rating.Easy: "8d"}
    assert preview.label(Rating.Easy) == "8d"


def test_previews_match_what_rating_does_without_fuzz_and_grow_with_good_answers() -> None:
    scheduler = CardScheduler(fuzz=False)
    state = None
    now = T0
    goods = []
    for _ in range(5):
        preview = scheduler.preview(DECK, "pm", state, now)
        for rating in Rating:
            assert scheduler.rate(DECK, "pm", state, rating, now).due - now == preview.intervals[rating]
        state = scheduler.rate(DECK, "pm", state, Rating.Good, now)
        goods.append(state.due - now)
        now = state.due
    assert goods == sorted(goods) and goods[-1] > timedelta(days=20)
    assert state is not None and state.state == State.Review


def test_rating_gives_a_complete_card_state() -> None:
    state = CardScheduler().rate(DECK, "pm", None, Rating.Good, T0)
    card = card_of(state)
    assert (state.deck, state.question_id) == (DECK, "pm")
    assert state.due == card.due == T0 + timedelta(minutes=10)
    assert state.last_review == card.last_review == T0
    assert state.stability == card.stability and state.stability is not None
    assert state.state == int(card.state) == State.Learning
    assert state.due.tzinfo is not None and state.due.utcoffset() == timedelta(0)


def _mature(scheduler: CardScheduler) -> tuple[CardState, datetime]:
    state = scheduler.rate(DECK, "pm", None, Rating.Good, T0)
    for _ in range(3):
        state = scheduler.rate(DECK, "pm", state, Rating.Good, state.due)
    return state, state.due


def test_fuzz_is_seeded_by_the_card_and_its_answer_count_and_stays_near_the_plain_interval() -> None:
    plain_state, now = _mature(CardScheduler(fuzz=False))
    plain = CardScheduler(fuzz=False).rate(DECK, "pm", plain_state, Rating.Easy, now).due - now
    assert plain > timedelta(days=20)
    fuzzed = []
    for qid in (f"q{i}" for i in range(12)):  # other cards (other ids), same memory
        state = plain_state._replace(question_id=qid, fsrs_json=plain_state.fsrs_json.replace(
            str(card_id_for(DECK, "pm")), str(card_id_for(DECK, qid))))
        a = CardScheduler().rate(DECK, qid, state, Rating.Easy, now)
        b = CardScheduler().rate(DECK, qid, state, Rating.Easy, now)
        assert a == b
        fuzzed.append(a.due - now)
    assert len(set(fuzzed)) > 1
    assert all(abs(f - plain) <= plain * 0.1 + timedelta(days=1) for f in fuzzed)
    # The same card at another point of its history (one more answer) draws again.
    draws = {fuzz_factor(card_id_for(DECK, "pm"), reps) for reps in range(5)}
    assert len(draws) == 5 and all(0 <= d < 1 for d in draws)


def test_the_interval_on_each_button_is_the_one_applied_fuzz_included() -> None:
    """Fails before the next states were computed once: previews ran without fuzz while
    ``rate`` drew fuzz from a shared random generator."""
    plain_state, now = _mature(CardScheduler(fuzz=False))
    scheduler = CardScheduler()
    for qid in (f"q{i}" for i in range(20)):
        state = plain_state._replace(question_id=qid, fsrs_json=plain_state.fsrs_json.replace(
            str(card_id_for(DECK, "pm")), str(card_id_for(DECK, qid))))
        states = scheduler.next_states(DECK, qid, state, now)
        for rating in Rating:
            applied = scheduler.rate(DECK, qid, state, rating, now)
            assert applied == states.choose(rating)
            assert applied.due - now == states.intervals[rating]
            assert format_interval(applied.due - now) == states.label(rating)
        assert reps_of(states.choose(Rating.Good)) == reps_of(state) + 1


_GAP = st.tuples(st.integers(0, 40), st.integers(0, 86_399_999_999))  # days, microseconds


@settings(max_examples=80, deadline=None)
@given(history=st.lists(st.tuples(st.sampled_from(list(Rating)), _GAP), max_size=6), shown_after=_GAP,
       think=st.tuples(st.integers(0, 2), st.integers(0, 86_399_999_999)))
def test_states_computed_when_shown_and_moved_to_the_answer_are_what_rating_then_gives(
        history: list[tuple[Rating, tuple[int, int]]], shown_after: tuple[int, int], think: tuple[int, int]) -> None:
    """A quiz computes the four states when it shows a question and applies the rated one at the
    answer, moved by the time taken: the result must be exactly ``rate`` at the answer's moment
    (what a replay of the log gives), and the move is refused only when the whole days since the
    card's last answer differ between the two moments."""
    scheduler = CardScheduler()
    state, at = None, T0
    for rating, (days, us) in history:
        at += timedelta(days=days, microseconds=us)
        state = scheduler.rate(DECK, "pm", state, rating, at)
    shown = at + timedelta(days=shown_after[0], microseconds=shown_after[1])
    answered = shown + timedelta(days=think[0], microseconds=think[1])
    states = scheduler.next_states(DECK, "pm", state, shown)
    last = None if state is None else state.last_review
    same_days = last is None or (answered - last).days == (shown - last).days
    for rating in Rating:
        moved = states.at_moment(rating, answered)
        assert (moved is not None) == same_days
        if moved is not None:
            assert moved == scheduler.rate(DECK, "pm", state, rating, answered)


def test_states_are_not_moved_back_in_time() -> None:
    states = CardScheduler().next_states(DECK, "pm", None, T0)
    assert states.at_moment(Rating.Good, T0 - timedelta(seconds=1)) is None
    assert states.at_moment(Rating.Good, T0) == states.choose(Rating.Good)


def test_times_in_any_zone_are_accepted_and_naive_ones_refused() -> None:
    minsk = T0.astimezone(ZoneInfo("Europe/Minsk"))
    state = CardScheduler().rate(DECK, "pm", None, Rating.Again, minsk)
    assert state.due == T0 + timedelta(minutes=1)
    assert state.due.tzinfo is timezone.utc
    with pytest.raises(ValueError, match="naive"):
        CardScheduler().preview(DECK, "pm", None, datetime(2026, 1, 27, 9))


def test_the_stored_json_holds_no_times_and_older_json_with_them_reads_the_same() -> None:
    """The due time and last review live in the state's own fields, so moving a state to the
    answer's moment leaves its JSON alone; a card stored with the times in its JSON (before
    schema version 8) gives the same fsrs card, the fields winning."""
    scheduler = CardScheduler()
    state = scheduler.rate(DECK, "pm", None, Rating.Good, T0)
    assert not {"due", "last_review"} & set(json.loads(state.fsrs_json))
    older = state._replace(fsrs_json=json.dumps({**json.loads(state.fsrs_json), "due": "2001-01-01T00:00:00+00:00",
                                                 "last_review": "2001-01-01T00:00:00+00:00"}))
    assert card_of(older).to_dict() == card_of(state).to_dict()
    assert card_of(state).due == state.due and card_of(state).last_review == state.last_review
    later = T0 + timedelta(minutes=3)
    assert scheduler.rate(DECK, "pm", older, Rating.Good, later) == scheduler.rate(DECK, "pm", state, Rating.Good, later)
