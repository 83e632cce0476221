"""Home → quiz set-up → quiz, home → flashcards, and leaving a running quiz from the menus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from window_samples import GOOD, ScriptedDialogs, write_deck

from studyapp.study.quiz_session import QuizState
from studyapp.ui.main_window import Screen
from studyapp.ui.quiz_setup_dialog import QuizSetupDialog


def _window(make_app: Any, tmp_path: Path) -> Any:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    return make_app(dirs=[tmp_path / "q"]).window


def test_take_a_quiz_opens_setup_then_the_quiz(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    window = _window(make_app, tmp_path)
    window.home.quiz_button.click()
    dialog = window.findChild(QuizSetupDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.accept()
    assert window.current_screen() is Screen.QUIZ
    session = window.view(Screen.QUIZ).session
    assert session.state is QuizState.ASKING
    assert {q.deck for q in session.quiz.questions} == {"sample-deck"}


def test_leaving_a_running_quiz_asks_and_keeps_answers(
    make_app: Any, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    window = _window(make_app, tmp_path)
    window.home.quiz_button.click()
    window.findChild(QuizSetupDialog).accept()
    session = window.view(Screen.QUIZ).session
    scripted.confirm_answers.append(False)
    window.go_home()
    assert window.current_screen() is Screen.QUIZ  # the user chose to stay
    scripted.confirm_answers.append(True)
    window.go_home()
    assert window.current_screen() is Screen.HOME
    assert session.state is QuizState.ABANDONED
    assert "Stop this quiz?" in scripted.texts("confirm")[0]


def test_study_flashcards_button_starts_a_review(make_app: Any, tmp_path: Path) -> None:
    window = _window(make_app, tmp_path)
    assert window.home.study_button.text() == "Study flashcards (0 due · 3 new)"
    window.home.study_button.click()
    assert window.current_screen() is Screen.FLASHCARDS
    view = window.view(Screen.FLASHCARDS)
    assert view.session is not None
    window.go_home()  # closes the review without asking
    assert window.current_screen() is Screen.HOME


def test_enter_on_the_deck_list_studies_and_ctrl_t_shows_statistics(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    window = _window(make_app, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    window.home.table.setFocus()
    qtbot.keyClick(window.home.table, Qt.Key.Key_Return)
    assert window.current_screen() is Screen.FLASHCARDS
    assert "Flashcards" in window.windowTitle()
    window.go_home()
    assert window.windowTitle() == "studyapp"
    window.stats_action.trigger()
    assert window.current_screen() is Screen.STATS
    assert window.windowTitle() == "Statistics — studyapp"


def test_tab_order_on_home(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication

    folder = tmp_path / "q"
    write_deck(folder, "good.yaml", GOOD)
    (folder / "broken.yaml").write_text("deck: [\n", encoding="utf-8")
    window = make_app(dirs=[folder]).window
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    home = window.home
    home.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is home.table)
    order = []
    for _ in range(5):
        window.focusNextChild()
        order.append(QApplication.focusWidget())
    assert order == [home.study_button, home.quiz_button, home.read_button, home.problems.list, home.problems.open_button]
