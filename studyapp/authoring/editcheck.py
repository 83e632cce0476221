"""Apply one edit to a question file's bytes and check the result with the loader's own rules.

The edited document is checked whole by ``loader.check_data`` (what ``studyapp check`` runs),
so the editor shows exactly the messages a file would get. Each problem inside the edited
question is given the field it belongs to, so the editor can show it next to that field;
problems elsewhere in the file are kept apart (the file had them before the edit).
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from studyapp.authoring.draft import Draft, draft_of, ordered
from studyapp.authoring.questionfile import Edited, EditError, QuestionFile
from studyapp.bank.model import AnyQuestion, Deck
from studyapp.bank.results import RawProblem
from studyapp.messages import QT_TRANSLATE_NOOP, Message


class EditKind(StrEnum):
    """What an edit does to the file."""

    REPLACE = "replace"
    ADD = "add"
    DELETE = "delete"


class FieldProblem(NamedTuple):
    """A problem of the edited question; ``field`` is None when it belongs to no one field."""

    field: str | None
    line: int
    column: int
    message: str
    wording: Message | None = None  # as ``Problem.wording``: the message for the window to translate


class EditResult(NamedTuple):
    """The edited file's bytes and what the checker says about them."""

    data: bytes
    deck: Deck | None  # the whole file loaded again; None while any problem remains
    question: AnyQuestion | None  # the edited question as it loads back
    problems: tuple[FieldProblem, ...]  # inside the edited question
    elsewhere: tuple[RawProblem, ...]  # in the rest of the file
    span: tuple[int, int]  # character offsets of the edited question in the new text
    loads: bool = False  # the edited file loads whole

    @property
    def ok(self) -> bool:
        """True when the whole file loads: it may be saved."""
        return self.loads and not self.problems and not self.elsewhere


_QUOTED = re.compile(r"'([a-z]+)'")


def canonical(d: Draft) -> Draft:
    """``d`` as a loaded question's ``draft_of`` gives it back (field order, one accepted answer as text)."""
    out = ordered(d)
    answer = out.get("answer")
    if out.get("type") == "text" and isinstance(answer, list) and len(answer) == 1:
        out["answer"] = answer[0]
    return out


def _field_lines(text: str, start: int, end: int, first: int) -> list[tuple[int, str]]:
    """(1-based first line, field name) of each key of the question at ``text[start:end]`` (which starts
    after line ``first``)."""
    from studyapp.bank.yamlnodes import compose

    root, _problems = compose(text[start:end].encode("utf-8"))
    if not isinstance(root, SequenceNode) or not root.value or not isinstance(root.value[0], MappingNode):
        return []
    return [(first + k.start_mark.line + 1, k.value) for k, _v in root.value[0].value if isinstance(k, ScalarNode)]


def problems_by_field(problems: tuple[RawProblem, ...], edited: Edited, fields: list[str],
              question_id: str | None, first_line: int | None = None) -> tuple[list[FieldProblem], list[RawProblem]]:
    """Split ``problems`` of an edited file: those of the edited question, each with its field
    (a duplicate of its id included), and the rest of the file's."""
    text = edited.text
    if first_line is None:
        first_line = text.count("\n", 0, edited.start) + 1
    last_line = first_line + text.count("\n", edited.start, max(edited.start, edited.end - 1))
    keys = _field_lines(text, edited.start, edited.end, first_line - 1) if edited.end > edited.start else []
    inside: list[FieldProblem] = []
    outside: list[RawProblem] = []
    for p in problems:
        if question_id and p.message.startswith(f"duplicate id '{question_id}'"):
            inside.append(FieldProblem("id", p.line, p.column, p.message, p.wording))  # the other one was there first
            continue
        if edited.end <= edited.start or not first_line <= p.line <= last_line:
            outside.append(p)
            continue
        name: str | None = None
        for line, key in keys:
            if line <= p.line:
                name = key
        if p.message.startswith("missing field"):
            named = [m for m in _QUOTED.findall(p.message) if m in fields]
            name = named[0] if named else name
        inside.append(FieldProblem(name, p.line, p.column, p.message, p.wording))
    return inside, outside


def _check(path: Path, edited: Edited, question_id: str | None, fields: list[str]) -> EditResult:
    from studyapp.bank.loader import check_data

    data = edited.text.encode("utf-8")
    result = check_data(data, path)
    inside, outside = problems_by_field(result.problems, edited, fields, question_id)
    q = result.deck.question(question_id) if result.deck is not None and question_id else None
    return EditResult(data, result.deck, q, tuple(inside), tuple(outside), (edited.start, edited.end), result.deck is not None)


def with_picture_problem(result: EditResult) -> EditResult:
    """``result`` with the edited question's picture file judged as ``studyapp check`` judges it
    (missing, too big, not a picture): a problem under the ``image`` field, so it is not saved."""
    q = result.question
    if q is None or q.image is None:
        return result
    from studyapp.bank.imagefile import image_file_problem

    message = image_file_problem(q.image)
    if message is None:
        return result
    problem = FieldProblem("image", q.image.line, q.image.column, str(message), message if isinstance(message, Message) else None)
    return result._replace(problems=(*result.problems, problem))


def apply_edit(path: Path, data: bytes, kind: EditKind, question_id: str | None, draft: Draft | None = None) -> EditResult:
    """``data`` (the file at ``path``) with one question replaced, added or deleted, checked whole.

    ``question_id`` is the question to replace or delete; ``draft`` the new fields (replace,
    add). Raises ``EditError`` when the file cannot be edited in place (it does not load as
    YAML, or its questions are not a ``- `` list).
    """
    qf = QuestionFile.parse(data)
    if kind is EditKind.DELETE:
        if question_id is None:
            raise EditError(Message(QT_TRANSLATE_NOOP("Core", "no question named to delete")))
        return _check(path, qf.delete(question_id), None, [])
    if draft is None:
        raise EditError(Message(QT_TRANSLATE_NOOP("Core", "no question given")))
    new_id = str(draft.get("id", ""))
    fields = list(ordered(draft))

    def edit(fresh: bool) -> Edited:
        if kind is EditKind.ADD:
            return qf.add(draft)
        if question_id is None:
            raise EditError(Message(QT_TRANSLATE_NOOP("Core", "no question named to replace")))
        return qf.replace(question_id, draft, fresh=fresh)

    result = _check(path, edit(False), new_id, fields)
    if result.question is not None and draft_of(result.question) != canonical(draft) and kind is EditKind.REPLACE:
        again = _check(path, edit(True), new_id, fields)  # a round-tripped field did not read back: write all fresh
        if again.question is not None and draft_of(again.question) == canonical(draft):
            return with_picture_problem(again)
    return with_picture_problem(result)
