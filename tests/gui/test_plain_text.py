"""ui/plain_text: what Qt shows for each escaped form is the text as written, and names nothing to load."""

from __future__ import annotations

import html
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from studyapp.ui import plain_text

SAMPLES = [
    '<img src="file:///dev/zero"> zero',
    "<b>bold</b>  two spaces\nand a second line",
    '<a href="https://example.invalid/">link</a> &amp; &lt;',
    "<style>body { color: red }</style>",
    "plain, with \u202eRTL and emoji 🦊",
]


class _Rendered(QTextDocument):
    """Renders rich text as Qt does, noting any resource (image, style sheet) it would load."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        self.loads.append(name.toString())
        return None


def _shown(html: str) -> tuple[str, list[str]]:
    doc = _Rendered()
    doc.setHtml(html)
    return doc.toPlainText(), doc.loads


def test_a_tooltip_shows_the_text_as_written(qapp: Any) -> None:
    from PySide6.QtGui import Qt as GuiQt

    for text in SAMPLES:
        tip = plain_text.tooltip(text)
        assert GuiQt.mightBeRichText(tip)  # always rendered the same way, never guessed as plain
        assert _shown(tip) == (text, [])


def test_a_long_tooltip_is_cut(qapp: Any) -> None:
    shown, _ = _shown(plain_text.tooltip("x" * 10_000))
    assert len(shown) == plain_text.TOOLTIP_MAX and shown.endswith("…")


def test_chart_text_is_literal_and_short(qapp: Any) -> None:
    assert _shown(plain_text.chart_text(SAMPLES[0])) == (SAMPLES[0], [])
    long = plain_text.chart_text("<b>" + "y" * 500)
    assert _shown(long)[0] == ("<b>" + "y" * 500)[: plain_text.CHART_LABEL_MAX - 1] + "…"


def test_a_window_title_keeps_a_literal_modified_mark(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setWindowTitle(plain_text.window_title("Quiz — deck [*] [*][*]"))
    widget.show()
    qtbot.waitExposed(widget)
    handle = widget.windowHandle()
    assert handle is not None and handle.title() == "Quiz — deck [*] [*][*]"


@settings(max_examples=300)
@given(text=st.lists(st.sampled_from([*"&<>\"'; #x0a-z\n", "&amp;", "&lt;", "é", "🦊"])).map("".join) | st.text())
def test_markup_is_escaped_exactly_as_html_escape_does(text: str) -> None:
    assert plain_text.escape_markup(text) == html.escape(text, quote=False)
