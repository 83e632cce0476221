"""QA: the results table's column headings follow the text size.

Found by using the app: on the quiz results the headings (#, Question, Your answer, Right
answer, Result) stayed at 9 pt, smaller than the rows under them, at every text size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studyapp.study.quiz import QuizOptions
from studyapp.study.quiz_session import new_quiz
from studyapp.ui.main_window import Screen
from window_samples import write_deck


def test_results_headings_follow_the_text_size(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.start_quiz_of(new_quiz(window.bank, QuizOptions(count=1, deck="sample-deck"), window.core.store, window.now()))
    view = window.view(Screen.QUIZ)
    view.input.pick(1)
    view.submit()
    view.next()
    header = view.results.table.horizontalHeader()
    assert header.font().pointSize() == window.font_size
    window.set_font_size(window.font_size + 3)
    assert header.font().pointSize() == window.font_size
