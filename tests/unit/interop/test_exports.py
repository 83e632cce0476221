"""The list of export formats: a format that converts nothing writes no file and names every question."""

from __future__ import annotations

from pathlib import Path

from studyapp.bank.model import Deck
from studyapp.interop.exports import EXPORT_FORMATS, ExportJob, export_gift
from studyapp.interop.fit import cloze_question
from studyapp.safe_write import WritePolicy


def test_gift_with_nothing_convertible_writes_no_file(tmp_path: Path) -> None:
    q = cloze_question(deck="d", id="two-gaps", text="{{Minsk}} is the capital of {{Belarus}}.", line=4)
    deck = Deck("d", "D", tmp_path / "d.yaml", (q,))
    target = tmp_path / "d.gift"
    outcome = export_gift(ExportJob(deck, target, WritePolicy()))
    assert not target.exists() and not outcome.wrote_file
    assert outcome.summary(target) == f"Nothing written to {target}: none of the 1 questions could be exported."
    assert outcome.left_out == (f"{tmp_path / 'd.yaml'}:4: question 'two-gaps' not exported: "
                                "GIFT has one gap per question; this cloze has several",)


def test_formats_have_distinct_keys_and_suffixes() -> None:
    assert len({f.key for f in EXPORT_FORMATS}) == len({f.suffix for f in EXPORT_FORMATS}) == len(EXPORT_FORMATS)
