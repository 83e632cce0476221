"""The quiz set-up dialog: how many questions, which tags and types, and from which source.

As the user changes a filter the dialog shows how many questions match (counted with the
engine's own ``build_quiz``, so the number is what the quiz will really draw from). Counts
for "new", "weak spots" and "due" need the user's history: pass the store's
``question_history()`` and ``card_states()``; without them only "all" is counted exactly.
"New" and "due" are counted as the deck list counts them (``studyapp.study.quiz``): no memory
state yet, and due before the next local day in ``tz`` starts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from datetime import datetime, timezone, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.bank.model import Bank, Deck, QuestionType
from studyapp.store.localtime import SystemLocalTime
from studyapp.study.quiz import CardStateLike, HistoryLike, Key, QuizOptions, QuizSource, build_quiz, due_cutoff
from studyapp.ui.answer_inputs.base import plain_label
from studyapp.ui.plain_text import title_text, window_title
from studyapp.ui.theme import scale_font
from studyapp.ui.translation import QT_TRANSLATE_NOOP

#: Everything matching, whatever the count asked for.
_ALL = 1 << 30

SOURCE_LABELS = {
    QuizSource.ALL: QT_TRANSLATE_NOOP("QuizSetupDialog", "&All questions"),
    QuizSource.NEW: QT_TRANSLATE_NOOP("QuizSetupDialog", "&New (never answered)"),
    QuizSource.WEAK: QT_TRANSLATE_NOOP("QuizSetupDialog", "&Weak spots (wrong before)"),
    QuizSource.DUE: QT_TRANSLATE_NOOP("QuizSetupDialog", "D&ue flashcards"),
}

TYPE_LABELS = {
    QuestionType.CHOICE: QT_TRANSLATE_NOOP("QuizSetupDialog", "Multiple choice"),
    QuestionType.MULTI: QT_TRANSLATE_NOOP("QuizSetupDialog", "Several answers"),
    QuestionType.TRUEFALSE: QT_TRANSLATE_NOOP("QuizSetupDialog", "True / false"),
    QuestionType.TEXT: QT_TRANSLATE_NOOP("QuizSetupDialog", "Typed answer"),
    QuestionType.CLOZE: QT_TRANSLATE_NOOP("QuizSetupDialog", "Fill the gaps"),
    QuestionType.ORDER: QT_TRANSLATE_NOOP("QuizSetupDialog", "Put in order"),
    QuestionType.MATCH: QT_TRANSLATE_NOOP("QuizSetupDialog", "Match pairs"),
    QuestionType.CARD: QT_TRANSLATE_NOOP("QuizSetupDialog", "Flashcard"),
}


class QuizSetupDialog(QDialog):
    """Choose a quiz's options for ``deck`` (None: every deck of ``bank``); read them with ``options()``."""

    def __init__(
        self,
        deck: Deck | None,
        bank: Bank,
        parent: QWidget | None = None,
        *,
        history: Mapping[Key, HistoryLike] | None = None,
        card_states: Mapping[Key, CardStateLike] | None = None,
        now: datetime | None = None,
        tz: tzinfo | None = None,
        count: int = 10,
        initial: QuizOptions | None = None,
        day_start_hour: int = 0,
        hidden: Collection[Key] = (),
    ) -> None:
        super().__init__(parent)
        self._deck = deck
        self._decks = (deck,) if deck is not None else bank.decks
        self._history = history
        self._cards = card_states
        self._due_before = due_cutoff(now or datetime.now(timezone.utc), tz if tz is not None else SystemLocalTime(),
                                      day_start_hour)
        self._hidden = hidden  # suspended and buried cards: neither new nor due
        name = title_text(deck.title) if deck is not None else self.tr("all decks")
        self.setWindowTitle(window_title(self.tr("Quiz — {name}").format(name=name)))
        self.setAccessibleName(self.tr("Quiz set-up"))
        questions = [q for d in self._decks for q in d.questions]

        heading = plain_label(title_text(deck.title) if deck is not None else self.tr("All decks"), self)
        scale_font(heading, 1.3)

        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(1, 999)
        self.count_spin.setValue(count)
        self.count_spin.setAccessibleName(self.tr("Number of questions"))
        self.count_spin.setMaximumWidth(120)
        self.count_spin.valueChanged.connect(self._refresh)

        self.source_group = QButtonGroup(self)
        self.source_buttons: dict[QuizSource, QRadioButton] = {}
        source_box = QGroupBox(self.tr("Ask from"), self)
        source_layout = QVBoxLayout(source_box)
        for source, text in SOURCE_LABELS.items():
            button = QRadioButton(self.tr(text), source_box)
            button.setAccessibleName(self.tr(text).replace("&", ""))
            self.source_group.addButton(button)
            self.source_buttons[source] = button
            source_layout.addWidget(button)
        self.source_buttons[QuizSource.ALL].setChecked(True)
        self.source_group.buttonToggled.connect(lambda *_: self._refresh())

        type_counts = Counter(q.type for q in questions)
        self.type_boxes: dict[QuestionType, QCheckBox] = {}
        type_box = QGroupBox(self.tr("Question types"), self)
        type_layout = QGridLayout(type_box)
        for i, qtype in enumerate(t for t in QuestionType if type_counts[t]):
            box = QCheckBox(f"{self.tr(TYPE_LABELS[qtype])} ({type_counts[qtype]})", type_box)
            box.setAccessibleName(self.tr(TYPE_LABELS[qtype]))
            box.setChecked(True)
            box.toggled.connect(self._refresh)
            self.type_boxes[qtype] = box
            type_layout.addWidget(box, i, 0)

        tag_counts = Counter(t for q in questions for t in q.tags)
        tag_box = QGroupBox(self.tr("Tags (none ticked: any tag)"), self)
        self.tag_list = QListWidget(tag_box)
        self.tag_list.setAccessibleName(self.tr("Tags"))
        for tag in sorted(tag_counts):
            item = QListWidgetItem(f"{tag} ({tag_counts[tag]})")
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.tag_list.addItem(item)
        self.tag_list.itemChanged.connect(lambda _: self._refresh())
        self.tag_list.setMinimumHeight(110)
        clear_tags = QPushButton(self.tr("&Clear tags"), tag_box)
        clear_tags.setAccessibleName(self.tr("Clear tags"))
        clear_tags.clicked.connect(self._clear_tags)
        tag_layout = QVBoxLayout(tag_box)
        tag_layout.addWidget(self.tag_list)
        tag_layout.addWidget(clear_tags, 0, Qt.AlignmentFlag.AlignLeft)
        if not tag_counts:
            tag_box.hide()

        self.match_label = QLabel(self)
        self.match_label.setTextFormat(Qt.TextFormat.PlainText)
        self.match_label.setWordWrap(True)
        self.match_label.setAccessibleName(self.tr("Matching questions"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.start_button = self.buttons.addButton(self.tr("&Start quiz"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)
        self.start_button.setAccessibleName(self.tr("Start quiz"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Number of &questions:"), self.count_spin)
        top = QHBoxLayout()
        top.addWidget(source_box, 1)
        top.addWidget(type_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(top)
        layout.addWidget(tag_box, 1)
        layout.addWidget(self.match_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        if initial is not None:
            self._apply(initial)
        self._refresh()

    def _apply(self, initial: QuizOptions) -> None:
        """Tick what ``initial`` chose (the last set-up for this deck); types or tags the deck no
        longer has are ignored, and a choice that would leave no type ticked keeps them all."""
        self.count_spin.setValue(initial.count)
        self.source_buttons[initial.source].setChecked(True)
        if initial.types and initial.types & set(self.type_boxes):
            for qtype, box in self.type_boxes.items():
                box.setChecked(qtype in initial.types)
        for i in range(self.tag_list.count()):
            item = self.tag_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in initial.tags:
                item.setCheckState(Qt.CheckState.Checked)

    # -- reading the choices -------------------------------------------------------------

    def source(self) -> QuizSource:
        for source, button in self.source_buttons.items():
            if button.isChecked():
                return source
        return QuizSource.ALL

    def selected_types(self) -> frozenset[QuestionType]:
        return frozenset(t for t, box in self.type_boxes.items() if box.isChecked())

    def selected_tags(self) -> frozenset[str]:
        items = (self.tag_list.item(i) for i in range(self.tag_list.count()))
        return frozenset(
            str(item.data(Qt.ItemDataRole.UserRole)) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def options(self) -> QuizOptions:
        """The options chosen (all types ticked is stored as "any type")."""
        types = self.selected_types()
        if types == frozenset(self.type_boxes):
            types = frozenset()
        return QuizOptions(
            count=self.count_spin.value(),
            tags=self.selected_tags(),
            types=types,
            source=self.source(),
            deck=self._deck.id if self._deck is not None else None,
        )

    def matching(self, options: QuizOptions | None = None) -> int:
        """How many questions the options draw from (before the count limit)."""
        options = options or self.options()
        if not self.selected_types():
            return 0
        wide = QuizOptions(count=_ALL, tags=options.tags, types=options.types, source=options.source,
                           deck=options.deck, seed=0)
        quiz = build_quiz(self._decks, wide, question_history=self._history or {},
                          card_states=self._cards or {}, due_before=self._due_before, hidden=self._hidden)
        return len(quiz)

    # -- reacting ----------------------------------------------------------------------

    def _clear_tags(self) -> None:
        for i in range(self.tag_list.count()):
            self.tag_list.item(i).setCheckState(Qt.CheckState.Unchecked)

    def _refresh(self) -> None:
        known_history = self._history is not None and self._cards is not None
        for source, button in self.source_buttons.items():
            if source is QuizSource.ALL or known_history:
                options = self.options()
                n = self.matching(QuizOptions(count=1, tags=options.tags, types=options.types, source=source,
                                              deck=options.deck))
                button.setText(f"{self.tr(SOURCE_LABELS[source])} ({n})")
        matching = self.matching()
        asked = min(matching, self.count_spin.value())
        if matching == 0:
            text = self.tr("No question matches these choices.")
        elif matching == 1:
            text = self.tr("1 question matches; the quiz will ask it.")
        elif asked < self.count_spin.value():
            text = self.tr("{matching} questions match; the quiz will ask all {matching}.").format(matching=matching)
        else:
            text = self.tr("{matching} questions match; the quiz will ask {asked}.").format(matching=matching, asked=asked)
        self.match_label.setText(text)
        self.start_button.setEnabled(matching > 0)

