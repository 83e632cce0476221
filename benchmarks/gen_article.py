"""Generate a long article and a deck whose questions quote it, for the reader benchmark.

``generate_article_deck(folder, size, questions)`` writes ``folder/sources/long.txt`` (an
article of about ``size`` bytes, under the loader's 1 MiB limit) and ``folder/questions/long.yaml``
(``questions`` flashcards, each quoting a passage of the article, spread evenly from its start
to its end). The text reads like an article to the code that handles it: paragraphs of
sentences, a heading every dozen paragraphs, words drawn from a vocabulary of 20,000 with the
skewed frequencies of real language (Zipf), typographic apostrophes and dashes, names with
``ł ŭ ž``. Quotes are written with straight apostrophes and hyphens, as people type them, so
every lookup goes through the folding. Deterministic for a seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

VOCABULARY = 20_000
_SYLLABLES = ("ba", "ro", "ki", "mu", "te", "sa", "lo", "vi", "ne", "da", "po", "ri", "ža", "łu", "ŭe", "stra", "min")
_NAMES = ("Łukašenka", "Hałoŭčanka", "Ryžankoŭ", "Cichanoŭskaja", "Minsk", "Vilnius", "Warsaw", "Brussels")


@dataclass(frozen=True)
class ArticleDeck:
    """What was written: the question file, the article, and the quotes in file order."""

    questions_dir: Path
    article: Path
    deck_id: str
    quotes: tuple[str, ...]


def _vocabulary(rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def _article(rng: random.Random, size: int) -> list[str]:
    vocab = _vocabulary(rng)
    cumulative = list(accumulate(1 / rank for rank in range(1, len(vocab) + 1)))
    paragraphs: list[str] = []
    total = 0
    while total < size:
        n = len(paragraphs)
        if n % 12 == 11:
            text = " ".join(rng.choices(vocab, cum_weights=cumulative, k=4)).capitalize()
        else:
            sentences = []
            for _ in range(rng.randint(3, 7)):
                words = rng.choices(vocab, cum_weights=cumulative, k=rng.randint(9, 22))
                words.insert(rng.randrange(len(words)), rng.choice(_NAMES) + "’s")
                words.insert(rng.randrange(1, len(words)), "—")
                sentences.append(" ".join(words).capitalize() + ".")
            text = " ".join(sentences)
        paragraphs.append(text)
        total += len(text.encode("utf-8")) + 1
    return paragraphs


def generate_article_deck(folder: Path, size: int, questions: int, seed: int = 16) -> ArticleDeck:
    """Write the article (about ``size`` bytes) and a deck of ``questions`` cards quoting it."""
    rng = random.Random(seed)
    paragraphs = [p for p in _article(rng, size - 4096)]
    text = "Belarus and the West, at length\n" + "\n".join(paragraphs) + "\n"
    body = [i for i, p in enumerate(paragraphs) if len(p) > 200]
    quotes: list[str] = []
    for k in range(questions):
        para = paragraphs[body[k * len(body) // questions]]
        start = para.index(" ", rng.randrange(0, len(para) - 120)) + 1
        end = para.index(" ", start + 60)
        quotes.append(para[start:end].replace("’", "'").replace("—", "-"))
    sources = folder / "sources"
    qdir = folder / "questions"
    sources.mkdir(parents=True, exist_ok=True)
    qdir.mkdir(parents=True, exist_ok=True)
    article = sources / "long.txt"
    article.write_text(text, encoding="utf-8")
    lines = ["deck: long-article", "title: A long article", "source: ../sources/long.txt", "questions:"]
    for k, quote in enumerate(quotes):
        lines += [f"  - id: q{k:04d}", "    type: card", f"    prompt: What does passage {k} say?",
                  f"    answer: {json.dumps(quote[:40], ensure_ascii=False)}",
                  f"    quote: {json.dumps(quote, ensure_ascii=False)}"]
    (qdir / "long.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ArticleDeck(qdir, article, "long-article", tuple(quotes))
