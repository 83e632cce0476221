"""Edits named for what a person does: rename an id, add or remove a tag, move a question.

Each builds the new draft from the question as loaded and goes through ``apply_edit``, so
every one changes only that question's text and is checked whole before it may be saved.
"""

from __future__ import annotations

from pathlib import Path

from studyapp.authoring.draft import Draft, draft_of
from studyapp.authoring.editcheck import EditKind, EditResult, apply_edit
from studyapp.authoring.session import EditSession
from studyapp.bank.model import AnyQuestion


def with_id(q: AnyQuestion, new_id: str) -> Draft:
    """``q``'s fields with the id ``new_id``."""
    d = draft_of(q)
    d["id"] = new_id
    return d


def with_tag(q: AnyQuestion, tag: str, present: bool) -> Draft:
    """``q``'s fields with ``tag`` added (``present``) or removed."""
    d = draft_of(q)
    tags = [t for t in q.tags if t != tag]
    if present:
        tags.append(tag)
    d["tags"] = tags
    return d


def rename_id(path: Path, data: bytes, q: AnyQuestion, new_id: str) -> EditResult:
    """The file with question ``q`` renamed to ``new_id`` (its history follows through the store)."""
    return apply_edit(path, data, EditKind.REPLACE, q.id, with_id(q, new_id))


def set_tag(path: Path, data: bytes, q: AnyQuestion, tag: str, present: bool) -> EditResult:
    """The file with ``tag`` added to or removed from question ``q``."""
    return apply_edit(path, data, EditKind.REPLACE, q.id, with_tag(q, tag, present))


def move_question(source: tuple[Path, bytes], target: tuple[Path, bytes], q: AnyQuestion) -> tuple[EditResult, EditResult]:
    """(the target file with ``q`` added, the source file without it); save the target first."""
    added = apply_edit(target[0], target[1], EditKind.ADD, None, draft_of(q))
    removed = apply_edit(source[0], source[1], EditKind.DELETE, q.id)
    return added, removed


def move_in_sessions(source: EditSession, target: EditSession, q: AnyQuestion) -> tuple[EditResult, EditResult]:
    """``move_question`` for two open sessions: (the target with ``q`` added, the source without it).

    Save the target first; then the source; then carry the history over with
    ``Store.rename_question((source deck, id), (target deck, id))``.
    """
    added = target.check(EditKind.ADD, None, draft_of(q))
    removed = source.check(EditKind.DELETE, q.id)
    return added, removed
