"""What an import could not carry over, worded for the window.

``htmltext.convert_html`` names what a field lost in English (``bold``, ``image a.png``,
``sound b.mp3``; an Anki note's ``front: bold``); the problems the command line prints join them
with ``", "``. :func:`lost_wording` gives the same list as a ``Message`` whose ``str()`` is that
English text byte for byte, and whose parts the window translates one by one. An item may be a
``Message`` already (why a package's picture was not carried, ``on_side`` puts it on a side);
``held_wording`` joins what an empty side held with ``"; "`` the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from studyapp.messages import QT_TRANSLATE_NOOP, Message

# htmltext's names of lost formatting, each marked for the translators.
_NAMES = {
    "bold": QT_TRANSLATE_NOOP("Core", "bold"),
    "italic": QT_TRANSLATE_NOOP("Core", "italic"),
    "underline": QT_TRANSLATE_NOOP("Core", "underline"),
    "strikethrough": QT_TRANSLATE_NOOP("Core", "strikethrough"),
    "superscript": QT_TRANSLATE_NOOP("Core", "superscript"),
    "subscript": QT_TRANSLATE_NOOP("Core", "subscript"),
    "font or colour": QT_TRANSLATE_NOOP("Core", "font or colour"),
    "highlight": QT_TRANSLATE_NOOP("Core", "highlight"),
    "code formatting": QT_TRANSLATE_NOOP("Core", "code formatting"),
    "table layout": QT_TRANSLATE_NOOP("Core", "table layout"),
    "styled text": QT_TRANSLATE_NOOP("Core", "styled text"),
    "Markdown emphasis": QT_TRANSLATE_NOOP("Core", "Markdown emphasis"),
}
# "<kind> <what>": a link, a picture, a sound or another medium and its source.
_KINDS = {
    "link": QT_TRANSLATE_NOOP("Core", "link {source}"),
    "image": QT_TRANSLATE_NOOP("Core", "image {source}"),
    "sound": QT_TRANSLATE_NOOP("Core", "sound {source}"),
}
# "<side>: <what>": what a note's front or back lost.
_SIDES = {
    "front": QT_TRANSLATE_NOOP("Core", "front: {lost}"),
    "back": QT_TRANSLATE_NOOP("Core", "back: {lost}"),
}
_AND = QT_TRANSLATE_NOOP("Core", "{first}, {rest}")  # the list separator
_HELD_AND = QT_TRANSLATE_NOOP("Core", "{first}; {rest}")  # the separator of what an empty side held
_MOST_MARKED = 50  # a longer list (a field of many links) stays English: its parts would nest too deep

Lost = str | Message  # one thing lost: htmltext's English name, or a reason already marked


def on_side(side: str, lost: Message) -> Message:
    """``lost`` on a note's ``side`` ("front" or "back"): ``front: …``."""
    return Message(_SIDES[side], lost=lost)


def side_of(item: Lost) -> tuple[str, Lost] | None:
    """The side an item of a note's losses is on, and what it lost there (None: on no side)."""
    if isinstance(item, Message):
        side = next((s for s, template in _SIDES.items() if template == item.template), None)
        lost = item.args.get("lost")
        return (side, lost) if side is not None and isinstance(lost, (str, Message)) else None
    side, colon, rest = item.partition(": ")
    return (side, rest) if colon else None


def lost_item(item: Lost) -> str | Message:
    """One thing lost, marked when its words are known (a file name or an unknown medium stays as it is)."""
    if isinstance(item, Message):
        return item
    side, colon, rest = item.partition(": ")
    if colon and side in _SIDES:
        return Message(_SIDES[side], lost=lost_item(rest))
    if item in _NAMES:
        return Message(_NAMES[item])
    kind, space, source = item.partition(" ")
    if space and kind in _KINDS:
        return Message(_KINDS[kind], source=source)
    return item


def lost_wording(items: Sequence[Lost], separator: str = _AND) -> str | Message:
    """``items`` joined with ``", "`` (``str()`` of the result; ``separator`` another marked
    ``"{first}…{rest}"``), each item marked for the window."""
    if not items or len(items) > _MOST_MARKED:
        return separator.format(first="", rest="").join(str(i) for i in items)  # ", " or "; "
    wording = lost_item(items[-1])
    for item in reversed(items[:-1]):
        wording = Message(separator, first=lost_item(item), rest=wording)
    return wording


def held_wording(items: Sequence[Lost]) -> str | Message:
    """What an empty side held, joined with ``"; "`` (``str()`` of the result), each item marked."""
    return lost_wording(items, _HELD_AND)
