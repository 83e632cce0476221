"""The review step of a draft: the question editor's form for every field, edits that survive a row
change, closing that asks first, rows with problems named at Save, why and from which sentence,
a saved draft reviewed again (and saved back with the old version kept), the title from the heading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot
from draft_dialogs import ARTICLE, REPO, keep_draft_dialogs_alive, new_draft_dialog  # noqa: F401 (autouse fixture)
from window_samples import ScriptedDialogs

from studyapp.authoring.saving import versions
from studyapp.bank.loader import check_file
from studyapp.bank.model import ChoiceQuestion, ClozeQuestion, MatchQuestion, TrueFalseQuestion
from studyapp.ui.draft_dialog import DraftDialog

APOLLO = REPO / "tests" / "data" / "articles" / "en-apollo-computer.txt"

_empty = new_draft_dialog


def _dialog(qtbot: QtBot, target: Path, article: Path = ARTICLE) -> DraftDialog:
    dialog = _empty(qtbot, target)
    with qtbot.waitSignal(dialog.drafted, timeout=20000):
        dialog.load_article(article)
    return dialog


def _row(dialog: DraftDialog, kind: type) -> int:
    return next(i for i, q in enumerate(dialog.questions) if isinstance(q, kind))


def _field(dialog: DraftDialog, name: str) -> QLineEdit | QPlainTextEdit:
    edit = dialog.editor.form.rows[name].input
    assert isinstance(edit, QLineEdit | QPlainTextEdit)
    return edit


def _set(dialog: DraftDialog, name: str, text: str) -> None:
    edit = _field(dialog, name)
    edit.setPlainText(text) if isinstance(edit, QPlainTextEdit) else edit.setText(text)


def _save(qtbot: QtBot, dialog: DraftDialog) -> Path:
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        dialog.save()
    path = blocker.args[0]
    assert isinstance(path, Path)
    return path


def test_distractors_typed_in_the_review_are_saved(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    row = _row(dialog, ChoiceQuestion)
    old = dialog.questions[row]
    assert isinstance(old, ChoiceQuestion)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=dialog.list.visualItemRect(dialog.list.item(row)).center())
    assert dialog.list.currentRow() == row
    choices = _field(dialog, "choices")
    assert choices.toPlainText().splitlines() == list(old.choices)  # every option is shown
    choices.setFocus()
    choices.selectAll()
    qtbot.keyClicks(choices, "\n".join([old.answer, "Lithuania", "Poland", "Latvia"]).replace("\n", "\r"))
    with qtbot.waitSignal(dialog.review.changed, timeout=3000):
        pass  # the check after typing (debounced) runs without any click
    assert dialog.review.rows[row].problems == ()
    assert dialog.questions[row] != old and "1 edited" in dialog.pending_changes()
    dialog.deck_edit.setText("reviewed")
    deck, problems = check_file(_save(qtbot, dialog))
    assert deck is not None and problems == ()
    saved = deck.question(old.id)
    assert isinstance(saved, ChoiceQuestion)
    assert saved.choices == (old.answer, "Lithuania", "Poland", "Latvia") and saved.answer == old.answer
    assert scripted.texts("warn") == []


def test_an_edit_is_kept_when_another_row_is_clicked(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(1)
    _set(dialog, "explanation", "Said on the day of the statement.")
    dialog.list.setCurrentRow(2)  # at once: no Apply button, no wait for the check
    assert dialog.list.currentRow() == 2
    assert dialog.questions[1].explanation == "Said on the day of the statement."
    assert 1 in dialog.edited_rows and "1 edited" in dialog.pending_changes()
    assert dialog.list.item(1).font().italic() and not dialog.list.item(2).font().italic()  # edited rows stand out
    dialog.list.setCurrentRow(1)
    assert _field(dialog, "explanation").toPlainText() == "Said on the day of the statement."


def test_an_invalid_edit_stays_in_its_row_which_is_marked_and_named_at_save(qtbot: QtBot, tmp_path: Path,
                                                                             scripted: ScriptedDialogs) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    row = _row(dialog, ClozeQuestion)
    dialog.list.setCurrentRow(row)
    _set(dialog, "text", "No gap left here.")
    other = row + 1 if row + 1 < dialog.list.count() else row - 1
    dialog.list.setCurrentRow(other)
    assert dialog.list.currentRow() == other  # the person may move on
    assert dialog.list.item(row).text().startswith("⚠") and "to fix or drop before saving: 1" in dialog.summary.text()
    dialog.list.setCurrentRow(row)
    assert _field(dialog, "text").toPlainText() == "No gap left here."  # nothing typed is lost
    assert not dialog.editor.form.rows["text"].problem.isHidden()
    assert dialog.editor.form.rows["text"].problem.text()
    dialog.list.setCurrentRow(other)
    dialog.save()
    assert dialog.isVisible() and dialog.list.currentRow() == row
    warning = scripted.texts("warn")[0]
    assert f"{row + 1} ({dialog.questions[row].id})" in warning
    dialog.set_kept(row, False)  # dropping it is the other way out
    path = _save(qtbot, dialog)
    deck, problems = check_file(path)
    assert deck is not None and problems == () and deck.question(dialog.questions[row].id) is None


def test_a_problem_is_shown_under_its_field_as_the_person_types(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    row = _row(dialog, ChoiceQuestion)
    old = dialog.questions[row]
    dialog.list.setCurrentRow(row)
    answer = _field(dialog, "answer")
    answer.setFocus()
    answer.selectAll()
    qtbot.keyClicks(answer, "Atlantis")
    problem = dialog.editor.form.rows["answer"].problem
    qtbot.waitUntil(problem.isVisible, timeout=3000)
    assert problem.text() == "answer 'Atlantis' is not one of the choices"  # the message `studyapp check` gives
    assert problem.textFormat() == Qt.TextFormat.PlainText
    assert isinstance(old, ChoiceQuestion)  # a new answer never renames an option behind the person's back
    assert _field(dialog, "choices").toPlainText().splitlines() == list(old.choices) and dialog.questions[row] == old


def test_every_field_of_every_type_can_be_changed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    row = _row(dialog, TrueFalseQuestion)
    dialog.list.setCurrentRow(row)
    assert set(dialog.editor.form.rows) >= {"id", "prompt", "answer", "explanation", "quote", "tags"}
    dialog.editor.type_box.setCurrentText("match")
    assert "pairs" in dialog.editor.form.rows
    _set(dialog, "pairs", "Minsk → Belarus\nKyiv → Ukraine\nVilnius → Lithuania")
    _set(dialog, "tags", "capitals, draft")
    dialog.review.check_now()
    q = dialog.questions[row]
    assert isinstance(q, MatchQuestion) and dict(q.pairs) == {"Minsk": "Belarus", "Kyiv": "Ukraine", "Vilnius": "Lithuania"}
    assert q.tags == ("capitals", "draft") and not dialog.review.rows[row].problems
    _set(dialog, "quote", "Words the article never says.")
    dialog.review.check_now()
    assert "is not in the source" in dialog.editor.form.rows["quote"].problem.text()


def test_escape_asks_before_dropping_edited_or_unticked_questions(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.set_kept(0, False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.close_box
    assert box is not None and box.isVisible() and "1 dropped" in box.text() and dialog.isVisible()
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible()
    dialog.target.buttons.button(dialog.target.buttons.StandardButton.Cancel).click()
    box = dialog.close_box
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(dialog.rejected):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert not dialog.isVisible()


def test_escape_asks_about_an_edit_still_being_typed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(0)
    prompt = _field(dialog, "id")
    prompt.setFocus()
    qtbot.keyClicks(prompt, "-x")
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)  # before the check ran
    box = dialog.close_box
    assert box is not None and box.isVisible() and "1 edited" in box.text()


def test_escape_without_changes_closes_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.close_box is None and not dialog.isVisible()


def test_each_question_shows_why_it_was_proposed_and_its_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        q = dialog.questions[row]
        assert dialog.editor.why_label.text() and q.quote and q.quote in dialog.editor.quote_label.text()
        assert dialog.editor.quote_label.textFormat() == Qt.TextFormat.PlainText


def test_keep_and_drop_buttons(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(3)
    total = len(dialog.kept())
    qtbot.mouseClick(dialog.editor.keep_button, Qt.MouseButton.LeftButton)
    assert len(dialog.kept()) == total - 1 and dialog.editor.keep_button.text() == "Keep"
    qtbot.mouseClick(dialog.editor.keep_button, Qt.MouseButton.LeftButton)
    assert len(dialog.kept()) == total and dialog.editor.keep_button.text() == "Drop"


def test_a_saved_draft_is_reviewed_again_and_saved_back_with_the_old_version_kept(
        qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    target = tmp_path / "data" / "questions"
    first = _dialog(qtbot, target)
    first.deck_edit.setText("belarus-draft")
    first.title_edit.setText("Belarus, drafted")
    first.set_kept(0, False)
    written = _save(qtbot, first)
    before = written.read_bytes()
    kept = len(first.kept())

    again = _empty(qtbot, target)
    scripted.files_to_open.append(written)
    with qtbot.waitSignal(again.drafted):
        again.choose_draft()
    assert again.list.count() == kept and again.deck_edit.text() == "belarus-draft"
    assert again.title_edit.text() == "Belarus, drafted" and again.article is not None
    row = _row(again, ChoiceQuestion)
    again.list.setCurrentRow(row)
    _set(again, "prompt", "Which country fills the blank?")
    again.set_kept(0, False)
    _save(qtbot, again)  # the draft under review is saved back without a "Replace?" question
    assert again.replace_box is None
    deck, problems = check_file(written)
    assert deck is not None and problems == () and len(deck.questions) == kept - 1
    assert deck.question(again.questions[row].id).prompt == "Which country fills the blank?"  # type: ignore[union-attr]
    old = versions(tmp_path / "data" / "history", written)
    assert len(old) == 1 and old[0].read_bytes() == before


def test_reviewing_a_file_that_is_not_a_draft_warns(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text("deck: plain\ntitle: Plain\nquestions:\n  - id: a\n    type: card\n    prompt: p\n    answer: a\n",
                     encoding="utf-8")
    dialog = _empty(qtbot, tmp_path / "questions")
    assert not dialog.load_draft(plain)
    assert "names no article" in scripted.texts("warn")[0] and dialog.list.count() == 0


def test_the_title_defaults_to_the_article_heading(qtbot: QtBot, tmp_path: Path) -> None:
    assert _dialog(qtbot, tmp_path / "q", APOLLO).title_edit.text() == "Apollo Computer"
    # The bundled article starts with its text: its first section's heading, not the file's name (a number)
    assert _dialog(qtbot, tmp_path / "q2", ARTICLE).title_edit.text() == "Belarus pushes for dialogue amid Western criticism"
    plain = tmp_path / "no-heading-at-all.txt"
    plain.write_text("Apollo Computer was founded in 1980 in Chelmsford, Massachusetts, by William Poduska.\n",
                     encoding="utf-8")
    assert _dialog(qtbot, tmp_path / "q3", plain).title_edit.text() == "No heading at all"


def test_file_menu_review_a_draft_opens_the_chosen_draft(make_app: Any, tmp_path: Path, qtbot: QtBot,
                                                        scripted: ScriptedDialogs) -> None:
    folder = tmp_path / "q"
    first = _dialog(qtbot, folder)
    first.deck_edit.setText("menu-draft")
    written = _save(qtbot, first)
    window = make_app(dirs=[folder]).window
    action = next(a for a in window.findChildren(type(window.reload_action)) if a.objectName() == "ReviewDraft")
    scripted.files_to_open.append(written)
    action.trigger()
    dialog = next(w for w in window.findChildren(DraftDialog))
    assert dialog.deck_edit.text() == "menu-draft" and dialog.list.count() == len(first.kept())
    dialog.close()


def test_choosing_another_article_asks_before_dropping_the_review(qtbot: QtBot, tmp_path: Path,
                                                                  scripted: ScriptedDialogs) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.set_kept(0, False)
    before = list(dialog.questions)
    scripted.files_to_open.append(APOLLO)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    box = dialog.close_box
    assert box is not None and box.isVisible() and dialog.questions == before
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.No).click()
    assert dialog.questions == before
    scripted.files_to_open.append(APOLLO)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    box = dialog.close_box
    assert box is not None
    with qtbot.waitSignal(dialog.drafted, timeout=20000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.article == APOLLO and dialog.questions != before and dialog.pending_changes() == ""


def test_enter_in_a_field_does_not_save_and_ctrl_s_does(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(_row(dialog, ChoiceQuestion))
    answer = _field(dialog, "answer")
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and not (tmp_path / "questions").exists()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(answer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()


def test_tab_goes_from_the_list_through_every_field_to_save(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(_row(dialog, ChoiceQuestion))
    dialog.editor.type_box.setCurrentText("order")  # the fields of another type, built later
    qtbot.waitUntil(lambda: dialog.editor.form.rows["items"].input.isVisible())
    dialog.list.setFocus()
    order = []
    for _ in range(len(dialog.editor.form.rows) + 3):
        dialog.focusNextChild()
        order.append(dialog.focusWidget())
    fields = [row.input for row in dialog.editor.form.rows.values()]
    assert order == [dialog.editor.type_box, dialog.editor.keep_button, *fields, dialog.save_button]


def test_a_draft_written_by_studyapp_draft_is_reviewed_and_saved_back_where_it_is(
        qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    from studyapp.cli import main

    notes = tmp_path / "notes"
    notes.mkdir()
    article = notes / APOLLO.name
    article.write_bytes(APOLLO.read_bytes())
    assert main(["draft", str(article), "--deck", "apollo", "--title", "Apollo"]) == 0
    written = notes / "apollo.yaml"
    dialog = _empty(qtbot, tmp_path / "data" / "questions")
    scripted.files_to_open.append(written)
    with qtbot.waitSignal(dialog.drafted):
        dialog.choose_draft()
    assert dialog.deck_edit.text() == "apollo" and dialog.article == article.resolve()
    dialog.set_kept(0, False)
    assert _save(qtbot, dialog) == written and dialog.replace_box is None
    deck, problems = check_file(written)
    assert deck is not None and problems == () and len(deck.questions) == dialog.list.count() - 1
    assert len(versions(tmp_path / "data" / "history", written)) == 1
    assert not (tmp_path / "data" / "questions").exists()  # nothing written beside it in the question folder


def test_the_keyboard_moves_between_questions_and_drops_from_inside_a_field(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(2)
    explanation = _field(dialog, "explanation")
    explanation.setFocus()
    qtbot.keyClick(explanation, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(explanation, " Checked.")
    qtbot.keyClick(explanation, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert dialog.list.currentRow() == 3 and (dialog.questions[2].explanation or "").endswith(" Checked.")
    field = _field(dialog, "explanation")
    assert dialog.focusWidget() is field  # the same field of the next question: the keys go on working
    qtbot.keyClick(field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.review.is_kept(3) and dialog.editor.keep_button.text() == "Keep"
    qtbot.keyClick(field, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert dialog.list.currentRow() == 2 and _field(dialog, "explanation").toPlainText().endswith(" Checked.")


def test_the_summary_counts_one_question_in_the_singular(qtbot: QtBot, tmp_path: Path) -> None:
    article = tmp_path / "treaty.txt"
    article.write_text("The treaty was signed in Brest on March 3, 1918.\n", encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path / "questions", article)
    assert dialog.list.count() == 1
    assert dialog.summary.text() == "1 of 1 question kept"
    dialog.set_kept(0, False)
    assert dialog.summary.text().startswith("0 of 1 question kept")
