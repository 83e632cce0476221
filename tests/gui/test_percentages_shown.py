"""Every percentage the window shows is rounded half up: 5 of 8 reads 63 %, 1 of 8 reads 13 %."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from studyapp.study.quiz_session import QuizResult
from studyapp.ui.deck_model import Column, DeckRow, DeckTableModel
from studyapp.ui.home_view import HomeView
from studyapp.ui.results_view import ResultsView


def _row(mastered: int, last_score: float | None) -> DeckRow:
    return DeckRow("d", "Deck", 8, 0, 0, 0, mastered, last_score, False, 0)


def test_results_screen_shows_five_of_eight_as_63(qtbot: Any) -> None:
    view = ResultsView()
    qtbot.addWidget(view)
    view.show_result(QuizResult(correct=5, answered=8, total=8, elapsed=timedelta(seconds=40), rows=(),
                                abandoned=False, seed=1))
    assert view.score_label.text().endswith("63%")


def test_deck_list_and_home_panel_round_half_up(qtbot: Any) -> None:
    model = DeckTableModel()
    model.set_rows([_row(mastered=5, last_score=1 / 8)])
    assert model.index(0, Column.MASTERY).data() == "63%"
    assert model.index(0, Column.LAST_SCORE).data() == "13%"
    home = HomeView()
    qtbot.addWidget(home)
    home._show_deck(_row(mastered=5, last_score=1 / 8))
    assert "(63%)" in home.deck_info.text()
    assert "last quiz 13%" in home.deck_info.text()
