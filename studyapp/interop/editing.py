"""Apply an author's edit (prompt text, answer text) to a drafted or imported question.

Used by the review list of File → New deck from article…; kept out of Qt so it is tested directly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.interop.fit import cloze_question, rule_problem

SEPARATOR = "|"  # between several accepted answers in the answer field


class EditError(ValueError):
    """The edit would make the question invalid; the message says why."""


def prompt_of(q: AnyQuestion) -> str:
    """What the prompt field shows: the cloze text for a cloze, else the prompt."""
    return q.text if isinstance(q, ClozeQuestion) else (q.prompt or "")


def answer_of(q: AnyQuestion) -> str:
    """What the answer field shows (several accepted answers joined by ``|``)."""
    if isinstance(q, TrueFalseQuestion):
        return "true" if q.answer else "false"
    if isinstance(q, TextQuestion):
        return f" {SEPARATOR} ".join(q.answers)
    if isinstance(q, MultiQuestion):
        return f" {SEPARATOR} ".join(q.answers)
    if isinstance(q, ChoiceQuestion | CardQuestion):
        return q.answer
    return q.answer_text


def choices_of(q: AnyQuestion) -> tuple[str, ...] | None:
    """The options of a choice or multi question (None for other types)."""
    return q.choices if isinstance(q, ChoiceQuestion | MultiQuestion) else None


def answer_editable(q: AnyQuestion) -> bool:
    """Cloze gaps are edited inside the text; order and match answers are their structure."""
    return not isinstance(q, ClozeQuestion | OrderQuestion | MatchQuestion)


def edit_question(q: AnyQuestion, prompt: str, answer: str, choices: Sequence[str] | None = None,
                  explanation: str | None = None) -> AnyQuestion:
    """``q`` with its prompt (cloze: text) and answer replaced; raises ``EditError`` if that is invalid.

    With ``choices`` (a choice or multi question's options, as the author sees them) the options are
    replaced too, and the answer must be one of them: an option is never rewritten behind the author's back.
    With ``explanation`` the explanation is replaced (an empty one removed).
    """
    if explanation is not None:
        q = dataclasses.replace(q, explanation=explanation.strip() or None)
    prompt = prompt.strip()
    answer = answer.strip()
    edited: AnyQuestion
    if choices is not None and isinstance(q, ChoiceQuestion | MultiQuestion):
        options = tuple(c.strip() for c in choices if c.strip())
        right = (answer,) if isinstance(q, ChoiceQuestion) else tuple(a.strip() for a in answer.split(SEPARATOR) if a.strip())
        missing = [r for r in right if r not in options]
        if missing:
            raise EditError(f"the answer '{missing[0]}' is not one of the choices; add it to the choices or pick one of them")
        if isinstance(q, ChoiceQuestion):
            edited = dataclasses.replace(q, prompt=prompt, choices=options, answer=answer)
        else:
            edited = dataclasses.replace(q, prompt=prompt, choices=options, answers=right)
    elif isinstance(q, ClozeQuestion):
        edited = cloze_question(**{f.name: getattr(q, f.name) for f in dataclasses.fields(q)
                                   if f.init and f.name not in ("text", "parts")}, text=prompt)
    elif isinstance(q, ChoiceQuestion):
        choices = tuple(answer if c == q.answer else c for c in q.choices)
        edited = dataclasses.replace(q, prompt=prompt, choices=choices, answer=answer)
    elif isinstance(q, TrueFalseQuestion):
        if answer.lower() not in ("true", "false"):
            raise EditError("the answer of a true/false question is 'true' or 'false'")
        edited = dataclasses.replace(q, prompt=prompt, answer=answer.lower() == "true")
    elif isinstance(q, TextQuestion):
        answers = tuple(a.strip() for a in answer.split(SEPARATOR) if a.strip())
        edited = dataclasses.replace(q, prompt=prompt, answers=answers)
    elif isinstance(q, MultiQuestion):
        answers = tuple(a.strip() for a in answer.split(SEPARATOR) if a.strip())
        edited = dataclasses.replace(q, prompt=prompt, answers=answers)
    elif isinstance(q, CardQuestion):
        edited = dataclasses.replace(q, prompt=prompt, answer=answer)
    else:
        edited = dataclasses.replace(q, prompt=prompt)
    why = rule_problem(edited)
    if why is not None:
        raise EditError(why)
    return edited
