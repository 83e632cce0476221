"""The main window's menu bar (File, View, Tools, Help) and the dialogs its entries open.

Kept apart from ``main_window`` so that module stays about navigation between screens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from studyapp.store import NoticeKind, StoreError, StoreNotice
from studyapp.ui import dialogs
from studyapp.ui.theme import FONT_DEFAULT
from studyapp.ui.translation import error_text, worded_text

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow


translate = QCoreApplication.translate
_Shortcut = QKeySequence | QKeySequence.StandardKey | list[QKeySequence]


def _action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object], shortcut: _Shortcut | None = None,
            name: str | None = None) -> QAction:
    # QAction(parent), then the text: for QAction(text, parent) PySide6 must first rule out
    # QAction(icon, text) (a QIcon converts from a file name), which builds its QIcon type and
    # enums, ~1.3 ms of start-up for an icon no menu entry has.
    action = QAction(window)
    action.setText(text)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    action.setObjectName(name or text)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """File, View, Tools and Help, with their shortcuts (actions are named for tests)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    window.add_action = _action(window, file_menu, translate("Menus", "&Add question file…"), window.add_question_file, QKeySequence.StandardKey.Open, "add-file")
    for module, text, name in (
        ("studyapp.ui.draft_dialog", translate("Menus", "New deck from ar&ticle…"), "DraftDialog"),
        ("studyapp.ui.import_dialog", translate("Menus", "&Import…"), "ImportDialog"),
    ):
        if _module_exists(module):
            _action(window, file_menu, text, partial(open_interop_dialog, window, module, name), None, name)
    if _module_exists("studyapp.ui.draft_dialog"):
        _action(window, file_menu, translate("Menus", "Review a &draft…"),
                partial(open_interop_dialog, window, "studyapp.ui.draft_dialog", "DraftDialog", "choose_draft"),
                None, "ReviewDraft")
    _action(window, file_menu, translate("Menus", "&Export…"), partial(open_export_dialog, window), None, "ExportDialog")
    _action(window, file_menu, translate("Menus", "&New deck…"), partial(_editor_dialog, window, "new_deck_dialog"), None, "new-deck")
    _action(window, file_menu, translate("Menus", "New q&uestion…"), partial(_editor_dialog, window, "new_question_dialog"),
            QKeySequence("Ctrl+Shift+N"), "new-question")
    _action(window, file_menu, translate("Menus", "Open question &folder"), window.open_question_folder, None, "open-folder")
    window.reload_action = _action(window, file_menu, translate("Menus", "&Reload question files"), window.reload_in_background, QKeySequence(Qt.Key.Key_F5), "reload")
    file_menu.addSeparator()
    _action(window, file_menu, translate("Menus", "&Quit"), window.close, QKeySequence.StandardKey.Quit, "quit")

    view = bar.addMenu(translate("Menus", "&View"))
    _action(window, view, translate("Menus", "&Decks"), window.go_home, QKeySequence("Ctrl+D"), "home")
    window.stats_action = _action(window, view, translate("Menus", "&Statistics"), window.show_stats, QKeySequence("Ctrl+T"), "stats")
    # B on the deck list, as in Anki (a one-letter shortcut for the whole window would fire in the
    # study screens too); the menu shows it after a tab without binding it.
    _action(window, view, translate("Menus", "&Browse questions\tB"), partial(open_browser, window), None, "browse")
    browse_key = QShortcut(QKeySequence(Qt.Key.Key_B), window.home, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    browse_key.activated.connect(partial(open_browser, window))
    view.addSeparator()
    _action(window, view, translate("Menus", "&Larger text"), lambda: window.set_font_size(window.font_size + 1),
                 [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")], "larger")
    _action(window, view, translate("Menus", "S&maller text"), lambda: window.set_font_size(window.font_size - 1), QKeySequence("Ctrl+-"), "smaller")
    _action(window, view, translate("Menus", "&Normal text size"), lambda: window.set_font_size(FONT_DEFAULT), QKeySequence("Ctrl+0"), "normal")

    tools = bar.addMenu(translate("Menus", "&Tools"))
    _action(window, tools, translate("Menus", "Study &settings…"), partial(open_study_settings, window), None, "study-settings")
    _action(window, tools, translate("Menus", "&Preferences…"), partial(open_preferences, window), QKeySequence("Ctrl+,"), "preferences")

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    _action(window, help_menu, translate("Menus", "Question file &format"), window.show_format_help, QKeySequence.StandardKey.HelpContents, "format")
    _action(window, help_menu, translate("Menus", "&Welcome"), window.show_welcome, None, "welcome")
    _action(window, help_menu, translate("Menus", "&About studyapp"), window.show_about, None, "about")


def open_study_settings(window: MainWindow, deck: str | None = None) -> None:
    """Open Tools → Study settings… (for ``deck``, or the default); recount the decks after a save."""
    from studyapp.ui.study_settings_dialog import StudySettingsDialog

    decks = [(d.id, d.title) for d in window.bank.decks]
    dialog = StudySettingsDialog(window.core.store, decks, window.now(), window, deck=deck)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(window.refresh_home)
    dialog.open()


def open_preferences(window: MainWindow) -> None:
    """Tools → Preferences…: theme, text size, the data folder (the dialog's module on first use)."""
    from studyapp.ui.settings_dialog import open_preferences as open_dialog

    open_dialog(window)


def _editor_dialog(window: MainWindow, name: str) -> None:
    """File → New deck… / New question… (the editor's module is imported on first use)."""
    from studyapp.ui import question_editor_new

    getattr(question_editor_new, name)(window)


def open_browser(window: MainWindow) -> None:
    """View → Browse questions (and B on the deck list): the Browse window."""
    from studyapp.ui.browser_window import open_browser as show_browser

    show_browser(window)


def open_interop_dialog(window: MainWindow, module: str, class_name: str, then: str | None = None) -> None:
    """Open File → New deck from article… / Review a draft… / Import…; reload the decks when it
    saves. ``then`` names a method to call once the dialog is open (Review a draft… picks a file)."""
    import importlib

    cls = getattr(importlib.import_module(module), class_name)
    dialog = cls(window.core.paths.questions, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.fit_text_size(dialog)
    # The file written is ``<deck id>.yaml``: its stem is the new deck, selected on home.
    dialog.saved.connect(lambda path: window.show_new_deck(Path(path).stem))
    dialog.open()
    if then is not None:
        getattr(dialog, then)()


def open_export_dialog(window: MainWindow) -> None:
    """File → Export…: the deck chosen on home (or the first) to .apkg, GIFT or CSV."""
    from studyapp.ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.bank, window.core.paths, window.core.store, window.current_deck, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.fit_text_size(dialog)
    dialog.exported.connect(lambda path: window.statusBar().showMessage(translate("Menus", "Exported to {path}").format(path=path), 8000))
    dialog.open()


def show_about(window: MainWindow) -> None:
    """Help → About: version and where the data lives."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("studyapp")
    except PackageNotFoundError:
        ours = translate("Menus", "(development copy)")
    from PySide6 import __version__ as qt_version

    dialogs.inform(
        window,
        translate("Menus", "About studyapp"),
        translate("Menus", "studyapp {version}\n\nStudy an article with flashcards (spaced repetition, FSRS) and "
                  "quizzes, from plain YAML question files.\n\nData folder: {data}\nQuestion folder: {questions}\n"
                  "Qt for Python {qt}").format(
            version=ours, data=window.core.paths.root, questions=window.core.paths.questions, qt=qt_version),
    )


def show_notices(window: MainWindow, notices: Sequence[StoreNotice]) -> None:
    """Tell the user what happened opening the database; offer a restore after damage."""
    for notice in notices:
        backup = notice.restorable_backup
        if notice.kind is NoticeKind.CORRUPT_MOVED and backup is not None:
            question = translate("Menus", "Restore the backup now?")
            if dialogs.confirm(window, translate("Menus", "Database damaged"), f"{worded_text(notice)}\n\n{question}"):
                try:
                    window.core.restore_backup(backup)
                except (StoreError, OSError) as exc:
                    dialogs.warn(window, translate("Menus", "Restore failed"), error_text(exc))
                else:
                    dialogs.inform(window, translate("Menus", "Backup restored"),
                                   translate("Menus", "Restored {backup}.").format(backup=backup))
                    window.refresh_home()
        elif notice.kind is NoticeKind.DAMAGE_FOUND:
            dialogs.warn(window, translate("Menus", "Database damaged"), worded_text(notice))
        else:
            dialogs.inform(window, translate("Menus", "Database"), worded_text(notice))


def _module_exists(name: str) -> bool:
    """True when ``name`` can be imported (found on disk; not imported here)."""
    from importlib.util import find_spec

    try:
        return find_spec(name) is not None
    except (ImportError, ValueError):
        return False
