"""A flashcard answered in its question's own form: the grade, the rating it proposes, the record.

In a graded review the person answers a choice, multi, truefalse, text, cloze, order or match
card as in a quiz; studyapp grades it at once and proposes the rating the grade gives
(``studyapp.study.memory.rating_for``). The person may change it (keys 1–4) before going on;
the answer is then recorded with both: ``rating`` (the one applied) and ``proposed`` (the
grade's), so an override is recorded as such. ``card`` questions are always self-rated, and
so is every card of a classic ("show answer, rate yourself") review: their ``proposed`` is None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from fsrs import Rating

from studyapp.bank.model import AnyQuestion
from studyapp.grading import Grade, Outcome, response_to_json
from studyapp.store import Attempt, Mode
from studyapp.study.quiz_session import Feedback


@dataclass(frozen=True, slots=True)
class ReviewAnswer:
    """A card answered in its own form, graded: what the back of the card shows."""

    response: object  # as given (the ARCHITECTURE's response types)
    grade: Grade
    proposed: Rating  # the rating the grade gives; the person may choose another
    elapsed_ms: int  # from showing the front to answering

    @property
    def outcome(self) -> Outcome:
        return self.grade.outcome

    def feedback(self, question: AnyQuestion) -> Feedback:
        """What the back of the card shows, as a quiz shows it: outcome, right answer, diff,
        explanation and quote."""
        return Feedback(question=question, outcome=self.outcome, expected=self.grade.expected,
                        explanation=question.explanation, quote=question.quote, details=self.grade.details,
                        grade=self.grade, rating=self.proposed)


def review_attempt(
    question: AnyQuestion,
    answer: ReviewAnswer | None,
    rating: Rating,
    *,
    answered_at: datetime,
    elapsed_ms: int,
    session_id: int | None,
) -> Attempt:
    """The attempt a review records: graded (``answer``) or self-rated (``answer`` None)."""
    if answer is None:
        right = rating is not Rating.Again
        return Attempt(
            deck=question.deck, question_id=question.id, content_hash=question.content_hash, mode=Mode.REVIEW,
            response=json.dumps(rating.name.lower()), outcome=Outcome.RIGHT if right else Outcome.WRONG,
            score=1.0 if right else 0.0, elapsed_ms=elapsed_ms, answered_at=answered_at, session_id=session_id,
            rating=int(rating),
        )
    return Attempt(
        deck=question.deck, question_id=question.id, content_hash=question.content_hash, mode=Mode.REVIEW,
        response=response_to_json(answer.response), outcome=answer.outcome, score=answer.grade.score,
        elapsed_ms=answer.elapsed_ms, answered_at=answered_at, session_id=session_id, rating=int(rating),
        qtype=str(question.type), proposed=int(answer.proposed),
    )
