"""The Qt binding itself must not corrupt Python's reference counts.

PySide6 6.12.0 released one reference to ``None`` on every call that returns nothing; on
Python 3.11 the app aborted ("none_dealloc") after a few thousand such calls. pyproject.toml
excludes that release there; this test fails on any binding with the same bug.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_leak_or_steal_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.resize(10, 10)
    # Other code may take or drop a handful of references; the bug drops 4000.
    assert abs(sys.getrefcount(None) - before) < 100
