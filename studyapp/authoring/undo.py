"""Undo and redo of the editor's drafts during one editing session (plain Python, no Qt)."""

from __future__ import annotations

import copy

from studyapp.authoring.draft import Draft


class DraftHistory:
    """The drafts a person went through, oldest first, and where they are now."""

    def __init__(self, first: Draft) -> None:
        self._states: list[Draft] = [copy.deepcopy(first)]
        self._at = 0

    def push(self, draft: Draft) -> None:
        """Remember ``draft`` as the newest state (dropping any redo); an unchanged draft is ignored."""
        if draft == self._states[self._at]:
            return
        del self._states[self._at + 1 :]
        self._states.append(copy.deepcopy(draft))
        self._at += 1

    @property
    def can_undo(self) -> bool:
        """True when there is an earlier draft."""
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        """True after an undo, until a new change."""
        return self._at < len(self._states) - 1

    def undo(self) -> Draft:
        """The earlier draft (the current one when there is none)."""
        self._at = max(0, self._at - 1)
        return copy.deepcopy(self._states[self._at])

    def redo(self) -> Draft:
        """The later draft (the current one when there is none)."""
        self._at = min(len(self._states) - 1, self._at + 1)
        return copy.deepcopy(self._states[self._at])
