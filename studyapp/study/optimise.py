"""FSRS parameters fitted to the person's own answers ("Optimise"), with the fit measured.

The fit itself is ``fsrs-rs-python``'s ``compute_parameters`` (the optimiser Anki uses, in Rust,
without torch); this module only turns the answer log into its training items, checks there are
enough, and measures the parameters before and after (log loss and RMSE, ``FSRS.evaluate``).

Training items, as Anki builds them from its review log (``rslib/src/scheduler/fsrs/params.rs``):
each card's rated answers in time order, each with the days since the card's previous answer
(``delta_t``: the difference of the local days the answers were stored under; 0 for the first);
one item per answer given a day or more after the previous one, holding every answer of the card
up to it. Answers on the same day stay inside the items (FSRS's short-term memory) but are not
items of their own.

Enough: the library fits every parameter from ``MIN_ITEMS`` (64) items on; with fewer it only
adjusts the first four (the initial stabilities), or nothing below 8. "Optimise" asks for
``MIN_ITEMS``. As in Anki, fitted parameters that predict the answers no better than the current
ones (a log loss not lower) are not proposed.

The fit holds Python's global lock while it runs (the Rust code does not release it), and reading
and converting 100,000 answers takes about a second of Python, so the window runs all of it in a
separate process (``fit_in_process``) that reads the database file itself, read-only: the window
keeps drawing, and Cancel ends the process.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.study.scheduling import card_id_for

if TYPE_CHECKING:  # the library is loaded only to fit (in the fit's own process)
    from fsrs_rs_python import FSRSItem

MIN_ITEMS = 64  # fsrs-rs fits all 21 parameters from 64 training items on (8..63: the first four only)
NUM_EPOCHS = 8  # as Anki's "Optimise"

#: An item: the card's answers up to one of them, as (rating 1..4, days since the previous answer).
TrainingItem = tuple[tuple[int, int], ...]


class OptimiseError(Exception):
    """The fit could not be made; the message says why, for the person."""


@dataclass(frozen=True, slots=True)
class TrainingSet:
    """What the parameters are fitted to: the items in time order, with their cards' ids."""

    items: tuple[TrainingItem, ...]
    card_ids: tuple[int, ...]
    answers: int  # rated answers the items were built from

    @property
    def enough(self) -> bool:
        """Whether there are enough items to fit every parameter."""
        return len(self.items) >= MIN_ITEMS


@dataclass(frozen=True, slots=True)
class Evaluation:
    """How well a set of parameters predicts the person's answers (lower is better)."""

    log_loss: float
    rmse: float  # RMSE over bins, as Anki shows it


@dataclass(frozen=True, slots=True)
class Fit:
    """The result of an optimisation: the fitted parameters and both measures."""

    parameters: tuple[float, ...]
    current: tuple[float, ...]
    before: Evaluation  # the current parameters on the person's answers
    after: Evaluation  # the fitted ones
    items: int
    answers: int

    @property
    def better(self) -> bool:
        """Whether the fitted parameters predict the answers better (lower log loss) than the current."""
        return self.after.log_loss < self.before.log_loss


def training_items(log: Sequence[tuple[int, int]]) -> list[TrainingItem]:
    """The training items of one card from its rated answers ((rating, local day), oldest first)."""
    items: list[TrainingItem] = []
    reviews: list[tuple[int, int]] = []
    previous_day: int | None = None
    for rating, day in log:
        delta = 0 if previous_day is None else max(0, day - previous_day)
        previous_day = day
        reviews.append((int(rating), delta))
        if len(reviews) > 1 and delta > 0:
            items.append(tuple(reviews))
    return items


def training_set(log: Mapping[tuple[str, str], Sequence[tuple[int, int, int]]]) -> TrainingSet:
    """Every card's training items from ``Store.review_log`` ((rating, day, answered µs) per card),
    in the order their last answers were given (the library weights recent items more)."""
    timed: list[tuple[int, int, TrainingItem]] = []
    answers = 0
    for (deck, question_id), entries in log.items():
        answers += len(entries)
        card_id = card_id_for(deck, question_id)
        items = training_items([(rating, day) for rating, day, _ in entries])
        # The n-th item ends at the answer that made it: the (len(item) - 1)-th entry.
        timed.extend((entries[len(item) - 1][2], card_id, item) for item in items)
    timed.sort(key=lambda t: (t[0], t[1]))
    return TrainingSet(tuple(t[2] for t in timed), tuple(t[1] for t in timed), answers)


def _fsrs_items(items: Sequence[TrainingItem]) -> list[FSRSItem]:
    from fsrs_rs_python import FSRSItem, FSRSReview

    return [FSRSItem([FSRSReview(rating, delta) for rating, delta in item]) for item in items]


def evaluate(items: Sequence[TrainingItem], parameters: Sequence[float]) -> Evaluation:
    """Log loss and RMSE of ``parameters`` on ``items``."""
    from fsrs_rs_python import FSRS

    result = FSRS(list(parameters)).evaluate(_fsrs_items(items))
    return Evaluation(float(result.log_loss), float(result.rmse_bins))


def fit(training: TrainingSet, current: Sequence[float]) -> Fit:
    """Fit the parameters to ``training`` and measure them and ``current`` (in this process:
    it holds the interpreter's lock throughout; the window uses ``fit_in_process``)."""
    from fsrs_rs_python import FSRS, TrainingConfig

    if not training.enough:
        raise OptimiseError(
            f"Not enough answers yet to fit the parameters: {len(training.items)} of the {MIN_ITEMS} needed "
            "(answers given a day or more after the card's previous one).")
    items = _fsrs_items(training.items)
    try:
        fitted = FSRS(list(current)).compute_parameters(
            items, card_ids=list(training.card_ids),
            training_config=TrainingConfig(num_epochs=NUM_EPOCHS))
    except (ValueError, RuntimeError) as exc:
        raise OptimiseError(f"The parameters could not be fitted: {exc}") from exc
    return Fit(tuple(float(p) for p in fitted), tuple(float(p) for p in current),
               evaluate(training.items, current), evaluate(training.items, fitted),
               len(training.items), training.answers)


def read_training_set(database: Path, deck: str | None) -> TrainingSet:
    """The training set of ``deck`` (None: every deck) read from the database file through a
    read-only connection of its own (the fit's process; the window's connection stays its own)."""
    from studyapp.store.store import review_log

    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise OptimiseError(f"Your answers could not be read: {exc}.") from exc
    try:
        return training_set(review_log(conn, deck))
    except sqlite3.Error as exc:
        raise OptimiseError(f"Your answers could not be read: {exc}.") from exc
    finally:
        conn.close()


def _fit_child(conn: Connection, database: Path, deck: str | None, current: tuple[float, ...]) -> None:
    """The fit's process: read the answers, say how many items, fit, send the ``Fit`` (or the
    error's message) back."""
    try:
        training = read_training_set(database, deck)
        conn.send(("items", len(training.items)))
        conn.send(("ok", fit(training, current)))
    except OptimiseError as exc:
        conn.send(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported to the person as one line, never a traceback
        conn.send(("error", f"The parameters could not be fitted ({type(exc).__name__}: {exc})."))
    finally:
        conn.close()


def fit_in_process(database: Path, deck: str | None, current: Sequence[float], cancel: threading.Event,
                   on_items: Callable[[int], None] | None = None, poll_seconds: float = 0.05) -> Fit | None:
    """Read ``deck``'s answers (None: every deck) from ``database`` and ``fit`` them in a separate
    process, waiting while checking ``cancel``: None when cancelled (the process is ended).
    ``on_items`` hears how many training items there are once they are built. Raises
    ``OptimiseError`` when the fit cannot be made (too few answers, unreadable file, ...).

    Everything heavy (reading, building the items, the fit) happens in that process: this one only
    waits, so a window calling it from a worker thread keeps drawing.
    """
    context = multiprocessing.get_context("spawn")  # never fork a process running Qt threads
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_fit_child, args=(sender, database, deck, tuple(float(p) for p in current)),
                              name="studyapp-optimise", daemon=True)
    process.start()
    sender.close()
    try:
        while True:
            if cancel.is_set():
                return None
            if not receiver.poll(poll_seconds):
                if not process.is_alive() and not receiver.poll():
                    raise OptimiseError("The fit stopped unexpectedly (its process ended without a result).")
                continue
            try:
                kind, value = receiver.recv()
            except EOFError as exc:
                raise OptimiseError("The fit stopped unexpectedly (its process ended without a result).") from exc
            if kind == "items":
                if on_items is not None:
                    on_items(int(value))
                continue
            break
    finally:
        receiver.close()
        if process.is_alive():
            process.terminate()
        process.join(timeout=5)
    if kind != "ok":
        raise OptimiseError(str(value))
    assert isinstance(value, Fit)
    return value
