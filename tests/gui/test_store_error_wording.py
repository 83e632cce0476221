"""The store's errors in the window's language: the red save banner, and the database the window
cannot open, are written through the translator; ``str(exc)`` stays the English the log keeps."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QWidget

from pseudo_locale import pseudo, pseudo_qm  # noqa: F401 - fixtures
from pseudo_sweep import partly_untranslated, visible_texts
from studyapp.store import SaveError, StoreError, open_store
from studyapp.store.errors import SaveFailure
from studyapp.store.schema import SCHEMA_VERSION
from studyapp.ui.answer_inputs.base import ErrorBanner
from studyapp.ui.save_guard import save_or_report
from studyapp.ui.translation import error_text

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc)


def test_the_save_banner_says_why_in_the_window_language(pseudo: QTranslator, qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = ErrorBanner(parent)

    def fails() -> None:
        raise SaveError(SaveFailure.DISK_FULL, "database or disk is full")

    assert not save_or_report(banner, fails, "Your answer was not saved ({exc}).")
    assert banner.text().startswith("Your answer was not saved ([‹could not save: [‹disk full")
    assert banner.text().count("›]") == 2  # the sentence and the reason, each translated
    assert str(SaveError(SaveFailure.DISK_FULL)) == "could not save: disk full"  # the log's English


def test_a_database_the_window_cannot_open_is_explained_in_its_language(
    pseudo: QTranslator, qtbot: Any, tmp_path: Path
) -> None:
    db = tmp_path / "data" / "studyapp.db"
    open_store(db, backups_dir=tmp_path / "backups", now=NOW).store.close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError) as info:
        open_store(db, backups_dir=tmp_path / "backups", now=NOW)
    shown = error_text(info.value)
    assert shown.startswith("[‹") and shown.endswith("›]") and f"version {SCHEMA_VERSION + 5}" in shown
    assert str(info.value).startswith(f"{db} was written by a newer version of studyapp")
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = ErrorBanner(parent)
    banner.show_error(shown)
    parent.show()
    texts = [s for s in visible_texts(parent) if s.text == shown]
    assert texts and not partly_untranslated(texts, [str(db)])
