"""Percentages are rounded half up everywhere: 5 of 8 is 63 %, as people expect (not 62 %)."""

from __future__ import annotations

import pytest

from studyapp.percent import percent, percent_text


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(5, 8, 63), (1, 8, 13), (3, 8, 38), (0, 8, 0), (8, 8, 100), (29, 200, 15), (1, 3, 33), (2, 3, 67)],
)
def test_percent_rounds_half_up(part: int, whole: int, expected: int) -> None:
    assert percent(part / whole) == expected


def test_percent_text() -> None:
    assert percent_text(5 / 8) == "63%"
    assert percent_text(0.0) == "0%"
    assert percent_text(1.0) == "100%"
    assert percent_text(None) == "—"
    assert percent_text(None, missing="–") == "–"


def test_stats_report_rounds_half_up() -> None:
    from studyapp.stats import Accuracy
    from studyapp.statsreport import _pct

    assert _pct(Accuracy(answers=8, right=5)).startswith("63% ")
    assert _pct(Accuracy(answers=0, right=0)) == "–"
