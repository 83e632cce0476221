"""Generated data shared by the benchmarks of one run, made once and kept in the run's temp folder."""

from __future__ import annotations

import shutil
from datetime import timezone
from pathlib import Path

from gen_bank import GeneratedBank, generate_bank, question_keys
from gen_history import HistoryInfo, generate_history
from harness import Context

BANK_FILES = 100
BANK_PER_FILE = 100


def bank(ctx: Context) -> GeneratedBank:
    """The 10,000-question bank (100 files, all eight types), generated once per run."""
    if "bank" not in ctx.cache:
        ctx.cache["bank"] = generate_bank(ctx.work / "bank", BANK_FILES, BANK_PER_FILE)
    return ctx.cache["bank"]  # type: ignore[return-value]


def history(ctx: Context) -> HistoryInfo:
    """A pristine history database: 1,000,000 answers over two years (100,000 with ``--quick``),
    200 finished quizzes, a card for each of the bank's 10,000 questions. Copy it before writing."""
    if "history" not in ctx.cache:
        from studyapp.paths import DB_FILENAME  # the name the app looks for in its data dir

        path = ctx.work / "history" / DB_FILENAME
        path.parent.mkdir(parents=True, exist_ok=True)
        answers = 100_000 if ctx.quick else 1_000_000
        print(f"  generating a history of {answers:,} answers ...", flush=True)
        ctx.cache["history"] = generate_history(
            path, question_keys(BANK_FILES, BANK_PER_FILE), answers=answers, quizzes=200, tz=timezone.utc)
    return ctx.cache["history"]  # type: ignore[return-value]


def history_copy(ctx: Context, name: str) -> Path:
    """A private copy of the history database (in its own data dir) that a benchmark may write to."""
    src = history(ctx).path
    dest_dir = ctx.work / name
    if dest_dir.exists():
        shutil.rmtree(dest_dir)
    dest_dir.mkdir(parents=True)
    dest = dest_dir / src.name
    shutil.copyfile(src, dest)
    return dest
