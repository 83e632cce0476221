"""The ``Store``: every read and write of answers, sessions and card states.

Each write is one ``BEGIN IMMEDIATE`` ... ``COMMIT`` transaction on a connection in autocommit
mode; any failure rolls it back and raises ``SaveError``, so nothing is half-written.
Build one with ``studyapp.store.open_store``.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.store import answer_write, catchup, due_queries, retention
from studyapp.store.answer_write import Unchecked
from studyapp.store.db import mark_for_check
from studyapp.store.errors import ChangedMeanwhile, SaveError, SaveFailure, StoreError, is_damage, save_failure_of
from studyapp.store.localtime import EPOCH, from_us, local_day, to_us, today_start, tomorrow_start
from studyapp.store.marks import DEFAULT_SETTINGS_KEY, CardMark, day_start_hour_of, read_marks, write_mark
from studyapp.store.records import Attempt, AttemptRow, CardState, Mode, QuestionHistory, SessionRecord, session_from_row

if TYPE_CHECKING:
    from studyapp.grading import Outcome
    from studyapp.store.summaries import Summaries


def _outcomes() -> dict[str, Outcome]:
    """Stored text -> ``Outcome`` (a dict lookup is several times faster than ``Outcome(text)``)."""
    # Imported on first use: studyapp.grading loads rapidfuzz and anyascii, which recording
    # an answer or opening the store does not need (start-up time).
    from studyapp.grading import Outcome

    return {o.value: o for o in Outcome}


_UPSERT_CARD = """
INSERT INTO cards (deck, question_id, fsrs_json, due_us, stability, state, last_review_us, first_review_us)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (deck, question_id) DO UPDATE SET
    fsrs_json = excluded.fsrs_json, due_us = excluded.due_us, stability = excluded.stability,
    state = excluded.state, last_review_us = excluded.last_review_us"""
_COUNT_SESSION = """
UPDATE sessions SET answered = answered + ?, right = right + ?, score_sum = score_sum + ? WHERE id = ?"""
_ONE_US = timedelta(microseconds=1)
_CARD_COLUMNS = "deck, question_id, fsrs_json, due_us, stability, state, last_review_us"


def _card_from_row(row: tuple[Any, ...]) -> CardState:
    deck, qid, fsrs_json, due_us, stability, state, last_us = row
    return CardState(deck, qid, fsrs_json, from_us(due_us), stability, state,
                     None if last_us is None else from_us(last_us))


def _parameters_text(parameters: Sequence[float] | None) -> str | None:
    import json

    return None if parameters is None else json.dumps([float(p) for p in parameters])


def _parameters_from(text: str | None) -> tuple[float, ...] | None:
    import json

    return None if text is None else tuple(float(p) for p in json.loads(text))


def review_log(conn: sqlite3.Connection, deck: str | None = None) -> dict[tuple[str, str], list[tuple[int, int, int]]]:
    """``Store.review_log`` on any connection to the database (the optimiser's own, read-only)."""
    rows = conn.execute(
        "SELECT deck, question_id, rating, day, answered_us FROM attempts WHERE rating IS NOT NULL "
        "AND (? IS NULL OR deck = ?) ORDER BY answered_us, id", (deck, deck))
    found: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    for d, q, rating, day, at in rows:
        found.setdefault((d, q), []).append((rating, day, at))
    return found


def card_memory(conn: sqlite3.Connection, deck: str | None = None) -> list[tuple[float, float, int, int]]:
    """``Store.card_memory`` on any connection to the database (the statistics' own, read-only)."""
    rows = conn.execute(
        "SELECT stability, json_extract(fsrs_json, '$.difficulty'), last_review_us, due_us FROM cards "
        "WHERE stability IS NOT NULL AND last_review_us IS NOT NULL AND (? IS NULL OR deck = ?)", (deck, deck))
    return [(s, d if d is not None else 5.0, last, due) for s, d, last, due in rows]


class Store:
    """Answers, sessions and spaced-repetition states in one SQLite file.

    ``tz`` is the user's local zone: it keys each answer by local day (daily counts, streaks).
    Not thread-safe: use it from one thread.
    """

    def __init__(self, conn: sqlite3.Connection, tz: tzinfo) -> None:
        self._conn = conn
        self.tz = tz
        self._summaries: Summaries | None = None
        # The decks that have card states, sorted (all-deck due reads go deck by deck). Cards
        # are only added through this store (one process holds the data dir), so the list
        # only grows here; a deck whose last card was undone stays listed, which is harmless.
        self._decks: list[str] | None = None
        self._day_start_hour: int | None = None  # read from the default study settings on first use
        self._next_attempt_id = 0  # the id the next answer takes (0: read it first), see record_attempt
        self._answer_cursor: sqlite3.Cursor | None = None  # the answer's, once its statement is installed

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only queries (statistics, export) and tests."""
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any sqlite error rolls back and becomes ``SaveError``."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._failed_write(exc)
        except BaseException:
            self._rollback()
            raise

    def _failed_write(self, exc: sqlite3.Error) -> NoReturn:
        """Roll a failed write back and raise it as ``SaveError``."""
        self._rollback()
        if is_damage(exc):  # have the next start check the whole file (and offer a backup)
            self._mark_for_check()
        raise SaveError(save_failure_of(exc), str(exc)) from exc

    def _mark_for_check(self) -> None:
        try:
            main = [Path(r[2]) for r in self._conn.execute("PRAGMA database_list") if r[1] == "main" and r[2]]
        except sqlite3.Error:
            return
        for path in main:
            mark_for_check(path)

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite already rolled back (e.g. after SQLITE_FULL)

    # -- sessions ---------------------------------------------------------------------------

    def start_session(self, mode: Mode, deck: str | None, filters: Mapping[str, Any],
                      seed: int | None, total: int, started: datetime) -> int:
        """Record a new session; returns its id."""
        import json  # here, not at start-up: opening the store and the first screen never need it

        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (mode, deck, filters, seed, total, started_us) VALUES (?, ?, ?, ?, ?, ?)",
                (str(mode), deck, json.dumps(dict(filters), sort_keys=True, default=str), seed, total,
                 to_us(started)),
            )
            return int(cur.lastrowid or 0)

    def finish_session(self, session_id: int, finished: datetime, abandoned: bool = False) -> None:
        """Mark a session finished; its score is the mean score of its recorded answers."""
        with self._write() as conn:
            catchup.catch_up(conn)  # the session's counters include its last answers
            cur = conn.execute(
                "UPDATE sessions SET finished_us = ?, abandoned = ?, "
                "score = CASE WHEN answered > 0 THEN score_sum / answered END WHERE id = ?",
                (to_us(finished), int(abandoned), session_id),
            )
            if cur.rowcount != 1:
                raise StoreError(Message(QT_TRANSLATE_NOOP("Core", "no session {session}"), session=session_id))

    def session(self, session_id: int) -> SessionRecord | None:
        """One stored session (its counters include every answer recorded so far)."""
        with catchup.summaries_for_reading(self._conn):
            row = self._conn.execute(
                "SELECT id, mode, deck, filters, seed, total, started_us, finished_us, abandoned, "
                "answered, right, score FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if row is None else session_from_row(row)

    def last_quiz_score(self, deck: str | None) -> float | None:
        """Score of the most recently finished (not abandoned) quiz on ``deck`` (None: all decks)."""
        row = self._conn.execute(
            "SELECT score FROM sessions WHERE mode = 'quiz' AND deck IS ? AND finished_us IS NOT NULL "
            "AND abandoned = 0 AND score IS NOT NULL ORDER BY finished_us DESC, id DESC LIMIT 1",
            (deck,)).fetchone()
        return None if row is None else float(row[0])

    # -- answers ----------------------------------------------------------------------------

    def record_attempt(self, attempt: Attempt, card: CardState | None = None, mark: CardMark | None = None, *,
                       expect: CardState | None | Unchecked = Unchecked.ANY) -> int:
        """Store one answer and the card's new state in ONE transaction (and the card's new
        marks, when the answer changed them: it became a leech). Returns the attempt id.

        ``expect``: the card's state the new one was computed from (None: it had none). If the
        stored card is no longer that state, nothing is stored and ``ChangedMeanwhile`` is
        raised: read the card again and retry (checked inside the transaction). The session's
        counters, like the other summaries, are summed from the attempts when next read
        (``studyapp.store.catchup``). Raises ``SaveError`` (nothing stored) if the answer cannot
        be saved.
        """
        answered_us = to_us(attempt.answered_at)
        day = local_day(attempt.answered_at, self.tz, self.day_start_hour)
        if card is None:
            card_part: tuple[object, ...] = (None, None, None, None, None)
        else:
            last = card.last_review
            card_part = (card.fsrs_json, to_us(card.due), card.stability, int(card.state),
                         None if last is None else to_us(last))
        check = expect is not Unchecked.ANY
        if isinstance(expect, CardState):
            expect_json: str | None = expect.fsrs_json
            expect_due: int | None = to_us(expect.due)
        else:
            expect_json = expect_due = None
        conn = self._conn
        for _ in range(2):  # a second time only when another connection took the attempt id meanwhile
            attempt_id = self._next_attempt_id or self._read_next_attempt_id()
            cursor = self._answer_cursor
            assert cursor is not None  # made with the first id
            row = (attempt_id, attempt.session_id, attempt.deck, attempt.question_id, attempt.content_hash,
                   str(attempt.mode), attempt.response, str(attempt.outcome), attempt.score, attempt.elapsed_ms,
                   answered_us, attempt.rating, day, attempt.qtype, attempt.proposed, *card_part, check, expect_json, expect_due)
            try:
                if mark is None:
                    cursor.execute(answer_write.INSERT, row)  # one statement: its own transaction
                else:
                    conn.execute("BEGIN IMMEDIATE")
                    cursor.execute(answer_write.INSERT, row)
                    write_mark(conn, mark)
                    conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._next_attempt_id = 0
                if answer_write.is_changed_meanwhile(exc):
                    self._rollback()
                    raise ChangedMeanwhile(Message(QT_TRANSLATE_NOOP("Core", "the card changed since it was read"))) from None
                if answer_write.is_id_taken(exc):
                    self._rollback()
                    continue
                self._failed_write(exc)
            except BaseException:
                self._next_attempt_id = 0
                self._rollback()
                raise
            self._next_attempt_id = attempt_id + 1
            if card is not None:
                self._note_deck(card.deck)
            return attempt_id
        raise SaveError(SaveFailure.LOCKED, "another program keeps recording answers")

    def _read_next_attempt_id(self) -> int:
        """The id of the next attempt, read once (then counted up by ``record_attempt``); creates
        the answer's statement on this connection on first use (``studyapp.store.answer_write``)."""
        conn = self._conn
        try:
            if self._answer_cursor is None:
                answer_write.install(conn)
                self._answer_cursor = conn.cursor()  # kept: one cursor fewer to make per answer
            return int(conn.execute(answer_write.NEXT_ID).fetchone()[0])
        except sqlite3.Error as exc:
            self._failed_write(exc)

    def undo_attempt(self, attempt_id: int, previous_card: CardState | None, previous_mark: CardMark | None = None) -> None:
        """Take back an answer in one transaction: the attempt, its counts, and the card state
        (and the card's marks, ``previous_mark``, when the answer changed them).

        ``previous_card`` is the card's state from before the answer, written back exactly; None
        means the card was new, and its state is removed (it counts as new again). For an answer
        recorded without a card state, pass the card's current state (or None if it has none).
        Raises ``StoreError`` for an unknown attempt, ``SaveError`` if it cannot be saved.
        """
        with self._write() as conn:
            catchup.catch_up(conn)  # so the summaries hold this attempt, to take it off them
            row = conn.execute(
                "SELECT deck, question_id, session_id, outcome, score, elapsed_ms, day "
                "FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
            if row is None:
                raise StoreError(Message(QT_TRANSLATE_NOOP("Core", "no answer {answer} to undo"), answer=attempt_id))
            deck, qid, session_id, outcome, score, elapsed_ms, day = row
            right = int(outcome == "right")
            retention.take_off(conn, attempt_id)
            conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
            self._next_attempt_id = 0  # read again: the freed id is handed out again, as SQLite would
            catchup.after_delete(conn)
            if session_id is not None:
                conn.execute(_COUNT_SESSION, (-1, -right, -score, session_id))
                conn.execute("UPDATE sessions SET score = CASE WHEN answered > 0 THEN score_sum / answered END "
                             "WHERE id = ? AND finished_us IS NOT NULL", (session_id,))
            conn.execute("UPDATE daily SET answers = answers - 1, right = right - ?, "
                         "elapsed_ms = elapsed_ms - ? WHERE deck = ? AND day = ?", (right, elapsed_ms, deck, day))
            conn.execute("DELETE FROM daily WHERE deck = ? AND day = ? AND answers <= 0", (deck, day))
            conn.execute("UPDATE daily_total SET answers = answers - 1, right = right - ?, "
                         "elapsed_ms = elapsed_ms - ? WHERE day = ?", (right, elapsed_ms, day))
            conn.execute("DELETE FROM daily_total WHERE day = ? AND answers <= 0", (day,))
            if previous_card is None:
                conn.execute("DELETE FROM cards WHERE deck = ? AND question_id = ?", (deck, qid))
            else:
                conn.execute(_UPSERT_CARD, (
                    previous_card.deck, previous_card.question_id, previous_card.fsrs_json,
                    to_us(previous_card.due), previous_card.stability, int(previous_card.state),
                    None if previous_card.last_review is None else to_us(previous_card.last_review),
                    to_us(previous_card.last_review or previous_card.due)))
            if previous_mark is not None:
                write_mark(conn, previous_mark)
            self._refresh_question_stats(conn, deck, qid)

    def put_cards(self, cards: Iterable[CardState]) -> int:
        """Write many card states in one transaction, with no answers (imports; large test stores).

        A card that exists is overwritten (keeping when it was first reviewed); a new one counts
        as first reviewed at its last review (or its due time). Returns how many were written.
        """
        rows = [(c.deck, c.question_id, c.fsrs_json, to_us(c.due), c.stability, int(c.state),
                 None if c.last_review is None else to_us(c.last_review), to_us(c.last_review or c.due))
                for c in cards]
        for row in rows:
            self._note_deck(row[0])
        with self._write() as conn:
            conn.executemany(_UPSERT_CARD, rows)
            # Questions answered before keep their copy of the schedule current (statistics read it).
            conn.executemany("UPDATE question_stats SET due_us = ?, stability = ? WHERE deck = ? AND question_id = ?",
                             [(r[3], r[4], r[0], r[1]) for r in rows])
        return len(rows)

    def rename_question(self, old: tuple[str, str], new: tuple[str, str]) -> int:
        """Carry one question's history to a new key (deck, question id) in ONE transaction.

        Used when a question's id is renamed or the question moves to another deck: its
        answers, memory (card state) and counts follow it. Raises ``StoreError`` when history
        is already stored under ``new`` (nothing is changed then). Returns the answers moved.
        """
        if old == new:
            return 0
        with self._write() as conn:
            for table in ("cards", "question_stats"):
                if conn.execute(f"SELECT 1 FROM {table} WHERE deck = ? AND question_id = ?", new).fetchone():
                    raise StoreError(Message(QT_TRANSLATE_NOOP("Core", "history is already stored for question '{question}' of deck '{deck}'"), question=new[1], deck=new[0]))
            moved = conn.execute("UPDATE attempts SET deck = ?, question_id = ? WHERE deck = ? AND question_id = ?",
                                 (*new, *old)).rowcount
            for table in ("cards", "question_stats"):
                conn.execute(f"UPDATE {table} SET deck = ?, question_id = ? WHERE deck = ? AND question_id = ?",
                             (*new, *old))
        self._note_deck(new[0])
        return moved

    @staticmethod
    def _refresh_question_stats(conn: sqlite3.Connection, deck: str, qid: str) -> None:
        count, wrong = conn.execute(
            "SELECT count(*), coalesce(sum(outcome != 'right'), 0) FROM attempts "
            "WHERE deck = ? AND question_id = ?", (deck, qid)).fetchone()
        if count == 0:
            conn.execute("DELETE FROM question_stats WHERE deck = ? AND question_id = ?", (deck, qid))
            return
        last_us, last_outcome = conn.execute(
            "SELECT answered_us, outcome FROM attempts WHERE deck = ? AND question_id = ? "
            "ORDER BY answered_us DESC, id DESC LIMIT 1", (deck, qid)).fetchone()
        card = conn.execute("SELECT due_us, stability FROM cards WHERE deck = ? AND question_id = ?",
                            (deck, qid)).fetchone() or (None, None)
        conn.execute("UPDATE question_stats SET attempts = ?, wrong = ?, last_us = ?, last_outcome = ?, "
                     "due_us = ?, stability = ? WHERE deck = ? AND question_id = ?",
                     (count, wrong, last_us, last_outcome, *card, deck, qid))

    # -- reads ------------------------------------------------------------------------------

    def card_states(self, deck: str | None = None) -> dict[tuple[str, str], CardState]:
        """Every stored card state (of one deck, or all)."""
        if deck is None:
            rows = self._conn.execute(f"SELECT {_CARD_COLUMNS} FROM cards")
        else:
            rows = self._conn.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE deck = ?", (deck,))
        epoch, us = EPOCH, _ONE_US  # inlined from_us: this runs once per card
        return {(d, q): CardState(d, q, j, epoch + due * us, stab, state, None if last is None else epoch + last * us)
                for d, q, j, due, stab, state, last in rows}

    def card_schedules(self, deck: str | None = None) -> dict[tuple[str, str], tuple[datetime, int]]:
        """(due, fsrs state) of every stored card: what the browser lists, without the card's
        JSON (about a third of ``card_states``' time on 100,000 cards)."""
        sql = "SELECT deck, question_id, due_us, state FROM cards"
        args: tuple[str, ...] = ()
        if deck is not None:
            sql, args = sql + " WHERE deck = ?", (deck,)
        epoch, us = EPOCH, _ONE_US
        return {(d, q): (epoch + due * us, state) for d, q, due, state in self._conn.execute(sql, args)}

    def card_flags(
        self, due_before: datetime, mastered_stability: float, deck: str | None = None
    ) -> dict[tuple[str, str], tuple[bool, bool]]:
        """(due before ``due_before``, stability at least ``mastered_stability``) of every stored
        card: what the deck list counts, decided in SQL without building card states (about 10x
        cheaper than ``card_states`` on 10,000 cards)."""
        sql = "SELECT deck, question_id, due_us < ?, coalesce(stability >= ?, 0) FROM cards"
        args: tuple[object, ...] = (to_us(due_before), mastered_stability)
        if deck is not None:
            sql, args = sql + " WHERE deck = ?", (*args, deck)
        return {(d, q): (bool(due), bool(mastered)) for d, q, due, mastered in self._conn.execute(sql, args)}

    def card_state(self, deck: str, question_id: str) -> CardState | None:
        """One card's state, or None if the card is new."""
        row = self._conn.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE deck = ? AND question_id = ?",
                                 (deck, question_id)).fetchone()
        return None if row is None else _card_from_row(row)

    def due_cards(self, before: datetime, deck: str | None = None, limit: int = 1, *,
                  after: datetime | None = None, exclude_decks: Collection[str] = (),
                  learning_only: bool = False) -> list[CardState]:
        """Up to ``limit`` cards due before ``before`` (and after ``after``, if given), most
        overdue first; ties in due time come in no set order (uses a due index). Cards of
        ``exclude_decks`` are passed over (the flashcard queue: decks that are not loaded).
        ``learning_only``: only cards in (re)learning (the partial learning index)."""
        low = -(2**63) if after is None else to_us(after) + 1
        if learning_only:
            excluded = sorted(exclude_decks)
            sql = (f"SELECT {_CARD_COLUMNS} FROM cards INDEXED BY cards_learning_due WHERE state != 2 "
                   "AND due_us >= ? AND due_us < ?")
            args: list[object] = [low, to_us(before)]
            if deck is not None:
                sql, args = sql + " AND deck = ?", [*args, deck]
            if excluded:
                sql += f" AND deck NOT IN ({','.join('?' * len(excluded))})"
                args += excluded
            rows = self._conn.execute(sql + " ORDER BY due_us LIMIT ?", (*args, limit)).fetchall()
            return [_card_from_row(r) for r in rows]
        if deck is None:
            decks = [d for d in self.card_decks() if d not in exclude_decks]
            rows = due_queries.due_rows_all(self._conn, decks, _CARD_COLUMNS, low, to_us(before), limit)
        elif deck in exclude_decks:
            rows = []
        else:
            rows = self._conn.execute(
                f"SELECT {_CARD_COLUMNS} FROM cards WHERE deck = ? AND due_us >= ? AND due_us < ? "
                "ORDER BY due_us LIMIT ?", (deck, low, to_us(before), limit)).fetchall()
        return [_card_from_row(r) for r in rows]

    def due_count(self, before: datetime, deck: str | None = None) -> int:
        """How many cards are due before ``before`` (an index-only count)."""
        if deck is None:
            return due_queries.count_due_all(self._conn, self.card_decks(), -(2**63), to_us(before))
        row = self._conn.execute("SELECT count(*) FROM cards WHERE deck = ? AND due_us < ?",
                                 (deck, to_us(before))).fetchone()
        return int(row[0])

    def card_count(self, deck: str | None = None) -> int:
        """How many cards have a state (were reviewed at least once); the rest are new."""
        if deck is None:
            row = self._conn.execute("SELECT count(*) FROM cards").fetchone()
        else:
            row = self._conn.execute("SELECT count(*) FROM cards WHERE deck = ?", (deck,)).fetchone()
        return int(row[0])

    def card_decks(self) -> list[str]:
        """The decks that have any card state, sorted (read once with one index seek per deck,
        then kept up to date as cards are written; after an undo took the last card of a deck,
        that deck may still be listed)."""
        if self._decks is None:
            self._decks = due_queries.card_decks(self._conn)
        return list(self._decks)

    def _note_deck(self, deck: str) -> None:
        decks = self._decks
        if decks is not None:
            i = bisect.bisect_left(decks, deck)
            if i == len(decks) or decks[i] != deck:
                decks.insert(i, deck)

    def reviewed_ids(self, deck: str) -> set[str]:
        """Question ids of one deck's cards that have a state (read from the narrow deck/due index)."""
        rows = self._conn.execute("SELECT question_id FROM cards INDEXED BY cards_deck_due WHERE deck = ?", (deck,))
        return {r[0] for r in rows}

    def reviewed_among(self, deck: str, question_ids: Sequence[str]) -> set[str]:
        """Which of ``question_ids`` (at most a few thousand) of ``deck`` have a card state."""
        if not question_ids:
            return set()
        marks = ",".join("?" * len(question_ids))
        rows = self._conn.execute(f"SELECT question_id FROM cards WHERE deck = ? AND question_id IN ({marks})",
                                  (deck, *question_ids))
        return {r[0] for r in rows}

    def card_keys(self, deck: str | None = None) -> set[tuple[str, str]]:
        """Keys of every card that has been reviewed (the rest are new)."""
        rows = self._conn.execute("SELECT deck, question_id FROM cards WHERE (? IS NULL OR deck = ?)",
                                  (deck, deck))
        return set(rows)

    def question_history(self, deck: str | None = None) -> dict[tuple[str, str], QuestionHistory]:
        """Attempts, wrong answers and the last outcome of every question ever answered."""
        with catchup.summaries_for_reading(self._conn):
            rows = self._conn.execute(
                "SELECT deck, question_id, attempts, wrong, last_us, last_outcome FROM question_stats "
                "WHERE (? IS NULL OR deck = ?)", (deck, deck)).fetchall()
        outcome, epoch, us = _outcomes(), EPOCH, _ONE_US
        return {(d, q): QuestionHistory(n, wrong, epoch + last * us, outcome[o]) for d, q, n, wrong, last, o in rows}

    def new_cards_since(self, since: datetime, deck: str | None = None) -> int:
        """How many cards were reviewed for the first time at or after ``since``."""
        # Few cards are first reviewed in any one day: the first-review index range is short.
        row = self._conn.execute(
            "SELECT count(*) FROM cards INDEXED BY cards_first_review WHERE first_review_us >= ? "
            "AND (? IS NULL OR deck = ?)", (to_us(since), deck, deck)).fetchone()
        return int(row[0])

    def new_cards_from_day(self, day: date, tz: tzinfo, deck: str | None = None) -> int:
        """How many cards were first reviewed on local ``day`` or later, each by the day its
        first answer was recorded on (in the zone it was given in, as every daily figure); a card
        with no answer behind it (imported) by its first review in ``tz``."""
        # Any zone's `day` begins at most 14 hours before it does in UTC: a short index range.
        low = to_us(datetime(day.year, day.month, day.day, tzinfo=timezone.utc) - timedelta(days=1))
        rows = self._conn.execute(
            "SELECT c.first_review_us, (SELECT a.day FROM attempts a WHERE a.deck = c.deck "
            "AND a.question_id = c.question_id AND a.answered_us = c.first_review_us ORDER BY a.id LIMIT 1) "
            "FROM cards c INDEXED BY cards_first_review WHERE c.first_review_us >= ? AND (? IS NULL OR c.deck = ?)",
            (low, deck, deck))
        first = day.toordinal()
        hour = self.day_start_hour
        return sum(1 for us, stored in rows
                   if (stored if stored is not None else local_day(from_us(us), tz, hour)) >= first)

    def attempts_for(self, deck: str, question_id: str) -> list[tuple[int, str, Outcome, datetime]]:
        """(attempt id, content hash, outcome, answered at) of one question, oldest first."""
        rows = self._conn.execute(
            "SELECT id, content_hash, outcome, answered_us FROM attempts WHERE deck = ? AND question_id = ? "
            "ORDER BY answered_us, id", (deck, question_id))
        outcome = _outcomes()
        return [(r[0], r[1], outcome[r[2]], from_us(r[3])) for r in rows]

    def rated_answers(self, deck: str | None = None) -> dict[tuple[str, str], list[tuple[int, datetime]]]:
        """(rating, answered at) of every answer that moved a card, per card, oldest first: the
        log a card's memory state is replayed from (``studyapp.study.memory.replay``)."""
        rows = self._conn.execute(
            "SELECT deck, question_id, rating, answered_us FROM attempts WHERE rating IS NOT NULL "
            "AND (? IS NULL OR deck = ?) ORDER BY answered_us, id", (deck, deck))
        found: dict[tuple[str, str], list[tuple[int, datetime]]] = {}
        epoch, us = EPOCH, _ONE_US
        for d, q, rating, at in rows:
            found.setdefault((d, q), []).append((rating, epoch + at * us))
        return found

    def review_log(self, deck: str | None = None) -> dict[tuple[str, str], list[tuple[int, int, int]]]:
        """(rating, local day, answered at in µs) of every answer that moved a card, per card,
        oldest first: what the FSRS parameters are fitted to (``studyapp.study.optimise``)."""
        return review_log(self._conn, deck)

    @property
    def path(self) -> Path | None:
        """The database file (None for an in-memory database): the optimiser's process reads it."""
        for _, name, file in self._conn.execute("PRAGMA database_list"):
            if name == "main" and file:
                return Path(file)
        return None

    def retention_rows(self, today: int, deck: str | None = None) -> list[tuple[str, str, bool, tuple[int, ...]]]:
        """(deck, question type, mature, (remembered, forgotten) × today, yesterday, 7, 30, 365 days,
        all time) (``studyapp.store.retention``), the newest answers summed in first; ``today`` is
        the local day ordinal."""
        with catchup.summaries_for_reading(self._conn):
            return retention.rows(self._conn, today, deck)

    def card_memory(self, deck: str | None = None) -> list[tuple[float, float, int, int]]:
        """(stability, difficulty, last review µs, due µs) of every card with a memory state."""
        return card_memory(self._conn, deck)

    # -- FSRS parameters ---------------------------------------------------------------------

    def fsrs_parameters(self, deck: str | None = None) -> tuple[float, ...] | None:
        """The FSRS parameters the scheduler uses for ``deck``: the deck's own, else those saved for
        every deck (``deck`` None), else None (FSRS's defaults)."""
        for scope in ([] if deck is None else [deck]) + [""]:
            row = self._conn.execute("SELECT parameters FROM fsrs_parameters WHERE scope = ?", (scope,)).fetchone()
            if row is not None:
                return _parameters_from(row[0])
        return None

    def fsrs_parameter_record(self, deck: str | None = None) -> tuple[tuple[float, ...] | None, tuple[float, ...] | None]:
        """(parameters, previous parameters) saved for exactly this scope (``deck`` None: every
        deck); None for either means FSRS's defaults."""
        row = self._conn.execute("SELECT parameters, previous FROM fsrs_parameters WHERE scope = ?",
                                 (deck or "",)).fetchone()
        return (None, None) if row is None else (_parameters_from(row[0]), _parameters_from(row[1]))

    def save_fsrs_parameters(self, deck: str | None, parameters: Sequence[float] | None,
                             previous: Sequence[float] | None, saved: datetime) -> None:
        """Use ``parameters`` for ``deck`` (None: every deck without its own), keeping ``previous``
        (the ones they replace) to go back to; None for either means FSRS's defaults."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO fsrs_parameters (scope, parameters, previous, saved_us) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (scope) DO UPDATE SET parameters = excluded.parameters, "
                "previous = excluded.previous, saved_us = excluded.saved_us",
                (deck or "", _parameters_text(parameters), _parameters_text(previous), to_us(saved)))

    def recent_right_times(self, qtype: str, limit: int, window: int) -> list[int]:
        """Times (ms) of the latest ``limit`` right answers to questions of type ``qtype`` given in
        the question's own form (quizzes, graded reviews), newest first, looked for among the last
        ``window`` answers (a short rowid range)."""
        rows = self._conn.execute(
            "SELECT elapsed_ms FROM attempts WHERE id > (SELECT coalesce(max(id), 0) FROM attempts) - ? "
            "AND qtype = ? AND outcome = 'right' ORDER BY id DESC LIMIT ?",
            (window, qtype, limit))
        return [r[0] for r in rows]

    def attempts(self, deck: str) -> list[AttemptRow]:
        """Every answer recorded on ``deck`` (questions since removed included), oldest first; one query."""
        rows = self._conn.execute(
            "SELECT id, question_id, content_hash, mode, response, outcome, score, elapsed_ms, answered_us, "
            "session_id, rating FROM attempts WHERE deck = ? ORDER BY answered_us, id", (deck,))
        outcome, modes, epoch, us = _outcomes(), {m.value: m for m in Mode}, EPOCH, _ONE_US
        return [AttemptRow(i, deck, qid, h, modes[m], resp, outcome[o], score, ms, epoch + at * us, sid, rating)
                for i, qid, h, m, resp, o, score, ms, at, sid, rating in rows]

    # -- the study day, settings and card marks (what the learner controls) -------------------

    @property
    def day_start_hour(self) -> int:
        """The local hour a study day starts (the default study settings' ``day_start_hour``)."""
        if self._day_start_hour is None:
            self._day_start_hour = day_start_hour_of(self.study_settings_body(DEFAULT_SETTINGS_KEY))
        return self._day_start_hour

    def study_day(self, moment: datetime, tz: tzinfo | None = None) -> int:
        """The study day of ``moment`` (a date ordinal), by the one day rule
        (``studyapp.store.localtime``): in ``tz`` (default the store's), days starting at
        ``day_start_hour``."""
        return local_day(moment, tz or self.tz, self.day_start_hour)

    def today_start(self, now: datetime, tz: tzinfo | None = None) -> datetime:
        """When the study day containing ``now`` began."""
        return today_start(now, tz or self.tz, self.day_start_hour)

    def tomorrow_start(self, now: datetime, tz: tzinfo | None = None) -> datetime:
        """When the study day containing ``now`` ends ("due today" means due before it)."""
        return tomorrow_start(now, tz or self.tz, self.day_start_hour)

    def study_settings_body(self, deck: str) -> str | None:
        """The stored study settings (JSON) of ``deck`` (``''``: the default), or None."""
        row = self._conn.execute("SELECT body FROM study_settings WHERE deck = ?", (deck,)).fetchone()
        return None if row is None else str(row[0])

    def study_settings_decks(self) -> list[str]:
        """The decks with their own study settings (not the default), sorted."""
        return [r[0] for r in self._conn.execute("SELECT deck FROM study_settings WHERE deck != '' ORDER BY deck")]

    def put_study_settings_body(self, deck: str, body: str | None) -> None:
        """Store ``deck``'s study settings (None: the deck follows the default again)."""
        with self._write() as conn:
            if body is None:
                conn.execute("DELETE FROM study_settings WHERE deck = ?", (deck,))
            else:
                conn.execute("INSERT OR REPLACE INTO study_settings (deck, body) VALUES (?, ?)", (deck, body))
        if deck == DEFAULT_SETTINGS_KEY:
            self._day_start_hour = None

    def card_marks(self, deck: str | None = None) -> dict[tuple[str, str], CardMark]:
        """Every card the learner suspended, buried, flagged or that became a leech (one deck, or all)."""
        return read_marks(self._conn, deck)

    def card_mark(self, deck: str, question_id: str) -> CardMark:
        """One card's marks (a blank ``CardMark`` when it has none)."""
        return read_marks(self._conn, deck).get((deck, question_id), CardMark(deck, question_id))

    def put_card_mark(self, mark: CardMark) -> None:
        """Store one card's marks (blank: removed). Raises ``SaveError`` if it cannot be saved."""
        with self._write() as conn:
            write_mark(conn, mark)

    def put_card_marks(self, marks: Iterable[CardMark]) -> None:
        """Store many cards' marks in ONE transaction (the browser's bulk suspend); all or none."""
        with self._write() as conn:
            for mark in marks:
                write_mark(conn, mark)

    def hidden_cards(self, day: int, deck: str | None = None) -> dict[tuple[str, str], datetime | None]:
        """Cards kept out of the queues on study ``day`` (suspended, or buried until it is over),
        with their due time (None: a new card, never answered)."""
        rows = self._conn.execute(
            "SELECT m.deck, m.question_id, c.due_us FROM card_marks m LEFT JOIN cards c "
            "ON c.deck = m.deck AND c.question_id = m.question_id "
            "WHERE (m.suspended OR m.buried_day >= ?) AND (? IS NULL OR m.deck = ?)", (day, deck, deck))
        return {(d, q): None if due is None else from_us(due) for d, q, due in rows}

    def study_more(self, deck: str, day: int) -> tuple[int, int]:
        """(extra new cards, extra reviews) allowed on study ``day`` for ``deck`` ("Study more today")."""
        row = self._conn.execute("SELECT new, reviews FROM study_more WHERE deck = ? AND day = ?", (deck, day)).fetchone()
        return (0, 0) if row is None else (int(row[0]), int(row[1]))

    def add_study_more(self, deck: str, day: int, new: int, reviews: int) -> None:
        """Allow ``new`` more new cards and ``reviews`` more reviews on study ``day`` only."""
        with self._write() as conn:
            conn.execute("INSERT INTO study_more (deck, day, new, reviews) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (deck, day) DO UPDATE SET new = new + excluded.new, "
                         "reviews = reviews + excluded.reviews", (deck, day, new, reviews))

    def reviews_since(self, since: datetime, deck: str | None = None) -> int:
        """Cards first answered before ``since`` and answered again since: the reviews of the
        study day that began at ``since`` (each card once, as Anki's review limit counts).

        Read from the answers recorded since then (the end of the log, found by bisecting the
        answer ids: answers are recorded as they are given, so their times grow with their ids),
        each looked up in ``cards``: a few rows, however long the history."""
        since_us = to_us(since)
        first = self._first_attempt_since(since_us)
        row = self._conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT deck, question_id FROM attempts WHERE id >= ?1 "
            "AND (?2 IS NULL OR deck = ?2)) a JOIN cards c ON c.deck = a.deck AND c.question_id = a.question_id "
            "WHERE c.first_review_us < ?3 AND c.last_review_us >= ?3", (first, deck, since_us)).fetchone()
        return int(row[0])

    def _first_attempt_since(self, since_us: int) -> int:
        """The smallest answer id recorded at or after ``since_us`` (one past the last if none)."""
        top = self._conn.execute("SELECT coalesce(max(id), 0) FROM attempts").fetchone()[0]
        lo, hi = 0, int(top) + 1
        probe = "SELECT id, answered_us FROM attempts WHERE id >= ? ORDER BY id LIMIT 1"
        while lo < hi:
            mid = (lo + hi) // 2
            found = self._conn.execute(probe, (mid,)).fetchone()
            if found is None or found[1] >= since_us:
                hi = mid
            else:
                lo = int(found[0]) + 1
        return lo

    def catch_up_summaries(self) -> int:
        """Sum the answers recorded since the last time into the summaries now (they are
        otherwise summed just before being read); returns how many attempt ids that covered.
        Raises ``SaveError`` if it cannot be saved."""
        try:
            return catchup.catch_up(self._conn)
        except sqlite3.Error as exc:
            raise SaveError(save_failure_of(exc), str(exc)) from exc

    @property
    def summaries(self) -> Summaries:
        """Aggregate reads for statistics (see ``studyapp.store.summaries``)."""
        if self._summaries is None:
            from studyapp.store.summaries import Summaries  # statistics only: not on the start-up path

            self._summaries = Summaries(self._conn)
        return self._summaries

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL into the main file)."""
        # Refresh the query planner's statistics where useful, after a session that wrote: a
        # session that only looked leaves the file as it found it (optimize may write, and
        # every write is flushed, even on a brand-new empty database).
        if self._conn.total_changes:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # closing must not fail (e.g. on a full disk)
        self._conn.close()
