"""Small question files and an article for the window tests, written into tmp folders."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

FIXED_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)

ARTICLE = """Minsk has claimed its readiness to improve ties with the West. On January 17, the Prime Minister spoke.
![](https://example.invalid/picture.jpg)
Belarus pushes for dialogue
Belarusian officials assert their interest in normalizing relations. Progress depends on Washington, London and Brussels.
The European Parliament dismissed the election as a sham, while Canada and the UK imposed additional sanctions.
"""

GOOD = """deck: sample-deck
title: Sample deck
source: article.txt
questions:
  - id: capital
    type: choice
    prompt: Which city claimed readiness to improve ties?
    choices: [Minsk, Vilnius, Warsaw]
    answer: Minsk
    quote: Minsk has claimed its readiness to improve ties with the West.
  - id: sanctions
    type: truefalse
    prompt: Canada imposed additional sanctions.
    answer: true
    quote: Canada and the UK imposed additional sanctions
  - id: sham
    type: text
    prompt: How did the European Parliament describe the election?
    answer: a sham
    quote: dismissed the election as a sham
"""

BROKEN = """deck: broken-deck
title: Broken
questions:
  - id: one
    type: choice
    prompt: Pick
    choices: [a, b]
    answer: c
"""


def write_deck(folder: Path, name: str = "sample.yaml", text: str = GOOD, article: str | None = ARTICLE) -> Path:
    """Write a question file (and its article.txt beside it) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if article is not None:
        (folder / "article.txt").write_text(article, encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def deck_yaml(deck: str, title: str, prompt: str = "Pick one", source: str | None = None) -> str:
    """A one-question deck with the given texts (as YAML double-quoted scalars)."""
    src = f"source: {source}\n" if source else ""
    return (
        f"deck: {deck}\ntitle: {json.dumps(title, ensure_ascii=False)}\n{src}questions:\n"
        f"  - id: q1\n    type: choice\n    prompt: {json.dumps(prompt, ensure_ascii=False)}\n"
        "    choices: [yes, no]\n    answer: yes\n"
    )


@dataclass
class ScriptedDialogs:
    """Answers for ``studyapp.ui.dialogs``, and a record of every call."""

    confirm_answers: list[bool] = field(default_factory=list)
    files_to_open: list[Path | None] = field(default_factory=list)
    calls: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    opened: list[Path] = field(default_factory=list)

    def texts(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.calls if k == kind]
