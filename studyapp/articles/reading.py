"""Read an article file of any kind into one ``Article``: plain text, Markdown, HTML or PDF.

The kind comes from the file's extension (``.txt`` and anything unknown: plain text; ``.md``
``.markdown``; ``.html`` ``.htm``; ``.pdf``). Plain text is read as it always was
(``blocks.parse_article``); the other kinds are read into blocks (``markdown``, ``webpage``,
``pdf``) and their text is what quotes are checked against. The reader, the loader's quote
check and ``draft`` all read articles here, so they see the same text.

Limits: a text article (plain, Markdown) up to 1 MiB, a saved web page up to 5 MiB (pages
carry their scripts and styles), a PDF up to 20 MiB; the text read from any of them up to 1 MiB.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from studyapp.articles.blocks import Article, parse_article
from studyapp.articles.pdf import PdfError, PdfPages, pages_in_child, reflow

MIB = 1024 * 1024
TEXT_MAX_BYTES = MIB


class ArticleFormat(Enum):
    """The kinds of article file read, with the most bytes read of each."""

    TEXT = "text"
    MARKDOWN = "Markdown"
    HTML = "web page"
    PDF = "PDF"

    @property
    def max_bytes(self) -> int:
        """The largest file of this kind that is read."""
        return {ArticleFormat.HTML: 5 * MIB, ArticleFormat.PDF: 20 * MIB}.get(self, MIB)


_SUFFIXES = {
    ".md": ArticleFormat.MARKDOWN,
    ".markdown": ArticleFormat.MARKDOWN,
    ".html": ArticleFormat.HTML,
    ".htm": ArticleFormat.HTML,
    ".pdf": ArticleFormat.PDF,
}
#: File dialogs' filter for every article kind read.
ARTICLE_PATTERNS = "*.txt *.md *.markdown *.html *.htm *.pdf"


class ArticleError(ValueError):
    """The article cannot be read (missing, too large, not text, no article in it); says why."""


def format_of(path: Path) -> ArticleFormat:
    """The kind of article ``path`` holds, from its extension (plain text when unknown)."""
    return _SUFFIXES.get(path.suffix.lower(), ArticleFormat.TEXT)


def _size(n: int) -> str:
    return f"{n // MIB} MiB"


def read_bytes(path: Path, fmt: ArticleFormat) -> bytes:
    """The file's bytes, at most ``fmt.max_bytes``; raises ``ArticleError``."""
    try:
        if path.exists() and not path.is_file():
            raise ArticleError("is not a regular file")
        with path.open("rb") as f:
            data = f.read(fmt.max_bytes + 1)
    except FileNotFoundError as exc:
        raise ArticleError("does not exist") from exc
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > fmt.max_bytes:
        raise ArticleError(f"is larger than {_size(fmt.max_bytes)} (the most read for a {fmt.value} article)")
    return data


def decode_text(data: bytes) -> str:
    """UTF-8 text without a byte-order mark; raises ``ArticleError`` for anything else."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    if "\x00" in text:
        raise ArticleError("is not text (it holds NUL bytes)")
    return text


def read_article_data(data: bytes, fmt: ArticleFormat, folder: Path | None = None) -> Article:
    """An article of kind ``fmt`` (not PDF) from its bytes; raises ``ArticleError``."""
    if fmt is ArticleFormat.HTML:
        from studyapp.articles.structured import build_article
        from studyapp.articles.webpage import PageError, read_html

        try:
            article = build_article(read_html(data), folder)
        except PageError as exc:
            raise ArticleError(str(exc)) from exc
    elif fmt is ArticleFormat.MARKDOWN:
        from studyapp.articles.markdown import read_markdown
        from studyapp.articles.structured import build_article

        article = build_article(read_markdown(decode_text(data)), folder)
    elif fmt is ArticleFormat.PDF:
        raise ArticleError("a PDF is read from its file")
    else:
        return parse_article(decode_text(data), folder)
    _check_text(article)
    return article


def _check_text(article: Article) -> None:
    if len(article.text.encode("utf-8")) > TEXT_MAX_BYTES:
        raise ArticleError(f"holds more than {_size(TEXT_MAX_BYTES)} of text; split it into smaller articles")


def read_article_file(path: Path, pdf_pages: PdfPages | None = None) -> Article:
    """The article in ``path``, whatever its kind; raises ``ArticleError`` (the message follows
    the file's name: "is larger than 1 MiB ...").

    ``pdf_pages`` reads a PDF's pages (the window passes Qt's reader); without it a child
    process reads them (``pdf.pages_in_child``).
    """
    fmt = format_of(path)
    data = read_bytes(path, fmt)
    if fmt is not ArticleFormat.PDF:
        return read_article_data(data, fmt, path.parent)
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise ArticleError("is not a PDF (it does not start with '%PDF-')")
    try:
        pages = (pdf_pages or pages_in_child)(path)
    except ValueError as exc:  # PdfError and the window reader's errors
        raise ArticleError(f"cannot be read as a PDF: {exc}") from exc
    text = reflow(pages)
    if not text.strip():
        raise ArticleError("holds no text (a scanned PDF? only its pictures are in it)")
    article = parse_article(text, path.parent)
    _check_text(article)
    return article


__all__ = ["ARTICLE_PATTERNS", "ArticleError", "ArticleFormat", "PdfError", "format_of", "read_article_file"]
