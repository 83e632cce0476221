"""A question's picture in the quiz, the review, the browser's preview and the results, through the
bounded reader: shown scaled with its alt text, or one plain line in its place (a bomb, a FIFO,
/dev/zero, a link out, a missing file) without hanging or allocating."""

from __future__ import annotations

import os
import resource
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from picture_files import SVG, bomb_png, png_bytes
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from window_samples import ScriptedDialogs

from studyapp.authoring.search_rows import BrowserRows
from studyapp.bank.loader import check_file
from studyapp.bank.model import AnyQuestion, Bank, CardQuestion, Deck, QuestionImage, TextQuestion
from studyapp.store import Store, open_store
from studyapp.study.quiz import quiz_of_questions
from studyapp.study.quiz_session import QuizSession
from studyapp.study.review_session import ReviewSession
from studyapp.study.scheduling import CardScheduler
from studyapp.ui.answer_inputs.typed import TextInput
from studyapp.ui.browser_model import BrowserModel
from studyapp.ui.browser_window import BrowserWindow
from studyapp.ui.flashcard_view import FlashcardView
from studyapp.ui.image_loading import read_image
from studyapp.ui.question_image import QuestionPicture
from studyapp.ui.quiz_view import QuizView

D = "pics"
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    (folder / "map.png").write_bytes(png_bytes(900, 600))
    (folder / "map.svg").write_text(SVG, encoding="utf-8")
    (folder / "bomb.png").write_bytes(bomb_png())
    os.mkfifo(folder / "fifo.png")
    (folder / "zero.png").symlink_to("/dev/zero")
    # Qt's SVG reader opens the files a drawing links: this one would wait on the FIFO forever.
    (folder / "linking.svg").write_text(SVG.replace("<rect", f'<image href="{folder / "fifo.png"}" width="9" height="9"/><rect'),
                                        encoding="utf-8")
    for fmt in ("jpg", "webp"):
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor("teal"))
        assert image.save(str(folder / f"map.{fmt}"))
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "studyapp.sqlite3", backups_dir=tmp_path / "backups", now=T0)
    yield opened.store
    opened.store.close()


def card(tmp_path: Path, name: str, alt: str | None = "A map of Belarus", qid: str = "k") -> CardQuestion:
    return CardQuestion(deck=D, id=qid, prompt="Which country is this?", answer="Belarus",
                        image=QuestionImage(f"media/{name}", alt, tmp_path))


def shown(qtbot: QtBot, question: AnyQuestion | None, **box: int) -> QuestionPicture:
    picture = QuestionPicture(**box)
    qtbot.addWidget(picture)
    picture.show_question(question)
    return picture


@pytest.mark.parametrize("name", ["map.png", "map.svg", "map.jpg", "map.webp"])
def test_a_picture_is_shown_scaled_to_fit_with_its_alt_text(
    qtbot: QtBot, tmp_path: Path, media: Path, name: str
) -> None:
    picture = shown(qtbot, card(tmp_path, name), width=300, height=150)
    pixmap = picture.pixmap()
    assert picture.refused == "" and not pixmap.isNull()
    size = pixmap.deviceIndependentSize()
    assert 0 < size.width() <= 300 and 0 < size.height() <= 150
    assert (picture.accessibleName(), picture.accessibleDescription()) == ("A map of Belarus", "A map of Belarus")


def test_without_alt_text_screen_readers_get_picture_and_the_prompt(qtbot: QtBot, tmp_path: Path, media: Path) -> None:
    picture = shown(qtbot, card(tmp_path, "map.png", alt=None))
    assert (picture.accessibleName(), picture.accessibleDescription()) == ("Picture", "Which country is this?")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("bomb.png", "the image claims 100,000 × 100,000 pixels, too large to open"),
        ("fifo.png", "cannot be read ('fifo.png' is not a regular file)"),
        ("zero.png", "the path leads outside the question file's folder"),
        ("gone.png", "the file does not exist"),
        ("linking.svg", "an SVG that shows or links other files (<image> or href); only self-contained drawings are shown"),
    ],
)
def test_a_refused_picture_is_one_plain_line_in_its_place(
    qtbot: QtBot, tmp_path: Path, media: Path, name: str, reason: str
) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    picture = shown(qtbot, card(tmp_path, name))
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert picture.pixmap().isNull()
    assert picture.textFormat() == Qt.TextFormat.PlainText
    assert picture.text() == f"Picture not shown (media/{name}): {reason}."
    assert picture.accessibleName() == "Picture not shown"
    assert grown_kib < 50_000  # the bomb would need 40 GB decoded; nothing near that was taken


def test_the_bounded_reader_refuses_devices_and_fifos_without_reading(media: Path) -> None:
    assert read_image(Path("/dev/zero"), 100, 100) == "cannot be read ('zero' is not a regular file)"
    assert read_image(media / "fifo.png", 100, 100) == "cannot be read ('fifo.png' is not a regular file)"
    assert read_image(media / "linking.svg", 100, 100).startswith("an SVG that shows or links other files")  # type: ignore[union-attr]
    big = media / "big.png"
    big.write_bytes(png_bytes())
    os.truncate(big, 6 * 1024 * 1024)
    assert read_image(big, 100, 100) == "the file is larger than 5 MiB"


def test_a_picture_after_a_notice_gets_its_full_height_in_a_layout(qtbot: QtBot, tmp_path: Path, media: Path) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    picture = QuestionPicture(page, width=300, height=200)
    layout.addWidget(picture)
    layout.addStretch(1)
    page.resize(800, 600)
    page.show()
    for name in ("bomb.png", "map.png", "map.svg"):  # a wrapped notice first, then pictures
        picture.show_question(card(tmp_path, name, qid=name))
        layout.activate()
        if name != "bomb.png":
            assert picture.height() >= picture.pixmap().deviceIndependentSize().height() > 0


def test_a_large_picture_is_decoded_off_the_ui_thread_and_a_newer_question_wins(
    qtbot: QtBot, tmp_path: Path, media: Path
) -> None:
    (media / "large.png").write_bytes(png_bytes(2600, 2000))  # 5.2 million pixels: over SYNC_PIXELS
    picture = shown(qtbot, card(tmp_path, "large.png", qid="large"), width=300, height=150)
    assert picture.text() == "Loading the picture (media/large.png)…" and picture.pixmap().isNull()
    qtbot.waitUntil(lambda: not picture.pixmap().isNull(), timeout=10_000)
    assert picture.pixmap().deviceIndependentSize().width() <= 300
    assert picture.accessibleName() == "A map of Belarus"

    picture.show_question(card(tmp_path, "large.png", qid="again", alt="Again"))
    picture.show_question(card(tmp_path, "map.svg", qid="small", alt="The small one"))  # before the decode ends
    assert not picture.pixmap().isNull() and picture.accessibleName() == "The small one"
    small = picture.pixmap().cacheKey()
    # The cancelled decode ends on its thread; what it sends back is dropped, not shown.
    qtbot.waitUntil(lambda: not any(t.name == "studyapp-picture" for t in threading.enumerate()), timeout=10_000)
    QApplication.processEvents()
    assert picture.pixmap().cacheKey() == small and picture.accessibleName() == "The small one"


def test_no_picture_hides_the_place(qtbot: QtBot) -> None:
    picture = shown(qtbot, CardQuestion(deck=D, id="k", prompt="P", answer="A"))
    assert picture.isHidden() and picture.accessibleName() == ""


def test_the_quiz_shows_the_picture_under_the_prompt_and_the_results_show_it_for_the_selected_answer(
    qtbot: QtBot, tmp_path: Path, media: Path, store: Store
) -> None:
    questions = (TextQuestion(deck=D, id="t", prompt="Which country?", answers=("Belarus",),
                              image=QuestionImage("media/map.png", "A map", tmp_path)),)
    view = QuizView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    session = QuizSession(quiz_of_questions(questions, deck=D, seed=1), store, now=lambda: T0)
    view.start(session)
    assert view.picture.isVisible() and not view.picture.pixmap().isNull()
    assert view.picture.accessibleName() == "A map"
    assert isinstance(view.input, TextInput)
    qtbot.keyClicks(view.input.edit, "Belarus")
    view.submit()
    view.next()
    assert view.stack.currentWidget() is view.results
    results = view.results
    assert results.picture.isHidden()
    results.table.setCurrentCell(0, 1)
    assert results.picture.isVisible() and not results.picture.pixmap().isNull()
    assert results.picture.accessibleName() == "A map"


def test_the_review_shows_the_picture_on_the_front_and_keeps_it_on_the_back(
    qtbot: QtBot, tmp_path: Path, media: Path, store: Store
) -> None:
    deck = Deck(D, "Pictures", tmp_path / "pics.yaml", (card(tmp_path, "map.svg"), card(tmp_path, "bomb.png", qid="b")))
    session = ReviewSession([deck], store, now=lambda: T0, scheduler=CardScheduler())
    view = FlashcardView(now=lambda: T0)
    qtbot.addWidget(view)
    view.resize(760, 560)
    view.show()
    view.start(session)
    first = session.current.question.id
    assert view.picture.isVisible()
    if first == "k":
        assert not view.picture.pixmap().isNull() and view.picture.accessibleName() == "A map of Belarus"
    else:
        assert view.picture.text().startswith("Picture not shown (media/bomb.png)")
    view.show_answer()
    assert view.picture.isVisible() and view.picture.shown is not None


def test_the_browser_previews_the_selected_question_with_its_picture(qtbot: QtBot, tmp_path: Path, media: Path) -> None:
    deck_file = tmp_path / "pics.yaml"
    deck_file.write_text(
        "deck: pics\ntitle: Pictures\nquestions:\n"
        "  - id: map\n    type: card\n    prompt: Which country is this?\n    answer: Belarus\n"
        "    image: media/map.png\n    image_alt: A map of Belarus\n"
        "  - id: plain\n    type: card\n    prompt: No picture here\n    answer: None\n",
        encoding="utf-8",
    )
    deck, problems = check_file(deck_file)
    assert problems == () and deck is not None

    store = open_store(tmp_path / "s.sqlite3", backups_dir=tmp_path / "b", tz=timezone.utc, auto_backup=False).store
    browser = BrowserWindow(BrowserModel(BrowserRows(Bank(decks=(deck,), files=1), store, T0), timezone.utc))
    qtbot.addWidget(browser)
    browser.show()
    preview = browser.preview
    assert preview.picture.isHidden() and preview.prompt.text() == "Select a question to preview it here."
    row = next(r for r in range(browser.model.rowCount()) if browser.model.key_at(r)[1] == "map")
    browser.table.setCurrentIndex(browser.model.index(row, 0))
    assert preview.prompt.text() == "Which country is this?" and preview.answer.text() == "Answer: Belarus"
    assert preview.picture.isVisible() and not preview.picture.pixmap().isNull()
    assert preview.picture.accessibleName() == "A map of Belarus"
    other = next(r for r in range(browser.model.rowCount()) if r != row)
    browser.table.setCurrentIndex(browser.model.index(other, 0))
    assert preview.picture.isHidden() and preview.prompt.text() == "No picture here"


def test_adding_a_question_file_copies_its_pictures_but_never_a_fifo(
    make_app: Any, tmp_path: Path, media: Path, scripted: ScriptedDialogs
) -> None:
    deck_file = tmp_path / "pics.yaml"
    deck_file.write_text(
        "deck: pics\ntitle: Pictures\nquestions:\n"
        "  - id: map\n    type: card\n    prompt: Which country?\n    answer: Belarus\n    image: media/map.png\n"
        "  - id: fifo\n    type: card\n    prompt: A FIFO\n    answer: Refused\n    image: media/fifo.png\n",
        encoding="utf-8",
    )
    running = make_app(dirs=None)
    scripted.files_to_open.append(deck_file)
    running.window.add_action.trigger()
    questions = running.core.paths.questions
    assert (questions / "pics.yaml").exists()
    assert (questions / "media" / "map.png").read_bytes() == (media / "map.png").read_bytes()
    assert not (questions / "media" / "fifo.png").exists()
    deck = running.window.bank.deck("pics")
    assert deck is not None and deck.path.parent == questions


def test_the_window_lists_a_picture_that_cannot_be_shown_as_a_problem_at_its_line(
    make_app: Any, tmp_path: Path, media: Path
) -> None:
    """Found after the pictures landed: ``studyapp check`` named a missing picture, the window's
    problems panel did not."""
    (tmp_path / "pics.yaml").write_text(
        "deck: pics\ntitle: Pictures\nquestions:\n"
        "  - id: map\n    type: card\n    prompt: Which country?\n    answer: Belarus\n    image: media/map.png\n"
        "  - id: gone\n    type: card\n    prompt: Missing\n    answer: Nothing\n    image: media/gone.png\n",
        encoding="utf-8",
    )
    window = make_app(dirs=[tmp_path]).window
    deck = window.bank.deck("pics")
    assert deck is not None and len(deck.questions) == 2  # the deck still loads, both questions
    [line] = window.home.problems.lines()
    assert line.startswith(f"{tmp_path / 'pics.yaml'}:13:") and "gone.png" in line
