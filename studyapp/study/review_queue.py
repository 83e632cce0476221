"""The flashcard queue: which card is next, and how many are due, asked of the store card by card.

Nothing is loaded up front: with 100,000 cards, reading every card state took half a second
(see benchmarks/bench_queue.py). Instead each question is answered by an indexed query:

* due cards come from ``Store.due_cards`` in due order, a few rows at a time; cards with the
  same due time are put in file order here (SQL does not know the file order);
* the due count is ``Store.due_count`` minus the cards of decks that are not loaded;
* new cards are found by walking the questions in file order, a chunk at a time checked with
  ``Store.reviewed_among``, only as far as the daily limit needs.

Cards whose question is no longer in the bank are never shown. Those of a deck that is not
loaded at all are left out by the queries (``Store.card_decks`` finds such decks with one index
seek per deck); those of a question deleted from a loaded deck are skipped when met, and left
out of the due count from then on (finding them all up front would mean reading every card).

Cards the learner suspended or buried (``hidden``, a few, read once by the session each study
day) are in no part of the queue: skipped among the due cards, left out of the due count and
passed over by the new-card walk. When the day's reviews are used up (``reviews_allowed`` 0),
review cards wait; learning and relearning cards still come.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from operator import attrgetter

from fsrs import State

from studyapp.bank.model import AnyQuestion, Deck
from studyapp.store import CardState, Store

Key = tuple[str, str]
_ONE_US = timedelta(microseconds=1)
_NEVER = datetime.max.replace(tzinfo=timezone.utc)
_BATCH = 8  # due rows read per query; more only when ties or skipped rows fill a batch
_FIRST_CHUNK, _MAX_CHUNK = 64, 4096  # questions checked per query by the new-card walk


_question_id = attrgetter("id")


def _is_review(card: CardState) -> bool:
    return card.state == State.Review


def _is_learning(card: CardState) -> bool:
    return card.state != State.Review


class ReviewQueue:
    """The questions of ``decks`` (in file order) with their card states in ``store``.

    ``deck`` narrows the store's queries to one deck (None: every deck). The queue must be told
    when a card stops or starts being new (``set_new``); everything else is read afresh.
    """

    def __init__(self, decks: Sequence[Deck], store: Store, deck: str | None = None) -> None:
        self._decks = tuple(d for d in decks if deck is None or d.id == deck)
        self._store = store
        self._deck = deck
        self._starts: list[int] = []  # position of each deck's first question
        self._deck_index: dict[str, list[int]] = {}
        size = 0
        for i, d in enumerate(self._decks):
            self._starts.append(size)
            self._deck_index.setdefault(d.id, []).append(i)
            size += len(d.questions)
        self._size = size
        self._ids: dict[str, dict[str, int]] = {}  # deck id -> question id -> position, built on first use
        self._unloaded_decks: frozenset[str] | None = None  # decks with cards but no questions here
        self._orphans: dict[Key, datetime] = {}  # cards met whose question is gone (-> due time)
        self._new_found: list[int] = []  # positions of new cards before ``_scanned_to``, in order
        self._scanned_to = 0
        self._hidden: dict[Key, datetime | None] = {}  # suspended/buried cards -> due (None: new)

    def set_hidden(self, hidden: dict[Key, datetime | None]) -> None:
        """The cards kept out of the queue (suspended, or buried today), with their due times."""
        if hidden == self._hidden:
            return
        self._hidden = dict(hidden)
        self._new_found = []  # walk again: a card may have been hidden or shown again
        self._scanned_to = 0

    # -- positions ------------------------------------------------------------------------------

    def _position(self, deck_id: str, question_id: str) -> int | None:
        ids = self._ids.get(deck_id)
        if ids is None:
            ids = {}
            for i in reversed(self._deck_index.get(deck_id, ())):  # reversed: the first of equal ids wins
                questions = self._decks[i].questions
                base = self._starts[i]
                ids.update(zip(map(_question_id, reversed(questions)), range(base + len(questions) - 1, base - 1, -1)))
            self._ids[deck_id] = ids
        return ids.get(question_id)

    def _question(self, pos: int) -> AnyQuestion:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._decks[i].questions[pos - self._starts[i]]

    def _unloaded(self) -> frozenset[str]:
        if self._unloaded_decks is None:
            if self._deck is None:
                stored = self._store.card_decks()
            else:
                stored = [self._deck]
            self._unloaded_decks = frozenset(d for d in stored if d not in self._deck_index)
        return self._unloaded_decks

    # -- new cards ------------------------------------------------------------------------------

    def _find_new(self, wanted: int) -> None:
        """Walk on in file order until ``wanted`` new cards are known (or every question was seen).

        Questions are checked against the store a chunk at a time, the chunks growing, so finding
        the next few new cards reads a few rows however large the deck."""
        found = self._new_found
        chunk = _FIRST_CHUNK
        while len(found) < wanted and self._scanned_to < self._size:
            i = bisect.bisect_right(self._starts, self._scanned_to) - 1
            deck, base = self._decks[i], self._starts[i]
            j = self._scanned_to - base
            ids = [q.id for q in deck.questions[j:j + chunk]]
            reviewed = self._store.reviewed_among(deck.id, ids)
            hidden = self._hidden
            for qid in ids:
                if len(found) == wanted:
                    break
                if qid not in reviewed and (deck.id, qid) not in hidden:
                    found.append(base + j)
                j += 1
            self._scanned_to = base + j
            chunk = min(chunk * 4, _MAX_CHUNK)

    def new_count(self, at_most: int) -> int:
        """How many questions were never reviewed, counted up to ``at_most`` (the daily allowance)."""
        self._find_new(at_most)
        return min(at_most, len(self._new_found))

    def set_new(self, key: Key, new: bool) -> None:
        """A card stopped being new (its first rating) or became new again (that rating undone)."""
        pos = self._position(*key)
        if pos is None:
            return
        i = bisect.bisect_left(self._new_found, pos)
        if not new:
            if i < len(self._new_found) and self._new_found[i] == pos:
                del self._new_found[i]
        elif pos < self._scanned_to and (i == len(self._new_found) or self._new_found[i] != pos):
            self._new_found.insert(i, pos)

    # -- reviewed cards -------------------------------------------------------------------------

    def _first_due(self, before: datetime, after: datetime | None = None,
                   keep: Callable[[CardState], bool] = lambda card: True) -> tuple[int, CardState] | None:
        """The card due earliest in (``after``, ``before``) that ``keep`` accepts; among cards due
        at the same instant, the first in file order."""
        unloaded = self._unloaded()
        hidden = self._hidden
        limit = _BATCH + len(self._orphans) + len(hidden)
        learning_only = keep is _is_learning  # read through the learning index: no review card is read
        while True:
            batch = self._store.due_cards(before, self._deck, limit, after=after, exclude_decks=unloaded,
                                          learning_only=learning_only)
            best: tuple[int, CardState] | None = None
            past_ties = False
            for card in batch:
                if best is not None and card.due > best[1].due:
                    past_ties = True
                    break
                if (card.deck, card.question_id) in hidden:
                    continue
                pos = self._position(card.deck, card.question_id)
                if pos is None:  # its question was removed from the file
                    self._orphans[(card.deck, card.question_id)] = card.due
                    continue
                if keep(card) and (best is None or pos < best[0]):
                    best = (pos, card)
            if past_ties or len(batch) < limit:
                return best
            limit *= 4  # the batch ended on a tie or held only skipped rows: read further

    def due_count(self, before: datetime) -> int:
        """Reviewed cards of the queue's questions due before ``before``."""
        store = self._store
        count = store.due_count(before, self._deck)
        count -= sum(store.due_count(before, d) for d in self._unloaded())
        count -= sum(1 for due in self._orphans.values() if due < before)
        count -= sum(1 for (deck, _), due in self._hidden.items()
                     if due is not None and due < before and deck in self._deck_index
                     and (deck, _) not in self._orphans)
        return count

    def earliest_due_after(self, moment: datetime) -> datetime | None:
        """The first due time later than ``moment`` of any reviewed card."""
        found = self._first_due(_NEVER, after=moment)
        return None if found is None else found[1].due

    def next_card(
        self, now: datetime, end_of_day: datetime, new_allowed: int, learn_ahead: timedelta,
        reviews_allowed: int | None = None,
    ) -> tuple[AnyQuestion, CardState | None] | None:
        """The card to show now: due now (most overdue first), review cards due later today,
        new cards (if ``new_allowed``), then learning cards due within ``learn_ahead``. Review
        cards only while ``reviews_allowed`` (None: no limit) is above 0."""
        reviews_ok = reviews_allowed is None or reviews_allowed > 0
        found = self._first_due(now + _ONE_US, keep=(lambda card: True) if reviews_ok else _is_learning)
        if found is None and reviews_ok:
            found = self._first_due(end_of_day, keep=_is_review)
        if found is None and new_allowed > 0 and self.new_count(1) > 0:
            return self._question(self._new_found[0]), None
        if found is None:
            found = self._first_due(now + learn_ahead + _ONE_US, keep=_is_learning)
        return None if found is None else (self._question(found[0]), found[1])
