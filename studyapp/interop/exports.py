"""Every way a deck can be exported, in one list: the window's File → Export… offers exactly these.

A format is a label, a file suffix and a function from an :class:`ExportJob` to an
:class:`ExportOutcome` (how many items went out, and a line for each one that could not).
A new format appears in the window by adding one entry to :data:`EXPORT_FORMATS`.

Everything a format needs from the study history is read before the job starts (``history``),
on the caller's thread: the database connection belongs to that thread, and the job itself may
run on a worker. Each function writes through ``studyapp.safe_write`` with the job's policy,
checks the cancel flag before writing, and writes nothing when nothing could be converted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.bank.model import AnyQuestion, Deck
from studyapp.safe_write import WritePolicy, write_text


class ExportCancelled(Exception):
    """The person cancelled before the file was written (nothing was written)."""


@dataclass(frozen=True, slots=True)
class ExportJob:
    """One export: the deck, where to write, how, and the deck's history rows when the format needs them."""

    deck: Deck
    target: Path
    policy: WritePolicy
    history: Sequence[tuple[str, ...]] = ()
    cancel: threading.Event = field(default_factory=threading.Event)

    def check_cancelled(self) -> None:
        """Raise :class:`ExportCancelled` once the person has cancelled."""
        if self.cancel.is_set():
            raise ExportCancelled


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """What an export did: ``written`` of ``total`` items (``unit``), each one left out named with its line."""

    written: int
    total: int
    unit: str
    left_out: tuple[str, ...] = ()
    wrote_file: bool = True

    def summary(self, target: Path) -> str:
        """One sentence for the person: what was written where (or why nothing was)."""
        if not self.wrote_file:
            return f"Nothing written to {target}: none of the {self.total} {self.unit} could be exported."
        return f"Exported {self.written} of {self.total} {self.unit} to {target}."


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One entry of File → Export…'s list of formats."""

    key: str
    label: str
    suffix: str
    run: Callable[[ExportJob], ExportOutcome]
    needs_history: bool = False

    @property
    def name_filter(self) -> str:
        return f"{self.label} (*{self.suffix});;All files (*)"


GIFT_NO_PICTURES = "GIFT text holds no pictures (export the deck as .apkg to keep them)"


def _left_out(deck: Deck, skipped: Sequence[tuple[AnyQuestion, str]]) -> tuple[str, ...]:
    return tuple(f"{deck.path}:{q.line}: question '{q.id}' not exported: {why}" for q, why in skipped)


def export_apkg(job: ExportJob) -> ExportOutcome:
    """The deck as an Anki package."""
    from studyapp.interop.apkgwrite import question_note, write_apkg

    deck = job.deck
    if not any(question_note(q, deck.id) is not None for q in deck.questions):
        skipped = [(q, f"Anki has no '{q.type}' notes") for q in deck.questions]
        return ExportOutcome(0, len(deck.questions), "questions", _left_out(deck, skipped), wrote_file=False)
    job.check_cancelled()
    lost: list[tuple[AnyQuestion, str]] = []
    written, skipped = write_apkg(deck.questions, deck.id, deck.title, job.target, job.policy, lost)
    return ExportOutcome(written, len(deck.questions), "questions", _left_out(deck, skipped) + _pictures_lost(deck, lost))


def _pictures_lost(deck: Deck, lost: Sequence[tuple[AnyQuestion, str]]) -> tuple[str, ...]:
    return tuple(f"{deck.path}:{q.image.line if q.image else q.line}: picture of question '{q.id}' not exported: {why}"
                 for q, why in lost)


def export_gift(job: ExportJob) -> ExportOutcome:
    """The deck as Moodle GIFT; no file when no question converts."""
    from studyapp.interop.giftwrite import deck_to_gift

    deck = job.deck
    text, skipped = deck_to_gift(deck.questions, deck.title)
    written = len(deck.questions) - len(skipped)
    if written == 0:
        return ExportOutcome(0, len(deck.questions), "questions", _left_out(deck, skipped), wrote_file=False)
    job.check_cancelled()
    write_text(job.target, text, job.policy)
    left = {q.key for q, _why in skipped}
    pictures = [(q, GIFT_NO_PICTURES) for q in deck.questions if q.image is not None and q.key not in left]
    return ExportOutcome(written, len(deck.questions), "questions", _left_out(deck, skipped) + _pictures_lost(deck, pictures))


def export_history_csv(job: ExportJob) -> ExportOutcome:
    """Every recorded answer of the deck as CSV (a header only when there is none yet)."""
    from studyapp.interop.csvexport import history_csv

    job.check_cancelled()
    rows = list(job.history)
    write_text(job.target, history_csv(rows), job.policy, encoding="utf-8-sig")  # BOM: Excel reads UTF-8 then
    return ExportOutcome(len(rows), len(rows), "answers")


def export_questions_csv(job: ExportJob) -> ExportOutcome:
    """Every question of the deck, every field, as CSV (formula-like cells neutralised)."""
    from studyapp.interop.csvexport import questions_csv

    job.check_cancelled()
    write_text(job.target, questions_csv(job.deck), job.policy, encoding="utf-8-sig")
    return ExportOutcome(len(job.deck.questions), len(job.deck.questions), "questions")


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("apkg", "Anki package", ".apkg", export_apkg),
    ExportFormat("gift", "Moodle GIFT", ".gift", export_gift),
    ExportFormat("csv", "Answer history CSV", ".csv", export_history_csv, needs_history=True),
    ExportFormat("questions-csv", "Questions CSV (every field)", ".csv", export_questions_csv),
)
