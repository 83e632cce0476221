"""File → Add question file…: validate, then copy the file (its article and pictures) into the question folder.

A file with problems is offered to be fixed in the window's text editor (at its first problem)
or copied in as it is, where the problems panel lists its problems until they are fixed.

``plan_copy`` is plain Python: where the question file and its ``source`` article go so the
file's relative ``source:`` path still points at the article without rewriting anything.
A source beside (or below) the file keeps that place; a source one folder up (``../seeds/a.txt``)
puts the question file in a sub-folder named after the deck and the article beside that folder.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from studyapp.bank.model import Bank, Deck
from studyapp.safe_write import WritePolicy, write_through
from studyapp.ui import dialogs

translate = QCoreApplication.translate

MAX_LISTED_PROBLEMS = 25


@dataclass(frozen=True, slots=True)
class CopyPlan:
    """What to copy where; ``conflicts`` already exist with different content."""

    deck_id: str
    copies: tuple[tuple[Path, Path], ...]  # (from, to)
    conflicts: tuple[Path, ...] = field(default=())

    @property
    def unchanged(self) -> bool:
        """Everything is already in place, byte for byte."""
        return not self.copies


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def plan_copy(deck: Deck, questions_dir: Path) -> CopyPlan:
    """Where ``deck``'s file and article go under ``questions_dir`` (see the module docstring)."""
    src_dir = deck.path.resolve().parent
    yaml_dest = questions_dir / deck.path.name
    wanted: list[tuple[Path, Path]] = []
    if deck.source is not None:
        rel = Path(os.path.relpath(deck.source.resolve(), src_dir))
        climbs = 0
        while climbs < len(rel.parts) and rel.parts[climbs] == "..":
            climbs += 1
        if climbs > 1:  # the loader refuses these; never write outside the folder
            raise ValueError(f"source {deck.source} is more than one folder above {deck.path}")
        if climbs == 1:
            yaml_dest = questions_dir / deck.id / deck.path.name
            article_dest = questions_dir.joinpath(*rel.parts[1:])
        else:
            article_dest = questions_dir / rel
        wanted.append((deck.source, article_dest))
    wanted.insert(0, (deck.path, yaml_dest))
    wanted.extend(_pictures(deck, yaml_dest.parent))
    copies = tuple((a, b) for a, b in wanted if not (b.exists() and _same_file(a, b)))
    conflicts = tuple(b for _a, b in copies if b.exists())
    return CopyPlan(deck.id, copies, conflicts)


def _pictures(deck: Deck, dest_dir: Path) -> list[tuple[Path, Path]]:
    """Each question's picture file, to the same relative place beside the copied file; only
    pictures ``studyapp check`` accepts (a link out of the folder, a FIFO or a missing file is
    not copied: the problems panel and ``check`` name it)."""
    from studyapp.bank.imagefile import image_file_problem

    found: dict[str, tuple[Path, Path]] = {}
    for q in deck.questions:
        image = q.image
        if image is None or image.path in found or image_file_problem(image) is not None:
            continue
        found[image.path] = (image.file.resolve(), dest_dir / image.path)
    return list(found.values())


def carry_out(plan: CopyPlan, data_dir: Path | None = None) -> None:
    """Copy every file through ``safe_write``: a temporary file, flushed and renamed, never
    onto the database, its journals, backups or lock (replacing is asked for before this)."""
    policy = WritePolicy(data_dirs=(data_dir,) if data_dir else (), replace_existing=True)
    for src, dest in plan.copies:
        write_through(dest, functools.partial(shutil.copyfile, src), policy)


def problem_lines(bank: Bank, limit: int = MAX_LISTED_PROBLEMS) -> str:
    """Problems as ``file:line:column: message`` lines, at most ``limit`` of them."""
    lines = [str(p) for p in bank.problems[:limit]]
    if len(bank.problems) > limit:
        lines.append(translate("AddFile", "… and {count} more").format(count=len(bank.problems) - limit))
    return "\n".join(lines)


def _replace_question(dest: Path) -> str:
    return translate("AddFile", "Your question folder already has a different file named {name}:\n{path}\n\n"
                     "Replace it?").format(name=dest.name, path=dest)


def _not_copied(path: Path, exc: OSError) -> str:
    return translate("AddFile", "Could not copy {name}: {reason}").format(name=path.name, reason=exc.strerror or exc)


class BrokenFileChoice(IntEnum):
    """What the person chose to do with a file that has problems."""

    EDIT = 0  # open its text in the window's editor at the first problem
    COPY = 1  # copy it into the question folder; the problems panel tracks it


def offer_broken_file(parent: QWidget | None, path: Path, checked: Bank) -> BrokenFileChoice | None:
    """Show a broken file's problems and offer to fix it here or to copy it in anyway (None: neither)."""
    detail = problem_lines(checked) if checked.problems else translate("AddFile", "The file holds no deck.")
    chosen = dialogs.choose(
        parent,
        translate("AddFile", "Question file has problems"),
        translate("AddFile", "{name} was not added: fix these problems first (nothing was copied).\n\n{detail}\n\n"
                  "Open it in the editor at its first problem, or copy it into your question folder as it is: "
                  "the problems panel then lists its problems and clears them as you fix the copy.").format(
            name=path.name, detail=detail),
        [translate("AddFile", "Open in the editor"), translate("AddFile", "Copy into question folder")],
    )
    return None if chosen is None else BrokenFileChoice(chosen)


def copy_broken(parent: QWidget | None, path: Path, questions_dir: Path, data_dir: Path | None = None) -> Path | None:
    """Copy ``path`` as it is into ``questions_dir`` (asking before replacing a different file)."""
    dest = questions_dir / path.name
    if dest.exists() and not _same_file(path, dest) and not dialogs.confirm(
        parent, translate("AddFile", "Replace file?"), _replace_question(dest)
    ):
        return None
    if dest.exists() and _same_file(path, dest):
        return dest
    policy = WritePolicy(data_dirs=(data_dir,) if data_dir else (), replace_existing=True)
    try:
        write_through(dest, functools.partial(shutil.copyfile, path), policy)
    except OSError as exc:
        dialogs.warn(parent, translate("AddFile", "Question file not copied"), _not_copied(path, exc))
        return None
    return dest


def add_question_file(
    parent: QWidget | None,
    bank: Bank,
    questions_dir: Path,
    load_files: Callable[[Sequence[Path]], Bank],
    open_text: Callable[[Path, int], object] | None = None,
    copied_broken: Callable[[Path], object] | None = None,
) -> str | None:
    """Ask for a file, check it, copy it in; the id of the deck added, or None.

    A file with problems is not a dead end: ``open_text(path, line)`` opens its text at the first
    problem, or it is copied in as it is and ``copied_broken(copy)`` is told (the window reloads,
    and the problems panel tracks it).
    """
    path = dialogs.open_file(parent, translate("AddFile", "Add question file"),
                             translate("AddFile", "Question files (*.yaml *.yml);;All files (*)"))
    if path is None:
        return None
    checked = load_files([path])
    if checked.problems or not checked.decks:
        choice = offer_broken_file(parent, path, checked)
        if choice is BrokenFileChoice.EDIT and open_text is not None:
            first = next((p for p in checked.problems if p.path == path), None)
            open_text(path, first.line if first is not None else 1)
        elif choice is BrokenFileChoice.COPY:
            copy = copy_broken(parent, path, questions_dir)
            if copy is not None and copied_broken is not None:
                copied_broken(copy)
        return None
    deck = checked.decks[0]
    plan = plan_copy(deck, questions_dir)
    yaml_dest = plan.copies[0][1] if plan.copies else None
    loaded = bank.deck(deck.id)
    if loaded is not None and not _same_file(loaded.path, yaml_dest or deck.path):
        if yaml_dest is None or loaded.path.resolve() != yaml_dest.resolve():
            # Checking both files together lets the loader name the clash at file:line:column.
            clash = load_files([loaded.path, path])
            detail = problem_lines(clash) or translate("AddFile", "deck id '{deck}' is already used by {path}").format(
                deck=deck.id, path=loaded.path)
            dialogs.warn(
                parent,
                translate("AddFile", "Question file not added"),
                translate("AddFile", "A deck with the id '{deck}' is already loaded from {path}.\n"
                          "Give the new file another 'deck:' id, then add it again (nothing was copied).\n\n"
                          "{detail}").format(deck=deck.id, path=loaded.path, detail=detail),
            )
            return None
    for dest in plan.conflicts:
        if not dialogs.confirm(
            parent,
            translate("AddFile", "Replace file?"),
            _replace_question(dest),
        ):
            return None
    try:
        carry_out(plan)
    except OSError as exc:
        dialogs.warn(parent, translate("AddFile", "Question file not added"), _not_copied(path, exc))
        return None
    return deck.id
