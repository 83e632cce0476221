"""The reader's mastery map: how well the questions quoting each sentence are known (plain Python)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from studyapp.articles.blocks import Article
from studyapp.bank.model import Deck
from studyapp.grading import Outcome
from studyapp.ui.deck_model import MASTERED_STABILITY_DAYS
from studyapp.articles.folding import Span
from studyapp.ui.reader_view import Mastery, sentence_mastery

if TYPE_CHECKING:
    from studyapp.store.records import CardState, QuestionHistory

LEARNING_STABILITY_DAYS = 4.0


class MasteryStore(Protocol):
    """What the map reads from the store."""

    def card_states(self, deck: str | None = None) -> dict[tuple[str, str], CardState]: ...

    def question_history(self, deck: str | None = None) -> dict[tuple[str, str], QuestionHistory]: ...


def mastery_of(card: CardState | None, history: QuestionHistory | None) -> Mastery:
    """One question's mastery from its card state and answer history."""
    if history is not None and history.last_outcome in (Outcome.WRONG, Outcome.ALMOST):
        return Mastery.WEAK
    if card is not None and card.stability is not None:
        if card.stability >= MASTERED_STABILITY_DAYS:
            return Mastery.KNOWN
        if card.stability >= LEARNING_STABILITY_DAYS:
            return Mastery.LEARNING
        return Mastery.WEAK if history is not None and history.wrong else Mastery.LEARNING
    if history is not None and history.attempts:
        return Mastery.LEARNING
    return Mastery.UNSEEN


def deck_quotes(deck: Deck) -> list[str]:
    """The quotes of ``deck``'s questions (for the reader's coverage view)."""
    return [q.quote for q in deck.questions if q.quote]


def deck_sentence_mastery(deck: Deck, article: Article | str, store: MasteryStore) -> dict[Span, Mastery]:
    """Each quoted sentence's span in the article → mastery of the questions quoting it."""
    cards = store.card_states(deck.id)
    history = store.question_history(deck.id)
    quotes: dict[str, Mastery] = {}
    order = [Mastery.WEAK, Mastery.LEARNING, Mastery.KNOWN, Mastery.UNSEEN]
    for q in deck.questions:
        if not q.quote:
            continue
        m = mastery_of(cards.get(q.key), history.get(q.key))
        # Several questions may share a quote: keep the weakest studied one.
        prev = quotes.get(q.quote)
        if prev is None or (m is not Mastery.UNSEEN and (prev is Mastery.UNSEEN or order.index(m) < order.index(prev))):
            quotes[q.quote] = m
    return sentence_mastery(article, quotes)
