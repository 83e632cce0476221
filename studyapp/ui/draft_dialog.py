"""File → New deck from article…: draft questions from an article, review them, save into the question folder.

The author picks an article (through the ``dialogs.open_file`` seam); it is read and drafted on
a worker thread (``BackgroundTask``: a busy bar and Cancel, the window keeps painting). The deck
id and title default from the article (the title is its heading). The review step
(``draft_review.ReviewPanel``) shows each question with why it was proposed and from which
sentence, in the question editor's form: every field of every type, checked as the person types.
Edits stay in their row; Esc or Cancel asks before losing edited or dropped questions; Save names
the kept rows that still have a problem. File → Review a draft… reopens a saved draft
(``load_draft``) for another review, and saving it back keeps the version it replaces in the
editor's history. Otherwise Save writes ``<deck id>.yaml`` into ``target_dir`` (copying the
article there when it is too far away for ``source``) and emits ``saved(path)``; a file studyapp
wrote before is replaced only after a yes in a box that does not block, one it did not write
never is, and studyapp's own data files are never written (``studyapp.safe_write``).
"""

from __future__ import annotations

import dataclasses
import os
import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.articles.folding import FoldedText
from studyapp.bank.loader import check_file
from studyapp.bank.model import AnyQuestion
from studyapp.interop.draft import article_heading, draft_questions
from studyapp.interop.draftfile import DraftError, is_previous_output, read_article_text, write_draft
from studyapp.interop.fit import slugify
from studyapp.safe_write import WritePolicy, protected_reason
from studyapp.ui import dialogs
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.draft_review import ReviewPanel, question_line
from studyapp.ui.target_form import TargetForm, may_replace, report_written
from studyapp.ui.translation import QT_TRANSLATE_NOOP, plural_s, problem_line

ARTICLE_FILTER = QT_TRANSLATE_NOOP("DraftDialog", "Articles (*.txt *.md *.markdown *.html *.htm *.pdf);;All files (*)")
DRAFT_FILTER = QT_TRANSLATE_NOOP("DraftDialog", "Question files (*.yaml *.yml);;All files (*)")
__all__ = ["DraftDialog", "TargetForm", "may_replace", "question_line", "report_written"]


@dataclasses.dataclass(frozen=True, slots=True)
class Drafted:
    """What the worker hands back: the article's text, heading and folded text, and the questions."""

    path: Path
    heading: str | None
    questions: list[AnyQuestion]
    folded: FoldedText


def draft_article(path: Path, deck_id: str, cancel: threading.Event) -> Drafted | DraftError:
    """Read and draft ``path`` (on the worker thread); a ``DraftError`` is returned, to be shown."""
    try:
        text = read_article_text(path)
    except DraftError as exc:
        return exc
    questions = draft_questions(text, deck_id, cancel=cancel)
    return Drafted(path, article_heading(text), questions, FoldedText(text))


class DraftDialog(QDialog):
    """Draft a deck from an article (or reopen a saved draft) and review it before saving."""

    saved = Signal(object)  # the Path written
    drafted = Signal()  # the review list was filled (a draft made or reopened)

    def __init__(self, target_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New deck from article"))
        self.resize(1100, 760)
        self.target_dir = target_dir
        self.article: Path | None = None
        self.draft_path: Path | None = None  # the saved draft being reviewed again, if any
        self.draft_bytes: bytes | None = None  # its bytes when it was opened
        self._closing = False
        self.replace_box: QMessageBox | None = None  # the open "Replace file?" question, if any
        self.close_box: QMessageBox | None = None  # the open "Close without saving?" question, if any

        self.target = TargetForm(self, self.tr("Article:"), self.tr("Choose article…"), self.tr("No article chosen"),
                                 self.choose_article, self._update_buttons, self.save)
        self.article_label, self.choose_button = self.target.label, self.target.choose_button
        self.deck_edit, self.title_edit = self.target.deck_edit, self.target.title_edit
        self.summary, self.save_button = self.target.summary, self.target.save_button

        self.review = ReviewPanel()
        self.review.changed.connect(self._update_buttons)
        self.list, self.editor = self.review.list, self.review.editor

        self.task = BackgroundTask(self)
        self.task.finished.connect(self._drafted)
        self.task.failed.connect(self._draft_failed)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # how long drafting takes is unknown: a busy bar
        self.busy_bar.setAccessibleName(self.tr("Drafting the article"))
        self.cancel_draft_button = QPushButton(self.tr("Cancel drafting"))
        self.cancel_draft_button.clicked.connect(self.cancel_drafting)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_bar, 1)
        busy_row.addWidget(self.cancel_draft_button)
        self.busy_bar.hide()
        self.cancel_draft_button.hide()
        self.status = ""  # what the summary says while drafting or after a cancel

        layout = QVBoxLayout(self)
        layout.addLayout(self.target.form())
        hint = QLabel(self.tr("Untick a question (or press Drop) to drop it; select one to edit any of its fields. "
                              "Edits stay when you select another question; a question marked ⚠ has a problem "
                              "to fix (or drop it) before saving."))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(busy_row)
        layout.addWidget(self.review, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.target.buttons)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save)
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in a field (an answer, a tag) does not press Save and close the whole review;
        Enter on a button still presses it, and Ctrl+S saves."""
        focused = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(focused, QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the review's state, as the tests and the window see it ------------------------------

    @property
    def questions(self) -> list[AnyQuestion]:
        """Every question of the review, with its edits."""
        return self.review.questions

    @property
    def edited_rows(self) -> set[int]:
        """The rows edited since drafting (or opening the draft)."""
        return self.review.edited_rows

    def kept(self) -> list[AnyQuestion]:
        """The questions still ticked, with their edits."""
        return self.review.kept() if self.review.rows else []

    def set_kept(self, row: int, keep: bool) -> None:
        """Keep (tick) or drop (untick) ``row``."""
        self.review.set_kept(row, keep)

    def pending_changes(self) -> str:
        """What closing without saving would lose ("" when nothing)."""
        return self.review.pending_changes()

    # -- choosing and drafting ------------------------------------------------------------

    def choose_article(self) -> None:
        """Pick an article and draft from it; asks first when that would drop the review's changes."""
        path = dialogs.open_file(self, self.tr("Choose an article"), self.tr(ARTICLE_FILTER))
        if path is None:
            return
        changes = self.pending_changes()
        if not changes:
            self.load_article(path)
            return
        self.close_box = dialogs.ask_then(self, self.tr("Draft another article?"),
                                          self.tr("The review has unsaved changes ({0}). Draft {1} and lose them?")
                                          .format(changes, path.name),
                                          lambda: self.load_article(path))

    def load_article(self, path: Path) -> bool:
        """Start drafting ``path`` on a worker thread; ``drafted`` is emitted when the review is filled."""
        deck_id = self.target.deck_id or slugify(path.stem, 40) or "draft"
        self._set_busy(True, self.tr("Drafting questions from {0}…").format(path.name))
        self.task.start(lambda cancel: draft_article(path, deck_id, cancel), name="studyapp-draft")
        return True

    def cancel_drafting(self) -> None:
        """Stop the drafting under way; the review keeps what it showed before."""
        if not self.task.running:
            return
        self.task.cancel()
        self._set_busy(False, self.tr("Drafting cancelled; choose an article to draft from."))

    def _set_busy(self, busy: bool, status: str) -> None:
        self.busy_bar.setVisible(busy)
        self.cancel_draft_button.setVisible(busy)
        self.choose_button.setEnabled(not busy)
        self.review.setEnabled(not busy)
        self.status = status
        self._update_buttons()
        if busy:
            self.cancel_draft_button.setFocus()

    def _drafted(self, result: object) -> None:
        if isinstance(result, DraftError):
            self._set_busy(False, "")
            dialogs.warn(self, self.tr("Cannot read the article"), str(result))
            return
        if not isinstance(result, Drafted):
            return
        self._set_busy(False, "")
        self.article, self.draft_path, self.draft_bytes = result.path, None, None
        self.target.chosen(result.path, "draft", result.heading)
        self._fill(result.questions, result.folded, result.path.name)

    def _draft_failed(self, error: str) -> None:
        self._set_busy(False, "")
        dialogs.warn(self, self.tr("Could not draft the article"), error)

    def choose_draft(self) -> None:
        """File → Review a draft…: pick a question file a draft wrote and review it again."""
        path = dialogs.open_file(self, self.tr("Review a draft"), self.tr(DRAFT_FILTER), self.target_dir)
        if path is not None:
            self.load_draft(path)

    def load_draft(self, path: Path) -> bool:
        """Reopen a saved draft for review: its questions, deck id, title and article."""
        deck, problems = check_file(path)
        if deck is None:
            dialogs.warn(self, self.tr("Cannot review this file"), "\n".join(problem_line(p) for p in problems[:20]) or str(path))
            return False
        if deck.source is None:
            dialogs.warn(self, self.tr("Cannot review this file"),
                         self.tr("{0} names no article (source), so it is not a draft.").format(path))
            return False
        try:
            folded: FoldedText | None = FoldedText(read_article_text(deck.source))
            data: bytes | None = path.read_bytes()
        except (DraftError, OSError):
            folded, data = None, None
        self.setWindowTitle(self.tr("Review a draft"))
        self.article, self.draft_path, self.draft_bytes = deck.source, path, data
        self.deck_edit.setText(deck.id)
        self.title_edit.setText(deck.title)
        self.article_label.setText(str(deck.source))
        self._fill(list(deck.questions), folded, deck.source.name)
        return True

    def _fill(self, questions: list[AnyQuestion], folded: FoldedText | None, source_name: str) -> None:
        self.review.set_questions(questions, self.target_dir / "draft.yaml", folded, source_name)
        self.list.setFocus()  # ↑/↓ go through the questions, Space keeps or drops one
        self._update_buttons()
        self.drafted.emit()

    def reject(self) -> None:
        """Esc, Cancel or the close button: stop drafting; ask first when edits or dropped questions would be lost."""
        if self.task.running:
            self.cancel_drafting()
            return
        changes = self.pending_changes()
        if self._closing or not changes:
            super().reject()
            return
        if self.close_box is not None and self.close_box.isVisible():
            return

        def close() -> None:
            self._closing = True
            self.reject()

        self.close_box = dialogs.ask_then(self, self.tr("Close without saving?"),
                                          self.tr("The review has unsaved changes ({0}). Close and lose them?")
                                          .format(changes), close)

    def done(self, result: int) -> None:
        """Closing for any reason stops a draft still running."""
        self.task.cancel()
        super().done(result)

    # -- saving -----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        kept = len(self.kept())
        deck_ok = self.target.deck_ok()
        self.save_button.setEnabled(self.article is not None and kept > 0 and deck_ok and bool(self.target.title)
                                    and not self.task.running)
        if self.status and (self.task.running or not self.review.rows):
            self.summary.setText(self.status)
        elif self.review.rows:
            note = "" if deck_ok else self.tr("; the deck id must be lowercase letters, digits and hyphens")
            bad = sum(1 for i in self.review.kept_rows() if self.review.rows[i].problems)
            edited = len(self.review.edited_rows)
            total = len(self.review.rows)
            self.summary.setText(
                plural_s(self.tr("{kept} of %n question(s) kept", "", total), total).format(kept=kept)
                + (self.tr(", {0} edited").format(edited) if edited else "")
                + (self.tr("; marked ⚠ and kept, to fix or drop before saving: {0}").format(bad) if bad else "")
                + note)
        elif self.article is not None:
            self.summary.setText(self.tr("No question could be drafted from {0}: it names no dates, numbers, "
                                         "people or places the drafter can ask about.").format(self.article.name))
        else:
            self.summary.setText(self.tr("Choose an article to draft questions from."))

    def save_target(self) -> Path:
        """Where Save writes: back into the reviewed draft's folder, else into the question folder."""
        folder = self.draft_path.parent if self.draft_path is not None else self.target_dir
        return folder / f"{self.target.deck_id}.yaml"

    def save(self) -> None:
        """Write the kept questions and close; stays open (with a message) when that fails.

        A kept question with a problem stops the save: the message names its rows (fix or drop
        them). An existing file is replaced only after the user says yes in a box that does not
        block (``replace_box``), except the very draft being reviewed again; one that studyapp
        did not write is never replaced from here.
        """
        if not self.save_button.isEnabled() or self.article is None:
            return
        bad = self.review.problem_rows()
        if bad:
            self._update_buttons()
            self.list.setCurrentRow(bad[0])
            rows = ", ".join(f"{i + 1} ({self.review.rows[i].question.id})" for i in bad)
            dialogs.warn(self, self.tr("Questions to fix"),
                         self.tr("These kept questions have problems; fix them or drop them, then save: rows {0}.")
                         .format(rows))
            return
        target = self.save_target()
        reason = protected_reason(target, self._data_dirs())
        if reason is not None:
            dialogs.warn(self, self.tr("Cannot save here"), reason + ".\n" + self.tr("Choose another deck id."))
            return
        if not os.path.lexists(target):
            self._write(target, replace=False)
            return
        if not is_previous_output(target):
            dialogs.warn(self, self.tr("File exists"),
                         self.tr("{0} already exists and was not written by studyapp.\nChoose another deck id.").format(target))
            return
        if self.draft_path is not None and target == self.draft_path:
            self._write(target, replace=True)  # saving back the draft under review, as the editor saves
            return
        self.replace_box = dialogs.ask_then(self, self.tr("Replace file?"),
                                            self.tr("{0} already exists. Replace it?").format(target),
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
        expected = self.draft_bytes if target == self.draft_path else None
        try:
            write_draft(self.article, target, deck_id, self.target.title, kept, policy,
                        history_dir=self.target_dir.parent / "history", expected=expected)
        except (DraftError, OSError) as exc:  # WriteRefused is an OSError: a file that appeared meanwhile
            dialogs.warn(self, self.tr("Could not save"), str(exc))
            return
        report_written(self, target)
        self.saved.emit(target)
        self._closing = True
        self.accept()

def _with_deck(q: AnyQuestion, deck_id: str) -> AnyQuestion:
    return dataclasses.replace(q, deck=deck_id)
