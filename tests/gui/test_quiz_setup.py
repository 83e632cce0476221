"""The quiz set-up dialog: its options, and the live count of matching questions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from studyapp.bank.model import AnyQuestion, Bank, CardQuestion, ChoiceQuestion, Deck, QuestionType, TextQuestion
from studyapp.grading import Outcome
from studyapp.store import Attempt, Mode, Store, open_store
from studyapp.study.quiz import QuizOptions, QuizSource, build_quiz, due_cutoff
from studyapp.study.memory import rating_for
from studyapp.study.quiz_session import QuizState, new_quiz
from studyapp.study.scheduling import Rating
from studyapp.study.scheduling import CardScheduler
from studyapp.ui.quiz_setup_dialog import QuizSetupDialog

D = "pozirk"
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def questions() -> tuple[AnyQuestion, ...]:
    out: list[AnyQuestion] = []
    for i in range(6):
        out.append(ChoiceQuestion(deck=D, id=f"c{i}", prompt="?", choices=("a", "b"), answer="a",
                                  tags=("people",) if i < 4 else ("events",)))
    for i in range(3):
        out.append(TextQuestion(deck=D, id=f"t{i}", prompt="?", answers=("x",), tags=("people", "<b>tag</b>")))
    out.append(CardQuestion(deck=D, id="k0", prompt="?", answer="y"))
    return tuple(out)


@pytest.fixture
def deck() -> Deck:
    return Deck(D, "Pozirk & co", Path("pozirk.yaml"), questions())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "studyapp.sqlite3", backups_dir=tmp_path / "backups", now=NOW)
    yield opened.store
    opened.store.close()


def dialog(qtbot: QtBot, deck: Deck, **kw: object) -> QuizSetupDialog:
    d = QuizSetupDialog(deck, Bank((deck,)), **kw)  # type: ignore[arg-type]
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def tick(d: QuizSetupDialog, tag: str) -> None:
    for i in range(d.tag_list.count()):
        item = d.tag_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == tag:
            item.setCheckState(Qt.CheckState.Checked)


def test_defaults_and_live_count(qtbot: QtBot, deck: Deck) -> None:
    d = dialog(qtbot, deck)
    assert d.windowTitle() == "Quiz — Pozirk & co"
    assert d.match_label.text() == "10 questions match; the quiz will ask 10."
    assert d.options() == QuizOptions(count=10, deck=D)
    d.count_spin.setValue(4)
    assert d.match_label.text() == "10 questions match; the quiz will ask 4."
    tick(d, "events")
    assert d.match_label.text() == "2 questions match; the quiz will ask all 2."
    tick(d, "<b>tag</b>")  # any of the ticked tags
    assert d.match_label.text().startswith("5 questions match")
    box = d.type_boxes[QuestionType.TEXT]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # untick typed answers
    assert d.match_label.text().startswith("2 questions match")
    opts = d.options()
    assert opts.tags == frozenset({"events", "<b>tag</b>"})
    assert opts.types == frozenset({QuestionType.CHOICE, QuestionType.CARD})
    assert d.matching() == len(build_quiz([deck], QuizOptions(count=999, tags=opts.tags, types=opts.types)))


def test_nothing_matches_disables_start(qtbot: QtBot, deck: Deck) -> None:
    d = dialog(qtbot, deck)
    for box in d.type_boxes.values():
        box.setChecked(False)
    assert d.match_label.text() == "No question matches these choices."
    assert not d.start_button.isEnabled()
    d.type_boxes[QuestionType.CARD].setChecked(True)
    assert d.start_button.isEnabled()
    assert d.match_label.text() == "1 question matches; the quiz will ask it."


def test_sources_count_from_history(qtbot: QtBot, deck: Deck, store: Store) -> None:
    for qid, outcome in (("c0", Outcome.WRONG), ("c1", Outcome.RIGHT), ("t0", Outcome.WRONG)):
        q = deck.question(qid)
        assert q is not None
        rating = rating_for(outcome)  # recorded as a quiz records it: with the question's memory state
        store.record_attempt(Attempt(deck=D, question_id=qid, content_hash=q.content_hash, mode=Mode.QUIZ,
                                     response='"z"', outcome=outcome, score=0.0, elapsed_ms=1000, answered_at=NOW,
                                     rating=int(rating)),
                             CardScheduler().rate(D, qid, None, rating, NOW))
    d = dialog(qtbot, deck, history=store.question_history(), card_states=store.card_states(), now=NOW,
               tz=timezone.utc)
    labels = {s: b.text().replace("&", "") for s, b in d.source_buttons.items()}
    assert labels[QuizSource.ALL].endswith("(10)")
    assert labels[QuizSource.NEW].endswith("(7)")
    assert labels[QuizSource.WEAK].endswith("(2)")
    assert labels[QuizSource.DUE].endswith("(3)")  # all three come back within minutes: due today
    qtbot.mouseClick(d.source_buttons[QuizSource.WEAK], Qt.MouseButton.LeftButton)
    assert d.match_label.text() == "2 questions match; the quiz will ask all 2."
    with qtbot.waitSignal(d.accepted):
        qtbot.mouseClick(d.start_button, Qt.MouseButton.LeftButton)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.options().source is QuizSource.WEAK


def test_accessible_names_and_plain_tags(qtbot: QtBot, deck: Deck) -> None:
    d = dialog(qtbot, deck)
    assert d.count_spin.accessibleName() == "Number of questions"
    assert d.tag_list.accessibleName() == "Tags"
    tags = [d.tag_list.item(i).text() for i in range(d.tag_list.count())]
    assert tags == ["<b>tag</b> (3)", "events (2)", "people (7)"]
    assert all(b.accessibleName() for b in d.findChildren(type(d.start_button)))


def test_all_decks(qtbot: QtBot, deck: Deck) -> None:
    other = Deck("other", "Other", Path("other.yaml"), (TextQuestion(deck="other", id="x", prompt="?", answers=("y",)),))
    d = QuizSetupDialog(None, Bank((deck, other)))
    qtbot.addWidget(d)
    assert d.windowTitle() == "Quiz — all decks"
    assert d.match_label.text() == "11 questions match; the quiz will ask 10."
    assert d.options().deck is None


def test_new_and_due_mean_the_same_here_on_the_deck_list_and_in_the_statistics(qtbot: QtBot, deck: Deck,
                                                                                   tmp_path: Path) -> None:
    """Fails before quiz answers moved the memory: the deck list still counted quiz-answered questions
    as new, and the set-up counted as due only what was due at that very instant."""
    from studyapp.stats import bank_questions, compute_statistics, forecast
    from studyapp.study.quiz import quiz_of_questions
    from studyapp.study.quiz_session import QuizSession
    from studyapp.study.review_session import ReviewSession
    from studyapp.ui.deck_model import deck_rows

    minsk = ZoneInfo("Europe/Minsk")
    store = open_store(tmp_path / "mixed.sqlite3", backups_dir=tmp_path / "b", now=NOW, tz=minsk).store
    bank = Bank((deck,))
    try:
        clock = [NOW - timedelta(days=3)]
        # Three days ago a quiz: c0 wrong, c1 and t0 right (learning cards, long overdue by now).
        quiz = QuizSession(quiz_of_questions([deck.questions[0], deck.questions[1], deck.questions[6]], deck=D, seed=2),
                           store, now=lambda: clock[0])
        item = quiz.start()
        while True:
            q = item.question
            quiz.submit("b" if q.id == "c0" else ("a" if q.id == "c1" else "x"))
            if quiz.next() is not QuizState.ASKING:
                break
            item = quiz.current
        # Just now two new flashcards: one rated Easy (due in days), one Again (due in a minute,
        # later than now but today).
        clock[0] = NOW
        review = ReviewSession(bank, store, now=lambda: clock[0], deck=D)
        review.start()
        while review.current.question.id in ("c0", "c1", "t0"):  # the overdue quiz cards come first
            review.show_answer()
            review.rate(Rating.Good)
        review.show_answer()
        review.rate(Rating.Easy)
        review.show_answer()
        review.rate(Rating.Again)
        review.close()

        [row] = deck_rows(bank, store, NOW, minsk)
        stats = compute_statistics(store, bank_questions(bank), now=NOW, tz=minsk)
        d = dialog(qtbot, deck, history=store.question_history(), card_states=store.card_states(), now=NOW, tz=minsk)
        labels = {s: b.text().replace("&", "") for s, b in d.source_buttons.items()}
        cards = store.card_states(D)
        assert row.new == 5 and len(cards) == 5  # 10 questions, 5 answered in a quiz or a review
        later_today = [c for c in cards.values() if NOW < c.due < due_cutoff(NOW, minsk)]
        assert later_today and row.due == sum(1 for c in cards.values() if c.due < due_cutoff(NOW, minsk))
        assert labels[QuizSource.NEW].endswith(f"({row.new})")
        assert labels[QuizSource.DUE].endswith(f"({row.due})")
        assert (stats.total.new, stats.total.due_today) == (row.new, row.due)
        assert forecast(store, NOW, minsk)[0].count == row.due
        drawn = new_quiz(bank, QuizOptions(count=100, deck=D, source=QuizSource.DUE), store, NOW)
        assert len(drawn) == row.due
    finally:
        store.close()
