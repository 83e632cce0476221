"""Grading: compare a response with a question's answer and say how it went."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """How an answer went. ``ALMOST`` (a near-miss typo) counts as wrong in the score."""

    RIGHT = "right"
    ALMOST = "almost"
    WRONG = "wrong"
