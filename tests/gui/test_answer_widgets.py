"""The per-type answer inputs: each hands back the response shape grading expects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


from studyapp.bank.model import (
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    parse_cloze,
)
from studyapp.grading import DiffOp, DiffSegment, Outcome, grade
from studyapp.study.quiz import QuizItem
from studyapp.ui.answer_inputs.arrange import MatchInput, OrderInput
from studyapp.ui.answer_inputs.card import CardInput
from studyapp.ui.answer_inputs.choices import ChoiceInput, MultiInput, TrueFalseInput
from studyapp.ui.answer_inputs.typed import ClozeInput, TextInput
from studyapp.ui.answer_widgets import diff_html, make_answer_input

HTML = "<img src=file:///etc/passwd> & <b>x</b>"


def show(qtbot: QtBot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_choice_digit_and_click_pick_one(qtbot: QtBot) -> None:
    q = ChoiceQuestion(deck="d", id="c", prompt="Capital?", choices=("Minsk", "Vilnius", HTML), answer="Minsk")
    w = show(qtbot, make_answer_input(QuizItem(q, choices=("Vilnius", "Minsk", HTML))))
    assert isinstance(w, ChoiceInput)
    assert w.response() is None
    assert w.pick(2)
    assert w.response() == "Minsk"
    qtbot.mouseClick(w.rows[0].button, Qt.MouseButton.LeftButton)
    assert w.response() == "Vilnius"
    qtbot.mouseClick(w.rows[2].label, Qt.MouseButton.LeftButton)  # the text is clickable too
    assert w.response() == HTML
    label = w.rows[2].label
    assert label.text() == HTML and label.textFormat() == Qt.TextFormat.PlainText
    assert w.rows[2].button.accessibleName() == HTML
    assert not w.pick(9)
    assert grade(q, w.response()).outcome is Outcome.WRONG


def test_multi_digits_toggle(qtbot: QtBot) -> None:
    q = MultiQuestion(deck="d", id="m", prompt="?", choices=("a", "b", "c"), answers=("a", "c"))
    w = show(qtbot, MultiInput(q.choices))
    assert w.response() is None
    w.pick(1)
    w.pick(3)
    w.pick(2)
    w.pick(2)
    assert w.response() == frozenset({"a", "c"})
    assert grade(q, w.response()).outcome is Outcome.RIGHT
    w.set_locked(True)
    assert not w.pick(2)
    assert w.response() == frozenset({"a", "c"})


def test_truefalse(qtbot: QtBot) -> None:
    w = show(qtbot, TrueFalseInput())
    w.pick(2)
    assert w.response() is False
    qtbot.mouseClick(w.rows[0].button, Qt.MouseButton.LeftButton)
    assert w.response() is True


def test_text_typed(qtbot: QtBot) -> None:
    w = show(qtbot, TextInput())
    qtbot.keyClicks(w.edit, "Lukasenka")
    assert w.response() == "Lukasenka"
    w.set_locked(True)
    assert w.edit.isReadOnly()


def test_cloze_gaps_in_sentence(qtbot: QtBot) -> None:
    q = ClozeQuestion(deck="d", id="z", text="In {{2020}} the {{West|EU}} said\nno.", parts=parse_cloze(
        "In {{2020}} the {{West|EU}} said\nno."))
    w = show(qtbot, make_answer_input(QuizItem(q)))
    assert isinstance(w, ClozeInput)
    assert len(w.gaps) == 2
    assert [g.accessibleName() for g in w.gaps] == ["Gap 1 of 2", "Gap 2 of 2"]
    qtbot.keyClicks(w.gaps[0], "2020")
    qtbot.keyClicks(w.gaps[1], "eu")
    assert w.response() == ("2020", "eu")
    assert grade(q, w.response()).outcome is Outcome.RIGHT
    assert w.sentence() == "In the said no."
    # Gap 1 sits on the same line as "In"; "no." starts a new paragraph below.
    in_label, no_label = w.words[0], w.words[-1]
    assert abs(w.gaps[0].mapTo(w, w.gaps[0].rect().center()).y() - in_label.mapTo(w, in_label.rect().center()).y()) < 4
    assert no_label.mapTo(w, no_label.rect().topLeft()).y() > w.gaps[1].mapTo(w, w.gaps[1].rect().bottomLeft()).y()


def test_cloze_long_text_wraps_within_width(qtbot: QtBot) -> None:
    text = ("word " * 400) + "{{gap}} " + ("x" * 300)
    w = show(qtbot, ClozeInput(parse_cloze(text)))
    w.resize(400, w.heightForWidth(400) if w.hasHeightForWidth() else 2000)
    qtbot.waitUntil(lambda: all(lbl.geometry().right() <= w.width() for lbl in w.words))
    assert max(lbl.geometry().bottom() for lbl in w.words) > 200  # many lines


def test_order_alt_arrows_and_buttons(qtbot: QtBot) -> None:
    q = OrderQuestion(deck="d", id="o", prompt="?", items=("a", "b", "c"))
    w = show(qtbot, make_answer_input(QuizItem(q, order_items=("c", "a", "b"))))
    assert isinstance(w, OrderInput)
    w.list.setFocus()
    w.list.setCurrentRow(0)
    qtbot.keyClick(w.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(w.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.response() == ("a", "b", "c")
    assert grade(q, w.response()).outcome is Outcome.RIGHT
    w.list.setCurrentRow(1)
    qtbot.mouseClick(w.up, Qt.MouseButton.LeftButton)
    assert w.response() == ("b", "a", "c")
    w.set_locked(True)
    qtbot.keyClick(w.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert w.response() == ("b", "a", "c")


def test_match_combos(qtbot: QtBot) -> None:
    q = MatchQuestion(deck="d", id="m", prompt="?", pairs=(("Biden", "US"), ("Łukašenka", "Belarus")))
    w = show(qtbot, make_answer_input(QuizItem(q, match_left=("Biden", "Łukašenka"), match_right=("Belarus", "US"))))
    assert isinstance(w, MatchInput)
    assert w.response() == {}
    w.combos[0].setCurrentIndex(2)
    assert w.response() == {"Biden": "US"}
    w.combos[1].setFocus()
    qtbot.keyClick(w.combos[1], Qt.Key.Key_Down)
    assert w.response() == {"Biden": "US", "Łukašenka": "Belarus"}
    assert grade(q, w.response()).outcome is Outcome.RIGHT
    assert w.combos[1].accessibleName() == "Match for Łukašenka"


def test_card_reveal_then_self_grade(qtbot: QtBot) -> None:
    q = CardQuestion(deck="d", id="k", prompt="Who?", answer=HTML)
    w = show(qtbot, make_answer_input(QuizItem(q)))
    assert isinstance(w, CardInput)
    assert not w.pick(1)
    assert w.enter() and w.revealed
    assert w.answer_label.text() == HTML
    with qtbot.waitSignal(w.submitRequested):
        w.pick(2)
    assert w.response() is False


def test_diff_html_escapes() -> None:
    out = diff_html((DiffSegment(DiffOp.EQUAL, "<b>"), DiffSegment(DiffOp.MISSING, "&")))
    assert "<b>" not in out.replace('<span style="font-family:monospace">', "")
    assert "&lt;b&gt;" in out and "&amp;" in out


def test_every_label_is_plain(qtbot: QtBot) -> None:
    q = MatchQuestion(deck="d", id="m", prompt="?", pairs=((HTML, "<i>y</i>"), ("b", "c")))
    w = show(qtbot, make_answer_input(QuizItem(q)))
    labels = w.findChildren(QLabel)
    assert labels and all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in labels)
    assert any(lbl.text() == HTML for lbl in labels)


def test_order_and_match_marks_keep_the_response(qtbot: QtBot) -> None:
    o = show(qtbot, OrderInput(("b", "a", "c")))
    o.mark_places((False, False, True))
    assert [o.list.item(i).text() for i in range(3)] == ["✘  b", "✘  a", "✔  c"]
    assert o.response() == ("b", "a", "c")
    m = show(qtbot, MatchInput(("x", "y"), ("1", "2")))
    m.mark_pairs({"x": True, "y": False})
    assert [mark.text() for mark in m.marks] == ["✔ right", "✘ not right"]


def test_locked_match_keeps_its_choices_readable_and_fixed(qtbot: QtBot) -> None:
    """Issue 16: after answering, the chosen matches were greyed out (disabled combo boxes) and
    hard to read; locked, they keep their full colour but take no click, wheel or key."""
    q = MatchQuestion(deck="d", id="m", prompt="?", pairs=(("Biden", "US"), ("Łukašenka", "Belarus")))
    w = show(qtbot, make_answer_input(QuizItem(q, match_left=("Biden", "Łukašenka"), match_right=("Belarus", "US"))))
    assert isinstance(w, MatchInput)
    w.combos[0].setCurrentIndex(2)
    w.combos[0].setFocus()
    w.set_locked(True)
    assert all(c.isEnabled() for c in w.combos)  # drawn as enabled: full-colour text
    assert not w.combos[0].hasFocus()
    assert w.combos[0].focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(w.combos[1], Qt.MouseButton.LeftButton)
    qtbot.keyClick(w.combos[1], Qt.Key.Key_Down)
    assert w.response() == {"Biden": "US"}
    w.set_locked(False)
    w.combos[1].setFocus()
    qtbot.keyClick(w.combos[1], Qt.Key.Key_Down)
    assert w.response() == {"Biden": "US", "Łukašenka": "Belarus"}


def test_cloze_punctuation_stays_against_its_gap(qtbot: QtBot) -> None:
    """Issue 16: a gap was followed by a stray space before punctuation ("gap 1 , and"): a word
    with no space between it and a gap now sits right against the gap, on either side."""
    text = "Minsk is {{the capital}}, and ({{Belarus}}) votes."
    w = show(qtbot, ClozeInput(parse_cloze(text)))
    comma = next(label for label in w.words if label.text() == ",")
    opening = next(label for label in w.words if label.text() == "(")
    closing = next(label for label in w.words if label.text() == ")")
    first, second = w.gaps
    right_of = lambda a: a.mapTo(w, a.rect().topRight()).x()  # noqa: E731
    left_of = lambda a: a.mapTo(w, a.rect().topLeft()).x()  # noqa: E731
    assert left_of(comma) - right_of(first) <= 1
    assert left_of(second) - right_of(opening) <= 1
    assert left_of(closing) - right_of(second) <= 1
    assert w.sentence() == "Minsk is , and ( ) votes."
