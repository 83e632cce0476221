"""File → New deck from article…: draft questions from an article, review them, save into the question folder.

The author picks an article (through the ``dialogs.open_file`` seam), sets the deck id and
title (the title defaults to the article's heading), then reviews the drafts: untick or Drop to
drop one, select one to see why it was proposed and from which sentence and to edit its prompt
(a cloze's text), choices and answer. An edit is kept when another row is selected; Esc or Cancel
asks before losing edited or dropped questions. File → Review a draft… reopens a saved draft
(``load_draft``) for another review. Save writes ``<deck id>.yaml`` into ``target_dir`` (copying the article there
when it is too far away for ``source``) and emits ``saved(path)``; a file studyapp wrote before is
replaced only after a yes in a box that does not block, one it did not write never is, and
studyapp's own data files are never written (``studyapp.safe_write``).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.bank.loader import check_file
from studyapp.bank.model import AnyQuestion
from studyapp.interop.draft import article_heading, draft_questions
from studyapp.interop.draftfile import DraftError, is_previous_output, read_article_text, write_draft
from studyapp.interop.editing import EditError
from studyapp.interop.fit import DECK_ID_RE, slugify
from studyapp.safe_write import WritePolicy, protected_reason
from studyapp.ui import dialogs
from studyapp.ui.draft_review import QuestionEditor

ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.pdf);;All files (*)"
DRAFT_FILTER = "Question files (*.yaml *.yml);;All files (*)"


def question_line(q: AnyQuestion) -> str:
    """One line for a list: ``[type] answer  ·  front`` (answer first: the front is often long)."""
    front = " ".join(q.front.split())
    return f"[{q.type}] {q.answer_text}  ·  {front}"


def may_replace(parent: QWidget, path: Path) -> bool:
    """Ask before replacing a file; refuse to replace one studyapp did not write."""
    if not path.exists():
        return True
    if not is_previous_output(path):
        dialogs.warn(parent, "File exists", f"{path} already exists and was not written by studyapp.\nChoose another deck id.")
        return False
    return dialogs.confirm(parent, "Replace file?", f"{path} already exists. Replace it?")


def report_written(parent: QWidget, path: Path) -> bool:
    """Load the written file like the app will; warn (and say False) if the loader finds anything."""
    _, problems = check_file(path)
    if problems:
        dialogs.warn(parent, "Problems in the new file", "\n".join(str(p) for p in problems[:20]))
        return False
    return True


class TargetForm:
    """What the draft and import dialogs share: a file row with a chooser, deck id and title
    fields, a summary line and Save/Cancel. Deck id and title default from the chosen file's name."""

    def __init__(self, dialog: QDialog, what: str, empty: str, choose: Callable[[], None],
                 changed: Callable[[], None], save: Callable[[], None]) -> None:
        self.what = what
        self.label = QLabel(empty)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton(f"Choose {what.lower()}…")
        self.choose_button.clicked.connect(choose)
        self.deck_edit = QLineEdit()
        self.deck_edit.setPlaceholderText("lowercase-with-hyphens")
        self.title_edit = QLineEdit()
        self.deck_edit.textChanged.connect(changed)
        self.title_edit.textChanged.connect(changed)
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(save)
        self.buttons.rejected.connect(dialog.reject)

    def form(self) -> QFormLayout:
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(f"{self.what}:", row)
        form.addRow("Deck id:", self.deck_edit)
        form.addRow("Title:", self.title_edit)
        return form

    def chosen(self, path: Path, fallback: str, title: str | None = None) -> None:
        """Show ``path``; fill an empty deck id from its name and an empty title from ``title`` (the
        article's heading) or else from its name."""
        self.label.setText(str(path))
        if not self.deck_edit.text().strip():
            self.deck_edit.setText(slugify(path.stem, 40) or fallback)
        if not self.title_edit.text().strip():
            self.title_edit.setText(title or path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
                                    or fallback.capitalize())

    @property
    def deck_id(self) -> str:
        return self.deck_edit.text().strip()

    @property
    def title(self) -> str:
        return self.title_edit.text().strip()

    def deck_ok(self) -> bool:
        return bool(DECK_ID_RE.match(self.deck_id))

    def target(self, target_dir: Path) -> Path:
        return target_dir / f"{self.deck_id}.yaml"


class DraftDialog(QDialog):
    """Draft a deck from an article (or reopen a saved draft) and review it before saving."""

    saved = Signal(object)  # the Path written

    def __init__(self, target_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New deck from article")
        self.resize(900, 700)
        self.target_dir = target_dir
        self.article: Path | None = None
        self.questions: list[AnyQuestion] = []
        self.edited_rows: set[int] = set()
        self._showing = -1
        self._closing = False
        self.replace_box: QMessageBox | None = None  # the open "Replace file?" question, if any
        self.close_box: QMessageBox | None = None  # the open "Close without saving?" question, if any

        self.target = TargetForm(self, "Article", "No article chosen", self.choose_article, self._update_buttons, self.save)
        self.article_label, self.choose_button = self.target.label, self.target.choose_button
        self.deck_edit, self.title_edit = self.target.deck_edit, self.target.title_edit
        self.summary, self.save_button = self.target.summary, self.target.save_button

        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemChanged.connect(lambda _item: self._update_buttons())
        self.editor = QuestionEditor()
        self.editor.apply_requested.connect(self.apply_edit)
        self.editor.keep_toggled.connect(self._toggle_kept)
        self.prompt_edit, self.answer_edit = self.editor.prompt_edit, self.editor.answer_edit
        self.choices_edit, self.apply_button = self.editor.choices_edit, self.editor.apply_button
        self.edit_error = self.editor.error_label

        layout = QVBoxLayout(self)
        layout.addLayout(self.target.form())
        hint = QLabel("Untick a question (or press Drop) to drop it; select one to edit it; edits are kept when you "
                      "select another. Cloze gaps are edited in the text: {{answer}}.")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)
        layout.addWidget(self.summary)
        layout.addWidget(self.target.buttons)
        self._show_question(-1)
        self._update_buttons()

    # -- choosing and drafting ------------------------------------------------------------

    def choose_article(self) -> None:
        """Pick an article and draft from it; asks first when that would drop the review's changes."""
        path = dialogs.open_file(self, "Choose an article", ARTICLE_FILTER)
        if path is None:
            return
        changes = self.pending_changes()
        if not changes:
            self.load_article(path)
            return
        self.close_box = dialogs.ask_then(self, "Draft another article?",
                                          f"The review has unsaved changes ({changes}). Draft {path.name} and lose them?",
                                          lambda: self.load_article(path))

    def load_article(self, path: Path) -> bool:
        """Draft questions from ``path`` and fill the review list; the title defaults to the article's heading."""
        try:
            text = read_article_text(path)
        except DraftError as exc:
            dialogs.warn(self, "Cannot read the article", str(exc))
            return False
        self.article = path
        self.target.chosen(path, "draft", article_heading(text))
        self._fill(draft_questions(text, self.target.deck_id or "draft"))
        return True

    def choose_draft(self) -> None:
        """File → Review a draft…: pick a question file a draft wrote and review it again."""
        path = dialogs.open_file(self, "Review a draft", DRAFT_FILTER, self.target_dir)
        if path is not None:
            self.load_draft(path)

    def load_draft(self, path: Path) -> bool:
        """Reopen a saved draft for review: its questions, deck id, title and article."""
        deck, problems = check_file(path)
        if deck is None:
            dialogs.warn(self, "Cannot review this file", "\n".join(str(p) for p in problems[:20]) or str(path))
            return False
        if deck.source is None:
            dialogs.warn(self, "Cannot review this file", f"{path} names no article (source), so it is not a draft.")
            return False
        self.setWindowTitle("Review a draft")
        self.article = deck.source
        self.deck_edit.setText(deck.id)
        self.title_edit.setText(deck.title)
        self.article_label.setText(str(deck.source))
        self._fill(list(deck.questions))
        return True

    def _fill(self, questions: list[AnyQuestion]) -> None:
        self.questions = questions
        self.edited_rows.clear()
        self.list.blockSignals(True)
        self.list.clear()
        for q in self.questions:
            item = QListWidgetItem(question_line(q))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._show_question(-1)
        self._update_buttons()

    # -- reviewing --------------------------------------------------------------------------

    def kept(self) -> list[AnyQuestion]:
        """The questions still ticked, with their edits."""
        return [q for i, q in enumerate(self.questions) if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_kept(self, row: int, keep: bool) -> None:
        self.list.item(row).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
        if row == self._showing:
            self.editor.keep_button.setText("Drop" if keep else "Keep")

    def _toggle_kept(self) -> None:
        row = self._showing
        if 0 <= row < len(self.questions):
            self.set_kept(row, self.list.item(row).checkState() != Qt.CheckState.Checked)

    def _row_changed(self, row: int) -> None:
        """Keep the edit of the row being left; stay on it (with the reason) when the edit is invalid."""
        if self.editor.dirty and not self.apply_edit():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._showing)
            self.list.blockSignals(False)
            return
        self._show_question(row)

    def _show_question(self, row: int) -> None:
        self._showing = row
        valid = 0 <= row < len(self.questions)
        kept = valid and self.list.item(row).checkState() == Qt.CheckState.Checked
        self.editor.show_question(self.questions[row] if valid else None, kept or not valid)

    def apply_edit(self) -> bool:
        """Apply the editor's fields to the selected question; False (and a message) when invalid."""
        row = self._showing
        if not 0 <= row < len(self.questions):
            return False
        try:
            edited = self.editor.edited()
        except EditError as exc:
            self.edit_error.setText(str(exc))
            return False
        if edited != self.questions[row]:
            self.questions[row] = edited
            self.edited_rows.add(row)
            self.list.item(row).setText(question_line(edited))
        self.editor.show_question(edited, self.list.item(row).checkState() == Qt.CheckState.Checked)
        return True

    def pending_changes(self) -> str:
        """What closing without saving would lose ("" when nothing)."""
        if not self.questions:
            return ""
        dropped = len(self.questions) - len(self.kept())
        edited = len(self.edited_rows) + (1 if self.editor.dirty else 0)
        parts = [f"{edited} edited" if edited else "", f"{dropped} dropped" if dropped else ""]
        return ", ".join(p for p in parts if p)

    def reject(self) -> None:
        """Esc, Cancel or the close button: ask first when edits or dropped questions would be lost."""
        changes = self.pending_changes()
        if self._closing or not changes:
            super().reject()
            return
        if self.close_box is not None and self.close_box.isVisible():
            return

        def close() -> None:
            self._closing = True
            self.reject()

        self.close_box = dialogs.ask_then(self, "Close without saving?",
                                          f"The review has unsaved changes ({changes}). Close and lose them?", close)

    # -- saving -----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        kept = len(self.kept()) if self.questions else 0
        deck_ok = self.target.deck_ok()
        self.save_button.setEnabled(self.article is not None and kept > 0 and deck_ok and bool(self.target.title))
        if self.questions:
            note = "" if deck_ok else "; the deck id must be lowercase letters, digits and hyphens"
            self.summary.setText(f"{kept} of {len(self.questions)} questions kept{note}")
        else:
            self.summary.setText("Choose an article to draft questions from.")
        if 0 <= self._showing < len(self.questions):
            checked = self.list.item(self._showing).checkState() == Qt.CheckState.Checked
            self.editor.keep_button.setText("Drop" if checked else "Keep")

    def save(self) -> None:
        """Write the kept questions and close; stays open (with a message) when that fails.

        A pending edit is applied first (an invalid one stops the save, with its reason). An
        existing file is replaced only after the user says yes in a box that does not block
        (``replace_box``); one that studyapp did not write is never replaced from here.
        """
        if not self.save_button.isEnabled() or self.article is None:
            return
        if self.editor.dirty and not self.apply_edit():
            return
        target = self.target.target(self.target_dir)
        reason = protected_reason(target, self._data_dirs())
        if reason is not None:
            dialogs.warn(self, "Cannot save here", f"{reason}.\nChoose another deck id.")
            return
        if not os.path.lexists(target):
            self._write(target, replace=False)
            return
        if not is_previous_output(target):
            dialogs.warn(self, "File exists", f"{target} already exists and was not written by studyapp.\nChoose another deck id.")
            return
        self.replace_box = dialogs.ask_then(self, "Replace file?", f"{target} already exists. Replace it?",
                                            lambda: self._write(target, replace=True))

    def _data_dirs(self) -> tuple[Path, ...]:
        """The data folder the question folder belongs to (``DataPaths.questions`` is ``root/questions``)."""
        return (self.target_dir.parent,)

    def _write(self, target: Path, *, replace: bool) -> None:
        if self.article is None:
            return
        deck_id = self.target.deck_id
        kept = [q if q.deck == deck_id else _with_deck(q, deck_id) for q in self.kept()]
        policy = WritePolicy(self._data_dirs(), replace_existing=replace)
        try:
            write_draft(self.article, target, deck_id, self.target.title, kept, policy)
        except (DraftError, OSError) as exc:  # WriteRefused is an OSError: a file that appeared meanwhile
            dialogs.warn(self, "Could not save", str(exc))
            return
        report_written(self, target)
        self.saved.emit(target)
        self._closing = True
        self.accept()


def _with_deck(q: AnyQuestion, deck_id: str) -> AnyQuestion:
    return dataclasses.replace(q, deck=deck_id)
