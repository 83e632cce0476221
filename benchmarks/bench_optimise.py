"""Benchmark 12: "Optimise" on 100,000 answers, and whether the window keeps running meanwhile.

A history of 100,000 answers on the 10,000 questions (``gen_history``, about ten answers per card
on different days, rated by the schema's own migration) in a fresh store. The real dialog
(``OptimiseDialog``, offscreen) is opened and "Optimise" clicked; the time is taken from the click
to the result shown (reading the answers, building the training items, the fit in its own
process, measuring both parameter sets). Meanwhile a 5 ms timer runs on the window's event loop:
the longest gap between two of its ticks is how long the window could not draw or take a click
(target ≤ 100 ms: the fit must not block the window). 3 rounds (1 with ``--quick``).
"""

from __future__ import annotations

import time
from datetime import timezone

from harness import Context, Row, Summary

NAME = "optimise"
ANSWERS = 100_000


def run(ctx: Context) -> list[Row]:
    from gen_bank import question_keys
    from gen_history import generate_history
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studyapp.store import open_store
    from studyapp.study.optimise import training_set
    from studyapp.ui.optimise_dialog import OptimiseDialog, OptimiseState

    app = QApplication.instance() or QApplication([])
    work = ctx.work / "optimise"
    work.mkdir(exist_ok=True)
    db = work / "studyapp.sqlite3"
    info = generate_history(db, question_keys(100, 100), answers=ANSWERS, quizzes=200, tz=timezone.utc)
    store = open_store(db, backups_dir=work / "backups", tz=timezone.utc, auto_backup=False).store
    items = len(training_set(store.review_log()).items)

    walls: list[float] = []
    gaps: list[float] = []
    for _ in range(ctx.rounds(3, 1)):
        dialog = OptimiseDialog(store, None, "every deck", lambda: info.now)
        dialog.show()
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        app.processEvents()
        start = time.perf_counter()
        ticks.append(start)
        dialog.optimise.click()
        while dialog.state is OptimiseState.RUNNING:
            app.processEvents()
            time.sleep(0.001)
        end = time.perf_counter()
        timer.stop()
        assert dialog.fit_result is not None, dialog.status.text()
        walls.append(end - start)
        ticks.append(end)
        gaps.append(max(b - a for a, b in zip(ticks, ticks[1:])))
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    store.close()
    return [
        Row("12", f"Optimise… on {ANSWERS:,} answers ({items:,} training items, 10,000 cards): click to "
                  f"before/after shown", studyapp=Summary(tuple(walls)), note="information"),
        Row("12", "longest the window's event loop waited during it (5 ms timer)", studyapp=Summary(tuple(gaps)),
            limit=0.100, limit_is_ratio=False),
    ]
