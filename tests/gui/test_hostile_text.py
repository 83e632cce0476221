"""User text with HTML, huge lengths, RTL/zero-width characters and emoji is shown literally."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from window_samples import ScriptedDialogs, deck_yaml, write_deck

from studyapp.study.quiz import Quiz, QuizOptions, make_item
from studyapp.ui.deck_model import Column
from studyapp.ui.main_window import Screen

HOSTILE = [
    '<img src="file:///etc/passwd"> look',
    '<a href="https://example.invalid/">click me</a>',
    "<b>bold?</b> &amp; <i>x</i>",
    "\u202eRTL override\u202c and \u05e9\u05dc\u05d5\u05dd and zero\u200bwidth\u200d joiner",
    "emoji 🦊👩‍👩‍👧 ✔",
]


def _visible_label_texts(root: QWidget) -> list[str]:
    return [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_titles_and_prompts_are_literal_everywhere(make_app: Any, tmp_path: Path, text: str) -> None:
    folder = tmp_path / "q"
    write_deck(folder, "hostile.yaml", deck_yaml("hostile", text, prompt=text), article=None)
    window = make_app(dirs=[folder]).window
    model = window.home.model
    assert model.data(model.index(0, Column.TITLE)) == text
    assert window.home.deck_title.text() == text
    assert window.home.deck_title.textFormat() == Qt.TextFormat.PlainText
    # Every label of the home screen shows plain text.
    for label in window.home.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()

    deck = window.bank.deck("hostile")
    assert deck is not None
    quiz = Quiz(tuple(make_item(q, random.Random(1)) for q in deck.questions), QuizOptions(count=1), 1)
    window.start_quiz_of(quiz)
    view = window.view(Screen.QUIZ)
    shown = _visible_label_texts(view)
    assert any(text in t for t in shown), shown
    for label in view.findChildren(QLabel):
        if text in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText
            assert label.openExternalLinks() is False


def test_ten_thousand_character_prompt_wraps_and_scrolls(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    long_text = ("word " * 2000).strip()
    assert len(long_text) >= 9999
    folder = tmp_path / "q"
    write_deck(folder, "long.yaml", deck_yaml("long-deck", "Long " + "title " * 60, prompt=long_text), article=None)
    running = make_app(dirs=[folder])
    window = running.window
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= 1200  # the long title did not force the window wider
    deck = window.bank.deck("long-deck")
    assert deck is not None
    quiz = Quiz(tuple(make_item(q, random.Random(1)) for q in deck.questions), QuizOptions(count=1), 1)
    window.start_quiz_of(quiz)
    view = window.view(Screen.QUIZ)
    # Past LONG_TEXT_CHARS the prompt is in a read-only plain-text view that wraps and scrolls.
    prompt = view.prompt_label  # type: ignore[attr-defined]
    assert prompt.text() == long_text and prompt.is_long()
    shown = prompt.long_view
    assert shown.isReadOnly() and shown.toPlainText() == long_text
    assert shown.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert window.width() <= 1200
    qtbot.waitUntil(lambda: shown.verticalScrollBar().maximum() > 0)


def test_hostile_article_and_problem_messages_are_literal(
    make_app: Any, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    folder = tmp_path / "q"
    article = "Intro <b>not bold</b> and <img src=file:///etc/passwd>.\nA heading\nBody text, with <a href=x>link</a>.\nEnd."
    write_deck(folder, "a.yaml", deck_yaml("art", "Article deck", source="article.txt"), article=article)
    (folder / "broken.yaml").write_text("deck: x\ntitle: <b>t</b>\nquestions: [{id: '<i>', type: nope}]\n", encoding="utf-8")
    window = make_app(dirs=[folder]).window
    assert window.open_reader("art")
    reader = window.view(Screen.READER)
    text_edit = next(w for w in reader.findChildren(QPlainTextEdit))
    assert "<b>not bold</b>" in text_edit.toPlainText()
    assert "<img src=file:///etc/passwd>" in text_edit.toPlainText()
    assert text_edit.document().allFormats()  # built programmatically
    # Problems are list items (never rendered as HTML), exactly the loader's text.
    assert window.home.problems.lines() == [str(p) for p in window.bank.problems]
    assert any("broken.yaml" in line for line in window.home.problems.lines())


def test_interop_menu_entries_open_dialogs_and_reload_on_save(make_app: Any, tmp_path: Path, qtbot: Any) -> None:
    window = make_app(dirs=[tmp_path / "q"]).window
    names = {a.objectName() for a in window.findChildren(type(window.reload_action))}
    assert {"DraftDialog", "ImportDialog"} <= names
    action = next(a for a in window.findChildren(type(window.reload_action)) if a.objectName() == "ImportDialog")
    action.trigger()
    from studyapp.ui.import_dialog import ImportDialog

    dialog = next(w for w in window.findChildren(ImportDialog))
    with qtbot.waitSignal(window.reloaded, timeout=2000):
        dialog.saved.emit(tmp_path / "q" / "imported.yaml")
    dialog.close()
