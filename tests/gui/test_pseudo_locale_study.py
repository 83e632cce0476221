"""Ready for other languages: the study screens under a pseudo translation.

As ``test_pseudo_locale.py`` does for the other screens: the window's texts are extracted, every
one lengthened by ~40 % and marked, compiled and installed as the translator; then each study
screen is opened at the window's default size, and every text a person reads there must carry
the marker (unless it is file content or a number) and none may be cut off. Swept here: a quiz
of every question type, asking and after the answer (with the feedback), the results, classic
and graded flashcards (front, back, the end screen), the Browse window (rows, a search error, the
bulk actions, the preview), a question with a picture and one whose picture is refused.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from pseudo_locale import pseudo, pseudo_qm  # noqa: F401 - the fixtures
from pseudo_screens import Visit, capture_boxes, check_page, close_dialogs
from pseudo_sweep import Shown, untranslated
from studyapp.app import start_app
from studyapp.bank.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.paths import DataPaths
from window_samples import FIXED_NOW

pytestmark = pytest.mark.slow  # one window per screen

DATA = Path(__file__).resolve().parents[1] / "data" / "good"
PICTURES = """deck: pictures
title: Pictures
questions:
  - id: map
    type: card
    prompt: Which country is this?
    answer: Belarus
    image: media/map.png
    image_alt: A map of Belarus
  - id: gone
    type: card
    prompt: Which river is this?
    answer: The Dnieper
    image: media/river.png
"""


def _open(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Visit:
    questions = tmp_path / "q"
    questions.mkdir()
    for name in ("all-types.yaml", "article.txt"):
        shutil.copy(DATA / name, questions / name)
    pictures = tmp_path / "p"
    (pictures / "media").mkdir(parents=True)
    (pictures / "pictures.yaml").write_text(PICTURES, encoding="utf-8")
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(pictures / "media" / "map.png"))
    running = start_app(DataPaths(tmp_path / "data"), QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
                        dirs=[questions, pictures], now=lambda: FIXED_NOW)
    qtbot.addWidget(running.window)
    boxes = capture_boxes(monkeypatch)
    running.window.show()
    running.window.refresh_home()
    visit = Visit(running, qtbot, tmp_path, boxes, monkeypatch)
    for deck in running.window.bank.decks:  # a cloze text is shown a word a label
        visit.content += [word for q in deck.questions if isinstance(q, ClozeQuestion)
                          for part in q.parts if isinstance(part, str) for word in part.split()]
    return visit


def _answer(v: Visit, question: AnyQuestion) -> object:
    """A right (or almost right) response to ``question``, noted as content: the feedback shows it."""
    response = _right(question)
    if isinstance(response, str):
        v.content += [response, response.lower()]  # the fixes are shown on the folded answer
    return response


def _right(question: AnyQuestion) -> object:
    """A right response to ``question`` (the contract ``grade`` reads)."""
    if isinstance(question, ChoiceQuestion):
        return question.answer
    if isinstance(question, MultiQuestion):
        return frozenset(question.answers)
    if isinstance(question, TrueFalseQuestion):
        return question.answer
    if isinstance(question, TextQuestion):
        return question.answers[0] + "x"  # almost: the feedback shows the difference
    if isinstance(question, ClozeQuestion):
        return tuple(gap.answer for gap in question.gaps)
    if isinstance(question, OrderQuestion):
        return tuple(reversed(question.items))  # out of order: the feedback shows the places
    if isinstance(question, MatchQuestion):
        return dict(question.pairs)
    return True


def _quiz(v: Visit, deck: str) -> Any:
    from studyapp.study.quiz import quiz_of_questions
    from studyapp.ui.main_window import Screen

    v.window.start_quiz_of(quiz_of_questions(v.window.bank.deck(deck).questions, deck=deck, seed=3))
    return v.window.view(Screen.QUIZ)


def _quiz_pages(deck: str) -> Callable[[Visit], Iterator[list[QWidget]]]:
    """Every question of ``deck`` asked, then answered with its feedback, then the results."""

    def pages(v: Visit) -> Iterator[list[QWidget]]:
        view = _quiz(v, deck)
        session = view.session
        while not view.stack.currentWidget() is view.results:
            yield [view]
            session.submit(_answer(v, session.current.question))
            view._render()
            yield [view]
            view.next()
        yield [view]
        view.results.table.selectRow(0)  # the selected answer in full, with its picture
        yield [view]

    return pages


def _abandoned(v: Visit) -> Iterator[list[QWidget]]:
    """Esc on a quiz after one answer: the question asked, then the results of a quiz left early."""
    view = _quiz(v, "good-all-types")
    session = view.session
    session.submit(_answer(v, session.current.question))
    view._render()
    view.ask_abandon()  # the box is shown and answered "OK", which is not "Yes": the quiz goes on
    assert len(v.boxes) == 1
    yield list(v.boxes)
    v.boxes[0].close()
    session.abandon()
    view._render()
    assert view.stack.currentWidget() is view.results
    yield [view]


def _flashcards(graded: bool) -> Callable[[Visit], Iterator[list[QWidget]]]:
    """A review of every card: the front, the back (a graded answer's), then the end screen."""

    def pages(v: Visit) -> Iterator[list[QWidget]]:
        from studyapp.study.review_session import ReviewState
        from studyapp.study.scheduling import Rating
        from studyapp.ui.main_window import Screen

        v.window.start_flashcards("good-all-types")
        view = v.window.view(Screen.FLASHCARDS)
        view.graded_box.setChecked(graded)
        session = view.session
        rated = 0
        while session.state is not ReviewState.FINISHED:
            yield [view]
            if graded and session.current.gradable:
                session.answer(_answer(v, session.current.question))
                view._render()
            else:
                view.show_answer()
            yield [view]
            view.rate(Rating.Again if rated == 0 else Rating.Easy)  # the first comes back: a learning card
            rated += 1
            if rated > 12:
                break
        assert view.stack.currentIndex() == 1, "the end screen was not reached"
        yield [view]

    return pages


def _browser(v: Visit) -> Iterator[list[QWidget]]:
    from studyapp.ui.browser_window import open_browser

    browser = open_browser(v.window)
    browser.table.selectRow(0)  # the preview shows it
    yield [browser]
    for query in ("(", "type:nothing", "is:sometimes", "colour:red"):
        browser.search.setText(query)
        browser.apply_search()
        assert browser.message.isVisible()
        yield [browser]
    browser.search.setText("")
    browser.apply_search()
    browser.table.selectRow(1)
    menu = [Shown("bulk action", a.text(), None) for a in browser.actions_button.actions()]
    assert len(menu) == 5
    missing = untranslated(menu, [])
    assert not missing, "bulk actions never translated:\n" + "\n".join(missing)
    yield [browser]


def _pictures(v: Visit) -> Iterator[list[QWidget]]:
    view = _quiz(v, "pictures")
    for _ in range(2):
        assert view.picture.isVisible()
        yield [view]
        view.session.submit(True)
        view._render()
        view.next()
    browser_pages = _browser_on(v, "deck:pictures")
    yield from browser_pages


def _browser_on(v: Visit, query: str) -> Iterator[list[QWidget]]:
    from studyapp.ui.browser_window import open_browser

    browser = open_browser(v.window)
    browser.search.setText(query)
    browser.apply_search()
    for row in range(2):
        browser.table.selectRow(row)
        assert browser.preview.picture.isVisible()
        yield [browser]


Screen = Callable[[Visit], Iterator[list[QWidget]]]
SCREENS: dict[str, Screen] = {
    "quiz of every type": _quiz_pages("good-all-types"),
    "abandoned quiz": _abandoned,
    "flashcards": _flashcards(graded=False),
    "graded flashcards": _flashcards(graded=True),
    "browser": _browser,
    "pictures": _pictures,
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_study_text_is_translated_and_fits(
    screen: str, pseudo: QTranslator, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = _open(qtbot, tmp_path, monkeypatch)
    try:
        pages = 0
        for tops in SCREENS[screen](visit):
            pages += 1
            check_page(visit, tops, f"page {pages}: ")
        assert pages >= 2
    finally:
        close_dialogs()
        visit.running.close()


def test_every_search_error_has_a_text_for_the_translators() -> None:
    """Each message the search parser raises is in the window's table of them (else it would
    stay in English in every language)."""
    import ast
    import inspect

    from studyapp.authoring import search
    from studyapp.ui.browser_window import SEARCH_ERRORS

    raised = set()
    for node in ast.walk(ast.parse(inspect.getsource(search))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "SearchError":
            first = node.args[0]
            assert isinstance(first, ast.Constant), f"line {node.lineno}: a SearchError's text must be a plain template"
            raised.add(first.value)
    assert len(raised) >= 15
    assert raised <= set(SEARCH_ERRORS), f"missing from SEARCH_ERRORS: {sorted(raised - set(SEARCH_ERRORS))}"
