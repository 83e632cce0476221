"""The Browse window's requests carried out: open the editor, and the bulk actions with undo.

``BrowserActions`` is made with the browser (``browser_window.open_browser``). Enter or a
double click opens the editor on the question (``MainWindow.open_editor``). A bulk action asks
what it needs (the tag, the deck to move to, a confirmation before deleting), makes the change
through the core (``authoring.bulk``: every file checked, off the UI thread, before any is
written), then reloads
the decks once (the browser's rows follow) and says what it did under the table, with an Undo
button; Ctrl+Z in the browser undoes the last change (the files put back as they were, the
history of moved questions carried back, the suspension as it was). A change that cannot be
made says why in a message box and writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from studyapp.authoring import bulk
from studyapp.authoring.bulk import BulkChange, BulkError, BulkKind, SuspendChange
from studyapp.store import StoreError
from studyapp.ui import dialogs
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.translation import QT_TRANSLATE_NOOP, core_text, error_text, plural_s
from studyapp.ui.browser_window import BrowserWindow, BulkAction, browser_model
from studyapp.ui.question_editor_open import copied_notice

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

Key = tuple[str, str]

_KINDS = {BulkAction.ADD_TAG: BulkKind.ADD_TAG, BulkAction.REMOVE_TAG: BulkKind.REMOVE_TAG,
          BulkAction.MOVE_DECK: BulkKind.MOVE, BulkAction.DELETE: BulkKind.DELETE}
_TITLES = {BulkKind.ADD_TAG: QT_TRANSLATE_NOOP("BrowserActions", "Add tag"),
           BulkKind.REMOVE_TAG: QT_TRANSLATE_NOOP("BrowserActions", "Remove tag"),
           BulkKind.MOVE: QT_TRANSLATE_NOOP("BrowserActions", "Move to deck"),
           BulkKind.DELETE: QT_TRANSLATE_NOOP("BrowserActions", "Delete questions")}


def _questions(n: int) -> str:
    return plural_s(QCoreApplication.translate("BrowserActions", "%n question(s)", "", n), n)


class BrowserActions(QObject):
    """Carries out ``browser``'s requests in ``window``; keeps the changes Ctrl+Z undoes, newest last."""

    def __init__(self, window: MainWindow, browser: BrowserWindow) -> None:
        super().__init__(browser)
        self.setObjectName("browser-bulk")
        self.window = window
        self.browser = browser
        self.done: list[BulkChange | SuspendChange] = []
        self._after_reload = ""  # the status message to show once the reload it asked for is done
        window.reloaded.connect(self._reloaded)
        browser.edit_requested.connect(window.open_editor)
        browser.bulk_requested.connect(self.run)
        self._kind = BulkKind.ADD_TAG  # the change being checked
        self._task = BackgroundTask(self)
        self._task.finished.connect(self._planned)
        self._task.failed.connect(self._failed)

        self.undo_action = QAction(self.tr("Undo"), browser)
        self.undo_action.setObjectName("browser-undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        browser.addAction(self.undo_action)
        self.notice = QLabel()
        self.notice.setObjectName("browser-notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("browser-undo-button")
        self.undo_button.setAccessibleName(self.tr("Undo the last change"))
        self.undo_button.clicked.connect(self.undo)
        row = QHBoxLayout()
        row.addWidget(self.notice, 1)
        row.addWidget(self.undo_button)
        layout = browser.layout()
        if isinstance(layout, QVBoxLayout):
            layout.addLayout(row)
        self._show("")

    # -- doing ------------------------------------------------------------------------------

    def run(self, action: str, keys: list[Key]) -> None:
        """Carry out the bulk ``action`` (a ``BulkAction`` value) on the questions ``keys``."""
        what = BulkAction(action)
        keys = [(str(d), str(q)) for d, q in keys]
        if not keys or self._busy():
            return
        if what is BulkAction.SUSPEND:
            self._suspend(keys)
            return
        kind = _KINDS[what]
        tag, target = "", ""
        if kind in (BulkKind.ADD_TAG, BulkKind.REMOVE_TAG):
            label = (self.tr("Tag to add to {questions}:") if kind is BulkKind.ADD_TAG
                     else self.tr("Tag to remove from {questions}:"))
            answer = dialogs.ask_text(self.browser, self.tr(_TITLES[kind]), label.format(questions=_questions(len(keys))))
            if answer is None:
                return
            tag = answer
        elif kind is BulkKind.MOVE:
            decks = list(self.window.bank.decks)
            chosen = dialogs.pick(self.browser, self.tr(_TITLES[kind]),
                                  self.tr("Move {questions} to the deck:").format(questions=_questions(len(keys))),
                                  [f"{d.title} ({d.id})" for d in decks])
            if chosen is None:
                return
            target = decks[chosen].id
        elif not dialogs.confirm(self.browser, self.tr(_TITLES[kind]),
                                 self.tr("Delete {questions} from their question files?\n\n"
                                         "Ctrl+Z in the Browse window puts them back.").format(
                                     questions=_questions(len(keys)))):
            return
        self._change(kind, keys, tag, target)

    def _change(self, kind: BulkKind, keys: list[Key], tag: str, target: str) -> None:
        """Check the change off the UI thread (a tag on thousands of questions takes seconds);
        ``_planned`` writes it."""
        window = self.window
        bank, cache, copies = window.bank, window.core.paths.cache, window.core.own_copies

        def work(_cancel: object) -> bulk.BulkPlan | BulkError:
            try:
                return bulk.plan(bank, keys, kind, tag=tag, target=target, cache_dir=cache, copies=copies)
            except BulkError as exc:
                return exc

        self._kind = kind
        self._show(self.tr("Checking {questions}…").format(questions=_questions(len(keys))))
        self._task.start(work, "studyapp-bulk-check")

    def _planned(self, planned: object) -> None:
        kind, window = self._kind, self.window
        if isinstance(planned, BulkError):
            self._show("")
            dialogs.warn(self.browser, _TITLES[kind], core_text(planned.wording))
            return
        if not isinstance(planned, bulk.BulkPlan):
            return
        if not planned.changed:
            self._show(self.tr("Nothing to change: every selected question is in that deck already")
                       if kind is BulkKind.MOVE else self.tr("Nothing to change: the tag was already as asked"))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change = bulk.apply(planned, self._history_dir(), window.core.paths.root)
        except BulkError as exc:
            self._show("")
            dialogs.warn(self.browser, _TITLES[kind], core_text(exc.wording))
            return
        finally:
            QApplication.restoreOverrideCursor()
        failed = bulk.carry_history(window.core.store, change.moved)
        if failed:
            dialogs.warn(self.browser, self.tr("History not carried over"),
                         self.tr("The questions were moved, but the history of these stays in their old deck:")
                         + "\n" + "\n".join(failed))
        self._reload([w.path for w in change.writes])
        self.done.append(change)
        shown = self.tr("{change} — Ctrl+Z undoes").format(change=core_text(change.wording))
        for copy in (e.session.copied for e in planned.files if e.session.copied is not None):
            shown += "\n" + copied_notice(copy)
        self._show(shown, reloading=True)

    def _failed(self, message: str) -> None:
        self._show("")
        dialogs.warn(self.browser, self.tr(_TITLES[self._kind]),
                     self.tr("The change could not be checked ({problem}); nothing was changed.").format(problem=message))

    def _suspend(self, keys: list[Key]) -> None:
        try:
            change = bulk.toggle_suspended(self.window.core.store, keys)
        except StoreError as exc:
            dialogs.warn(self.browser, self.tr("Suspend"), self.tr("Could not save the suspension: {reason}").format(reason=error_text(exc)))
            return
        self.done.append(change)
        self._refresh()
        self._show(self.tr("{change} — Ctrl+Z undoes").format(change=core_text(change.wording)))

    # -- undoing ----------------------------------------------------------------------------

    def undo(self) -> None:
        """Undo the last change made in the browser (nothing when there is none)."""
        if not self.done or self._busy():
            return
        change = self.done.pop()
        window = self.window
        if isinstance(change, SuspendChange):
            try:
                bulk.undo_suspend(window.core.store, change)
            except StoreError as exc:
                self.done.append(change)
                dialogs.warn(self.browser, self.tr("Undo"),
                             self.tr("Could not save the suspension: {reason}").format(reason=error_text(exc)))
                return
            self._refresh()
        else:
            try:
                bulk.undo(change, self._history_dir(), window.core.paths.root)
            except BulkError as exc:
                dialogs.warn(self.browser, self.tr("Undo"), core_text(exc.wording))
                self._show("")
                return
            failed = bulk.carry_history(window.core.store, [(new, old) for old, new in change.moved])
            if failed:
                dialogs.warn(self.browser, self.tr("History not carried back"),
                             self.tr("The files were put back, but the history of these stays in the deck they "
                                     "were moved to:") + "\n" + "\n".join(failed))
            self._reload([w.path for w in change.writes])
        summary = core_text(change.wording)
        self._show(self.tr("Undone: {change}").format(change=f"{summary[0].lower()}{summary[1:]}"),
                   reloading=isinstance(change, BulkChange))

    # -- after a change ---------------------------------------------------------------------

    def _history_dir(self) -> Path:
        from studyapp.ui.question_editor_open import history_dir

        return history_dir(self.window)

    def _reload(self, paths: list[Path]) -> None:
        """The window wrote ``paths``: reload the decks once (the browser follows)."""
        for path in paths:
            self.window.note_own_write(path)
        self.window.reload_in_background()

    def _refresh(self) -> None:
        """The memory changed, not the files: new rows for the browser, the deck list recounted."""
        window, browser = self.window, self.browser
        index = browser.model.search_index if browser.model.bank is window.bank else None
        browser.set_model(browser_model(window.bank, window.core.store, window.now(), window.core.store.tz, index))
        window.refresh_home()

    def _busy(self) -> bool:
        """True (and said) while a change is being checked: one change at a time."""
        if self._task.running:
            self.window.statusBar().showMessage(self.tr("Still checking the last change…"), 4000)
        return self._task.running

    def _reloaded(self) -> None:
        if self._after_reload:  # the reload's own "2 decks loaded" would hide what was done
            self.window.statusBar().showMessage(self._after_reload, 8000)
            self._after_reload = ""

    def _show(self, text: str, *, reloading: bool = False) -> None:
        if text and self.browser.search.hasFocus():
            self.browser.table.setFocus()  # Ctrl+Z in the search field would undo its typing instead
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.undo_button.setVisible(bool(self.done))
        self.undo_action.setEnabled(bool(self.done))
        if text:
            self.window.statusBar().showMessage(text, 8000)
        self._after_reload = text if reloading else ""
