"""Command-line entry point: ``studyapp`` opens the window; subcommands work without it.

Each subcommand's work lives in its own module, imported only when that command runs,
so ``studyapp check`` never loads Qt and the window's start-up loads nothing it does not need.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
from collections.abc import Sequence

from studyapp import __version__


def _add_common(p: argparse.ArgumentParser, *, command: bool = False) -> None:
    """``--data-dir`` and ``--questions``. On a command they default to SUPPRESS: argparse copies
    a command's defaults over the values parsed before it, so ``studyapp --data-dir DIR stats``
    would otherwise silently use the default data folder."""
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if command else None,
        help="where the database, backups and your question folder live "
        "(default: $STUDYAPP_DATA_DIR, else the platform's user data folder)",
    )
    p.add_argument(
        "--questions",
        metavar="DIR",
        action="append",
        default=argparse.SUPPRESS if command else [],
        help="also load question files from DIR (may be repeated)",
    )


def _add_force(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--force",
        action="store_true",
        help="replace the output file if it exists (studyapp's database, backups and lock are never replaced)",
    )


def _never_fail_on_output(*streams: object) -> None:
    """Text no encoding can show (a file name with undecodable bytes under ``PYTHONIOENCODING=latin-1``,
    say) is written as ``\\xff``-style escapes instead of ending the command in a ``UnicodeEncodeError``."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="Study an article with flashcards and quizzes. With no command, opens the window.",
    )
    _add_common(parser)
    parser.add_argument("--version", action="version", version=f"studyapp {__version__}")
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="open the window, wait until it is painted, then exit (for start-up benchmarks)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="validate question files and print every problem as path:line:column: message",
    )
    _add_common(check, command=True)
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: every folder the app loads)")

    stats = sub.add_parser("stats", help="print a short summary of your scores and reviews")
    _add_common(stats, command=True)
    stats.add_argument("--deck", metavar="ID", help="only this deck")

    draft = sub.add_parser("draft", help="draft a question file from an article (review it before use)")
    draft.add_argument("article", metavar="ARTICLE")
    draft.add_argument("--deck", required=True, metavar="ID")
    draft.add_argument("--title", required=True)
    draft.add_argument("-o", "--output", metavar="FILE")
    draft.add_argument("--lang", choices=["auto", "en", "de"], default="auto",
                       help="the article's language (default: detected from its common words)")
    _add_force(draft)

    imp = sub.add_parser("import", help="convert an Anki/Quizlet text export, a GIFT file or an .apkg into a question file")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--deck", required=True, metavar="ID")
    imp.add_argument("--title", required=True)
    imp.add_argument("-o", "--output", metavar="FILE")
    imp.add_argument("--field-sep", metavar="SEP",
                     help="separator between front and back (tab, comma, semicolon, or the text itself); default: detected")
    imp.add_argument("--row-sep", metavar="SEP",
                     help="separator between rows (newline, semicolon, or the text itself); default: detected")
    _add_force(imp)

    desk = sub.add_parser("desktop", help="add studyapp to the desktop's menu, with its icon (Linux), or take it out")
    desk.add_argument("action", choices=["install", "uninstall"])

    exp = sub.add_parser("export", help="export a deck to Anki (.apkg), Moodle (GIFT) or CSV (its questions, or your history)")
    _add_common(exp, command=True)
    exp.add_argument("--deck", required=True, metavar="ID")
    exp.add_argument("--format", required=True, choices=["apkg", "gift", "csv", "questions-csv"])
    exp.add_argument("out", metavar="OUT")
    _add_force(exp)
    return parser


PDF_TEXT_FLAG = "--pdf-text"  # not in --help: how a one-folder build runs its PDF reader as a child
_WINDOW_FLAGS = frozenset({"--exit-when-shown"})
_WINDOW_OPTIONS = frozenset({"--data-dir", "--questions"})


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """``argv`` parsed without building the full parser, when it only opens the window.

    Building every subcommand's parser costs ~4 ms (argparse looks up translations for each
    help text), a few percent of the window's start-up. Only the plain spellings are taken
    here (``--data-dir DIR``, ``--questions DIR``, ``--exit-when-shown``); anything else
    (a command, ``--help``, ``--data-dir=DIR``, an abbreviation, a mistake) returns ``None``
    and goes through ``build_parser``, which gives the same result where both apply.
    """
    args = argparse.Namespace(data_dir=None, questions=[], exit_when_shown=False, command=None)
    tokens = iter(argv)
    for token in tokens:
        if token in _WINDOW_FLAGS:
            args.exit_when_shown = True
        elif token in _WINDOW_OPTIONS:
            value = next(tokens, None)
            if value is None or value.startswith("-"):
                return None
            if token == "--data-dir":
                args.data_dir = value
            else:
                args.questions.append(value)
        else:
            return None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_on_output(sys.stdout, sys.stderr)
    arg_list = sys.argv[1:] if argv is None else list(argv)
    if arg_list[:1] == [PDF_TEXT_FLAG]:  # internal: a PDF's text for the core (studyapp/articles/pdf.py)
        from studyapp.ui.pdf_text import main as pdf_text_main

        return pdf_text_main(arg_list[1:])
    args = window_args(arg_list)
    if args is None:
        try:
            args = build_parser().parse_args(arg_list)
        except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
            return int(exc.code or 0)

    if args.command == "check":
        from studyapp.bank.check import run_check

        return run_check(args, os.environ, sys.stdout)
    if args.command == "stats":
        from studyapp.statsreport import run_stats

        return run_stats(args, os.environ, sys.stdout)
    if args.command == "desktop":
        from studyapp.desktop import run_desktop

        return run_desktop(args.action, os.environ)
    if args.command in ("draft", "import", "export"):
        from studyapp.interop.commands import run_interop

        try:
            return run_interop(args, os.environ, sys.stdout)
        except KeyboardInterrupt:  # Ctrl-C: temporary files are already gone, nothing half-written
            sys.stderr.write(f"studyapp {args.command}: interrupted\n")
            return 130

    # Start-up makes objects that live as long as the window (modules, classes, enums, Qt
    # wrappers): collecting meanwhile took ~10 ms and found next to nothing. run_window turns
    # the collector back on once the window is painted.
    gc.disable()
    from studyapp.ui import pyside_hook  # imports PySide6

    pyside_hook.install()  # before studyapp.app: its imports are what the cheaper check is for
    from studyapp.app import run_window

    return run_window(args, os.environ)


if __name__ == "__main__":
    sys.exit(main())
