"""Editing the bundled deck of an installed studyapp in the window: the installed file is never
written; the person's copy in their question folder holds the edit, is the deck from then on
(loaded once) and keeps the deck's answers. A checkout's bundled folder is edited in place.

The bundled folder is laid out as a wheel installs it (``studyapp/_bundle/questions`` and
``_bundle/seeds``) with the real bundled deck and article, and made read-only.
"""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from studyapp.grading import Outcome
from studyapp.paths import DataPaths
from studyapp.store import Attempt, Mode
from studyapp.ui.browser_window import BrowserWindow, BulkAction, open_browser
from studyapp.ui.question_editor import QuestionEditor
from window_samples import FIXED_NOW, ScriptedDialogs

REPO = Path(__file__).resolve().parents[2]
DECK = "belarus-west-2025"
FILE = f"{DECK}.yaml"
ARTICLE = "000_f104dea7fb288af0.txt"
QID = "pm-january-17"
NEW_PROMPT = "Who said on 17 January that the West would engage with Belarus?"


def _chmod(folder: Path, writable: bool) -> None:
    for p in [folder, *folder.rglob("*")]:
        mode = p.stat().st_mode
        p.chmod(mode | stat.S_IWUSR if writable else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    bundle = tmp_path / "site" / "studyapp" / "_bundle"
    shutil.copytree(REPO / "questions", bundle / "questions")
    shutil.copytree(REPO / "seeds", bundle / "seeds")
    _chmod(bundle, writable=False)
    yield bundle / "questions"
    _chmod(bundle, writable=True)


def _start(make_app: Any, data_dir: Path, bundled: Path) -> Any:
    return make_app(dirs=[bundled, DataPaths(data_dir).questions], bundled=bundled)


def _browse_to(qtbot: Any, window: Any, qid: str) -> BrowserWindow:
    window.show()
    browser = open_browser(window)
    qtbot.waitExposed(browser)
    with qtbot.waitActive(browser):
        browser.activateWindow()
    model = browser.model
    row = next(r for r in range(model.rowCount()) if model.key_at(r) == (DECK, qid))
    browser.table.selectionModel().select(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
    browser.table.setCurrentIndex(model.index(row, 0))
    browser.table.setFocus()
    return browser


def _edit_in_window(qtbot: Any, window: Any, browser: BrowserWindow) -> QuestionEditor:
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    editor = window.findChildren(QuestionEditor)[-1]
    row = editor.form.rows["prompt"]
    assert isinstance(row.input, QPlainTextEdit)
    row.input.setPlainText(NEW_PROMPT)
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=5000)
    return editor


def test_an_edit_in_the_window_goes_to_the_persons_copy_and_keeps_the_answers(
        make_app: Any, qtbot: Any, data_dir: Path, installed: Path) -> None:
    shipped = (installed / FILE).read_bytes()
    running = _start(make_app, data_dir, installed)
    window, store = running.window, running.core.store
    q = window.bank.deck(DECK).question(QID)
    store.record_attempt(Attempt(DECK, QID, q.content_hash, Mode.QUIZ, '"Raman Hałoŭčanka"', Outcome.RIGHT, 1.0,
                                 4000, FIXED_NOW))
    browser = _browse_to(qtbot, window, QID)
    editor = _edit_in_window(qtbot, window, browser)
    assert not editor.versions_button.isEnabled()  # nothing of the installed file is ever restored over
    seen: list[str] = []
    window.watcher.directoryChanged.connect(seen.append)
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        editor.save_button.click()

    copy = DataPaths(running.core.paths.root).questions / FILE
    assert (installed / FILE).read_bytes() == shipped  # the installed file: not one byte changed
    assert f"prompt: {NEW_PROMPT}\n" in copy.read_text(encoding="utf-8")
    assert (copy.parent / ARTICLE).is_file()
    assert window.bank.problems == ()
    assert [d.id for d in window.bank.decks] == [DECK]  # loaded once: the copy is the deck
    deck = window.bank.deck(DECK)
    assert deck.path == copy and deck.question(QID).prompt == NEW_PROMPT
    assert len(store.attempts_for(DECK, QID)) == 1  # the answers stay with the deck
    notice = f"Your edits to this deck are kept in your question folder: {copy}"
    assert window.statusBar().currentMessage() == notice
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)  # the watcher saw the new copy...
    assert not window._reload_timer.isActive() and not window._loader.running  # ...and did not reload again

    # the next edit goes to the same copy, with no second notice and no second copy
    browser = _browse_to(qtbot, window, "minsk-meaningful-steps")
    editor = _edit_in_window(qtbot, window, browser)
    assert editor.versions_button.isEnabled()  # the copy is the person's own file
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        editor.save_button.click()
    assert sorted(p.name for p in copy.parent.iterdir()) == [ARTICLE, FILE]
    assert window.statusBar().currentMessage() != notice
    assert (installed / FILE).read_bytes() == shipped


def test_a_checkout_bundled_folder_is_edited_in_place_in_the_window(
        make_app: Any, qtbot: Any, data_dir: Path, tmp_path: Path) -> None:
    bundled = tmp_path / "repo" / "questions"
    shutil.copytree(REPO / "questions", bundled)
    shutil.copytree(REPO / "seeds", bundled.parent / "seeds")
    running = _start(make_app, data_dir, bundled)
    window = running.window
    editor = _edit_in_window(qtbot, window, _browse_to(qtbot, window, QID))
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        editor.save_button.click()
    assert f"prompt: {NEW_PROMPT}\n" in (bundled / FILE).read_text(encoding="utf-8")
    assert list(DataPaths(data_dir).questions.iterdir()) == []
    assert window.bank.deck(DECK).path == bundled / FILE
    assert "question folder" not in window.statusBar().currentMessage()  # nothing was copied: no notice


def test_a_bulk_tag_over_the_installed_deck_in_browse(
        make_app: Any, qtbot: Any, data_dir: Path, installed: Path, scripted: ScriptedDialogs) -> None:
    shipped = (installed / FILE).read_bytes()
    running = _start(make_app, data_dir, installed)
    window = running.window
    browser = _browse_to(qtbot, window, QID)
    scripted.texts_to_type.append("exam")
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        browser.bulk_actions[BulkAction.ADD_TAG].trigger()
    copy = DataPaths(data_dir).questions / FILE
    assert (installed / FILE).read_bytes() == shipped
    assert [d.path for d in window.bank.decks] == [copy] and window.bank.problems == ()
    assert "exam" in window.bank.deck(DECK).question(QID).tags
    label = browser.findChild(QLabel, "browser-notice")
    assert label is not None and label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == ("Tagged 1 question — Ctrl+Z undoes\n"
                            f"Your edits to this deck are kept in your question folder: {copy}")


def test_an_installed_bundled_file_that_does_not_load_is_fixed_in_a_copy(
        make_app: Any, qtbot: Any, data_dir: Path, installed: Path) -> None:
    from studyapp.ui.question_editor_open import open_file_text
    from studyapp.ui.question_editor_text import FileTextEditor

    good = (REPO / "questions" / FILE).read_text(encoding="utf-8")
    broken_text = good.replace("    answer: Raman Hałoŭčanka\n", "    anwser: Raman Hałoŭčanka\n", 1)
    _chmod(installed, writable=True)
    (installed / FILE).write_text(broken_text, encoding="utf-8")
    _chmod(installed, writable=False)
    running = _start(make_app, data_dir, installed)
    window = running.window
    assert window.bank.decks == () and window.bank.problems
    editor = open_file_text(window, installed / FILE, window.bank.problems[0].line)
    assert isinstance(editor, FileTextEditor) and not editor.history_button.isEnabled()
    editor.text.setPlainText(good)
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        editor.save_button.click()
    copy = DataPaths(data_dir).questions / FILE
    assert (installed / FILE).read_text(encoding="utf-8") == broken_text  # the installed file: untouched
    assert editor.path == copy and editor.problems.count() == 0
    assert f"source: {ARTICLE}\n" in copy.read_text(encoding="utf-8")
    assert [d.path for d in window.bank.decks] == [copy]
    assert {p.path for p in window.bank.problems} == {installed / FILE}  # the installed file is still listed
    assert window.statusBar().currentMessage() == f"Your edits to this deck are kept in your question folder: {copy}"
