"""The learner controls the schedule: study settings in the database change what the queue shows."""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, State
from studyfixtures import DECK, T0, Clock

from studyapp.bank.model import Bank, Deck
from studyapp.store import Attempt, CardState, Mode, Store, open_store
from studyapp.study.quiz import QuizOptions, QuizSource
from studyapp.study.quiz_session import new_quiz
from studyapp.study.retention_estimate import CardSnapshot, estimate_reviews_per_day, snapshots
from studyapp.study.review_session import ReviewSession, ReviewState, is_leech_lapse
from studyapp.study.study_settings import (
    LeechAction,
    SettingsBook,
    SettingsError,
    StudySettings,
    format_steps,
    parse_steps,
    validate,
)

MINSK = ZoneInfo("Europe/Minsk")


def _review_card(deck: str, qid: str, due: datetime) -> CardState:
    last = due - timedelta(days=10)
    card = Card(card_id=1, state=State.Review, stability=10.0, difficulty=5.0, due=due, last_review=last)
    return CardState(deck, qid, card.to_json(), due, 10.0, int(State.Review), last)


def test_settings_are_kept_in_the_database_per_deck_with_a_default(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    store = open_store(db, backups_dir=tmp_path / "b", now=T0, tz=timezone.utc).store
    book = SettingsBook(store)
    assert book.for_deck(DECK) == StudySettings()  # nothing stored: the defaults (20 new, 4 am, ...)
    book.save(None, StudySettings(new_per_day=7, day_start_hour=5))
    book.save(DECK, StudySettings(new_per_day=3, desired_retention=0.85, learning_steps=(5,),
                                  leech_action=LeechAction.SUSPEND, fsrs_parameters=tuple(float(i) for i in range(21))))
    store.close()
    store = open_store(db, backups_dir=tmp_path / "b", now=T0, tz=timezone.utc).store
    try:
        book = SettingsBook(store)
        own = book.for_deck(DECK)
        assert (own.new_per_day, own.desired_retention, own.learning_steps, own.leech_action) == (3, 0.85, (5,), LeechAction.SUSPEND)
        assert own.fsrs_parameters == tuple(float(i) for i in range(21))
        assert own.day_start_hour == 5  # one study day for the whole collection: the default's
        assert book.for_deck("other").new_per_day == 7 and store.day_start_hour == 5
        book.use_default(DECK)
        assert book.for_deck(DECK).new_per_day == 7
    finally:
        store.close()


@pytest.mark.parametrize("bad", [StudySettings(desired_retention=0.69), StudySettings(desired_retention=0.995),
                                 StudySettings(new_per_day=-1), StudySettings(day_start_hour=24),
                                 StudySettings(learning_steps=(0,)), StudySettings(leech_threshold=0),
                                 StudySettings(fsrs_parameters=(1.0,))])
def test_the_core_refuses_settings_out_of_range(store: Store, bad: StudySettings) -> None:
    with pytest.raises(SettingsError):
        SettingsBook(store).save(None, bad)
    assert store.study_settings_body("") is None  # nothing saved


@pytest.mark.parametrize(("bad", "english"), [
    (StudySettings(new_per_day=10000), "New cards per day must be between 0 and 9999."),
    (StudySettings(reviews_per_day=-1), "Maximum reviews per day must be between 0 and 9999."),
    (StudySettings(desired_retention=0.5), "Desired retention must be between 0.70 and 0.99."),
    (StudySettings(day_start_hour=24), "The hour a new day starts must be between 0 and 23."),
    (StudySettings(learning_steps=(0,)), "Learning steps must each be between 1 minute and 23 hours 59 minutes."),
    (StudySettings(relearning_steps=(1440,)),
     "Relearning steps must each be between 1 minute and 23 hours 59 minutes."),
    (StudySettings(learning_steps=(1,) * 11), "At most 10 steps."),
    (StudySettings(leech_threshold=100), "The leech threshold must be between 1 and 99 lapses."),
    (StudySettings(fsrs_parameters=(1.0,)), "FSRS parameters must be 21 numbers."),
])
def test_a_setting_out_of_range_reads_as_before_and_is_marked_for_the_window(bad: StudySettings, english: str) -> None:
    with pytest.raises(SettingsError) as info:
        validate(bad)
    assert str(info.value) == english and str(info.value.wording) == english


def test_steps_are_typed_as_anki_shows_them() -> None:
    assert parse_steps("1m 10m 1h") == (1, 10, 60)
    assert parse_steps("15") == (15,)
    assert format_steps((1, 10, 60)) == "1m 10m 1h"
    with pytest.raises(SettingsError, match="“10x”") as info:
        parse_steps("1m 10x")
    assert str(info.value) == "“10x” is not a step: write minutes or hours, like 1m 10m 1h"


def test_a_damaged_settings_row_falls_back_to_defaults_value_by_value(store: Store) -> None:
    store.put_study_settings_body(DECK, '{"new_per_day": 5, "desired_retention": 3, "learning_steps": "x"}')
    settings = SettingsBook(store).for_deck(DECK)
    assert settings.new_per_day == 5 and settings.desired_retention == 0.9 and settings.learning_steps == (1, 10)


def test_new_cards_per_day_sets_what_the_queue_offers(bank: Bank, store: Store, clock: Clock) -> None:
    SettingsBook(store).save(DECK, StudySettings(new_per_day=1))
    session = ReviewSession(bank, store, now=clock, deck=DECK)
    session.start()
    assert session.progress().new == 1
    session.show_answer()
    session.rate(Rating.Easy)
    assert session.state is ReviewState.FINISHED and session.limit_reached
    # "Study more today" raises today's limit for this deck only.
    assert session.study_more(new=2, reviews=0) is ReviewState.SHOWING_FRONT
    assert session.current.is_new and session.progress().new == 2
    clock.advance(days=1)
    tomorrow = ReviewSession(bank, store, now=clock, deck=DECK)
    tomorrow.start()
    assert tomorrow.progress().new == 1  # tomorrow the setting alone counts again


def test_maximum_reviews_per_day_holds_back_review_cards(deck: Deck, store: Store, clock: Clock) -> None:
    store.put_cards(_review_card(DECK, q.id, T0 - timedelta(hours=1)) for q in deck.questions[:5])
    SettingsBook(store).save(None, StudySettings(new_per_day=0, reviews_per_day=2))
    session = ReviewSession([deck], store, now=clock)
    session.start()
    assert session.progress().due == 2
    for _ in range(2):
        session.show_answer()
        session.rate(Rating.Good)
    assert session.state is ReviewState.FINISHED and session.limit_reached
    session.study_more(new=0, reviews=50)
    assert session.state is ReviewState.SHOWING_FRONT and session.progress().due == 3


def test_retention_and_steps_go_into_the_scheduler(bank: Bank, store: Store, clock: Clock) -> None:
    SettingsBook(store).save(DECK, StudySettings(learning_steps=(5, 30), relearning_steps=(15,)))
    session = ReviewSession(bank, store, now=clock, deck=DECK)
    session.start()
    session.show_answer()
    assert session.next_states().label(Rating.Again) == "5m"
    store.put_cards([_review_card(DECK, "leader", T0)])
    low = SettingsBook(store)
    low.save(DECK, StudySettings(desired_retention=0.75))
    high_state = ReviewSession(bank, store, now=clock, deck=DECK, settings=StudySettings(desired_retention=0.97))
    low_state = ReviewSession(bank, store, now=clock, deck=DECK)
    card = store.card_state(DECK, "leader")
    at = T0 + timedelta(hours=1)
    longer = low_state.scheduler_for(DECK).next_states(DECK, "leader", card, at).intervals[Rating.Good]
    shorter = high_state.scheduler_for(DECK).next_states(DECK, "leader", card, at).intervals[Rating.Good]
    assert longer > shorter * 2


def _attempt(qid: str, at: datetime) -> Attempt:
    from studyapp.grading import Outcome

    return Attempt(DECK, qid, "h", Mode.QUIZ, '"x"', Outcome.RIGHT, 1.0, 1000, at, None, 3)


@pytest.mark.parametrize(("hour", "minute", "day"), [(3, 59, 9), (4, 0, 10)])
def test_the_day_starts_at_the_chosen_hour_for_every_daily_figure(tmp_path: Path, hour: int, minute: int, day: int) -> None:
    """At 03:59 local time it is still the day before (the default start is 4 am); at 04:00 the new day."""
    store = open_store(tmp_path / "db.sqlite3", backups_dir=tmp_path / "b", now=T0, tz=MINSK).store
    try:
        at = datetime(2026, 3, 10, hour, minute, tzinfo=MINSK)
        store.record_attempt(_attempt("q", at))
        [(stored,)] = store.connection.execute("SELECT day FROM attempts").fetchall()
        assert stored == datetime(2026, 3, day).toordinal() == store.study_day(at)
        assert store.tomorrow_start(at) == datetime(2026, 3, day + 1, 4, tzinfo=MINSK)
        store.catch_up_summaries()
        assert store.connection.execute("SELECT day FROM daily").fetchall() == [(stored,)]
    finally:
        store.close()


def test_suspend_bury_and_flag_from_the_review_with_undo(bank: Bank, store: Store, clock: Clock) -> None:
    session = ReviewSession(bank, store, now=clock, deck=DECK, new_limit=50)
    session.start()
    first = session.current.question.id
    session.set_flag(2)
    assert session.flag() == 2 and session.current.question.id == first  # a flag keeps the card on screen
    before = session.progress().new
    session.suspend()
    assert session.current.question.id != first and session.progress().new == before - 1
    second = session.current.question.id
    session.bury()
    assert session.current.question.id not in (first, second)
    # Neither the quiz's "new" source nor the next session offers them.
    quiz = new_quiz(bank, QuizOptions(count=50, deck=DECK, source=QuizSource.NEW), store, clock())
    assert {first, second}.isdisjoint(q.id for q in quiz.questions) and len(quiz) == 10
    session.undo()  # the burial
    assert session.current.question.id == second and not store.card_mark(DECK, second).buried_day
    clock.advance(days=1)
    later = ReviewSession(bank, store, now=clock, deck=DECK, new_limit=50)
    later.start()
    assert later.progress().new == 11  # the suspended card stays out; nothing is buried any more
    assert store.card_mark(DECK, first).flag == 2 and store.card_mark(DECK, first).suspended


def test_a_buried_card_comes_back_the_next_study_day(deck: Deck, store: Store, clock: Clock) -> None:
    store.put_cards([_review_card(DECK, "veto", T0 - timedelta(hours=2))])
    session = ReviewSession([deck], store, now=clock, new_limit=0)
    session.start()
    assert session.current.question.id == "veto" and session.progress().due == 1
    session.bury()
    assert session.state is ReviewState.FINISHED and session.progress().due == 0
    due = new_quiz([deck], QuizOptions(count=5, source=QuizSource.DUE), store, clock())
    assert len(due) == 0
    clock.now = T0.replace(hour=4) + timedelta(days=1)  # 4 am: the next study day
    assert session.refresh() is ReviewState.SHOWING_FRONT and session.current.question.id == "veto"


def test_a_card_forgotten_often_becomes_a_leech_and_is_suspended(deck: Deck, store: Store, clock: Clock) -> None:
    SettingsBook(store).save(None, StudySettings(leech_threshold=2, leech_action=LeechAction.SUSPEND, new_per_day=0))
    store.put_cards([_review_card(DECK, "veto", T0 - timedelta(hours=1))])
    session = ReviewSession([deck], store, now=clock)
    session.start()
    session.show_answer()
    session.rate(Rating.Again)  # first lapse
    assert session.leech_notice is None and not store.card_mark(DECK, "veto").leech
    for _ in range(3):  # relearn, review again, forget again
        clock.advance(days=30)
        session.refresh()
        while session.state is not ReviewState.FINISHED and session.current.state is not None \
                and session.current.state.state != int(State.Review):
            session.show_answer()
            session.rate(Rating.Good)
            clock.advance(days=1)
            session.refresh()
        if session.state is ReviewState.SHOWING_FRONT:
            session.show_answer()
            session.rate(Rating.Again)
            break
    mark = store.card_mark(DECK, "veto")
    assert mark.leech and mark.suspended and session.leech_notice is not None and "leech" in session.leech_notice
    session.undo()
    assert not store.card_mark(DECK, "veto").leech  # undo takes the leech back with the rating


def test_leech_lapses_follow_ankis_rule() -> None:
    assert [n for n in range(1, 21) if is_leech_lapse(n, 8)] == [8, 12, 16, 20]


def test_estimated_reviews_per_day_rise_with_retention_and_follow_the_slider_fast(store: Store) -> None:
    rng = random.Random(3)
    cards = [_review_card(DECK, f"q{i}", T0 + timedelta(days=rng.uniform(-3, 60))) for i in range(10_000)]
    snaps = snapshots(cards, T0)
    estimates = [estimate_reviews_per_day(snaps, r) for r in (0.70, 0.80, 0.90, 0.97)]
    assert estimates == sorted(estimates) and estimates[-1] > estimates[0] * 1.5
    times = []
    for r in (0.85, 0.86, 0.87, 0.88, 0.89):
        started = time.perf_counter()
        estimate_reviews_per_day(snaps, r)
        times.append(time.perf_counter() - started)
    assert min(times) < 0.05  # per value: under 50 ms for 10,000 cards (about 8 ms on an idle machine)
    assert estimate_reviews_per_day([CardSnapshot(0.0, 1.0)], 0.9, days=30) >= 1 / 30


def test_a_quiz_answer_follows_the_decks_learning_steps(deck: Deck, store: Store, clock: Clock) -> None:
    from studyapp.study.quiz import quiz_of_questions
    from studyapp.study.quiz_session import QuizSession

    SettingsBook(store).save(DECK, StudySettings(learning_steps=(7,)))
    leader = deck.question("leader")
    assert leader is not None
    session = QuizSession(quiz_of_questions([leader], deck=DECK, seed=1), store, now=clock)
    session.start()
    session.submit("nobody")  # wrong: Again, the first learning step
    card = store.card_state(DECK, "leader")
    assert card is not None and card.due - clock() == timedelta(minutes=7)


def test_with_the_reviews_used_up_learning_cards_still_come_without_reading_review_cards(
        deck: Deck, store: Store, clock: Clock) -> None:
    """Learning cards are found through the learning index, however many review cards are due."""
    store.put_cards(_review_card(DECK, q.id, T0 - timedelta(hours=1)) for q in deck.questions[1:])
    learning = Card(card_id=9, state=State.Learning, step=1, stability=1.0, difficulty=5.0,
                    due=T0 - timedelta(minutes=1), last_review=T0 - timedelta(minutes=11))
    store.put_cards([CardState(DECK, deck.questions[0].id, learning.to_json(), learning.due, 1.0,
                               int(State.Learning), learning.last_review)])
    assert [c.question_id for c in store.due_cards(T0, DECK, 5, learning_only=True)] == [deck.questions[0].id]
    session = ReviewSession([deck], store, now=clock, settings=StudySettings(reviews_per_day=0, new_per_day=0))
    session.start()
    assert session.current.question.id == deck.questions[0].id
    session.show_answer()
    session.rate(Rating.Good)
    assert session.state is ReviewState.FINISHED and session.limit_reached
