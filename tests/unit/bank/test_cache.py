"""The warm-load cache: reused while files are unchanged, never trusted over them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bankgen import deck_text, write_bank

from studyapp.bank.cache import CACHE_FILENAME
from studyapp.bank.loader import load_bank

OLD_NS = 1_600_000_000_123_456_789  # a settled modification time, long before the cache was written


def age(*paths: Path) -> None:
    for p in paths:
        os.utime(p, ns=(OLD_NS, OLD_NS))


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "questions"
    age(*write_bank(folder, files=3, per_file=16))
    return folder


def test_a_warm_load_equals_a_cold_one(bank_dir: Path, tmp_path: Path) -> None:
    cold = load_bank([bank_dir])
    first = load_bank([bank_dir], cache_dir=tmp_path / "cache")
    assert (tmp_path / "cache" / CACHE_FILENAME).is_file()
    warm = load_bank([bank_dir], cache_dir=tmp_path / "cache")
    assert cold == first == warm
    assert warm.question_count == 48 and warm.problems == ()
    # every field survives the round trip, cloze gaps included
    assert [q.content_hash for d in warm.decks for q in d.questions] == [
        q.content_hash for d in cold.decks for q in d.questions
    ]


def test_entries_are_keyed_by_size_and_mtime(bank_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_bank([bank_dir], cache_dir=cache)
    path = bank_dir / "deck-0000.yaml"
    text = path.read_text(encoding="utf-8")
    # Same size, same mtime: the cache cannot tell, and serves the old title (this proves it is used).
    path.write_text(text.replace("Generated deck", "Generated DECK"), encoding="utf-8")
    age(path)
    assert load_bank([bank_dir], cache_dir=cache).decks[0].title == "Generated deck deck-0000"
    # Any change of modification time is noticed.
    os.utime(path, ns=(OLD_NS, OLD_NS + 1))
    assert load_bank([bank_dir], cache_dir=cache).decks[0].title == "Generated DECK deck-0000"
    # So is a change of size with the same mtime.
    path.write_text(text.replace("Generated deck", "Another deck"), encoding="utf-8")
    age(path)
    assert load_bank([bank_dir], cache_dir=cache).decks[0].title == "Another deck deck-0000"


def test_a_file_that_becomes_broken_is_reported(bank_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_bank([bank_dir], cache_dir=cache)
    path = bank_dir / "deck-0001.yaml"
    path.write_text("deck: [\n", encoding="utf-8")
    age(path)
    bank = load_bank([bank_dir], cache_dir=cache)
    assert [d.id for d in bank.decks] == ["deck-0000", "deck-0002"]
    assert [(p.path, p.line) for p in bank.problems] == [(path, 1)]
    # and the problem itself is cached and reported again
    again = load_bank([bank_dir], cache_dir=cache)
    assert again.problems == bank.problems


def test_a_changed_source_is_noticed(tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    folder.mkdir()
    article = tmp_path / "article.txt"
    article.write_text("The quote is here.\n", encoding="utf-8")
    deck = folder / "d.yaml"
    deck.write_text(
        "deck: d\ntitle: T\nsource: ../article.txt\nquestions:\n"
        "  - id: k\n    type: card\n    prompt: F\n    answer: B\n    quote: quote is here\n",
        encoding="utf-8",
    )
    age(article, deck)
    cache = tmp_path / "cache"
    assert load_bank([folder], cache_dir=cache).problems == ()
    article.write_text("The text changed.\n", encoding="utf-8")
    age(article)
    os.utime(article, ns=(OLD_NS, OLD_NS + 5))
    assert [p.message.split(" (")[0] for p in load_bank([folder], cache_dir=cache).problems] == [
        "quote of question 'k' is not in the source article.txt"
    ]
    article.unlink()
    assert [p.message for p in load_bank([folder], cache_dir=cache).problems] == [
        "source file '../article.txt' does not exist (the path is relative to this file's folder)"
    ]


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"studyapp-bank-cache-1\n" + b"\x00" * 40, b"studyapp-bank-cache-2\n" + b"\x00" * 40, None],
    ids=["empty", "garbage", "old-format", "bad-checksum", "flipped-byte"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(bank_dir: Path, tmp_path: Path, damage: bytes | None) -> None:
    cache = tmp_path / "cache"
    expected = load_bank([bank_dir], cache_dir=cache)
    file = cache / CACHE_FILENAME
    if damage is None:
        blob = bytearray(file.read_bytes())
        blob[-10] ^= 0xFF
        damage = bytes(blob)
    file.write_bytes(damage)
    assert load_bank([bank_dir], cache_dir=cache) == expected
    assert file.read_bytes() != damage  # rebuilt
    assert load_bank([bank_dir], cache_dir=cache) == expected


def test_an_unwritable_cache_dir_does_not_stop_loading(bank_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    bank = load_bank([bank_dir], cache_dir=blocker / "cache")
    assert bank.question_count == 48


def test_files_changed_moments_ago_are_not_cached(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    folder.mkdir()
    path = folder / "fresh.yaml"
    path.write_text(deck_text("fresh", 3), encoding="utf-8")  # mtime is now
    cache = tmp_path / "cache"
    load_bank([folder], cache_dir=cache)
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    path.write_text(text.replace("Generated deck", "Generated DECK"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime as when read
    assert load_bank([folder], cache_dir=cache).decks[0].title == "Generated DECK fresh"


def test_removed_files_disappear(bank_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_bank([bank_dir], cache_dir=cache)
    (bank_dir / "deck-0002.yaml").unlink()
    assert [d.id for d in load_bank([bank_dir], cache_dir=cache).decks] == ["deck-0000", "deck-0001"]


def test_cache_fingerprint_covers_every_bank_module() -> None:
    """Editing any loader module (questionrules.py, fieldreader.py, ...) must drop old results."""
    from studyapp.bank import cache

    fingerprint = cache._fingerprint()
    package = Path(cache.__file__).parent
    for module in package.glob("*.py"):
        assert f"{module.name}:" in fingerprint
    assert "textnorm.py:" in fingerprint
