"""QA: a quiz stopped before any answer does not speak of "the answers you gave".

Found by using the app: Esc on the first question of "Retry my mistakes" showed "You stopped after
0 of 4 questions; the answers you gave are saved and count in your statistics."
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studyapp.study.quiz import QuizOptions
from studyapp.study.quiz_session import new_quiz
from studyapp.ui.main_window import Screen
from window_samples import ScriptedDialogs, write_deck


def _quiz(make_app: Any, tmp_path: Path) -> Any:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.start_quiz_of(new_quiz(window.bank, QuizOptions(count=3, deck="sample-deck"), window.core.store, window.now()))
    return window.view(Screen.QUIZ)


def test_stopping_before_any_answer_says_nothing_was_answered(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    view = _quiz(make_app, tmp_path)
    scripted.confirm_answers.append(True)
    view.ask_abandon()
    assert view.stack.currentWidget() is view.results
    note = view.results.note_label.text()
    assert "answers you gave" not in note
    assert "before answering" in note


def test_stopping_after_one_answer_keeps_the_sentence(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    view = _quiz(make_app, tmp_path)
    view.input.pick(1)
    view.submit()
    scripted.confirm_answers.append(True)
    view.ask_abandon()
    note = view.results.note_label.text()
    assert note.startswith("You stopped after 1 of 3 questions; the answer you gave is saved")
