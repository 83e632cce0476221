"""The quiz session state machine, recording every answer in a real store."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from studyfixtures import DECK, T0, Clock

from studyapp.bank.model import (
    Bank,
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.grading import Outcome, TextDetails
from studyapp.store import Attempt, CardState, Mode, SaveError, SaveFailure, Store, open_store
from studyapp.study.quiz import Quiz, QuizItem, QuizOptions, QuizSource, build_quiz, quiz_of_questions
from studyapp.study.quiz_session import QuizSession, QuizState, QuizStateError, new_quiz


def right_response(item: QuizItem) -> object:
    q: AnyQuestion = item.question
    if isinstance(q, (ChoiceQuestion, TrueFalseQuestion)):
        return q.answer
    if isinstance(q, MultiQuestion):
        return frozenset(q.answers)
    if isinstance(q, TextQuestion):
        return q.answers[-1]
    if isinstance(q, ClozeQuestion):
        return tuple(g.answer for g in q.gaps)
    if isinstance(q, OrderQuestion):
        return q.items
    if isinstance(q, MatchQuestion):
        return dict(q.pairs)
    assert isinstance(q, CardQuestion)
    return True


def wrong_response(item: QuizItem) -> object:
    q = item.question
    if isinstance(q, ChoiceQuestion):
        return next(c for c in q.choices if c != q.answer)
    if isinstance(q, TrueFalseQuestion):
        return not q.answer
    if isinstance(q, MultiQuestion):
        return frozenset(q.choices) - frozenset(q.answers)
    if isinstance(q, TextQuestion):
        return "Babaryka"
    if isinstance(q, ClozeQuestion):
        return tuple("nobody" for _ in q.gaps)
    if isinstance(q, OrderQuestion):
        return tuple(reversed(q.items))
    if isinstance(q, MatchQuestion):
        return {q.pairs[0][0]: q.pairs[1][1]}
    return False


def _attempt_rows(store: Store) -> list[tuple]:  # type: ignore[type-arg]
    return store.connection.execute(
        "SELECT session_id, deck, question_id, content_hash, mode, response, outcome, score, elapsed_ms "
        "FROM attempts ORDER BY id"
    ).fetchall()


@pytest.fixture
def quiz(deck: Deck) -> Quiz:
    return build_quiz([deck], QuizOptions(count=12, deck=DECK, seed=42))


def test_a_full_quiz_records_each_answer_at_once(quiz: Quiz, store: Store, clock: Clock) -> None:
    session = QuizSession(quiz, store, now=clock)
    assert session.state is QuizState.READY
    first = session.start()
    assert first is quiz.items[0]
    assert (session.state, session.number, session.total) == (QuizState.ASKING, 1, 12)
    sid = session.session_id
    assert sid is not None
    row = store.session(sid)
    assert row is not None and row.total == 12 and row.seed == 42 and row.finished is None

    for n, item in enumerate(quiz.items):
        assert session.current is item
        clock.advance(seconds=5)
        response = right_response(item) if n % 3 else wrong_response(item)  # items 0, 3, 6, 9 wrong
        feedback = session.submit(response)
        assert session.state is QuizState.ANSWERED
        assert feedback.question is item.question
        assert feedback.expected == item.question.answer_text
        assert feedback.explanation == item.question.explanation
        # Recorded before the view can move on: one row per answer so far.
        rows = _attempt_rows(store)
        assert len(rows) == n + 1
        assert rows[-1][:5] == (sid, DECK, item.question.id, item.question.content_hash, "quiz")
        assert json.loads(rows[-1][5]) is not None
        assert rows[-1][6] == str(feedback.outcome)
        assert rows[-1][8] == 5000
        assert session.correct == sum(1 for k in range(n + 1) if k % 3)
        clock.advance(seconds=2)  # reading the feedback does not count towards the next answer
        session.next()

    assert session.state is QuizState.FINISHED
    result = session.result()
    assert (result.correct, result.answered, result.total) == (8, 12, 12)
    assert result.percentage == pytest.approx(66.667, abs=0.01)
    assert result.elapsed.total_seconds() == 12 * 7
    assert not result.abandoned
    assert [r.question.id for r in result.mistakes] == [quiz.items[k].question.id for k in (0, 3, 6, 9)]
    assert result.rows[0].expected == quiz.items[0].question.answer_text
    stored = store.session(sid)
    assert stored is not None and stored.finished is not None and not stored.abandoned
    assert stored.answered == 12 and stored.right == 8
    assert stored.score == pytest.approx(8 / 12)


def test_feedback_on_a_near_miss_carries_the_diff(deck: Deck, store: Store, clock: Clock) -> None:
    leader = deck.question("leader")
    assert leader is not None
    session = QuizSession(quiz_of_questions([leader], deck=DECK, seed=1), store, now=clock)
    session.start()
    feedback = session.submit("Lukashenkoo")
    assert feedback.outcome is Outcome.ALMOST
    assert feedback.expected == "Łukašenka"
    assert feedback.quote == "Alaksandar Łukašenka"
    assert isinstance(feedback.details, TextDetails) and feedback.details.diff
    assert session.correct == 0
    assert session.next() is QuizState.FINISHED
    assert session.result().mistakes[0].response_text == "Lukashenkoo"


def test_illegal_transitions_raise_and_change_nothing(quiz: Quiz, store: Store, clock: Clock) -> None:
    session = QuizSession(quiz, store, now=clock)
    for call in (lambda: session.submit("x"), session.next, session.finish, session.result, lambda: session.current):
        with pytest.raises(QuizStateError):
            call()
    assert session.state is QuizState.READY
    session.start()
    with pytest.raises(QuizStateError, match="cannot start while the quiz is asking"):
        session.start()
    for call in (session.next, session.finish, session.result, lambda: session.feedback):
        with pytest.raises(QuizStateError):
            call()
    session.submit(right_response(session.current))
    with pytest.raises(QuizStateError):
        session.submit(right_response(session.current))
    with pytest.raises(QuizStateError, match="abandon"):
        session.finish()  # 1 of 12 answered
    assert len(_attempt_rows(store)) == 1
    session.next()
    session.abandon()
    for call in (session.start, session.next, session.abandon, lambda: session.submit("x")):
        with pytest.raises(QuizStateError):
            call()


def test_a_response_of_the_wrong_type_records_nothing(quiz: Quiz, store: Store, clock: Clock) -> None:
    session = QuizSession(quiz, store, now=clock)
    session.start()
    with pytest.raises(TypeError):
        session.submit(object())
    assert session.state is QuizState.ASKING
    assert _attempt_rows(store) == []


def test_abandon_keeps_the_answers_given(quiz: Quiz, store: Store, clock: Clock) -> None:
    session = QuizSession(quiz, store, now=clock)
    session.start()
    for _ in range(3):
        session.submit(right_response(session.current))
        session.next()
    clock.advance(minutes=1)
    result = session.abandon()
    assert session.state is QuizState.ABANDONED
    assert result.abandoned and (result.correct, result.answered, result.total) == (3, 3, 12)
    assert result.percentage == 25.0
    assert len(_attempt_rows(store)) == 3
    sid = session.session_id
    assert sid is not None
    stored = store.session(sid)
    assert stored is not None and stored.abandoned and stored.answered == 3
    assert store.last_quiz_score(DECK) is None  # an abandoned quiz is not a quiz score


def test_retry_mistakes_builds_a_quiz_of_exactly_the_mistakes(quiz: Quiz, store: Store, clock: Clock) -> None:
    session = QuizSession(quiz, store, now=clock)
    session.start()
    while session.state is not QuizState.FINISHED:
        item = session.current
        session.submit(wrong_response(item) if item.question.id in {"pm", "roles", "timeline"} else right_response(item))
        session.next()
    retry = session.retry_quiz(seed=7)
    assert sorted(q.id for q in retry.questions) == ["pm", "roles", "timeline"]
    assert retry.seed == 7
    again = QuizSession(retry, store, now=clock)
    again.start()
    while again.state is not QuizState.FINISHED:
        again.submit(right_response(again.current))
        again.next()
    assert again.result().correct == 3
    sid = again.session_id
    assert sid is not None
    stored = store.session(sid)
    assert stored is not None
    assert sorted(json.loads(stored.filters_json)["retry_of"]) == [[DECK, "pm"], [DECK, "roles"], [DECK, "timeline"]]
    with pytest.raises(QuizStateError, match="no mistakes"):
        again.retry_quiz()


def test_new_quiz_reads_what_its_source_needs_from_the_store(bank: Bank, store: Store, clock: Clock) -> None:
    for qid, due in {"pm": T0 - timedelta(days=1), "veto": T0 + timedelta(hours=10), "fico": T0 + timedelta(days=1)}.items():
        store.record_attempt(
            Attempt(DECK, qid, "h", Mode.REVIEW, '"good"', Outcome.RIGHT, 1.0, 1, T0 - timedelta(days=3), rating=3),
            CardState(DECK, qid, "{}", due, 3.0, 2, T0 - timedelta(days=3)),
        )
    due = new_quiz(bank, QuizOptions(count=10, source=QuizSource.DUE, seed=1), store, T0)
    assert {q.id for q in due.questions} == {"pm", "veto"}  # due today (UTC day); fico is due tomorrow
    new = new_quiz(bank, QuizOptions(count=100, deck=DECK, source=QuizSource.NEW, seed=1), store, T0)
    assert len(new) == 9 and not {"pm", "veto", "fico"} & {q.id for q in new.questions}
    session = QuizSession(new, store, now=clock)
    session.start()
    session.submit(wrong_response(session.current))
    weak = new_quiz(bank, QuizOptions(count=10, source=QuizSource.WEAK, seed=1), store, T0)
    assert [q.id for q in weak.questions] == [new.items[0].question.id]


def test_an_answer_that_cannot_be_saved_leaves_the_question_open(quiz: Quiz, tmp_path: Path, clock: Clock) -> None:
    store = open_store(tmp_path / "locked.sqlite3", backups_dir=tmp_path / "b", now=T0, busy_timeout_ms=20).store
    try:
        session = QuizSession(quiz, store, now=clock)
        session.start()
        other = sqlite3.connect(tmp_path / "locked.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(SaveError) as caught:
            session.submit(right_response(session.current))
        assert caught.value.reason is SaveFailure.LOCKED
        assert (session.state, session.answered) == (QuizState.ASKING, 0)
        other.execute("ROLLBACK")
        other.close()
        assert session.submit(right_response(session.current)).outcome is Outcome.RIGHT
        assert len(_attempt_rows(store)) == 1
    finally:
        store.close()
