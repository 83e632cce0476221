"""``studyapp draft``, ``studyapp import`` and ``studyapp export``: argument handling and reporting.

Exit status: 0 when everything went through, 1 when anything was reported (the file is still
written when at least one question could be converted), 2 for unusable arguments.

Every file is written through ``studyapp.safe_write``: never over studyapp's own data files, over
an existing file only with ``--force`` (or, for draft and import, over their own earlier output),
and whole or not at all.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp.bank.loader import check_file, load_bank
from studyapp.interop.draft_lang import Lang
from studyapp.interop.draftfile import DraftError, default_output, is_previous_output, write_draft
from studyapp.interop.fit import DECK_ID_RE
from studyapp.interop.importer import fits_in_one_file, import_file, imported_text, write_media
from studyapp.interop.textrows import TextOptions, separator
from studyapp.interop.yamlwrite import write_text_atomic
from studyapp.paths import DataPaths, bundled_questions_dir, resolve_data_dir
from studyapp.safe_write import ProtectedTarget, TargetExists, WritePolicy, WriteRefused, check_target

if TYPE_CHECKING:
    from studyapp.bank.model import AnyQuestion, Deck


def _deck_id_ok(deck_id: str, out: TextIO) -> bool:
    if DECK_ID_RE.match(deck_id):
        return True
    out.write(f"studyapp: deck id '{deck_id}' must be lowercase letters, digits and hyphens (like 'my-deck')\n")
    return False


def _policy(args: argparse.Namespace, environ: Mapping[str, str], output: Path, *, own_output: bool) -> WritePolicy:
    """Protect the data folder in use; replace an existing file with ``--force`` (draft and
    import: also their own earlier output, whose first line says studyapp wrote it)."""
    data_dir = resolve_data_dir(getattr(args, "data_dir", None), environ)
    force = bool(getattr(args, "force", False)) or (own_output and is_previous_output(output))
    return WritePolicy((data_dir,), replace_existing=force)


def _refused(exc: WriteRefused, out: TextIO, *, own_output: bool = False) -> int:
    """Say why nothing was written; 2 for a protected target (never writable), 1 for an existing file."""
    if isinstance(exc, ProtectedTarget):
        out.write(f"studyapp: {exc}\n")
        return 2
    if isinstance(exc, TargetExists) and own_output:
        out.write(f"studyapp: {exc} and was not written by studyapp; choose another -o, move it, "
                  "or pass --force to replace it\n")
    elif isinstance(exc, TargetExists):
        out.write(f"studyapp: {exc}; choose another name, or pass --force to replace it\n")
    else:
        out.write(f"studyapp: {exc}\n")
    return 1


def _may_write(path: Path, policy: WritePolicy, out: TextIO, *, own_output: bool = False) -> int | None:
    """None when ``path`` may be written, else the exit status after saying why not."""
    try:
        check_target(path, policy)
    except WriteRefused as exc:
        return _refused(exc, out, own_output=own_output)
    return None


def _cannot_write(path: Path, exc: OSError, out: TextIO) -> int:
    out.write(f"studyapp: cannot write {path}: {exc.strerror or exc}; nothing was changed\n")
    return 1


def _report_check(path: Path, out: TextIO) -> int:
    """Load the written file like the app will; print any problem (there should be none)."""
    _, problems = check_file(path)
    for p in problems:
        out.write(f"{p}\n")
    return len(problems)


def run_draft(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO) -> int:
    article = Path(args.article)
    if not _deck_id_ok(args.deck, out):
        return 2
    output = Path(args.output) if args.output else default_output(article, args.deck)
    policy = _policy(args, environ, output, own_output=True)
    if (refused := _may_write(output, policy, out, own_output=True)) is not None:
        return refused
    try:
        lang = getattr(args, "lang", None)
        count, copied = write_draft(article, output, args.deck, args.title, policy=policy,
                                    lang=Lang(lang) if lang and lang != "auto" else None)
    except WriteRefused as exc:
        return _refused(exc, out, own_output=True)
    except DraftError as exc:
        out.write(f"studyapp: {exc}\n")
        return 1
    except OSError as exc:
        return _cannot_write(output, exc, out)
    if copied is not None:
        out.write(f"Copied the article to {copied} (a source may be at most one folder above its question file)\n")
    out.write(f"Wrote {count} draft questions to {output}; review them, then remove the 'draft' tags\n")
    return 1 if _report_check(output, out) else 0


def _text_options(args: argparse.Namespace) -> TextOptions:
    """``--field-sep`` / ``--row-sep`` (names such as ``tab`` or ``semicolon``, or the text itself)."""
    field_sep, row_sep = getattr(args, "field_sep", None), getattr(args, "row_sep", None)
    try:
        return TextOptions(None if field_sep is None else separator(field_sep),
                           None if row_sep is None else separator(row_sep))
    except ValueError as exc:
        raise ValueError(f"--field-sep/--row-sep: {exc}") from exc


def run_import(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO) -> int:
    source = Path(args.file)
    if not _deck_id_ok(args.deck, out):
        return 2
    if not source.is_file():
        out.write(f"studyapp: {source}: no such file\n")
        return 2
    output = Path(args.output) if args.output else source.with_name(f"{args.deck}.yaml")
    if output.resolve() == source.resolve():
        out.write(f"studyapp: {output} is the file being imported; choose another -o\n")
        return 2
    try:
        options = _text_options(args)
    except ValueError as exc:
        out.write(f"studyapp: {exc}\n")
        return 2
    policy = _policy(args, environ, output, own_output=True)
    if (refused := _may_write(output, policy, out, own_output=True)) is not None:
        return refused
    conversion = import_file(source, args.deck, options=options)
    for p in conversion.problems:
        out.write(f"{p}\n")
    if not conversion.questions:
        if not conversion.failed:  # a failed file's one line already says why
            out.write(f"Nothing imported from {source}\n")
        return 1
    if not fits_in_one_file(imported_text(conversion, source.name, args.deck, args.title)):
        out.write("studyapp: the question file would be larger than 1 MiB; split the export into smaller decks\n")
        return 1
    try:
        conversion = write_media(conversion, output, policy)  # pictures first: the file then names them as written
        text = imported_text(conversion, source.name, args.deck, args.title)
        write_text_atomic(output, text, policy)
    except WriteRefused as exc:
        return _refused(exc, out, own_output=True)
    except OSError as exc:
        return _cannot_write(output, exc, out)
    checked = _report_check(output, out)
    n, m = len(conversion.questions), len(conversion.problems)
    out.write(f"Imported {n} question{'s' if n != 1 else ''} to {output}; {m} problem{'s' if m != 1 else ''}\n")
    return 1 if conversion.problems or checked else 0


def run_export(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO) -> int:
    data = DataPaths(resolve_data_dir(args.data_dir, environ))
    target = Path(args.out)
    policy = WritePolicy((data.root,), replace_existing=bool(getattr(args, "force", False)))
    if (refused := _may_write(target, policy, out)) is not None:  # before any work
        return refused
    dirs = [bundled_questions_dir(), data.questions, *(Path(d) for d in args.questions)]
    bank = load_bank(dirs, bundled=dirs[0], own=data.questions)
    deck = bank.deck(args.deck)
    lost: list[tuple[AnyQuestion, str]] = []  # pictures an .apkg could not carry
    try:
        if args.format == "csv":
            return _export_csv(args.deck, deck, data, target, policy, out, known=[d.id for d in bank.decks])
        if deck is None:
            known = ", ".join(d.id for d in bank.decks) or "none"
            out.write(f"studyapp: no deck '{args.deck}' (loaded decks: {known})\n")
            return 1
        if args.format == "questions-csv":
            from studyapp.interop.csvexport import write_questions_csv

            written, skipped = write_questions_csv(deck, target, policy), list[tuple["AnyQuestion", str]]()
        elif args.format == "apkg":
            from studyapp.interop.apkgwrite import write_apkg

            written, skipped = write_apkg(deck.questions, deck.id, deck.title, target, policy, lost)
        else:
            from studyapp.interop.giftwrite import deck_to_gift

            from studyapp.interop.exports import GIFT_NO_PICTURES

            text, skipped = deck_to_gift(deck.questions, deck.title)
            written = len(deck.questions) - len(skipped)
            left = {q.key for q, _why in skipped}
            lost = [(q, GIFT_NO_PICTURES) for q in deck.questions if q.image is not None and q.key not in left]
            if written:  # a file with no question in it is no export: write nothing, say why below
                write_text_atomic(target, text, policy)
    except WriteRefused as exc:
        return _refused(exc, out)
    except OSError as exc:
        return _cannot_write(target, exc, out)
    for q, why in skipped:
        out.write(f"{deck.path}:{q.line}: question '{q.id}' not exported: {why}\n")
    for q, why in lost:
        out.write(f"{deck.path}:{q.image.line if q.image else q.line}: picture of question '{q.id}' not exported: {why}\n")
    if not written and args.format == "gift":
        out.write(f"studyapp: no question of deck '{deck.id}' can be exported as {args.format}; {target} was not written\n")
        return 1
    out.write(f"Exported {written} of {len(deck.questions)} questions to {target}\n")
    return 1 if skipped or lost else 0


def _export_csv(deck_id: str, deck: Deck | None, data: DataPaths, target: Path, policy: WritePolicy,
                out: TextIO, *, known: list[str]) -> int:
    from studyapp.interop.csvexport import write_history_csv
    from studyapp.store import StoreError, open_store

    if not data.database.exists():
        count = write_history_csv(None, deck_id, None, target, policy)
    else:
        try:
            opened = open_store(data.database, backups_dir=data.backups, auto_backup=False)
        except StoreError as exc:
            out.write(f"studyapp: {exc}\n")
            return 1
        try:
            count = write_history_csv(opened.store, deck_id, deck, target, policy)
        finally:
            opened.store.close()
    out.write(f"Exported {count} answers of deck '{deck_id}' to {target}\n")
    if deck is None and count == 0 and data.database.exists():
        # Neither loaded nor in the history: most likely a typo, not an empty history.
        # (With no database at all nothing is studied yet: the header-only file is the answer.)
        out.write(f"studyapp: no deck '{deck_id}' is loaded and no answer is filed under it "
                  f"(loaded decks: {', '.join(known) or 'none'})\n")
        return 1
    return 0


def run_interop(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO) -> int:
    """Dispatch ``draft`` / ``import`` / ``export`` (``args.command``)."""
    if args.command == "draft":
        return run_draft(args, environ, out)
    if args.command == "import":
        return run_import(args, environ, out)
    return run_export(args, environ, out)
