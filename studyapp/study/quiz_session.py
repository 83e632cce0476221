"""A quiz in progress: the state machine a quiz view drives.

::

    READY --start()--> ASKING --submit()--> ANSWERED --next()--> ASKING ... (last) --next()/finish()--> FINISHED
      |                  |                     |
      +------------------+---- abandon() ------+--> ABANDONED

Each answer is graded and recorded through the store at once (one transaction, before the
view can show the next question), together with the question's new memory state: the grade
gives an FSRS rating (``studyapp.study.memory``) and the card moves as a review would move it.
``undo()`` takes back the last answer, card state included, and asks that question again.
The session row is written at ``start()`` and closed at ``finish()``/``abandon()``. An
abandoned quiz keeps the answers already given. Calling a method in the wrong state raises
``QuizStateError``. Time comes from the ``now`` callable.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple

from studyapp.bank.model import AnyQuestion, Bank, Deck, MatchQuestion
from studyapp.grading import Grade, GradeDetails, Outcome, describe_response, grade, response_to_json
from studyapp.store import Attempt, CardState, ChangedMeanwhile, Mode, Store
from studyapp.study.memory import AnswerSpeed, rating_for
from studyapp.study.quiz import Quiz, QuizItem, QuizOptions, QuizSource, build_quiz, due_cutoff, quiz_of_questions
from studyapp.study.scheduling import CardScheduler, NextStates, Rating, format_interval

_ONE_MS = timedelta(milliseconds=1)


class QuizState(StrEnum):
    READY = "ready"  # built, not started
    ASKING = "asking"  # a question is shown, waiting for a response
    ANSWERED = "answered"  # the response was graded; feedback is shown
    FINISHED = "finished"  # every question answered
    ABANDONED = "abandoned"  # stopped early; answers given so far are kept


class QuizStateError(RuntimeError):
    """A quiz session method called in a state that does not allow it (a programming error)."""


class Feedback(NamedTuple):
    """What the view shows after an answer (a named tuple: one is made for every answer, inside
    the timed answer of benchmark 11, and a tuple is made in a third of a frozen dataclass's time)."""

    question: AnyQuestion
    outcome: Outcome
    expected: str  # the right answer, human-readable
    explanation: str | None
    quote: str | None  # the passage of the article (for "show in article")
    details: GradeDetails | None  # diff, counts... see studyapp.grading
    grade: Grade
    rating: Rating | None = None  # what the answer told the scheduler
    next_due: datetime | None = None  # when the question is due again after it
    again_in: timedelta | None = None  # from the answer to ``next_due`` (the window writes its own words from it)

    @property
    def memory(self) -> str:
        """What the answer told the scheduler, in words: "Counted as Good: you will see it again
        in 10m." ("" for an answer that did not move the card). English: the command line's."""
        if self.rating is None or self.again_in is None:
            return ""
        return f"Counted as {self.rating.name}: you will see it again in {format_interval(self.again_in)}."


class _Shown(NamedTuple):
    """What answering the question on screen needs, computed when it is shown (as Anki computes
    a card's next states when it shows the card): its stored memory state, the four states the
    ratings would give from that moment, and its content hash. The answer stores the rated state
    only if the card still holds ``before`` (``Store.record_attempt(expect=...)``)."""

    before: CardState | None
    states: NextStates
    content_hash: str


class AnswerRow(NamedTuple):
    """One answered question, for the results screen (a named tuple, as ``Feedback``)."""

    number: int  # 1-based position in the quiz
    question: AnyQuestion
    response: object  # as given to submit()
    expected: str
    outcome: Outcome
    elapsed_ms: int
    attempt_id: int
    card_before: CardState | None = None  # the question's memory state before this answer (undo)

    @property
    def response_text(self) -> str:
        """The response, human-readable (made when the results screen asks for it)."""
        return describe_response(self.question, self.response)

    @property
    def answer_summary(self) -> str:
        """The response for a results table's cell: a match question's as a count of right
        pairs (its pairs in full read like a second copy of the right answer beside it)."""
        q = self.question
        if isinstance(q, MatchQuestion) and isinstance(self.response, Mapping):
            right = sum(1 for left, value in q.pairs if self.response.get(left) == value)
            return f"{right} of {len(q.pairs)} pairs right"
        return self.response_text or "(blank)"

    def details(self) -> str:
        """Everything about this answer in full, for the row's detail pane: the question, the
        response and the right answer, a match question's pairs one a line, each marked."""
        q = self.question
        if isinstance(q, MatchQuestion) and isinstance(self.response, Mapping):
            yours = "\n".join(
                f"✔ {left} → {value}" if self.response.get(left) == value
                else f"✘ {left} → {self.response.get(left, '(nothing)')}"
                for left, value in q.pairs)
            right = "\n".join(f"{left} → {value}" for left, value in q.pairs)
        else:
            yours, right = self.response_text or "(blank)", self.expected
        return f"{q.front}\n\nYour answer:\n{yours}\n\nRight answer:\n{right}"


@dataclass(frozen=True, slots=True)
class QuizResult:
    """The final score and every answer; ``total`` counts the whole quiz, answered or not."""

    correct: int
    answered: int
    total: int
    elapsed: timedelta
    rows: tuple[AnswerRow, ...]
    abandoned: bool
    seed: int

    @property
    def percentage(self) -> float:
        """Right answers as a percentage of all questions of the quiz (0 for an empty one)."""
        return 100.0 * self.correct / self.total if self.total else 0.0

    @property
    def mistakes(self) -> tuple[AnswerRow, ...]:
        return tuple(r for r in self.rows if r.outcome is not Outcome.RIGHT)


def new_quiz(
    bank: Bank | Iterable[Deck], options: QuizOptions, store: Store, now: datetime, tz: tzinfo | None = None
) -> Quiz:
    """Build a quiz with the history its source needs, read from ``store``.

    For ``QuizSource.DUE`` a question is due when its memory state is due before the end of the
    study day (``tz``, default the store's; days starting at the store's ``day_start_hour``):
    ``due_cutoff``, as the deck list counts it. Suspended and buried cards are neither new nor due.
    """
    history = store.question_history(options.deck) if options.source is QuizSource.WEAK else {}
    zone = tz if tz is not None else store.tz
    if options.source in (QuizSource.NEW, QuizSource.DUE):
        cards, hidden = store.card_states(options.deck), store.hidden_cards(store.study_day(now, zone), options.deck)
    else:
        cards, hidden = {}, {}
    cutoff = due_cutoff(now, zone, store.day_start_hour)
    return build_quiz(bank, options, question_history=history, card_states=cards, due_before=cutoff, hidden=hidden)


def _deck_scheduler(store: Store, deck: str) -> CardScheduler:
    from studyapp.study.study_settings import SettingsBook

    return CardScheduler.for_settings(SettingsBook(store).for_deck(deck))


class QuizSession:
    """Drive one quiz: ``start``, then ``submit``/``next`` per question, ``finish`` or ``abandon``."""

    def __init__(
        self, quiz: Quiz, store: Store, *, now: Callable[[], datetime], scheduler: CardScheduler | None = None
    ) -> None:
        if not quiz.items:
            raise ValueError("a quiz session needs at least one question")
        self._quiz = quiz
        self._store = store
        self._now = now
        self._scheduler = scheduler  # one for every question (tests); else each deck's study settings'
        self._schedulers: dict[str, CardScheduler] = {}
        self._speed = AnswerSpeed(store)
        self._state = QuizState.READY
        self._index = 0
        self._rows: list[AnswerRow] = []
        self._feedback: Feedback | None = None
        self._session_id: int | None = None
        self._started: datetime | None = None
        self._ended: datetime | None = None
        self._shown_at: datetime | None = None
        self._shown: _Shown | None = None  # the question on screen's states, from when it was shown

    # -- state --------------------------------------------------------------------------------

    def _scheduler_for(self, deck: str) -> CardScheduler:
        """The scheduler of ``deck``'s questions: its study settings' retention, steps and parameters."""
        if self._scheduler is not None:
            return self._scheduler
        found = self._schedulers.get(deck)
        if found is None:
            found = self._schedulers[deck] = _deck_scheduler(self._store, deck)
        return found

    @property
    def state(self) -> QuizState:
        return self._state

    @property
    def quiz(self) -> Quiz:
        return self._quiz

    @property
    def session_id(self) -> int | None:
        """The stored session's id (None before ``start``)."""
        return self._session_id

    @property
    def total(self) -> int:
        return len(self._quiz.items)

    @property
    def index(self) -> int:
        """0-based position of the current question."""
        return self._index

    @property
    def number(self) -> int:
        """1-based position of the current question, for "Question 3 of 10"."""
        return self._index + 1

    @property
    def is_last(self) -> bool:
        return self._index == self.total - 1

    @property
    def current(self) -> QuizItem:
        """The question being asked or just answered."""
        self._expect(QuizState.ASKING, QuizState.ANSWERED, action="show a question")
        return self._quiz.items[self._index]

    @property
    def feedback(self) -> Feedback:
        """Feedback on the answer just given."""
        self._expect(QuizState.ANSWERED, action="show feedback")
        assert self._feedback is not None
        return self._feedback

    @property
    def correct(self) -> int:
        """Right answers so far (the running score)."""
        return sum(1 for r in self._rows if r.outcome is Outcome.RIGHT)

    @property
    def answered(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> tuple[AnswerRow, ...]:
        return tuple(self._rows)

    @property
    def mistakes(self) -> tuple[AnswerRow, ...]:
        """Answers that were not right (almost counts as a mistake)."""
        return tuple(r for r in self._rows if r.outcome is not Outcome.RIGHT)

    # -- transitions --------------------------------------------------------------------------

    def start(self) -> QuizItem:
        """Record the session and show the first question."""
        self._expect(QuizState.READY, action="start")
        self._started = self._now()
        filters = self._quiz.options.filters()
        if self._quiz.retry_of:
            filters["retry_of"] = [list(k) for k in self._quiz.retry_of]
        self._session_id = self._store.start_session(
            Mode.QUIZ, self._quiz.options.deck, filters, self._quiz.seed, self.total, self._started
        )
        self._state = QuizState.ASKING
        self._shown_at = self._started
        self._show()
        return self.current

    def submit(self, response: object) -> Feedback:
        """Grade ``response`` to the current question and record it; returns the feedback.

        Raises ``TypeError``/``ValueError`` for a response that does not fit the question
        (nothing is recorded) and ``store.SaveError`` if the answer cannot be saved (the
        state stays ``ASKING`` so the view can offer to try again).
        """
        if self._state is not QuizState.ASKING:
            self._expect(QuizState.ASKING, action="submit an answer")
        question = self._quiz.items[self._index].question
        shown = self._shown
        result = grade(question, response)
        answered_at = self._now()
        assert self._shown_at is not None
        elapsed_ms = max(0, (answered_at - self._shown_at) // _ONE_MS)
        qtype = str(question.type)
        right = result.outcome is Outcome.RIGHT
        rating = rating_for(result.outcome, right and self._speed.is_quick(qtype, elapsed_ms))
        attempt = Attempt(  # deck, question, content hash, mode, response, outcome, score, elapsed,
            # answered at, session, rating, question type, proposed rating
            question.deck, question.id, question.content_hash if shown is None else shown.content_hash, Mode.QUIZ,
            response_to_json(response), result.outcome, result.score, elapsed_ms, answered_at, self._session_id,
            int(rating), qtype, int(rating))
        card = None if shown is None else shown.states.at_moment(rating, answered_at)
        if shown is not None and card is not None:
            before = shown.before
            try:
                attempt_id = self._store.record_attempt(attempt, card, expect=before)
            except ChangedMeanwhile:  # something wrote the card since it was shown: read it again
                card = None
        if card is None:
            before = self._store.card_state(question.deck, question.id)
            card = self._scheduler_for(question.deck).rate(question.deck, question.id, before, rating, answered_at)
            attempt_id = self._store.record_attempt(attempt, card)
        self._speed.note(qtype, elapsed_ms, right)
        # number, question, response, expected, outcome, elapsed, attempt id, card before
        self._rows.append(AnswerRow(self._index + 1, question, response, result.expected, result.outcome, elapsed_ms,
                                    attempt_id, before))
        # question, outcome, expected, explanation, quote, details, grade, rating, next due, again in
        self._feedback = Feedback(question, result.outcome, result.expected, question.explanation, question.quote,
                                  result.details, result, rating, card.due, card.due - answered_at)
        self._state = QuizState.ANSWERED
        return self._feedback

    @property
    def can_undo(self) -> bool:
        """Whether an answer of this quiz can be taken back (the quiz is still running)."""
        return bool(self._rows) and self._state in (QuizState.ASKING, QuizState.ANSWERED)

    def undo(self) -> QuizItem:
        """Take back the last answer: it is deleted, the question's memory state is restored
        exactly as it was, and that question is asked again. Raises ``store.SaveError`` (nothing
        changes) if it cannot be saved."""
        self._expect(QuizState.ASKING, QuizState.ANSWERED, action="undo")
        if not self._rows:
            raise QuizStateError("nothing to undo")
        last = self._rows[-1]
        self._store.undo_attempt(last.attempt_id, last.card_before)
        self._rows.pop()
        self._speed.forget(str(last.question.type), last.elapsed_ms, last.outcome is Outcome.RIGHT)
        self._index = last.number - 1
        self._feedback = None
        self._shown_at = self._now()
        self._state = QuizState.ASKING
        self._show()
        return self.current

    def next(self) -> QuizState:
        """Go on to the next question; after the last one, finish. Returns the new state."""
        self._expect(QuizState.ANSWERED, action="go to the next question")
        if self.is_last:
            self.finish()
        else:
            self._index += 1
            self._feedback = None
            self._shown_at = self._now()
            self._state = QuizState.ASKING
            self._show()
        return self._state

    def finish(self) -> QuizResult:
        """Close the quiz after its last answer and return the result."""
        self._expect(QuizState.ANSWERED, action="finish")
        if not self.is_last:
            raise QuizStateError(
                f"cannot finish: question {self.number} of {self.total} answered; abandon() stops early"
            )
        self._close(QuizState.FINISHED)
        return self.result()

    def abandon(self) -> QuizResult:
        """Stop early; the answers already given stay recorded. Returns the result so far."""
        self._expect(QuizState.READY, QuizState.ASKING, QuizState.ANSWERED, action="abandon")
        self._close(QuizState.ABANDONED)
        return self.result()

    def result(self) -> QuizResult:
        """The final result (after ``finish`` or ``abandon``)."""
        self._expect(QuizState.FINISHED, QuizState.ABANDONED, action="show the result")
        elapsed = (self._ended - self._started) if self._started and self._ended else timedelta(0)
        return QuizResult(
            correct=self.correct,
            answered=self.answered,
            total=self.total,
            elapsed=elapsed,
            rows=tuple(self._rows),
            abandoned=self._state is QuizState.ABANDONED,
            seed=self._quiz.seed,
        )

    def retry_quiz(self, seed: int | None = None) -> Quiz:
        """A new quiz of this quiz's mistakes ("Retry my mistakes"), freshly shuffled."""
        self._expect(QuizState.FINISHED, QuizState.ABANDONED, action="retry mistakes")
        mistakes = [r.question for r in self.mistakes]
        if not mistakes:
            raise QuizStateError("no mistakes to retry")
        return quiz_of_questions(mistakes, deck=self._quiz.options.deck, seed=seed)

    # -- internals ----------------------------------------------------------------------------

    def _show(self) -> None:
        """Compute, while the question is on screen, what its answer will apply: the card's
        stored state and its four next states from the moment it was shown. ``submit`` takes the
        rated one, moved to the moment of the answer (``NextStates.at_moment``), unless the card
        changed meanwhile or the answer comes on another day count since the card's last answer."""
        question = self._quiz.items[self._index].question
        assert self._shown_at is not None
        self._shown = None
        try:
            before = self._store.card_state(question.deck, question.id)
            self._speed.threshold(str(question.type))  # the person's pace, ready for the answer
            scheduler = self._scheduler_for(question.deck)
        except sqlite3.Error:
            return  # showing goes on; the answer reads again, and says what fails (as before)
        states = scheduler.next_states(question.deck, question.id, before, self._shown_at)
        self._shown = _Shown(before, states, question.content_hash)

    def _close(self, state: QuizState) -> None:
        self._shown = None
        self._ended = self._now()
        if self._session_id is not None:
            self._store.finish_session(self._session_id, self._ended, abandoned=state is QuizState.ABANDONED)
        self._state = state

    def _expect(self, *allowed: QuizState, action: str) -> None:
        if self._state not in allowed:
            names = " or ".join(s.value for s in allowed)
            raise QuizStateError(f"cannot {action} while the quiz is {self._state.value} (needs {names})")
