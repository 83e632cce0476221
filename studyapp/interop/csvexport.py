"""Export a deck's answer history as CSV, one row per answer, for spreadsheets; or the deck's
questions themselves, one row per question with every field (``export --format questions-csv``).

Reads the whole history with one ``Store.attempts`` query, so it sees exactly what the app
recorded, oldest first. Every stored column is written; the question's type, text and right
answer are added from the loaded deck (empty for a question no longer in it). Times are UTC,
ISO 8601.

Question files are shared, so their text is not trusted: a cell that a spreadsheet would take
for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, as the
OWASP guidance on CSV injection lists) gets a leading ``'``, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.safe_write import WritePolicy, write_text
from studyapp.store import Store

COLUMNS = (
    "answered_at_utc", "attempt_id", "deck", "question_id", "content_hash", "mode", "response",
    "outcome", "score", "elapsed_ms", "session_id", "rating",
    "type", "question", "right_answer", "question_changed_since",
)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` made safe from spreadsheet formula evaluation (``'`` before a formula start).

    >>> neutralise("=HYPERLINK(\"http://x\")")
    '\'=HYPERLINK("http://x")'
    """
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _text(value: object) -> str:
    return "" if value is None else str(value)


def history_rows(store: Store, deck_id: str, deck: Deck | None) -> list[tuple[str, ...]]:
    """Every recorded answer of deck ``deck_id``, oldest first (questions no longer in the deck included)."""
    questions = {q.id: q for q in deck.questions} if deck is not None else {}
    rows: list[tuple[str, ...]] = []
    for a in store.attempts(deck_id):
        q = questions.get(a.question_id)
        changed = "" if q is None else ("yes" if q.content_hash != a.content_hash else "no")
        rows.append((
            a.answered_at.isoformat(timespec="seconds"), str(a.id), a.deck, a.question_id, a.content_hash,
            str(a.mode), a.response, str(a.outcome), repr(a.score), str(a.elapsed_ms), _text(a.session_id),
            _text(a.rating),
            str(q.type) if q else "", q.front if q else "", q.answer_text if q else "", changed,
        ))
    return rows


def history_csv(rows: list[tuple[str, ...]]) -> str:
    """CSV text with a header row (RFC 4180 quoting, ``\\r\\n`` line ends as spreadsheets expect)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buf.getvalue()


def write_history_csv(store: Store | None, deck_id: str, deck: Deck | None, out: Path, policy: WritePolicy) -> int:
    """Write the CSV (header only when there is no store yet); returns the number of answers.

    Raises ``WriteRefused`` or ``OSError`` (and then ``out`` is as it was, see ``studyapp.safe_write``).
    """
    rows = history_rows(store, deck_id, deck) if store is not None else []
    write_text(out, history_csv(rows), policy, encoding="utf-8-sig")  # BOM: Excel reads UTF-8 then
    return len(rows)


# A list field holds one entry per line; a pair is "left → right".
QUESTION_COLUMNS = (
    "deck", "id", "type", "prompt", "text", "choices", "answers", "pairs", "items",
    "image", "image_alt", "explanation", "quote", "tags", "line", "content_hash",
)
PAIR_SEPARATOR = " \u2192 "


def _answers(q: AnyQuestion) -> tuple[str, ...]:
    if isinstance(q, ChoiceQuestion | CardQuestion):
        return (q.answer,)
    if isinstance(q, MultiQuestion | TextQuestion):
        return q.answers
    if isinstance(q, TrueFalseQuestion):
        return ("true" if q.answer else "false",)
    return ()


def question_row(q: AnyQuestion) -> tuple[str, ...]:
    """Every field of ``q`` as text, in ``QUESTION_COLUMNS`` order."""
    choices = q.choices if isinstance(q, ChoiceQuestion | MultiQuestion) else ()
    pairs = q.pairs if isinstance(q, MatchQuestion) else ()
    items = q.items if isinstance(q, OrderQuestion) else ()
    return (
        q.deck, q.id, str(q.type), _text(q.prompt), q.text if isinstance(q, ClozeQuestion) else "",
        "\n".join(choices), "\n".join(_answers(q)), "\n".join(f"{a}{PAIR_SEPARATOR}{b}" for a, b in pairs),
        "\n".join(items), q.image.path if q.image else "", _text(q.image.alt if q.image else None),
        _text(q.explanation), _text(q.quote), "\n".join(q.tags), str(q.line), q.content_hash,
    )


def questions_csv(deck: Deck) -> str:
    """The deck's questions as CSV text with a header row, formula-like cells neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(QUESTION_COLUMNS)
    writer.writerows([neutralise(cell) for cell in question_row(q)] for q in deck.questions)
    return buf.getvalue()


def write_questions_csv(deck: Deck, out: Path, policy: WritePolicy) -> int:
    """Write the deck's questions as CSV; returns how many. Raises ``WriteRefused`` or ``OSError``."""
    write_text(out, questions_csv(deck), policy, encoding="utf-8-sig")
    return len(deck.questions)
