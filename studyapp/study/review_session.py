"""A flashcard review in progress: the state machine a flashcard view drives.

::

    READY --start()--> SHOWING_FRONT --show_answer()--> SHOWING_BACK --rate()--> SHOWING_FRONT (next card)
                              |                    ^
                              +----- answer() -----+  (graded review: answered in the question's own form)
                              ^                                        \\--> FINISHED (nothing left now)
                              +-------------- undo() ------------------+
    any state --close()--> CLOSED

Which card comes next is decided afresh at each step, at the clock's current time:

1. cards due now, most overdue first (a card rated Again comes back once its step is over);
2. review cards due later today (the user's local day, ``tz``), earliest first;
3. new cards in file order, while fewer than ``new_limit`` cards were first reviewed since
   the start of the local day (counted by the store, so other sessions count too);
4. learning cards due within ``LEARN_AHEAD`` (20 minutes), when nothing else is left.

Every question type is a card: the front is ``question.front`` (with ``front_extra``: the
options of a choice, shuffled afresh at every showing so their order never gives the answer
away), the back the answer, the explanation and the quote.

A graded review (``graded=True``) has the person answer every card but a ``card`` question in
its own form (``answer(response)``, the choices shuffled in ``current.item``): studyapp grades it
at once and proposes the rating the grade gives; ``rate`` may take another one, and the answer is
recorded with both (``studyapp.study.review_answer``). Otherwise, and for ``card`` questions,
the person turns the card over and rates it.

The card's next state for each rating is computed once, when the answer is shown or given
(``next_states``): the buttons show those intervals and ``rate`` stores the chosen state as it
is, with the answer, in one store transaction (the answer is dated at that moment, when the
person recalled it or not). ``undo`` takes back the last rating, in
the database too, restoring the card's previous state exactly.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from fsrs import Rating

from studyapp.bank.model import (
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
)
from studyapp.grading import grade
from studyapp.store import CardState, Mode, Store, tomorrow_start
from studyapp.study.memory import AnswerSpeed, rating_for
from studyapp.study.quiz import QuizItem, make_item
from studyapp.study.review_answer import ReviewAnswer, review_attempt
from studyapp.study.review_queue import ReviewQueue
from studyapp.study.scheduling import CardScheduler, NextStates
from studyapp.study.limits import DEFAULT_NEW_LIMIT, local_today, new_cards_left, new_cards_today

LEARN_AHEAD = timedelta(minutes=20)


class ReviewState(StrEnum):
    READY = "ready"  # built, not started
    SHOWING_FRONT = "showing-front"
    SHOWING_BACK = "showing-back"
    FINISHED = "finished"  # nothing left to review now (``next_due`` says when)
    CLOSED = "closed"  # the view left; the session row is closed


class ReviewStateError(RuntimeError):
    """A review session method called in a state that does not allow it (a programming error)."""


@dataclass(frozen=True, slots=True)
class ReviewCard:
    """A question shown as a flashcard."""

    question: AnyQuestion
    state: CardState | None  # None: a new card
    item: QuizItem | None = None  # the question as shown this time (choices shuffled at each showing)

    @property
    def is_new(self) -> bool:
        return self.state is None

    @property
    def front(self) -> str:
        return self.question.front

    @property
    def form_prompt(self) -> str:
        """The front above the answer input of a graded review (a cloze's text is in the input)."""
        q = self.question
        if isinstance(q, ClozeQuestion):
            return q.prompt or "Fill in the gaps."
        return q.front

    @property
    def choices(self) -> tuple[str, ...]:
        """A choice/multi question's options in the order shown this time."""
        return self.item.choices if self.item is not None else ()

    @property
    def gradable(self) -> bool:
        """Whether the card can be answered in its question's own form (all but ``card``)."""
        return self.question.type is not QuestionType.CARD

    @property
    def front_extra(self) -> str:
        """What the front needs besides the prompt: the options of a choice (in their shown,
        shuffled order), the items to order (sorted), the left-hand items to match."""
        q = self.question
        if isinstance(q, (ChoiceQuestion, MultiQuestion)):
            return "Options: " + " · ".join(self.choices or q.choices)
        if isinstance(q, OrderQuestion):
            return "Put in order: " + " · ".join(sorted(q.items))
        if isinstance(q, MatchQuestion):
            return "Match: " + " · ".join(left for left, _ in q.pairs)
        return ""

    @property
    def answer(self) -> str:
        """The answer; for a cloze the whole text with its gaps filled."""
        q = self.question
        return q.filled_text if isinstance(q, ClozeQuestion) else q.answer_text

    @property
    def back(self) -> str:
        """Answer, explanation and quote as one plain text, blank-line separated."""
        q = self.question
        parts = [self.answer, q.explanation or "", f"“{q.quote}”" if q.quote else ""]
        return "\n\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class ReviewProgress:
    """For the progress line: cards rated this session and what is left today."""

    done: int
    due: int  # cards due today (review, learning and relearning), excluding learning-ahead
    new: int  # new cards still allowed today

    @property
    def remaining(self) -> int:
        return self.due + self.new


@dataclass(frozen=True, slots=True)
class _Rated:
    attempt_id: int
    card: ReviewCard  # as it was before the rating


class ReviewSession:
    """Review the flashcards of one deck (or all decks)."""

    def __init__(
        self,
        bank: Bank | Iterable[Deck],
        store: Store,
        *,
        now: Callable[[], datetime],
        tz: tzinfo | None = None,
        deck: str | None = None,
        new_limit: int = DEFAULT_NEW_LIMIT,
        scheduler: CardScheduler | None = None,
        rng: random.Random | None = None,
        graded: bool = False,
    ) -> None:
        if new_limit < 0:
            raise ValueError("new_limit cannot be negative")
        self._store = store
        self._now = now
        self._tz = tz if tz is not None else store.tz
        self._deck = deck
        self._new_limit = new_limit
        # The FSRS parameters fitted to the person (Statistics → Optimise), else the defaults.
        self._scheduler = scheduler if scheduler is not None else CardScheduler(parameters=store.fsrs_parameters(deck))
        self._rng = rng if rng is not None else random.Random()  # shuffles a choice's options
        self._graded = graded
        self._speed = AnswerSpeed(store)
        self._answer: ReviewAnswer | None = None  # the graded answer to the card on screen
        # Reads the store as it goes: building it costs nothing (no question or card is read).
        self._queue = ReviewQueue(bank.decks if isinstance(bank, Bank) else tuple(bank), store, deck)
        self._seen_today: tuple[date, int] | None = None  # (local day, new cards seen)
        self._state = ReviewState.READY
        self._current: ReviewCard | None = None
        self._shown_at: datetime | None = None
        self._history: list[_Rated] = []
        self._session_id: int | None = None
        self._next: NextStates | None = None  # the current card's next states, once computed

    # -- state --------------------------------------------------------------------------------

    @property
    def state(self) -> ReviewState:
        return self._state

    @property
    def session_id(self) -> int | None:
        return self._session_id

    @property
    def current(self) -> ReviewCard:
        """The card on screen."""
        self._expect(ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK, action="show a card")
        assert self._current is not None
        return self._current

    @property
    def graded(self) -> bool:
        """Whether cards are answered in their own form (else: show the answer, rate yourself).

        May be changed at any time; it applies from the next answer on."""
        return self._graded

    @graded.setter
    def graded(self, graded: bool) -> None:
        self._graded = graded

    @property
    def answers_in_form(self) -> bool:
        """Whether the front on screen is to be answered in its own form (graded, not a ``card``)."""
        return (self._graded and self._state is ReviewState.SHOWING_FRONT and self._current is not None
                and self._current.gradable)

    @property
    def answered(self) -> ReviewAnswer | None:
        """The graded answer to the card on screen, once given (None in a self-rated review)."""
        return self._answer if self._state is ReviewState.SHOWING_BACK else None

    @property
    def can_undo(self) -> bool:
        return bool(self._history) and self._state is not ReviewState.CLOSED

    def next_states(self) -> NextStates:
        """The current card's next state for each rating: computed once per showing (when the
        answer is turned over, or when first asked), so the buttons show what ``rate`` applies."""
        card = self.current
        if self._next is None:
            q = card.question
            self._next = self._scheduler.next_states(q.deck, q.id, card.state, self._now())
        return self._next

    def preview(self) -> NextStates:
        """The rating buttons' intervals: ``next_states()``."""
        return self.next_states()

    def progress(self) -> ReviewProgress:
        now = self._now()
        due = self._queue.due_count(tomorrow_start(now, self._tz))
        return ReviewProgress(done=len(self._history), due=due, new=self._queue.new_count(self._new_allowed(now)))

    def next_due(self) -> datetime | None:
        """When the next card becomes available (for the end screen), or None if never.

        The earliest due time of a reviewed card, or the start of the next local day when new
        cards are held back by the daily limit, whichever comes first.
        """
        now = self._now()
        candidates = []
        earliest = self._queue.earliest_due_after(now)
        if earliest is not None:
            candidates.append(earliest)
        if self._new_allowed(now) == 0 and self._queue.new_count(1) > 0:
            candidates.append(tomorrow_start(now, self._tz))
        return min(candidates) if candidates else None

    # -- transitions --------------------------------------------------------------------------

    def start(self) -> ReviewState:
        """Record the session and show the first card (or FINISHED)."""
        self._expect(ReviewState.READY, action="start")
        now = self._now()
        self._session_id = self._store.start_session(
            Mode.REVIEW, self._deck, {"new_limit": self._new_limit}, None, self.progress().remaining, now
        )
        self._advance()
        return self._state

    def show_answer(self) -> ReviewCard:
        """Turn the card over."""
        self._expect(ReviewState.SHOWING_FRONT, action="show the answer")
        self._state = ReviewState.SHOWING_BACK
        self._next = None  # computed at the moment the answer is shown
        self.next_states()
        return self.current

    def answer(self, response: object) -> ReviewAnswer:
        """Answer the card in its question's own form (a graded review): graded at once, the
        rating the grade gives proposed, the card turned over. Nothing is recorded until ``rate``.

        Raises ``TypeError``/``ValueError`` for a response that does not fit the question
        (nothing changes), ``ReviewStateError`` outside a graded review or for a ``card`` question.
        """
        self._expect(ReviewState.SHOWING_FRONT, action="answer")
        card = self.current
        if not (self._graded and card.gradable):
            raise ReviewStateError("this card is rated by the person: show_answer(), then rate()")
        q = card.question
        result = grade(q, response)
        now = self._now()
        assert self._shown_at is not None
        elapsed_ms = max(0, int((now - self._shown_at) / timedelta(milliseconds=1)))
        quick = result.outcome == "right" and self._speed.is_quick(str(q.type), elapsed_ms)
        self._answer = ReviewAnswer(response, result, rating_for(result.outcome, quick), elapsed_ms)
        self._state = ReviewState.SHOWING_BACK
        self._next = None  # computed at the moment of answering
        self.next_states()
        return self._answer

    def rate(self, rating: Rating) -> ReviewState:
        """Rate the current card (in a graded review: keep or change the proposed rating): record
        the answer and the card's new state, then show the next card."""
        self._expect(ReviewState.SHOWING_BACK, action="rate")
        card = self.current
        q = card.question
        rating = Rating(rating)
        states = self.next_states()
        new_state = states.choose(rating)
        # Dated when the answer was shown or given (the state was computed for that moment, so a
        # replay of the log gives it back); the time taken runs until the rating, as in Anki.
        answered_at, now = states.at, self._now()
        assert self._shown_at is not None
        elapsed_ms = max(0, int((now - self._shown_at) / timedelta(milliseconds=1)))
        graded = self._answer
        attempt_id = self._store.record_attempt(
            review_attempt(q, graded, rating, answered_at=answered_at, elapsed_ms=elapsed_ms,
                           session_id=self._session_id),
            new_state,
        )
        if graded is not None:
            self._speed.note(str(q.type), graded.elapsed_ms, graded.outcome == "right")
        self._history.append(_Rated(attempt_id, card))
        if card.is_new:
            self._queue.set_new(q.key, False)
        self._seen_today = None
        self._advance()
        return self._state

    def undo(self) -> ReviewCard:
        """Take back the last rating: the card's previous state is restored (in the database
        too) and the card is shown again, front first."""
        if not self._history:
            raise ReviewStateError("nothing to undo")
        self._expect(ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK, ReviewState.FINISHED, action="undo")
        last = self._history[-1]
        self._store.undo_attempt(last.attempt_id, last.card.state)
        self._history.pop()
        if last.card.is_new:
            self._queue.set_new(last.card.question.key, True)
        self._seen_today = None
        self._show(last.card)
        return last.card

    def refresh(self) -> ReviewState:
        """When FINISHED, look again: a learning card may have come due since."""
        if self._state is ReviewState.FINISHED:
            self._advance()
        return self._state

    def close(self) -> None:
        """End the session (the view leaves the review screen); records when it finished."""
        if self._state is ReviewState.CLOSED:
            return
        if self._session_id is not None:
            self._store.finish_session(self._session_id, self._now())
        self._state = ReviewState.CLOSED
        self._current = None

    # -- choosing the next card -----------------------------------------------------------------

    def _new_allowed(self, now: datetime) -> int:
        today = local_today(now, self._tz)
        # The count changes only when this session rates or undoes, or when the day turns.
        if self._seen_today is None or self._seen_today[0] != today:
            self._seen_today = (today, new_cards_today(self._store, now, self._tz, self._deck))
        return new_cards_left(self._new_limit, self._seen_today[1])

    def next_card(self) -> ReviewCard | None:
        """The card that should be shown now, by the rules in the module docstring."""
        now = self._now()
        found = self._queue.next_card(now, tomorrow_start(now, self._tz), self._new_allowed(now), LEARN_AHEAD)
        return None if found is None else ReviewCard(*found)

    def _advance(self) -> None:
        card = self.next_card()
        if card is None:
            self._state = ReviewState.FINISHED
            self._current = None
        else:
            self._show(card)

    def _show(self, card: ReviewCard) -> None:
        card = replace(card, item=make_item(card.question, self._rng))  # shuffled afresh at every showing
        self._current = card
        self._answer = None
        self._next = None
        self._shown_at = self._now()
        self._state = ReviewState.SHOWING_FRONT

    def _expect(self, *allowed: ReviewState, action: str) -> None:
        if self._state not in allowed:
            names = " or ".join(s.value for s in allowed)
            raise ReviewStateError(f"cannot {action} while the review is {self._state.value} (needs {names})")
