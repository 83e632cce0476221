"""Taking quizzes in the real QuizView, on a real QuizSession and a real store in tmp_path."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot


from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
    parse_cloze,
)
from studyapp.store import Store, open_store
from studyapp.study.quiz import Quiz, QuizOptions, build_quiz, quiz_of_questions
from studyapp.study.quiz_session import QuizSession, QuizState
from studyapp.ui import dialogs
from studyapp.ui.answer_inputs.arrange import MatchInput, OrderInput
from studyapp.ui.answer_inputs.choices import MultiInput
from studyapp.ui.answer_inputs.typed import TextInput
from studyapp.ui.quiz_view import QuizView

D = "pozirk"
HTML = "<img src=file:///etc/passwd> <b>x</b>"
CLOZE = "On January {{17}}, Prime Minister Raman {{Hałoŭčanka}} expressed confidence."

QUESTIONS: tuple[AnyQuestion, ...] = (
    ChoiceQuestion(deck=D, id="choice", prompt="Who is Prime Minister?", choices=(
        "Raman Hałoŭčanka", "Maksim Ryžankoŭ", "Viktar Babaryka"), answer="Raman Hałoŭčanka",
        explanation="Named on January 17.", quote="Prime Minister Raman Hałoŭčanka"),
    MultiQuestion(deck=D, id="multi", prompt="Where is progress decided?", choices=(
        "Washington", "London", "Brussels", "Moscow"), answers=("Washington", "London", "Brussels")),
    TrueFalseQuestion(deck=D, id="tf", prompt="Belarus pardoned political prisoners.", answer=True),
    TextQuestion(deck=D, id="text", prompt="The Belarusian leader's surname?", answers=("Łukašenka",)),
    ClozeQuestion(deck=D, id="cloze", text=CLOZE, parts=parse_cloze(CLOZE)),
    OrderQuestion(deck=D, id="order", prompt="Order these.", items=("Election", "Pardons", "News conference")),
    MatchQuestion(deck=D, id="match", prompt="Match roles.", pairs=(
        ("Ryžankoŭ", "Foreign Minister"), ("Biden", "US President"))),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "studyapp.sqlite3", backups_dir=tmp_path / "backups")
    yield opened.store
    opened.store.close()


def now() -> datetime:
    return datetime.now(timezone.utc)


def make_view(qtbot: QtBot, quiz: Quiz, store: Store) -> tuple[QuizView, QuizSession]:
    view = QuizView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitActive(view):
        view.activateWindow()
    session = QuizSession(quiz, store, now=now)
    view.start(session)
    return view, session


def key(view: QWidget, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the user's focus is (the focused control, else the view)."""
    QTest.keyClick(QApplication.focusWidget() or view, k, modifier)


def type_text(text: str) -> None:
    """Type into the focused control."""
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClicks(widget, text)


def answer_by_keyboard(view: QuizView, right: bool) -> None:
    """Answer the current question with keys only; right or (for most types) wrong."""
    session = view.session
    assert session is not None
    item = session.current
    q = item.question
    if isinstance(q, ChoiceQuestion):
        target = q.answer if right else next(c for c in item.choices if c != q.answer)
        key(view, Qt.Key(Qt.Key.Key_1 + item.choices.index(target)))
    elif isinstance(q, MultiQuestion):
        for i, choice in enumerate(item.choices):
            if (choice in q.answers) == right:
                key(view, Qt.Key(Qt.Key.Key_1 + i))
    elif isinstance(q, TrueFalseQuestion):
        key(view, Qt.Key.Key_1 if q.answer == right else Qt.Key.Key_2)
    elif isinstance(q, TextQuestion):
        type_text("Lukasenk" if not right else "Lukasenka")  # a near miss when not right
    elif isinstance(q, ClozeQuestion):
        type_text("17")
        key(view, Qt.Key.Key_Tab)
        type_text("Haloucanka" if right else "Minsk")
    elif isinstance(q, OrderQuestion):
        target = q.items if right else tuple(reversed(q.items))
        for place, wanted in enumerate(target):
            assert isinstance(view.input, OrderInput)
            row = view.input.response().index(wanted)
            lst = view.input.list
            assert QApplication.focusWidget() is lst
            while lst.currentRow() != row:
                key(view, Qt.Key.Key_Down if lst.currentRow() < row else Qt.Key.Key_Up)
            for _ in range(row - place):
                key(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    elif isinstance(q, MatchQuestion):
        assert isinstance(view.input, MatchInput)
        for n, (left, right_value) in enumerate(q.pairs):
            combo = view.input.combos[n]
            assert QApplication.focusWidget() is combo
            wanted = right_value if right else next(r for r in item.match_right if r != right_value)
            for _ in range(item.match_right.index(wanted) + 1):
                key(view, Qt.Key.Key_Down)
            key(view, Qt.Key.Key_Tab)
    else:
        raise AssertionError(q.type)
    key(view, Qt.Key.Key_Return)


def db_rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_quiz_of_every_type_by_keyboard_and_mouse(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    quiz = build_quiz([Deck(D, "Pozirk", tmp_path / "d.yaml", QUESTIONS)], QuizOptions(count=10, seed=7))
    view, session = make_view(qtbot, quiz, store)
    assert view.progress.text() == "Question 1 of 7"
    wrong = {QuestionType.TRUEFALSE, QuestionType.TEXT, QuestionType.MATCH}
    while session.state is QuizState.ASKING:
        q = session.current.question
        n = session.number
        assert view.progress.text() == f"Question {n} of 7"
        if isinstance(q, MultiQuestion):  # this one by mouse
            assert isinstance(view.input, MultiInput)
            for row in view.input.rows:
                if row.text in q.answers:
                    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
            qtbot.mouseClick(view.primary, Qt.MouseButton.LeftButton)
        else:
            answer_by_keyboard(view, right=q.type not in wrong)
        assert session.state is QuizState.ANSWERED, q.type
        expected_outcome = "✔ Right" if q.type not in wrong else ("≈ Almost" if q.type is QuestionType.TEXT else "✘ Wrong")
        assert view.feedback.outcome_label.text().startswith(expected_outcome), q.type
        if isinstance(q, MatchQuestion):  # one pair a line, not one run-on paragraph (issue 16)
            assert view.feedback.expected_label.text().splitlines() == [f"{a}  →  {b}" for a, b in q.pairs]
            assert len(view.feedback.details_label.text().splitlines()) == 1 + len(q.pairs)  # every pair marked
        else:
            assert view.feedback.expected_label.text() == q.answer_text
        if q.type is QuestionType.TEXT:
            assert view.feedback.diff_label.isVisible()
            assert "lukasenk" in view.feedback.diff_label.text()
        key(view, Qt.Key.Key_Return)  # Enter again: next question (or the results)
    assert session.state is QuizState.FINISHED
    assert view.stack.currentWidget() is view.results
    assert view.score_label.text() == "Score: 4 / 7"
    assert view.results.score_label.text() == "4 / 7 right · 57%"
    assert view.results.table.rowCount() == 7

    db = tmp_path / "studyapp.sqlite3"
    outcomes = dict(db_rows(db, "SELECT question_id, outcome FROM attempts WHERE mode = 'quiz'"))
    assert outcomes == {"choice": "right", "multi": "right", "tf": "wrong", "text": "almost",
                        "cloze": "right", "order": "right", "match": "wrong"}
    responses = dict(db_rows(db, "SELECT question_id, response FROM attempts"))
    assert responses["tf"] == "false" and responses["text"] == '"Lukasenk"'
    assert responses["multi"] == '["Brussels", "London", "Washington"]'
    assert db_rows(db, "SELECT answered, right, abandoned, finished_us IS NOT NULL FROM sessions") == [(7, 4, 0, 1)]


def test_escape_asks_then_abandons_keeping_answers(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    replies = iter([False, True])

    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        asked.append(f"{title}|{text}")
        return next(replies)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    view, session = make_view(qtbot, quiz_of_questions(QUESTIONS[:3], deck=D, seed=3), store)
    answer_by_keyboard(view, right=True)
    key(view, Qt.Key.Key_Return)
    answer_by_keyboard(view, right=False)
    key(view, Qt.Key.Key_Escape)  # "no": the quiz goes on
    assert session.state is QuizState.ANSWERED
    assert view.stack.currentIndex() == 0
    key(view, Qt.Key.Key_Escape)  # "yes"
    assert asked == ["Abandon quiz?|Stop this quiz now? The 2 answers you gave are saved."] * 2
    assert session.state is QuizState.ABANDONED
    assert view.stack.currentWidget() is view.results
    assert view.results.title_label.text() == "Quiz abandoned"
    assert view.results.score_label.text() == "1 / 3 right · 33%"
    assert "stopped after 2 of 3" in view.results.note_label.text()
    db = tmp_path / "studyapp.sqlite3"
    assert db_rows(db, "SELECT count(*) FROM attempts") == [(2,)]
    assert db_rows(db, "SELECT answered, right, abandoned FROM sessions") == [(2, 1, 1)]


def test_results_page_and_retry_my_mistakes(qtbot: QtBot, store: Store) -> None:
    view, session = make_view(qtbot, quiz_of_questions(QUESTIONS[:3], deck=D, seed=5), store)
    for _ in range(3):
        answer_by_keyboard(view, right=session.current.question.id != "tf")
        key(view, Qt.Key.Key_Return)
    results = view.results
    assert results.retry_button.isEnabled()
    assert results.retry_button.text() == "&Retry my mistakes (1)"
    assert results.time_label.text().startswith("Time taken: ")
    table = results.table
    rows = {table.item(r, 1).text(): [table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())}
    assert rows["Belarus pardoned political prisoners."][2:] == ["False", "True", "✘ Wrong"]
    assert rows["Who is Prime Minister?"][2:] == ["Raman Hałoŭčanka", "Raman Hałoŭčanka", "✔ Right"]
    with qtbot.waitSignal(view.retryRequested) as blocker:
        qtbot.mouseClick(results.retry_button, Qt.MouseButton.LeftButton)
    retry = blocker.args[0]
    assert isinstance(retry, Quiz)
    assert [q.id for q in retry.questions] == ["tf"]
    with qtbot.waitSignal(view.newQuizRequested):
        qtbot.mouseClick(results.new_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.homeRequested):
        qtbot.mouseClick(results.home_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.homeRequested):
        key(view, Qt.Key.Key_Escape)  # Esc on the results page: home, no question asked

    # The retry quiz, all right this time: nothing left to retry.
    view.start(QuizSession(retry, store, now=now))
    answer_by_keyboard(view, right=True)
    key(view, Qt.Key.Key_Return)
    assert view.results.score_label.text() == "1 / 1 right · 100%"
    assert not view.results.retry_button.isEnabled()


def test_html_is_shown_literally(qtbot: QtBot, store: Store) -> None:
    q = ChoiceQuestion(deck=D, id="h", prompt=HTML, choices=(HTML, "<b>y</b> & z"), answer=HTML,
                       explanation=HTML, quote=HTML)
    view, session = make_view(qtbot, quiz_of_questions([q], deck=D, seed=1), store)
    assert view.prompt_label.text() == HTML
    assert view.prompt_label.textFormat() == Qt.TextFormat.PlainText
    wrong = session.current.choices.index("<b>y</b> & z")
    key(view, Qt.Key(Qt.Key.Key_1 + wrong))
    key(view, Qt.Key.Key_Return)
    fb = view.feedback
    for label in (fb.expected_label, fb.explanation_label, fb.quote_label):
        assert label.text() == HTML
        assert label.textFormat() == Qt.TextFormat.PlainText
    plain = [lbl for lbl in view.findChildren(QLabel) if lbl is not fb.diff_label]
    assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in plain if lbl.text())
    assert any(lbl.text() == "<b>y</b> & z" for lbl in plain)
    key(view, Qt.Key.Key_Return)
    assert view.results.table.item(0, 1).text() == HTML
    assert view.results.table.item(0, 2).text() == "<b>y</b> & z"


def test_long_text_wraps_and_scrolls(qtbot: QtBot, store: Store) -> None:
    long = " ".join(["Belarus"] * 1250)  # 10,000 characters
    q = TextQuestion(deck=D, id="long", prompt=long, answers=("x",), explanation=long)
    view, _ = make_view(qtbot, quiz_of_questions([q], deck=D, seed=1), store)
    # Past LONG_TEXT_CHARS the prompt scrolls in its own plain-text view (see literal_text).
    long_view = view.prompt_label.long_view
    assert long_view is not None
    qtbot.waitUntil(lambda: long_view.verticalScrollBar().maximum() > 0)
    assert view.prompt_label.width() <= view.scroll.viewport().width()
    assert view.prompt_label.text() == long
    assert view.width() == 800  # nothing forced the window wider


def test_save_error_is_shown_and_answer_can_be_retried(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    q = TextQuestion(deck=D, id="t", prompt="Type a lot", answers=("x",))
    view, session = make_view(qtbot, quiz_of_questions([q], deck=D, seed=1), store)
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    assert isinstance(view.input, TextInput)
    view.input.edit.setText("y" * 20_000)  # too big for the pages left
    key(view, Qt.Key.Key_Return)
    assert view.error_label.isVisible()
    assert "could not save: disk full" in view.error_label.text()
    assert session.state is QuizState.ASKING
    assert view.input.edit.text() == "y" * 20_000  # the answer is still there
    db = tmp_path / "studyapp.sqlite3"
    assert db_rows(db, "SELECT count(*) FROM attempts") == [(0,)]
    store.connection.execute("PRAGMA max_page_count = 1073741823")  # space is back
    key(view, Qt.Key.Key_Return)
    assert not view.error_label.isVisible()
    assert session.state is QuizState.ANSWERED
    assert db_rows(db, "SELECT count(*) FROM attempts") == [(1,)]


def test_show_in_article_and_card_in_quiz(qtbot: QtBot, store: Store) -> None:
    card = CardQuestion(deck=D, id="k", prompt="Adapted to?", answer="Sanctions", quote="adapted to sanctions")
    view, session = make_view(qtbot, quiz_of_questions([QUESTIONS[0], card], deck=D, seed=2), store)
    while session.current.question.id != "k":
        answer_by_keyboard(view, right=True)
        assert view.feedback.article_button.isVisible()
        with qtbot.waitSignal(view.showInArticle) as blocker:
            qtbot.mouseClick(view.feedback.article_button, Qt.MouseButton.LeftButton)
        assert blocker.args == [D, "Prime Minister Raman Hałoŭčanka"]
        key(view, Qt.Key.Key_Return)
    assert not view.primary.isEnabled()
    key(view, Qt.Key.Key_Return)  # shows the answer
    key(view, Qt.Key.Key_1)  # "I knew it" submits
    assert session.state is QuizState.ANSWERED
    assert view.feedback.outcome_label.text() == "✔ Right"
    assert session.rows[-1].response is True


def test_tab_order_and_enter_on_a_focused_button(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t: asked.append(title) or False)
    q = MatchQuestion(deck=D, id="m", prompt="Match", pairs=(("a", "1"), ("b", "2")))
    view, session = make_view(qtbot, quiz_of_questions([q], deck=D, seed=1), store)
    assert isinstance(view.input, MatchInput)
    assert QApplication.focusWidget() is view.input.combos[0]
    key(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.input.combos[1]
    key(view, Qt.Key.Key_Tab)  # "Show in article" is hidden: straight to Submit
    assert QApplication.focusWidget() is view.primary
    key(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.quit_button
    key(view, Qt.Key.Key_Return)  # Enter presses the focused Quit button, which asks first
    assert asked == ["Abandon quiz?"]
    assert session.state is QuizState.ASKING


def test_stop_abandons_without_asking(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    view, session = make_view(qtbot, quiz_of_questions(QUESTIONS[:2], deck=D, seed=1), store)
    answer_by_keyboard(view, right=True)
    view.stop()  # the autouse guard fails the test if a real dialog opened
    assert session.state is QuizState.ABANDONED
    assert db_rows(tmp_path / "studyapp.sqlite3", "SELECT answered, abandoned FROM sessions") == [(1, 1)]


def focusable_without_name(root: QWidget) -> list[str]:
    """Visible controls reachable by Tab that have no accessible name."""
    return [
        f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()}"
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and not w.accessibleName()
    ]


def test_every_control_has_an_accessible_name(qtbot: QtBot, store: Store) -> None:
    card = CardQuestion(deck=D, id="k", prompt="Adapted to?", answer="Sanctions")
    view, session = make_view(qtbot, quiz_of_questions([*QUESTIONS, card], deck=D, seed=4), store)
    seen = set()
    while session.state is QuizState.ASKING:
        seen.add(session.current.question.type)
        assert focusable_without_name(view) == [], session.current.question.type
        if session.current.question.type is QuestionType.CARD:
            key(view, Qt.Key.Key_Return)
            assert focusable_without_name(view) == []
            key(view, Qt.Key.Key_2)
        else:
            answer_by_keyboard(view, right=False)
        assert focusable_without_name(view) == [], session.current.question.type
        key(view, Qt.Key.Key_Return)
    assert len(seen) == 8
    assert view.stack.currentWidget() is view.results
    assert focusable_without_name(view) == []


def test_rtl_zero_width_and_emoji_are_kept(qtbot: QtBot, store: Store) -> None:
    odd = "مرحبا \u200bzero\u200dwidth \u202eevil\u202c 🇧🇾🎓"
    q = TextQuestion(deck=D, id="odd", prompt=odd, answers=(odd,), explanation=odd, quote=odd)
    view, session = make_view(qtbot, quiz_of_questions([q], deck=D, seed=1), store)
    assert view.prompt_label.text() == odd
    assert isinstance(view.input, TextInput)
    view.input.edit.insert(odd)  # as pasted: QTest cannot type characters outside the BMP
    key(view, Qt.Key.Key_Return)
    assert view.feedback.outcome_label.text() == "✔ Right"
    assert view.feedback.quote_label.text() == odd
    assert view.feedback.explanation_label.text() == odd


def test_results_show_a_long_or_match_answer_in_full_for_the_selected_row(qtbot: QtBot, store: Store) -> None:
    """Issue 16: the results table cut long prompts with "…" and showed a match question as two
    near-identical walls of text; the match cell now counts right pairs and the selected row is
    shown in full below the table, its pairs one a line and marked."""
    long_prompt = "Which statement holds? " + "word " * 200
    pairs = (("Hałoŭčanka", "Prime Minister"), ("Ryžankoŭ", "Foreign Minister"), ("Karpienka", "Election chief"))
    questions = [MatchQuestion(deck=D, id="m", prompt="Match the roles.", pairs=pairs),
                 TextQuestion(deck=D, id="t", prompt=long_prompt, answers=("Minsk",))]
    view, session = make_view(qtbot, quiz_of_questions(questions, deck=D, seed=2), store)
    for _ in range(2):
        answer_by_keyboard(view, right=False)
        key(view, Qt.Key.Key_Return)
    results = view.results
    table = results.table
    by_id = {results._rows[r].question.id: r for r in range(table.rowCount())}
    assert table.item(by_id["m"], 2).text().endswith("of 3 pairs right")
    assert table.item(by_id["t"], 1).text().endswith("…")  # the cell is a summary
    table.setCurrentCell(by_id["t"], 1)
    assert long_prompt.strip() in results.details.text()  # ... the pane has it all
    table.setCurrentCell(by_id["m"], 1)
    lines = results.details.text().splitlines()
    assert "Right answer:" in lines
    assert lines[lines.index("Right answer:") + 1:] == [f"{a} → {b}" for a, b in pairs]
    assert sum(line.startswith(("✔ ", "✘ ")) for line in lines) == 3
