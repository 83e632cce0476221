"""The Browse window's actions on a real data folder: Enter opens the editor; add and remove a
tag, move to another deck, delete (confirmed) and suspend the selected questions, each through
the browser's own actions with scripted answers; the files and the decks after the one reload;
Ctrl+Z (and the Undo button) put everything back; a change that fails writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from studyapp.authoring.search_rows import Column
from studyapp.ui.browser_actions import BrowserActions
from studyapp.ui.browser_window import BrowserWindow, BulkAction, open_browser
from bulk_samples import ALPHA, BETA
from window_samples import ScriptedDialogs



def _folder(tmp_path: Path, beta: str) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "alpha.yaml").write_text(ALPHA)
    (folder / "beta.yaml").write_text(beta)
    return folder


def _open(make_app: Any, qtbot: Any, tmp_path: Path, beta: str = BETA) -> tuple[Any, BrowserWindow, Path]:
    folder = _folder(tmp_path, beta)
    window = make_app(dirs=[folder]).window
    window.show()
    browser = open_browser(window)
    qtbot.waitExposed(browser)
    with qtbot.waitActive(browser):
        browser.activateWindow()
    return window, browser, folder


def _select(browser: BrowserWindow, *keys: tuple[str, str]) -> None:
    table, model = browser.table, browser.model
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(model.rowCount()):
        if model.key_at(row) in keys:
            table.selectionModel().select(model.index(row, 0), flags)
    assert len(browser.selected_keys()) == len(keys)


def _trigger(qtbot: Any, window: Any, browser: BrowserWindow, action: BulkAction) -> None:
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        browser.bulk_actions[action].trigger()


def _undo_key(qtbot: Any, window: Any, browser: BrowserWindow) -> None:
    browser.table.setFocus()
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        qtbot.keyClick(browser.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _tags(window: Any) -> dict[str, tuple[str, ...]]:
    return {q.id: q.tags for d in window.bank.decks for q in d.questions}


def test_enter_opens_the_editor_on_the_question(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    from studyapp.ui.question_editor import QuestionEditor

    window, browser, _folder_path = _open(make_app, qtbot, tmp_path)
    assert browser.findChild(BrowserActions) is not None
    _select(browser, ("beta", "b2"))
    browser.table.setCurrentIndex(browser.model.index(4, 0))
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    editor = window.findChild(QuestionEditor)
    assert editor is not None and editor.isVisible()
    assert "b2" in [w.text() for w in editor.findChildren(QLineEdit)]  # its id field
    editor.close()


def test_add_a_tag_to_three_questions_in_two_files_then_ctrl_z(make_app: Any, qtbot: Any, tmp_path: Path,
                                                               scripted: ScriptedDialogs) -> None:
    window, browser, folder = _open(make_app, qtbot, tmp_path)
    _select(browser, ("alpha", "a1"), ("alpha", "a3"), ("beta", "b2"))
    scripted.texts_to_type.append("exam")
    _trigger(qtbot, window, browser, BulkAction.ADD_TAG)
    assert scripted.calls[0] == ("ask_text", "Add tag", "Tag to add to 3 questions:")
    assert (folder / "alpha.yaml").read_text() == ALPHA.replace("    answer: One\n", "    answer: One\n    tags: [exam]\n") \
        .replace("    answer: true\n", "    answer: true\n    tags: [exam]\n")
    assert (folder / "beta.yaml").read_text() == BETA + "  tags: [exam]\n"
    assert _tags(window) == {"a1": ("exam",), "a2": ("old",), "a3": ("exam",), "b1": (), "b2": ("exam",)}
    assert browser.model.data(browser.model.index(0, Column.TAGS)) == "exam"  # the browser shows the new bank
    notice = browser.findChild(QLabel, "browser-notice")
    assert notice is not None and notice.text() == "Tagged 3 questions — Ctrl+Z undoes"
    assert window.statusBar().currentMessage() == "Tagged 3 questions — Ctrl+Z undoes"

    _undo_key(qtbot, window, browser)
    assert (folder / "alpha.yaml").read_text() == ALPHA and (folder / "beta.yaml").read_text() == BETA
    assert _tags(window)["a1"] == ()
    assert notice.text() == "Undone: tagged 3 questions"


def test_remove_a_tag_and_a_cancelled_question_changes_nothing(make_app: Any, qtbot: Any, tmp_path: Path,
                                                              scripted: ScriptedDialogs) -> None:
    window, browser, folder = _open(make_app, qtbot, tmp_path)
    _select(browser, ("alpha", "a2"), ("beta", "b1"))
    scripted.texts_to_type.append(None)
    browser.bulk_actions[BulkAction.REMOVE_TAG].trigger()
    assert (folder / "alpha.yaml").read_text() == ALPHA
    scripted.texts_to_type.append("old")
    _trigger(qtbot, window, browser, BulkAction.REMOVE_TAG)
    assert _tags(window)["a2"] == ()
    assert (folder / "beta.yaml").read_text() == BETA  # b1 had no such tag: its file is not written
    _select(browser, ("alpha", "a2"))
    scripted.texts_to_type.append("old")
    browser.bulk_actions[BulkAction.REMOVE_TAG].trigger()
    notice = browser.findChild(QLabel, "browser-notice")
    assert notice is not None
    qtbot.waitUntil(lambda: notice.text().startswith("Nothing to change"))


def test_move_to_another_deck_then_undo_with_the_button(make_app: Any, qtbot: Any, tmp_path: Path,
                                                        scripted: ScriptedDialogs) -> None:
    window, browser, folder = _open(make_app, qtbot, tmp_path)
    _select(browser, ("alpha", "a1"), ("alpha", "a2"))
    scripted.picks.append(1)  # Beta (beta)
    _trigger(qtbot, window, browser, BulkAction.MOVE_DECK)
    assert scripted.calls[0][2] == "Move 2 questions to the deck: ['Alpha (alpha)', 'Beta (beta)']"
    assert [q.id for q in window.bank.deck("beta").questions] == ["b1", "b2", "a1", "a2"]
    assert [q.id for q in window.bank.deck("alpha").questions] == ["a3"]
    assert [browser.model.key_at(r) for r in range(browser.model.rowCount())][:1] == [("alpha", "a3")]
    button = browser.findChild(QPushButton, "browser-undo-button")
    assert button is not None and button.isVisible()
    with qtbot.waitSignal(window.reloaded, timeout=5000):
        button.click()
    assert (folder / "alpha.yaml").read_text() == ALPHA and (folder / "beta.yaml").read_text() == BETA
    assert [q.id for q in window.bank.deck("alpha").questions] == ["a1", "a2", "a3"]
    assert not button.isVisible()


def test_delete_asks_first_and_ctrl_z_restores_the_bytes(make_app: Any, qtbot: Any, tmp_path: Path,
                                                         scripted: ScriptedDialogs) -> None:
    window, browser, folder = _open(make_app, qtbot, tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _select(browser, ("alpha", "a1"), ("alpha", "a3"), ("beta", "b1"))
    scripted.confirm_answers.append(False)
    browser.bulk_actions[BulkAction.DELETE].trigger()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert scripted.calls[-1][2].startswith("Delete 3 questions from their question files?")
    scripted.confirm_answers.append(True)
    _trigger(qtbot, window, browser, BulkAction.DELETE)
    assert [q.id for d in window.bank.decks for q in d.questions] == ["a2", "b2"]
    assert browser.model.rowCount() == 2
    assert window.statusBar().currentMessage() == "Deleted 3 questions — Ctrl+Z undoes"
    _undo_key(qtbot, window, browser)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert browser.model.rowCount() == 5


def test_a_change_that_fails_its_check_writes_nothing_and_says_why(make_app: Any, qtbot: Any, tmp_path: Path,
                                                                   scripted: ScriptedDialogs) -> None:
    beta = BETA.replace("id: b2", "id: a2")  # alpha has an a2 too
    window, browser, folder = _open(make_app, qtbot, tmp_path, beta)
    _select(browser, ("beta", "a2"))
    scripted.picks.append(0)  # into alpha: a2 is there already (taking it out of beta alone would pass)
    browser.bulk_actions[BulkAction.MOVE_DECK].trigger()
    qtbot.waitUntil(lambda: scripted.calls[-1][0] == "warn")  # checked off the UI thread
    kind, title, text = scripted.calls[-1]
    assert (kind, title) == ("warn", "Move to deck")
    assert "nothing was changed" in text and "alpha.yaml:" in text and "duplicate id 'a2'" in text
    assert (folder / "alpha.yaml").read_text() == ALPHA and (folder / "beta.yaml").read_text() == beta
    scripted.texts_to_type.append("two words")
    _select(browser, ("alpha", "a1"))
    browser.bulk_actions[BulkAction.ADD_TAG].trigger()
    qtbot.waitUntil(lambda: scripted.calls[-1][0] == "warn")
    assert "a tag is one word" in scripted.calls[-1][2]
    assert (folder / "alpha.yaml").read_text() == ALPHA
    assert not browser.findChild(BrowserActions).done  # type: ignore[union-attr]


def test_suspend_toggles_shows_in_the_browser_and_undoes(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    window, browser, _folder_path = _open(make_app, qtbot, tmp_path)
    store = window.core.store
    _select(browser, ("alpha", "a2"), ("beta", "b1"))
    browser.bulk_actions[BulkAction.SUSPEND].trigger()
    assert {k for k, m in store.card_marks().items() if m.suspended} == {("alpha", "a2"), ("beta", "b1")}
    memory = {browser.model.key_at(r): browser.model.data(browser.model.index(r, Column.MEMORY))
              for r in range(browser.model.rowCount())}
    assert memory[("alpha", "a2")] == "suspended" and memory[("alpha", "a1")] == "new"
    with qtbot.waitSignal(browser.searched, timeout=2000):
        browser.search.setText("is:suspended")
    assert browser.model.rowCount() == 2
    browser.search.clear()
    browser.apply_search()
    _select(browser, ("alpha", "a2"), ("beta", "b1"))  # all suspended: the same action takes it away
    browser.bulk_actions[BulkAction.SUSPEND].trigger()
    assert not any(m.suspended for m in store.card_marks().values())
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back to suspended
    assert {k for k, m in store.card_marks().items() if m.suspended} == {("alpha", "a2"), ("beta", "b1")}
    qtbot.keyClick(browser.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not store.card_marks()


def test_undo_refuses_when_a_file_changed_since(make_app: Any, qtbot: Any, tmp_path: Path,
                                                scripted: ScriptedDialogs) -> None:
    window, browser, folder = _open(make_app, qtbot, tmp_path)
    _select(browser, ("alpha", "a1"), ("beta", "b1"))
    scripted.confirm_answers.append(True)
    _trigger(qtbot, window, browser, BulkAction.DELETE)
    mine = (folder / "beta.yaml").read_text() + "# my own line\n"
    (folder / "beta.yaml").write_text(mine)
    alpha = (folder / "alpha.yaml").read_bytes()
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    kind, title, text = scripted.calls[-1]
    assert (kind, title) == ("warn", "Undo") and "beta.yaml was changed since" in text
    assert (folder / "beta.yaml").read_text() == mine and (folder / "alpha.yaml").read_bytes() == alpha


def test_a_moved_question_keeps_its_answers_and_undo_takes_them_back(make_app: Any, qtbot: Any, tmp_path: Path,
                                                                   scripted: ScriptedDialogs) -> None:
    from studyapp.grading import Outcome
    from studyapp.store import Attempt, Mode

    window, browser, folder = _open(make_app, qtbot, tmp_path)
    store = window.core.store
    q = window.bank.deck("alpha").question("a1")
    store.record_attempt(Attempt("alpha", "a1", q.content_hash, Mode.QUIZ, '"x"', Outcome.RIGHT, 1.0, 800,
                                 window.now()))
    _select(browser, ("alpha", "a1"))
    browser.search.setFocus()
    scripted.picks.append(1)
    _trigger(qtbot, window, browser, BulkAction.MOVE_DECK)
    answers = {browser.model.key_at(r): browser.model.data(browser.model.index(r, Column.ANSWERS))
               for r in range(browser.model.rowCount())}
    assert answers[("beta", "a1")] == "1" and ("alpha", "a1") not in answers
    assert browser.table.hasFocus()  # so Ctrl+Z reaches the browser, not the search field's typing
    _undo_key(qtbot, window, browser)
    assert ("alpha", "a1") in store.question_history() and ("beta", "a1") not in store.question_history()
    assert (folder / "alpha.yaml").read_text() == ALPHA
