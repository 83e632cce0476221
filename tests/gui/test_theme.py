"""The light palette written out in ``theme`` is Fusion's own, and start-up never wraps a QStyle.

``theme.light_palette`` and ``deck_model.MasteryDelegate`` avoid asking Python for the style
object (its first wrapper builds PySide6's ``QStyle`` type: ~6 ms of start-up); these tests
check that nothing changes for it: the same palette, the same Fusion style, the same bar.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTableView

from studyapp.ui.deck_model import Column, DeckRow, DeckTableModel, MasteryDelegate
from studyapp.ui.theme import FUSION, Scheme, apply_scheme, light_palette

REPO = Path(__file__).resolve().parents[2]
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
ROLES = [r for r in QPalette.ColorRole if r is not QPalette.ColorRole.NColorRoles]


@pytest.fixture
def fusion_app(qapp: QApplication) -> Iterator[QApplication]:
    """The test application in Fusion; its style and palette are put back afterwards."""
    old_palette, old_style = qapp.palette(), qapp.style().name()
    qapp.setStyle(FUSION)
    try:
        yield qapp
    finally:
        qapp.setStyle(old_style)
        qapp.setPalette(old_palette)


def test_the_light_palette_is_fusions_standard_palette(fusion_app: QApplication) -> None:
    standard = fusion_app.style().standardPalette()
    ours = light_palette()
    differ = [(g.name, r.name) for g in GROUPS for r in ROLES if ours.brush(g, r) != standard.brush(g, r)]
    assert differ == []
    assert ours.resolveMask() == standard.resolveMask()  # the same roles set, so the same fallbacks
    assert ours == standard


def test_applying_light_after_dark_gives_what_the_styles_palette_gives(fusion_app: QApplication) -> None:
    apply_scheme(fusion_app, Scheme.DARK)
    assert fusion_app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    apply_scheme(fusion_app, Scheme.LIGHT)
    ours = fusion_app.palette()
    fusion_app.setPalette(fusion_app.style().standardPalette())
    assert ours == fusion_app.palette()
    assert ours.color(QPalette.ColorRole.Window).name() == "#efefef"


def test_the_window_starts_in_fusion_without_wrapping_a_style(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "import PySide6.QtWidgets as widgets\n"
        "from studyapp.cli import main\n"
        f"rc = main(['--exit-when-shown', '--data-dir', {str(tmp_path / 'data')!r}])\n"
        "wrapped = 'QStyle' in widgets.__dict__\n"  # PySide6 adds a class to the module when first used
        "app = widgets.QApplication.instance()\n"
        "print(rc, wrapped, app.style().name(), app.palette().color(app.palette().ColorRole.Window).name())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.split() == ["0", "False", "fusion", "#efefef"]


def _row(deck_id: str, mastered: int) -> DeckRow:
    return DeckRow(deck_id, deck_id, 10, 0, 0, 0, mastered, None, False, 0)


def test_the_mastery_bar_is_drawn_in_highlight_or_on_it(fusion_app: QApplication, qtbot: Any) -> None:
    """A full bar is the highlight colour; on the selected row, the highlighted-text colour."""
    apply_scheme(fusion_app, Scheme.LIGHT)
    model = DeckTableModel()
    model.set_rows([_row("full", 10), _row("chosen", 10), _row("none", 0)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(Column.MASTERY, MasteryDelegate(view))
    view.resize(800, 200)
    view.selectRow(1)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    cell = [view.visualRect(model.index(row, Column.MASTERY)) for row in range(3)]
    palette = view.palette()

    def bar_pixel(row: int) -> str:
        rect = cell[row]
        return image.pixelColor(rect.x() + 12, rect.center().y()).name()

    assert bar_pixel(0) == palette.highlight().color().name()
    assert bar_pixel(1) == palette.highlightedText().color().name()
    assert bar_pixel(2) != palette.highlight().color().name()  # 0%: the faint track only
    assert model.index(0, Column.MASTERY).data() == "100%"  # still the cell's text for screen readers


def _ring_contrast(app: QApplication, widget_type: type, qtbot: Any) -> int:
    """The largest difference between the window colour and any pixel of an unchecked indicator."""
    box = widget_type("x")
    qtbot.addWidget(box)
    box.resize(60, 24)
    image = box.grab().toImage()
    window = app.palette().color(QPalette.ColorRole.Window)
    height = image.height()
    return max(
        max(abs(c.red() - window.red()), abs(c.green() - window.green()), abs(c.blue() - window.blue()))
        for c in (image.pixelColor(x, y) for x in range(min(18, image.width())) for y in range(height))
    )


@pytest.mark.parametrize("widget_name", ["QRadioButton", "QCheckBox"])
def test_radio_buttons_and_check_boxes_show_on_a_dark_window(fusion_app: QApplication, qtbot: Any,
                                                             widget_name: str) -> None:
    """Issue 16: in dark mode an unchecked radio button or check box was a near-black ring on a
    dark window; its outline now stands out clearly, and going back to light undoes the change."""
    import PySide6.QtWidgets as widgets

    widget_type = getattr(widgets, widget_name)
    try:
        apply_scheme(fusion_app, Scheme.DARK, set_style=False)
        assert _ring_contrast(fusion_app, widget_type, qtbot) >= 60
    finally:
        apply_scheme(fusion_app, Scheme.LIGHT, set_style=False)
    light = light_palette()
    outline_roles = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Text)
    assert all(QApplication.palette(widget_name).color(g, r) == light.color(g, r) for g in GROUPS for r in outline_roles)
