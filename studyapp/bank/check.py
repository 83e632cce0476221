"""``studyapp check [PATH...]``: validate question files and print every problem.

Each problem is printed as ``path:line:column: message`` (the form editors and CI parse),
then one summary line: ``3 files, 94 questions, 0 problems``. Exit status: 0 when clean,
1 when any problem was found, 2 for a usage error (a path that does not exist).

A question's picture (``image:``) is checked here too, from its header only (``imagefile``):
loading a deck never opens pictures, so the window shows a notice in a missing one's place.

With no PATH it checks every folder the app loads: the bundled questions, the user's
question folder (only if it exists; checking never creates it) and each ``--questions DIR``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from studyapp.bank.imagefile import picture_problems
from studyapp.bank.loader import load_bank, load_files
from studyapp.bank.model import Bank, Problem
from studyapp.paths import DataPaths, bundled_questions_dir, resolve_data_dir

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def run_check(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO, err: TextIO | None = None) -> int:
    """Run ``studyapp check``; ``args`` has ``paths``, ``data_dir`` and ``questions``."""
    err = err if err is not None else sys.stderr
    named = [Path(p) for p in [*args.paths, *args.questions]]
    missing = [p for p in named if not p.exists()]
    if missing:
        for p in missing:
            print(f"studyapp check: no such file or folder: {p}", file=err)
        return EXIT_USAGE
    if args.paths:
        bank = load_files(named)
    else:
        user_folder = DataPaths(resolve_data_dir(args.data_dir, environ)).questions
        folders = [bundled_questions_dir()]
        if user_folder.is_dir():
            folders.append(user_folder)
        bank = load_bank([*folders, *named], bundled=folders[0], own=user_folder)
    problems = sorted([*bank.problems, *picture_problems(bank)], key=lambda p: (str(p.path), p.line, p.column))
    for problem in problems:
        print(problem, file=out)
    print(
        f"{_plural(bank.files, 'file')}, {_plural(bank.question_count, 'question')}, "
        f"{_plural(len(problems), 'problem')}",
        file=out,
    )
    return EXIT_PROBLEMS if problems else EXIT_CLEAN
