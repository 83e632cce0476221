"""Benchmark 9: input latency through the real window, from a key press to the next painted frame.

The window is built with ``studyapp.app.start_app`` (offscreen), as a person's is, twice: on a
fresh data dir with the bundled deck, and on a data dir with the 10,000-question bank and the
1,000,000-answer history. For each, a key is sent to the widget that has the focus (as a
keyboard would) and the clock stops when the event loop has painted the next frame: the first
update request of the window after the key has been handled: Qt repaints the widgets while
handling it.

* (a) Enter on an answer → the feedback painted (graded, saved, memory updated, shown);
* (b) Enter on the feedback → the next question painted;
* (c) a rating key on a flashcard's back → the next card painted (rated, saved, next chosen);
* (d) Ctrl+T → the statistics screen painted.

Targets (issue 16): (a)-(c) ≤ 16 ms median and ≤ 33 ms at p95 (one and two frames at 60 Hz);
(d) ≤ 100 ms median. Quizzes draw typed, cloze, choice and true/false questions, answered with
a key before the timed Enter (untimed); the typed ones get a word.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timezone

from data import bank, history_copy
from harness import Context, Row, Summary

NAME = "latency"

FRAME = 0.016
TWO_FRAMES = 0.033
STATS_LIMIT = 0.100


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(1, -(-95 * len(ordered) // 100)) - 1]


class _Latency:
    """Drives one running window and times key → painted frame."""

    def __init__(self, running: object) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance()
        self.running = running
        self.window = running.window  # type: ignore[attr-defined]

        class Painted(QObject):
            seen = False

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
                if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
                    self.seen = True
                return False

        # Watched on the top-level window only: one update request per frame, and Qt repaints
        # the widgets while handling it. (A filter on the whole application would run Python for
        # each of the thousands of events a screen change makes, and time that instead.)
        self.painted = Painted()
        self.handle = self.window
        self.handle.installEventFilter(self.painted)

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def press(self, key: object, modifier: object = None, target: object = None) -> float:
        """Seconds from sending ``key`` to the end of the next painted frame."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.settle()
        widget = target or self.app.focusWidget() or self.window
        self.painted.seen = False
        start = time.perf_counter()
        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        deadline = start + 10
        while not self.painted.seen:
            self.app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("nothing was painted within 10 s of the key")
        return time.perf_counter() - start  # the update request was handled: the frame is painted

    def close(self) -> None:
        self.handle.removeEventFilter(self.painted)
        self.running.close()  # type: ignore[attr-defined]


def _prepare_answer(view: object) -> None:
    """Give the current question an answer with untimed keys, so Enter submits it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from studyapp.ui.answer_inputs.typed import ClozeInput, TextInput

    widget = view.input  # type: ignore[attr-defined]
    if isinstance(widget, TextInput):
        widget.edit.setText("Minsk")
    elif isinstance(widget, ClozeInput):
        for gap in widget.gaps:
            gap.setText("Minsk")
    else:  # choice, true/false: the first option by its number key
        QTest.keyClick(view, Qt.Key.Key_1)  # type: ignore[arg-type]


def _quiz_rounds(lat: _Latency, deck_id: str | None, rounds: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import Qt

    from studyapp.bank.model import QuestionType
    from studyapp.study.quiz import QuizOptions
    from studyapp.study.quiz_session import QuizState, new_quiz
    from studyapp.ui.main_window import Screen

    window = lat.window
    types = frozenset({QuestionType.TEXT, QuestionType.CLOZE, QuestionType.CHOICE, QuestionType.TRUEFALSE})
    options = QuizOptions(count=rounds + 1, types=types, deck=deck_id, seed=9)
    quiz = new_quiz(window.bank, options, window.core.store, window.now())
    if len(quiz.items) < rounds + 1:
        raise RuntimeError(f"only {len(quiz.items)} questions for a {rounds + 1}-question quiz")
    window.start_quiz_of(quiz)
    view = window.view(Screen.QUIZ)
    feedback, next_question = [], []
    for _ in range(rounds):
        lat.settle()
        _prepare_answer(view)
        feedback.append(lat.press(Qt.Key.Key_Return))
        if view.session.state is not QuizState.ANSWERED:
            raise RuntimeError(f"Enter did not grade the answer: {view.session.state}")
        next_question.append(lat.press(Qt.Key.Key_Return))
    view.stop()  # abandon the last, unanswered question without the "abandon?" box
    window.go_home()
    return feedback, next_question


def _rating_rounds(lat: _Latency, deck_id: str, rounds: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from studyapp.study.review_session import ReviewState
    from studyapp.ui.main_window import Screen

    window = lat.window
    window.start_flashcards(deck_id)
    view = window.view(Screen.FLASHCARDS)
    view.graded_box.setChecked(False)  # the classic review: Space shows, 3 rates Good
    samples = []
    for _ in range(rounds):
        lat.settle()
        session = view.session
        if session is None or session.state is not ReviewState.SHOWING_FRONT:
            raise RuntimeError(f"no card to rate: {session and session.state}")
        if view.graded_box.isChecked():
            raise RuntimeError("the bench rates classic flashcards")
        QTest.keyClick(view, Qt.Key.Key_Space)  # show the answer (untimed)
        samples.append(lat.press(Qt.Key.Key_3))  # Good → the next card
    window.go_home()
    return samples


def _stats_rounds(lat: _Latency, rounds: int) -> list[float]:
    from PySide6.QtCore import Qt

    from studyapp.ui.main_window import Screen

    window = lat.window
    samples = []
    for _ in range(rounds):
        window.go_home()
        lat.settle()
        samples.append(lat.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier, target=window))
        # The memory section's figures come from a worker after the first frame: let them arrive
        # (untimed) so the next round does not start with the last one's work still running.
        view = window.view(Screen.STATS)
        deadline = time.perf_counter() + 30
        while view.memory.memory is None and time.perf_counter() < deadline:
            lat.app.processEvents()
            time.sleep(0.002)
    window.go_home()
    return samples


def _scenario(ctx: Context, label: str, start: Callable[[], object], deck_id: Callable[[object], str],
              rounds: int) -> list[Row]:
    running = start()
    lat = _Latency(running)
    try:
        window = lat.window
        window.resize(1000, 680)
        window.show()
        lat.settle()
        deck = deck_id(running)
        feedback, nxt = _quiz_rounds(lat, deck, rounds)
        rating = _rating_rounds(lat, deck, rounds)
        stats = _stats_rounds(lat, max(5, rounds // 3))
    finally:
        lat.close()
    rows = []
    for key, name, samples in (("a", "Enter on an answer → feedback painted", feedback),
                               ("b", "Enter → next question painted", nxt),
                               ("c", "rating key → next card painted", rating)):
        rows.append(Row("9", f"({key}) {name}, {label} ({len(samples)} rounds)",
                        studyapp=Summary(tuple(samples)), limit=FRAME, limit_is_ratio=False))
        rows.append(Row("9", f"({key}) p95 of the same", studyapp=Summary((_p95(samples),)),
                        limit=TWO_FRAMES, limit_is_ratio=False))
    rows.append(Row("9", f"(d) Ctrl+T → statistics painted, {label} ({len(stats)} rounds)",
                    studyapp=Summary(tuple(stats)), limit=STATS_LIMIT, limit_is_ratio=False))
    return rows


def run(ctx: Context) -> list[Row]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from studyapp.app import start_app
    from studyapp.paths import DataPaths

    QApplication.instance() or QApplication([])
    now = datetime.now(timezone.utc)
    rounds = ctx.rounds(40, 10)

    def fresh() -> object:
        data_dir = ctx.work / "latency-fresh"
        data_dir.mkdir(parents=True, exist_ok=True)
        settings = QSettings(str(data_dir / "bench-settings.ini"), QSettings.Format.IniFormat)
        return start_app(DataPaths(data_dir), settings, now=lambda: now)

    def large() -> object:
        generated = bank(ctx)
        db = history_copy(ctx, "latency-large")
        settings = QSettings(str(db.parent / "bench-settings.ini"), QSettings.Format.IniFormat)
        return start_app(DataPaths(db.parent), settings, extra_dirs=[generated.questions_dir], now=lambda: now)

    def first_deck(running: object) -> str:
        decks = running.window.bank.decks  # type: ignore[attr-defined]
        return str(max(decks, key=lambda d: len(d.questions)).id)

    rows = _scenario(ctx, "bundled deck", fresh, first_deck, rounds)
    rows += _scenario(ctx, "10,000 questions, 1,000,000 answers", large, first_deck, max(10, rounds // 2))
    return rows


if __name__ == "__main__":  # pragma: no cover - run through run.py
    raise SystemExit("run with: benchmarks/run.py --only latency")

