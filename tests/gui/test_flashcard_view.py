"""Reviewing flashcards in the real FlashcardView, on a real ReviewSession and a real store in tmp_path."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studyapp.bank.model import AnyQuestion, CardQuestion, ChoiceQuestion, Deck, TextQuestion
from studyapp.store import Store, open_store
from studyapp.study.review_session import ReviewSession, ReviewState
from studyapp.study.scheduling import CardScheduler, Rating
from studyapp.ui.flashcard_view import FlashcardView

D = "pozirk"
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
HTML = "<img src=file:///etc/passwd> <b>x</b>"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def cards(n: int) -> tuple[AnyQuestion, ...]:
    return tuple(
        CardQuestion(deck=D, id=f"k{i}", prompt=f"Front {i}", answer=f"Answer {i}",
                     explanation=f"Because {i}", quote=f"quote {i}")
        for i in range(1, n + 1)
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "studyapp.sqlite3"


@pytest.fixture
def store(db: Path, tmp_path: Path) -> Iterator[Store]:
    opened = open_store(db, backups_dir=tmp_path / "backups", now=T0, busy_timeout_ms=50)
    yield opened.store
    opened.store.close()


def make_view(qtbot: QtBot, store: Store, questions: tuple[AnyQuestion, ...], clock: Clock,
              **kw: object) -> tuple[FlashcardView, ReviewSession]:
    deck = Deck(D, "Pozirk", Path("pozirk.yaml"), questions)
    session = ReviewSession([deck], store, now=clock, scheduler=CardScheduler(), **kw)  # type: ignore[arg-type]
    view = FlashcardView(now=clock)
    qtbot.addWidget(view)
    view.resize(760, 560)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.start(session)
    return view, session


def key(view: QWidget, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the user's focus is."""
    QTest.keyClick(QApplication.focusWidget() or view, k, modifier)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_review_with_each_rating_then_undo(qtbot: QtBot, store: Store, db: Path) -> None:
    clock = Clock()
    view, session = make_view(qtbot, store, cards(5), clock)
    assert view.front_label.text() == "Front 1"
    assert view.kind_label.text() == "New card"
    assert view.show_button.isVisible() and not view.rating_row.isVisible()
    assert not view.answer_label.isVisible()
    assert view.progress_label.text() == "Reviewed 0 · 0 due · 5 new left today"
    assert not view.undo_button.isEnabled()

    for number, rating in enumerate((Rating.Again, Rating.Hard, Rating.Good, Rating.Easy), start=1):
        card = session.current.question
        expected = CardScheduler().next_states(D, card.id, None, clock.now).labels  # fuzz seeded per card
        assert view.front_label.text() == f"Front {number}" == card.front
        key(view, Qt.Key.Key_Space)  # show the answer
        assert session.state is ReviewState.SHOWING_BACK
        assert view.answer_label.text() == f"Answer {number}"
        assert view.explanation_label.text() == f"Because {number}"
        assert view.quote_label.text() == f"quote {number}"
        texts = [b.text() for b in view.rating_buttons.values()]
        assert texts == [f"{i}  {name}\n{expected[r]}" for i, (r, name) in enumerate(
            ((Rating.Again, "Again"), (Rating.Hard, "Hard"), (Rating.Good, "Good"), (Rating.Easy, "Easy")), start=1)]
        assert all(re.fullmatch(r"\d  \w+\n(<1m|\d+(\.\d)?(m|h|d|mo|y))", t) for t in texts)
        key(view, Qt.Key(Qt.Key.Key_0 + number))
        clock.now += timedelta(seconds=5)
    assert rows(db, "SELECT question_id, rating FROM attempts ORDER BY id") == [
        ("k1", 1), ("k2", 2), ("k3", 3), ("k4", 4)]
    assert {r[0] for r in rows(db, "SELECT question_id FROM cards")} == {"k1", "k2", "k3", "k4"}
    assert view.progress_label.text().startswith("Reviewed 4 · ")
    assert expected[Rating.Again] == "1m" and expected[Rating.Good] == "10m"

    # Ctrl+Z: the Easy rating of k4 is taken back, in the database too, and k4 is shown again.
    assert view.undo_button.isEnabled()
    key(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.front_label.text() == "Front 4"
    assert session.state is ReviewState.SHOWING_FRONT
    assert rows(db, "SELECT question_id, rating FROM attempts ORDER BY id") == [("k1", 1), ("k2", 2), ("k3", 3)]
    assert {r[0] for r in rows(db, "SELECT question_id FROM cards")} == {"k1", "k2", "k3"}
    key(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.front_label.text() == "Front 3"
    assert rows(db, "SELECT count(*) FROM attempts") == [(2,)]
    assert rows(db, "SELECT count(*) FROM cards WHERE question_id = 'k3'") == [(0,)]

    # Rate again by mouse; Esc leaves and closes the session.
    key(view, Qt.Key.Key_Return)
    qtbot.mouseClick(view.rating_buttons[Rating.Good], Qt.MouseButton.LeftButton)
    assert rows(db, "SELECT question_id, rating FROM attempts ORDER BY id DESC LIMIT 1") == [("k3", 3)]
    with qtbot.waitSignal(view.homeRequested):
        key(view, Qt.Key.Key_Escape)
    assert session.state is ReviewState.CLOSED
    assert rows(db, "SELECT mode, finished_us IS NOT NULL FROM sessions") == [("review", 1)]


def test_end_screen_says_when_the_next_card_is_due(qtbot: QtBot, store: Store) -> None:
    clock = Clock()
    view, session = make_view(qtbot, store, cards(1), clock)
    key(view, Qt.Key.Key_Return)
    key(view, Qt.Key.Key_4)  # Easy: due in days
    assert session.state is ReviewState.FINISHED
    assert view.stack.currentIndex() == 1
    assert view.end_title.text() == "All done for now!"
    due = session.next_due()
    assert due is not None and due - T0 > timedelta(days=1)
    text = view.end_label.text()
    assert re.fullmatch(r"The next card is due in \d+d \(\w{3} \d+ \w{3}, \d\d:\d\d\)\.", text), text
    assert view.progress_label.text() == "Reviewed 1 · 0 due · 0 new left today"
    key(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo works from the end screen too
    assert view.stack.currentIndex() == 0 and view.front_label.text() == "Front 1"


def test_nothing_due_when_the_daily_new_limit_is_reached(qtbot: QtBot, store: Store) -> None:
    view, session = make_view(qtbot, store, cards(2), Clock(), new_limit=0)
    assert session.state is ReviewState.FINISHED
    assert view.end_title.text() == "Today's limit is reached" and view.end_more.isVisible()
    assert view.end_label.text().startswith("The next card is due in ")


def test_html_is_shown_literally(qtbot: QtBot, store: Store) -> None:
    q = ChoiceQuestion(deck=D, id="h", prompt=HTML, choices=(HTML, "b & c"), answer=HTML,
                       explanation=HTML, quote=HTML)
    view, _ = make_view(qtbot, store, (q,), Clock())
    key(view, Qt.Key.Key_Space)
    for label in (view.front_label, view.answer_label, view.explanation_label, view.quote_label):
        assert label.text() == HTML
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert view.extra_label.text() in (f"Options: {HTML} · b & c", f"Options: b & c · {HTML}")  # shuffled
    with qtbot.waitSignal(view.showInArticle) as blocker:
        qtbot.mouseClick(view.article_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [D, HTML]


def test_locked_database_is_shown_and_the_rating_can_be_retried(qtbot: QtBot, store: Store, db: Path) -> None:
    view, session = make_view(qtbot, store, cards(2), Clock())
    key(view, Qt.Key.Key_Space)
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        key(view, Qt.Key.Key_3)
        assert view.error_label.isVisible()
        assert "could not save: the database is locked by another program" in view.error_label.text()
        assert session.state is ReviewState.SHOWING_BACK
        assert view.rating_row.isVisible() and view.front_label.text() == "Front 1"
        other.execute("ROLLBACK")
    finally:
        other.close()
    key(view, Qt.Key.Key_3)
    assert not view.error_label.isVisible()
    assert view.front_label.text() == "Front 2"
    assert rows(db, "SELECT question_id, rating FROM attempts") == [("k1", 3)]


def test_disk_full_is_shown_and_the_view_stays_usable(qtbot: QtBot, store: Store, db: Path) -> None:
    long_id = "k" * 9000  # a row that needs new pages
    q = CardQuestion(deck=D, id=long_id, prompt="Front", answer="Back")
    view, session = make_view(qtbot, store, (q,), Clock())
    key(view, Qt.Key.Key_Space)
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    key(view, Qt.Key.Key_2)
    assert "could not save: disk full" in view.error_label.text()
    assert session.state is ReviewState.SHOWING_BACK
    assert rows(db, "SELECT count(*) FROM attempts") == [(0,)]
    store.connection.execute("PRAGMA max_page_count = 1073741823")
    key(view, Qt.Key.Key_2)
    assert not view.error_label.isVisible()
    assert rows(db, "SELECT count(*) FROM attempts") == [(1,)]


def test_space_shows_the_answer_then_rates_good(qtbot: QtBot, store: Store, db: Path) -> None:
    view, session = make_view(qtbot, store, cards(2), Clock())
    key(view, Qt.Key.Key_Space)
    assert view.rating_row.isVisible()
    assert QApplication.focusWidget() is view.rating_buttons[Rating.Good]
    key(view, Qt.Key.Key_Space)
    assert rows(db, "SELECT question_id, rating FROM attempts") == [("k1", 3)]
    assert view.front_label.text() == "Front 2" and not view.rating_row.isVisible()


def test_every_control_has_an_accessible_name_and_long_text_wraps(qtbot: QtBot, store: Store) -> None:
    long = " ".join(["Belarus"] * 1250)  # 10,000 characters
    q = CardQuestion(deck=D, id="long", prompt=long, answer=long, explanation=long)
    view, _ = make_view(qtbot, store, (q,), Clock())

    def unnamed() -> list[str]:
        return [type(w).__name__ for w in view.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and not w.accessibleName()]

    assert unnamed() == []
    key(view, Qt.Key.Key_Space)
    assert unnamed() == []
    qtbot.waitUntil(lambda: view.scroll.verticalScrollBar().maximum() > 0)
    assert view.answer_label.width() <= view.scroll.viewport().width()
    assert view.width() == 760
    assert all(b.isVisible() for b in view.rating_buttons.values())  # the buttons stay on screen


def test_the_options_of_a_choice_are_shuffled_at_every_showing(qtbot: QtBot, store: Store) -> None:
    """Fails before: the front listed the options in file order, where the right answer often
    comes first (it always does in the bundled deck)."""
    choices = ("Raman Hałoŭčanka", "Maksim Ryžankoŭ", "Viktar Babaryka", "Ihar Karpienka")
    q = ChoiceQuestion(deck=D, id="pm", prompt="Who is Prime Minister?", choices=choices, answer=choices[0])
    clock = Clock()
    view, session = make_view(qtbot, store, (q,), clock)
    shown = []
    for _ in range(12):  # rate, take it back: the card is shown again, freshly shuffled
        text = view.extra_label.text()
        assert text == "Options: " + " · ".join(session.current.choices)
        assert sorted(session.current.choices) == sorted(choices)
        shown.append(session.current.choices)
        key(view, Qt.Key.Key_Space)
        key(view, Qt.Key.Key_3)
        key(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(set(shown)) > 3
    assert sum(1 for order in shown if order[0] == q.answer) < len(shown)


def type_into(view: QWidget, text: str) -> None:
    """Type where the focus is (the answer input's box)."""
    QTest.keyClicks(QApplication.focusWidget() or view, text)


def test_a_graded_review_answers_in_the_questions_form_and_proposes_the_rating(qtbot: QtBot, store: Store,
                                                                               db: Path) -> None:
    questions = (
        ChoiceQuestion(deck=D, id="pm", prompt="Who is Prime Minister?", choices=("Raman", "Maksim", "Viktar"),
                       answer="Raman"),
        TextQuestion(deck=D, id="capital", prompt="Capital of Belarus?", answers=("Minsk",)),
        CardQuestion(deck=D, id="k", prompt="Front", answer="Back"),
    )
    view, session = make_view(qtbot, store, questions, Clock())
    assert not view.graded_box.isChecked() and view.extra_label.isVisible()  # classic by default
    view.graded_box.setChecked(True)
    assert session.graded and view.input is not None and not view.extra_label.isVisible()
    assert view.show_button.text().replace("&", "") == "Check answer"
    # A choice: picked with its digit, checked with Enter, graded right, Good proposed and kept.
    key(view, Qt.Key(Qt.Key.Key_1 + session.current.choices.index("Raman")))
    key(view, Qt.Key.Key_Return)
    assert session.state is ReviewState.SHOWING_BACK and view.feedback.isVisible()
    assert "Right" in view.feedback.outcome_label.text()
    assert view.rating_buttons[Rating.Good].text().startswith("3  Good (proposed)\n")
    assert not view.answer_label.isVisible()  # the feedback shows the answer, as in a quiz
    key(view, Qt.Key.Key_Space)
    # A typed answer with two letters swapped: a near miss, Hard proposed; "I was right": 3.
    assert session.current.question.id == "capital"
    type_into(view, "Minks")
    key(view, Qt.Key.Key_Return)
    assert "Almost" in view.feedback.outcome_label.text() and view.feedback.diff_label.isVisible()
    assert "(proposed)" in view.rating_buttons[Rating.Hard].text()
    key(view, Qt.Key.Key_3)
    # A card question stays self-rated.
    assert session.current.question.id == "k" and view.input is None
    assert view.show_button.text().replace("&", "") == "Show answer"
    key(view, Qt.Key.Key_Space)
    key(view, Qt.Key.Key_4)
    assert rows(db, "SELECT question_id, outcome, rating, proposed FROM attempts ORDER BY id") == [
        ("pm", "right", 3, 3), ("capital", "almost", 3, 2), ("k", "right", 4, None)]


def test_a_card_in_learning_is_labelled_learning_not_review(qtbot: QtBot, store: Store) -> None:
    """Issue 16: a card coming back after Again was labelled "Review" although it is still
    being learnt; the label now says what the scheduler calls it."""
    clock = Clock()
    view, session = make_view(qtbot, store, cards(1), clock)
    assert view.kind_label.text() == "New card"
    key(view, Qt.Key.Key_Space)
    key(view, Qt.Key.Key_1)  # Again: back in a minute, in learning
    clock.now += timedelta(minutes=2)
    qtbot.waitUntil(lambda: session.state is ReviewState.SHOWING_FRONT and view.kind_label.text() != "New card")
    assert view.kind_label.text() == "Learning"


def test_a_cloze_back_marks_the_filled_gaps_and_keeps_markup_literal(qtbot: QtBot, store: Store) -> None:
    """Issue 16: a cloze card's back was the whole sentence in bold, the filled gaps not told
    apart; they are now marked, and every piece of the text is still shown literally."""
    from studyapp.bank.model import ClozeQuestion, parse_cloze

    text = "On {{26 January}} <b>Łukašenka</b> won {{a seventh term}}."
    q = ClozeQuestion(deck=D, id="z", text=text, parts=parse_cloze(text))
    view, session = make_view(qtbot, store, (q,), Clock())
    key(view, Qt.Key.Key_Space)
    shown = view.answer_label
    assert shown.text() == "On 26 January <b>Łukašenka</b> won a seventh term."
    label = shown.label
    assert label.textFormat() == Qt.TextFormat.RichText
    assert label.text().count("text-decoration: underline") == 2  # the two gaps, and only they
    assert "&lt;b&gt;Łukašenka&lt;/b&gt;" in label.text()  # the file's markup stays text
    assert ">26 January</b>" in label.text() and ">a seventh term</b>" in label.text()
    # The next card's plain answer is plain again.
    plain = TextQuestion(deck=D, id="t", prompt="<i>?</i>", answers=("<i>x</i>",))
    shown.setText(plain.answers[0])
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == "<i>x</i>"


def test_bury_suspend_and_flag_keys_with_undo(qtbot: QtBot, store: Store, db: Path) -> None:
    """``-`` buries, ``@`` suspends, Ctrl+2 flags (orange); Ctrl+Z takes each back; all stored."""
    clock = Clock()
    view, session = make_view(qtbot, store, cards(4), clock)
    key(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.front_label.text() == "Front 1" and view.kind_label.text() == "New card · orange flag"
    assert rows(db, "SELECT question_id, flag FROM card_marks") == [("k1", 2)]
    QTest.keyClicks(QApplication.focusWidget() or view, "-")
    assert view.front_label.text() == "Front 2" and "Buried until tomorrow" in view.notice_label.text()
    QTest.keyClicks(QApplication.focusWidget() or view, "@")
    assert view.front_label.text() == "Front 3"
    assert view.progress_label.text() == "Reviewed 0 · 0 due · 2 new left today"
    assert rows(db, "SELECT question_id, suspended, buried_day IS NOT NULL FROM card_marks ORDER BY question_id") == [
        ("k1", 0, 1), ("k2", 1, 0)]
    key(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.front_label.text() == "Front 2" and not view.notice_label.isVisible()
    assert rows(db, "SELECT question_id FROM card_marks ORDER BY question_id") == [("k1",)]


def test_study_more_today_on_the_end_screen(qtbot: QtBot, store: Store) -> None:
    clock = Clock()
    view, session = make_view(qtbot, store, cards(5), clock, new_limit=1)
    key(view, Qt.Key.Key_Space)
    key(view, Qt.Key.Key_4)
    assert session.state is ReviewState.FINISHED
    assert view.end_more.isVisible() and view.end_title.text() == "Today's limit is reached"
    view.end_more.click()
    assert session.state is ReviewState.SHOWING_FRONT and view.front_label.text() == "Front 2"
    assert view.progress_label.text().endswith("4 new left today")  # 1 + 10 allowed, 4 cards left
