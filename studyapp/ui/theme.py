"""Light/dark palette and font size: one place decides colours the custom-painted parts use.

By default the app follows the system theme (``QStyleHints.colorScheme``); the person may choose
light or dark instead (the settings dialog; kept in the data folder's settings under
``THEME_KEY``). Fusion with an explicit palette is used either way, so every platform plugin
looks the same.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

if TYPE_CHECKING:  # imported when a theme was chosen: creating the enum costs ~0.4 ms of start-up
    from PySide6.QtCore import QSettings

    from studyapp.preferences import Theme

FONT_MIN, FONT_MAX, FONT_DEFAULT = 8, 28, 11
FUSION = "Fusion"


class Scheme(Enum):
    """Which palette the window shows."""

    LIGHT = "light"
    DARK = "dark"


class Colors(NamedTuple):
    """Colours for highlights, tints and charts that must read well in both schemes.

    A named tuple, not a dataclass: it is defined at every start-up, where a frozen
    dataclass costs ~0.9 ms to create and a named tuple ~0.1 ms.
    """

    highlight: QColor  # the quoted passage in the reader
    weak: QColor
    learning: QColor
    known: QColor
    muted: QColor  # secondary text
    accent: QColor
    heat_empty: QColor
    heat_full: QColor


def system_scheme() -> Scheme:
    """The scheme the desktop asks for (light if it does not say)."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return Scheme.DARK if scheme == Qt.ColorScheme.Dark else Scheme.LIGHT


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion."""
    p = QPalette()
    base, window, text = QColor(32, 33, 36), QColor(43, 44, 48), QColor(232, 234, 237)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor(50, 52, 56))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor(56, 58, 62))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(66, 133, 244))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, base)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Link, QColor(138, 180, 248))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(154, 160, 166))
        p.setColor(group, QPalette.ColorRole.Mid, QColor(80, 82, 86))
        p.setColor(group, QPalette.ColorRole.Dark, QColor(24, 25, 27))
    disabled = QColor(128, 130, 134)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(50, 52, 56))
    return p


def light_palette() -> QPalette:
    """Fusion's standard light palette (what Fusion's ``QStyle.standardPalette`` returns), written out.

    Asking the style for it would wrap the style object, and the first ``QStyle`` wrapper
    builds PySide6's ``QStyle`` type with its eleven large enums: ~6 ms of a start-up that
    otherwise never needs them. The shades are derived as Qt derives them, and Link and
    LinkVisited are left unset as Qt leaves them; ``tests/gui/test_theme.py`` checks that the
    result equals the style's palette, role by role and in what it sets.
    """
    window = QColor(239, 239, 239)
    mid, dark = window.darker(130), window.darker(150)
    shadow = dark.darker(135)
    grey_text = QColor(190, 190, 190)
    roles: dict[QPalette.ColorRole, tuple[QColor, QColor]] = {  # (active and inactive, disabled)
        QPalette.ColorRole.WindowText: (QColor(0, 0, 0), grey_text),
        QPalette.ColorRole.Button: (window, window),
        QPalette.ColorRole.Light: (QColor(255, 255, 255), QColor(255, 255, 255)),
        QPalette.ColorRole.Midlight: (mid.lighter(110), mid.lighter(110)),
        QPalette.ColorRole.Dark: (dark, grey_text),
        QPalette.ColorRole.Mid: (mid, mid),
        QPalette.ColorRole.Text: (QColor(0, 0, 0), grey_text),
        QPalette.ColorRole.BrightText: (QColor(255, 255, 255), QColor(255, 255, 255)),
        QPalette.ColorRole.ButtonText: (QColor(0, 0, 0), grey_text),
        QPalette.ColorRole.Base: (QColor(255, 255, 255), window),
        QPalette.ColorRole.Window: (window, window),
        QPalette.ColorRole.Shadow: (shadow, shadow.lighter(150)),
        QPalette.ColorRole.Highlight: (QColor(48, 140, 198), QColor(145, 145, 145)),
        QPalette.ColorRole.HighlightedText: (QColor(255, 255, 255), QColor(255, 255, 255)),
        QPalette.ColorRole.AlternateBase: (QColor(247, 247, 247), QColor(247, 247, 247)),
        QPalette.ColorRole.ToolTipBase: (QColor(255, 255, 220), QColor(255, 255, 220)),
        QPalette.ColorRole.ToolTipText: (QColor(0, 0, 0), QColor(0, 0, 0)),
        QPalette.ColorRole.PlaceholderText: (QColor(0, 0, 0, 128), QColor(0, 0, 0, 128)),
        QPalette.ColorRole.Accent: (QColor(48, 140, 198), QColor(145, 145, 145)),
    }
    p = QPalette()
    for role, (normal, disabled) in roles.items():
        p.setColor(QPalette.ColorGroup.Active, role, normal)
        p.setColor(QPalette.ColorGroup.Inactive, role, normal)
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        p.setBrush(group, QPalette.ColorRole.NoRole, QBrush())  # set, and empty, as in Qt's
    return p


def apply_scheme(app: QGuiApplication, scheme: Scheme, *, set_style: bool = True) -> None:
    """Switch the whole application to ``scheme`` (Fusion style, matching palette).

    ``set_style=False`` when the application was created with the Fusion style already
    (``-style Fusion`` on its command line, as ``app.run_window`` does): ``setStyle`` hands back
    the style object, and wrapping it builds PySide6's ``QStyle`` type (see ``light_palette``).
    """
    if set_style and isinstance(app, QApplication):
        app.setStyle(FUSION)
    palette = dark_palette() if scheme is Scheme.DARK else light_palette()
    app.setPalette(palette)
    if isinstance(app, QApplication):
        # Fusion draws a radio button's or check box's outline a shade darker than the window:
        # on a dark window it disappeared. These classes get a palette whose outline shows.
        dark = scheme is Scheme.DARK
        for class_name in ("QRadioButton", "QCheckBox"):
            QApplication.setPalette(indicator_palette(palette) if dark else palette, class_name)  # type: ignore[arg-type]  # the stub says bytes; PySide6 takes str
        # Item views draw the check boxes of checkable rows on their own face (Base): only the outline.
        QApplication.setPalette(indicator_palette(palette, face=False) if dark else palette, "QAbstractItemView")  # type: ignore[arg-type]


#: Settings key of the chosen ``Theme`` (its value: "system", "light" or "dark").
THEME_KEY = "view/theme"


def saved_theme(settings: QSettings) -> Theme:
    """The theme chosen in ``settings`` (the system's when none, or an unknown one, is stored)."""
    from studyapp.preferences import Theme

    return Theme.parse(settings.value(THEME_KEY, Theme.SYSTEM.value))


def saved_scheme(settings: QSettings) -> Scheme:
    """The palette the theme chosen in ``settings`` means now (start-up: nothing chosen, the system's)."""
    if settings.value(THEME_KEY) is None:
        return system_scheme()
    return scheme_for(saved_theme(settings))


def scheme_for(theme: Theme) -> Scheme:
    """The palette ``theme`` means now (for ``Theme.SYSTEM``: what the desktop asks for)."""
    if theme == "system":  # a StrEnum: compared by value, so this module need not import it
        return system_scheme()
    return Scheme.DARK if theme == "dark" else Scheme.LIGHT


def apply_theme(app: QGuiApplication, theme: Theme, *, set_style: bool = True) -> None:
    """Show ``theme`` in the whole application at once (see ``apply_scheme`` for ``set_style``)."""
    apply_scheme(app, scheme_for(theme), set_style=set_style)


def follow_system_change(app: QGuiApplication, settings: QSettings) -> None:
    """The desktop switched between light and dark: follow it unless a theme was chosen."""
    if saved_theme(settings) == "system":
        apply_scheme(app, system_scheme())


def indicator_palette(palette: QPalette, *, face: bool = True) -> QPalette:
    """``palette`` with a lighter window colour, from which Fusion derives the outline of check
    boxes and radio buttons (a darker shade of it), and (``face``) a box face a step above the window."""
    marks = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        marks.setColor(group, QPalette.ColorRole.Window, QColor(150, 154, 160))
        if face:
            marks.setColor(group, QPalette.ColorRole.Base, QColor(62, 64, 69))
    return marks


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is dark."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colors_for(palette: QPalette) -> Colors:
    """Accent colours tuned to the palette's lightness."""
    if is_dark(palette):
        return Colors(
            highlight=QColor(120, 100, 20),
            weak=QColor(110, 45, 45),
            learning=QColor(110, 90, 30),
            known=QColor(40, 95, 55),
            muted=QColor(170, 174, 180),
            accent=QColor(138, 180, 248),
            heat_empty=QColor(55, 57, 62),
            heat_full=QColor(80, 200, 120),
        )
    return Colors(
        highlight=QColor(255, 236, 140),
        weak=QColor(250, 215, 210),
        learning=QColor(252, 238, 200),
        known=QColor(210, 240, 215),
        muted=QColor(100, 104, 110),
        accent=QColor(26, 115, 232),
        heat_empty=QColor(216, 220, 226),
        heat_full=QColor(30, 140, 70),
    )


def clamp_font_size(size: int) -> int:
    """Keep a requested point size in the range the layouts are checked with."""
    return max(FONT_MIN, min(FONT_MAX, size))


FONT_SCALE_PROPERTY = "studyappFontScale"


def scale_font(widget: QWidget, factor: float, *, bold: bool = True) -> None:
    """Give ``widget`` a font ``factor`` times the surrounding size; ``rescale_fonts`` keeps it so."""
    widget.setProperty(FONT_SCALE_PROPERTY, float(factor))
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def rescale_fonts(root: QWidget, base_point_size: float) -> None:
    """After the base size changed (or a screen was built): re-derive every ``scale_font`` widget
    under ``root``, and give widgets with a style sheet the base size explicitly.

    Qt stops propagating the parent's font to a widget once a style sheet has polished it, so
    without this the muted hints, captions and quotes stayed at the application's default size
    while the rest of the window followed the text size. Table headings are given it too: the
    quiz results' headings kept the application's header font (9 pt) under an 11 pt table.
    """

    for w in root.findChildren(QWidget):
        factor = w.property(FONT_SCALE_PROPERTY)
        if factor or w.styleSheet() or isinstance(w, QHeaderView):
            font = w.font()
            font.setPointSizeF(base_point_size * float(factor or 1.0))
            w.setFont(font)
