"""Fixtures for the question-file tests: write a YAML file, load it, and read its problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bankhelpers import Checked

from studyapp.bank.loader import check_file


@pytest.fixture
def check(tmp_path: Path) -> Callable[..., Checked]:
    """``check(text)`` writes ``deck.yaml`` and returns (deck, ["line:col: message", ...])."""

    def run(text: str | bytes, name: str = "deck.yaml") -> Checked:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        deck, problems = check_file(path)
        for p in problems:
            assert p.path == path
        return deck, [f"{p.line}:{p.column}: {p.message}" for p in problems]

    return run
