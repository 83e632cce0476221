"""The Browse window: B opens it from the deck list, typing filters, a wrong query says what is
wrong, sorting, selection, Enter asks for the editor; the model passes qtmodeltester."""

from __future__ import annotations

import shutil
from datetime import timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from studyapp.authoring.search import parse
from studyapp.authoring.search_rows import BrowserRows, Column
from studyapp.bank.loader import load_bank
from studyapp.store import open_store
from studyapp.ui.browser_model import BrowserModel
from studyapp.ui.browser_window import BrowserWindow, BulkAction
from window_samples import FIXED_NOW

DATA = Path(__file__).resolve().parents[1] / "data" / "good"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(DATA / "all-types.yaml", folder)
    shutil.copy(DATA / "article.txt", folder)
    return folder


def _open(make_app: Any, qtbot: Any, tmp_path: Path) -> BrowserWindow:
    window = make_app(dirs=[_folder(tmp_path)]).window
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.home.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.table)
    qtbot.keyClick(window.home.table, Qt.Key.Key_B)
    browser = window.findChild(BrowserWindow)
    assert browser is not None
    qtbot.waitExposed(browser)
    return browser


def _ids(browser: BrowserWindow) -> list[str]:
    model = browser.model
    return [model.rows.questions[model.row_of(r)].id for r in range(model.rowCount())]


def _type(qtbot: Any, browser: BrowserWindow, text: str) -> None:
    browser.search.clear()
    with qtbot.waitSignal(browser.searched, timeout=2000):
        qtbot.keyClicks(browser.search, text)


def test_b_on_the_deck_list_opens_browse_with_every_question(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    browser = _open(make_app, qtbot, tmp_path)
    assert browser.windowTitle() == "Browse"
    assert browser.model.rowCount() == 8
    assert browser.count.text() == "8 questions"
    model = browser.model
    assert model.headerData(Column.FILE, Qt.Orientation.Horizontal) == "File"
    assert model.data(model.index(0, Column.FILE)) == "all-types.yaml:6"
    assert model.data(model.index(0, Column.MEMORY)) == "new"


def test_the_view_menu_opens_it_too(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_app(dirs=[_folder(tmp_path)]).window
    action = window.findChild(QAction, "browse")
    assert action is not None
    action.trigger()
    assert window.findChild(BrowserWindow).isVisible()


def test_typing_filters_and_a_wrong_query_says_what_is_wrong(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    browser = _open(make_app, qtbot, tmp_path)
    _type(qtbot, browser, "haloucanka -type:card")
    assert _ids(browser) == ["pm-january-17", "roles"]
    assert browser.count.text() == "2 of 8 questions"
    assert browser.message.isHidden()

    _type(qtbot, browser, 'haloucanka "prime')
    assert not browser.message.isHidden()
    assert browser.message.text() == 'a quote (") is not closed (at character 12)'
    assert browser.message.textFormat() == Qt.TextFormat.PlainText
    assert _ids(browser) == ["pm-january-17", "roles"]  # the last good result stays

    _type(qtbot, browser, "type:<b>x</b>")  # shown as typed, never as markup
    assert browser.message.text().startswith("unknown type '<b>x</b>' (use choice, multi,")


def test_sorting_by_a_column_and_again_reverses(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    browser = _open(make_app, qtbot, tmp_path)
    header = browser.table.horizontalHeader()
    header.sectionClicked.emit(Column.TYPE)
    model = browser.model
    types = [model.rows.questions[model.row_of(r)].type.value for r in range(8)]
    assert types == sorted(types)
    header.sectionClicked.emit(Column.TYPE)
    assert [model.rows.questions[model.row_of(r)].type.value for r in range(8)] == sorted(types, reverse=True)
    _type(qtbot, browser, "haloucanka")  # the search keeps the order
    assert _ids(browser) == ["roles", "pm-january-17", "card-pm"]


def test_enter_asks_for_the_editor_and_bulk_actions_name_the_selection(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    browser = _open(make_app, qtbot, tmp_path)
    table = browser.table
    assert not browser.bulk_actions[BulkAction.SUSPEND].isEnabled()
    table.setFocus()
    table.setCurrentIndex(browser.model.index(3, 0))
    with qtbot.waitSignal(browser.edit_requested) as edit:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert edit.args == ["good-all-types", "which-city"]
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert browser.bulk_actions[BulkAction.SUSPEND].isEnabled()
    with qtbot.waitSignal(browser.bulk_requested) as bulk:
        browser.bulk_actions[BulkAction.SUSPEND].trigger()
    assert bulk.args == ["suspend", [("good-all-types", "dismissed-by"), ("good-all-types", "free-and-fair")]]


def test_down_in_the_search_field_goes_to_the_first_match_and_enter_opens_it(make_app: Any, qtbot: Any,
                                                                            tmp_path: Path) -> None:
    browser = _open(make_app, qtbot, tmp_path)
    _type(qtbot, browser, "zzzz-nothing")  # nothing found: Down stays in the field
    browser.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser.search)
    qtbot.keyClick(browser.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is browser.search
    _type(qtbot, browser, "minsk")
    first = browser.model.key_at(0)
    qtbot.keyClick(browser.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is browser.table
    assert browser.table.currentIndex().row() == 0 and browser.selected_keys() == [first]
    with qtbot.waitSignal(browser.edit_requested) as edit:
        qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert edit.args == list(first)


def test_model_passes_qtmodeltester(qtmodeltester: Any, tmp_path: Path) -> None:
    bank = load_bank([_folder(tmp_path)])
    store = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", tz=timezone.utc, auto_backup=False).store
    model = BrowserModel(BrowserRows(bank, store, FIXED_NOW), timezone.utc)
    qtmodeltester.check(model)
    model.set_query(parse("haloucanka"))
    model.sort(Column.PROMPT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    store.close()


def test_reopening_keeps_the_search_index_of_the_same_bank(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    browser = _open(make_app, qtbot, tmp_path)
    qtbot.waitUntil(browser.model.index_ready)  # built after the first frame, off the UI thread
    first = browser.model.search_index
    assert first is not None
    browser.close()
    window = browser.parent()
    window.findChild(QAction, "browse").trigger()
    assert window.findChild(BrowserWindow) is browser and browser.isVisible()
    assert browser.model.search_index is first  # not folded again
    window.reload()  # a new bank: folded anew
    browser.model.build_index()
    assert browser.model.search_index is not first
    assert browser.model.search_index is not None and browser.model.search_index.haystacks == first.haystacks


def _big_folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir()
    cards = "".join(f"  - id: c{i}\n    type: card\n    prompt: Card number {i}\n    answer: Answer {i}\n"
                    for i in range(n))
    (folder / "many.yaml").write_text(f"deck: many\ntitle: Many cards\nquestions:\n{cards}", encoding="utf-8")
    return folder


def test_a_large_bank_opens_reading_only_the_drawn_rows_and_searches_once_indexed(
        make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    from studyapp.ui.browser_model import SMALL_BANK
    from studyapp.ui.browser_window import PREPARING, open_browser

    n = SMALL_BANK + 500
    window = make_app(dirs=[_big_folder(tmp_path, n)]).window
    window.show()
    browser = open_browser(window)
    model = browser.model
    assert not model.index_ready()  # folded only after the first frame, off the UI thread
    browser.search.setText("number 2417")
    browser.apply_search()  # typed before the index is there: the search waits for it
    assert browser.message.text() == PREPARING and not browser.message.isHidden()
    assert model.rowCount() == n
    with qtbot.waitSignal(browser.searched, timeout=10000):
        pass
    assert model.index_ready() and browser.message.isHidden()
    assert _ids(browser) == ["c2417"]
    assert browser.count.text() == f"1 of {n:,} questions"

    browser.search.clear()
    browser.apply_search()
    qtbot.waitExposed(browser)
    qtbot.waitUntil(lambda: model.rows.loaded(0))  # the drawn rows' memory is read as they are drawn
    assert model.data(model.index(0, Column.MEMORY)) == "new"
    assert not model.rows.loaded(n - 1)  # a row far below was never read
    browser.table.horizontalHeader().sectionClicked.emit(Column.MEMORY)  # sorting by it reads them all
    assert model.rows.loaded(n - 1)


def test_new_rows_keep_the_chosen_sort(make_app: Any, qtbot: Any, tmp_path: Path) -> None:
    """The decks reload (a bulk change, an edit, F5): the new rows come in the order the header shows."""
    browser = _open(make_app, qtbot, tmp_path)
    browser.table.horizontalHeader().sectionClicked.emit(Column.TYPE)
    browser.table.horizontalHeader().sectionClicked.emit(Column.TYPE)
    before = _ids(browser)
    window = browser.parent()
    window.reload()
    assert browser.model.rows.bank is window.bank  # new rows
    assert _ids(browser) == before
    assert browser.table.horizontalHeader().sortIndicatorSection() == Column.TYPE
    assert (browser.model.sort_column, browser.model.sort_order) == (Column.TYPE, Qt.SortOrder.DescendingOrder)
