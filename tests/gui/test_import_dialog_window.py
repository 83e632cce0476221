"""File → Import… in the window: names derived anew per file, unusable files said at once,
line breaks kept out of the preview rows, separators chosen, and the saved deck selected on home."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_samples import ScriptedDialogs

from studyapp.ui.import_dialog import ImportDialog


def _dialog(qtbot: QtBot, tmp_path: Path) -> ImportDialog:
    dialog = ImportDialog(tmp_path / "questions")
    qtbot.addWidget(dialog)
    return dialog


def _load(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.load_file(path)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=30_000)  # two busy cores shared with others


def test_another_file_gets_its_own_deck_id_and_title(qtbot: QtBot, tmp_path: Path) -> None:
    first, second = tmp_path / "picture.txt", tmp_path / "world_capitals.csv"
    first.write_text("a\tb\n", encoding="utf-8")
    second.write_text("Minsk,Capital of Belarus\n", encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    _load(qtbot, dialog, first)
    assert (dialog.target.deck_id, dialog.target.title) == ("picture", "Picture")
    _load(qtbot, dialog, second)
    assert (dialog.target.deck_id, dialog.target.title) == ("world-capitals", "World capitals")


def test_png_empty_and_too_large_files_say_so_with_save_disabled(qtbot: QtBot, tmp_path: Path) -> None:
    png, empty, big = tmp_path / "photo.png", tmp_path / "empty.csv", tmp_path / "big.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    empty.write_bytes(b"")
    big.write_text("".join(f"term {i}\tdefinition number {i} of a list long enough to pass 1 MiB\n" for i in range(20_000)),
                   encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    _load(qtbot, dialog, png)
    assert dialog.summary.text() == (f"{png}: not a text export or a package (a PNG image); "
                                     "export the deck as text (.txt, .csv), GIFT or .apkg")
    assert not dialog.save_button.isEnabled()
    _load(qtbot, dialog, empty)
    assert dialog.summary.text() == f"{empty}: the file is empty; there is nothing to import"
    assert not dialog.save_button.isEnabled()
    _load(qtbot, dialog, big)
    assert dialog.preview.count() == 20_000
    assert dialog.summary.text().startswith("20,000 questions: too many for one question file (at most 1 MiB)")
    assert not dialog.save_button.isEnabled()


def test_an_answer_with_a_line_break_stays_on_one_preview_row(qtbot: QtBot, tmp_path: Path) -> None:
    src = tmp_path / "lines.csv"
    src.write_text('"Minsk","Capital\nof Belarus"\n', encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    _load(qtbot, dialog, src)
    assert dialog.preview.item(0).text() == "[card] Capital ⏎ of Belarus  ·  Minsk"


def test_chosen_separators_read_the_file_again(qtbot: QtBot, tmp_path: Path) -> None:
    src = tmp_path / "custom.txt"
    src.write_text("Minsk - Capital of Belarus|Riga - Capital of Latvia|", encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    _load(qtbot, dialog, src)
    dialog.field_sep.setEditText(" - ")
    dialog.row_sep.setEditText("|")
    dialog.load_file(src, keep_names=True)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=5000)
    assert [dialog.preview.item(i).text() for i in range(dialog.preview.count())] == [
        "[card] Capital of Belarus  ·  Minsk", "[card] Capital of Latvia  ·  Riga"]


def test_saving_an_import_selects_the_new_deck_and_says_so(
    make_app: Any, tmp_path: Path, scripted: ScriptedDialogs, qtbot: QtBot
) -> None:
    src = tmp_path / "capitals.csv"
    src.write_text("term,definition\nMinsk,Capital of Belarus\nRiga,Capital of Latvia\n", encoding="utf-8")
    running = make_app(dirs=None)
    window = running.window
    scripted.files_to_open.append(src)
    action = next(a for a in window.findChildren(QAction) if a.objectName() == "ImportDialog")
    action.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    dialog.choose_file()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=5000)
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert window.home.current_deck_id() == "capitals"
    assert window.statusBar().currentMessage() == "Saved deck 'capitals' in your question folder."


def test_saving_a_draft_selects_the_new_deck_too(
    make_app: Any, tmp_path: Path, scripted: ScriptedDialogs, qtbot: QtBot
) -> None:
    from studyapp.ui.draft_dialog import DraftDialog

    article = Path(__file__).resolve().parents[2] / "seeds" / "000_f104dea7fb288af0.txt"
    running = make_app(dirs=None)
    window = running.window
    scripted.files_to_open.append(article)
    action = next(a for a in window.findChildren(QAction) if a.objectName() == "DraftDialog")
    action.trigger()
    dialog = window.findChild(DraftDialog)
    assert dialog is not None
    with qtbot.waitSignal(dialog.drafted, timeout=20000):  # drafted on a worker thread
        dialog.choose_article()
    dialog.deck_edit.setText("belarus-draft")
    dialog.save()
    assert window.home.current_deck_id() == "belarus-draft"
    assert window.statusBar().currentMessage() == "Saved deck 'belarus-draft' in your question folder."
