"""Benchmark 5: the flashcard queue with 100,000 cards — due and new counts and the next card.

The bank is 100,000 flashcards in 1,000 decks, built in memory with the model's own classes
(parsing 100,000 questions from YAML is benchmark 2's business); the store holds a review
state for 80,000 of them (due dates from months overdue to a year ahead; about a third due
today), the other 20,000 are new, and a short history of answers.

* "counts + next card": on a started ``ReviewSession`` over every deck, just after a card
  was rated (untimed), what the review screen asks for the card it shows next:
  ``session.progress()`` (due and new counts) and ``session.next_card()``. Target ≤ 20 ms median.
* "one card's cycle" (information): ``rate(Good)`` (records the answer: one durable commit)
  plus the same counts and next card.
* "open the queue" (information): ``ReviewSession(...)`` and ``start()``, which loads the card
  states from the store, then the same counts: what opening the review screen costs.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

from harness import Context, Row, paired
from profiling import profile_call

NAME = "queue"

DECKS = 1000
PER_DECK = 100
REVIEWED = 80_000


def memory_bank() -> tuple[object, list[tuple[str, str]]]:
    """1,000 decks of 100 ``CardQuestion`` each, and their keys in order."""
    from pathlib import Path

    from studyapp.bank.model import Bank, CardQuestion, Deck

    decks = []
    keys = []
    for d in range(DECKS):
        deck_id = f"deck-{d:04d}"
        questions = tuple(
            CardQuestion(deck=deck_id, id=f"q{i:03d}", prompt=f"What happened in item {d}-{i}?",
                         answer=f"Answer {d}-{i}", explanation="Because the article says so.",
                         tags=("history",), line=4 + 5 * i)
            for i in range(PER_DECK))
        decks.append(Deck(deck_id, f"Deck {d}", Path(f"/nonexistent/{deck_id}.yaml"), questions))
        keys.extend(q.key for q in questions)
    return Bank(tuple(decks), (), DECKS), keys


def run(ctx: Context) -> list[Row]:
    from gen_history import generate_history
    from studyapp.store import open_store
    from studyapp.study.review_session import ReviewSession

    bank, keys = memory_bank()
    work = ctx.work / "queue"
    work.mkdir(exist_ok=True)
    db = work / "studyapp.sqlite3"
    # Review states for the first 80,000 keys in a shuffled order, so new cards are spread over decks.
    import random

    shuffled = keys[:]
    random.Random(3).shuffle(shuffled)
    generate_history(db, shuffled, answers=100_000, cards=REVIEWED, quizzes=20, days=365, tz=timezone.utc)
    store = open_store(db, backups_dir=work / "backups", tz=timezone.utc, auto_backup=False).store

    def clock() -> datetime:
        return datetime.now(timezone.utc)

    session = ReviewSession(bank, store, now=clock, tz=timezone.utc)
    session.start()

    def counts_and_next() -> object:
        progress = session.progress()
        card = session.next_card()
        return progress, card

    def queue_sample() -> float:
        start = time.perf_counter()
        progress, card = counts_and_next()
        elapsed = time.perf_counter() - start
        assert card is not None
        return elapsed

    def open_once() -> object:
        s = ReviewSession(bank, store, now=clock, tz=timezone.utc)
        s.start()
        p = s.progress()
        s.close()
        return p

    def open_sample() -> float:
        start = time.perf_counter()
        open_once()
        return time.perf_counter() - start

    def rate_sample() -> float:
        from fsrs import Rating

        session.show_answer()
        start = time.perf_counter()
        session.rate(Rating.Good)
        progress, card = counts_and_next()
        elapsed = time.perf_counter() - start
        assert card is not None
        return elapsed

    def after_rating_sample() -> float:
        from fsrs import Rating

        session.show_answer()
        session.rate(Rating.Good)
        return queue_sample()

    rounds = ctx.rounds(30, 8)
    res = paired({"queue": after_rating_sample, "rate": rate_sample, "open": open_sample}, rounds, warmup=1)
    progress = session.progress()
    profile_call(ctx, "queue-next", counts_and_next, repeat=5)
    profile_call(ctx, "queue-open", open_once)
    session.close()
    store.close()
    what = (f"due/new counts + next card, 100,000 cards ({REVIEWED:,} reviewed: {progress.due:,} due today, "
            f"{progress.new} new allowed; {rounds} rounds)")
    return [
        Row("5", what, studyapp=res["queue"], limit=0.020, limit_is_ratio=False),
        Row("5", "one card's cycle: rate Good (answer recorded) + counts + next card", studyapp=res["rate"],
            note="information"),
        Row("5", "open the review queue: ReviewSession + start() + counts (100,000 cards)",
            studyapp=res["open"], note="information"),
    ]
