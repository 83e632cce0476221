"""Percentages as people read them: rounded half up (5 of 8 is 63 %, not Python's 62 %).

Python's ``round`` and the ``%`` format round half to even, and 0.145 × 100 is really
14.4999…; people expect 62.5 → 63 and 14.5 → 15. Every percentage shown (the window,
``studyapp stats``) goes through ``percent`` / ``percent_text``. (Plain float arithmetic, not
``decimal``: the home screen formats percentages at start-up, and importing ``decimal``
would cost that start a few milliseconds.)
"""

from __future__ import annotations

import math


def percent(ratio: float) -> int:
    """``ratio`` (0.625) as a whole percentage, half up (63); for ratios of 0 and more.

    The product is first rounded to 9 decimals, so float noise (14.4999…98) does not
    decide the rounding.

    >>> percent(5 / 8), percent(1 / 8), percent(0.145), percent(0.0), percent(1.0)
    (63, 13, 15, 0, 100)
    """
    return math.floor(round(ratio * 100, 9) + 0.5)


def percent_text(ratio: float | None, missing: str = "—") -> str:
    """``ratio`` as ``"63%"``; ``missing`` when there is none."""
    return missing if ratio is None else f"{percent(ratio)}%"
