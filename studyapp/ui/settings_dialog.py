"""Tools → Preferences… (Ctrl+,): the theme, the text size, the data folder, the study settings.

Every choice applies at once and is kept in the data folder's ``settings.ini``: the theme
through ``theme.apply_theme`` (and again at the next start, in ``app.run_window``), the text
size through the window's ``set_font_size`` (the same value as View → Larger text). The data
folder is shown as plain text, with a button that opens it. ``PreferencesDialog`` shows and
emits; ``open_preferences`` does what it asks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.preferences import Theme
from studyapp.ui import dialogs
from studyapp.ui.answer_inputs.base import plain_label
from studyapp.ui.theme import FONT_MAX, FONT_MIN, THEME_KEY, apply_theme
from studyapp.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

#: The theme choices as the dialog offers them, in order.
THEME_CHOICES = ((Theme.SYSTEM, QT_TRANSLATE_NOOP("PreferencesDialog", "Follow the system")),
                 (Theme.LIGHT, QT_TRANSLATE_NOOP("PreferencesDialog", "Light")),
                 (Theme.DARK, QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")))


class PreferencesDialog(QDialog):
    """Shows the current choices and emits each change; closing keeps what was chosen."""

    themeChosen = Signal(object)  # a Theme
    fontSizeChosen = Signal(int)
    openFolderRequested = Signal()
    studySettingsRequested = Signal()

    def __init__(self, theme: Theme, font_size: int, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        form = QFormLayout()

        self.theme_buttons: dict[Theme, QRadioButton] = {}
        self._theme_group = QButtonGroup(self)
        themes = QVBoxLayout()
        for choice, text in THEME_CHOICES:
            radio = QRadioButton(self.tr(text), self)
            radio.setAccessibleName(self.tr("Theme: {theme}").format(theme=self.tr(text)))
            radio.setChecked(choice is theme)
            radio.toggled.connect(lambda on, c=choice: self._theme_toggled(c, on))
            self._theme_group.addButton(radio)
            self.theme_buttons[choice] = radio
            themes.addWidget(radio)
        form.addRow(self.tr("Theme:"), themes)

        self.font_spin = QSpinBox(self)
        self.font_spin.setAccessibleName(self.tr("Text size"))
        self.font_spin.setRange(FONT_MIN, FONT_MAX)
        self.font_spin.setSuffix(self.tr(" pt"))
        self.font_spin.setValue(font_size)
        self.font_spin.valueChanged.connect(self.fontSizeChosen.emit)
        form.addRow(self.tr("Text size:"), _left(self.font_spin))

        # The folder's name is the person's: shown literally, selectable, never as rich text.
        self.folder_label = plain_label(str(data_folder), self)
        self.folder_label.setAccessibleName(self.tr("Data folder"))
        self.open_folder = QPushButton(self.tr("Open"), self)
        self.open_folder.setAccessibleName(self.tr("Open the data folder"))
        self.open_folder.clicked.connect(self.openFolderRequested.emit)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignTop)
        folder_box = QVBoxLayout()
        folder_box.addLayout(folder_row)
        folder_box.addWidget(plain_label(self.tr("Your answers, backups, question folder and these settings are kept there."),
                                         self, selectable=False))
        form.addRow(self.tr("Data folder:"), folder_box)

        self.study_button = QPushButton(self.tr("Study settings…"), self)
        self.study_button.setAccessibleName(self.tr("Study settings"))
        self.study_button.clicked.connect(self.studySettingsRequested.emit)
        form.addRow(self.tr("Studying:"), _left(self.study_button))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _theme_toggled(self, theme: Theme, on: bool) -> None:
        if on:  # the radio switched off says nothing: the one switched on does
            self.themeChosen.emit(theme)

    def theme(self) -> Theme:
        """The theme checked now."""
        return next((t for t, radio in self.theme_buttons.items() if radio.isChecked()), Theme.SYSTEM)


def _left(widget: QWidget) -> QHBoxLayout:
    """``widget`` at its own width, at the start of its row (a form stretches fields otherwise)."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Open the preferences over ``window`` (window-modal, not blocking) and apply each change."""
    from PySide6.QtWidgets import QApplication

    from studyapp.ui.theme import saved_theme
    from studyapp.ui.window_menus import open_study_settings

    folder = window.core.paths.root
    dialog = PreferencesDialog(saved_theme(window.settings), window.font_size, folder, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.fit_text_size(dialog)

    def choose_theme(theme: Theme) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # The application is in Fusion since start-up: only the palette changes.
            apply_theme(app, theme, set_style=False)
        window.settings.setValue(THEME_KEY, theme.value)

    def choose_size(size: int) -> None:
        window.set_font_size(size)
        window.fit_text_size(dialog)

    def open_folder() -> None:
        if not dialogs.open_externally(dialog, folder):
            translate = QCoreApplication.translate
            dialogs.inform(dialog, translate("PreferencesDialog", "Data folder"),
                           translate("PreferencesDialog", "Your data folder is {folder}").format(folder=folder))

    dialog.themeChosen.connect(choose_theme)
    dialog.fontSizeChosen.connect(choose_size)
    dialog.openFolderRequested.connect(open_folder)
    dialog.studySettingsRequested.connect(lambda: open_study_settings(window))
    dialog.open()
    return dialog
