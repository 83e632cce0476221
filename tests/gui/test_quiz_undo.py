"""Ctrl+Z in a quiz: the last answer is taken back, the question's memory state too, and asked again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from studyapp.bank.model import ChoiceQuestion, TrueFalseQuestion
from studyapp.store import Store, open_store
from studyapp.study.quiz import quiz_of_questions
from studyapp.study.quiz_session import QuizSession, QuizState
from studyapp.ui.quiz_view import QuizView

D = "pozirk"
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
QUESTIONS = (
    TrueFalseQuestion(deck=D, id="tf", prompt="Belarus pardoned political prisoners.", answer=True),
    ChoiceQuestion(deck=D, id="choice", prompt="Who is Prime Minister?", choices=("Raman", "Maksim"), answer="Raman"),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "studyapp.sqlite3", backups_dir=tmp_path / "backups", now=T0)
    yield opened.store
    opened.store.close()


def test_ctrl_z_takes_back_the_answer_and_its_memory_state(qtbot: QtBot, store: Store) -> None:
    clock = [T0]
    view = QuizView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    session = QuizSession(quiz_of_questions(QUESTIONS, deck=D, seed=3), store, now=lambda: clock[0])
    view.start(session)
    first = session.current.question
    assert not session.can_undo
    QTest.keyClick(view, Qt.Key.Key_1)  # the first option (True, or the first shuffled choice)
    view.submit()
    assert session.state is QuizState.ANSWERED
    assert store.card_state(D, first.id) is not None
    # The feedback says what the answer did to the question's schedule.
    assert view.feedback.memory_label.isVisible()
    assert view.feedback.memory_label.text() in ("Counted as Good: you will see it again in 10m.",
                                                 "Counted as Again: you will see it again in 1m.")
    clock[0] += timedelta(seconds=30)
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.state is QuizState.ASKING and session.current.question is first
    assert store.card_state(D, first.id) is None  # new again, as before the answer
    assert store.connection.execute("SELECT count(*) FROM attempts").fetchone() == (0,)
    assert view.score_label.text() == "Score: –"
    assert view.primary.text().replace("&", "") == "Submit"
