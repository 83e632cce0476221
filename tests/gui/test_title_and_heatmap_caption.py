"""Small wording found by a new user: the window title said "studyapp" twice, and the heatmap's
caption read "1 active days" and "0 active days, at most 0 answers in a day"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication

from studyapp.ui.main_window import APPLICATION, Screen
from studyapp.ui.stats_view import heatmap_caption
from window_samples import write_deck


def test_window_title_names_the_app_once_and_last(make_app: Any, tmp_path: Path) -> None:
    """Linux and Windows append the display name to a title not ending with it; one that
    ends with it is shown as set."""
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    QGuiApplication.setApplicationDisplayName(APPLICATION)  # as run_window sets it
    try:
        assert window.windowTitle() == "studyapp"
        window.open_reader("sample-deck")
        assert window.windowTitle() == "Article — studyapp"
        window.start_flashcards("sample-deck")
        assert window.current_screen() is Screen.FLASHCARDS
        title = window.windowTitle()
        assert title == "Flashcards — studyapp"
        assert title.endswith(QGuiApplication.applicationDisplayName()) and title.count("studyapp") == 1
    finally:
        QGuiApplication.setApplicationDisplayName("")


def test_heatmap_caption_counts_in_the_singular_and_says_when_there_is_nothing() -> None:
    assert "1 active day," in heatmap_caption(1, 1)
    assert "at most 1 answer in a day" in heatmap_caption(1, 1)
    assert "3 active days, at most 12 answers in a day." in heatmap_caption(3, 12)
    empty = heatmap_caption(0, 0)
    assert "0 active" not in empty and "at most 0" not in empty
    assert "No answers yet" in empty
