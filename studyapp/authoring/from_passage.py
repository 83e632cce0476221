"""Questions made from a passage of the article: the reader's "Make a question".

The person selects words (or a whole sentence) in the reader; ``passage_draft`` turns that
selection and the sentence around it into a prefilled question of one of four kinds, with
``quote:`` set to the sentence, for the editor to open. The editor's check (the loader's own
rules) then confirms that the quote is found in the deck's article before it can be saved.
"""

from __future__ import annotations

import re
from enum import StrEnum

from studyapp.authoring.draft import Draft
from studyapp.bank.model import QuestionType
from studyapp.messages import QT_TRANSLATE_NOOP


class PassageKind(StrEnum):
    """What "Make a question" can make from a selection."""

    CLOZE = "cloze"  # the sentence, the selection as its gap
    TEXT = "text"  # the sentence with a blank as the prompt, the selection as the answer
    TRUEFALSE = "truefalse"  # the sentence as a true statement
    CARD = "card"  # a flashcard: the selection on the front, the sentence on the back


#: The labels the reader offers, in this order.
PASSAGE_LABELS: dict[PassageKind, str] = {
    PassageKind.CLOZE: QT_TRANSLATE_NOOP("Core", "Fill the gap"),
    PassageKind.TEXT: QT_TRANSLATE_NOOP("Core", "Typed answer"),
    PassageKind.TRUEFALSE: QT_TRANSLATE_NOOP("Core", "True or false"),
    PassageKind.CARD: QT_TRANSLATE_NOOP("Core", "Flashcard"),
}

_BRACES = re.compile(r"[{}]")


def _blank(sentence: str, selection: str, replacement: str) -> str:
    """``sentence`` with its first ``selection`` replaced (the whole sentence when it is not in it)."""
    at = sentence.find(selection)
    if not selection or at < 0:
        return replacement
    return sentence[:at] + replacement + sentence[at + len(selection):]


def passage_draft(kind: PassageKind, selection: str, sentence: str, question_id: str) -> Draft:
    """A prefilled question of ``kind`` from ``selection`` inside ``sentence`` (both plain text),
    quoting the sentence. Braces are taken out of cloze text, where they would mark gaps."""
    selection, sentence = " ".join(selection.split()), " ".join(sentence.split())
    whole = not selection or selection == sentence
    draft: Draft = {"id": question_id, "type": str(QuestionType(kind.value))}
    if kind is PassageKind.CLOZE:
        gap = _BRACES.sub("", selection)
        text = _BRACES.sub("", sentence)
        draft["text"] = text if whole else _blank(text, gap, "{{" + gap + "}}")
    elif kind is PassageKind.TEXT:
        draft["prompt"] = "Complete: " + _blank(sentence, selection, "…") if not whole else sentence
        draft["answer"] = selection
    elif kind is PassageKind.TRUEFALSE:
        draft["prompt"] = sentence
        draft["answer"] = True
    else:
        draft["prompt"] = f"What does the article say about “{selection}”?" if not whole else "What does the article say here?"
        draft["answer"] = sentence
    draft["quote"] = sentence
    return draft
