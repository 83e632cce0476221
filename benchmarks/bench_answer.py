"""Benchmark 11: one graded answer in the unified memory model, against Anki's ``answer_card``.

* studyapp: ``QuizSession.submit(response)`` on the 10,000-question bank and a copy of the
  generated history (1,000,000 answers): grade the answer, its rating (right → Good, or Easy when
  quick for the person), the card's new FSRS-6 state (fuzz seeded per card), and record the
  answer with it in one ``BEGIN IMMEDIATE`` … ``COMMIT`` (WAL, ``synchronous=FULL``). The answers
  are right ones to true/false and choice questions; moving to the next question is not timed:
  as Anki does when it shows a card, the quiz then reads the card and computes its four next
  states, and the answer applies the rated one, moved to the answer's moment.
* Anki: ``col.sched.answer_card`` (Good) of a due review card on a 10,000-card collection with
  a review log as long as studyapp's history (1,000,000 reviews over two years), the card and
  its states fetched untimed (Anki computes the states when it shows the card), as in
  benchmark 3. (Earlier versions of this benchmark started Anki's log empty, so its answers
  wrote into a small, cached log and index while studyapp's wrote into a million-row one.)

Each round times one of each in a shuffled order; 1,000 rounds (200 with ``--quick``).
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

import data
from harness import Context, Row, paired
from profiling import profile_call

NAME = "answer"


def run(ctx: Context) -> list[Row]:
    from anki_side import AnkiReviewer, build_review_collection
    from studyapp.bank.loader import load_bank
    from studyapp.bank.model import ChoiceQuestion, TrueFalseQuestion
    from studyapp.store import open_store
    from studyapp.study.quiz import Quiz, QuizItem, QuizOptions
    from studyapp.study.quiz_session import QuizSession, QuizState

    generated = data.bank(ctx)
    bank = load_bank([generated.questions_dir])
    db = data.history_copy(ctx, "answer")
    store = open_store(db, backups_dir=db.parent / "backups", tz=timezone.utc, auto_backup=False).store
    questions = [q for d in bank.decks for q in d.questions if isinstance(q, (TrueFalseQuestion, ChoiceQuestion))]
    rounds = ctx.rounds(1000, 200)
    items = tuple(QuizItem(q, choices=q.choices if isinstance(q, ChoiceQuestion) else ())
                  for q in (questions * (rounds // max(1, len(questions)) + 2))[: rounds + 60])
    session = QuizSession(Quiz(items, QuizOptions(count=len(items)), seed=1), store,
                          now=lambda: datetime.now(timezone.utc))
    session.start()

    anki_path = ctx.work / "answer" / "collection.anki2"
    history = data.history(ctx)
    build_review_collection(anki_path, generated.cards, reviews=history.answers)  # the same history on both sides
    anki = AnkiReviewer(anki_path)

    def studyapp_sample() -> float:
        if session.state is not QuizState.ASKING:
            session.next()  # untimed: show the next question
        question = session.current.question
        response: object = question.answer
        start = time.perf_counter()
        session.submit(response)
        return time.perf_counter() - start

    res = paired({"studyapp": studyapp_sample, "anki": anki.answer_one}, rounds, warmup=20)
    profile_call(ctx, "answer", studyapp_sample, repeat=30)
    anki_settings = anki.pragmas
    conn = store.connection
    sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(conn.execute("PRAGMA synchronous").fetchone()[0], "?")
    own_settings = f"journal_mode={conn.execute('PRAGMA journal_mode').fetchone()[0]}, synchronous={sync}"
    # The same durability on both sides, or the comparison says nothing: every answer flushed.
    assert own_settings == anki_settings, (own_settings, anki_settings)
    anki.close()
    store.close()
    return [
        Row("11", f"one graded answer: grade + rating + FSRS update + record, one transaction "
                 f"({history.answers:,}-answer history on both sides; {rounds} rounds; {own_settings})",
            studyapp=res["studyapp"],
            baseline_name=f"Anki answer_card ({anki_settings})", baseline=res["anki"], limit=1.0, show_p99=True),
    ]
