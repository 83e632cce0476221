"""``studyapp stats [--deck ID]``: a short plain-text summary of the statistics screen's figures.

Reads the database in the data dir (never creates one: with no database yet it says so) and
the same question folders the window loads, to count questions and tags.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import TextIO

from studyapp.memory_stats import MemoryStatistics, Retention, compute_memory_statistics
from studyapp.paths import DataPaths, bundled_questions_dir, resolve_data_dir
from studyapp.percent import percent_text
from studyapp.stats import Accuracy, Statistics, bank_questions, compute_statistics, summaries_notice
from studyapp.store import StoreError, open_store

EXIT_OK = 0
EXIT_ERROR = 1


def _pct(acc: Accuracy) -> str:
    return "–" if acc.ratio is None else f"{percent_text(acc.ratio)} ({acc.right:,}/{acc.answers:,})"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _share(ratio: float | None, passed: int, failed: int) -> str:
    return "–" if ratio is None else f"{percent_text(ratio)} ({passed:,}/{passed + failed:,})"


def _all(r: Retention) -> str:
    return _share(r.total, r.young_passed + r.mature_passed, r.young_failed + r.mature_failed)


def format_memory(m: MemoryStatistics) -> list[str]:
    """The memory lines of the summary: true retention, retrievability, reviews ahead."""
    cells = [(p.value, _share(r.young, r.young_passed, r.young_failed),
              _share(r.mature, r.mature_passed, r.mature_failed), _all(r)) for p, r in m.retention]
    width = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = ["", "true retention (reviews remembered; young: interval under 21 days, mature: 21 days or more)",
             f"  {'':<{width[0]}}  {'young':<{width[1]}}  {'mature':<{width[2]}}  all"]
    lines += [f"  {a:<{width[0]}}  {b:<{width[1]}}  {c:<{width[2]}}  {d}" for a, b, c, d in cells]
    groups = [(f"deck {g.name}", g) for g in m.by_deck] + [(f"type {g.name}", g) for g in m.by_type]
    if groups:
        name_width = max(len(n) for n, _ in groups)
        lines.append(f"  {'per deck and type':<{name_width}}  last month · all time")
        lines += [f"  {n:<{name_width}}  {_all(g.month)} · {_all(g.all_time)}" for n, g in groups]
    if m.retrievability is None:
        lines.append("memory    no card studied yet")
    else:
        lines.append(f"memory    {m.cards:,} studied card{'s' if m.cards != 1 else ''} · retrievability now "
                     f"{percent_text(m.retrievability)} on average")
    week = " · ".join(f"{count:.1f}" for _, count in m.forecast[:7])
    lines.append(f"reviews   expected next 7 days: {week} (today first) · next 30 days: "
                 f"{sum(count for _, count in m.forecast):,.0f}")
    return lines


def format_statistics(st: Statistics, data_dir: Path, deck: str | None = None,
                      memory: MemoryStatistics | None = None) -> str:
    """The summary as text (no trailing newline)."""
    scope = f"deck {deck}" if deck else "all decks"
    lines = [f"studyapp stats: {scope}, {st.today.isoformat()} (data: {data_dir})", ""]
    notice = summaries_notice(st.summaries)
    if notice:
        lines[1:1] = [notice]
    rows = [(d.deck, d.questions, d.seen, d.due_today, d.new, d.mastered) for d in st.decks]
    if len(st.decks) != 1:
        t = st.total
        rows.append(("total", t.questions, t.seen, t.due_today, t.new, t.mastered))
    width = max([len("deck"), *(len(r[0]) for r in rows)])
    lines.append(f"{'deck':<{width}}  questions     seen  due today      new  mastered")
    for name, q, seen, due, new, mastered in rows:
        lines.append(f"{name:<{width}}  {q:>9,}  {seen:>7,}  {due:>9,}  {new:>7,}  {mastered:>8,}")
    lines.append("")
    lines.append(f"accuracy  last 7 days {_pct(st.accuracy_7)} · last 30 days {_pct(st.accuracy_30)}"
                 f" · all time {_pct(st.accuracy_all)}")
    lines.append(f"streak    current {_days(st.streaks.current)} · longest {_days(st.streaks.longest)}")
    quizzes = st.quiz_scores
    if quizzes:
        scores = [q.score for q in quizzes]
        lines.append(f"quizzes   {len(quizzes):,} finished · last {percent_text(scores[-1])} · best {percent_text(max(scores))}"
                     f" · average {percent_text(sum(scores) / len(scores))}")
    else:
        lines.append("quizzes   none finished yet")
    active = [d for d in st.heatmap if d.count]
    lines.append(f"last year {sum(d.count for d in active):,} answers on {_days(len(active))}")
    week = " · ".join(f"{d.count:,}" for d in st.forecast[:7])
    lines.append(f"due       next 7 days: {week} (today first) · next 30 days: {sum(d.count for d in st.forecast):,}")
    weakest = sorted((t for t in st.tags if t.accuracy.answers), key=lambda t: (t.accuracy.ratio or 0.0, t.tag))[:3]
    if weakest:
        lines.append("weakest   " + " · ".join(f"{t.tag} {_pct(t.accuracy)}" for t in weakest))
    if memory is not None:
        lines += format_memory(memory)
    return "\n".join(lines)


def run_stats(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO, *,
              now: datetime | None = None, tz: tzinfo | None = None) -> int:
    """Print the summary; ``args`` has ``deck``, ``data_dir`` and ``questions``.

    ``now`` and ``tz`` default to the clock and the system's zone (tests pass their own).
    """
    from studyapp.bank.loader import load_bank  # only this command needs the YAML loader

    paths = DataPaths(resolve_data_dir(args.data_dir, environ))
    folders = [bundled_questions_dir()]
    if paths.questions.is_dir():
        folders.append(paths.questions)
    folders += [Path(p) for p in args.questions]
    bank = load_bank(folders, bundled=folders[0], own=paths.questions)
    questions = bank_questions(bank)
    deck = args.deck
    now = now or datetime.now(timezone.utc)

    if not paths.database.exists():
        known = sorted({d for d, _ in questions})
        if deck and deck not in known:
            print(f"studyapp stats: no deck {deck!r} (decks: {', '.join(known) or 'none'})", file=out)
            return EXIT_ERROR
        count = sum(1 for d, _ in questions if deck is None or d == deck)
        print(f"Nothing studied yet (no database in {paths.root}). {count:,} questions are ready.", file=out)
        return EXIT_OK
    try:
        opened = open_store(paths.database, backups_dir=paths.backups, now=now, tz=tz, auto_backup=False)
    except StoreError as exc:
        print(f"studyapp stats: {exc}", file=out)
        return EXIT_ERROR
    try:
        for notice in opened.notices:
            print(notice.message, file=out)
        st = compute_statistics(opened.store, questions, now=now, tz=tz, deck=deck)
        memory = compute_memory_statistics(opened.store, now=now, tz=tz, deck=deck)
    finally:
        opened.store.close()
    if deck and not st.decks:
        known = sorted({d for d, _ in questions})
        print(f"studyapp stats: no deck {deck!r} (decks: {', '.join(known) or 'none'})", file=out)
        return EXIT_ERROR
    print(format_statistics(st, paths.root, deck, memory), file=out)
    if bank.problems:
        files = len({p.path for p in bank.problems})
        print(f"\n({files} question file{'s' if files != 1 else ''} with problems left out: "
              "run `studyapp check`)", file=out)
    return EXIT_OK
