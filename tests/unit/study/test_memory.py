"""The one memory model: grades become ratings, quiz answers move the card, undo and replay."""

from __future__ import annotations

import math
import sqlite3
import tempfile
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Rating, State
from fsrs.scheduler import DEFAULT_PARAMETERS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from studyfixtures import DECK, T0, Clock, article_questions
from test_quiz_session import right_response, wrong_response

from studyapp.bank.model import Deck
from studyapp.grading import Outcome
from studyapp.store import Attempt, Mode, SaveError, Store, open_store
from studyapp.study.memory import QUICK_MIN_SAMPLES, AnswerSpeed, quick_threshold_ms, rating_for, replay
from studyapp.study.quiz import quiz_of_questions
from studyapp.study.quiz_session import QuizSession, QuizState
from studyapp.study.review_session import ReviewSession, ReviewState
from studyapp.study.scheduling import CardScheduler, reps_of


def _dump(store: Store) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    store.catch_up_summaries()
    conn = store.connection
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def _ask(deck: Deck, qid: str, store: Store, clock: Clock) -> QuizSession:
    question = deck.question(qid)
    assert question is not None
    session = QuizSession(quiz_of_questions([question], deck=DECK, seed=1), store, now=clock)
    session.start()
    return session


def _replayed(store: Store) -> dict[tuple[str, str], object]:
    return {key: replay(*key, answers) for key, answers in store.rated_answers().items()}


def test_the_grade_gives_the_rating() -> None:
    assert rating_for(Outcome.WRONG) is Rating.Again
    assert rating_for(Outcome.ALMOST) is Rating.Hard
    assert rating_for(Outcome.ALMOST, quick=True) is Rating.Hard
    assert rating_for(Outcome.RIGHT) is Rating.Good
    assert rating_for(Outcome.RIGHT, quick=True) is Rating.Easy
    assert rating_for(Outcome.WRONG, quick=True) is Rating.Again


def test_quick_is_half_the_persons_median_once_there_are_enough_answers() -> None:
    assert quick_threshold_ms([1000] * (QUICK_MIN_SAMPLES - 1)) is None
    times = [4000] * 10 + [10_000] * 10 + [30_000]
    assert quick_threshold_ms(times) == 5000


def test_a_quiz_answer_moves_the_questions_memory_in_the_same_transaction(deck: Deck, store: Store, clock: Clock) -> None:
    """Fails before quiz answers moved the memory: the question stayed a new flashcard."""
    session = _ask(deck, "veto", store, clock)
    clock.advance(seconds=4)
    feedback = session.submit(right_response(session.current))
    card = store.card_state(DECK, "veto")
    assert card is not None and card.state == State.Learning
    assert feedback.rating is Rating.Good and feedback.next_due == card.due == T0 + timedelta(seconds=4, minutes=10)
    assert store.connection.execute("SELECT rating, qtype FROM attempts").fetchall() == [(3, "choice")]
    assert card == CardScheduler().rate(DECK, "veto", None, Rating.Good, T0 + timedelta(seconds=4))
    # The flashcard review sees it as a card in learning, not a new one.
    review = ReviewSession([deck], store, now=clock, deck=DECK, new_limit=0)
    assert review.progress().new == 0
    clock.advance(minutes=11)
    review.start()
    assert review.current.question.id == "veto" and not review.current.is_new


def test_an_answer_that_cannot_be_saved_leaves_card_and_log_as_they_were(deck: Deck, tmp_path: Path, clock: Clock) -> None:
    store = open_store(tmp_path / "locked.sqlite3", backups_dir=tmp_path / "b", now=T0, busy_timeout_ms=20).store
    try:
        session = _ask(deck, "veto", store, clock)
        other = sqlite3.connect(tmp_path / "locked.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(SaveError):
            session.submit(right_response(session.current))
        other.execute("ROLLBACK")
        other.close()
        assert session.state is QuizState.ASKING
        assert store.card_state(DECK, "veto") is None
        assert store.connection.execute("SELECT count(*) FROM attempts").fetchone() == (0,)
    finally:
        store.close()


def test_a_right_answer_in_under_half_the_usual_time_is_easy(deck: Deck, store: Store, clock: Clock) -> None:
    for i in range(QUICK_MIN_SAMPLES):  # the person's right typed answers take 10 s
        store.record_attempt(Attempt(DECK, "kalesnikava", "h", Mode.QUIZ, '"x"', Outcome.RIGHT, 1.0, 10_000,
                                     T0 - timedelta(days=30, minutes=-i), rating=3, qtype="text"))
    speed = AnswerSpeed(store)
    assert speed.is_quick("text", 5000) and not speed.is_quick("text", 5001)
    assert not speed.is_quick("choice", 1)  # no pace known for choice questions yet
    for _ in range(QUICK_MIN_SAMPLES):  # answers just given change the pace at once
        speed.note("text", 2000, right=True)
    assert speed.threshold("text") == 3000 and not speed.is_quick("text", 4000)
    for _ in range(QUICK_MIN_SAMPLES):
        speed.forget("text", 2000, right=True)
    assert speed.threshold("text") == 5000 and speed.is_quick("text", 4000)
    quick = _ask(deck, "pm", store, clock)
    clock.advance(seconds=3)
    assert quick.submit(right_response(quick.current)).rating is Rating.Easy
    slow = _ask(deck, "leader", store, clock)
    clock.advance(seconds=8)
    assert slow.submit(right_response(slow.current)).rating is Rating.Good
    wrong = _ask(deck, "karpienka", store, clock)
    clock.advance(seconds=1)
    assert wrong.submit(wrong_response(wrong.current)).rating is Rating.Again


def test_a_quiz_right_after_a_review_is_a_short_term_answer_not_a_second_review(deck: Deck, store: Store, clock: Clock) -> None:
    review = ReviewSession([deck], store, now=clock, deck=DECK, new_limit=1)
    review.start()
    assert review.current.question.id == "pm"
    review.show_answer()
    review.rate(Rating.Easy)  # straight to Review, due in days
    reviewed = store.card_state(DECK, "pm")
    assert reviewed is not None and reviewed.state == State.Review and reviewed.stability is not None
    clock.advance(minutes=2)
    quiz = _ask(deck, "pm", store, clock)
    clock.advance(seconds=20)
    quiz.submit(right_response(quiz.current))
    after = store.card_state(DECK, "pm")
    assert after is not None and after.stability is not None and after.state == State.Review
    # FSRS-6's same-day rule: S' = S * max(1, e^(w17 * w18) * S^-w19), not a full review's growth.
    w = DEFAULT_PARAMETERS
    s = reviewed.stability
    assert after.stability == pytest.approx(s * max(1.0, math.exp(w[17] * w[18]) * s ** -w[19]))
    assert reps_of(after) == 2
    # The same Good answer two weeks later is a full review: the memory grows much more.
    later = CardScheduler().rate(DECK, "pm", reviewed, Rating.Good, reviewed.due + timedelta(days=5))
    assert later.stability is not None and later.stability > after.stability * 1.5


def test_undo_in_a_quiz_restores_everything_exactly_and_the_same_answer_gives_the_same_state(
        deck: Deck, store: Store, clock: Clock) -> None:
    first = _ask(deck, "veto", store, clock)
    clock.advance(seconds=3)
    first.submit(wrong_response(first.current))
    first.next()
    clock.advance(days=3)
    session = _ask(deck, "veto", store, clock)
    before = _dump(store)
    clock.advance(seconds=5)
    session.submit(right_response(session.current))
    answered = store.card_state(DECK, "veto")
    assert session.can_undo
    item = session.undo()
    assert item.question.id == "veto" and session.state is QuizState.ASKING and session.answered == 0
    after = _dump(store)
    after["summary_mark"] = before["summary_mark"]  # how far the summaries were summed, not what they say
    assert after == before
    assert not session.can_undo
    session.submit(right_response(session.current))  # same moment: same state, same fuzz
    assert store.card_state(DECK, "veto") == answered


def test_a_quiz_answer_given_a_day_later_than_shown_is_rated_at_its_own_moment(
        deck: Deck, store: Store, clock: Clock) -> None:
    """The states a quiz computes when it shows a question are moved to the moment of the
    answer; an answer that comes on another whole day since the card's last answer is computed
    again, so the stored state is still the replay of the log."""
    first = _ask(deck, "pm", store, clock)
    clock.advance(seconds=5)
    first.submit(right_response(first.current))
    first.next()
    clock.advance(days=2, hours=23)
    session = _ask(deck, "pm", store, clock)  # shown 2 days 23 hours after the last answer
    clock.advance(hours=2)  # answered 3 days 1 hour after it
    session.submit(right_response(session.current))
    assert store.card_states() == _replayed(store)
    again = _ask(deck, "pm", store, clock)
    clock.advance(minutes=3)
    again.submit(wrong_response(again.current))
    assert store.card_states() == _replayed(store)


def test_a_card_answered_elsewhere_while_a_quiz_shows_it_is_read_again(
        deck: Deck, store: Store, clock: Clock) -> None:
    """The quiz's states were computed from the card as it was when shown; a review of the same
    card in between changed it, so the quiz's answer must start from the new state."""
    quiz = _ask(deck, "veto", store, clock)
    clock.advance(seconds=5)
    review = ReviewSession([deck], store, now=clock, deck=DECK, new_limit=3, graded=False)
    review.start()
    while review.current.question.id != "veto":
        review.show_answer()
        review.rate(Rating.Good)
    review.show_answer()
    review.rate(Rating.Easy)
    review.close()
    clock.advance(seconds=5)
    quiz.submit(right_response(quiz.current))
    assert reps_of(store.card_state(DECK, "veto")) == 2
    assert store.card_states() == _replayed(store)


def test_a_card_changed_by_another_connection_while_a_quiz_shows_it_is_read_again(
        deck: Deck, store: Store, clock: Clock) -> None:
    """As above, the review coming through another connection to the same file (another
    program): the quiz's answer starts from the card as that review left it."""
    path = store.connection.execute("PRAGMA database_list").fetchone()[2]
    quiz = _ask(deck, "veto", store, clock)
    clock.advance(seconds=5)
    other = open_store(Path(path), backups_dir=Path(path).parent / "other-backups", now=clock(), tz=timezone.utc).store
    try:
        review = ReviewSession([deck], other, now=clock, deck=DECK, new_limit=3, graded=False)
        review.start()
        while review.current.question.id != "veto":
            review.show_answer()
            review.rate(Rating.Good)
        review.show_answer()
        review.rate(Rating.Easy)
        review.close()
    finally:
        other.close()
    clock.advance(seconds=5)
    quiz.submit(right_response(quiz.current))
    assert reps_of(store.card_state(DECK, "veto")) == 2
    assert store.card_states() == _replayed(store)


_STEP = st.one_of(
    st.tuples(st.just("quiz"), st.sampled_from(["pm", "veto", "fico"]), st.booleans()),
    st.tuples(st.just("review"), st.sampled_from([1, 2, 3, 4]), st.booleans()),
    st.tuples(st.just("wait"), st.sampled_from([1, 15, 60 * 5, 60 * 30, 60 * 24 * 3, 60 * 24 * 20]), st.just(False)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_STEP, min_size=1, max_size=25), undo_every=st.integers(min_value=2, max_value=7))
def test_every_card_rebuilds_from_the_answer_log(steps: list[tuple[str, object, bool]], undo_every: int) -> None:
    """After any mix of quiz answers, graded and classic reviews (with overrides) and undos, each
    stored state is the replay of its answers."""
    questions = article_questions()
    deck = Deck(id=DECK, title="t", path=Path("t.yaml"), questions=tuple(q for q in questions if q.id in ("pm", "veto", "fico")))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "db.sqlite3", backups_dir=Path(tmp) / "b", now=T0, tz=timezone.utc).store
        try:
            clock = Clock()
            for n, (kind, what, right) in enumerate(steps):
                undo = n % undo_every == 0
                if kind == "wait":
                    clock.advance(minutes=float(str(what)))
                elif kind == "quiz":
                    session = _ask(deck, str(what), store, clock)
                    clock.advance(seconds=7)
                    session.submit(right_response(session.current) if right else wrong_response(session.current))
                    if undo:
                        session.undo()
                else:  # a review: graded (answered in its own form) when `right`, else classic
                    review = ReviewSession([deck], store, now=clock, deck=DECK, new_limit=3, graded=right)
                    if review.start() is ReviewState.SHOWING_FRONT:
                        item = review.current.item
                        if review.answers_in_form and item is not None:
                            review.answer(right_response(item) if n % 2 else wrong_response(item))
                        else:
                            review.show_answer()
                        clock.advance(seconds=4)
                        review.rate(Rating(int(str(what))))
                        if undo:
                            review.undo()
                    review.close()
            assert store.card_states() == _replayed(store)
        finally:
            store.close()


def test_a_store_that_cannot_be_read_when_a_question_is_shown_fails_at_the_answer(
        deck: Deck, store: Store, clock: Clock) -> None:
    """Computing the states while a question is shown is a head start, not a new place to fail:
    the question is still shown, and the answer reads the store again (and reports what fails)."""
    store.connection.execute("ALTER TABLE cards RENAME TO cards_gone")
    session = _ask(deck, "veto", store, clock)  # shown: nothing raised
    assert session.state is QuizState.ASKING
    with pytest.raises(sqlite3.OperationalError):
        session.submit(right_response(session.current))
    store.connection.execute("ALTER TABLE cards_gone RENAME TO cards")
    session.submit(right_response(session.current))
    assert store.card_states() == _replayed(store)
