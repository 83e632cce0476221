"""Render every screen of studyapp offscreen to docs/screenshots/*.png, in light and dark palette.

Run with ``make screenshots`` (or ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py``).
Each run uses a fresh temporary data dir with a generated study history, the bundled deck and
one broken question file, and builds the window exactly as ``studyapp`` does (``start_app``).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fsrs import Rating  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget  # noqa: E402

from studyapp.app import RunningApp, start_app  # noqa: E402
from studyapp.bank.model import QuestionType  # noqa: E402
from studyapp.grading import Outcome  # noqa: E402
from studyapp.paths import DataPaths  # noqa: E402
from studyapp.store import Attempt, Mode  # noqa: E402
from studyapp.study.quiz import Quiz, QuizOptions, make_item  # noqa: E402
from studyapp.study.scheduling import CardScheduler  # noqa: E402
from studyapp.ui.browser_window import open_browser  # noqa: E402
from studyapp.ui.main_window import Screen  # noqa: E402
from studyapp.ui.theme import Scheme, apply_scheme  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
SIZE = (1100, 720)
DECK = "belarus-west-2025"
BROKEN = "deck: my-notes\ntitle: My notes\nquestions:\n  - id: q1\n    type: choice\n    prompt: Pick\n    choices: [a, b]\n    anwser: a\n"


def generate_history(running: RunningApp, days: int = 120, seed: int = 3) -> None:
    """Quizzes and flashcard reviews on most days of the last ``days`` days."""
    store, bank = running.core.store, running.window.bank
    rng = random.Random(seed)
    scheduler = CardScheduler()
    questions = [q for d in bank.decks for q in d.questions]
    for back in range(days, 0, -1):
        if rng.random() < 0.35:
            continue
        day = NOW - timedelta(days=back, hours=rng.randint(0, 6))
        if rng.random() < 0.35:
            picked = rng.sample(questions, 10)
            sid = store.start_session(Mode.QUIZ, DECK, {}, seed, len(picked), day)
            skill = 0.45 + 0.45 * (1 - back / days)
            for i, q in enumerate(picked):
                right = rng.random() < skill
                store.record_attempt(Attempt(DECK, q.id, q.content_hash, Mode.QUIZ, '"x"',
                                             Outcome.RIGHT if right else Outcome.WRONG, float(right), 5000,
                                             day + timedelta(seconds=40 * i), session_id=sid))
            store.finish_session(sid, day + timedelta(minutes=8))
        for q in rng.sample(questions, rng.randint(3, 15)):
            state = store.card_state(q.deck, q.id)
            rating = rng.choice([Rating.Good, Rating.Good, Rating.Good, Rating.Easy, Rating.Hard, Rating.Again])
            card = scheduler.rate(q.deck, q.id, state, rating, day)
            store.record_attempt(Attempt(q.deck, q.id, q.content_hash, Mode.REVIEW, "true",
                                         Outcome.WRONG if rating == Rating.Again else Outcome.RIGHT,
                                         0.0 if rating == Rating.Again else 1.0, 3000, day, rating=int(rating)), card)


FIGURE_ARTICLE = """# The Gotthard Base Tunnel

The Gotthard Base Tunnel is the longest railway tunnel in the world, at 57.1 km. It opened in 2016 after seventeen years of work.

## Construction

Work began in 1999. Four tunnel boring machines cut most of the rock; crews blasted the rest.

- The machines advanced up to 40 metres a day.
- About 28 million tonnes of rock were removed.

![The tunnel's route under the Alps](route.png)

![A photograph of the portal](https://example.org/gotthard-portal.jpg)

## Operation

Trains run at up to 250 km/h. About 260 freight trains use the tunnel every day.
"""
FIGURE_DECK = """deck: gotthard
title: The Gotthard Base Tunnel
source: gotthard.md
questions:
  - id: length
    type: text
    prompt: How long is the Gotthard Base Tunnel?
    answer: 57.1 km
    quote: the longest railway tunnel in the world, at 57.1 km
  - id: start
    type: text
    prompt: When did work begin?
    answer: "1999"
    quote: Work began in 1999.
"""


def write_figure_deck(folder: Path) -> None:
    """A Markdown article with a local picture and a web image, and a deck quoting it."""
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    picture = QImage(560, 200, QImage.Format.Format_RGB32)
    picture.fill(QColor(226, 236, 222))
    painter = QPainter(picture)
    painter.setPen(QPen(QColor(120, 110, 100), 0))
    painter.setBrush(QColor(170, 160, 150))
    for x, h in ((60, 90), (150, 140), (240, 170), (330, 150), (420, 110), (500, 80)):
        painter.drawEllipse(x - 70, 200 - h, 140, 2 * h)
    painter.setPen(QPen(QColor(200, 40, 40), 5))
    painter.drawLine(20, 170, 540, 170)
    painter.end()
    picture.save(str(folder / "route.png"))
    (folder / "gotthard.md").write_text(FIGURE_ARTICLE, encoding="utf-8")
    (folder / "gotthard.yaml").write_text(FIGURE_DECK, encoding="utf-8")


PICTURE_DECK = """deck: tunnels
title: Tunnels of the Alps
questions:
  - id: route
    type: choice
    prompt: Which tunnel does this route map show?
    image: media/route-map.png
    image_alt: A red line running straight under a chain of six mountains
    choices: [Gotthard Base Tunnel, Channel Tunnel, Seikan Tunnel]
    answer: Gotthard Base Tunnel
    explanation: It runs 57.1 km under the Alps.
"""


def write_picture_deck(folder: Path) -> None:
    """A deck whose question shows a picture from its media/ folder (drawn here, not bundled)."""
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    picture = QImage(640, 260, QImage.Format.Format_RGB32)
    picture.fill(QColor(214, 232, 245))
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(110, 100, 90), 1))
    painter.setBrush(QColor(165, 155, 140))
    for x, h in ((70, 110), (170, 170), (270, 210), (370, 180), (470, 140), (570, 100)):
        painter.drawEllipse(x - 80, 260 - h, 160, 2 * h)
    painter.setBrush(QColor(245, 245, 245))
    for x, h in ((170, 170), (270, 210), (370, 180)):
        painter.drawEllipse(x - 18, 260 - h - 4, 36, 24)
    painter.setPen(QPen(QColor(200, 40, 40), 6))
    painter.drawLine(20, 225, 620, 225)
    painter.end()
    (folder / "media").mkdir(exist_ok=True)
    picture.save(str(folder / "media" / "route-map.png"))
    (folder / "tunnels.yaml").write_text(PICTURE_DECK, encoding="utf-8")


def picture_screen(running: RunningApp, scheme: Scheme) -> None:
    """A quiz question with a picture (answered, so the quiz ends before the next one starts)."""
    window = running.window
    write_picture_deck(running.core.paths.questions)
    window.reload()
    deck = window.bank.deck("tunnels")
    assert deck is not None
    quiz = Quiz(tuple(make_item(q, random.Random(2)) for q in deck.questions), QuizOptions(count=1, deck="tunnels", seed=2), 2)
    window.start_quiz_of(quiz)
    save(window, "question-image", scheme)
    view = window.view(Screen.QUIZ)
    answer_current(view)
    QTest.keyClick(view, Qt.Key.Key_Return)


def save(widget: QWidget, name: str, scheme: Scheme) -> None:
    QApplication.processEvents()
    path = OUT / f"{name}-{scheme.value}.png"
    widget.grab().save(str(path))
    print(path.relative_to(OUT.parent.parent))


def answer_current(view: QWidget, typed: tuple[str, ...] = ("January 17", "Haloucanka")) -> None:
    """Answer the quiz's current question from the keyboard: a digit picks, typing fills gaps."""
    focused = QApplication.focusWidget()
    if isinstance(focused, QLineEdit):
        for i, text in enumerate(typed):
            QTest.keyClicks(QApplication.focusWidget(), text)
            if i < len(typed) - 1:
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    else:
        QTest.keyClick(view, Qt.Key.Key_1)
    QTest.keyClick(view, Qt.Key.Key_Return)


def quiz_screens(running: RunningApp, scheme: Scheme) -> None:
    window = running.window
    deck = window.bank.deck(DECK)
    assert deck is not None
    wanted = [QuestionType.CHOICE, QuestionType.CLOZE, QuestionType.ORDER, QuestionType.MATCH, QuestionType.MULTI]
    picked = [next(q for q in deck.questions if q.type is t) for t in wanted]
    rng = random.Random(5)
    quiz = Quiz(tuple(make_item(q, rng) for q in picked), QuizOptions(count=len(picked), deck=DECK, seed=5), 5)
    window.start_quiz_of(quiz)
    view = window.view(Screen.QUIZ)
    save(window, "quiz-choice", scheme)
    answer_current(view)
    save(window, "quiz-feedback", scheme)
    QTest.keyClick(view, Qt.Key.Key_Return)
    for t in wanted[1:]:
        save(window, f"quiz-{t.value}", scheme)
        answer_current(view)
        QTest.keyClick(view, Qt.Key.Key_Return)
    save(window, "quiz-results", scheme)


def flashcard_screens(running: RunningApp, scheme: Scheme) -> None:
    window = running.window
    window.start_flashcards(DECK)
    view = window.view(Screen.FLASHCARDS)
    view.graded_box.setChecked(False)  # type: ignore[attr-defined]  # the classic review first
    save(window, "flashcard-front", scheme)
    view.show_answer()  # type: ignore[attr-defined]
    save(window, "flashcard-back", scheme)
    view.graded_box.setChecked(True)  # type: ignore[attr-defined]
    while not view.session.answers_in_form:  # type: ignore[attr-defined]
        QTest.keyClick(view, Qt.Key.Key_Space)  # rate Good until a card is answered in its own form
    save(window, "flashcard-graded", scheme)
    answer_current(view)
    save(window, "flashcard-graded-back", scheme)


def study_settings_screen(running: RunningApp, scheme: Scheme) -> None:
    """Tools → Study settings… on the article's deck, with its own settings."""
    from studyapp.ui.study_settings_dialog import StudySettingsDialog

    window = running.window
    dialog = StudySettingsDialog(window.core.store, [(d.id, d.title) for d in window.bank.decks], window.now(),
                                 window, deck=DECK)
    dialog.own_box.setChecked(True)
    dialog.show()
    dialog.adjustSize()
    save(dialog, "study-settings", scheme)
    dialog.close()


def welcome_screen(running: RunningApp, scheme: Scheme) -> None:
    """The first-start welcome over the home screen (Help → Welcome shows the same)."""
    from studyapp.ui.welcome import show_welcome

    welcome = show_welcome(running.window)
    welcome.adjustSize()
    save(welcome, "welcome", scheme)
    welcome.close()


def preferences_screen(running: RunningApp, scheme: Scheme) -> None:
    """Tools → Preferences… (nothing is changed), naming the usual data folder on Linux instead
    of the temporary one the screenshots are made in."""
    from studyapp.preferences import Theme
    from studyapp.ui.settings_dialog import PreferencesDialog

    window = running.window
    dialog = PreferencesDialog(Theme.SYSTEM, window.font_size, Path("/home/you/.local/share/studyapp"), window)
    window.fit_text_size(dialog)
    dialog.show()
    dialog.adjustSize()
    save(dialog, "preferences", scheme)
    dialog.close()


def editor_screen(running: RunningApp, scheme: Scheme) -> None:
    """The question editor with a problem shown under its field (nothing is saved)."""
    from studyapp.ui.question_editor import QuestionEditor

    window = running.window
    window.open_editor(DECK, "pm-january-17")
    editor = window.findChildren(QuestionEditor)[-1]
    editor.form.rows["answer"].set_value("Joe Biden")
    editor.check_now()
    editor.resize(720, 900)
    save(editor, "editor-problem", scheme)
    editor.reject()


def draft_review_screen(running: RunningApp, scheme: Scheme, app: QApplication) -> None:
    """File → New deck from article…: the bundled article drafted, a choice question's distractors
    being edited in the review, one of them still wrong (nothing is saved)."""
    from studyapp.bank.model import ChoiceQuestion
    from studyapp.ui.draft_dialog import DraftDialog

    dialog = DraftDialog(running.core.paths.questions, running.window)
    dialog.resize(1200, 780)
    dialog.show()
    article = running.core.paths.root / "articles" / "belarus-and-the-west.txt"
    article.parent.mkdir(exist_ok=True)
    article.write_bytes((Path(__file__).resolve().parents[1] / "seeds" / "000_f104dea7fb288af0.txt").read_bytes())
    dialog.load_article(article)
    while dialog.task.running:  # drafted on a worker thread
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    row = next(i for i, q in enumerate(dialog.questions) if isinstance(q, ChoiceQuestion))
    dialog.set_kept(1, False)
    dialog.list.setCurrentRow(row)
    dialog.editor.form.rows["choices"].set_value(["Ukraine", "Lithuania", "Poland", "Moldova"])
    dialog.editor.form.rows["answer"].set_value("Ukraina")
    dialog.editor.changed.emit()
    dialog.review.check_now()
    save(dialog, "draft-review", scheme)
    dialog.done(0)


def make_question_screen(running: RunningApp, scheme: Scheme) -> None:
    """The reader with words selected, and the editor "Make a question" opens on (a prefilled
    cloze quoting the selection's sentence; nothing is saved)."""
    from PySide6.QtGui import QTextCursor

    from studyapp.ui import dialogs
    from studyapp.ui.question_editor import QuestionEditor

    window = running.window
    window.open_reader(DECK)
    reader = window.view(Screen.READER)
    text = reader.text.toPlainText()  # type: ignore[attr-defined]
    start = text.index("cautious steps")
    cursor = reader.text.textCursor()  # type: ignore[attr-defined]
    cursor.setPosition(start)
    cursor.setPosition(start + len("cautious steps"), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)  # type: ignore[attr-defined]
    reader.text.centerCursor()  # type: ignore[attr-defined]
    save(window, "reader-selection", scheme)
    ask = dialogs.choose
    dialogs.choose = lambda *_a: 0  # type: ignore[assignment]  # "Fill the gap", as if clicked
    try:
        reader.request_question()  # type: ignore[attr-defined]
    finally:
        dialogs.choose = ask  # type: ignore[assignment]
    editor = window.findChildren(QuestionEditor)[-1]
    editor.check_now()
    editor.resize(720, 820)
    save(editor, "make-question", scheme)
    editor.reject()


def render(scheme: Scheme, app: QApplication) -> None:
    apply_scheme(app, scheme)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        ticks = iter(range(10**9))
        # A clock that moves 3 s per reading, so "time taken" on the results screen is not 0.
        running = start_app(DataPaths(root / "data"), settings, now=lambda: NOW + timedelta(seconds=3 * next(ticks)))
        try:
            window = running.window
            generate_history(running)
            window.resize(*SIZE)
            window.show()
            window.go_home()
            save(window, "home", scheme)
            welcome_screen(running, scheme)
            preferences_screen(running, scheme)

            (running.core.paths.questions / "my-notes.yaml").write_text(BROKEN, encoding="utf-8")
            window.reload()
            save(window, "problems", scheme)

            window.open_reader(DECK, "Canada and the UK imposed additional sanctions on three companies and six individuals")
            window.view(Screen.READER).map_toggle.setChecked(True)  # type: ignore[attr-defined]
            save(window, "reader", scheme)

            write_figure_deck(running.core.paths.questions)
            window.reload()
            window.open_reader("gotthard", "Work began in 1999.")
            window.view(Screen.READER).coverage_toggle.setChecked(True)  # type: ignore[attr-defined]
            save(window, "reader-figure", scheme)

            window.show_stats()
            save(window, "stats", scheme)
            stats = window.view(Screen.STATS)
            bar = stats.scroll.verticalScrollBar()  # type: ignore[attr-defined]
            bar.setValue(stats.heatmap.mapTo(stats.scroll.widget(), stats.heatmap.rect().topLeft()).y() - 40)  # type: ignore[attr-defined]
            save(window, "stats-heatmap", scheme)
            while stats.memory.memory is None:  # type: ignore[attr-defined]  # computed on a worker thread
                app.processEvents()
                time.sleep(0.01)
            app.processEvents()
            bar.setValue(stats.memory.y())  # type: ignore[attr-defined]
            save(window, "stats-memory", scheme)

            stats.open_optimise()  # type: ignore[attr-defined]
            optimise = stats.optimise_dialog  # type: ignore[attr-defined]
            optimise.optimise.click()
            while optimise.state.value == "running":
                app.processEvents()
                time.sleep(0.01)
            app.processEvents()
            save(optimise, "optimise", scheme)
            optimise.close()

            window.go_home()
            browser = open_browser(window)
            browser.resize(*SIZE)
            browser.search.setText("sanctions -is:new")
            browser.apply_search()
            save(browser, "browser", scheme)
            browser.search.setText('sanctions "eu')
            browser.apply_search()
            save(browser, "browser-error", scheme)
            browser.close()

            picture_screen(running, scheme)
            quiz_screens(running, scheme)
            flashcard_screens(running, scheme)
            study_settings_screen(running, scheme)

            window.show_format_help()
            help_dialog = window._help
            assert help_dialog is not None
            help_dialog.resize(800, 640)
            save(help_dialog, "help-format", scheme)
            help_dialog.close()

            editor_screen(running, scheme)
            draft_review_screen(running, scheme, app)
            make_question_screen(running, scheme)
        finally:
            running.window.close()
            running.close()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    for scheme in (Scheme.LIGHT, Scheme.DARK):
        render(scheme, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
