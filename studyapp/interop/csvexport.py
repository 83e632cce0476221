"""Export a deck's answer history as CSV, one row per answer, for spreadsheets.

Reads through the store's API (``question_history`` for which questions were answered, then
``attempts_for`` each), so it sees exactly what the app recorded. Times are UTC, ISO 8601.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from studyapp.bank.model import Deck
from studyapp.store import Store

COLUMNS = ("answered_at_utc", "deck", "question_id", "type", "question", "right_answer", "outcome", "question_changed_since")


def history_rows(store: Store, deck_id: str, deck: Deck | None) -> list[tuple[str, ...]]:
    """Every recorded answer of deck ``deck_id``, oldest first (questions no longer in the deck included)."""
    ids = [q.id for q in deck.questions] if deck is not None else []
    for _, qid in sorted(store.question_history(deck_id)):
        if qid not in ids:
            ids.append(qid)
    rows: list[tuple[object, ...]] = []
    for qid in ids:
        question = deck.question(qid) if deck is not None else None
        for attempt_id, content_hash, outcome, answered in store.attempts_for(deck_id, qid):
            changed = "" if question is None else ("yes" if question.content_hash != content_hash else "no")
            rows.append((
                answered, attempt_id,
                answered.isoformat(timespec="seconds"), deck_id, qid,
                str(question.type) if question else "",
                question.front if question else "",
                question.answer_text if question else "",
                str(outcome), changed,
            ))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [tuple(str(v) for v in r[2:]) for r in rows]


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
