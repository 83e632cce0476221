"""The review step of a draft: edits survive a row change, closing asks first, choices are editable,
each question says why it was proposed, a saved draft can be reviewed again, the title is the heading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from window_samples import ScriptedDialogs

from studyapp.bank.loader import check_file
from studyapp.bank.model import ChoiceQuestion, ClozeQuestion
from studyapp.ui.draft_dialog import DraftDialog

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "seeds" / "000_f104dea7fb288af0.txt"
APOLLO = REPO / "tests" / "data" / "articles" / "en-apollo-computer.txt"


def _dialog(qtbot: QtBot, target: Path, article: Path = ARTICLE) -> DraftDialog:
    dialog = DraftDialog(target)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.load_article(article)
    return dialog


def _row(dialog: DraftDialog, kind: type) -> int:
    return next(i for i, q in enumerate(dialog.questions) if isinstance(q, kind))


def test_an_edit_is_kept_when_another_row_is_clicked(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(1)
    dialog.prompt_edit.setPlainText(dialog.prompt_edit.toPlainText() + " Edited.")
    dialog.list.setCurrentRow(2)  # no Apply
    assert dialog.list.currentRow() == 2
    q = dialog.questions[1]
    assert (q.text if isinstance(q, ClozeQuestion) else q.prompt or "").endswith(" Edited.")
    assert 1 in dialog.edited_rows and "edited" in dialog.pending_changes()


def test_an_invalid_edit_keeps_its_row_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    row = _row(dialog, ClozeQuestion)
    dialog.list.setCurrentRow(row)
    dialog.prompt_edit.setPlainText("No gap left here.")
    dialog.list.setCurrentRow(row + 1 if row + 1 < dialog.list.count() else row - 1)
    assert dialog.list.currentRow() == row and dialog.edit_error.text()
    assert dialog.prompt_edit.toPlainText() == "No gap left here."  # nothing typed is lost


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


def test_escape_without_changes_closes_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.close_box is None and not dialog.isVisible()


def test_choices_are_shown_and_edited_and_the_answer_never_rewrites_an_option(qtbot: QtBot, tmp_path: Path,
                                                                               scripted: ScriptedDialogs) -> None:
    target = tmp_path / "questions"
    dialog = _dialog(qtbot, target)
    row = _row(dialog, ChoiceQuestion)
    dialog.list.setCurrentRow(row)
    old = dialog.questions[row]
    assert isinstance(old, ChoiceQuestion)
    assert dialog.choices_edit.isEnabled() and dialog.choices_edit.toPlainText().splitlines() == list(old.choices)
    dialog.answer_edit.setText("Not an option")
    assert not dialog.apply_edit() and "not one of the choices" in dialog.edit_error.text()
    assert dialog.questions[row] == old
    wrong = next(c for c in old.choices if c != old.answer)
    dialog.choices_edit.setPlainText("\n".join("Atlantis" if c == wrong else c for c in old.choices))
    dialog.answer_edit.setText(old.answer)
    assert dialog.apply_edit()
    dialog.deck_edit.setText("reviewed")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        dialog.save()
    deck, problems = check_file(blocker.args[0])
    assert deck is not None and problems == ()
    saved = deck.question(old.id)
    assert isinstance(saved, ChoiceQuestion) and "Atlantis" in saved.choices and wrong not in saved.choices
    assert saved.answer == old.answer


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


def test_a_saved_draft_can_be_reviewed_again(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    target = tmp_path / "questions"
    first = _dialog(qtbot, target)
    first.deck_edit.setText("belarus-draft")
    first.title_edit.setText("Belarus, drafted")
    first.set_kept(0, False)
    with qtbot.waitSignal(first.saved, timeout=5000) as blocker:
        first.save()
    written = blocker.args[0]
    kept = len(first.kept())

    again = DraftDialog(target)
    qtbot.addWidget(again)
    again.show()
    scripted.files_to_open.append(written)
    again.choose_draft()
    assert again.list.count() == kept and again.deck_edit.text() == "belarus-draft"
    assert again.title_edit.text() == "Belarus, drafted" and again.article is not None
    again.set_kept(0, False)
    again.save()
    box = again.replace_box
    assert box is not None
    with qtbot.waitSignal(again.saved, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    deck, problems = check_file(written)
    assert deck is not None and problems == () and len(deck.questions) == kept - 1


def test_reviewing_a_file_that_is_not_a_draft_warns(qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text("deck: plain\ntitle: Plain\nquestions:\n  - id: a\n    type: card\n    prompt: p\n    answer: a\n",
                     encoding="utf-8")
    dialog = DraftDialog(tmp_path / "questions")
    qtbot.addWidget(dialog)
    assert not dialog.load_draft(plain)
    assert "names no article" in scripted.texts("warn")[0] and dialog.list.count() == 0


def test_the_title_defaults_to_the_article_heading(qtbot: QtBot, tmp_path: Path) -> None:
    assert _dialog(qtbot, tmp_path / "q", APOLLO).title_edit.text() == "Apollo Computer"
    assert _dialog(qtbot, tmp_path / "q2", ARTICLE).title_edit.text() == "000 f104dea7fb288af0"  # no heading: the name


def test_file_menu_review_a_draft_opens_the_chosen_draft(make_app: Any, tmp_path: Path, qtbot: QtBot,
                                                        scripted: ScriptedDialogs) -> None:
    folder = tmp_path / "q"
    first = _dialog(qtbot, folder)
    first.deck_edit.setText("menu-draft")
    with qtbot.waitSignal(first.saved, timeout=5000) as blocker:
        first.save()
    window = make_app(dirs=[folder]).window
    action = next(a for a in window.findChildren(type(window.reload_action)) if a.objectName() == "ReviewDraft")
    scripted.files_to_open.append(blocker.args[0])
    action.trigger()
    dialog = next(w for w in window.findChildren(DraftDialog))
    assert dialog.deck_edit.text() == "menu-draft" and dialog.list.count() == len(first.kept())
    dialog.close()


def test_the_explanation_is_shown_and_edited(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "questions")
    dialog.list.setCurrentRow(0)
    q = dialog.questions[0]
    assert q.explanation and dialog.editor.explanation_edit.toPlainText() == q.explanation
    dialog.editor.explanation_edit.setPlainText("Said on the day of the statement.")
    dialog.list.setCurrentRow(1)
    assert dialog.questions[0].explanation == "Said on the day of the statement."


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
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.article == APOLLO and dialog.questions != before and dialog.pending_changes() == ""
