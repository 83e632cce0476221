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
2. review cards due later today (the user's study day, ``tz``), earliest first;
3. new cards in file order, while fewer than ``new_limit`` cards were first reviewed since
   the start of the study day (counted by the store, so other sessions count too);
4. learning cards due within ``LEARN_AHEAD`` (20 minutes), when nothing else is left.

The deck's study settings (``studyapp.study.study_settings``; the default's for an all-decks
session) give the daily limits (new cards, and reviews: cards already learnt answered today,
each once), and each card's scheduler (its deck's retention, steps and FSRS parameters). "Study
more today" (``study_more``) raises today's limits for this deck only. Suspended cards, and
cards buried until the study day is over, are in no part of the queue.

The card on screen can be suspended (``suspend``), buried until tomorrow (``bury``) or flagged
(``set_flag``); ``undo`` takes that back like a rating. A card forgotten (rated Again once learnt)
``leech_threshold`` times, and every half of that again after, becomes a leech: tagged, and
suspended too if the settings say so; ``leech_notice`` says so once.

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
    ClozeGap,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
)
from studyapp.grading import grade
from studyapp.store import CardState, Mode, Store
from studyapp.store.localtime import tomorrow_start
from studyapp.store.marks import DEFAULT_SETTINGS_KEY, CardMark
from studyapp.study.memory import AnswerSpeed, rating_for
from studyapp.study.quiz import QuizItem, make_item
from studyapp.study.review_answer import ReviewAnswer, review_attempt
from studyapp.study.review_queue import ReviewQueue
from studyapp.study.scheduling import CardScheduler, NextStates, lapses_of
from studyapp.study.limits import local_today, new_cards_left, new_cards_today
from studyapp.study.study_settings import LeechAction, SettingsBook, StudySettings

STUDY_MORE_NEW = 10  # "Study more today": new cards added to today's limit
STUDY_MORE_REVIEWS = 50  # ... and reviews

LEARN_AHEAD = timedelta(minutes=20)


class ReviewState(StrEnum):
    READY = "ready"  # built, not started
    SHOWING_FRONT = "showing-front"
    SHOWING_BACK = "showing-back"
    FINISHED = "finished"  # nothing left to review now (``next_due`` says when)
    CLOSED = "closed"  # the view left; the session row is closed


class ReviewStateError(RuntimeError):
    """A review session method called in a state that does not allow it (a programming error)."""


#: fsrs's card states (``fsrs.State`` values) as the flashcard screen names them.
_KIND_NAMES = {1: "Learning", 2: "Review", 3: "Relearning"}


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
    def kind(self) -> str:
        """What the card is to the scheduler, as the screen names it: "New card", "Learning",
        "Relearning" (after a lapse) or "Review" (a learning card is not yet a review)."""
        if self.state is None:
            return "New card"
        return _KIND_NAMES.get(self.state.state, "Review")

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
    def answer_segments(self) -> tuple[tuple[str, bool], ...]:
        """The answer in pieces, each marked True where it fills a cloze gap (so the back can
        show which words were hidden); one unmarked piece for other types."""
        q = self.question
        if not isinstance(q, ClozeQuestion):
            return ((self.answer, False),)
        return tuple((p.answer, True) if isinstance(p, ClozeGap) else (p, False) for p in q.parts)

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
class Leech:
    """A rating made the card a leech: forgotten ``lapses`` times, and ``suspended`` or not."""

    lapses: int
    suspended: bool

    @property
    def notice(self) -> str:
        """The notice in English (the window writes its own in its language)."""
        return (f"Forgotten {self.lapses} times: this card is now tagged “leech”"
                + (" and suspended." if self.suspended else ".")
                + " Rewriting it, or splitting it in two, often helps.")


@dataclass(frozen=True, slots=True)
class _Rated:
    attempt_id: int
    card: ReviewCard  # as it was before the rating
    mark: CardMark | None = None  # the card's marks before, when the rating changed them (a leech)


@dataclass(frozen=True, slots=True)
class _Marked:
    card: ReviewCard  # the card that was suspended, buried or flagged
    before: CardMark  # its marks before


def is_leech_lapse(lapses: int, threshold: int) -> bool:
    """Whether reaching ``lapses`` makes a card a leech (again): at ``threshold``, then every half
    threshold after it, as Anki does."""
    if lapses < threshold:
        return False
    return lapses == threshold or (lapses - threshold) % max(1, threshold // 2) == 0


@dataclass(frozen=True, slots=True)
class _Today:
    day: int  # the study day (date ordinal) these counts are for
    new_seen: int
    reviews_done: int
    more_new: int
    more_reviews: int


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
        new_limit: int | None = None,
        scheduler: CardScheduler | None = None,
        rng: random.Random | None = None,
        graded: bool = False,
        settings: StudySettings | None = None,
    ) -> None:
        if new_limit is not None and new_limit < 0:
            raise ValueError("new_limit cannot be negative")
        self._store = store
        self._now = now
        self._tz = tz if tz is not None else store.tz
        self._deck = deck
        self._book = SettingsBook(store)
        self._settings = settings if settings is not None else self._book.for_deck(deck)
        self._new_limit = new_limit if new_limit is not None else self._settings.new_per_day
        self._review_limit = self._settings.reviews_per_day
        self._scheduler = scheduler  # one for every card (tests); else each deck's own
        self._schedulers: dict[str, CardScheduler] = {}
        self._leech: Leech | None = None
        self._rng = rng if rng is not None else random.Random()  # shuffles a choice's options
        self._graded = graded
        self._speed = AnswerSpeed(store)
        self._answer: ReviewAnswer | None = None  # the graded answer to the card on screen
        # Reads the store as it goes: building it costs nothing (no question or card is read).
        self._queue = ReviewQueue(bank.decks if isinstance(bank, Bank) else tuple(bank), store, deck)
        self._today: _Today | None = None  # today's counts, read again after each change
        self._reviews_today: tuple[int, datetime, int] | None = None  # (day, its start, reviews), kept up to date
        self._hidden_day: int | None = None  # the study day the queue's hidden cards were read for
        self._state = ReviewState.READY
        self._current: ReviewCard | None = None
        self._shown_at: datetime | None = None
        self._history: list[_Rated | _Marked] = []
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
            self._next = self.scheduler_for(q.deck).next_states(q.deck, q.id, card.state, self._now())
        return self._next

    def scheduler_for(self, deck: str) -> CardScheduler:
        """The scheduler of ``deck``'s cards: its study settings' retention, steps and parameters."""
        if self._scheduler is not None:
            return self._scheduler
        found = self._schedulers.get(deck)
        if found is None:
            settings = self._settings if deck == self._deck else self._book.for_deck(deck)
            found = self._schedulers[deck] = CardScheduler.for_settings(settings)
        return found

    @property
    def settings(self) -> StudySettings:
        """The study settings this session follows."""
        return self._settings

    @property
    def leech_notice(self) -> str | None:
        """Set by the rating that made the card just rated a leech (else None)."""
        return self._leech.notice if self._leech is not None else None

    @property
    def leech(self) -> Leech | None:
        """What ``leech_notice`` says, as values: set by the rating that made the card just rated a leech."""
        return self._leech

    def preview(self) -> NextStates:
        """The rating buttons' intervals: ``next_states()``."""
        return self.next_states()

    def progress(self) -> ReviewProgress:
        now = self._now()
        self._refresh_hidden(now)
        due = self._queue.due_count(self._tomorrow(now))
        reviews = self._reviews_allowed(now)
        if reviews is not None:
            due = min(due, reviews) if reviews > 0 else 0
        done = sum(1 for h in self._history if isinstance(h, _Rated))
        return ReviewProgress(done=done, due=due, new=self._queue.new_count(self._new_allowed(now)))

    @property
    def limit_reached(self) -> bool:
        """Whether cards are held back today by a daily limit (new cards, or reviews), so that
        "Study more today" would show more."""
        now = self._now()
        self._refresh_hidden(now)
        if self._new_allowed(now) == 0 and self._queue.new_count(1) > 0:
            return True
        reviews = self._reviews_allowed(now)
        return reviews is not None and reviews <= 0 and self._queue.due_count(self._tomorrow(now)) > 0

    def study_more(self, new: int = STUDY_MORE_NEW, reviews: int = STUDY_MORE_REVIEWS) -> ReviewState:
        """Raise today's limits for this deck (``new`` more new cards, ``reviews`` more reviews),
        for today only, as Anki's custom study does; then look for a card again."""
        self._expect(ReviewState.FINISHED, ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK,
                     action="study more")
        now = self._now()
        self._store.add_study_more(self._deck or DEFAULT_SETTINGS_KEY, self._store.study_day(now, self._tz),
                                   new, reviews)
        self._today = None
        if self._state is ReviewState.FINISHED:
            self._advance()
        return self._state

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
            candidates.append(self._tomorrow(now))
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
        mark_before, mark_after = self._leech_mark(card, new_state)
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
            mark_after,
        )
        if graded is not None:
            self._speed.note(str(q.type), graded.elapsed_ms, graded.outcome == "right")
        self._history.append(_Rated(attempt_id, card, mark_before))
        if card.is_new:
            self._queue.set_new(q.key, False)
        self._count_review(card, 1)
        self._today = None
        if mark_after is not None and mark_after.suspended:
            self._hidden_day = None  # read the hidden cards again
        self._advance()
        return self._state

    def _leech_mark(self, card: ReviewCard, new_state: CardState) -> tuple[CardMark | None, CardMark | None]:
        """(marks before, marks after) when this rating makes the card a leech; else (None, None)."""
        self._leech = None
        lapses = lapses_of(new_state)
        q = card.question
        settings = self._settings if q.deck == self._deck else self._book.for_deck(q.deck)
        if lapses == lapses_of(card.state) or not is_leech_lapse(lapses, settings.leech_threshold):
            return None, None
        before = self._store.card_mark(q.deck, q.id)
        suspend = settings.leech_action is LeechAction.SUSPEND
        after = before._replace(leech=True, suspended=before.suspended or suspend)
        self._leech = Leech(lapses, suspend)
        return before, after

    # -- what the learner sets on the card on screen ------------------------------------------

    def suspend(self) -> ReviewState:
        """Suspend the card on screen (no queue shows it until unsuspended); undo takes it back."""
        return self._mark(lambda m: m._replace(suspended=True))

    def bury(self) -> ReviewState:
        """Bury the card on screen until the study day is over; undo takes it back."""
        day = self._store.study_day(self._now(), self._tz)
        return self._mark(lambda m: m._replace(buried_day=day))

    def set_flag(self, flag: int) -> ReviewCard:
        """Flag the card on screen (1-4: red, orange, green, blue; the same flag again, or 0,
        clears it); it stays on screen. Undo takes it back."""
        if not 0 <= flag <= 4:
            raise ValueError("a flag is 0 (none) or 1-4")
        card = self.current
        q = card.question
        before = self._store.card_mark(q.deck, q.id)
        self._store.put_card_mark(before._replace(flag=0 if before.flag == flag else flag))
        self._history.append(_Marked(card, before))
        return card

    def flag(self) -> int:
        """The flag of the card on screen (0: none)."""
        q = self.current.question
        return self._store.card_mark(q.deck, q.id).flag

    def _mark(self, change: Callable[[CardMark], CardMark]) -> ReviewState:
        self._expect(ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK, action="set a card aside")
        card = self.current
        q = card.question
        before = self._store.card_mark(q.deck, q.id)
        self._store.put_card_mark(change(before))
        self._history.append(_Marked(card, before))
        self._hidden_day = None
        self._advance()
        return self._state

    def undo(self) -> ReviewCard:
        """Take back the last rating: the card's previous state is restored (in the database
        too) and the card is shown again, front first."""
        if not self._history:
            raise ReviewStateError("nothing to undo")
        self._expect(ReviewState.SHOWING_FRONT, ReviewState.SHOWING_BACK, ReviewState.FINISHED, action="undo")
        last = self._history[-1]
        if isinstance(last, _Marked):
            self._store.put_card_mark(last.before)
        else:
            self._store.undo_attempt(last.attempt_id, last.card.state, last.mark)
            if last.card.is_new:
                self._queue.set_new(last.card.question.key, True)
            self._count_review(last.card, -1)
        self._history.pop()
        self._today = None
        self._hidden_day = None
        self._leech = None
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

    def _tomorrow(self, now: datetime) -> datetime:
        return tomorrow_start(now, self._tz, self._store.day_start_hour)

    def _counts(self, now: datetime) -> _Today:
        store = self._store
        day = local_today(now, self._tz, store.day_start_hour).toordinal()
        # The counts change only when this session rates, undoes or studies more, or when the day turns.
        if self._today is None or self._today.day != day:
            more_new, more_reviews = store.study_more(self._deck or DEFAULT_SETTINGS_KEY, day)
            if self._reviews_today is None or self._reviews_today[0] != day:
                since = store.today_start(now, self._tz)
                self._reviews_today = (day, since, store.reviews_since(since, self._deck))
            self._today = _Today(day, new_cards_today(store, now, self._tz, self._deck),
                                 self._reviews_today[2], more_new, more_reviews)
        return self._today

    def _count_review(self, card: ReviewCard, sign: int) -> None:
        """Count (or, undoing, uncount) a rating in today's reviews without asking the store
        again: a card learnt before today, not yet answered today, is one more review."""
        counted = self._reviews_today
        state = card.state
        if counted is not None and state is not None and state.last_review is not None \
                and state.last_review < counted[1]:
            self._reviews_today = (counted[0], counted[1], counted[2] + sign)

    def _new_allowed(self, now: datetime) -> int:
        today = self._counts(now)
        return new_cards_left(self._new_limit + today.more_new, today.new_seen)

    def _reviews_allowed(self, now: datetime) -> int | None:
        today = self._counts(now)
        return max(0, self._review_limit + today.more_reviews - today.reviews_done)

    def _refresh_hidden(self, now: datetime) -> None:
        day = self._store.study_day(now, self._tz)
        if self._hidden_day != day:
            self._queue.set_hidden(self._store.hidden_cards(day, self._deck))
            self._hidden_day = day

    def next_card(self) -> ReviewCard | None:
        """The card that should be shown now, by the rules in the module docstring."""
        now = self._now()
        self._refresh_hidden(now)
        found = self._queue.next_card(now, self._tomorrow(now), self._new_allowed(now), LEARN_AHEAD,
                                      self._reviews_allowed(now))
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
