"""Questions held in memory (a draft not yet written), each edit checked with the loader's rules.

``HeldDeck`` keeps the questions of a deck being reviewed (``studyapp draft`` output, or a saved
draft opened again) and checks an edited question as if it were in the deck's file: the file's
text is made from the questions (``yamlwrite.dump_deck``) and the edit goes through an
``EditSession`` on those bytes, so the messages (and the fields they belong to) are the ones
``studyapp check`` gives, duplicate ids included. Quotes are checked against the article's text
(folded once) with the loader's own message; nothing is read from or written to a file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from studyapp.articles.folding import FoldedText
from studyapp.authoring.draft import Draft
from studyapp.authoring.editcheck import EditKind, EditResult, FieldProblem
from studyapp.authoring.questionfile import EditError
from studyapp.authoring.session import EditSession
from studyapp.bank.model import AnyQuestion
from studyapp.bank.results import quote_not_in_source
from studyapp.interop.yamlwrite import dump_deck
from studyapp.messages import QT_TRANSLATE_NOOP, Message

HELD_DECK_ID = "held"  # the deck id of the text checked: the real one is checked by the dialog


@dataclasses.dataclass(frozen=True, slots=True)
class HeldCheck:
    """What the rules say of one edited question: its problems, and the question when it has none."""

    question: AnyQuestion | None
    problems: tuple[FieldProblem, ...]

    @property
    def ok(self) -> bool:
        """True when the question may be saved as it is."""
        return self.question is not None and not self.problems


class HeldDeck:
    """The questions of a deck being reviewed; ``check(index, draft)`` judges an edit of one of them."""

    def __init__(self, path: Path, questions: Sequence[AnyQuestion], article: FoldedText | None = None,
                 source_name: str = "") -> None:
        self.path = path
        self.questions = list(questions)
        self.article = article
        self.source_name = source_name
        self._session: EditSession | None = None

    def set_question(self, index: int, q: AnyQuestion) -> None:
        """Question ``index`` now reads ``q`` (an edit that passed the check)."""
        if self.questions[index] != q:
            self.questions[index] = q
            self._session = None  # the other questions' ids are checked against the new text

    def _current(self) -> EditSession:
        if self._session is None:
            text = dump_deck(HELD_DECK_ID, "Held", self.questions)
            self._session = EditSession(self.path, text.encode("utf-8"))
        return self._session

    def check(self, index: int, draft: Draft) -> HeldCheck:
        """The rules' verdict on ``draft`` put in place of question ``index``."""
        old_id = self.questions[index].id
        try:
            result: EditResult = self._current().check(EditKind.REPLACE, old_id, draft)
        except EditError as exc:
            return HeldCheck(None, (FieldProblem(None, 0, 0, str(exc), exc.wording),))
        problems = [*result.problems, *(FieldProblem(None, p.line, p.column, p.message, p.wording) for p in result.elsewhere)]
        if not result.loads and not problems:
            problems.append(_problem(None, Message(QT_TRANSLATE_NOOP("Core", "the question does not load"))))
        quote = draft.get("quote")
        if isinstance(quote, str) and quote.strip() and self.article is not None and not self.article.contains(quote):
            qid = str(draft.get("id", "")) or "?"
            problems.append(_problem("quote", quote_not_in_source(qid, self.source_name)))
        question = result.question if not problems else None
        if question is not None:
            question = dataclasses.replace(question, deck=self.questions[index].deck, line=self.questions[index].line)
        return HeldCheck(question, tuple(problems))


def _problem(field: str | None, message: Message) -> FieldProblem:
    return FieldProblem(field, 0, 0, str(message), message)
