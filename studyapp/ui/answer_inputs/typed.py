"""Inputs where the user types: ``text`` (one line edit) and ``cloze`` (line edits inside the sentence)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from studyapp.bank.model import ClozeGap, ClozePart
from studyapp.ui.answer_inputs.base import AnswerInput, chain_tab_order
from studyapp.ui.answer_inputs.flow import FlowLayout
from studyapp.ui.literal_text import LONG_TEXT_CHARS, LiteralText

#: Longest single label in a cloze flow; longer words are cut into pieces so they still wrap.
_WORD_CHUNK = 60


class TextInput(AnswerInput):
    """``text``: the response is the typed string (blank means "I don't know")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type your answer, then press Enter"))
        self.edit.setAccessibleName(self.tr("Your answer"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda _: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def response(self) -> str:
        return self.edit.text()

    def set_locked(self, locked: bool) -> None:
        self.edit.setReadOnly(locked)

    def focus_first(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


def _words(text: str) -> list[str]:
    """Split literal cloze text into word-sized pieces (spaces kept at the ends of words)."""
    pieces: list[str] = []
    for word in text.split(" "):
        while len(word) > _WORD_CHUNK:
            pieces.append(word[:_WORD_CHUNK])
            word = word[_WORD_CHUNK:]
        if word:
            pieces.append(word)
    return pieces


class ClozeInput(AnswerInput):
    """``cloze``: one line edit per gap, in the sentence; the response is a tuple of the gap texts.

    Each paragraph of the text is its own flow of word labels and gap edits, so line breaks
    in the question are kept and long text wraps with the window. A text longer than
    ``LONG_TEXT_CHARS`` is shown as its pieces instead, one under the other (a piece in a
    ``LiteralText``, a gap as a line edit): a label per word made a 1 MB text take minutes.
    """

    def __init__(self, parts: tuple[ClozePart, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gaps: list[QLineEdit] = []
        self.words: list[QLabel] = []
        self.pieces: list[LiteralText] = []  # the long text's pieces (then there are no words)
        self._held: QLabel | None = None  # a word with no space before the next gap
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        gap_count = sum(isinstance(p, ClozeGap) for p in parts)
        if sum(len(p) for p in parts if isinstance(p, str)) > LONG_TEXT_CHARS:
            self._add_pieces(parts, layout, gap_count)
            return
        flow = self._new_paragraph(layout)
        gap_box: QHBoxLayout | None = None  # the last gap's box, while text may still cling to it
        for n, part in enumerate(parts):
            if isinstance(part, ClozeGap):
                holder = QWidget(self)
                gap_box = QHBoxLayout(holder)
                gap_box.setContentsMargins(0, 0, 0, 0)
                gap_box.setSpacing(0)
                held: QLabel | None = self._held
                if held is not None:  # "(" or a word glued to the gap's left
                    gap_box.addWidget(held)
                    self._held = None
                gap_box.addWidget(self._gap_edit(gap_count))
                flow.addWidget(holder)
                continue
            next_is_gap = n + 1 < len(parts) and isinstance(parts[n + 1], ClozeGap)
            paragraphs = part.split("\n")
            for i, paragraph in enumerate(paragraphs):
                if i:
                    flow = self._new_paragraph(layout)
                    gap_box = None
                words = _words(paragraph)
                for j, word in enumerate(words):
                    label = self._word_label(word)
                    if j == 0 and gap_box is not None and not paragraph[:1].isspace():
                        gap_box.addWidget(label)  # ", and": punctuation stays against its gap
                    elif (next_is_gap and i == len(paragraphs) - 1 and j == len(words) - 1
                          and not paragraph[-1:].isspace()):
                        self._held = label  # goes into the next gap's box
                    else:
                        flow.addWidget(label)
                gap_box = None
        chain_tab_order(self.gaps)

    def _word_label(self, word: str) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # before the text: never parsed as HTML
        label.setText(word)
        self.words.append(label)
        return label

    def _gap_edit(self, gap_count: int) -> QLineEdit:
        edit = QLineEdit(self)
        number = len(self.gaps) + 1
        edit.setAccessibleName(self.tr("Gap {number} of {count}").format(number=number, count=gap_count))
        edit.setPlaceholderText(self.tr("gap {number}").format(number=number) if gap_count > 1 else self.tr("gap"))
        edit.setMinimumWidth(120)
        edit.setMaximumWidth(220)
        edit.textChanged.connect(lambda _: self.changed.emit())
        self.gaps.append(edit)
        return edit

    def _add_pieces(self, parts: tuple[ClozePart, ...], layout: QVBoxLayout, gap_count: int) -> None:
        """The long text's pieces one under the other: text in ``LiteralText``, gaps as edits."""
        for part in parts:
            if isinstance(part, ClozeGap):
                layout.addWidget(self._gap_edit(gap_count), 0, Qt.AlignmentFlag.AlignLeft)
            elif part.strip():
                piece = LiteralText(self)
                piece.setText(part.strip())
                self.pieces.append(piece)
                layout.addWidget(piece)
        chain_tab_order(self.gaps)

    def _new_paragraph(self, layout: QVBoxLayout) -> FlowLayout:
        holder = QWidget(self)
        flow = FlowLayout(holder)
        layout.addWidget(holder)
        return flow

    def sentence(self) -> str:
        """The literal words of the text, joined by single spaces (gaps left out)."""
        return " ".join(w.text() for w in (self.words or self.pieces))

    def response(self) -> tuple[str, ...]:
        return tuple(edit.text() for edit in self.gaps)

    def set_locked(self, locked: bool) -> None:
        for edit in self.gaps:
            edit.setReadOnly(locked)

    def focus_first(self) -> None:
        empty = [e for e in self.gaps if not e.text()]
        (empty or self.gaps)[0].setFocus(Qt.FocusReason.OtherFocusReason)
