"""The study screens' own wording of core values: the same English as the core's without a
translation, and the locale's numbers, dates and names with one."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from studyapp.authoring.search import SearchError, parse
from studyapp.bank.loader import load_files
from studyapp.bank.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.grading import Outcome, describe_response
from studyapp.study.quiz_session import AnswerRow
from studyapp.study.review_session import Leech, ReviewCard
from studyapp.study.scheduling import Rating, format_interval
from studyapp.ui.answer_texts import answer_details, answer_summary, answer_text, response_text
from studyapp.ui.browser_window import search_error_text
from studyapp.ui.due_text import due_text, interval_text, schedule_text
from studyapp.ui.results_view import format_duration
from studyapp.ui.review_texts import front_extra, leech_text

ALL_TYPES = Path(__file__).resolve().parents[1] / "data" / "good" / "all-types.yaml"


@pytest.fixture
def german() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield None
    QLocale.setDefault(QLocale.system())


def _questions() -> list[AnyQuestion]:
    bank = load_files([ALL_TYPES])
    assert not bank.problems
    return [q for d in bank.decks for q in d.questions]


def _responses(q: AnyQuestion) -> list[object]:
    """A right, a wrong or partial, and an empty response of ``q``'s kind."""
    if isinstance(q, ChoiceQuestion):
        return [q.answer, q.choices[-1], ""]
    if isinstance(q, MultiQuestion):
        return [frozenset(q.answers), frozenset(q.choices[:1]), frozenset()]
    if isinstance(q, TrueFalseQuestion):
        return [True, False]
    if isinstance(q, TextQuestion):
        return [q.answers[0], "nope", ""]
    if isinstance(q, ClozeQuestion):
        return [tuple(g.answer for g in q.gaps), tuple("" for _ in q.gaps), ("x",) + tuple("" for _ in q.gaps[1:])]
    if isinstance(q, OrderQuestion):
        return [tuple(q.items), tuple(reversed(q.items))]
    if isinstance(q, MatchQuestion):
        return [dict(q.pairs), {q.pairs[0][0]: q.pairs[-1][1]}, {}]
    return [True, False]


def test_answers_read_as_the_core_writes_them_without_a_translation() -> None:
    """Nothing changes in English: the results page, the preview and the browser write answers
    as ``describe_response``, ``answer_text`` and ``AnswerRow`` do."""
    questions = _questions()
    assert len({q.type for q in questions}) == 8
    for q in questions:
        assert answer_text(q) == q.answer_text
        for response in _responses(q):
            assert response_text(q, response) == describe_response(q, response), (q.id, response)
            row = AnswerRow(1, q, response, q.answer_text, Outcome.WRONG, 1000, 1)
            assert answer_summary(row) == row.answer_summary, (q.id, response)
            assert answer_details(row) == row.details(), (q.id, response)


def test_the_cards_front_and_leech_notice_read_as_the_core_writes_them() -> None:
    for q in _questions():
        card = ReviewCard(q, None)
        assert front_extra(card) == card.front_extra
    for leech in (Leech(8, False), Leech(12, True)):
        assert leech_text(leech) == leech.notice
    assert leech_text(None) == ""


@pytest.mark.parametrize("seconds", [0, 59, 60, 599, 3569, 3570, 84599, 84600, 86400 * 29.4, 86400 * 29.5,
                                     86400 * 45, 86400 * 300, 86400 * 364, 86400 * 365, 86400 * 800])
def test_interval_labels_without_a_translation_are_the_core_s(seconds: float) -> None:
    interval = timedelta(seconds=seconds)
    assert interval_text(interval) == format_interval(interval)


def test_interval_labels_and_due_times_follow_the_locale(german: object) -> None:
    assert interval_text(timedelta(days=438)) == "1,2y"
    assert interval_text(timedelta(days=45)) == "1,5mo"
    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    later = due_text(now + timedelta(days=3), now)
    assert re.fullmatch(r"in 3d \(Do\.? 5 März, \d\d:30\)", later), later
    assert format_duration(timedelta(hours=1, minutes=5)) == "1 h 05 min"


def _answered_feedbacks(tmp_path: Path) -> list[Any]:
    """The feedback of a quiz over every question type, each answered right and then wrong."""
    from studyapp.store import open_store
    from studyapp.study.quiz import quiz_of_questions
    from studyapp.study.quiz_session import QuizSession

    store = open_store(tmp_path / "study.db", backups_dir=tmp_path / "backups").store
    clock = iter(datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc) + timedelta(seconds=s) for s in range(0, 10**6, 7))
    found = []
    try:
        for wrong in (False, True):
            questions = _questions()
            session = QuizSession(quiz_of_questions(questions, deck="good-all-types", seed=1), store,
                                  now=lambda: next(clock))
            session.start()
            for _ in questions:
                response = _responses(session.current.question)[-1 if wrong else 0]
                found.append(session.submit(response))
                session.next()
    finally:
        store.close()
    return found


def test_the_schedule_line_reads_as_the_core_writes_it_without_a_translation(tmp_path: Path) -> None:
    """"Counted as Good: you will see it again in 10m." is written by the window (the feedback
    panel) from the rating and the interval; in English it is the core's sentence."""
    feedbacks = _answered_feedbacks(tmp_path)
    assert {f.rating for f in feedbacks} >= {Rating.Again, Rating.Good}
    for feedback in feedbacks:
        assert feedback.memory and schedule_text(feedback) == feedback.memory


def test_the_schedule_line_follows_the_locale(tmp_path: Path, german: object) -> None:
    feedback = _answered_feedbacks(tmp_path)[0]._replace(again_in=timedelta(days=45))
    assert re.fullmatch(r"Counted as \w+: you will see it again in 1,5mo\.", schedule_text(feedback)), \
        schedule_text(feedback)


def test_due_times_in_english_keep_their_form() -> None:
    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    assert re.fullmatch(r"in 10m \(\d\d:\d\d\)", due_text(now + timedelta(minutes=10), now)) or \
        re.fullmatch(r"in 10m \(\w{3} \d+ \w{3}, \d\d:\d\d\)", due_text(now + timedelta(minutes=10), now))
    assert re.fullmatch(r"in 3d \(Thu 5 Mar, \d\d:30\)", due_text(now + timedelta(days=3), now))


@pytest.mark.parametrize("query", ["(", ")", '"open', "a or", "and b", "-", '""', "()", "is:sometimes",
                                   "colour:red", "deck:", "type:nothing", "(" * 200 + "a" + ")" * 200])
def test_a_search_error_reads_as_the_parser_wrote_it_without_a_translation(query: str) -> None:
    with pytest.raises(SearchError) as caught:
        parse(query)
    assert search_error_text(caught.value) == caught.value.message
    assert "{" not in caught.value.message


def _browser_cells(make_app: Any, tmp_path: Path) -> list[tuple[str, str, str]]:
    """(memory, due, last result) of every row of Browse over a deck with a history."""
    from studyapp.authoring.search_rows import Column
    from studyapp.ui.browser_window import open_browser
    from window_samples import FIXED_NOW, add_history

    folder = tmp_path / "questions"
    folder.mkdir()
    for name in ("all-types.yaml", "article.txt"):
        shutil.copy(ALL_TYPES.parent / name, folder / name)
    running = make_app(dirs=[folder])
    add_history(running.core.store, running.window.bank, FIXED_NOW)
    model = open_browser(running.window).model
    return [tuple(str(model.data(model.index(r, c))) for c in (Column.MEMORY, Column.DUE, Column.LAST))
            for r in range(model.rowCount())]


def test_browse_writes_due_dates_as_the_locale_does(make_app: Any, tmp_path: Path, german: object) -> None:
    cells = _browser_cells(make_app, tmp_path)
    dues = [due for _memory, due, _last in cells if due]
    assert dues and all(re.fullmatch(r"\d\d\.\d\d\.\d\d", due) for due in dues), dues
    assert {memory for memory, _due, _last in cells} <= {"new", "learning", "review", "relearning", "suspended"}
    assert {last for _memory, _due, last in cells} <= {"", "right", "almost", "wrong"}


def test_browse_writes_due_dates_in_iso_without_a_locale(make_app: Any, tmp_path: Path) -> None:
    dues = [due for _memory, due, _last in _browser_cells(make_app, tmp_path) if due]
    assert dues and all(re.fullmatch(r"\d{4}-\d\d-\d\d", due) for due in dues), dues
