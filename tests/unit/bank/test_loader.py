"""Folder scanning, skipping broken files, duplicate deck ids, and the `source`/`quote` rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from bankhelpers import GOOD

from studyapp.bank.loader import check_file, load_bank, load_files, scan_folder


def card_deck(deck_id: str, extra: str = "", question: str = "") -> str:
    return (
        f"deck: {deck_id}\ntitle: Deck {deck_id}\n{extra}questions:\n"
        f"  - id: k\n    type: card\n    prompt: F\n    answer: B\n{question}"
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_good_examples_load_cleanly() -> None:
    bank = load_bank([GOOD])
    assert bank.problems == ()
    assert [d.id for d in bank.decks] == ["good-all-types", "good-edge-cases"]
    assert bank.question_count == 14 and bank.files == 2
    assert bank.deck("good-all-types").source == (GOOD / "article.txt").resolve()  # type: ignore[union-attr]


def test_folders_are_scanned_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.yaml", card_deck("b"))
    write(tmp_path / "a" / "z.yml", card_deck("az"))
    write(tmp_path / "a" / "deeper" / "y.yaml", card_deck("ay"))
    write(tmp_path / "notes.txt", "not a question file")
    write(tmp_path / ".hidden.yaml", card_deck("hidden"))
    write(tmp_path / ".git" / "x.yaml", card_deck("git"))
    assert scan_folder(tmp_path) == [
        tmp_path / "a" / "deeper" / "y.yaml",
        tmp_path / "a" / "z.yml",
        tmp_path / "b.yaml",
    ]
    bank = load_bank([tmp_path, tmp_path / "missing-folder"])
    assert [d.id for d in bank.decks] == ["ay", "az", "b"]
    assert bank.files == 3


def test_a_broken_file_is_skipped_and_the_others_load(tmp_path: Path) -> None:
    write(tmp_path / "1.yaml", card_deck("one"))
    broken = write(tmp_path / "2.yaml", card_deck("two", question="  - id: k\n    type: card\n"))
    write(tmp_path / "3.yaml", card_deck("three"))
    bank = load_bank([tmp_path])
    assert [d.id for d in bank.decks] == ["one", "three"]
    assert [str(p) for p in bank.problems] == [
        f"{broken}:8:5: missing field 'prompt' in question 'k'",
        f"{broken}:8:5: missing field 'answer' in question 'k'",
        f"{broken}:8:9: duplicate id 'k', first defined at line 4",
    ]


def test_duplicate_deck_ids_first_in_order_wins(tmp_path: Path) -> None:
    first = write(tmp_path / "a.yaml", card_deck("same"))
    second = write(tmp_path / "b.yaml", "# comment\n" + card_deck("same"))
    bank = load_bank([tmp_path])
    assert [d.path for d in bank.decks] == [first]
    assert [str(p) for p in bank.problems] == [
        f"{second}:2:7: deck id 'same' is already used by {first}; this file is skipped"
    ]


def test_a_broken_file_claims_no_deck_id(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", card_deck("same", extra="colour: red\n"))
    good = write(tmp_path / "b.yaml", card_deck("same"))
    bank = load_bank([tmp_path])
    assert [d.path for d in bank.decks] == [good]
    assert len(bank.problems) == 1 and "unknown field 'colour'" in bank.problems[0].message


def test_load_files_checks_named_files_and_folders_and_their_duplicates(tmp_path: Path) -> None:
    a = write(tmp_path / "x" / "a.yaml", card_deck("same"))
    b = write(tmp_path / "b.yaml", card_deck("same"))
    c = write(tmp_path / "c.txt", card_deck("other"))  # named explicitly: checked whatever its name
    bank = load_files([b, tmp_path / "x", c])
    assert [d.path for d in bank.decks] == [b, c]
    assert [str(p) for p in bank.problems] == [f"{a}:1:7: deck id 'same' is already used by {b}; this file is skipped"]
    assert bank.files == 3


def test_check_file_returns_deck_or_problems(tmp_path: Path) -> None:
    deck, problems = check_file(write(tmp_path / "ok.yaml", card_deck("ok")))
    assert problems == () and deck is not None and deck.id == "ok" and deck.path == tmp_path / "ok.yaml"
    deck, problems = check_file(write(tmp_path / "bad.yaml", card_deck("Bad")))
    assert deck is None and [p.line for p in problems] == [1]


QUOTED = "  - id: q\n    type: card\n    prompt: F\n    answer: B\n    quote: {quote}\n"


@pytest.mark.parametrize(
    "quote",
    [
        "improve ties with the West",
        "“neither  free nor fair” — a sham",  # typographic quotes and dashes, repeated spaces
        '"neither free nor fair" - a sham',
        "ties\n      with the West",  # a line break in the quote is whitespace
    ],
)
def test_quotes_are_found_in_the_source_after_normalising(tmp_path: Path, quote: str) -> None:
    write(
        tmp_path / "seeds" / "article.txt",
        'Minsk wants to improve ties with the West.\nIt was "neither free nor fair" – a sham.\n',
    )
    body = QUOTED.format(quote=f"'{quote}'" if "\n" not in quote else quote)
    deck, problems = check_file(
        write(tmp_path / "questions" / "d.yaml", card_deck("d", extra="source: ../seeds/article.txt\n", question=body))
    )
    assert problems == ()
    assert deck is not None and deck.source == (tmp_path / "seeds" / "article.txt").resolve()


def test_a_quote_not_in_the_source_names_the_question(tmp_path: Path) -> None:
    write(tmp_path / "article.txt", "Minsk wants to improve ties with the West.\n")
    path = write(
        tmp_path / "d.yaml", card_deck("d", extra="source: article.txt\n", question=QUOTED.format(quote="improve Ties"))
    )
    assert [str(p) for p in check_file(path)[1]] == [
        f"{path}:13:12: quote of question 'q' is not in the source article.txt"
        " (compared ignoring whitespace, typographic quotes and dashes; case matters)"
    ]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "/etc/passwd",
            "source must be a path relative to this file (like '../seeds/article.txt'), not the absolute path '/etc/passwd'",
        ),
        (
            "C:/x.txt",
            "source must be a path relative to this file (like '../seeds/article.txt'), not the absolute path 'C:/x.txt'",
        ),
        ("../../x.txt", "source '../../x.txt' climbs more than one folder above this file's folder (at most '../')"),
        (
            "sub/../../../x.txt",
            "source 'sub/../../../x.txt' climbs more than one folder above this file's folder (at most '../')",
        ),
        ("missing.txt", "source file 'missing.txt' does not exist (the path is relative to this file's folder)"),
        ("latin1.txt", "source file 'latin1.txt' is not UTF-8 text"),
        ("binary.txt", "source file 'binary.txt' is not text (it holds NUL bytes)"),
        ("big.txt", "source file 'big.txt' is larger than 1 MiB (1,048,576 bytes)"),
        ("folder", "cannot read source file 'folder': Is a directory"),
        ("[a.txt]", "'source' must be text, not a list"),
    ],
)
def test_bad_sources_are_errors_even_without_quotes(tmp_path: Path, source: str, message: str) -> None:
    folder = tmp_path / "questions"
    write(folder / "latin1.txt", "")
    (folder / "latin1.txt").write_bytes("Café".encode("latin-1"))
    (folder / "binary.txt").write_bytes(b"ab\x00cd")
    (folder / "big.txt").write_bytes(b"x" * (1_048_576 + 1))
    (folder / "folder").mkdir()
    path = write(folder / "d.yaml", card_deck("d", extra=f"source: {source}\n"))
    deck, problems = check_file(path)
    assert deck is None
    assert [(p.line, p.column, p.message) for p in problems] == [(3, 9, message)]


def test_a_source_one_folder_up_is_fine(tmp_path: Path) -> None:
    write(tmp_path / "article.txt", "\ufeffText.\n")
    deck, problems = check_file(write(tmp_path / "q" / "d.yaml", card_deck("d", extra="source: ./../article.txt\n")))
    assert problems == () and deck is not None


def test_a_file_reached_twice_loads_once(tmp_path: Path) -> None:
    path = write(tmp_path / "sub" / "a.yaml", card_deck("a"))
    bank = load_bank([tmp_path, tmp_path / "sub"])
    assert (bank.files, [d.id for d in bank.decks], bank.problems) == (1, ["a"], ())
    bank = load_files([path, tmp_path / "sub" / ".." / "sub" / "a.yaml", tmp_path])
    assert (bank.files, [d.id for d in bank.decks], bank.problems) == (1, ["a"], ())


def test_a_fifo_is_reported_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    bank = load_bank([tmp_path])
    assert [(p.path, p.line, p.message) for p in bank.problems] == [(fifo, 1, "is not a regular file")]


def test_a_source_holding_a_nul_character_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path / "d.yaml", card_deck("d", extra='source: "a\\0b.txt"\n'))
    deck, problems = check_file(path)
    assert deck is None
    assert [(p.line, p.message) for p in problems] == [(3, "source must be a file name; it holds a NUL character (\\0)")]
