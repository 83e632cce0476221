"""Tools → Study settings…: the learner's study settings, per deck or the default for all decks.

The widgets show the settings and collect what the person types; the core
(``studyapp.study.study_settings``) parses the steps, checks every value and stores them. Beside
the desired retention the dialog shows the reviews a day it would ask for, estimated from the
person's own cards (``studyapp.study.retention_estimate``), updated as the value moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.store import SaveError, Store
from studyapp.study.retention_estimate import CardSnapshot, estimate_reviews_per_day, snapshots
from studyapp.study.study_settings import (
    MAX_PER_DAY,
    LeechAction,
    SettingsBook,
    SettingsError,
    StudySettings,
    format_steps,
    parse_steps,
)
from studyapp.ui.answer_inputs.base import plain_label
from studyapp.ui.plain_text import title_text, window_title
from studyapp.ui.translation import QT_TRANSLATE_NOOP, error_text, number_text

ALL_DECKS = QT_TRANSLATE_NOOP("StudySettingsDialog", "All decks (default)")
_LEECH_ACTIONS = ((LeechAction.TAG, QT_TRANSLATE_NOOP("StudySettingsDialog", "Tag only")),
                  (LeechAction.SUSPEND, QT_TRANSLATE_NOOP("StudySettingsDialog", "Tag and suspend")))


class StudySettingsDialog(QDialog):
    """Edit the study settings of a deck or the default; ``Save`` stores them and closes."""

    def __init__(self, store: Store, decks: Sequence[tuple[str, str]], now: datetime,
                 parent: QWidget | None = None, *, deck: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Study settings")))
        self.setAccessibleName(self.tr("Study settings"))
        self._store = store
        self._book = SettingsBook(store)
        self._now = now
        self._snapshots: list[CardSnapshot] = []
        self._parameters: tuple[float, ...] | None = None  # kept as stored (fitted by the optimiser)

        self.deck_combo = QComboBox(self)
        self.deck_combo.setAccessibleName(self.tr("Deck"))
        self.deck_combo.addItem(self.tr(ALL_DECKS), None)
        for deck_id, title in decks:
            self.deck_combo.addItem(title_text(title), deck_id)
        self.own_box = QCheckBox(self.tr("This deck has its own settings"), self)
        self.new_spin = self._spin(0, MAX_PER_DAY, self.tr("New cards per day"))
        self.reviews_spin = self._spin(0, MAX_PER_DAY, self.tr("Maximum reviews per day"))
        self.retention_spin = QDoubleSpinBox(self)
        self.retention_spin.setAccessibleName(self.tr("Desired retention"))
        self.retention_spin.setRange(0.70, 0.99)
        self.retention_spin.setSingleStep(0.01)
        self.retention_spin.setDecimals(2)
        self.retention_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.retention_slider.setAccessibleName(self.tr("Desired retention slider"))
        self.retention_slider.setRange(70, 99)
        self.estimate_label = plain_label("", self)
        self.estimate_label.setAccessibleName(self.tr("Estimated reviews per day"))
        self.day_start_spin = self._spin(0, 23, self.tr("The hour a new day starts"))
        self.day_start_spin.setSuffix(":00")
        self.day_start_spin.setToolTip(self.tr("One hour for all decks: set it with “All decks (default)”"))
        self.learning_edit = QLineEdit(self)
        self.learning_edit.setAccessibleName(self.tr("Learning steps"))
        self.learning_edit.setPlaceholderText(self.tr("e.g. 1m 10m"))
        self.relearning_edit = QLineEdit(self)
        self.relearning_edit.setAccessibleName(self.tr("Relearning steps"))
        self.leech_spin = self._spin(1, 99, self.tr("Leech threshold"))
        self.leech_spin.setSuffix(self.tr(" lapses"))
        self.leech_combo = QComboBox(self)
        self.leech_combo.setAccessibleName(self.tr("Leech action"))
        for action, text in _LEECH_ACTIONS:
            self.leech_combo.addItem(self.tr(text), str(action))
        self.error_label = plain_label("", self)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.setStyleSheet("color: palette(highlight);")
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Deck"), self.deck_combo)
        form.addRow("", self.own_box)
        form.addRow(self.tr("New cards per day"), self.new_spin)
        form.addRow(self.tr("Maximum reviews per day"), self.reviews_spin)
        form.addRow(self.tr("Desired retention"), self.retention_spin)
        form.addRow("", self.retention_slider)
        form.addRow("", self.estimate_label)
        form.addRow(self.tr("A new day starts at"), self.day_start_spin)
        form.addRow(self.tr("Learning steps"), self.learning_edit)
        form.addRow(self.tr("Relearning steps"), self.relearning_edit)
        form.addRow(self.tr("Leech after"), self.leech_spin)
        form.addRow(self.tr("Then"), self.leech_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.retention_spin.valueChanged.connect(self._retention_changed)
        self.retention_slider.valueChanged.connect(lambda v: self.retention_spin.setValue(v / 100))
        self.own_box.toggled.connect(self._own_toggled)
        self.deck_combo.currentIndexChanged.connect(self._load)
        if deck is not None and (index := self.deck_combo.findData(deck)) >= 0:
            self.deck_combo.setCurrentIndex(index)
        self._load()

    def _spin(self, low: int, high: int, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setAccessibleName(name)
        return spin

    @property
    def deck(self) -> str | None:
        """The deck being edited (None: the default for all decks)."""
        data = self.deck_combo.currentData()
        return None if data is None else str(data)

    def _load(self) -> None:
        deck = self.deck
        own = None if deck is None else self._book.own(deck)
        self.own_box.blockSignals(True)
        self.own_box.setChecked(deck is None or own is not None)
        self.own_box.blockSignals(False)
        self.own_box.setVisible(deck is not None)
        self._show(self._book.for_deck(deck))
        self._snapshots = snapshots(self._store.card_states(deck).values(), self._now)
        self._own_toggled(self.own_box.isChecked())
        self._update_estimate()

    def _show(self, s: StudySettings) -> None:
        self.new_spin.setValue(s.new_per_day)
        self.reviews_spin.setValue(s.reviews_per_day)
        self.retention_spin.setValue(s.desired_retention)
        self.day_start_spin.setValue(s.day_start_hour)
        self.learning_edit.setText(format_steps(s.learning_steps))
        self.relearning_edit.setText(format_steps(s.relearning_steps))
        self.leech_spin.setValue(s.leech_threshold)
        self.leech_combo.setCurrentIndex(self.leech_combo.findData(str(s.leech_action)))
        self._parameters = s.fsrs_parameters

    def _own_toggled(self, own: bool) -> None:
        for widget in (self.new_spin, self.reviews_spin, self.retention_spin, self.retention_slider,
                       self.learning_edit, self.relearning_edit, self.leech_spin, self.leech_combo):
            widget.setEnabled(own)
        # One study day for the whole collection: the hour is set with the default only.
        self.day_start_spin.setEnabled(self.deck is None)

    def _retention_changed(self, value: float) -> None:
        self.retention_slider.blockSignals(True)
        self.retention_slider.setValue(round(value * 100))
        self.retention_slider.blockSignals(False)
        self._update_estimate()

    def _update_estimate(self) -> None:
        if not self._snapshots:
            self.estimate_label.setText(self.tr("No cards studied yet: the estimate needs your own cards."))
            return
        per_day = estimate_reviews_per_day(self._snapshots, self.retention_spin.value(), 30,
                                           self._parameters)
        self.estimate_label.setText(self.tr("About {per_day} reviews a day over the next 30 days at this "
                                            "retention, from your {cards} cards.").format(
            per_day=number_text(per_day), cards=number_text(len(self._snapshots))))

    def collected(self) -> StudySettings:
        """The settings as typed (steps parsed by the core). Raises ``SettingsError``."""
        return StudySettings(
            new_per_day=self.new_spin.value(), reviews_per_day=self.reviews_spin.value(),
            desired_retention=round(self.retention_spin.value(), 2), day_start_hour=self.day_start_spin.value(),
            learning_steps=parse_steps(self.learning_edit.text()),
            relearning_steps=parse_steps(self.relearning_edit.text()),
            leech_threshold=self.leech_spin.value(), leech_action=LeechAction(self.leech_combo.currentData()),
            fsrs_parameters=self._parameters)

    def save(self) -> None:
        """Store the settings (a deck without its own follows the default again) and close; a
        problem is shown and nothing is saved."""
        deck = self.deck
        try:
            if deck is not None and not self.own_box.isChecked():
                self._book.use_default(deck)
            else:
                self._book.save(deck, self.collected())
        except (SettingsError, SaveError) as exc:
            self.error_label.setText(error_text(exc))
            self.error_label.show()
            return
        self.accept()
