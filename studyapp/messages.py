"""Texts the core writes that the window shows in its own language.

The core never imports Qt: it marks such a text for the translators with
``QT_TRANSLATE_NOOP("Core", template)`` (``pyside6-lupdate`` finds the call in every module of
the package and puts the template in the ``Core`` context of the translators' file) and keeps
the values apart in a ``Message``::

    Message(QT_TRANSLATE_NOOP("Core", "missing field '{name}'"), name="prompt")

``str()`` of a message is its English text, exactly as the core wrote it before (the command
line, the logs and the caches use that); the window writes
``translate("Core", template).format(**args)`` instead (``studyapp.ui.translation.core_text``).
A value may itself be a ``Message`` (a part of a sentence that is translated on its own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CONTEXT = "Core"

Plain = tuple[str, tuple[tuple[str, Any], ...]]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark ``text`` for the translators under ``context``; returns it as it is."""
    return text


class Message:
    """A text for the window: a template with ``{name}`` fields and their values.

    ``str(message)`` is the English text; ``message.text(translate)`` the same with the
    template (and every ``Message`` among the values) passed through ``translate`` first.
    """

    __slots__ = ("template", "args")

    def __init__(self, template: str, **args: str | int | float | Message) -> None:
        self.template = template
        self.args: dict[str, str | int | float | Message] = args

    def text(self, translate: Callable[[str], str]) -> str:
        """The text with the template and the values that are messages passed through ``translate``."""
        values = {k: v.text(translate) if isinstance(v, Message) else v for k, v in self.args.items()}
        return translate(self.template).format(**values)

    def __str__(self) -> str:
        return self.text(lambda template: template)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.args!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.template, self.args) == (other.template, other.args)

    def __hash__(self) -> int:
        return hash((self.template, tuple(sorted((k, str(v)) for k, v in self.args.items()))))

    def plain(self) -> Plain:
        """The message as nested tuples of text and numbers (for ``marshal``: the bank's cache)."""
        return (self.template, tuple((k, v.plain() if isinstance(v, Message) else v) for k, v in self.args.items()))

    @classmethod
    def from_plain(cls, plain: Plain) -> Message:
        """The message ``plain()`` wrote."""
        template, args = plain
        return cls(template, **{k: cls.from_plain(v) if isinstance(v, tuple) else v for k, v in args})
