"""``studyapp export``: the questions CSV (every field, formulas neutralised) and what is not written."""

from __future__ import annotations

import csv
import io
from argparse import Namespace
from pathlib import Path

from interophelpers import SAMPLES

from studyapp.interop.commands import run_interop
from studyapp.interop.csvexport import QUESTION_COLUMNS

FORMULA = """
  - id: formula-text
    type: text
    prompt: "=HYPERLINK(\\"http://example.invalid\\")"
    answer: ["+1", "-1"]
    explanation: "@SUM(A1)"
"""

ARROWS_ONLY = """deck: arrows
title: Arrows
questions:
  - id: arrow-match
    type: match
    prompt: Match the arrows.
    pairs:
      "a -> b": right
      c: left
      e: up
"""


def export(tmp_path: Path, deck: str, fmt: str, yaml_text: str) -> tuple[int, str, Path]:
    qdir = tmp_path / "questions"
    qdir.mkdir(exist_ok=True)
    (qdir / f"{deck}.yaml").write_text(yaml_text, encoding="utf-8")
    target = tmp_path / f"out.{fmt}"
    out = io.StringIO()
    args = Namespace(command="export", deck=deck, format=fmt, out=str(target),
                     data_dir=str(tmp_path / "data"), questions=[str(qdir)])
    return run_interop(args, {}, out), out.getvalue(), target


def test_questions_csv_carries_every_field_of_every_question(tmp_path: Path) -> None:
    every = (SAMPLES / "every_type.yaml").read_text(encoding="utf-8") + FORMULA
    status, said, target = export(tmp_path, "every-type", "questions-csv", every)
    assert status == 0 and said.endswith(f"Exported 13 of 13 questions to {target}\n")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert tuple(rows[0]) == QUESTION_COLUMNS
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == 13
    assert by_id["pm-choice"]["choices"] == "Raman Hałoŭčanka\nMaksim Ryžankoŭ\nIhar Karpienka"
    assert by_id["pm-choice"]["answers"] == "Raman Hałoŭčanka" and by_id["pm-choice"]["tags"] == "people\nintro"
    assert by_id["sanctions-multi"]["answers"] == "Canada\nUK"
    assert by_id["fico-congratulated"]["answers"] == "false"
    assert by_id["companies-cloze"]["text"] == "Canada and the UK imposed sanctions on {{three|3}} companies."
    assert by_id["order-events"]["items"] == "2020 unrest\nJanuary 17 statement\nJanuary 26 news conference"
    assert by_id["capitals-match"]["pairs"].splitlines()[0] == "Minsk \u2192 Belarus"
    assert by_id["thaw-card"]["type"] == "card" and by_id["thaw-card"]["answers"].startswith("Small concessions")
    assert by_id["pm-choice"]["explanation"] == "He said the West would #eventually engage {with} Belarus."
    assert by_id["pm-choice"]["line"] == "4" and len(by_id["pm-choice"]["content_hash"]) == 16
    # Shared files are not trusted: a spreadsheet must not run a cell as a formula.
    formula = by_id["formula-text"]
    assert formula["prompt"] == "'=HYPERLINK(\"http://example.invalid\")"
    assert formula["answers"] == "'+1\n-1" and formula["explanation"] == "'@SUM(A1)"


def test_gift_export_with_no_convertible_question_writes_no_file(tmp_path: Path) -> None:
    status, said, target = export(tmp_path, "arrows", "gift", ARROWS_ONLY)
    assert status == 1
    assert "question 'arrow-match' not exported: a left side holds '->'" in said
    assert said.endswith(f"studyapp: no question of deck 'arrows' can be exported as gift; {target} was not written\n")
    assert not target.exists()


def test_the_bundled_deck_exports_whole_to_every_format(tmp_path: Path) -> None:
    for fmt in ("apkg", "gift", "questions-csv"):
        target = tmp_path / f"bundled.{fmt}"
        out = io.StringIO()
        args = Namespace(command="export", deck="belarus-west-2025", format=fmt, out=str(target),
                         data_dir=str(tmp_path / "data"), questions=[])
        assert run_interop(args, {}, out) == 0, out.getvalue()
        assert out.getvalue() == f"Exported 97 of 97 questions to {target}\n"
