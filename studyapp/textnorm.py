"""Text normalisation shared by the loader (distinctness, quotes) and grading (typed answers).

Two rules, each documented in docs/guide/studying.md:

* ``fold_answer`` — how typed answers are compared: Unicode NFC, transliterated to ASCII
  (so ``Łukašenka`` == ``Lukasenka``; ``ł ŭ ś ž ć`` fold too, which Unicode decomposition
  alone does not do), case-folded, punctuation and symbols dropped, whitespace collapsed.
* ``fold_quote`` — how a ``quote`` is found in its article: Unicode NFC, typographic quotes
  to straight ones, en/em dashes to ``-``, whitespace collapsed. Case matters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_SEPARATOR_RE = re.compile(r"[-/_]")

# (typographic character, what it folds to); applied with str.replace, which is ~7x faster
# than str.translate with a dict on article-sized text.
_QUOTE_PAIRS = tuple(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }.items()
)


def collapse_ws(text: str) -> str:
    """Strip and collapse every run of whitespace to one space."""
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def fold_answer(text: str) -> str:
    """Normalise a typed answer (or an accepted one) for comparison.

    >>> fold_answer("  Łukašenka! ")
    'lukasenka'
    >>> fold_answer("Hałoŭčanka") == fold_answer("Haloucanka")
    True
    """
    text = unicodedata.normalize("NFC", text)
    text = anyascii(text)
    text = text.casefold()
    # Punctuation and symbols are dropped ("U.S." == "US"); dashes and slashes separate
    # words ("war-time" == "war time").
    text = _SEPARATOR_RE.sub(" ", text)
    text = "".join(ch for ch in text if ch.isalnum() or ch.isspace())
    return collapse_ws(text)


def fold_typography(text: str) -> str:
    """Typographic quotes, dashes and no-break spaces to plain ones, one character for one
    (so offsets into ``text`` stay valid); no other change."""
    for typographic, plain in _QUOTE_PAIRS:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def fold_quote(text: str) -> str:
    """Normalise a quote or an article so a quote can be found in it (case kept)."""
    return collapse_ws(fold_typography(unicodedata.normalize("NFC", text)))
