"""The article reader: headings, image placeholders, the highlighted quote, the mastery map."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from window_samples import FIXED_NOW, GOOD, write_deck

from studyapp.grading import Outcome
from studyapp.store import Attempt, Mode
from studyapp.articles.blocks import BlockKind, locate_quote, parse_article
from studyapp.ui.main_window import Screen
from studyapp.ui.reader_view import Mastery, ReaderView


def test_parse_article_headings_and_images() -> None:
    article = parse_article("First paragraph, long enough.\n![](http://x/y.jpg)\nA heading here\nBody text.\nLast line.")
    kinds = [b.kind for b in article.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.IMAGE, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    glued = parse_article("Para one.\nEnding text.![](http://x/y.jpg)")
    assert [b.kind for b in glued.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.IMAGE]


def test_locate_quote_tolerates_typography_and_whitespace() -> None:
    text = "Minsk’s  policy —\nfully controlled."
    start, end = locate_quote(text, "Minsk's policy - fully") or (0, 0)
    assert text[start:end] == "Minsk’s  policy —\nfully"
    assert locate_quote(text, "minsk's policy") is None  # case matters, as for the loader


def test_reader_opens_at_quote_and_highlights_it(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    window = make_app(dirs=[tmp_path / "q"]).window
    window.resize(500, 300)
    window.show()
    assert window.open_reader("sample-deck", "Canada and the UK imposed additional sanctions")
    reader = window.view(Screen.READER)
    assert isinstance(reader, ReaderView)
    assert window.current_screen() is Screen.READER
    assert reader.highlighted_text() == "Canada and the UK imposed additional sanctions"
    plain = reader.text.toPlainText()
    # A web image is its address as plain text (never fetched) with a button to open it.
    assert "[image]" in plain and "example.invalid" in plain
    # The passage (at the end of the article) was scrolled into view in a small window.
    bar = reader.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert bar.maximum() > 0
    rect = reader.text.cursorRect()
    assert reader.text.viewport().rect().intersects(rect)


def test_reader_from_quiz_answer_returns_to_quiz_screen(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    window = make_app(dirs=[tmp_path / "q"]).window
    quiz = window.view(Screen.QUIZ)
    window.stack.setCurrentWidget(quiz)
    quiz.showInArticle.emit("sample-deck", "dismissed the election as a sham")  # type: ignore[attr-defined]
    reader = window.view(Screen.READER)
    assert window.current_screen() is Screen.READER
    assert reader.highlighted_text() == "dismissed the election as a sham"  # type: ignore[attr-defined]
    reader.back.click()  # type: ignore[attr-defined]
    assert window.current_screen() is Screen.QUIZ


def test_mastery_map_tints_sentences_from_history(make_app: Any, tmp_path: Path) -> None:
    write_deck(tmp_path / "q", "good.yaml", GOOD)
    running = make_app(dirs=[tmp_path / "q"])
    deck = running.window.bank.deck("sample-deck")
    q = deck.question("sham")
    running.core.store.record_attempt(
        Attempt("sample-deck", "sham", q.content_hash, Mode.QUIZ, '"nope"', Outcome.WRONG, 0.0, 1000,
                FIXED_NOW - timedelta(hours=1))
    )
    window = running.window
    window.open_reader("sample-deck")
    reader = window.view(Screen.READER)
    assert isinstance(reader, ReaderView)
    assert reader.span_mastery == {}  # computed when the map is first shown
    reader.map_toggle.setChecked(True)
    assert Mastery.WEAK in reader.span_mastery.values()
    assert not reader.legend.isHidden()
    assert reader.text.ranges  # painted behind the weak sentence
    start, end = next(s for s, m in reader.span_mastery.items() if m is Mastery.WEAK)
    assert "sham" in reader.article.text[start:end]  # type: ignore[union-attr]


def test_tints_and_highlight_stay_on_their_paragraph_after_a_paragraph_separator(qtbot: Any) -> None:
    """U+2029 inside a line is one paragraph for the article but a block break for Qt."""
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.map_toggle.setChecked(True)
    text = "First paragraph.\u2029Still the first one.\nSecond paragraph, quoted here."
    start = text.index("Second")
    reader.show_article("t", text, {(start, len(text)): Mastery.WEAK})
    assert reader.highlight("quoted here")
    assert reader.highlighted_text() == "quoted here"
    doc = reader.text.document()
    block = doc.findBlock(doc.toPlainText().index("Second"))
    assert [r[:2] for r in reader.text.ranges.in_block(block)] == [(0, len(block.text()))]
    assert reader.text.ranges.in_block(block.previous().previous()) == []  # "Still the first one."
    assert block.text().startswith("Second paragraph")
