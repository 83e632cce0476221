"""The list of export formats: a format that converts nothing writes no file and names every question."""

from __future__ import annotations

from pathlib import Path

from studyapp.bank.model import Deck, MatchQuestion
from studyapp.interop.exports import EXPORT_FORMATS, ExportJob, export_gift
from studyapp.safe_write import WritePolicy


def test_gift_with_nothing_convertible_writes_no_file(tmp_path: Path) -> None:
    # GIFT cannot escape '->' on a matching question's left side: this one cannot go.
    q = MatchQuestion(deck="d", id="arrows", prompt="Match", pairs=(("a -> b", "1"), ("c", "2")), line=4)
    deck = Deck("d", "D", tmp_path / "d.yaml", (q,))
    target = tmp_path / "d.gift"
    outcome = export_gift(ExportJob(deck, target, WritePolicy()))
    assert not target.exists() and not outcome.wrote_file
    assert outcome.summary(target) == f"Nothing written to {target}: none of the 1 questions could be exported."
    assert outcome.left_out == (f"{tmp_path / 'd.yaml'}:4: question 'arrows' not exported: "
                                "a left side holds '->', which GIFT cannot escape in a matching question",)


def test_formats_have_distinct_keys_and_labels() -> None:
    """Two CSV formats share a suffix; their keys and the labels the window lists tell them apart."""
    assert len({f.key for f in EXPORT_FORMATS}) == len({f.label for f in EXPORT_FORMATS}) == len(EXPORT_FORMATS)
    assert {f.key for f in EXPORT_FORMATS} >= {"apkg", "gift", "csv", "questions-csv"}
