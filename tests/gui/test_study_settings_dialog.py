"""Tools → Study settings…: the real dialog on the real window and store changes what the queue offers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenuBar
from window_samples import GOOD, write_deck

from studyapp.study.study_settings import LeechAction, SettingsBook
from studyapp.ui.main_window import Screen
from studyapp.ui.study_settings_dialog import ALL_DECKS, StudySettingsDialog


def _window(make_app: Any, tmp_path: Path) -> Any:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    return make_app(dirs=[tmp_path / "q"]).window


def _open_dialog(window: Any) -> StudySettingsDialog:
    bar = window.findChild(QMenuBar)
    action = next(a for m in bar.actions() if m.menu() for a in m.menu().actions() if a.objectName() == "study-settings")
    action.trigger()
    dialog = window.findChild(StudySettingsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_new_cards_per_day_set_to_one_makes_the_queue_offer_one(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    window = _window(make_app, tmp_path)
    assert window.home.study_button.text() == "Study flashcards (0 due · 3 new)"
    dialog = _open_dialog(window)
    assert dialog.deck_combo.currentText() == ALL_DECKS and not dialog.own_box.isVisible()
    assert dialog.new_spin.value() == 20 and dialog.day_start_spin.value() == 4
    dialog.deck_combo.setCurrentIndex(dialog.deck_combo.findData("sample-deck"))
    assert not dialog.own_box.isChecked() and not dialog.new_spin.isEnabled()  # follows the default
    dialog.own_box.setChecked(True)
    dialog.new_spin.setValue(1)
    dialog.leech_combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    stored = SettingsBook(window.core.store).for_deck("sample-deck")
    assert stored.new_per_day == 1 and stored.leech_action is LeechAction.SUSPEND
    assert window.home.study_button.text() == "Study flashcards (0 due · 1 new)"
    window.home.study_button.click()
    assert window.current_screen() is Screen.FLASHCARDS
    session = window.view(Screen.FLASHCARDS).session
    assert session.progress().new == 1


def test_a_bad_step_is_shown_and_nothing_is_saved(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    window = _window(make_app, tmp_path)
    dialog = _open_dialog(window)
    dialog.learning_edit.setText("1m ten")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.error_label.isVisible() and "“ten”" in dialog.error_label.text()
    assert window.core.store.study_settings_body("") is None


def test_the_estimate_follows_the_retention_slider(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    from datetime import timedelta

    from fsrs import Card, State

    from studyapp.store import CardState

    window = _window(make_app, tmp_path)
    now = window.now()
    cards = []
    for i, qid in enumerate(("capital", "sanctions", "sham")):
        due = now + timedelta(days=i)
        card = Card(card_id=i, state=State.Review, stability=3.0, difficulty=5.0, due=due, last_review=now - timedelta(days=3))
        cards.append(CardState("sample-deck", qid, card.to_json(), due, 3.0, int(State.Review), now - timedelta(days=3)))
    window.core.store.put_cards(cards)
    dialog = _open_dialog(window)
    assert "from your 3 cards" in dialog.estimate_label.text()
    low = dialog.estimate_label.text()
    dialog.retention_slider.setValue(99)
    assert dialog.retention_spin.value() == 0.99
    assert dialog.estimate_label.text() != low


def test_the_quiz_set_up_counts_no_suspended_card_as_new(make_app: Any, tmp_path: Path) -> None:
    from studyapp.store.marks import CardMark
    from studyapp.study.quiz import QuizOptions, QuizSource
    from studyapp.ui.quiz_setup_dialog import QuizSetupDialog

    window = _window(make_app, tmp_path)
    window.core.store.put_card_mark(CardMark("sample-deck", "capital", suspended=True))
    window.refresh_home()
    assert window.home.study_button.text() == "Study flashcards (0 due · 2 new)"
    window.home.quiz_button.click()
    dialog = window.findChild(QuizSetupDialog)
    assert dialog.matching(QuizOptions(count=10, deck="sample-deck", source=QuizSource.NEW)) == 2
    dialog.reject()
