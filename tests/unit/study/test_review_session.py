"""The flashcard review session on a real store: order, daily new limit, undo, progress."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, State
from studyfixtures import DECK, T0, Clock

from studyapp.bank.model import Bank, Deck
from studyapp.grading import Outcome
from studyapp.store import Attempt, CardState, Mode, SaveError, Store, open_store
from studyapp.study.review_session import ReviewSession, ReviewState, ReviewStateError
from studyapp.study.scheduling import CardScheduler
from studyapp.study.study_settings import SettingsBook, StudySettings


def _seed_card(store: Store, qid: str, due: datetime, state: State = State.Review) -> CardState:
    """Store a reviewed card of ``DECK`` due at ``due`` (reviewed 5 days before)."""
    last = due - timedelta(days=5)
    card = Card(card_id=1, state=state, step=None if state is State.Review else 0, stability=5.0,
                difficulty=5.0, due=due, last_review=last)
    cs = CardState(DECK, qid, card.to_json(), due, 5.0, int(state), last)
    store.record_attempt(Attempt(DECK, qid, "h", Mode.REVIEW, json.dumps("good"), Outcome.RIGHT, 1.0, 900, last, rating=3), cs)
    return cs


def _session(bank: Bank | list[Deck], store: Store, clock: Clock, tz: tzinfo = timezone.utc, **kw: object) -> ReviewSession:
    return ReviewSession(bank, store, now=clock, tz=tz, scheduler=CardScheduler(), **kw)  # type: ignore[arg-type]


def _dump(store: Store) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    store.catch_up_summaries()  # the summaries as any read sees them
    conn = store.connection
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def test_due_cards_first_most_overdue_first_then_new_in_file_order(deck: Deck, store: Store, clock: Clock) -> None:
    _seed_card(store, "veto", T0 - timedelta(hours=1))
    _seed_card(store, "timeline", T0 - timedelta(days=3))
    _seed_card(store, "month", T0 + timedelta(hours=5))  # due later today (UTC day)
    _seed_card(store, "kalesnikava", T0 + timedelta(days=2))  # not due
    _seed_card(store, "fico", T0 - timedelta(days=1))
    session = _session([deck], store, clock, new_limit=2)
    assert session.start() is ReviewState.SHOWING_FRONT
    progress = session.progress()
    assert (progress.done, progress.due, progress.new, progress.remaining) == (0, 4, 2, 6)
    seen = []
    while session.state is not ReviewState.FINISHED:
        seen.append(session.current.question.id)
        session.show_answer()
        clock.advance(seconds=3)
        session.rate(Rating.Easy)
    assert seen == ["timeline", "fico", "veto", "month", "pm", "leader"]
    assert session.progress().done == 6 and session.progress().remaining == 0
    rows = store.connection.execute(
        "SELECT question_id, mode, rating, outcome, elapsed_ms, session_id FROM attempts WHERE session_id IS NOT NULL ORDER BY id"
    ).fetchall()
    assert [r[0] for r in rows] == seen
    assert {(r[1], r[2], r[3], r[4], r[5]) for r in rows} == {("review", 4, "right", 3000, session.session_id)}
    assert len(store.card_states(DECK)) == 7
    session.close()
    sid = session.session_id
    assert sid is not None
    stored = store.session(sid)
    assert stored is not None and stored.finished is not None and stored.answered == 6


def test_a_card_rated_again_comes_back_before_new_cards_once_its_step_is_over(deck: Deck, store: Store, clock: Clock) -> None:
    session = _session([deck], store, clock, new_limit=5)
    session.start()
    assert session.current.question.id == "pm"
    session.show_answer()
    session.rate(Rating.Again)  # due again in 1 minute
    assert session.current.question.id == "leader"
    clock.advance(minutes=2)
    session.show_answer()
    session.rate(Rating.Good)
    assert session.current.question.id == "pm"
    assert not session.current.is_new


def test_learning_cards_are_shown_ahead_when_nothing_else_is_left(deck: Deck, store: Store, clock: Clock) -> None:
    session = _session([deck], store, clock, new_limit=1)
    session.start()
    session.show_answer()
    session.rate(Rating.Good)  # due in 10 minutes: within the 20-minute learn-ahead
    assert session.state is ReviewState.SHOWING_FRONT and session.current.question.id == "pm"
    session.show_answer()
    session.rate(Rating.Good)  # now a review card due in days
    assert session.state is ReviewState.FINISHED
    next_due = session.next_due()
    assert next_due is not None
    assert next_due == T0.replace(hour=4) + timedelta(days=1)  # new cards wait for the next study day (4 am)


def test_daily_new_limit_resets_at_local_midnight_in_minsk(bank: Bank, open_db: Callable[[tzinfo], Store]) -> None:
    minsk = ZoneInfo("Europe/Minsk")  # UTC+3
    store = open_db(minsk)
    SettingsBook(store).save(None, StudySettings(day_start_hour=0))  # calendar days: this test is about zones
    clock = Clock(datetime(2026, 1, 27, 23, 30, tzinfo=minsk))  # 20:30 UTC
    session = _session(bank, store, clock, tz=minsk, deck=DECK, new_limit=2)
    session.start()
    for _ in range(2):
        session.show_answer()
        session.rate(Rating.Easy)
    assert session.state is ReviewState.FINISHED
    assert session.progress().new == 0
    assert session.next_due() == datetime(2026, 1, 28, 0, 0, tzinfo=minsk)  # 21:00 UTC, same UTC day
    # A new session the same local day respects the limit too (the store counts).
    again = _session(bank, store, clock, tz=minsk, deck=DECK, new_limit=2)
    assert again.start() is ReviewState.FINISHED
    clock.advance(minutes=35)  # 00:05 in Minsk, still 21:05 UTC on the 27th
    assert session.refresh() is ReviewState.SHOWING_FRONT
    assert session.current.is_new and session.current.question.id == "veto"
    assert session.progress().new == 2


def test_daily_new_limit_follows_the_local_day_not_utc_in_new_york(bank: Bank, open_db: Callable[[tzinfo], Store]) -> None:
    ny = ZoneInfo("America/New_York")  # UTC-5 in January
    store = open_db(ny)
    SettingsBook(store).save(None, StudySettings(day_start_hour=0))  # calendar days: this test is about zones
    clock = Clock(datetime(2026, 1, 27, 18, 0, tzinfo=ny))  # 23:00 UTC
    session = _session(bank, store, clock, tz=ny, deck=DECK, new_limit=3)
    session.start()
    for _ in range(3):
        session.show_answer()
        session.rate(Rating.Easy)
    assert session.state is ReviewState.FINISHED
    clock.advance(hours=2)  # 20:00 in New York, but 01:00 UTC on the 28th
    assert session.refresh() is ReviewState.FINISHED
    assert store.new_cards_since(datetime(2026, 1, 28, tzinfo=timezone.utc), DECK) == 0  # a UTC day would allow more
    clock.advance(hours=4, minutes=1)  # 00:01 on the 28th in New York
    assert session.refresh() is ReviewState.SHOWING_FRONT
    assert session.current.is_new
    # The store keyed the answers by the local day as well.
    days = store.connection.execute("SELECT DISTINCT day FROM attempts").fetchall()
    assert days == [(datetime(2026, 1, 27).toordinal(),)]


def test_undo_restores_the_exact_database_state(deck: Deck, store: Store, clock: Clock) -> None:
    _seed_card(store, "fico", T0 - timedelta(days=2))
    session = _session([deck], store, clock)
    session.start()
    before_review = _dump(store)
    card = session.current
    assert card.question.id == "fico" and card.state is not None
    clock.advance(seconds=8)
    session.show_answer()
    session.rate(Rating.Hard)
    assert _dump(store) != before_review
    assert session.can_undo
    back = session.undo()
    assert back == card
    assert _dump(store) == before_review
    assert store.card_state(DECK, "fico") == card.state
    assert session.state is ReviewState.SHOWING_FRONT and session.current == card

    # A new card: undo removes its state, so it is new again and counts no more today.
    session.show_answer()
    session.rate(Rating.Again)
    before_new = _dump(store)
    new_card = session.current
    assert new_card.is_new
    session.show_answer()
    session.rate(Rating.Good)
    assert store.new_cards_since(T0.replace(hour=0), DECK) == 1
    session.undo()
    assert _dump(store) == before_new
    assert store.card_state(DECK, new_card.question.id) is None
    assert store.new_cards_since(T0.replace(hour=0), DECK) == 0
    assert session.progress().done == 1
    # Undo walks back further: the first rating too, to the state seeded at the start.
    session.undo()
    assert _dump(store) == before_review
    assert not session.can_undo
    with pytest.raises(ReviewStateError, match="nothing to undo"):
        session.undo()


def test_undo_after_the_last_card_reopens_it(deck: Deck, store: Store, clock: Clock) -> None:
    session = _session([deck], store, clock, new_limit=1)
    session.start()
    session.show_answer()
    session.rate(Rating.Easy)
    assert session.state is ReviewState.FINISHED
    session.undo()
    assert session.state is ReviewState.SHOWING_FRONT and session.current.question.id == "pm"


def test_illegal_transitions_raise(deck: Deck, store: Store, clock: Clock) -> None:
    session = _session([deck], store, clock)
    for call in (session.show_answer, lambda: session.rate(Rating.Good), lambda: session.current):
        with pytest.raises(ReviewStateError):
            call()
    session.start()
    with pytest.raises(ReviewStateError, match="cannot rate while the review is showing-front"):
        session.rate(Rating.Good)
    session.show_answer()
    with pytest.raises(ReviewStateError):
        session.show_answer()
    with pytest.raises(ReviewStateError):
        session.start()
    session.close()
    assert session.state is ReviewState.CLOSED
    for call in (session.show_answer, lambda: session.rate(Rating.Good), session.undo):
        with pytest.raises(ReviewStateError):
            call()
    assert store.connection.execute("SELECT count(*) FROM attempts").fetchone() == (0,)


def test_every_question_type_is_a_flashcard(deck: Deck, store: Store, clock: Clock) -> None:
    session = _session([deck], store, clock, new_limit=100)
    session.start()
    cards = {}
    while session.state is not ReviewState.FINISHED:
        card = session.show_answer()
        cards[card.question.id] = card
        assert card.front and card.back.startswith(card.answer)
        session.rate(Rating.Easy)
    assert len(cards) == len(deck.questions)
    assert cards["cloze"].front == "Foreign Minister [...] spoke about ties with [...]."
    assert cards["cloze"].answer == "Foreign Minister Maksim Ryžankoŭ spoke about ties with the West."
    assert cards["leader"].back == "Łukašenka\n\nHe has ruled since 1994.\n\n“Alaksandar Łukašenka”"
    assert cards["roles"].answer == "Hałoŭčanka → Prime Minister; Ryžankoŭ → Foreign Minister; " \
        "Karpienka → chief election official; Nuhfer → released US citizen"


def test_button_previews_for_the_current_card(deck: Deck, store: Store, clock: Clock) -> None:
    seeded = _seed_card(store, "fico", T0 - timedelta(days=1))
    session = _session([deck], store, clock)
    session.start()
    assert session.current.question.id == "fico"
    labels = session.preview().labels
    assert labels[Rating.Again] == "10m"  # relearning step
    days = [session.preview().intervals[r] for r in (Rating.Hard, Rating.Good, Rating.Easy)]
    assert days == sorted(days) and days[0] >= timedelta(days=1)
    session.show_answer()
    session.rate(Rating.Good)
    stored = store.card_state(DECK, "fico")
    assert stored is not None
    # Fuzzed, within fsrs's range around the previewed interval, and repeatable from the seed.
    assert abs(stored.due - T0 - days[1]) <= timedelta(days=3)
    assert stored == CardScheduler().rate(DECK, "fico", seeded, Rating.Good, T0)


def test_a_rating_that_cannot_be_saved_changes_nothing(deck: Deck, tmp_path: Path, clock: Clock) -> None:
    store = open_store(tmp_path / "locked.sqlite3", backups_dir=tmp_path / "b", now=T0, busy_timeout_ms=20).store
    try:
        session = _session([deck], store, clock)
        session.start()
        card = session.show_answer()
        other = sqlite3.connect(tmp_path / "locked.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(SaveError):
            session.rate(Rating.Good)
        assert session.state is ReviewState.SHOWING_BACK and session.current == card
        assert not session.can_undo and session.progress().done == 0
        other.execute("ROLLBACK")
        other.close()
        session.rate(Rating.Good)
        assert store.card_state(DECK, card.question.id) is not None
    finally:
        store.close()


def test_twenty_thousand_cards_progress_order_and_undo(store: Store, clock: Clock) -> None:
    """A session over 50 decks of 400 cards (16,000 reviewed, 4,000 new) opens without loading
    the cards; its counts and order match a plain computation over all of them."""
    from studyapp.bank.model import CardQuestion

    decks = [Deck(f"d{d:02d}", f"Deck {d}", Path(f"d{d:02d}.yaml"),
                  tuple(CardQuestion(deck=f"d{d:02d}", id=f"q{i:03d}", prompt=f"P {d} {i}", answer="A")
                        for i in range(400)))
             for d in range(50)]
    order = [q for d in decks for q in d.questions]
    rng = random.Random(11)
    states = {}
    for q in rng.sample(order, 16_000):
        due = T0 + timedelta(minutes=rng.randrange(-20 * 1440, 40 * 1440))
        states[q.key] = CardState(q.deck, q.id, Card(card_id=1, state=State.Review, stability=4.0, difficulty=5.0,
                                                      due=due, last_review=T0 - timedelta(days=30)).to_json(),
                                  due, 4.0, int(State.Review), T0 - timedelta(days=30))  # reviewed before today
    store.put_cards(states.values())
    session = _session(decks, store, clock, new_limit=15, settings=StudySettings(reviews_per_day=9999))
    session.start()
    tomorrow = T0.replace(hour=4) + timedelta(days=1)  # the next study day starts at 4 am
    due_today = sorted((s.due, i) for i, q in enumerate(order) if (s := states.get(q.key)) and s.due < tomorrow)
    progress = session.progress()
    assert (progress.due, progress.new) == (len(due_today), 15)
    shown = []
    for _ in range(5):
        shown.append(session.current.question.key)
        session.show_answer()
        session.rate(Rating.Good)
    assert shown == [order[i].key for _, i in due_today[:5]]
    assert session.progress().due == len(due_today) - 5  # rated Good: due in days
    session.undo()
    assert session.current.question.key == shown[-1] and session.progress().due == len(due_today) - 4
    assert store.card_state(*shown[-1]) == states[shown[-1]]
