"""Choices a person makes are kept from one run to the next (issue 16): the quiz set-up's last
options per deck, and whether the reader shows its mastery map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from window_samples import GOOD, write_deck

from studyapp.bank.model import QuestionType
from studyapp.study.quiz import QuizOptions, QuizSource


def test_the_quiz_setup_opens_with_the_last_choices_for_that_deck(
        make_app: Any, tmp_path: Path, settings: QSettings) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD)
    first = make_app(dirs=[folder])
    first.window.start_quiz("sample-deck")
    dialog = first.window._setup_dialog
    assert dialog is not None
    dialog.count_spin.setValue(3)
    dialog.source_buttons[QuizSource.NEW].setChecked(True)
    kept = next(iter(dialog.type_boxes))
    for qtype, box in dialog.type_boxes.items():
        box.setChecked(qtype is kept)
    dialog.accept()
    first.window.close()
    first.close()

    again = make_app(dirs=[folder])
    again.window.start_quiz("sample-deck")
    reopened = again.window._setup_dialog
    assert reopened is not None
    assert reopened.count_spin.value() == 3
    assert reopened.source() is QuizSource.NEW
    assert reopened.selected_types() == {kept}


def test_a_stale_or_broken_remembered_setup_falls_back_to_the_defaults() -> None:
    assert QuizOptions.from_text("", "d") == QuizOptions(deck="d")
    assert QuizOptions.from_text("{not json", "d") == QuizOptions(deck="d")
    odd = '{"count": 5000, "source": "nonsense", "types": ["text", "no-such-type", 3], "tags": ["a", 1]}'
    assert QuizOptions.from_text(odd, "d") == QuizOptions(
        count=10, source=QuizSource.ALL, types=frozenset({QuestionType.TEXT}), tags=frozenset({"a"}), deck="d")
    chosen = QuizOptions(count=7, tags=frozenset({"x"}), types=frozenset({QuestionType.MATCH}), source=QuizSource.DUE, deck="d")
    assert QuizOptions.from_text(chosen.remembered_text(), "d") == chosen


def test_the_mastery_map_stays_as_it_was_left(make_app: Any, tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD)
    first = make_app(dirs=[folder])
    assert first.window.open_reader("sample-deck")
    reader = first.window.view(first.window.current_screen())
    assert not reader.map_toggle.isChecked()
    reader.map_toggle.setChecked(True)
    first.window.close()
    first.close()

    again = make_app(dirs=[folder])
    assert again.window.open_reader("sample-deck")
    assert again.window.view(again.window.current_screen()).map_toggle.isChecked()
