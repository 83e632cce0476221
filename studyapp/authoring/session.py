"""Editing one question file over a session: read and checked once, then each edit checked fast.

``EditSession.open`` reads the file, finds its questions (``QuestionFile``) and checks it whole
with the loader (``check_data``). While the file is valid, an edit need not re-read the other
questions: every rule of the format but one applies to a question by itself, and the one that
does not (ids are unique in the deck) is checked against the ids the session knows. So an edit
is checked by running the loader on the file WITHOUT its other questions (the deck's own fields,
comments and the edited question, at their places) plus the id rule: the same messages at the
same lines as a whole check of the edited file, in a fraction of the time for a large file. A
file that has problems is checked whole at every edit. After a save the session knows the new
text, so the next edit is fast again; ``reload`` starts over from the disk.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from studyapp.authoring import own_copy
from studyapp.authoring.draft import Draft, ordered
from studyapp.authoring.editcheck import (
    EditKind,
    EditResult,
    FieldProblem,
    apply_edit,
    problems_by_field,
    with_picture_problem,
)
from studyapp.authoring.questionfile import Edited, EditError, QuestionFile, Span
from studyapp.authoring.own_copy import OwnCopies
from studyapp.authoring.saving import ChangedOnDisk, save_file
from studyapp.bank.loader import check_data
from studyapp.bank.model import AnyQuestion, Deck
from studyapp.bank.results import ValidatedFile, duplicate_id
from studyapp.messages import QT_TRANSLATE_NOOP, Message


class EditSession:
    """One question file being edited; ``deck`` is the file as loaded (None while it has problems)."""

    def __init__(self, path: Path, data: bytes, known: ValidatedFile | None = None,
                 copies: OwnCopies | None = None) -> None:
        self.path = path
        self.data = data
        self.copies = copies
        self.copied: Path | None = None  # the copy the last save made of a bundled file, if it made one
        self.file = QuestionFile.parse(data)
        result = known if known is not None and known.deck is not None else check_data(data, path)
        self.deck: Deck | None = result.deck
        self.valid = result.deck is not None
        self._next: tuple[bytes, QuestionFile] | None = None  # the last edit checked, and the file after it

    @classmethod
    def open(cls, path: Path, cache_dir: Path | None = None, copies: OwnCopies | None = None) -> EditSession:
        """Read ``path``; ``OSError`` when it cannot be read, ``EditError`` when it cannot be edited in place.

        With ``cache_dir`` (the loader's warm cache), a file unchanged since the loader checked
        it is not checked whole again: the loader's own result for it is taken, as at start-up.
        ``copies``: where a save of a bundled file goes (see the module's docstring).
        """
        from studyapp.bank.cache import BankCache, FileStamp

        stamp = FileStamp.of(path) if cache_dir is not None else None
        data = path.read_bytes()
        known = None
        if cache_dir is not None and stamp is not None and FileStamp.of(path) == stamp:
            known = BankCache.open(cache_dir).lookup(path, stamp)
        return cls(path, data, known, copies)

    @property
    def writes_copy(self) -> bool:
        """Whether a save goes to a new copy in the person's folder (the file is an installed bundled one)."""
        return self.copies is not None and self.copies.redirects(self.path)

    def check(self, kind: EditKind, question_id: str | None, draft: Draft | None = None) -> EditResult:
        """The file with one edit made, and what the loader's rules say of it (nothing is written)."""
        self._next = None
        if not self.valid or (kind is EditKind.DELETE and len(self.file.spans) < 2):
            return apply_edit(self.path, self.data, kind, question_id, draft)
        if kind is EditKind.DELETE:
            if question_id is None:
                raise EditError(Message(QT_TRANSLATE_NOOP("Core", "no question named to delete")))
            edited = self.file.delete(question_id)
            result = EditResult(edited.text.encode("utf-8"), None, None, (), (), (edited.start, edited.end), True)
            self._next = (result.data, self.file.after(edited, question_id, ""))
            return result
        if draft is None:
            raise EditError(Message(QT_TRANSLATE_NOOP("Core", "no question given")))
        if kind is EditKind.REPLACE and question_id is None:
            raise EditError(Message(QT_TRANSLATE_NOOP("Core", "no question named to replace")))
        edited = self.file.add(draft) if kind is EditKind.ADD else self.file.replace(str(question_id), draft)
        new_id = str(draft.get("id", ""))
        clash = self.file.find(new_id) if new_id and new_id != question_id else None
        result = with_picture_problem(self._check_alone(edited, new_id, list(ordered(draft)), clash))
        if kind is EditKind.REPLACE and result.question is not None and not _reads_back(result.question, draft):
            return apply_edit(self.path, self.data, kind, question_id, draft)  # the round-trip fallback, checked whole
        if result.ok:
            self._next = (result.data, self.file.after(edited, question_id, new_id))
        return result

    def _check_alone(self, edited: Edited, new_id: str, fields: list[str], clash: Span | None) -> EditResult:
        """Check the edited question with the deck's own fields around it; ``clash`` uses its id too."""
        text, old_text = edited.text, self.file.text
        tail_start = len(text) - (len(old_text) - self.file.last().end)
        head_end = self.file.first().start
        head, item, tail = text[:head_end], text[edited.start : edited.end], text[tail_start:]
        result = check_data((head + item + tail).encode("utf-8"), self.path)
        head_lines, item_lines = head.count("\n"), item.count("\n")
        before = head_lines + text.count("\n", head_end, edited.start)  # lines before the edited question
        shift_item = before - head_lines
        shift_tail = before + item_lines + text.count("\n", edited.end, tail_start) - head_lines - item_lines
        moved = [
            p if p.line <= head_lines else p._replace(line=p.line + (shift_item if p.line <= head_lines + item_lines else shift_tail))
            for p in result.problems
        ]
        inside, outside = problems_by_field(tuple(moved), edited, fields, new_id, before + 1)
        if clash is not None:
            shift = 0 if clash.start < edited.start else len(text) - len(old_text)
            ours = _id_at(text, edited.start, edited.end, before + 1)
            theirs = _id_at(text, clash.start + shift, clash.end + shift)
            first, second = sorted((theirs, ours))
            clashing = duplicate_id(new_id, first[0])
            inside.append(FieldProblem("id", *second, str(clashing), clashing))
        q = None
        if result.deck is not None and not inside and not outside:
            loaded = result.deck.question(new_id)
            if loaded is not None:
                image = loaded.image  # its line moves with the question's
                moved_image = image._replace(line=image.line + before + 1 - loaded.line) if image is not None else None
                q = dataclasses.replace(loaded, line=before + 1, image=moved_image)
        return EditResult(text.encode("utf-8"), None, q, tuple(inside), tuple(outside), (edited.start, edited.end),
                          result.deck is not None)

    def save(self, result: EditResult, history_dir: Path, data_dir: Path | None = None) -> Path | None:
        """Write a checked edit (only when ``result.ok``); the session then holds the new text."""
        if not result.ok:
            raise EditError(Message(QT_TRANSLATE_NOOP("Core", "the edit has problems; fix them before saving")))
        self.copied = None
        if self.copies is not None and self.writes_copy:
            return self._save_to_copy(result, self.copies, history_dir, data_dir)
        kept = save_file(self.path, result.data, history_dir, data_dir=data_dir, expected=self.data)
        if self._next is not None and self._next[0] is result.data:
            self.file = self._next[1]
        else:
            self.file = QuestionFile.parse(result.data)
        self.data = result.data
        self.deck = result.deck
        self.valid = True
        self._next = None
        return kept

    def _save_to_copy(self, result: EditResult, copies: OwnCopies, history_dir: Path,
                      data_dir: Path | None) -> Path | None:
        """Copy the bundled file as it is into the person's folder, then save the edit there
        (so the copy's history starts with the shipped version)."""
        try:
            now = self.path.read_bytes()
        except FileNotFoundError:
            now = None
        if now != self.data:
            raise ChangedOnDisk(f"{self.path.name} was changed by another program since the editor read it; "
                                "open it again to edit the file as it is now (nothing was written)")
        copy = own_copy.make_copy(self.path, self.data, copies.own, data_dir)
        data = own_copy.with_source(result.data, copy.article.name) if copy.article is not None else result.data
        self.path, self.data, self.copied = copy.path, copy.data, copy.path
        kept = save_file(self.path, data, history_dir, data_dir=data_dir, expected=copy.data)
        self.file = QuestionFile.parse(data)
        self.data = data
        self.deck = check_data(data, self.path).deck
        self.valid = True
        self._next = None
        return kept


def _id_at(text: str, start: int, end: int, first: int | None = None) -> tuple[int, int]:
    """(1-based line, column) of the id value of the question at ``text[start:end]`` (its first line is ``first``)."""
    first = text.count("\n", 0, start) + 1 if first is None else first
    for n, line in enumerate(text[start:end].split("\n")):
        stripped = line.lstrip(" -")
        if stripped.startswith("id:"):
            rest = stripped[3:]
            column = len(line) - len(stripped) + 3 + (len(rest) - len(rest.lstrip(" ")))
            return first + n, column + 1
    return first, 1


def _reads_back(q: AnyQuestion, draft: Draft) -> bool:
    from studyapp.authoring.draft import draft_of
    from studyapp.authoring.editcheck import canonical

    return draft_of(q) == canonical(draft)
