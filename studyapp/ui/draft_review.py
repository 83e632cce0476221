"""The review step of a draft: the list of proposed questions beside the question editor's form.

``ReviewPanel`` lists the questions (ticked = kept) and shows the selected one in
``ReviewEditor``: why the drafter proposed it and the article's sentence it came from (plain
text), then the question editor's own form (``question_fields.QuestionForm``: every field of each
of the 8 types, the type itself included). Each change is checked (debounced) by
``authoring.held.HeldDeck`` with the rules of ``studyapp check`` and every problem is shown under
its field as the person types. An edit lives in its row as soon as it is typed: selecting another
row keeps it, valid or not; a row whose question has a problem is marked in the list, and
``problem_rows`` names the kept ones the dialog must not save.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyapp.articles.folding import FoldedText
from studyapp.authoring.draft import Draft, draft_of
from studyapp.authoring.editcheck import FieldProblem, canonical
from studyapp.authoring.held import HeldDeck
from studyapp.bank.model import AnyQuestion, QuestionType
from studyapp.interop.draft import why_proposed
from studyapp.ui.plain_text import tooltip
from studyapp.ui.question_fields import QuestionForm
from studyapp.ui.translation import core_text, window_locale

CHECK_DELAY_MS = 250
PROBLEM_MARK = "⚠ "
PROBLEM_COLOR = QColor("#c62828")


def question_line(q: AnyQuestion) -> str:
    """One line for a list: ``[type] answer  ·  front`` (answer first: the front is often long)."""
    front = " ".join(q.front.split())
    return f"[{q.type}] {q.answer_text}  ·  {front}"


def _plain_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


@dataclasses.dataclass(slots=True)
class ReviewRow:
    """One proposed question: as drafted, as edited so far, and what the rules say of the edit."""

    original: AnyQuestion
    question: AnyQuestion  # the last version without problems (the original until a valid edit)
    draft: Draft  # the fields as typed
    problems: tuple[FieldProblem, ...] = ()

    @property
    def edited(self) -> bool:
        """The fields differ from the question as drafted."""
        return canonical(self.draft) != canonical(draft_of(self.original))


class ReviewEditor(QWidget):
    """Why a question was proposed, its sentence, and the editor's form for every field."""

    changed = Signal()  # the person edited a field or the type
    keep_toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.why_label = _plain_label("", self.tr("Why proposed"))
        self.quote_label = _plain_label("", self.tr("From the article"))
        font = self.quote_label.font()
        font.setItalic(True)
        self.quote_label.setFont(font)
        self.type_box = QComboBox()
        self.type_box.setAccessibleName(self.tr("Question type"))
        self.type_box.addItems([t.value for t in QuestionType])
        self.keep_button = QPushButton(self.tr("Drop"))
        self.keep_button.setAccessibleName(self.tr("Keep or drop this question"))
        self.keep_button.clicked.connect(self.keep_toggled)
        self.form = QuestionForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the frame
        self.error_label = _plain_label("", self.tr("Other problems"))
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QFormLayout()
        head.addRow(self.tr("Why proposed:"), self.why_label)
        head.addRow(self.tr("From the article:"), self.quote_label)
        top = QHBoxLayout()
        top.addWidget(self.type_box, 1)
        top.addWidget(self.keep_button)
        head.addRow(self.tr("Type:"), top)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        self.form.changed.connect(self.changed)
        self.type_box.currentTextChanged.connect(self._type_changed)
        self.show_row(None, kept=True)

    def _type_changed(self, text: str) -> None:
        self.form.build(QuestionType(text))
        self._chain_fields()
        self.changed.emit()

    def _chain_fields(self) -> None:
        """Tab goes from Keep/Drop through the fields in their order (they are built after the
        dialog's buttons, so they would come last)."""
        previous: QWidget = self.keep_button
        for row in self.form.rows.values():
            QWidget.setTabOrder(previous, row.input)
            previous = row.input

    def show_row(self, row: ReviewRow | None, kept: bool) -> None:
        """Fill the form from ``row`` (None: empty and disabled) and show its problems."""
        enabled = row is not None
        self.why_label.setText(core_text(why_proposed(row.original)) if row is not None else "")
        quote = row.original.quote if row is not None else None
        self.quote_label.setText(window_locale().quoteString(quote) if quote else "")  # “…” or „…“ or «…»
        focused = self.focused_field()
        self.type_box.blockSignals(True)
        if row is not None:
            self.type_box.setCurrentText(str(row.draft.get("type", "card")))
            self.form.set_draft(row.draft)
            self._chain_fields()
            if focused is not None:  # the fields are built anew: the same field (or the first) keeps the focus
                field = self.form.rows.get(focused) or next(iter(self.form.rows.values()), None)
                if field is not None:
                    field.input.setFocus()
        else:
            self.type_box.setCurrentIndex(-1)
        self.type_box.blockSignals(False)
        for w in (self.type_box, self.keep_button, self.form):
            w.setEnabled(enabled)
        self.set_kept(kept)
        self.show_problems(row.problems if row is not None else ())

    def focused_field(self) -> str | None:
        """The name of the field that has the keyboard focus, if one has."""
        focused = QApplication.focusWidget()
        for name, row in self.form.rows.items():
            if focused is not None and (row.input is focused or row.input.isAncestorOf(focused)):
                return name
        return None

    def set_kept(self, kept: bool) -> None:
        """The Keep/Drop button says what pressing it does."""
        self.keep_button.setText(self.tr("Drop") if kept else self.tr("Keep"))

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        """Each problem under its field; those of no field shown below the form."""
        loose = self.form.show_problems(problems)
        self.error_label.setText("\n".join(loose))
        self.error_label.setVisible(bool(loose))


class ReviewPanel(QSplitter):
    """The proposed questions (ticked = kept) and the editor of the selected one."""

    changed = Signal()  # kept, edited or problems changed: the dialog updates its summary

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.rows: list[ReviewRow] = []
        self.held: HeldDeck | None = None
        self.showing = -1
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Proposed questions"))
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemChanged.connect(self._item_changed)
        self.editor = ReviewEditor()
        self.editor.changed.connect(self._edited)
        self.editor.keep_toggled.connect(self._toggle_kept)
        self.addWidget(self.list)
        self.addWidget(self.editor)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setChildrenCollapsible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self._check)
        self._pending = False  # an edit waits for its check
        # From any field: the next or previous question (the edit stays), keep or drop this one.
        for keys, slot in ((QKeySequence("Ctrl+PgDown"), lambda: self.step(1)),
                           (QKeySequence("Ctrl+PgUp"), lambda: self.step(-1)),
                           (QKeySequence("Ctrl+D"), self._toggle_kept)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- filling ----------------------------------------------------------------------------

    def set_questions(self, questions: list[AnyQuestion], path: Path, article: FoldedText | None,
                      source_name: str) -> None:
        """Show ``questions`` (all kept); edits are checked as if in a file at ``path``."""
        self._timer.stop()
        self._pending = False
        self.rows = [ReviewRow(q, q, draft_of(q)) for q in questions]
        self.held = HeldDeck(path, questions, article, source_name)
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
            self._paint(self.list.count() - 1)
        self.list.blockSignals(False)
        self._show(-1)
        if self.rows:
            self.list.setCurrentRow(0)  # the first question is in the editor at once
        self.changed.emit()

    @property
    def questions(self) -> list[AnyQuestion]:
        """Every question as it stands (a row with a problem: its last version without one)."""
        return [row.question for row in self.rows]

    def is_kept(self, row: int) -> bool:
        """Row ``row`` is ticked."""
        return self.list.item(row).checkState() == Qt.CheckState.Checked

    def kept(self) -> list[AnyQuestion]:
        """The questions still ticked, with their edits."""
        return [r.question for i, r in enumerate(self.rows) if self.is_kept(i)]

    def kept_rows(self) -> list[int]:
        """The rows still ticked."""
        return [i for i in range(len(self.rows)) if self.is_kept(i)]

    @property
    def edited_rows(self) -> set[int]:
        """The rows whose fields differ from the draft."""
        return {i for i, r in enumerate(self.rows) if r.edited}

    def problem_rows(self) -> list[int]:
        """The kept rows that cannot be saved as they are (after checking a pending edit)."""
        self.check_now()
        return [i for i in self.kept_rows() if self.rows[i].problems]

    def set_kept(self, row: int, keep: bool) -> None:
        """Tick (keep) or untick (drop) ``row``."""
        self.list.item(row).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)

    def pending_changes(self) -> str:
        """What closing without saving would lose ("" when nothing)."""
        self.check_now()
        if not self.rows:
            return ""
        dropped = len(self.rows) - len(self.kept_rows())
        edited = len(self.edited_rows)
        parts = [self.tr("%n edited", "", edited) if edited else "",
                 self.tr("%n dropped", "", dropped) if dropped else ""]
        return ", ".join(p for p in parts if p)

    # -- showing and editing ----------------------------------------------------------------

    def _paint(self, index: int) -> None:
        row, item = self.rows[index], self.list.item(index)
        line = question_line(row.question)
        if row.problems:
            item.setText(PROBLEM_MARK + line)
            item.setForeground(QBrush(PROBLEM_COLOR))
            item.setToolTip(tooltip("\n".join(p.message for p in row.problems)))
        else:
            item.setText(line)
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip(tooltip(line))  # the whole line: the list is often narrower
        font = item.font()
        font.setItalic(row.edited)  # edited questions stand out from the ones as drafted
        item.setFont(font)

    def step(self, by: int) -> None:
        """Show the question ``by`` rows further (the focus stays where it is, in a field or the list)."""
        if self.rows:
            self.list.setCurrentRow(max(0, min(len(self.rows) - 1, self.showing + by)))

    def _row_changed(self, index: int) -> None:
        """The edit of the row being left stays in it (checked now); then show the new row."""
        self.check_now()
        self._show(index)

    def _show(self, index: int) -> None:
        self.showing = index
        valid = 0 <= index < len(self.rows)
        self.editor.show_row(self.rows[index] if valid else None, self.is_kept(index) if valid else True)

    def _edited(self) -> None:
        if 0 <= self.showing < len(self.rows):
            self._pending = True
            self._timer.start()

    def check_now(self) -> None:
        """Check the shown row's fields now when an edit waits for its check."""
        if self._pending:
            self._check()

    def _check(self) -> None:
        """Check the shown row's fields; keep them in the row, and its problems under the fields."""
        self._timer.stop()
        self._pending = False
        index = self.showing
        if self.held is None or not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        row.draft = self.editor.form.draft()
        result = self.held.check(index, row.draft)
        row.problems = result.problems
        if result.question is not None and not result.problems:
            row.question = result.question
            self.held.set_question(index, result.question)
        self.editor.show_problems(row.problems)
        self.list.blockSignals(True)
        self._paint(index)
        self.list.blockSignals(False)
        self.changed.emit()

    def _item_changed(self, item: QListWidgetItem) -> None:
        index = self.list.row(item)
        if index == self.showing:
            self.editor.set_kept(self.is_kept(index))
        self.changed.emit()

    def _toggle_kept(self) -> None:
        if 0 <= self.showing < len(self.rows):
            self.set_kept(self.showing, not self.is_kept(self.showing))
