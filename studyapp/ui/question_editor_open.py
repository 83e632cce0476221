"""Opening the editors from the window: one question, a new question, a new deck, a file's text.

Each opener reads the file into an ``authoring.EditSession`` (a file that cannot be edited in
place opens as text instead), shows the editor, and after a save carries the question's history
over a renamed id (``Store.rename_question``), tells the window which file it wrote (the folder
watcher then does not reload a second time) and reloads once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from studyapp.authoring.draft import Draft, draft_of, empty_draft
from studyapp.authoring.questionfile import EditError
from studyapp.authoring.session import EditSession
from studyapp.bank.model import QuestionType
from studyapp.store import StoreError
from studyapp.ui import dialogs
from studyapp.ui.translation import error_text

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow
    from studyapp.ui.question_editor import QuestionEditor
    from studyapp.ui.question_editor_text import FileTextEditor


translate = QCoreApplication.translate


def history_dir(window: MainWindow) -> Path:
    """Where the previous versions of edited question files are kept."""
    return window.core.paths.root / "history"


def _session(window: MainWindow, path: Path) -> EditSession | None:
    try:
        return EditSession.open(path, window.core.paths.cache, window.core.own_copies)
    except OSError as exc:
        dialogs.warn(window, translate("QuestionEditorOpen", "Cannot edit"),
                     translate("QuestionEditorOpen", "Could not read {path}: {reason}").format(
                         path=path, reason=exc.strerror or exc))
    except (EditError, UnicodeDecodeError) as exc:
        dialogs.inform(window, translate("QuestionEditorOpen", "Edit the file's text"),
                       translate("QuestionEditorOpen", "{file}: {problem}\n\nIt opens as text instead.").format(file=path.name, problem=error_text(exc)))
        open_file_text(window, path, 1)
    return None


def _show(window: MainWindow, session: EditSession, deck_id: str, question_id: str | None, draft: Draft) -> QuestionEditor:
    from studyapp.ui.question_editor import QuestionEditor

    editor = QuestionEditor(session, question_id, draft, history_dir(window), window.core.paths.root, window)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.fit_text_size(editor)
    editor.saved.connect(lambda path, old, new: after_save(window, path, deck_id, old, new))
    editor.fileRestored.connect(lambda path: _reload_after_write(window, path))
    editor.open()
    return editor


def open_question_editor(window: MainWindow, deck_id: str, question_id: str) -> QuestionEditor | None:
    """The editor on question ``question_id`` of deck ``deck_id`` (None when it cannot open)."""
    deck = window.bank.deck(deck_id)
    q = deck.question(question_id) if deck is not None else None
    if deck is None or q is None:
        gone = translate("QuestionEditorOpen", "Question '{question}' is no longer in deck '{deck}'.")
        window.statusBar().showMessage(gone.format(question=question_id, deck=deck_id), 6000)
        return None
    session = _session(window, deck.path)
    if session is None:
        return None
    fresh = session.deck.question(question_id) if session.deck is not None else None
    return _show(window, session, deck_id, question_id, draft_of(fresh or q))


def new_question(window: MainWindow, deck_id: str, qtype: QuestionType) -> QuestionEditor | None:
    """The editor on a new question of ``qtype`` at the end of deck ``deck_id``."""
    return new_question_from_draft(window, deck_id, lambda qid: empty_draft(qtype, qid))


def new_question_from_draft(window: MainWindow, deck_id: str, make: Callable[[str], Draft]) -> QuestionEditor | None:
    """The editor on a new question of deck ``deck_id`` prefilled by ``make(free id)`` (the
    reader's "Make a question")."""
    deck = window.bank.deck(deck_id)
    if deck is None:
        return None
    session = _session(window, deck.path)
    if session is None:
        return None
    taken = {q.id for q in deck.questions}
    n = len(taken) + 1
    while f"q{n}" in taken:
        n += 1
    return _show(window, session, deck_id, None, make(f"q{n}"))


def after_save(window: MainWindow, path: Path, deck_id: str, old_id: str | None, new_id: str) -> None:
    """After the editor wrote ``path``: history follows a renamed id; one reload."""
    if old_id is not None and old_id != new_id:
        try:
            window.core.store.rename_question((deck_id, old_id), (deck_id, new_id))
        except StoreError as exc:
            dialogs.warn(window, translate("QuestionEditorOpen", "History not carried over"),
                         translate("QuestionEditorOpen", "The question was saved as '{new}', but its history stays under '{old}': {reason}")
                         .format(new=new_id, old=old_id, reason=error_text(exc)))
    deck = window.bank.deck(deck_id)
    _reload_after_write(window, path)
    if deck is not None and deck.path != path and window.core.own_copies.redirects(deck.path):
        tell_copied(window, path)  # said once: from now on the copy is the deck
    else:
        window.statusBar().showMessage(translate("QuestionEditorOpen", "Saved {file}.").format(file=path.name), 5000)


def copied_notice(path: Path) -> str:
    """What the person is told once, when an edit to an installed bundled deck made their copy."""
    return translate("QuestionEditorOpen", "Your edits to this deck are kept in your question folder: {path}").format(path=path)


def tell_copied(window: MainWindow, path: Path) -> None:
    """Show ``copied_notice`` in the status bar now and again after the reload's own deck count."""
    notice = copied_notice(path)
    window.statusBar().showMessage(notice, 20000)
    window.reloaded.connect(lambda: window.statusBar().showMessage(notice, 20000), Qt.ConnectionType.SingleShotConnection)


def _reload_after_write(window: MainWindow, path: Path) -> None:
    window.note_own_write(path)
    window.reload_in_background()


def open_file_text(window: MainWindow, path: Path, line: int) -> FileTextEditor:
    """A plain-text editor on ``path`` at ``line``, the file's problems listed beside it."""
    from studyapp.ui.question_editor_text import FileTextEditor

    editor = FileTextEditor(path, line, history_dir(window), window.core.paths.root, window, window.core.own_copies)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.fit_text_size(editor)
    told: list[Path] = []  # the copy the person was told of (once)

    def saved(written: Path) -> None:
        _reload_after_write(window, written)
        if written != path and not told and window.core.own_copies.redirects(path):  # the first save made a copy
            told.append(written)
            tell_copied(window, written)

    editor.saved.connect(saved)
    editor.open()
    return editor
