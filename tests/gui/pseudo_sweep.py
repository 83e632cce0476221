"""What the pseudo-locale sweep looks at on a screen: every visible text, and whether it is cut.

``visible_texts`` lists the texts a person reads on a widget and its children (labels, buttons,
group box titles, window titles, menu entries, tab texts, placeholders, table headers, combo
box entries, progress bar texts, tooltips, and the accessible names a screen reader says), each
with where it was found. ``untranslated`` keeps those that carry no pseudo marker and are not file
content, ``partly_untranslated`` those with words outside every marked part; ``cut_off`` those
wider than their widget or cut (a marker opened but never closed: the text was elided).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from PySide6.QtCore import Qt

from pseudo_locale import CLOSE, OPEN

# Texts of Qt's standard buttons: Qt's own translation (qtbase_<language>.qm) covers them.
QT_STANDARD_BUTTONS = {
    "OK", "&OK", "Cancel", "&Cancel", "Close", "&Close", "Yes", "&Yes", "No", "&No", "Save", "&Save",
    "Apply", "&Apply", "Reset", "Help", "Open", "Discard", "Restore Defaults", "Abort", "Retry", "Ignore",
}
PRODUCT_NAMES = {"studyapp", "FSRS", "Anki", "GIFT", "CSV", "YAML"}
# A file name's extension, as a format's name shows it: "Anki package (.apkg)".
_EXTENSION = re.compile(r"\(\.[a-z0-9]{2,5}\)")
# Left once file content and numbers are taken out: nothing a person would read as words.
_NO_WORDS = re.compile(r"^[\W\d_]*$")


@dataclasses.dataclass(frozen=True)
class Shown:
    """One text on a screen: where it was found and the text."""

    where: str
    text: str
    widget: QWidget | None = None


def data_strings(objects: Iterable[object], extra: Iterable[str] = ()) -> list[str]:
    """Every string held in ``objects`` (decks, questions: dataclasses, tuples, dicts), longest
    first, with ``extra`` (paths shown)."""
    found: set[str] = set(extra)

    def walk(value: object, depth: int = 0) -> None:
        if depth > 8:
            return
        if isinstance(value, str):
            if value.strip():
                found.add(value)
        elif isinstance(value, Path):
            found.add(str(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), depth + 1)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k, depth + 1)
                walk(v, depth + 1)
        elif isinstance(value, (tuple, list, frozenset, set)):
            for item in value:
                walk(item, depth + 1)
        elif hasattr(value, "_fields"):
            walk(tuple(value), depth + 1)  # type: ignore[arg-type]

    for obj in objects:
        walk(obj)
    return sorted(found, key=len, reverse=True)


def is_marked(text: str) -> bool:
    """The text went through the pseudo translator (at least one marked part)."""
    return OPEN in text and CLOSE in text


def is_content(text: str, data: list[str]) -> bool:
    """Only file content, names of things and numbers: nothing to translate."""
    rest = _EXTENSION.sub(" ", text)
    for value in data:
        if value in rest:
            rest = rest.replace(value, " ")
    for name in PRODUCT_NAMES:
        rest = rest.replace(name, " ")
    return bool(_NO_WORDS.match(rest))


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0


def visible_texts(top: QWidget) -> Iterator[Shown]:
    """Every text a person reads on ``top`` (a window or dialog) and its visible children."""
    name = type(top).__name__
    if top.isWindow() and top.windowTitle():
        yield Shown(f"{name} window title", top.windowTitle(), top)
    if isinstance(top, QMainWindow):  # its menu bar and menus, and what the status bar says
        yield from menu_texts(a.menu() for a in top.menuBar().actions() if isinstance(a.menu(), QMenu))
        if top.statusBar().currentMessage():
            yield Shown(f"{name} status bar", top.statusBar().currentMessage(), top.statusBar())
    for label in top.findChildren(QLabel):
        if _shown(label) and label.text() and not isinstance(label.parent(), QAbstractButton):
            yield Shown(f"{name} label {label.objectName() or type(label).__name__}", _plain(label), label)
    for button in top.findChildren(QAbstractButton):
        if _shown(button) and button.text() and not _standard_button(button):
            yield Shown(f"{name} button", button.text(), button)
    for box in top.findChildren(QGroupBox):
        if _shown(box) and box.title():
            yield Shown(f"{name} group box", box.title(), box)
    for bar in top.findChildren(QTabBar):
        if _shown(bar):
            for i in range(bar.count()):
                yield Shown(f"{name} tab", bar.tabText(i), None)
    for edit in top.findChildren(QLineEdit):
        if _shown(edit) and edit.placeholderText():
            yield Shown(f"{name} placeholder", edit.placeholderText(), None)
    for text_edit in top.findChildren(QPlainTextEdit) + top.findChildren(QTextEdit):
        if _shown(text_edit) and text_edit.placeholderText():
            yield Shown(f"{name} placeholder", text_edit.placeholderText(), None)
    for combo in top.findChildren(QComboBox):
        if _shown(combo):
            for i in range(combo.count()):
                yield Shown(f"{name} combo entry", combo.itemText(i), None)
    for view in top.findChildren(QAbstractItemView):
        if _shown(view) and view.model() is not None:
            yield from _headers(name, view)
    for rows in top.findChildren(QListWidget):
        if _shown(rows):
            for i in range(rows.count()):
                yield Shown(f"{name} list row", rows.item(i).text(), None)
    for bar in top.findChildren(QProgressBar):
        if _shown(bar) and bar.isTextVisible() and bar.text():
            yield Shown(f"{name} progress bar", bar.text(), None)
    for widget in [top, *top.findChildren(QWidget)]:  # what a screen reader says
        if _shown(widget) and widget.accessibleName():
            yield Shown(f"{name} accessible name of {type(widget).__name__}", widget.accessibleName(), None)
        if _shown(widget) and widget.toolTip():
            yield Shown(f"{name} tooltip of {type(widget).__name__}", _as_plain(widget.toolTip()), None)


def window_cuts(top: QWidget) -> list[str]:
    """A main window's menu bar that needs more room than the window (its last menus fold into
    a "»" button) and a status bar message longer than the bar."""
    if not isinstance(top, QMainWindow):
        return []
    cut = []
    bar = top.menuBar()
    needed = sum(bar.actionGeometry(a).width() for a in bar.actions() if a.isVisible())
    if any(not bar.actionGeometry(a).isValid() or bar.actionGeometry(a).right() > bar.width()
           for a in bar.actions() if a.isVisible()):
        cut.append(f"menu bar needs {needed} px, has {bar.width()}")
    status = top.statusBar()
    message = status.currentMessage()
    if message and status.fontMetrics().horizontalAdvance(message) > status.contentsRect().width() - 8:
        cut.append(f"status bar message {message!r} needs {status.fontMetrics().horizontalAdvance(message)} px, "
                   f"has {status.contentsRect().width()}")
    return cut


def header_cuts(top: QWidget) -> list[str]:
    """Table headings narrower than their text (with the font and margins the header draws)."""
    cut = []
    for view in top.findChildren(QAbstractItemView):
        headers = [h for h in view.findChildren(QHeaderView) if h.orientation() == Qt.Orientation.Horizontal]
        if not (_shown(view) and view.model() is not None and headers and _shown(headers[0])):
            continue
        header = headers[0]
        for section in range(view.model().columnCount()):
            text = view.model().headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if text and not header.isSectionHidden(section):
                needed = header.sectionSizeHint(section)  # its text, font and the style's margins
                if header.sectionSize(section) < needed:
                    cut.append(f"table heading {str(text)!r} needs {needed} px, has {header.sectionSize(section)}")
    return cut


def _headers(name: str, view: QAbstractItemView) -> Iterator[Shown]:
    model = view.model()
    for header in view.findChildren(QHeaderView):
        if not _shown(header):
            continue
        orientation = header.orientation()
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            if header.isSectionHidden(section):
                continue
            text = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if text:
                yield Shown(f"{name} table header", str(text), None)


def menu_texts(menus: Iterable[QMenu]) -> Iterator[Shown]:
    """Every menu's title and entries (submenus too)."""
    for menu in menus:
        yield Shown("menu title", menu.title(), None)
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from menu_texts([sub])
            elif action.text():
                yield Shown(f"menu {menu.title()} entry", action.text(), None)


def _plain(label: QLabel) -> str:
    return label.text() if label.textFormat() == Qt.TextFormat.PlainText else _as_plain(label.text())


def _as_plain(text: str) -> str:
    """What Qt shows for ``text`` where it guesses the format (tooltips, labels in AutoText)."""
    from PySide6 import QtGui

    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = QtGui.QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _standard_button(button: QAbstractButton) -> bool:
    """A standard button of a button box or message box with Qt's own text (Qt translates it)."""
    parent = button.parent()
    while parent is not None and not isinstance(parent, (QDialogButtonBox, QMessageBox)):
        parent = parent.parent()
    if parent is None:
        return False
    standard = parent.standardButton(button)  # type: ignore[union-attr]
    return bool(standard.value) and button.text() in QT_STANDARD_BUTTONS


def untranslated(shown: Iterable[Shown], data: list[str]) -> list[str]:
    """The texts with no marker that are not file content."""
    return sorted({f"{s.where}: {s.text!r}" for s in shown if not is_marked(s.text) and not is_content(s.text, data)})


_MARKED = re.compile(r"\[‹(?:(?!\[‹|›\]).)*›\]", re.DOTALL)  # one marked part with no other inside


def partly_untranslated(shown: Iterable[Shown], data: list[str]) -> list[str]:
    """Texts with words outside every marked part: a sentence put together from a translated
    part and an untranslated one ("Options: …" around translated choices, a reason in English)."""
    found = []
    for s in shown:
        rest, before = s.text.partition("\t")[0], ""  # after a tab: a menu entry's key
        while rest != before:  # innermost marked parts first: a translated text may hold another
            before, rest = rest, _MARKED.sub(" ", rest)
        if is_marked(s.text) and not is_content(rest, data):
            found.append(f"{s.where}: {s.text!r} (left: {rest.strip()!r})")
    return sorted(set(found))


def cut_off(shown: Iterable[Shown]) -> list[str]:
    """Labels and buttons whose text is cut: elided (a marker opened and not closed), or wider
    than the widget while it does not wrap."""
    cut = []
    for s in shown:
        if s.text.count(OPEN) != s.text.count(CLOSE):
            cut.append(f"{s.where}: elided {s.text!r}")
            continue
        widget = s.widget
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.contentsRect().width()) + widget.height() - widget.contentsRect().height()
            if needed > widget.height() + 1:  # wrapped onto more lines than it has room for
                cut.append(f"{s.where}: {s.text!r} needs {needed} px of height, has {widget.height()}")
        elif isinstance(widget, (QLabel, QAbstractButton)):
            if widget.sizeHint().width() > widget.width() + 1:
                cut.append(f"{s.where}: {s.text!r} needs {widget.sizeHint().width()} px, has {widget.width()}")
    return sorted(set(cut))
