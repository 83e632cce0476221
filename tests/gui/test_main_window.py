"""The main window on a temporary question folder: deck list, problems panel, reload, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from studyapp.ui.deck_model import Column, DeckRow, DeckTableModel
from studyapp.ui.main_window import Screen

from window_samples import ScriptedDialogs, BROKEN, GOOD, write_deck


def _cell(window: Any, row: int, col: Column) -> str:
    model = window.home.model
    return model.data(model.index(row, col))


def test_good_and_broken_file_show_deck_and_problem(make_app: Any, tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "good.yaml", GOOD)
    write_deck(folder, "broken.yaml", BROKEN, article=None)
    window = make_app(dirs=[folder]).window

    assert window.home.model.rowCount() == 1
    assert _cell(window, 0, Column.TITLE) == "Sample deck"
    assert _cell(window, 0, Column.QUESTIONS) == "3"
    assert _cell(window, 0, Column.NEW) == "3"
    assert _cell(window, 0, Column.LAST_SCORE) == "—"
    lines = window.home.problems.lines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{folder / 'broken.yaml'}:8:")
    assert "'c'" in lines[0]
    assert not window.home.problems.isHidden()
    assert "1 problem in question files" in window.home.summary.text()
    assert window.home.study_button.text() == "Study flashcards (0 due · 3 new)"
    assert window.home.read_button.isVisibleTo(window.home)


@pytest.mark.parametrize("when", ["at start", "after a reload"])
def test_the_deck_list_keeps_most_of_the_height_when_problems_appear(
        make_app: Any, tmp_path: Path, qtbot: Any, when: str) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "good.yaml", GOOD)
    if when == "at start":
        write_deck(folder, "broken.yaml", BROKEN, article=None)
    window = make_app(dirs=[folder]).window
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    if when == "after a reload":
        write_deck(folder, "broken.yaml", BROKEN, article=None)
        with qtbot.waitSignal(window.reloaded, timeout=5000):
            window.reload_action.trigger()
    qtbot.waitUntil(lambda: window.home.problems.isVisible())
    table, panel = window.home.table.height(), window.home.problems.height()
    assert table >= 2 * panel, (table, panel)


def test_problem_opens_its_file_through_the_seam(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    folder = tmp_path / "questions"
    broken = write_deck(folder, "broken.yaml", BROKEN, article=None)
    window = make_app(dirs=[folder]).window
    panel = window.home.empty_problems  # no valid deck: the empty state carries the panel
    assert window.home.pages.currentIndex() == 1
    panel.list.setCurrentRow(0)
    panel.open_button.click()
    assert scripted.opened == [broken]


def test_a_problem_file_no_program_opens_is_said_and_its_folder_shown(
        make_app: Any, tmp_path: Path, scripted: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16: "Open file" did nothing when no program was set up for .yaml files (a Qt
    warning on stderr the only sign); now it says so, copies the path and shows the folder."""
    from PySide6.QtWidgets import QApplication

    from studyapp.ui import dialogs

    folder = tmp_path / "questions"
    broken = write_deck(folder, "broken.yaml", BROKEN, article=None)
    window = make_app(dirs=[folder]).window
    tried: list[Path] = []
    monkeypatch.setattr(dialogs, "open_externally", lambda _p, path: tried.append(path) or path.is_dir())
    panel = window.home.empty_problems
    panel.list.setCurrentRow(0)
    panel.open_button.click()
    assert tried == [broken, broken.parent]
    assert QApplication.clipboard().text() == str(broken)
    [message] = scripted.texts("warn")
    assert "No program is set up to open broken.yaml" in message and str(broken) in message
    assert "folder is open" in message


def test_empty_state_offers_add_and_folder(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    window = make_app(dirs=[tmp_path / "none"]).window
    assert window.home.pages.currentIndex() == 1
    assert "No decks yet" in window.home.empty_text.text()
    window.home.empty_folder.click()
    assert scripted.opened == [window.core.paths.questions]
    window.home.empty_add.click()  # file picker cancelled: nothing happens
    assert ("open_file", "Add question file", "") in scripted.calls


def test_reload_after_file_changes_on_disk(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    folder = tmp_path / "questions"
    path = write_deck(folder, "good.yaml", GOOD)
    window = make_app(dirs=[folder]).window
    window.open_reader("sample-deck")
    assert window.current_screen() is Screen.READER

    path.write_text(GOOD.replace("title: Sample deck", "title: Renamed deck"), encoding="utf-8")
    qtbot.waitUntil(lambda: _cell(window, 0, Column.TITLE) == "Renamed deck", timeout=5000)
    assert window.current_screen() is Screen.READER  # the screen is kept

    write_deck(folder, "second.yaml", GOOD.replace("sample-deck", "second-deck"))
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 2, timeout=5000)


def test_f5_reloads(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "good.yaml", GOOD)
    window = make_app(dirs=[folder]).window
    window.watcher.removePaths(window.watcher.files() + window.watcher.directories())
    write_deck(folder, "second.yaml", GOOD.replace("sample-deck", "second-deck"))
    assert window.reload_action.shortcut().toString() == "F5"
    with qtbot.waitSignal(window.reloaded, timeout=2000):
        window.reload_action.trigger()
    assert window.home.model.rowCount() == 2


def test_last_deck_font_size_and_geometry_are_remembered(make_app: Any, tmp_path: Path, settings: QSettings) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD)
    write_deck(folder, "b.yaml", GOOD.replace("sample-deck", "b-deck").replace("Sample deck", "B deck"))
    first = make_app(dirs=[folder])
    window = first.window
    window.home.select_deck("sample-deck")
    base = window.font_size
    larger = next(a for a in window.findChildren(type(window.reload_action)) if a.objectName() == "larger")
    assert "Ctrl+=" in [s.toString() for s in larger.shortcuts()]
    larger.trigger()
    window.resize(700, 500)
    window.close()
    first.close()

    again = make_app(dirs=[folder]).window
    assert again.home.current_deck_id() == "sample-deck"
    assert again.font_size == base + 1
    assert again.size().width() == 700


def test_a_first_start_writes_no_settings_until_the_window_closes(
        make_app: Any, tmp_path: Path, settings: QSettings, qtbot: Any) -> None:
    """The deck list selects its first deck on a first start; keeping that in the settings file
    at once cost two flushes (the file and its lock) before the first paint. It is kept when the
    window closes, with the window's geometry, in one write."""
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD)
    running = make_app(dirs=[folder])
    window = running.window
    with qtbot.waitSignal(window.firstPainted, timeout=5000):
        window.show()
    for _ in range(3):  # QSettings writes a change on a later turn of the event loop
        QApplication.processEvents()
    assert window.current_deck == "sample-deck"
    assert not Path(settings.fileName()).exists()
    window.close()
    settings.sync()
    assert QSettings(settings.fileName(), QSettings.Format.IniFormat).value("home/last_deck") == "sample-deck"


def test_a_start_that_changes_no_setting_does_not_rewrite_the_settings_file(
        make_app: Any, tmp_path: Path, settings: QSettings) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD)
    for _ in range(2):  # the second start settles the geometry (offscreen adds a frame offset once)
        first = make_app(dirs=[folder])
        first.window.home.select_deck("sample-deck")
        first.window.close()
        first.close()
    settings.sync()
    written = Path(settings.fileName()).stat()
    again = make_app(dirs=[folder])  # home selects the remembered deck again
    assert again.window.current_deck == "sample-deck"
    again.window.close()  # saves an unchanged geometry
    again.close()
    settings.sync()
    after = Path(settings.fileName()).stat()
    assert (after.st_ino, after.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_every_control_has_an_accessible_name(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    window = make_app(dirs=[tmp_path / "q"]).window
    window.open_reader("sample-deck")
    window.go_home()
    unnamed = [
        w for w in window.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QLabel)) and w.isVisibleTo(window) and not w.accessibleName()
        and not w.objectName().startswith("qt_")  # Qt's own helpers (menu bar extension)
    ]
    unnamed = [w for w in unnamed if not (isinstance(w, QAbstractButton) and w.parent().metaObject().className() == "QDialogButtonBox")]
    assert [(type(w).__name__, getattr(w, "text", lambda: "")()) for w in unnamed] == []


def test_home_and_statistics_agree_on_mastered() -> None:
    from studyapp import stats
    from studyapp.ui import deck_model

    assert deck_model.MASTERED_STABILITY_DAYS == stats.MASTERED_STABILITY_DAYS


def test_deck_model_passes_qtmodeltester(qtmodeltester: Any) -> None:
    model = DeckTableModel()
    model.set_rows([
        DeckRow("a", "<b>A</b>", 10, 2, 3, 3, 5, 0.8, True, 0),
        DeckRow("b", "B", 0, 0, 0, 0, 0, None, False, 1),
    ])
    qtmodeltester.check(model)
    assert model.data(model.index(0, Column.MASTERY)) == "50%"
    assert model.data(model.index(0, Column.TITLE)) == "<b>A</b>"
    assert model.data(model.index(1, Column.LAST_SCORE)) == "—"
    assert model.headerData(Column.DUE, Qt.Orientation.Horizontal) == "Due"
    assert model.headerData(Column.DUE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Flashcards due today"


def test_deck_list_sorts_by_a_column_and_keeps_the_selection(make_app: Any, tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD)
    small = GOOD.replace("sample-deck", "small-deck").replace("Sample deck", "Small deck")
    small = small[: small.index("  - id: sanctions")]
    write_deck(folder, "b.yaml", small)
    window = make_app(dirs=[folder]).window
    home = window.home
    home.select_deck("sample-deck")
    home.table.sortByColumn(Column.QUESTIONS, Qt.SortOrder.AscendingOrder)
    first = home.sorted.index(0, Column.TITLE).data()
    assert first == "Small deck"
    assert home.current_deck_id() == "sample-deck"
    home.table.sortByColumn(Column.QUESTIONS, Qt.SortOrder.DescendingOrder)
    assert home.sorted.index(0, Column.TITLE).data() == "Sample deck"
    window.reload()
    assert home.current_deck_id() == "sample-deck"


def test_help_format_and_about(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    from studyapp.ui.help_dialog import FormatHelpDialog

    window = make_app(dirs=[tmp_path / "q"]).window
    window.show_format_help()
    dialog = window.findChild(FormatHelpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for kind in ("choice", "multi", "truefalse", "text", "cloze", "order", "match", "card"):
        assert kind in text
    dialog.close()
    window.show_about()
    [about] = scripted.texts("inform")
    assert str(window.core.paths.questions) in about


def test_a_second_file_with_the_same_deck_id_shows_under_the_deck(make_app: Any, tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD)
    write_deck(folder, "b.yaml", GOOD.replace("Sample deck", "Copy"))
    window = make_app(dirs=[folder]).window
    assert window.home.model.rowCount() == 1
    [line] = window.home.problems.lines()
    assert "deck id 'sample-deck' is already used by" in line
    assert window.home.deck_problems.isVisibleTo(window.home)
    assert window.home.deck_problems.text().startswith("1 problem in this deck's file")


def test_study_button_counts_new_cards_within_todays_limit(make_app: Any, tmp_path: Path) -> None:
    """A fresh deck of 25 cards said 'Study flashcards (0 due)', as if there were nothing to
    study; like Anki it now shows today's new cards, capped by the daily limit of 20."""
    from datetime import timedelta

    from window_samples import FIXED_NOW

    from studyapp.grading import Outcome
    from studyapp.store import Attempt, Mode
    from studyapp.study.scheduling import CardScheduler, Rating
    from studyapp.ui.deck_model import deck_rows

    questions = "".join(
        f"  - {{id: q{i}, type: card, prompt: 'Front {i}', answer: 'Back {i}'}}\n" for i in range(25)
    )
    folder = tmp_path / "q"
    write_deck(folder, "many.yaml", f"deck: many\ntitle: Many\nquestions:\n{questions}", article=None)
    running = make_app(dirs=[folder])
    window = running.window
    window.home.select_deck("many")
    assert window.home.study_button.text() == "Study flashcards (0 due · 20 new)"

    store = running.core.store
    scheduler = CardScheduler(fuzz=False)
    for i in range(5):  # five new cards studied earlier today, rated Easy: not due again today
        when = FIXED_NOW - timedelta(minutes=30 - i)
        card = scheduler.rate("many", f"q{i}", None, Rating.Easy, when)
        attempt = Attempt("many", f"q{i}", "h", Mode.REVIEW, '"easy"', Outcome.RIGHT, 1.0, 900, when, rating=4)
        store.record_attempt(attempt, card)
    [row] = deck_rows(window.bank, store, FIXED_NOW, store.tz)
    assert (row.due, row.new, row.new_today) == (0, 20, 15)
    # With nothing stored the list takes the default limit without reading the study settings;
    # once settings are stored they count (the default for every deck, then the deck's own).
    from studyapp.study.limits import DEFAULT_NEW_LIMIT
    from studyapp.study.study_settings import SettingsBook, StudySettings

    assert StudySettings().new_per_day == DEFAULT_NEW_LIMIT
    SettingsBook(store).save(None, StudySettings(new_per_day=8))
    [row] = deck_rows(window.bank, store, FIXED_NOW, store.tz)
    assert row.new_today == 3
    SettingsBook(store).save("many", StudySettings(new_per_day=11))
    [row] = deck_rows(window.bank, store, FIXED_NOW, store.tz)
    assert row.new_today == 6


def test_a_long_deck_name_wraps_instead_of_being_cut_at_800_px(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    """Issue 16: at 800 px wide (or with a larger text size) the deck list cut names to
    "Belarus a…" while the number columns kept their width; the name now wraps in full."""
    from PySide6.QtGui import QFontMetrics

    title = "Belarus and the West after the 2025 election, read closely"
    folder = tmp_path / "questions"
    write_deck(folder, "a.yaml", GOOD.replace("Sample deck", title))
    window = make_app(dirs=[folder]).window
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    table = window.home.table
    index = table.model().index(0, Column.TITLE)
    qtbot.waitUntil(lambda: table.rowHeight(0) > QFontMetrics(table.font()).height() * 2)
    rect = table.visualRect(index)
    metrics = QFontMetrics(table.font())
    needed = metrics.boundingRect(rect.adjusted(4, 0, -4, 0), int(Qt.TextFlag.TextWordWrap), title)
    assert metrics.horizontalAdvance(title) > rect.width()  # too long for one line here
    assert table.rowHeight(0) >= needed.height()  # so the row is tall enough for all of it
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
