"""File → New deck from article…: pick, review (keep / edit / drop), save into the question folder."""

from __future__ import annotations

from pathlib import Path


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot
from draft_dialogs import ARTICLE, keep_draft_dialogs_alive, new_draft_dialog  # noqa: F401 (autouse fixture)
from window_samples import ScriptedDialogs

from studyapp.bank.loader import check_file
from studyapp.bank.model import ChoiceQuestion, ClozeQuestion, TrueFalseQuestion
from studyapp.ui.draft_dialog import DraftDialog



_dialog = new_draft_dialog


def _load(qtbot: QtBot, dialog: DraftDialog, article: Path = ARTICLE) -> None:
    """Draft ``article`` and wait for the worker to fill the review."""
    with qtbot.waitSignal(dialog.drafted, timeout=20000):
        dialog.load_article(article)


def _set(dialog: DraftDialog, field: str, text: str) -> None:
    """Type ``text`` into the editor's ``field`` (as the person would, replacing what is there)."""
    edit = dialog.editor.form.rows[field].input
    assert isinstance(edit, QLineEdit | QPlainTextEdit)
    edit.setPlainText(text) if isinstance(edit, QPlainTextEdit) else edit.setText(text)


def test_review_keep_edit_drop_then_save(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    target = tmp_path / "questions"
    dialog = _dialog(qtbot, target)
    assert not dialog.save_button.isEnabled()
    scripted.files_to_open.append(ARTICLE)
    with qtbot.waitSignal(dialog.drafted, timeout=20000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() >= 12 and dialog.article_label.text() == str(ARTICLE)
    dialog.deck_edit.setText("belarus-draft")
    dialog.title_edit.setText("Belarus, drafted")
    assert dialog.save_button.isEnabled()

    # drop the first two
    dialog.set_kept(0, False)
    dialog.set_kept(1, False)
    # edit a choice question: new prompt and a respelled answer (in the choices too)
    row = next(i for i, q in enumerate(dialog.questions) if isinstance(q, ChoiceQuestion) and i > 1)
    dialog.list.setCurrentRow(row)
    old = dialog.questions[row]
    assert isinstance(old, ChoiceQuestion)
    assert dialog.editor.form.rows["answer"].value() == old.answer
    _set(dialog, "prompt", "Edited prompt: who or what fills the blank?")
    _set(dialog, "choices", "\n".join(old.answer + " (edited)" if c == old.answer else c for c in old.choices))
    _set(dialog, "answer", old.answer + " (edited)")
    dialog.review.check_now()
    assert not dialog.review.rows[row].problems
    assert "(edited)" in dialog.list.item(row).text()
    # an invalid edit is shown under its field and marks the row
    tf_row = next(i for i, q in enumerate(dialog.questions) if isinstance(q, TrueFalseQuestion))
    dialog.list.setCurrentRow(tf_row)
    _set(dialog, "prompt", "")
    dialog.review.check_now()
    assert dialog.editor.form.rows["prompt"].problem.text() and dialog.list.item(tf_row).text().startswith("⚠")
    tf = dialog.questions[tf_row]
    assert isinstance(tf, TrueFalseQuestion)
    _set(dialog, "prompt", tf.prompt or "")  # undo it, or Save would name the row
    dialog.review.check_now()
    assert not dialog.list.item(tf_row).text().startswith("⚠")
    # true/false answers are chosen, not typed
    assert isinstance(dialog.editor.form.rows["answer"].input, QComboBox)
    # cloze: the answer is edited inside the text
    cz_row = next(i for i, q in enumerate(dialog.questions) if isinstance(q, ClozeQuestion))
    dialog.list.setCurrentRow(cz_row)
    assert "answer" not in dialog.editor.form.rows and "{{" in str(dialog.editor.form.rows["text"].value())

    kept = len(dialog.kept())
    assert kept == dialog.list.count() - 2
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    written = blocker.args[0]
    assert written == target / "belarus-draft.yaml"
    deck, problems = check_file(written)
    assert problems == () and deck is not None
    assert len(deck.questions) == kept and deck.title == "Belarus, drafted"
    edited = deck.question(old.id)
    assert isinstance(edited, ChoiceQuestion) and edited.prompt == "Edited prompt: who or what fills the blank?"
    assert edited.answer == old.answer + " (edited)" and edited.answer in edited.choices
    assert (target / ARTICLE.name).read_bytes() == ARTICLE.read_bytes()  # article copied beside it for `source`
    assert scripted.texts("warn") == []
    assert dialog.result() == DraftDialog.DialogCode.Accepted


def test_existing_foreign_file_is_not_replaced(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    target = tmp_path / "questions"
    target.mkdir()
    (target / "mine.yaml").write_text("deck: mine\n", encoding="utf-8")
    dialog = _dialog(qtbot, target)
    _load(qtbot, dialog)
    dialog.deck_edit.setText("mine")
    dialog.save()
    assert scripted.texts("warn") and "not written by studyapp" in scripted.texts("warn")[0]
    assert (target / "mine.yaml").read_text(encoding="utf-8") == "deck: mine\n"
    assert dialog.isVisible()


def test_unreadable_article_warns(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    dialog = _dialog(qtbot, tmp_path / "q")
    dialog.load_article(bad)
    qtbot.waitUntil(lambda: bool(scripted.texts("warn")))
    assert "not UTF-8" in scripted.texts("warn")[0] and not dialog.task.running
    assert dialog.list.count() == 0 and not dialog.save_button.isEnabled()


def _draft_over(qtbot: QtBot, target: Path) -> tuple[DraftDialog, Path]:
    """A dialog whose Save would replace ``belarus-draft.yaml``, written before by studyapp."""
    first = _dialog(qtbot, target)
    _load(qtbot, first)
    first.deck_edit.setText("belarus-draft")
    first.title_edit.setText("First")
    first.save()
    written = target / "belarus-draft.yaml"
    assert check_file(written)[0] is not None
    dialog = _dialog(qtbot, target)
    _load(qtbot, dialog)
    dialog.deck_edit.setText("belarus-draft")
    dialog.title_edit.setText("Second")
    return dialog, written


def test_replacing_a_file_asks_first_and_no_keeps_it(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    dialog, written = _draft_over(qtbot, tmp_path / "questions")
    before = written.read_bytes()
    dialog.save()
    box = dialog.replace_box
    assert box is not None and box.isVisible() and str(written) in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.No).click()
    assert written.read_bytes() == before and dialog.isVisible()

    dialog.save()
    box = dialog.replace_box
    assert box is not None
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    deck, _ = check_file(written)
    assert deck is not None and deck.title == "Second"
    assert sorted(p.name for p in written.parent.iterdir()) == sorted([written.name, ARTICLE.name])  # no temporary file
    assert scripted.texts("warn") == []


def test_the_database_is_never_a_target(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    """A question file that is a link to the database is not written through (nor replaced)."""
    data = tmp_path / "data"
    (data / "questions").mkdir(parents=True)
    database = data / "studyapp.sqlite3"
    database.write_bytes(b"SQLite format 3\x00 answers")
    (data / "questions" / "belarus-draft.yaml").symlink_to(database)
    dialog = _dialog(qtbot, data / "questions")
    _load(qtbot, dialog)
    dialog.deck_edit.setText("belarus-draft")
    dialog.save()
    assert "is studyapp's database" in scripted.texts("warn")[0]
    assert dialog.replace_box is None and dialog.isVisible()
    assert database.read_bytes() == b"SQLite format 3\x00 answers"


def test_an_article_with_nothing_to_ask_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    article = tmp_path / "quiet.txt"
    article.write_text("it rained. then it stopped raining and the sun came out again over the hills.\n",
                       encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path / "questions")
    _load(qtbot, dialog, article)
    assert dialog.list.count() == 0 and "No question could be drafted from quiet.txt" in dialog.summary.text()
    assert not dialog.save_button.isEnabled()
