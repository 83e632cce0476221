"""The person's choices about how the window looks, as typed values (no Qt here).

The window keeps them in the data folder's ``settings.ini`` (``ui/theme.py`` and
``ui/settings_dialog.py`` read and write them); this module says what may be chosen and turns
whatever was stored — a value from an older or hand-edited file included — into a valid choice.
"""

from __future__ import annotations

from enum import StrEnum


class Theme(StrEnum):
    """Which colours the window uses: the desktop's choice, or always light or dark."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def parse(cls, value: object) -> Theme:
        """The theme a stored ``value`` names; anything unknown follows the system."""
        if isinstance(value, str):
            try:
                return cls(value.strip().lower())
            except ValueError:
                pass
        return cls.SYSTEM
