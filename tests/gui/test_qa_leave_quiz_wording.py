"""QA: leaving a quiz before answering anything does not talk about "the 0 answers you gave".

Found by using the app: Ctrl+D right after starting a quiz asked "Stop this quiz? The 0 answers
you gave stay saved." (Esc on the quiz itself already left that sentence out when nothing was given.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studyapp.study.quiz import QuizOptions
from studyapp.study.quiz_session import new_quiz
from studyapp.ui.main_window import Screen
from window_samples import ScriptedDialogs, write_deck


def _start(make_app: Any, tmp_path: Path) -> Any:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    quiz = new_quiz(window.bank, QuizOptions(count=3, deck="sample-deck"), window.core.store, window.now())
    window.start_quiz_of(quiz)
    return window


def test_leaving_before_any_answer_does_not_mention_zero_answers(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    window = _start(make_app, tmp_path)
    scripted.confirm_answers.append(True)
    window.go_home()
    assert window.current_screen() is Screen.HOME
    (kind, _title, text), = [c for c in scripted.calls if c[0] == "confirm"]
    assert "0 answers" not in text
    assert text.startswith("Stop this quiz?")


def test_leaving_after_one_answer_says_it_is_saved(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    window = _start(make_app, tmp_path)
    view = window.view(Screen.QUIZ)
    view.input.pick(1)
    view.submit()
    scripted.confirm_answers.append(True)
    window.go_home()
    (kind, _title, text), = [c for c in scripted.calls if c[0] == "confirm"]
    assert "The 1 answer you gave is saved." in text
