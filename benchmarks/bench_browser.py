"""Benchmark 13: the Browse window on 100,000 questions.

The bank is ``gen_bank`` at 100 files of 1,000 questions (every type, names with ``ł ŭ ž``),
loaded by the real loader; the store has a generated history (``gen_history``) with a card for
every question. Offscreen, the real ``BrowserWindow``:

* "open": from the bank and an open store until the table has painted: the rows' columns over
  the bank's questions, model, window shown, the memory and history of the drawn rows read from
  the store (the rest is read when a sort or an ``is:`` search needs it). Target ≤ 300 ms median.
* "search as you type": the search field gets the query one key at a time; each key is timed
  from the new text to the table painted (parse, filter 100,000 questions, reset the model,
  paint), the debounce timer skipped. Targets ≤ 30 ms median, ≤ 60 ms p95 per keystroke.
* "index" (information): folding every question's texts once, which the window does off the UI
  thread after its first frame (before the first key is typed), and the longest the window's
  event loop waited meanwhile (a 5 ms timer's largest gap).
* "sort by due" (information): the first click on the Due heading until painted, which reads
  every question's memory from the store; then a click on Prompt (keys folded once per column).
"""

from __future__ import annotations

import gc
import statistics
import time
from datetime import datetime, timezone

from gen_bank import generate_bank, question_keys
from gen_history import generate_history
from harness import Context, Row, Summary
from profiling import profile_call

NAME = "browser"
FILES, PER_FILE = 100, 1000
QUERY = "haloucanka potash exports -minsk"


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(1, -(-95 * len(ordered) // 100)) - 1]


def run(ctx: Context) -> list[Row]:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from studyapp.authoring.search_index import SearchIndex
    from studyapp.bank.loader import load_bank
    from studyapp.store import open_store
    from studyapp.authoring.search_rows import Column
    from studyapp.ui.browser_window import BrowserWindow, browser_model

    work = ctx.work / "browser"
    made = generate_bank(work / "bank", FILES, PER_FILE)
    bank = load_bank([made.questions_dir], cache_dir=work / "cache")
    if bank.question_count != FILES * PER_FILE or bank.problems:
        raise RuntimeError(f"the generated bank did not load whole: {bank.problems[:3]}")
    db = work / "data" / "studyapp.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    generate_history(db, question_keys(FILES, PER_FILE), answers=50_000 if ctx.quick else 300_000, quizzes=20,
                     tz=timezone.utc)
    store = open_store(db, backups_dir=db.parent / "backups", tz=timezone.utc, auto_backup=False).store
    # As in the window, where the bank loaded at start-up is frozen (``app._start_collecting``):
    # a collection never walks it again.
    gc.collect()
    gc.freeze()
    app = QApplication.instance() or QApplication([])
    now = datetime.now(timezone.utc)

    class Painted(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    painted = Painted()

    def until_painted(browser: BrowserWindow) -> None:
        while not painted.seen:
            app.processEvents()

    def open_browser() -> tuple[float, BrowserWindow]:
        painted.seen = False
        start = time.perf_counter()
        browser = BrowserWindow(browser_model(bank, store, now, timezone.utc))
        browser.table.viewport().installEventFilter(painted)
        browser.show()
        until_painted(browser)
        elapsed = time.perf_counter() - start
        if browser.model.rowCount() != FILES * PER_FILE:
            raise RuntimeError(f"the browser shows {browser.model.rowCount()} rows")
        return elapsed, browser

    opens: list[float] = []
    for k in range(ctx.rounds(9, 3) + 1):
        elapsed, browser = open_browser()
        if k:
            opens.append(elapsed)  # the first is a warm-up
        browser.close()
        browser.deleteLater()
        app.processEvents()

    _elapsed, browser = open_browser()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now_tick = time.perf_counter()
        gaps.append(now_tick - last[0])
        last[0] = now_tick

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    start = time.perf_counter()
    last[0] = start
    timer.start()
    browser.model.start_index()  # as the window does after its first frame
    while not browser.model.index_ready():
        app.processEvents()
    index_seconds = time.perf_counter() - start
    timer.stop()
    index_runs = [index_seconds]
    for _ in range(ctx.rounds(2, 1)):
        start = time.perf_counter()
        SearchIndex(browser.model.rows.questions)
        index_runs.append(time.perf_counter() - start)

    keys: list[float] = []
    round_p95: list[float] = []
    for _ in range(ctx.rounds(10, 3)):
        browser.search.setText("")
        browser.apply_search()
        app.processEvents()
        this_round = []
        for n in range(1, len(QUERY) + 1):
            painted.seen = False
            start = time.perf_counter()
            browser.search.setText(QUERY[:n])
            browser.apply_search()
            until_painted(browser)
            this_round.append(time.perf_counter() - start)
        if not browser.message.isHidden() or not 0 < browser.model.rowCount() < FILES * PER_FILE:
            raise RuntimeError(f"unexpected result: {browser.model.rowCount()} rows, {browser.message.text()!r}")
        keys.extend(this_round)
        round_p95.append(_p95(this_round))
    found = browser.model.rowCount()
    sorts: list[float] = []  # after the search rounds, which run in the bank's order
    for column in (Column.DUE, Column.PROMPT):
        painted.seen = False
        start = time.perf_counter()
        browser.table.horizontalHeader().sectionClicked.emit(column)
        until_painted(browser)
        sorts.append(time.perf_counter() - start)
    profile_call(ctx, "browser-search", lambda: browser.model.set_query(__import__("studyapp.authoring.search",
                                                                                   fromlist=["parse"]).parse(QUERY)))
    browser.close()
    store.close()
    gc.unfreeze()
    n = FILES * PER_FILE
    return [
        Row("13", f"Browse window opened on {n:,} questions (history for every card), until painted "
                 f"({len(opens)} rounds)", studyapp=Summary(tuple(opens)), limit=0.300, limit_is_ratio=False),
        Row("13", f"search as you type over {n:,} questions: median per keystroke of {QUERY!r} "
                 f"({len(keys)} keys, {found:,} found)", studyapp=Summary(tuple(keys)), limit=0.030,
            limit_is_ratio=False),
        Row("13", f"search as you type: p95 per keystroke (each round's p95, {len(round_p95)} rounds; "
                 f"overall p95 {_p95(keys) * 1000:.1f} ms)", studyapp=Summary(tuple(round_p95)), limit=0.060,
            limit_is_ratio=False),
        Row("13", f"search index built once per bank: every question's texts folded (information; the first off the "
                 f"UI thread, its longest pause of the window {max(gaps, default=0) * 1000:.0f} ms; "
                 f"median of all keys {statistics.median(keys) * 1000:.1f} ms)", studyapp=Summary(tuple(index_runs))),
        Row("13", f"first sort by Due on {n:,} questions until painted, every question's memory read (information; "
                 f"then by Prompt {sorts[1] * 1000:.0f} ms)", studyapp=Summary((sorts[0],))),
    ]
