"""Statistics → Optimise…: fit the FSRS parameters to the person's answers, compare, use or go back.

Reading the answers, building the training items and the fit all run in a process of their own
(``studyapp.study.optimise.fit_in_process``), waited for off the UI thread (``BackgroundTask``),
so the window keeps drawing and Cancel stops it at once. The result shows log loss and RMSE before and after; "Use these parameters" saves them
(keeping the ones they replace) and "Restore previous" puts the kept ones back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from studyapp.store import SaveError, Store
from studyapp.study.optimise import MIN_ITEMS, Fit, OptimiseError, fit_in_process
from studyapp.study.scheduling import CardScheduler
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.home_view import plain_label
from studyapp.ui.plain_text import title_text, window_title
from studyapp.ui.translation import core_text, number_text


class OptimiseState(Enum):
    """What the dialog is doing."""

    IDLE = "idle"
    RUNNING = "running"
    DONE = "done"


def measures_text(result: Fit) -> str:
    """Before and after, in the words the dialog shows them."""
    return QCoreApplication.translate(
        "OptimiseDialog",
        "Log loss: {loss_before} with the current parameters, {loss_after} with the fitted ones.\n"
        "RMSE: {rmse_before}% with the current parameters, {rmse_after}% with the fitted ones.\n"
        "(Measured on {reviews} reviews from {answers} answers; lower is better.)").format(
            loss_before=number_text(result.before.log_loss, 4), loss_after=number_text(result.after.log_loss, 4),
            rmse_before=number_text(result.before.rmse * 100, 1), rmse_after=number_text(result.after.rmse * 100, 1),
            reviews=number_text(result.items), answers=number_text(result.answers))


class _Relay(QObject):
    """Carries the fit's stage from the worker thread. It has no parent and the worker holds it,
    so the worker never touches a deleted object when the dialog is closed mid-fit (its
    connections go with the dialog)."""

    stage = Signal(str)


class OptimiseDialog(QDialog):
    """Optimise the FSRS parameters of one deck (``deck``) or of every deck (None)."""

    saved = Signal()  # parameters were saved (used or restored)

    def __init__(self, store: Store, deck: str | None, deck_title: str, now: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._deck, self._now = store, deck, now
        self.state = OptimiseState.IDLE
        self.fit_result: Fit | None = None
        scope = title_text(deck_title) if deck is not None else self.tr("every deck")
        self.setWindowTitle(window_title(self.tr("Optimise the schedule: {scope}").format(scope=scope)))
        self.setAccessibleName(self.tr("Optimise the schedule"))
        self.setMinimumSize(640, 340)  # room for the wrapped explanation and the three lines of measures
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            self.tr("Fit the memory model's 21 parameters to your own answers ({scope}), so the intervals "
                    "follow how you remember. It needs at least {minimum} reviews given a day or more after "
                    "the card's previous answer.").format(scope=scope, minimum=MIN_ITEMS), name=self.tr("Optimise explanation"))
        self.current = plain_label("", name=self.tr("Current parameters"))
        self.status = plain_label("", name=self.tr("Optimise status"))
        self.measures = plain_label("", name=self.tr("Optimise measures"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Optimise progress"))
        self.progress.setRange(0, 0)  # the library reports no steps: a busy bar while it works
        self.progress.hide()
        buttons = QHBoxLayout()
        self.optimise = QPushButton(self.tr("&Optimise"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.use = QPushButton(self.tr("&Use these parameters"))
        self.restore = QPushButton(self.tr("&Restore previous"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.optimise, self.cancel_button, self.use, self.restore):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for widget in (self.intro, self.current, self.progress, self.status, self.measures):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.optimise.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use.clicked.connect(self.use_fitted)
        self.restore.clicked.connect(self.restore_previous)
        self.close_button.clicked.connect(self.reject)
        # No parent, for the same reason as _Relay: the worker thread holds the task until it reports.
        self._task = BackgroundTask()
        self._task.finished.connect(self._finished)
        self._task.failed.connect(self._failed)
        self._show_current()
        self._set_state(OptimiseState.IDLE)

    # -- state -----------------------------------------------------------------------------

    def _saved(self) -> tuple[tuple[float, ...] | None, tuple[float, ...] | None]:
        return self._store.fsrs_parameter_record(self._deck)

    def _in_use(self) -> tuple[float, ...]:
        return CardScheduler(parameters=self._store.fsrs_parameters(self._deck)).parameters

    def _show_current(self) -> None:
        own, _previous = self._saved()
        if own is not None:
            text = self.tr("In use: parameters fitted to your answers.")
        elif self._deck is not None and self._store.fsrs_parameters(self._deck) is not None:
            text = self.tr("In use: the parameters fitted for every deck.")
        else:
            text = self.tr("In use: FSRS's default parameters.")
        self.current.setText(text)

    def _set_state(self, state: OptimiseState) -> None:
        self.state = state
        running = state is OptimiseState.RUNNING
        self.optimise.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.use.setEnabled(state is OptimiseState.DONE and self.fit_result is not None and self.fit_result.better)
        own, previous = self._saved()
        self.restore.setEnabled(not running and (own is not None or previous is not None))

    # -- the fit ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the fit off the UI thread (its process reads the answers itself)."""
        database = self._store.path
        if database is None:
            self.status.setText(self.tr("This database is not a file: there is nothing to optimise from."))
            return
        current, deck = self._in_use(), self._deck
        self.fit_result = None
        self.measures.setText("")
        self.status.setText(self.tr("Reading your answers…"))
        relay = _Relay()
        relay.stage.connect(self.status.setText)

        # Translated here, on the UI thread: ``items`` runs on the worker, which must not touch the
        # dialog (closed meanwhile, it is deleted: calling its ``tr`` there crashed the process).
        fitting = self.tr("Fitting the parameters to {reviews} reviews…")

        def items(count: int) -> None:
            relay.stage.emit(fitting.format(reviews=number_text(count)))

        def work(cancel: threading.Event) -> Fit | None:
            return fit_in_process(database, deck, current, cancel, on_items=items)

        self._set_state(OptimiseState.RUNNING)
        self._task.start(work, name="studyapp-optimise")

    def cancel(self) -> None:
        """Stop the fit (its process is ended); nothing is changed."""
        self._task.cancel()
        self.status.setText(self.tr("Cancelled: nothing was changed."))
        self._set_state(OptimiseState.IDLE)

    def _finished(self, result: object) -> None:
        if not isinstance(result, Fit):
            return
        self.fit_result = result
        self.measures.setText(measures_text(result))
        if result.better:
            self.status.setText(self.tr("The fitted parameters predict your answers better than the current ones."))
        else:
            self.status.setText(self.tr("Your current parameters already predict your answers at least as well: "
                                        "nothing to change."))
        self._set_state(OptimiseState.DONE)

    def _failed(self, message: str) -> None:
        # OptimiseError's message is for the person; anything else is said in one line.
        prefix = f"{OptimiseError.__name__}: "
        self.status.setText(message[len(prefix):] if message.startswith(prefix) else
                            self.tr("The parameters could not be fitted ({message}).").format(message=message))
        self._set_state(OptimiseState.IDLE)

    # -- saving ----------------------------------------------------------------------------

    def use_fitted(self) -> None:
        """Save the fitted parameters, keeping the ones they replace."""
        if self.fit_result is None:
            return
        own, _previous = self._saved()
        if self._save(self.fit_result.parameters, own):
            self.status.setText(self.tr("The fitted parameters are in use. \"Restore previous\" goes back."))
            self.use.setEnabled(False)

    def restore_previous(self) -> None:
        """Put back the parameters the current ones replaced (the defaults if none were saved)."""
        own, previous = self._saved()
        if self._save(previous, own):
            self.status.setText(self.tr("The previous parameters are in use again."))

    def _save(self, parameters: tuple[float, ...] | None, previous: tuple[float, ...] | None) -> bool:
        try:
            self._store.save_fsrs_parameters(self._deck, parameters, previous, self._now())
        except SaveError as exc:
            self.status.setText(self.tr("The parameters could not be saved: {reason}. Nothing was changed.").format(
                reason=core_text(exc.reason.wording)))
            return False
        self._show_current()
        self._set_state(self.state)
        self.saved.emit()
        return True

    def done(self, result: int) -> None:
        """Closing stops a fit still running."""
        self._task.cancel()
        super().done(result)
