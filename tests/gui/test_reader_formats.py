"""Markdown, web-page and PDF articles: read from real files, quote-checked, shown in the reader.

The PDF is written in the test by Qt (``QTextDocument`` printed through ``QPdfWriter``) and
read back by Qt's PDF module: in this process by the window, in a child process by the loader
(the core does not import Qt).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

from studyapp.articles.blocks import BlockKind
from studyapp.articles.reading import ArticleError, read_article_file
from studyapp.bank.loader import check_file
from studyapp.ui.main_window import Screen
from studyapp.ui.pdf_text import pdf_page_texts
from studyapp.ui.reader_view import ReaderView

PDF_BODY = (
    "The Gotthard Base Tunnel is the longest railway tunnel in the world, at 57.1 km. "
    "It opened in 2016 after seventeen years of work."
)


def write_pdf(path: Path) -> None:
    """A one-page PDF with a title and two paragraphs of text."""
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 11))
    document.setPlainText(f"Tunnels of the Alps\n\n{PDF_BODY}\n\nTrains run at up to 250 km/h.")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)


def deck(source: str, quote: str) -> str:
    return (
        f"deck: tunnels\ntitle: Tunnels\nsource: {source}\nquestions:\n"
        f"  - id: length\n    type: text\n    prompt: How long is it?\n    answer: 57.1 km\n    quote: {quote!r}\n"
    )


def test_a_pdf_is_read_by_qt_here_and_in_a_child_alike(tmp_path: Path, qapp: Any) -> None:
    pdf = tmp_path / "tunnels.pdf"
    write_pdf(pdf)
    in_window = read_article_file(pdf, pdf_page_texts)
    in_child = read_article_file(pdf)  # what `studyapp check` and `draft` do
    assert in_window.text == in_child.text
    assert in_window.blocks[0].kind is BlockKind.TITLE and in_window.title == "Tunnels of the Alps"
    assert in_window.locate("the longest railway tunnel in the world, at 57.1 km") is not None
    assert "\n1\n" not in in_window.text + "\n"  # the page number is dropped


def test_quotes_are_checked_against_a_pdf(tmp_path: Path) -> None:
    write_pdf(tmp_path / "tunnels.pdf")
    path = tmp_path / "tunnels.yaml"
    path.write_text(deck("tunnels.pdf", "the longest railway tunnel in the world"), encoding="utf-8")
    loaded, problems = check_file(path)
    assert problems == () and loaded is not None
    path.write_text(deck("tunnels.pdf", "the shortest railway tunnel"), encoding="utf-8")
    loaded, problems = check_file(path)
    assert loaded is None and "is not in the source tunnels.pdf" in problems[0].message


def test_a_damaged_pdf_is_refused_with_a_reason(tmp_path: Path, qapp: Any) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    for reader in (pdf_page_texts, None):
        with pytest.raises(ArticleError, match="cannot be read as a PDF|holds no text"):
            read_article_file(broken, reader)
    path = tmp_path / "broken.yaml"
    path.write_text(deck("broken.pdf", "anything"), encoding="utf-8")
    _, problems = check_file(path)
    assert len(problems) == 1 and problems[0].message.startswith("source file 'broken.pdf' ")


@pytest.mark.parametrize("kind", ["md", "html", "pdf"])
def test_the_reader_shows_each_kind_with_its_title_and_the_quote(make_app: Any, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "q"
    folder.mkdir()
    source = folder / f"tunnels.{kind}"
    if kind == "pdf":
        write_pdf(source)
    elif kind == "md":
        source.write_text(f"# Tunnels of the Alps\n\n{PDF_BODY}\n\n## Trains\n\n- Trains run at up to 250 km/h.\n", encoding="utf-8")
    else:
        source.write_text(
            "<html><head><title>Tunnels of the Alps</title><script>var x = 'hidden';</script></head><body>"
            "<nav>Home News Sport</nav><article><h1>Tunnels of the Alps</h1>"
            f"<p>{PDF_BODY} It carries freight and passengers under the mountains every day.</p>"
            "<h2>Trains</h2><p>Trains run at up to 250 km/h, and freight trains use the tunnel at night.</p>"
            "</article><footer>Footer text</footer></body></html>",
            encoding="utf-8",
        )
    (folder / "tunnels.yaml").write_text(deck(source.name, "the longest railway tunnel in the world"), encoding="utf-8")
    window = make_app(dirs=[folder]).window
    assert window.bank.problems == ()
    assert window.open_reader("tunnels", "the longest railway tunnel in the world")
    reader = window.view(Screen.READER)
    assert isinstance(reader, ReaderView)
    assert reader.highlighted_text() == "the longest railway tunnel in the world"
    shown = reader.text.toPlainText()
    assert shown.startswith("Tunnels of the Alps")
    assert "hidden" not in shown and "Footer" not in shown and "#" not in shown
    title = reader.text.document().firstBlock()
    assert title.charFormat().font().bold() or title.begin().fragment().charFormat().fontWeight() >= 700


def test_the_command_line_reads_a_pdf_for_a_one_folder_build(tmp_path: Path, qapp: Any, capsys: Any) -> None:
    """A frozen build has no ``python -m``: its own executable reads the PDF (``--pdf-text``)."""
    import json

    from studyapp.cli import main

    pdf = tmp_path / "tunnels.pdf"
    write_pdf(pdf)
    assert main(["--pdf-text", str(pdf)]) == 0
    pages = json.loads(capsys.readouterr().out)["pages"]
    assert len(pages) == 1 and "longest railway tunnel" in pages[0]
