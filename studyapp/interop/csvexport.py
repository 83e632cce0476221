"""Export a deck's answer history as CSV, one row per answer, for spreadsheets.

Reads the whole history with one ``Store.attempts`` query, so it sees exactly what the app
recorded, oldest first. Every stored column is written; the question's type, text and right
answer are added from the loaded deck (empty for a question no longer in it). Times are UTC,
ISO 8601.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from studyapp.bank.model import Deck
from studyapp.store import Store

COLUMNS = (
    "answered_at_utc", "attempt_id", "deck", "question_id", "content_hash", "mode", "response",
    "outcome", "score", "elapsed_ms", "session_id", "rating",
    "type", "question", "right_answer", "question_changed_since",
)


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
    writer.writerows(rows)
    return buf.getvalue()


def write_history_csv(store: Store | None, deck_id: str, deck: Deck | None, out: Path) -> int:
    """Write the CSV (header only when there is no store yet); returns the number of answers."""
    rows = history_rows(store, deck_id, deck) if store is not None else []
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(history_csv(rows), encoding="utf-8-sig", newline="")  # BOM: Excel reads UTF-8 then
    return len(rows)
