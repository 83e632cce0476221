"""Small question files and an article for the window tests, written into tmp folders."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

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
    choices: list[int | None] = field(default_factory=list)  # answers to dialogs.choose (None: cancel)
    files_to_open: list[Path | None] = field(default_factory=list)
    texts_to_type: list[str | None] = field(default_factory=list)  # answers to dialogs.ask_text (None: cancel)
    picks: list[int | None] = field(default_factory=list)  # answers to dialogs.pick (None: cancel)
    calls: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    opened: list[Path] = field(default_factory=list)

    def texts(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.calls if k == kind]


def add_history(store: Any, bank: Any, now: datetime, days: int = 40, seed: int = 7) -> int:
    """Record quizzes and flashcard reviews over the last ``days`` days; returns answers written."""
    import random
    from datetime import timedelta

    from fsrs import Rating

    from studyapp.grading import Outcome
    from studyapp.store import Attempt, Mode
    from studyapp.study.scheduling import CardScheduler

    rng = random.Random(seed)
    scheduler = CardScheduler()
    questions = [q for d in bank.decks for q in d.questions]
    written = 0
    for back in range(days, 0, -1):
        if rng.random() < 0.3:
            continue
        day = now - timedelta(days=back, hours=rng.randint(0, 5))
        picked = rng.sample(questions, min(len(questions), rng.randint(2, 6)))
        sid = store.start_session(Mode.QUIZ, picked[0].deck, {}, seed, len(picked), day)
        for i, q in enumerate(picked):
            right = rng.random() < 0.4 + 0.5 * (1 - back / days)
            store.record_attempt(Attempt(q.deck, q.id, q.content_hash, Mode.QUIZ, '"x"',
                                         Outcome.RIGHT if right else Outcome.WRONG, 1.0 if right else 0.0,
                                         4000, day + timedelta(seconds=30 * i), session_id=sid))
            written += 1
        store.finish_session(sid, day + timedelta(minutes=5))
        for q in rng.sample(questions, min(len(questions), 3)):
            state = store.card_state(q.deck, q.id)
            rating = rng.choice([Rating.Good, Rating.Good, Rating.Easy, Rating.Again])
            card = scheduler.rate(q.deck, q.id, state, rating, day)
            store.record_attempt(Attempt(q.deck, q.id, q.content_hash, Mode.REVIEW, "true",
                                         Outcome.WRONG if rating == Rating.Again else Outcome.RIGHT,
                                         0.0 if rating == Rating.Again else 1.0, 3000, day, rating=int(rating)), card)
            written += 1
    return written
