"""What the Browse window reads about questions: due time, memory state, last result, answers.

One statement gives, per question, from ``cards``, ``question_stats`` and ``card_marks`` joined
on their primary keys, the codes the browser keeps (``Status``), computed in SQL so that reading
100,000 questions makes few Python objects:

* ``due_us``: the card's due time (``no_due`` for a question without a card);
* ``memory``: 0 new (no card), 1 learning, 2 review, 3 relearning (fsrs's state; any other
  state counts as learning), 4 suspended (a suspended card or question, whatever its state);
* ``last``: the last answer's outcome, 0 none, 1 wrong, 2 almost, 3 right;
* ``answers``: how many times it was answered;
* ``weak``: 1 when the last answer was wrong, or fewer than ``accuracy`` of at least
  ``min_answers`` answers were right.

``statuses_of`` reads the few questions a table shows (a batch of keys, in their order);
``deck_statuses`` every question of the given decks, for sorting and ``is:`` searches. Both
bring the per-question summaries up to date first (``catchup.summaries_for_reading``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from studyapp.store import catchup

#: (due_us, memory, last, answers, weak): see the module's docstring.
Status = tuple[int, int, int, int, int]


class WeakRule(NamedTuple):
    """What makes a question weak, and the due time of a question without a card."""

    accuracy: float
    min_answers: int
    no_due: int


#: Keys per statement (three parameters each, far under SQLite's limit).
BATCH = 500

_CODES = """coalesce(c.due_us, :no_due),
  CASE WHEN m.suspended THEN 4 WHEN c.state IS NULL THEN 0 WHEN c.state IN (1, 2, 3) THEN c.state ELSE 1 END,
  CASE s.last_outcome WHEN 'wrong' THEN 1 WHEN 'almost' THEN 2 WHEN 'right' THEN 3 ELSE 0 END,
  coalesce(s.attempts, 0),
  coalesce(s.attempts > 0 AND (s.last_outcome = 'wrong'
           OR (s.attempts >= :min_answers AND s.attempts - s.wrong < :accuracy * s.attempts)), 0)"""

_OF_KEYS = """
WITH k(n, deck, question_id) AS (VALUES {values})
SELECT k.n, """ + _CODES + """ FROM k
LEFT JOIN cards c ON c.deck = k.deck AND c.question_id = k.question_id
LEFT JOIN question_stats s ON s.deck = k.deck AND s.question_id = k.question_id
LEFT JOIN card_marks m ON m.deck = k.deck AND m.question_id = k.question_id"""

# Every key of one deck in any of the three tables once: the cards, then answered questions
# without a card, then suspended questions with neither (joined to a row of NULLs for the
# tables they lack).
_OF_DECK = """
SELECT c.question_id, """ + _CODES + """ FROM cards c
LEFT JOIN question_stats s ON s.deck = c.deck AND s.question_id = c.question_id
LEFT JOIN card_marks m ON m.deck = c.deck AND m.question_id = c.question_id
WHERE c.deck = :deck
UNION ALL
SELECT s.question_id, """ + _CODES + """ FROM question_stats s
JOIN (SELECT NULL AS due_us, NULL AS state) c
LEFT JOIN card_marks m ON m.deck = s.deck AND m.question_id = s.question_id
WHERE s.deck = :deck AND NOT EXISTS (SELECT 1 FROM cards x WHERE x.deck = s.deck AND x.question_id = s.question_id)
UNION ALL
SELECT m.question_id, """ + _CODES + """ FROM card_marks m
JOIN (SELECT NULL AS due_us, NULL AS state) c
JOIN (SELECT NULL AS attempts, NULL AS wrong, NULL AS last_outcome) s
WHERE m.deck = :deck AND m.suspended
AND NOT EXISTS (SELECT 1 FROM cards x WHERE x.deck = m.deck AND x.question_id = m.question_id)
AND NOT EXISTS (SELECT 1 FROM question_stats x WHERE x.deck = m.deck AND x.question_id = m.question_id)"""


def _rule_args(rule: WeakRule) -> dict[str, object]:
    return {"accuracy": rule.accuracy, "min_answers": rule.min_answers, "no_due": rule.no_due}


def statuses_of(conn: sqlite3.Connection, keys: Sequence[tuple[str, str]], rule: WeakRule) -> list[Status]:
    """The status of each of ``keys`` (deck id, question id), in the same order."""
    out: list[Status] = [(rule.no_due, 0, 0, 0, 0)] * len(keys)
    with catchup.summaries_for_reading(conn):
        for start in range(0, len(keys), BATCH):
            part = keys[start:start + BATCH]
            sql = _OF_KEYS.format(values=", ".join(f"(:n{n}, :d{n}, :q{n})" for n in range(len(part))))
            args = _rule_args(rule)
            for n, (deck, question_id) in enumerate(part):
                args[f"n{n}"], args[f"d{n}"], args[f"q{n}"] = start + n, deck, question_id
            for n, *status in conn.execute(sql, args):
                out[n] = tuple(status)
    return out


def deck_statuses(conn: sqlite3.Connection, decks: Iterable[str],
                  rule: WeakRule) -> dict[str, list[tuple[str, int, int, int, int, int]]]:
    """Per deck of ``decks``: (question id, *status) of each of its questions the store knows
    (a card, an answer or a mark); the others are new, never answered."""
    with catchup.summaries_for_reading(conn):
        args = _rule_args(rule)
        out = {}
        for deck in decks:
            args["deck"] = deck
            out[deck] = conn.execute(_OF_DECK, args).fetchall()
        return out
