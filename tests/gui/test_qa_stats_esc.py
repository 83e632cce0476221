"""QA: Esc did nothing on the statistics screen although it leaves the reader, the results and
the flashcards; it now goes back to the decks like the "← Decks" button."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studyapp.ui.main_window import Screen
from window_samples import GOOD, write_deck


def test_esc_on_statistics_goes_back_to_the_decks(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    window = make_app(dirs=[tmp_path / "q"]).window
    window.show_stats()
    view = window.view(Screen.STATS)
    QTest.keyClick(view.back, Qt.Key.Key_Escape)
    assert window.current_screen() is Screen.HOME
