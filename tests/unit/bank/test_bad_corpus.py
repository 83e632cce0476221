"""The bad-file corpus: every file in tests/data/bad/ has exactly the one problem its table names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bankhelpers import BAD, GOOD

from studyapp.bank.loader import load_bank, load_files

FIRST = GOOD / "all-types.yaml"  # loaded first, so duplicate-deck-id.yaml clashes with it


def _table() -> list[tuple[str, int, int, str]]:
    with (BAD / "expected.tsv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]
    # {first} stands for the path of the file that claimed the deck id first
    return [
        (name, int(line), int(column), message.replace("{first}", str(FIRST))) for name, line, column, message in rows
    ]


TABLE = _table()


def test_the_table_covers_every_bad_file_and_enough_of_them() -> None:
    assert len(TABLE) >= 40
    assert sorted(name for name, *_ in TABLE) == sorted(p.name for p in BAD.glob("*.yaml"))


@pytest.mark.parametrize(("name", "line", "column", "message"), TABLE, ids=[row[0] for row in TABLE])
def test_bad_file_has_exactly_its_one_problem(name: str, line: int, column: int, message: str) -> None:
    path = BAD / name
    bank = load_files([FIRST, path])
    assert [(p.path, p.line, p.column, p.message) for p in bank.problems] == [(path, line, column, message)]
    assert [d.path for d in bank.decks] == [FIRST]  # the bad file is skipped, the good one still loads
    assert 1 <= line <= max(1, path.read_bytes().count(b"\n") + 1)


def test_loading_the_whole_corpus_reports_every_file_and_loads_the_good_ones() -> None:
    bank = load_bank([GOOD, BAD])
    assert {d.id for d in bank.decks} == {"good-all-types", "good-edge-cases"}
    assert sorted((p.path.name, p.line, p.column, p.message) for p in bank.problems) == sorted(TABLE)
    assert bank.files == len(TABLE) + 2


def test_the_python_tag_in_the_corpus_runs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the payload would `touch pwned-by-yaml` here
    path = BAD / "tag-python-apply.yaml"
    assert b"!!python/object/apply:os.system" in path.read_bytes()
    bank = load_files([path])
    assert [p.message for p in bank.problems] == [
        "tag '!!python/object/apply:os.system' is not allowed; question files hold only text, lists and mappings"
    ]
    assert list(tmp_path.iterdir()) == []
