"""Articles of every kind read from real files into one structure, and quotes checked against them.

Markdown (headings, lists, links, images), a web page saved from a browser (navigation,
scripts and styles left out), size limits and unreadable files. PDFs need Qt to be written:
``tests/gui/test_reader_formats.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.articles.blocks import BlockKind
from studyapp.articles.reading import ArticleError, ArticleFormat, format_of, read_article_file
from studyapp.bank.loader import check_file
from studyapp.interop.draftfile import read_article_text, write_draft
from studyapp.paths import bundled_questions_dir

MARKDOWN = """# Tunnels of the *Alps*

The Gotthard Base Tunnel is the **longest** railway tunnel in the world, at 57.1 km.
It opened in 2016 after seventeen years of work.

## Construction

Work began in 1999. Read [the builder's notes](https://example.org/notes) for more.

- Four boring machines worked at once.
- Crews blasted the hardest granite.

![A map of the tunnel](media/map.png)

### Trains

Trains run at up to 250 km/h.

<script>alert("never shown")</script>
"""

PAGE = """<!doctype html>
<html><head><title>Tunnels of the Alps | Mountain News</title>
<style>body { color: red } .secret-style {}</style>
<script>var tracking = "secret script text";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> Menu entry</nav>
<header><div class="menu">Subscribe to our newsletter today</div></header>
<article>
<h1>Tunnels of the Alps</h1>
<p>The Gotthard Base Tunnel is the longest railway tunnel in the world, at 57.1 km. It opened in 2016
after seventeen years of work, and it changed how freight crosses the mountains.</p>
<h2>Construction</h2>
<p>Work began in 1999. Tunnel boring machines cut most of the rock, and crews blasted the rest in the
harder sections of granite, often working in heat above thirty degrees.</p>
<ul><li>Four boring machines worked at once on the two tubes.</li>
<li>Read <a href="https://example.org">the builder's notes</a> for more detail on the work.</li></ul>
<p><img src="map.png" alt="A map of the tunnel"></p>
<h2>Operation</h2>
<p>Trains run at up to 250 km/h through the tunnel, and freight trains use it at night. About 260
freight trains pass through it every day, more than on any other line in the Alps.</p>
</article>
<aside>Related: ten tunnels you must see</aside>
<footer>Copyright Mountain News, all rights reserved</footer>
<script>alert("also secret")</script>
</body></html>
"""


def deck_text(source: str, *quotes: str) -> str:
    items = "".join(
        f"  - id: q{i}\n    type: text\n    prompt: p{i}?\n    answer: a{i}\n    quote: {q!r}\n" for i, q in enumerate(quotes)
    )
    return f"deck: formats\ntitle: Formats\nsource: {source}\nquestions:\n{items}"


def test_the_kind_comes_from_the_extension() -> None:
    assert format_of(Path("a.MD")) is ArticleFormat.MARKDOWN
    assert format_of(Path("a.markdown")) is ArticleFormat.MARKDOWN
    assert format_of(Path("a.htm")) is ArticleFormat.HTML
    assert format_of(Path("a.pdf")) is ArticleFormat.PDF
    assert format_of(Path("a.txt")) is ArticleFormat.TEXT
    assert format_of(Path("notes")) is ArticleFormat.TEXT


def test_markdown_headings_lists_links_and_images(tmp_path: Path) -> None:
    path = tmp_path / "tunnels.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_article_file(path)
    kinds = [(b.kind, b.level) for b in article.blocks]
    assert kinds == [
        (BlockKind.TITLE, 1),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.LIST_ITEM, 0),
        (BlockKind.LIST_ITEM, 0),
        (BlockKind.IMAGE, 0),
        (BlockKind.HEADING, 3),
        (BlockKind.PARAGRAPH, 0),
    ]
    assert article.title == "Tunnels of the Alps"
    texts = [b.text for b in article.blocks]
    # Emphasis marks are dropped, soft line breaks join, a link is its words.
    assert texts[1] == (
        "The Gotthard Base Tunnel is the longest railway tunnel in the world, at 57.1 km. "
        "It opened in 2016 after seventeen years of work."
    )
    assert texts[3] == "Work began in 1999. Read the builder's notes for more."
    image = article.blocks[6]
    assert (image.text, image.url) == ("A map of the tunnel", "media/map.png")
    assert "alert" not in article.text and "example.org" not in article.text  # raw HTML and link targets
    assert article.folder == tmp_path
    for block in article.blocks:  # every block's offsets point at its words in the text
        assert article.text[block.start : block.end] == block.text


def test_a_saved_web_page_is_its_article_without_navigation_scripts_or_styles(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("utf-8"))
    article = read_article_file(path)
    text = article.text
    for left_out in ("Menu entry", "newsletter", "secret script", "secret-style", "also secret", "Copyright", "Sport"):
        assert left_out not in text
    assert article.title == "Tunnels of the Alps"
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Construction", "Operation"]
    items = [b.text for b in article.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[1] == "Read the builder's notes for more detail on the work."
    images = [(b.text, b.url) for b in article.blocks if b.kind is BlockKind.IMAGE]
    assert images == [("A map of the tunnel", "map.png")]
    assert article.locate("About 260 freight trains pass through it every day") is not None


@pytest.mark.parametrize(
    ("name", "content", "good"),
    [
        ("tunnels.md", MARKDOWN, "the longest railway tunnel in the world"),
        ("page.html", PAGE, "harder sections of granite, often working in heat"),
    ],
)
def test_quotes_are_checked_against_the_text_read_from_the_article(
    tmp_path: Path, name: str, content: str, good: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    deck.write_text(deck_text(name, good), encoding="utf-8")
    loaded, problems = check_file(deck)
    assert problems == () and loaded is not None and loaded.source == (tmp_path / name).resolve()
    # Markup, link targets and page chrome are not part of the article's text.
    bad = "the **longest** railway" if name.endswith(".md") else "Subscribe to our newsletter today"
    deck.write_text(deck_text(name, good, bad), encoding="utf-8")
    loaded, problems = check_file(deck)
    assert loaded is None
    assert [p.message.split(" (")[0] for p in problems] == [f"quote of question 'q1' is not in the source {name}"]


def test_size_limits_and_unreadable_articles_are_named(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("word " * (1024 * 1024 // 5 + 10), encoding="utf-8")
    with pytest.raises(ArticleError, match="larger than 1 MiB"):
        read_article_file(big)
    fake = tmp_path / "fake.pdf"
    fake.write_text("just text", encoding="utf-8")
    with pytest.raises(ArticleError, match="not a PDF"):
        read_article_file(fake)
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match="no article text"):
        read_article_file(empty)
    latin = tmp_path / "latin.md"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(ArticleError, match="not UTF-8"):
        read_article_file(latin)
    deck = tmp_path / "deck.yaml"
    deck.write_text(deck_text("big.md", "word"), encoding="utf-8")
    _, problems = check_file(deck)
    assert [p.message for p in problems] == [
        "source file 'big.md' is larger than 1 MiB (the most read for a Markdown article)"
    ]


def test_plain_text_reads_as_before_with_its_first_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A title line\nFirst paragraph, long enough.\nA heading\nMore text.\n", encoding="utf-8")
    article = read_article_file(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert [b.kind for b in article.blocks] == [BlockKind.TITLE, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_draft_from_markdown_copies_it_as_the_source_and_its_quotes_check(tmp_path: Path) -> None:
    seed = next(bundled_questions_dir().parent.joinpath("seeds").glob("*.txt")).read_text(encoding="utf-8")
    lines = [line for line in seed.splitlines() if line.strip() and not line.startswith("![")]
    markdown = "# Belarus and the West\n\n" + "\n\n".join(
        f"## {line}" if len(line) < 70 and not line.endswith(".") else line.replace(" the ", " *the* ", 1)
        for line in lines
    )
    far = tmp_path / "far" / "away"
    far.mkdir(parents=True)
    article = far / "belarus.md"
    article.write_text(markdown, encoding="utf-8")
    assert "*the*" not in read_article_text(article)  # draft sees the text, not the markup
    out = tmp_path / "my" / "decks" / "belarus.yaml"
    out.parent.mkdir(parents=True)
    count, copy = write_draft(article, out, "belarus-md", "Belarus")
    assert copy == out.parent / "belarus.md" and copy.read_bytes() == article.read_bytes()
    deck, problems = check_file(out)
    assert problems == () and deck is not None
    assert count == len(deck.questions) > 10
    assert all(q.quote for q in deck.questions)
