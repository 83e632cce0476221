"""One change made to many questions at once (the browser's bulk actions), and its undo.

Add a tag, remove a tag, move to another deck, delete: the selected questions are grouped by
file, and each file is edited once through its ``EditSession`` (every changed question spliced
into the file's text, ``questionfile``, nothing else touched), then checked whole with the
loader's rules. Every file is checked before any is written (``plan``): when one edit does not
pass, nothing is written and ``BulkError`` says which file and line and why. ``apply`` then
writes each file once (atomically, the previous version kept once in the history; a move writes
the deck it adds to first, so a failure can never lose a question) and returns what it did as a
``BulkChange``; a write that fails puts back the files already written. ``undo`` restores each
written file's previous version (``saving.restore``) and refuses, restoring nothing, when any of
them was changed since.

A move carries each question's answers and memory to its new deck (``carry_history``), as a
renamed id does; undo carries them back.

With ``copies``, a bundled file that belongs to the installed program is not written: its
session copies it into the person's question folder first (``own_copy``); undo then puts the
copy back to the shipped version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from studyapp.authoring.draft import Draft, draft_of
from studyapp.authoring.editcheck import EditResult, canonical
from studyapp.authoring.own_copy import OwnCopies
from studyapp.authoring.operations import with_tag
from studyapp.authoring.questionfile import EditError, QuestionFile
from studyapp.authoring.saving import restore
from studyapp.authoring.session import EditSession
from studyapp.bank.loader import check_data
from studyapp.bank.model import AnyQuestion, Bank, Deck
from studyapp.bank.results import RawProblem
from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.store.marks import CardMark

if TYPE_CHECKING:
    from studyapp.store import Store

Key = tuple[str, str]  # (deck id, question id)

#: At most this many problems are named in a refusal (the first ones; the rest are counted).
SHOWN_PROBLEMS = 5


class BulkKind(StrEnum):
    """What one bulk change does to each selected question."""

    ADD_TAG = "add-tag"
    REMOVE_TAG = "remove-tag"
    MOVE = "move"
    DELETE = "delete"


# What a change did to one question and to several, for the translators (the summaries).
_DONE = {
    BulkKind.ADD_TAG: (QT_TRANSLATE_NOOP("Core", "Tagged 1 question"), QT_TRANSLATE_NOOP("Core", "Tagged {count} questions")),
    BulkKind.REMOVE_TAG: (QT_TRANSLATE_NOOP("Core", "Untagged 1 question"),
                          QT_TRANSLATE_NOOP("Core", "Untagged {count} questions")),
    BulkKind.MOVE: (QT_TRANSLATE_NOOP("Core", "Moved 1 question"), QT_TRANSLATE_NOOP("Core", "Moved {count} questions")),
    BulkKind.DELETE: (QT_TRANSLATE_NOOP("Core", "Deleted 1 question"), QT_TRANSLATE_NOOP("Core", "Deleted {count} questions")),
}
_SUSPENDED = (QT_TRANSLATE_NOOP("Core", "Suspended 1 question"), QT_TRANSLATE_NOOP("Core", "Suspended {count} questions"))
_UNSUSPENDED = (QT_TRANSLATE_NOOP("Core", "Unsuspended 1 question"),
                QT_TRANSLATE_NOOP("Core", "Unsuspended {count} questions"))


def _counted(templates: tuple[str, str], count: int) -> Message:
    """The template for one question or for ``count`` of them."""
    return Message(templates[0]) if count == 1 else Message(templates[1], count=count)


class BulkError(Exception):
    """The change cannot be made (or undone); the message says why, for the person. Nothing was written.

    ``str(exc)`` is the English text; ``wording`` the same for the window to translate.
    """

    def __init__(self, wording: Message) -> None:
        super().__init__(str(wording))
        self.wording = wording


class _Step(NamedTuple):
    """One question's edit inside one file: replace (with ``draft``), delete, or add (``question_id`` None)."""

    question_id: str | None
    draft: Draft | None


class FileEdit(NamedTuple):
    """One file's checked new text (nothing written yet)."""

    session: EditSession
    result: EditResult


class BulkPlan(NamedTuple):
    """A bulk change checked whole, ready to ``apply``; ``changed``: questions it changes."""

    kind: BulkKind
    changed: int  # questions changed
    files: tuple[FileEdit, ...]  # in the order they are written
    moved: tuple[tuple[Key, Key], ...]  # (old key, new key) of each moved question


class FileWrite(NamedTuple):
    """One file a change wrote: its new bytes and the previous version kept in the history."""

    path: Path
    written: bytes
    kept: Path | None


class BulkChange(NamedTuple):
    """What ``apply`` did: enough to ``undo`` it."""

    kind: BulkKind
    changed: int  # questions changed
    writes: tuple[FileWrite, ...]
    moved: tuple[tuple[Key, Key], ...]

    @property
    def summary(self) -> str:
        """"Deleted 3 questions", "Tagged 1 question"..."""
        return str(self.wording)

    @property
    def wording(self) -> Message:
        """``summary`` for the window to translate."""
        return _counted(_DONE[self.kind], self.changed)


def plan(bank: Bank, keys: Sequence[Key], kind: BulkKind, *, tag: str = "", target: str = "",
         cache_dir: Path | None = None, copies: OwnCopies | None = None) -> BulkPlan:
    """Check ``kind`` on the questions ``keys`` of ``bank`` (``tag`` for the tag actions, the
    deck id ``target`` for a move; ``copies``: where edits to bundled files go). Nothing is
    written. Raises ``BulkError`` when any file's edit fails the loader's check, a question is
    no longer in its file, or a file cannot be read."""
    tag = tag.strip()
    if kind in (BulkKind.ADD_TAG, BulkKind.REMOVE_TAG) and not tag:
        raise BulkError(Message(QT_TRANSLATE_NOOP("Core", "no tag given")))
    if kind in (BulkKind.ADD_TAG, BulkKind.REMOVE_TAG) and any(c.isspace() for c in tag):
        raise BulkError(Message(QT_TRANSLATE_NOOP(
            "Core", "'{tag}' is not one tag: a tag is one word, without spaces (as in Anki); nothing was changed"), tag=tag))
    target_deck = bank.deck(target) if kind is BulkKind.MOVE else None
    if kind is BulkKind.MOVE and target_deck is None:
        raise BulkError(Message(QT_TRANSLATE_NOOP("Core", "there is no deck '{deck}'"), deck=target))
    by_deck: dict[str, dict[str, None]] = {}  # deck id -> its question ids, in order, each once
    for deck_id, qid in keys:
        by_deck.setdefault(deck_id, {})[qid] = None
    sessions: dict[Path, EditSession] = {}
    steps: dict[Path, list[_Step]] = {}
    moved: list[tuple[Key, Key]] = []
    count = 0
    adds: list[_Step] = []
    for deck_id, ids in by_deck.items():
        if target_deck is not None and deck_id == target_deck.id:
            continue  # already there
        deck = _deck(bank, deck_id)
        session = sessions[deck.path] = _session(deck, cache_dir, copies)
        own = steps.setdefault(deck.path, [])
        loaded = {q.id: q for q in session.deck.questions} if session.deck is not None else {}
        for qid in ids:
            q = loaded.get(qid)
            if q is None:
                raise BulkError(Message(QT_TRANSLATE_NOOP("Core", "question '{id}' is no longer in {file}; nothing was changed"),
                                        id=qid, file=deck.path.name))
            if kind is BulkKind.ADD_TAG or kind is BulkKind.REMOVE_TAG:
                present = kind is BulkKind.ADD_TAG
                if (tag in q.tags) == present:
                    continue  # nothing to change on this one
                own.append(_Step(qid, with_tag(q, tag, present)))
            else:
                own.append(_Step(qid, None))
                if target_deck is not None:
                    adds.append(_Step(None, draft_of(q)))
                    moved.append(((deck_id, qid), (target_deck.id, qid)))
            count += 1
        left = len(session.file.spans) - sum(1 for s in own if s.draft is None)
        if left == 0:
            raise BulkError(Message(QT_TRANSLATE_NOOP(
                "Core", "deck '{deck}' ({file}) would have no questions left; a deck keeps at least one (remove its file "
                        "to remove the deck). Nothing was changed."), deck=deck_id, file=deck.path.name))
    order: list[Path] = []
    if target_deck is not None and adds:
        session = sessions.setdefault(target_deck.path, _session(target_deck, cache_dir, copies))
        steps[target_deck.path] = adds
        order.append(target_deck.path)  # the deck a move adds to is written first: nothing is ever lost
    order += [p for p in steps if p not in order and steps[p]]
    files = tuple(FileEdit(sessions[p], _edit_file(sessions[p], steps[p])) for p in order)
    return BulkPlan(kind, count, files, tuple(moved))


def apply(planned: BulkPlan, history_dir: Path, data_dir: Path | None = None) -> BulkChange:
    """Write every file of ``planned`` (each once, its previous version kept). Raises
    ``BulkError`` when a write fails; the files already written are then put back."""
    writes: list[FileWrite] = []
    for edit in planned.files:
        try:
            kept = edit.session.save(edit.result, history_dir, data_dir)
        except (OSError, EditError) as exc:
            undone = _put_back(writes, history_dir, data_dir)
            raise BulkError(Message(
                QT_TRANSLATE_NOOP("Core", "could not write {file}: {reason}. Nothing was changed.") if undone else
                QT_TRANSLATE_NOOP("Core", "could not write {file}: {reason}. The files written before it could not all "
                                          "be put back; see their history."),
                file=edit.session.path.name, reason=_reason(exc))) from exc
        writes.append(FileWrite(edit.session.path, edit.session.data, kept))  # a copy's path and bytes when one was made
    return BulkChange(planned.kind, planned.changed, tuple(writes), planned.moved)


def undo(change: BulkChange, history_dir: Path, data_dir: Path | None = None) -> None:
    """Put back every file ``change`` wrote as it was before. Raises ``BulkError`` (restoring
    nothing) when a file was changed since or its previous version is no longer kept."""
    for w in change.writes:
        try:
            now = w.path.read_bytes()
        except OSError as exc:
            raise BulkError(Message(QT_TRANSLATE_NOOP("Core", "cannot undo: {file} cannot be read ({reason}); nothing was restored"),
                                    file=w.path.name, reason=_reason(exc))) from exc
        if now != w.written:
            raise BulkError(Message(QT_TRANSLATE_NOOP(
                "Core", "cannot undo: {file} was changed since; undoing would lose that change (nothing was restored; "
                        "its earlier versions are in its history)"), file=w.path.name))
        if w.kept is None or not w.kept.is_file():
            raise BulkError(Message(QT_TRANSLATE_NOOP(
                "Core", "cannot undo: the earlier version of {file} is no longer kept; nothing was restored"), file=w.path.name))
    if not _put_back(list(change.writes), history_dir, data_dir):
        raise BulkError(Message(QT_TRANSLATE_NOOP(
            "Core", "cannot undo: not every file could be put back; their earlier versions are in their history")))


def carry_history(store: Store, moved: Iterable[tuple[Key, Key]]) -> list[str]:
    """Move each question's answers and memory from its old key to its new one; the messages of
    those that could not be carried (their history stays under the old key)."""
    from studyapp.store import StoreError

    failed = []
    for old, new in moved:
        try:
            store.rename_question(old, new)
        except StoreError as exc:
            failed.append(f"'{old[1]}': {exc}")
    return failed


# -- suspend --------------------------------------------------------------------------------


class SuspendChange(NamedTuple):
    """What ``toggle_suspended`` did: ``suspended`` True when it suspended, False when it took
    the suspension away; ``before``: each card's marks before it."""

    suspended: bool
    before: tuple[CardMark, ...]

    @property
    def summary(self) -> str:
        """"Suspended 3 questions", "Unsuspended 1 question"."""
        return str(self.wording)

    @property
    def wording(self) -> Message:
        """``summary`` for the window to translate."""
        return _counted(_SUSPENDED if self.suspended else _UNSUSPENDED, len(self.before))


def toggle_suspended(store: Store, keys: Sequence[Key]) -> SuspendChange:
    """Suspend the cards ``keys`` (in one transaction), or, when every one is suspended
    already, take the suspension away (as Anki's toggle). Raises the store's ``SaveError``."""
    marks = store.card_marks()
    before = tuple(marks.get(k, CardMark(*k)) for k in dict.fromkeys(keys))
    suspend = not all(m.suspended for m in before)
    store.put_card_marks([m._replace(suspended=suspend) for m in before])
    return SuspendChange(suspend, before)


def undo_suspend(store: Store, change: SuspendChange) -> None:
    """Give each card of ``change`` its suspension back as it was (its other marks as they are now)."""
    now = store.card_marks()
    store.put_card_marks([now.get(m.key, CardMark(*m.key))._replace(suspended=m.suspended) for m in change.before])


# -- inside ---------------------------------------------------------------------------------


def _deck(bank: Bank, deck_id: str) -> Deck:
    deck = bank.deck(deck_id)
    if deck is None:
        raise BulkError(Message(QT_TRANSLATE_NOOP("Core", "deck '{deck}' is no longer loaded; nothing was changed"), deck=deck_id))
    return deck


def _session(deck: Deck, cache_dir: Path | None, copies: OwnCopies | None = None) -> EditSession:
    try:
        session = EditSession.open(deck.path, cache_dir, copies)
    except OSError as exc:
        raise BulkError(Message(QT_TRANSLATE_NOOP("Core", "{file} cannot be read: {reason}. Nothing was changed."),
                                file=deck.path.name, reason=_reason(exc))) from exc
    except (EditError, UnicodeDecodeError) as exc:
        raise BulkError(Message(QT_TRANSLATE_NOOP("Core", "{file}: {error}. Nothing was changed."),
                                file=deck.path.name, error=exc.wording if isinstance(exc, EditError) else str(exc))) from exc
    if session.deck is None:
        raise BulkError(Message(QT_TRANSLATE_NOOP(
            "Core", "{file} has problems now; fix them first (the problems panel lists them). Nothing was changed."),
            file=deck.path.name))
    return session


def _edit_file(session: EditSession, steps: list[_Step]) -> EditResult:
    """``session``'s file with every step made, checked whole; each replaced question must read
    back as its draft (those that do not are written fresh, as the editor does)."""
    fresh: set[str] = set()
    for _attempt in range(2):
        text = _spliced(session.file, steps, fresh)
        data = text.encode("utf-8")
        checked = check_data(data, session.path)
        if checked.deck is None:
            raise BulkError(_refusal(session.path, checked.problems))
        deck = checked.deck
        by_id = {q.id: q for q in deck.questions}
        off = {s.question_id for s in steps if s.question_id is not None and s.draft is not None
               and not _reads_back(by_id.get(s.question_id), s.draft)}
        if not off - fresh:
            break
        fresh |= off
    return EditResult(data, deck, None, (), (), (0, 0), True)


def _spliced(qf: QuestionFile, steps: list[_Step], fresh: set[str]) -> str:
    """The text of ``qf`` with every step made: each question's new text is made against the
    file as read (its span found once), then all are spliced in one pass (linear in the file)."""
    cuts: list[tuple[int, int, str]] = []  # (start, end, new text) in the text as read
    added: list[str] = []
    for step in steps:
        if step.question_id is None and step.draft is not None:  # an add: after the last question
            edited = qf.add(step.draft)
            added.append(edited.text[edited.start : edited.end])
        elif step.question_id is not None:
            span = qf.span(step.question_id)
            if step.draft is None:  # a delete
                cuts.append((span.start, span.end, ""))
            else:  # the question's own text alone, rewritten (no copy of the whole file per question)
                alone = QuestionFile(qf.text[span.start : span.end],
                                     [span._replace(start=0, end=span.end - span.start, epoch=0)], qf.newline)
                edited = alone.replace(step.question_id, step.draft, fresh=step.question_id in fresh)
                cuts.append((span.start, span.end, edited.text))
    if added:
        at = qf.last().end
        cuts.append((at, at, "".join(added)))
    text, pos, out = qf.text, 0, []
    for start, end, new in sorted(cuts, key=lambda c: (c[0], c[1])):
        out += [text[pos:start], new]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _reads_back(q: AnyQuestion | None, draft: Draft) -> bool:
    return q is not None and draft_of(q) == canonical(draft)


def _refusal(path: Path, problems: Sequence[RawProblem]) -> Message:
    lines = [f"{path.name}:{p.line}:{p.column}: {p.message}" for p in problems[:SHOWN_PROBLEMS]]
    more = len(problems) - SHOWN_PROBLEMS
    if more > 0:
        lines.append(f"… and {more} more")
    return Message(QT_TRANSLATE_NOOP("Core", "The change would leave a question file with problems, so nothing was "
                                             "changed:\n{problems}"), problems="\n".join(lines))


def _put_back(writes: list[FileWrite], history_dir: Path, data_dir: Path | None) -> bool:
    """Restore each written file's previous version, last written first; False when one failed."""
    ok = True
    for w in reversed(writes):
        if w.kept is None:
            continue
        try:
            restore(w.path, w.kept, history_dir, data_dir=data_dir)
        except OSError:
            ok = False
    return ok


def _reason(exc: BaseException) -> str | Message:
    if isinstance(exc, EditError):
        return exc.wording
    return str(exc.strerror) if isinstance(exc, OSError) and exc.strerror else str(exc)
