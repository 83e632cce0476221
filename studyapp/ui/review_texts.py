"""The flashcard screen's texts about a card, written in the window's language.

The core names a card's kind (``ReviewCard.kind``), its front's extra line (``front_extra``) and
a new leech (``ReviewSession.leech_notice``) in English; the window writes the same from the
card's values here, through the translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studyapp.bank.model import ChoiceQuestion, MatchQuestion, MultiQuestion, OrderQuestion
from studyapp.study.review_session import Leech, ReviewCard
from studyapp.ui.translation import QT_TRANSLATE_NOOP, number_text

#: ``ReviewCard.kind``'s names, for the translators.
KINDS = (QT_TRANSLATE_NOOP("ReviewTexts", "New card"), QT_TRANSLATE_NOOP("ReviewTexts", "Learning"),
         QT_TRANSLATE_NOOP("ReviewTexts", "Review"), QT_TRANSLATE_NOOP("ReviewTexts", "Relearning"))


def card_kind(card: ReviewCard) -> str:
    """What the card is to the scheduler: "New card", "Learning", "Relearning" or "Review"."""
    return QCoreApplication.translate("ReviewTexts", card.kind)


def front_extra(card: ReviewCard) -> str:
    """What the front needs besides the prompt: the options of a choice (in their shown order),
    the items to order (sorted), the left-hand items to match; "" for the other types."""
    translate = QCoreApplication.translate
    q = card.question
    if isinstance(q, (ChoiceQuestion, MultiQuestion)):
        return translate("ReviewTexts", "Options: {options}").format(options=" · ".join(card.choices or q.choices))
    if isinstance(q, OrderQuestion):
        return translate("ReviewTexts", "Put in order: {items}").format(items=" · ".join(sorted(q.items)))
    if isinstance(q, MatchQuestion):
        return translate("ReviewTexts", "Match: {items}").format(items=" · ".join(left for left, _ in q.pairs))
    return ""


def leech_text(leech: Leech | None) -> str:
    """The notice of a card the last rating made a leech ("" when it did not)."""
    if leech is None:
        return ""
    translate = QCoreApplication.translate
    lapses = number_text(leech.lapses)
    if leech.suspended:
        text = translate("ReviewTexts", "Forgotten {lapses} times: this card is now tagged “leech” and suspended. "
                                   "Rewriting it, or splitting it in two, often helps.")
    else:
        text = translate("ReviewTexts", "Forgotten {lapses} times: this card is now tagged “leech”. "
                                   "Rewriting it, or splitting it in two, often helps.")
    return text.format(lapses=lapses)
