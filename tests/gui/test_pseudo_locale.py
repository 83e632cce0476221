"""Ready for other languages: the window under a pseudo translation.

The texts are extracted from the sources as ``make translations`` does, every one lengthened by
~40 % and marked (``pseudo_locale``), compiled with ``pyside6-lrelease`` and installed as the
application's translator. Each screen is then opened at the window's default size, and every
text a person reads there must carry the marker (else it never went through the translator)
unless it is file content or a number, and none may be cut off (``pseudo_sweep``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QWidget

from pseudo_locale import TEMPLATE, extract_template, messages, pseudo, pseudo_qm, pseudo_text  # noqa: F401 - fixtures
from pseudo_screens import SCREENS, check_page, close_dialogs, open_window
from pseudo_sweep import cut_off, menu_texts, untranslated, visible_texts, window_cuts

pytestmark = pytest.mark.slow  # every screen of the window, one window per screen


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_text_is_translated_and_fits(
    screen: str, pseudo: QTranslator, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = open_window(qtbot, tmp_path, monkeypatch)
    try:
        tops = SCREENS[screen](visit)
        assert tops, "the screen showed nothing"
        check_page(visit, tops)
    finally:
        close_dialogs()
        visit.running.close()


def test_every_menu_entry_is_translated(pseudo: QTranslator, qtbot: Any, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMenu

    visit = open_window(qtbot, tmp_path, monkeypatch)
    try:
        bar = visit.window.menuBar()
        menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
        shown = list(menu_texts(menus))
        assert len(shown) > 15
        missing = untranslated(shown, [])
        assert not missing, "menu texts that never went through the translator:\n" + "\n".join(missing)
    finally:
        visit.running.close()


def test_the_pseudo_text_keeps_placeholders_and_grows() -> None:
    text = pseudo_text("%n question(s) in %1 · {deck}\tCtrl+B")
    assert text.startswith("[‹%n question(s) in %1 · {deck}") and text.endswith("›]\tCtrl+B")
    assert len(text.split("\t")[0]) >= 1.4 * len("%n question(s) in %1 · {deck}")


def test_the_template_is_current(tmp_path: Path) -> None:
    """``make translations`` was run after the last change of a window text."""
    fresh = messages(extract_template(tmp_path / "studyapp.ts"))
    committed = messages(TEMPLATE)
    assert fresh == committed, (
        "studyapp.ts is stale: run `make translations`\n"
        f"new: {sorted(fresh - committed)[:20]}\ngone: {sorted(committed - fresh)[:20]}")


def test_the_makefile_extracts_as_the_test_does() -> None:
    from pseudo_locale import REPO

    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "pyside6-lupdate -silent -source-language en -locations none -no-obsolete -extensions py" in makefile
    assert "\\\n\t  studyapp -ts $(TS_TEMPLATE)" in makefile  # the whole package: the core marks texts too


def test_the_sweep_notices_an_unmarked_a_cut_and_an_elided_text(qtbot: Any) -> None:
    """The checks themselves: what they must catch, and file content they must let through."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    marked, plain, deck = QLabel(pseudo_text("Decks")), QLabel("Decks"), QLabel("Sample deck · 12")
    narrow = QPushButton(pseudo_text("A long button text"))
    narrow.setFixedWidth(30)
    elided = QLabel(pseudo_text("Questions")[:6] + "…")
    for widget in (marked, plain, deck, narrow, elided):
        layout.addWidget(widget)
    top.show()
    shown = list(visible_texts(top))
    missing = untranslated(shown, ["Sample deck"])
    assert missing == ["QWidget label QLabel: 'Decks'", "QWidget label QLabel: '[‹Ques…'"]
    cut = cut_off(shown)
    assert len(cut) == 2 and "elided '[‹Ques…'" in cut[1] and "needs" in cut[0]


def test_the_sweep_notices_a_folded_menu_bar_and_a_long_status_message(qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    window.statusBar()  # made before the window is shown, as the app's
    window.resize(360, 200)
    for word in ("File", "View", "Tools", "Help", "Statistics", "Questions"):
        window.menuBar().addMenu(pseudo_text(word * 2))
    window.show()
    qtbot.waitExposed(window)
    assert [c.split(" needs")[0] for c in window_cuts(window)] == ["menu bar"]  # its last menus fold into "»"
    window.menuBar().clear()
    window.statusBar().showMessage(pseudo_text("Saved."))
    assert window_cuts(window) == []
    window.statusBar().showMessage(pseudo_text("Saved deck 'sample-deck' in your question folder. " * 2))
    assert [c.split(" needs")[0][:18] for c in window_cuts(window)] == ["status bar message"]
