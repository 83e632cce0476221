"""The reader's headings, figures, coverage view, sentence tints, selection and "Make a question".

Real articles on disk, real widgets: the pictures are PNG files written in the test, one of
them a decompression bomb (a tiny file whose header claims 100,000 × 100,000 pixels).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QFont, QImage, QTextCursor

from studyapp.articles.blocks import BlockKind
from studyapp.articles.reading import read_article_file
from studyapp.ui.article_figure import read_image
from studyapp.ui.reader_view import MAKE_QUESTION_KEY, Mastery, ReaderView, sentence_mastery
from studyapp.ui.theme import colors_for

ARTICLE = """# Tunnels of the Alps

The Gotthard Base Tunnel is the longest railway tunnel in the world. It opened in 2016 after seventeen years of work. Trains pass it in twenty minutes.

## Construction

Work began in 1999. Machines cut most of the rock.

- Four machines worked at once.
- Crews blasted the hardest granite.

![A map of the tunnel](map.png)

![A photo from the web](https://example.org/photo.jpg)

![A bomb](bomb.png)

![Outside the folder](../secret.png)

## Operation

Trains run at up to 250 km/h.
"""


def bomb_png(path: Path, side: int = 100_000) -> None:
    """A valid PNG header claiming ``side`` × ``side`` pixels, with almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def open_article(tmp_path: Path, qtbot: Any, **kw: Any) -> ReaderView:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article.md").write_text(ARTICLE, encoding="utf-8")
    picture = QImage(200, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor(200, 30, 30))
    assert picture.save(str(folder / "map.png"))
    assert picture.save(str(tmp_path / "secret.png"))
    bomb_png(folder / "bomb.png")
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(900, 1400)
    article = read_article_file(folder / "article.md")
    reader.show_article("Tunnels", article, **kw)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def block_of(reader: ReaderView, text: str) -> Any:
    document = reader.text.document()
    return document.findBlock(document.toPlainText().index(text))


def test_title_and_headings_are_shown_as_headings(tmp_path: Path, qtbot: Any) -> None:
    reader = open_article(tmp_path, qtbot)
    body = reader.text.document().defaultFont().pointSizeF()

    def font_of(text: str) -> QFont:
        return block_of(reader, text).begin().fragment().charFormat().font()

    title, section, paragraph = font_of("Tunnels of the Alps"), font_of("Construction"), font_of("Work began")
    assert title.bold() and section.bold() and not paragraph.bold()
    assert title.pointSizeF() > section.pointSizeF() > body
    assert block_of(reader, "Four machines").text() == "• Four machines worked at once."


def test_a_local_picture_is_shown_and_a_bomb_is_refused(tmp_path: Path, qtbot: Any) -> None:
    reader = open_article(tmp_path, qtbot)
    caption = block_of(reader, "A map of the tunnel")
    assert list(reader.text.figures) == [caption.position()]
    assert reader.text.figures[caption.position()].size().width() == 200
    # The picture is painted where the figure's empty lines are.
    reader.text.centerCursor()
    cursor = QTextCursor(caption)
    reader.text.setTextCursor(cursor)
    reader.text.ensureCursorVisible()
    qtbot.waitUntil(lambda: reader.text.blockBoundingGeometry(caption).translated(reader.text.contentOffset()).top() >= 0)
    top = reader.text.blockBoundingGeometry(caption).translated(reader.text.contentOffset())
    shot = reader.text.viewport().grab().toImage()
    assert QColor(shot.pixel(int(top.center().x()), int(top.top()) + 40)) == QColor(200, 30, 30)
    shown = reader.text.toPlainText()
    assert "[image: A bomb] not shown: the image claims 100,000 × 100,000 pixels, too large to open" in shown
    # A path leaving the article's folder is not read: only its alt text and address show.
    assert "[image: Outside the folder]\n../secret.png" in shown  # (a line break inside the figure)


def test_the_decoder_refuses_the_bomb_before_decoding(tmp_path: Path, qapp: Any) -> None:
    bomb_png(tmp_path / "bomb.png")
    assert read_image(tmp_path / "bomb.png") == "the image claims 100,000 × 100,000 pixels, too large to open"


class UrlCatcher(QObject):
    """Receives the addresses QDesktopServices would open in a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:  # noqa: A003 (the handler's slot name)
        self.opened.append(url.toString())


def test_a_web_picture_is_its_address_and_opens_only_on_click(tmp_path: Path, qtbot: Any) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        reader = open_article(tmp_path, qtbot)
        assert "[image: A photo from the web]\nhttps://example.org/photo.jpg" in reader.text.toPlainText()
        buttons = reader.text.visible_link_buttons()
        assert len(buttons) == 1 and buttons[0].text() == "Open in browser"
        assert catcher.opened == []  # nothing is opened or fetched before the click
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        assert catcher.opened == ["https://example.org/photo.jpg"]
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_coverage_tints_unquoted_paragraphs_and_counts_each_section(tmp_path: Path, qtbot: Any) -> None:
    quotes = ["the longest railway tunnel in the world", "Machines cut most of the rock"]
    reader = open_article(tmp_path, qtbot, quotes=quotes)
    assert reader.text.tints == {} and reader.text.notes == {}
    reader.coverage_toggle.setChecked(True)
    notes = {reader.text.document().findBlock(at).text(): note for at, note in reader.text.notes.items()}
    assert notes == {
        "Tunnels of the Alps": "1 of 1 paragraph quoted",
        "Construction": "1 of 3 paragraphs quoted",
        "Operation": "0 of 1 paragraph quoted",
    }
    tinted = {reader.text.document().findBlock(at).text() for at in reader.text.tints}
    assert tinted == {"• Four machines worked at once.", "• Crews blasted the hardest granite.", "Trains run at up to 250 km/h."}
    reader.coverage_toggle.setChecked(False)
    assert reader.text.tints == {} and reader.text.notes == {}


def test_the_mastery_map_tints_the_quoted_sentence_not_the_paragraph(tmp_path: Path, qtbot: Any) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    article = read_article_file(folder / "a.md")
    spans = sentence_mastery(article, {"longest railway tunnel": Mastery.WEAK, "after seventeen years": Mastery.KNOWN})
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_article("Tunnels", article, spans)
    reader.map_toggle.setChecked(True)
    block = block_of(reader, "The Gotthard")
    ranges = reader.text.ranges.in_block(block)
    painted = {block.text()[a:b]: color for a, b, color in ranges}
    colors = colors_for(reader.palette())
    assert painted == {
        "The Gotthard Base Tunnel is the longest railway tunnel in the world.": colors.weak,
        "It opened in 2016 after seventeen years of work.": colors.known,
    }  # "Trains pass it in twenty minutes." stays untinted


def test_the_opened_quote_looks_unlike_a_selection(tmp_path: Path, qtbot: Any) -> None:
    reader = open_article(tmp_path, qtbot)
    assert reader.highlight("Machines cut most of the rock")
    selections = reader.text.extraSelections()
    marked = selections[0].format
    selection = reader.text.palette().highlight().color()
    assert marked.background().color() != selection
    assert marked.fontUnderline()


def test_make_a_question_from_a_selection(tmp_path: Path, qtbot: Any) -> None:
    reader = open_article(tmp_path, qtbot)
    assert not reader.request_question()  # nothing selected: nothing asked
    block = block_of(reader, "Work began")
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, len("Work began in 1999. "))
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, len("Machines"))
    reader.text.setTextCursor(cursor)
    reader.text.setFocus()
    with qtbot.waitSignal(reader.make_question_requested) as signal:
        qtbot.keySequence(reader.text, MAKE_QUESTION_KEY)
    selected, sentence, index = signal.args
    assert (selected, sentence) == ("Machines", "Machines cut most of the rock.")
    assert reader.article is not None and reader.article.blocks[index].kind is BlockKind.PARAGRAPH
    assert reader.article.blocks[index].text == "Work began in 1999. Machines cut most of the rock."
