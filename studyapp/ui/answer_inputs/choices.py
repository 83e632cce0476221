"""Inputs for picking among given answers: ``choice`` and ``truefalse`` (radio buttons), ``multi`` (check boxes).

Each option is a row: a small button labelled with its number (the digit key that picks it)
and the option's text in a word-wrapping plain-text label beside it, so a very long option
wraps instead of stretching the window. Clicking the text works like clicking the button.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.ui.answer_inputs.base import AnswerInput, ClickableLabel, accessible, status_colour
from studyapp.ui.literal_text import LONG_TEXT_CHARS, LiteralText


class OptionRow(QWidget):
    """One option: the numbered button, the text, and a mark shown after grading."""

    def __init__(self, number: int, text: str, button: QAbstractButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.button = button
        button.setText(str(number) if number <= 9 else "")
        button.setAccessibleName(accessible(text))
        button.setAccessibleDescription((self.tr("Option {number}, key {number}") if number <= 9 else self.tr("Option {number}"))
                                        .format(number=number))
        self.label: QWidget
        if len(text) > LONG_TEXT_CHARS:
            # A long option scrolls in its own view (a label took seconds per resize); the
            # numbered button and the digit key pick it.
            self.label = LiteralText(self)
            self.label.setText(text)
        else:
            label = ClickableLabel(text, self)
            label.clicked.connect(self._label_clicked)
            self.label = label
        # No setBuddy: a label with a buddy reads '&' as a mnemonic and would hide it.
        self.mark = QLabel(self)
        self.mark.setTextFormat(Qt.TextFormat.PlainText)
        self.mark.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)

    def _label_clicked(self) -> None:
        if self.button.isEnabled():
            self.button.click()
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)

    def show_mark(self, text: str, colour: str) -> None:
        """Show a text mark (not colour alone) after grading, e.g. '✔ right answer'."""
        self.mark.setText(text)
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.mark.show()


class _OptionsInput(AnswerInput):
    """Rows of options in a column; subclasses choose the button kind."""

    exclusive = True

    def __init__(self, options: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OptionRow] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.exclusive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, option in enumerate(options, start=1):
            button: QAbstractButton = QRadioButton() if self.exclusive else QCheckBox()
            row = OptionRow(number, option, button, self)
            self.group.addButton(button, number - 1)
            self.rows.append(row)
            layout.addWidget(row)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())

    def pick(self, number: int) -> bool:
        if not 1 <= number <= len(self.rows) or not self.isEnabled():
            return False
        button = self.rows[number - 1].button
        if not button.isEnabled():
            return False
        if self.exclusive:
            button.setChecked(True)
        else:
            button.toggle()
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def set_locked(self, locked: bool) -> None:
        # Only the buttons: disabling the labels would grey out the text the user reads.
        for row in self.rows:
            row.button.setEnabled(not locked)

    def focus_first(self) -> None:
        checked = [row.button for row in self.rows if row.button.isChecked()]
        target = checked[0] if checked else (self.rows[0].button if self.rows else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def checked_texts(self) -> list[str]:
        return [row.text for row in self.rows if row.button.isChecked()]

    def mark_options(self, right: set[str]) -> None:
        """After grading: mark the right options, and the user's wrong picks."""
        for row in self.rows:
            if row.text in right:
                row.show_mark(self.tr("✔ right"), status_colour("right", self))
            elif row.button.isChecked():
                row.show_mark(self.tr("✘ not right"), status_colour("wrong", self))


class ChoiceInput(_OptionsInput):
    """``choice``: exactly one option; the response is its text."""

    exclusive = True

    def response(self) -> str | None:
        picked = self.checked_texts()
        return picked[0] if picked else None


class MultiInput(_OptionsInput):
    """``multi``: any number of options; the response is the set of their texts (at least one)."""

    exclusive = False

    def response(self) -> frozenset[str] | None:
        picked = self.checked_texts()
        return frozenset(picked) if picked else None


class TrueFalseInput(_OptionsInput):
    """``truefalse``: True (key 1) or False (key 2); the response is a bool."""

    exclusive = True

    def __init__(self, parent: QWidget | None = None) -> None:
        translate = QCoreApplication.translate
        super().__init__((translate("TrueFalseInput", "True"), translate("TrueFalseInput", "False")), parent)
        for row, key in zip(self.rows, ("True", "False")):
            row.text = key  # what the grader and the feedback name; the label shows the translation

    def response(self) -> bool | None:
        picked = self.checked_texts()
        return picked[0] == "True" if picked else None
