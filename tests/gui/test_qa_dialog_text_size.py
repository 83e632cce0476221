"""QA: dialogs opened from the window use the window's text size.

Found by using the app: after Ctrl+= three times (14 pt) the quiz set-up dialog, the format help
and the draft/import dialogs still opened at the application's default 9 pt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QSpinBox

from studyapp.ui.import_dialog import ImportDialog
from studyapp.ui.window_menus import open_interop_dialog
from window_samples import write_deck


def test_quiz_setup_dialog_follows_the_text_size(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.set_font_size(14)
    window.start_quiz("sample-deck")
    dialog = window._setup_dialog
    assert dialog is not None
    assert dialog.font().pointSize() == 14
    assert dialog.findChild(QSpinBox).font().pointSize() == 14
    heading = next(label for label in dialog.findChildren(QLabel) if label.text() == "Sample deck")
    assert heading.font().pointSizeF() > 14  # the heading stays larger than the text
    dialog.reject()


def test_format_help_and_import_dialogs_follow_the_text_size(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q")
    window = make_app(dirs=[tmp_path / "q"]).window
    window.set_font_size(15)
    window.show_format_help()
    assert window._help is not None and window._help.font().pointSize() == 15
    window._help.close()
    open_interop_dialog(window, "studyapp.ui.import_dialog", "ImportDialog")
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.font().pointSize() == 15
    dialog.reject()
