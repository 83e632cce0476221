"""The child of test_hostile_sweep: drives the real window over hostile question files.

Run as ``python hostile_sweep_child.py WORK_DIR REPORT.json`` with WORK_DIR prepared by the test
(question folder, data folder, the FIFO, the hostile article and import files; see
``hostile_sweep_data``). It visits every screen, tooltip and dialog of the window, answering
questions so the statistics have data, and writes what was shown to REPORT.json. Anything
that reads an ``<img src=...>`` kills or blocks this process; the parent watches for that.
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractItemModel, QEvent, QPoint, QSettings, Qt, QUrl  # noqa: E402
from PySide6 import QtGui  # noqa: E402
from PySide6.QtGui import QHelpEvent, QTextDocument  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QToolTip,
    QWidget,
)

from hostile_sweep_data import layout  # noqa: E402
from window_samples import FIXED_NOW, add_history  # noqa: E402


class SafeDocument(QTextDocument):
    """Renders rich text to read it back as the user sees it, loading nothing (and noting tries)."""

    tried: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        SafeDocument.tried.append(name.toString())
        return None


def as_shown(text: str) -> str:
    """What Qt shows for ``text`` where it guesses the format (tooltips, AutoText labels)."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = SafeDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def html_shown(text: str) -> str:
    """What QtCharts shows for ``text`` (it always renders labels as HTML)."""
    doc = SafeDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount()
    except TypeError:  # a list model: PySide6 makes its columnCount private
        return 1


class Sweep:
    """Visits the window and records what it showed."""

    def __init__(self, app: QApplication, window: Any) -> None:
        self.app = app
        self.window = window
        self.report: dict[str, list[Any]] = {
            "screens": [], "labels": [], "tooltips": [], "categories": [], "chart_titles": [],
            "message_boxes": [], "window_titles": [], "items": [], "plain_views": [], "status": [],
        }

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def look(self, name: str, widget: QWidget) -> None:
        """Paint ``widget`` (a screen or a dialog) and record every text in it."""
        self.settle()
        image = widget.grab().toImage()  # renders everything: any image a label refers to is loaded here
        self.report["screens"].append([name, image.width(), image.height()])
        for label in widget.findChildren(QLabel):
            if label.text():
                plain = label.textFormat() == Qt.TextFormat.PlainText
                shown = label.text() if plain else as_shown(label.text())
                self.report["labels"].append([name, label.text(), plain, shown])
        for edit in widget.findChildren(QPlainTextEdit) + widget.findChildren(QTextEdit):
            self.report["plain_views"].append([name, edit.toPlainText()[:20000]])
        for view in widget.findChildren(QAbstractItemView):
            self.hover_items(name, view)
        for child in [widget, *widget.findChildren(QWidget)]:
            if child.toolTip():
                self.report["tooltips"].append([name, child.toolTip(), as_shown(child.toolTip())])
        self.report["status"].append([name, self.window.statusBar().currentMessage()])
        self.report["window_titles"].append([name, widget.window().windowTitle(), self.shown_title(widget.window())])

    @staticmethod
    def shown_title(widget: QWidget) -> str:
        handle = widget.windowHandle()
        return handle.title() if handle is not None else widget.windowTitle()

    def hover_items(self, name: str, view: QAbstractItemView) -> None:
        """Hover every cell of an item view, as the mouse would: Qt shows the item's tooltip."""
        model = view.model()
        if model is None or not view.isVisible():
            return
        rows, columns = min(model.rowCount(), 50), _columns(model)
        for row in range(rows):
            for col in range(columns):
                index = model.index(row, col)
                self.report["items"].append([name, str(index.data(Qt.ItemDataRole.DisplayRole))])
                rect = view.visualRect(index)
                if rect.isEmpty():
                    continue
                viewport = view.viewport()
                event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
                QApplication.sendEvent(viewport, event)
                self.settle()
                if QToolTip.isVisible():
                    tip = QToolTip.text()
                    self.report["tooltips"].append([name, tip, as_shown(tip)])
                    QToolTip.hideText()
        if isinstance(view, QTableView):
            header = view.horizontalHeader()
            for col in range(columns):
                pos = QPoint(header.sectionViewportPosition(col) + 5, 5)
                QApplication.sendEvent(header.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, header.viewport().mapToGlobal(pos)))
                self.settle()
                QToolTip.hideText()

    def message_box_exec(self) -> Callable[[QMessageBox], int]:
        """A stand-in for QMessageBox.exec: shows the real box, looks at it, answers Yes/OK."""
        sweep = self

        def exec_(box: QMessageBox) -> int:
            box.show()
            sweep.look(f"message box {box.windowTitle()}", box)
            sweep.report["message_boxes"].append([box.windowTitle(), box.text(), int(box.textFormat().value)])
            box.hide()
            yes = QMessageBox.StandardButton.Yes
            return int((yes if box.standardButtons() & yes else QMessageBox.StandardButton.Ok).value)

        return exec_


def answer(view: Any) -> None:
    """Give some answer to the question on the quiz screen and submit it."""
    from studyapp.ui.answer_inputs.arrange import MatchInput
    from studyapp.ui.answer_inputs.card import CardInput
    from studyapp.ui.answer_inputs.typed import ClozeInput, TextInput

    answer_input = view.input
    if isinstance(answer_input, TextInput):
        answer_input.edit.setText('<img src="/dev/zero"> typed <b>answr</b>')
    elif isinstance(answer_input, ClozeInput):
        for edit in answer_input.gaps:
            edit.setText("<b>bold</b> gap")
    elif isinstance(answer_input, MatchInput):
        for combo in answer_input.combos:
            combo.setCurrentIndex(1)
    elif isinstance(answer_input, CardInput):
        answer_input.reveal()
        answer_input.pick(2)  # submits by itself
        return
    else:
        answer_input.pick(1)
    view.submit()


def main() -> int:
    work, report_path = Path(sys.argv[1]), Path(sys.argv[2])
    paths = layout(work)
    os.chdir(work)  # where a relative <img src=fifo> would be looked for
    app = QApplication([sys.argv[0]])
    from studyapp.app import start_app
    from studyapp.paths import DataPaths
    from studyapp.study.quiz import Quiz, QuizOptions, make_item
    from studyapp.study.scheduling import Rating
    from studyapp.ui import dialogs
    from studyapp.ui.draft_dialog import DraftDialog
    from studyapp.ui.import_dialog import ImportDialog
    from studyapp.ui.main_window import Screen

    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    running = start_app(DataPaths(paths.data), settings, dirs=[paths.questions], now=lambda: FIXED_NOW)
    window = running.window
    sweep = Sweep(app, window)
    QMessageBox.exec = sweep.message_box_exec()  # type: ignore[method-assign]
    files: list[Path] = []
    dialogs.open_file = lambda *_a, **_k: files.pop(0) if files else None  # type: ignore[assignment]
    dialogs.open_externally = lambda *_a, **_k: True  # type: ignore[assignment]
    add_history(running.core.store, window.bank, FIXED_NOW)
    window.resize(1000, 680)
    window.show()
    window.refresh_home()
    sweep.look("home", window)

    # Every deck: the quiz set-up, a quiz of every question (all eight types), feedback, results.
    for deck in window.bank.decks:
        window.home.select_deck(deck.id)
        sweep.look(f"home {deck.id}", window)
        window.start_quiz(deck.id)
        setup = window._setup_dialog
        sweep.look(f"quiz setup {deck.id}", setup)
        setup.reject()
        quiz = Quiz(tuple(make_item(q, random.Random(3)) for q in deck.questions), QuizOptions(count=99), 3)
        window.start_quiz_of(quiz)
        view = window.view(Screen.QUIZ)
        for number in range(len(quiz.items)):
            sweep.look(f"quiz {deck.id} {number}", window)
            answer(view)
            sweep.look(f"feedback {deck.id} {number}", window)
            quote = view.session.feedback.quote if view.session is not None else None
            if quote:
                window.open_reader(deck.id, quote)
                sweep.look(f"reader from quiz {deck.id} {number}", window)
                window.view(Screen.READER).back.click()
            view.next()
        sweep.look(f"results {deck.id}", window)
        window.start_flashcards(deck.id)
        cards = window.view(Screen.FLASHCARDS)
        for number in range(len(deck.questions)):
            if cards.session is None or cards.session.state.name != "SHOWING_FRONT":
                break
            sweep.look(f"card front {deck.id} {number}", window)
            cards.show_answer()
            sweep.look(f"card back {deck.id} {number}", window)
            cards.rate(Rating.Good)
        sweep.look(f"flashcards end {deck.id}", window)
        window.go_home()
        if deck.source is not None:
            window.open_reader(deck.id)
            reader = window.view(Screen.READER)
            reader.map_toggle.setChecked(True)
            sweep.look(f"reader {deck.id}", window)
            window.go_home()

    # Statistics, for every deck and all decks: every chart painted.
    window.show_stats()
    stats = window.view(Screen.STATS)
    for index in range(stats.scope.count()):
        stats.scope.setCurrentIndex(index)
        sweep.look(f"statistics {index}", window)
        for key, chart_view in stats.chart_views.items():
            chart = chart_view.chart()
            sweep.report["chart_titles"].append([key, chart.title(), html_shown(chart.title())])
            for series in chart.series():
                for bar_set in getattr(series, "barSets", lambda: [])():
                    for i in range(bar_set.count()):
                        bar_set.hovered.emit(True, i)  # as the mouse entering the bar does
                        tip = chart.toolTip()
                        if tip:  # shown as Qt shows a chart item's tooltip
                            QToolTip.showText(chart_view.mapToGlobal(QPoint(5, 5)), tip, chart_view)
                            sweep.settle()
                            sweep.report["tooltips"].append(["tag bar", QToolTip.text(), as_shown(QToolTip.text())])
                            QToolTip.hideText()
                        bar_set.hovered.emit(False, i)
            for axis in chart.axes():
                sweep.report["chart_titles"].append([key, axis.titleText(), html_shown(axis.titleText())])
                for category in getattr(axis, "categories", lambda: [])():
                    sweep.report["categories"].append([key, category, html_shown(category)])
    window.go_home()

    # Help, About, a file with problems added through File → Add, an unexpected error.
    window.show_format_help()
    sweep.look("help", window._help)
    window._help.close()
    window.show_about()
    files.append(paths.broken)
    window.add_question_file()
    running.reporter.handle(ValueError, ValueError(paths.values["error"]), None)
    for dialog in list(running.reporter.dialogs):
        dialog.show_button.setChecked(True)
        sweep.look("error dialog", dialog)
        dialog.close()

    # The problems panel and its tooltips.
    window.go_home()
    sweep.look("problems", window.home.problems)

    # Draft and import dialogs, with a hostile article and a hostile text export.
    draft = DraftDialog(paths.questions, window)
    draft.show()
    draft.load_article(paths.draft_article)
    while draft.task.running:  # drafted on a worker thread
        app.processEvents()
    app.processEvents()
    sweep.look("draft", draft)
    draft.close()
    importer = ImportDialog(paths.questions, window)
    importer.show()
    importer.load_file(paths.import_file)
    sweep.look("import", importer)
    importer.close()

    sweep.report["resource_tries"] = SafeDocument.tried
    report_path.write_text(json.dumps(sweep.report, ensure_ascii=False), encoding="utf-8")
    running.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
