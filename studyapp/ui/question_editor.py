"""The question editor: a form for any of the 8 types, checked as the person types, with a preview.

``QuestionEditor`` edits one question of one file through an ``authoring.EditSession``: each
change is checked (debounced) with the loader's own rules and every problem is shown under its
field; Save stays disabled while one remains. The preview shows the question as the quiz will
(``answer_widgets.make_answer_input``, read-only). Undo and Redo step through the drafts of
this session. Saving writes only this question's text (atomically, the previous version kept
in the history) and emits ``saved(path, old id, new id)``; the window then carries the history
over a renamed id and reloads once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyapp.authoring.draft import Draft
from studyapp.authoring.editcheck import EditKind, EditResult
from studyapp.authoring.questionfile import EditError
from studyapp.authoring.session import EditSession
from studyapp.authoring.undo import DraftHistory
from studyapp.bank.model import AnyQuestion, QuestionType
from studyapp.ui.plain_text import window_title
from studyapp.ui.question_fields import QuestionForm
from studyapp.ui.translation import error_text, worded_text

CHECK_DELAY_MS = 250


def _plain(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


class QuestionEditor(QDialog):
    """Edit (``question_id`` given) or add (None) one question of ``session``'s file."""

    saved = Signal(object, object, str)  # path, old id (None for a new question), new id
    fileRestored = Signal(object)  # path: an earlier version of the file was put back (the editor closes)

    def __init__(self, session: EditSession, question_id: str | None, draft: Draft, history_dir: Path,
                 data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.question_id = question_id
        self.history_dir = history_dir
        self.data_dir = data_dir
        self.check_result: EditResult | None = None
        self.setWindowTitle(window_title((self.tr("Edit question — {file}") if question_id else self.tr("New question — {file}"))
                                         .format(file=session.path.name)))
        self.setAccessibleName(self.tr("Question editor"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(_plain(self.tr("Type:"), self.tr("Type label")))
        self.type_box = QComboBox()
        self.type_box.setAccessibleName(self.tr("Question type"))
        self.type_box.addItems([t.value for t in QuestionType])
        top.addWidget(self.type_box, 1)
        layout.addLayout(top)
        self.form = QuestionForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        # The form on the left, the preview beside it (as Anki's editor and its card preview):
        # stacked, the preview's empty space left the form a third of the dialog's height.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        form_side = QWidget()
        form_layout = QVBoxLayout(form_side)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(scroll, 1)
        self.file_problems = _plain("", self.tr("Other problems"))
        self.file_problems.setStyleSheet("color: #c62828;")
        self.file_problems.hide()
        form_layout.addWidget(self.file_problems)
        self.splitter.addWidget(form_side)
        layout.addWidget(self.splitter, 1)
        self.preview_box = QGroupBox(self.tr("Preview: as the quiz shows it"))
        preview_layout = QVBoxLayout(self.preview_box)
        self.preview_prompt = _plain("", self.tr("Preview prompt"))
        preview_layout.addWidget(self.preview_prompt)
        self.preview_slot = QVBoxLayout()
        preview_layout.addLayout(self.preview_slot)
        preview_layout.addStretch(1)
        self.preview_input: QWidget | None = None
        self.splitter.addWidget(self.preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.redo_button = QPushButton(self.tr("&Redo"))
        self.versions_button = QPushButton(self.tr("Earlier &versions…"))
        self.versions_button.setAccessibleName(self.tr("Earlier versions of the file"))
        self.versions_button.setEnabled(not session.writes_copy)  # an installed bundled file is never restored over
        self.save_button = QPushButton(self.tr("&Save"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for b, name in ((self.undo_button, self.tr("Undo edit")), (self.redo_button, self.tr("Redo edit")),
                        (self.save_button, self.tr("Save question")), (self.cancel_button, self.tr("Cancel"))):
            b.setAccessibleName(name)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addWidget(self.versions_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)  # Ctrl+S
        self.save_shortcut.activated.connect(self.save)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.form.changed.connect(self._edited)
        self.type_box.currentTextChanged.connect(self._type_changed)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.versions_button.clicked.connect(self.show_versions)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self._set_draft(draft)
        self.history = DraftHistory(self.form.draft())
        self.check_now()
        room = self.screen().availableGeometry()
        self.resize(min(1040, room.width() * 9 // 10), min(720, room.height() * 9 // 10))
        self.splitter.setSizes([self.width() * 3 // 5, self.width() * 2 // 5])  # the form first

    # -- drafts ------------------------------------------------------------------------

    def _set_draft(self, draft: Draft) -> None:
        self.type_box.blockSignals(True)
        self.type_box.setCurrentText(str(draft.get("type", "card")))
        self.type_box.blockSignals(False)
        self.form.set_draft(draft)

    def _type_changed(self, text: str) -> None:
        self.form.build(QuestionType(text))
        self._edited()

    def _edited(self) -> None:
        self.save_button.setEnabled(False)  # until the check of this very draft says it may
        self._timer.start()

    def undo(self) -> None:
        """Back to the draft before the last change."""
        self._timer.stop()
        self.history.push(self.form.draft())
        self._set_draft(self.history.undo())
        self.check_now(record=False)

    def redo(self) -> None:
        """Forward again after an undo."""
        self._set_draft(self.history.redo())
        self.check_now(record=False)

    # -- checking ----------------------------------------------------------------------

    def check_now(self, record: bool = True) -> None:
        """Check the form's draft with the loader's rules; show problems, enable Save when none."""
        self._timer.stop()
        draft = self.form.draft()
        if record and hasattr(self, "history"):
            self.history.push(draft)
        kind = EditKind.REPLACE if self.question_id else EditKind.ADD
        try:
            result = self.session.check(kind, self.question_id, draft)
        except EditError as exc:
            self.check_result = None
            self.file_problems.setText(error_text(exc))
            self.file_problems.show()
            self.save_button.setEnabled(False)
            return
        self.check_result = result
        loose = self.form.show_problems(result.problems)
        others = [*loose, *(self.tr("line {line}: {problem}").format(line=p.line, problem=worded_text(p)) for p in result.elsewhere)]
        self.file_problems.setText("\n".join(others))
        self.file_problems.setVisible(bool(others))
        self.save_button.setEnabled(result.ok)
        self.undo_button.setEnabled(self.history.can_undo if hasattr(self, "history") else False)
        self.redo_button.setEnabled(self.history.can_redo if hasattr(self, "history") else False)
        self._preview(result.question)

    def _preview(self, q: AnyQuestion | None) -> None:
        from studyapp.study.quiz import QuizItem
        from studyapp.ui.answer_widgets import make_answer_input

        if q is None:
            return  # keep the last good preview while a problem remains
        if self.preview_input is not None:
            self.preview_input.setParent(None)
            self.preview_input.deleteLater()
        self.preview_prompt.setText(q.prompt or "")
        self.preview_prompt.setVisible(bool(q.prompt))
        widget = make_answer_input(QuizItem(q))
        widget.setEnabled(False)  # a preview: nothing to answer here
        widget.setAccessibleName(self.tr("Preview of the answer"))
        self.preview_slot.addWidget(widget)
        self.preview_input = widget

    def show_versions(self) -> None:
        """The file's earlier versions; restoring one closes the editor (its question may differ)."""
        from studyapp.ui.question_editor_history import HistoryDialog

        dialog = HistoryDialog(self.session.path, self.history_dir, self.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._restored)
        dialog.open()

    def _restored(self, path: Path) -> None:
        self.fileRestored.emit(path)
        self.reject()

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        """Check once more and write the question into its file; close when written."""
        from studyapp.ui import dialogs

        self.check_now()
        result = self.check_result
        if result is None or not result.ok:
            return
        try:
            self.session.save(result, self.history_dir, self.data_dir)
        except (OSError, EditError) as exc:
            dialogs.warn(self, self.tr("Question not saved"),
                         self.tr("Could not save {file}: {reason}").format(file=self.session.path.name, reason=error_text(exc)))
            return
        self.saved.emit(self.session.path, self.question_id, str(self.form.draft().get("id", "")))
        self.accept()
