"""Graded or classic flashcard review is chosen per deck, and kept across sessions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from window_samples import deck_yaml, write_deck

from studyapp.ui.main_window import Screen


def test_the_graded_review_choice_is_kept_per_deck(tmp_path: Path, make_app: Any) -> None:
    folder = tmp_path / "q"
    write_deck(folder, "one.yaml", deck_yaml("one", "One"), article=None)
    write_deck(folder, "two.yaml", deck_yaml("two", "Two"), article=None)
    window = make_app(dirs=[folder]).window
    window.start_flashcards("one")
    view = window.view(Screen.FLASHCARDS)
    # A review asks in the question's own form until the person chooses the classic one.
    assert view.graded_box.isChecked() and view.session.graded and view.input is not None
    view.graded_box.setChecked(False)
    assert not view.session.graded and view.input is None  # show answer, rate yourself
    window.go_home()
    window.start_flashcards("two")
    assert view.graded_box.isChecked() and view.session.graded
    window.go_home()
    window.start_flashcards("one")
    assert not view.graded_box.isChecked() and not view.session.graded
