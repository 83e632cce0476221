"""Benchmark 8: the article reader on the longest article the loader accepts.

``gen_article.generate_article_deck`` writes an article just under 1 MiB and a deck of 2,000
flashcards quoting passages spread from its start to its end (quotes typed with straight
apostrophes and hyphens, the article typographic). The real window is built with
``studyapp.app.start_app`` (offscreen) on a fresh data dir; every question has an answer (a
third of them wrong), so the mastery map must place all 2,000 quotes, and the map is on (with
the map off, the quotes are not looked for at all).

* "open at the last quote": from home, ``MainWindow.open_reader(deck, last quote)`` until the
  article's view has painted: read the file, split it into blocks, fold it once, find all
  2,000 quotes for the map, build the document, highlight and scroll. Target ≤ 150 ms median.
* "every quote found" (information): the core alone, ``parse_article`` + ``blocks_of`` (fold
  once, find all 2,000 quotes, their paragraphs), what the map costs before Qt draws anything.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from gen_article import generate_article_deck
from harness import Context, Row, paired
from profiling import profile_call

NAME = "reader"

ARTICLE_BYTES = 2**20 - 1024  # the loader refuses a source over 1 MiB
QUESTIONS = 2000


def run(ctx: Context) -> list[Row]:
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from studyapp.app import start_app
    from studyapp.articles.blocks import parse_article
    from studyapp.grading import Outcome
    from studyapp.paths import DataPaths
    from studyapp.store import Attempt, Mode
    from studyapp.ui.main_window import Screen
    from studyapp.ui.reader_view import ReaderView

    work = ctx.work / "reader"
    made = generate_article_deck(work / "files", ARTICLE_BYTES, QUESTIONS)
    app = QApplication.instance() or QApplication([])
    data_dir = work / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    now = datetime.now(timezone.utc)
    running = start_app(DataPaths(data_dir), settings, dirs=[made.questions_dir], now=lambda: now)
    window = running.window
    deck = window.bank.deck(made.deck_id)
    if deck is None or len(deck.questions) != QUESTIONS or window.bank.problems:
        raise RuntimeError(f"the generated deck did not load whole: {window.bank.problems[:3]}")
    store = running.core.store
    for k, q in enumerate(deck.questions):  # every question studied: the map's worst case
        wrong = k % 3 == 0
        store.record_attempt(Attempt(deck.id, q.id, q.content_hash, Mode.QUIZ, '"x"',
                                     Outcome.WRONG if wrong else Outcome.RIGHT, 0.0 if wrong else 1.0, 3000,
                                     now - timedelta(hours=1)))
    window.resize(1000, 680)
    window.show()
    app.processEvents()
    reader = window.view(Screen.READER)
    assert isinstance(reader, ReaderView)
    reader.map_toggle.setChecked(True)
    last = made.quotes[-1]

    class Painted(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    painted = Painted()
    reader.text.viewport().installEventFilter(painted)

    def open_reader() -> float:
        window.go_home()
        app.processEvents()
        painted.seen = False
        start = time.perf_counter()
        window.open_reader(made.deck_id, last)
        while not painted.seen:
            app.processEvents()
        elapsed = time.perf_counter() - start
        if reader.highlighted_text().replace("’", "'").replace("—", "-") != last:
            raise RuntimeError(f"the last quote was not highlighted: {reader.highlighted_text()[:80]!r}")
        if len(set(reader.span_mastery.values())) < 2:
            raise RuntimeError(f"the mastery map is missing tints: {set(reader.span_mastery.values())}")
        return elapsed

    text = made.article.read_text(encoding="utf-8")
    quotes = [q.quote for q in deck.questions if q.quote]

    def core_only() -> float:
        start = time.perf_counter()
        found = parse_article(text).blocks_of(quotes)
        elapsed = time.perf_counter() - start
        if len(found) != len(set(quotes)):
            raise RuntimeError(f"only {len(found)} of {len(set(quotes))} quotes found")
        return elapsed

    rounds = ctx.rounds(15, 5)
    res = paired({"open": open_reader, "core": core_only}, rounds, warmup=1)
    profile_call(ctx, "reader-open", lambda: window.open_reader(made.deck_id, last))
    size_kib = made.article.stat().st_size // 1024
    running.close()
    return [
        Row("8", f"reader opened at its last quote: {size_kib:,} KiB article, {QUESTIONS:,} quoting questions, "
                 f"mastery map on, until painted ({rounds} rounds)",
            studyapp=res["open"], limit=0.150, limit_is_ratio=False),
        Row("8", "every quote's paragraph found: parse + fold once + find all (information)", studyapp=res["core"]),
    ]
