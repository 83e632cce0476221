"""The peer: the same work done by Anki's own library (``anki`` on PyPI, the Rust backend).

Written against the installed ``anki`` (26.x): ``Collection``, ``col.new_note``/``col.add_note``,
the v3 scheduler's ``get_queued_cards``, ``build_answer`` and ``answer_card``. Anki opens its
collection in WAL mode with ``synchronous=FULL`` (checked and reported by ``pragmas``) and
commits every answer, so "answering a card" is a durable write, like ``record_attempt``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from anki.collection import AddNoteRequest, Collection  # first: anki.cards imports it circularly
from anki.cards import Card  # noqa: I001
from anki.scheduler.v3 import CardAnswer


def _basic(col: Collection) -> tuple[object, int]:
    notetype = col.models.by_name("Basic")
    assert notetype is not None
    return notetype, col.decks.id("Default")


def pragmas(col: Collection) -> str:
    """Anki's journal mode and synchronous level, for the README."""
    journal = col.db.scalar("pragma journal_mode")
    sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(col.db.scalar("pragma synchronous"), "?")
    return f"journal_mode={journal}, synchronous={sync}"


def build_review_collection(path: Path, cards: Sequence[tuple[str, str]], reviews: int = 0) -> None:
    """A collection of ``len(cards)`` Basic notes, all review cards due today, no daily limits,
    and a review log of ``reviews`` earlier answers (``add_review_history``).

    Set-up only (bulk ``add_notes``); the timed part is ``AnkiReviewer.answer_one``.
    """
    col = Collection(str(path))
    try:
        notetype, deck_id = _basic(col)
        requests = []
        for front, back in cards:
            note = col.new_note(notetype)  # type: ignore[arg-type]
            note["Front"] = front
            note["Back"] = back
            requests.append(AddNoteRequest(note=note, deck_id=deck_id))  # type: ignore[arg-type]
        col.add_notes(requests)
        card_ids = col.find_cards("")
        col.sched.set_due_date(card_ids, "0")  # turn them into review cards due today
        conf = col.decks.config_dict_for_deck_id(deck_id)  # type: ignore[arg-type]
        conf["new"]["perDay"] = 9999  # the largest value Anki accepts
        conf["rev"]["perDay"] = 9999  # the largest value Anki accepts
        col.decks.save(conf)
    finally:
        col.close()
    if reviews:
        add_review_history(path, reviews)


def add_review_history(path: Path, reviews: int, *, days: int = 730, seed: int = 7) -> None:
    """Give a closed collection a review log of ``reviews`` answers over the last ``days`` days,
    spread over its cards in time order (ids are the answers' epoch milliseconds, as Anki's are),
    so its ``answer_card`` writes into a log and an index as large as studyapp's history: a log
    of the same size is the same work (random leaves of ``ix_revlog_cid``, a deeper tree).
    Written with SQLite directly (set-up only): Anki has no bulk call for past reviews."""
    import random
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        card_ids = [r[0] for r in conn.execute("SELECT id FROM cards")]
        now_ms = int(time.time() * 1000)
        start = now_ms - days * 86_400_000
        step = max(1, (now_ms - 60_000 - start) // reviews)
        eases = (1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4)
        rows = ((start + i * step, rng.choice(card_ids), -1, rng.choice(eases), rng.randint(1, 200),
                 rng.randint(1, 100), 2500, rng.randint(1_000, 20_000), 1) for i in range(reviews))
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()


class AnkiReviewer:
    """Answers due cards one by one on an open collection; only ``answer_card`` is timed."""

    def __init__(self, path: Path) -> None:
        self.col = Collection(str(path))
        self.pragmas = pragmas(self.col)

    def answer_one(self) -> float:
        """Fetch the next card and its states (untimed), answer it Good (timed)."""
        queued = self.col.sched.get_queued_cards(fetch_limit=1).cards[0]
        card = Card(self.col)
        card._load_from_backend_card(queued.card)
        card.start_timer()
        answer = self.col.sched.build_answer(card=card, states=queued.states, rating=CardAnswer.GOOD)
        start = time.perf_counter()
        self.col.sched.answer_card(answer)
        return time.perf_counter() - start

    def close(self) -> None:
        self.col.close()


def ready_to_study(path: Path, cards: Sequence[tuple[str, str]]) -> float:
    """Seconds from nothing to Anki's first card: open a fresh collection, ``add_note`` each card,
    fetch the first card. ``path`` must not exist yet."""
    start = time.perf_counter()
    col = Collection(str(path))
    notetype, deck_id = _basic(col)
    for front, back in cards:
        note = col.new_note(notetype)  # type: ignore[arg-type]
        note["Front"] = front
        note["Back"] = back
        col.add_note(note, deck_id)  # type: ignore[arg-type]
    card = col.sched.getCard()
    elapsed = time.perf_counter() - start
    assert card is not None
    col.close()
    return elapsed
