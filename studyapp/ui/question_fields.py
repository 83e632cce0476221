"""The editor's form: one row per field of a question type, each with its problem beside it.

``QuestionForm`` builds the rows for a type (``draft.field_order``): one-line text, several
lines of text, one item per line (choices, accepted answers, items), ``left → right`` lines
(match pairs), true/false, and tags separated by commas. ``draft()`` reads the form into a
``Draft``; ``set_draft`` fills it; ``show_problems`` puts each message under its field. All
text is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from studyapp.authoring.draft import Draft, Value, field_order
from studyapp.authoring.editcheck import FieldProblem
from studyapp.bank.model import QuestionType
from studyapp.ui.translation import QT_TRANSLATE_NOOP, worded_text

PAIR_ARROW = " → "
_LIST_FIELDS = frozenset({"choices", "answers", "items"})
_LONG_FIELDS = frozenset({"prompt", "explanation", "quote", "text"})
_HINTS = {
    "choices": QT_TRANSLATE_NOOP("FieldRow", "One choice per line."),
    "answers": QT_TRANSLATE_NOOP("FieldRow", "One right choice per line, written as in the choices."),
    "items": QT_TRANSLATE_NOOP("FieldRow", "One item per line, in the right order."),
    "pairs": QT_TRANSLATE_NOOP("FieldRow", "One pair per line: left → right (or left -> right)."),
    "tags": QT_TRANSLATE_NOOP("FieldRow", "Separated by commas."),
    "text": QT_TRANSLATE_NOOP("FieldRow", "Write each gap as {{answer}}; alternatives as {{war|conflict}}."),
    "image": QT_TRANSLATE_NOOP(
        "FieldRow", "A PNG, JPEG, WebP or SVG file beside the question file or in its media/ folder (media/map.png)."),
    "image_alt": QT_TRANSLATE_NOOP(
        "FieldRow", "What the picture shows, for screen readers (without it they read the prompt)."),
}
_TEXT_ANSWER_HINT = QT_TRANSLATE_NOOP("FieldRow", "One accepted answer per line; the first is shown.")
_OPTIONAL_LABELS = frozenset({"image", "image_alt", "explanation", "quote", "tags"})
#: Each field's label (the field names of the question file, as the form shows them).
_LABELS = {
    "id": QT_TRANSLATE_NOOP("QuestionForm", "Id"), "prompt": QT_TRANSLATE_NOOP("QuestionForm", "Prompt"),
    "answer": QT_TRANSLATE_NOOP("QuestionForm", "Answer"), "answers": QT_TRANSLATE_NOOP("QuestionForm", "Answers"),
    "choices": QT_TRANSLATE_NOOP("QuestionForm", "Choices"), "items": QT_TRANSLATE_NOOP("QuestionForm", "Items"),
    "pairs": QT_TRANSLATE_NOOP("QuestionForm", "Pairs"), "text": QT_TRANSLATE_NOOP("QuestionForm", "Text"),
    "explanation": QT_TRANSLATE_NOOP("QuestionForm", "Explanation"), "quote": QT_TRANSLATE_NOOP("QuestionForm", "Quote"),
    "tags": QT_TRANSLATE_NOOP("QuestionForm", "Tags"), "source": QT_TRANSLATE_NOOP("QuestionForm", "Source"),
    "image": QT_TRANSLATE_NOOP("QuestionForm", "Picture"), "image_alt": QT_TRANSLATE_NOOP("QuestionForm", "Picture description"),
}


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


class FieldRow(QWidget):
    """One field: its input, a hint, and the problem found in it (hidden while there is none)."""

    changed = Signal()

    def __init__(self, qtype: QuestionType, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.qtype = qtype
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input: QLineEdit | QPlainTextEdit | QComboBox
        if name == "answer" and qtype is QuestionType.TRUEFALSE:
            combo = QComboBox()
            combo.addItems([self.tr("true"), self.tr("false")])
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.input = combo
        elif name in _LIST_FIELDS or name in _LONG_FIELDS or name == "pairs" or (
                name == "answer" and qtype is QuestionType.TEXT):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * (5 if name != "prompt" else 3) + 12)
            edit.textChanged.connect(self.changed.emit)
            self.input = edit
        else:
            line = QLineEdit()
            line.textChanged.connect(lambda _t: self.changed.emit())
            self.input = line
        self.input.setAccessibleName(self.tr("Field {name}").format(name=name))
        layout.addWidget(self.input)
        hint = _HINTS.get(name) or (_TEXT_ANSWER_HINT if name == "answer" and qtype is QuestionType.TEXT else "")
        if hint:
            self.hint = _label(self.tr(hint), self.tr("Hint for {name}").format(name=name))
            self.hint.setStyleSheet("color: palette(mid);")
            layout.addWidget(self.hint)
        self.problem = _label("", self.tr("Problem in {name}").format(name=name))
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        layout.addWidget(self.problem)

    def value(self) -> Value:
        """What the field holds, as a draft value."""
        if isinstance(self.input, QComboBox):
            return self.input.currentIndex() == 0
        text = self.input.toPlainText() if isinstance(self.input, QPlainTextEdit) else self.input.text()
        if self.name == "tags":
            return [t.strip() for t in text.split(",") if t.strip()]
        if self.name in _LIST_FIELDS or (self.name == "answer" and self.qtype is QuestionType.TEXT):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            if self.name == "answer":
                return lines[0] if len(lines) == 1 else lines if lines else ""
            return lines
        if self.name == "pairs":
            pairs: dict[str, str] = {}
            for line in text.splitlines():
                if not line.strip():
                    continue
                sep = PAIR_ARROW.strip() if PAIR_ARROW.strip() in line else "->"
                left, _, right = line.partition(sep)
                pairs[left.strip()] = right.strip()
            return pairs
        return text

    def set_value(self, value: Value) -> None:
        """Show ``value`` in the field (signals blocked: filling is not an edit)."""
        self.input.blockSignals(True)
        try:
            if isinstance(self.input, QComboBox):
                self.input.setCurrentIndex(0 if value is True else 1)
                return
            if isinstance(value, dict):
                text = "\n".join(f"{k}{PAIR_ARROW}{v}" for k, v in value.items())
            elif isinstance(value, list):
                text = (", " if self.name == "tags" else "\n").join(value)
            else:
                text = str(value)
            if isinstance(self.input, QPlainTextEdit):
                self.input.setPlainText(text)
            else:
                self.input.setText(text)
        finally:
            self.input.blockSignals(False)

    def set_problem(self, message: str) -> None:
        """Show ``message`` under the field ("" hides it)."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))


class QuestionForm(QWidget):
    """The rows of one question type; ``changed`` whenever the person edits a field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.rows: dict[str, FieldRow] = {}
        self.qtype = QuestionType.CARD
        self._extra: Draft = {}

    def build(self, qtype: QuestionType) -> None:
        """Rebuild the rows for ``qtype`` (values of fields both types have are kept)."""
        kept = self.draft() if self.rows else {}
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.rows = {}
        self.qtype = qtype
        for name in field_order(qtype):
            if name == "type":
                continue
            row = FieldRow(qtype, name)
            row.changed.connect(self.changed.emit)
            self.rows[name] = row
            optional = name in _OPTIONAL_LABELS or (name == "prompt" and qtype is QuestionType.CLOZE)
            label = self.tr(_LABELS[name]) if name in _LABELS else name.capitalize()
            text = self.tr("{label} (optional)").format(label=label) if optional else label
            self.layout_.addRow(_label(text, self.tr("Label {name}").format(name=name)), row)
        for name, value in kept.items():
            if name in self.rows and not (name == "answer" and isinstance(value, bool) != (qtype is QuestionType.TRUEFALSE)):
                self.rows[name].set_value(value)

    def set_draft(self, draft: Draft) -> None:
        """Fill the form with ``draft`` (building the rows for its type)."""
        qtype = QuestionType(str(draft["type"]))
        self.build(qtype)
        for name, row in self.rows.items():
            if name in draft:
                row.set_value(draft[name])
        self._extra = {k: v for k, v in draft.items() if k not in self.rows and k != "type"}

    def draft(self) -> Draft:
        """The form's fields as a draft."""
        d: Draft = {"id": self.rows["id"].value() if "id" in self.rows else "", "type": str(self.qtype)}
        for name, row in self.rows.items():
            d[name] = row.value()
        return d

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> list[str]:
        """Show each problem under its field; returns the messages that belong to no field shown."""
        messages: dict[str, list[str]] = {}
        loose: list[str] = []
        for p in problems:
            if p.field in self.rows:
                messages.setdefault(p.field, []).append(worded_text(p))
            else:
                loose.append(worded_text(p))
        for name, row in self.rows.items():
            row.set_problem("\n".join(messages.get(name, [])))
        return loose
