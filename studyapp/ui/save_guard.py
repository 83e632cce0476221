"""Running a session step that writes to the store, turning a failed write into a banner message.

The flashcard and quiz views save every rating and answer at once. When the store cannot
write (``SaveError``: disk full, database locked...) the step is left undone, the view's
``ErrorBanner`` says what happened and how to retry, and the view stays as it was. This
module holds that rule once, so each call site states only its step and its message.
"""

from __future__ import annotations

from collections.abc import Callable

from studyapp.store import SaveError
from studyapp.ui.translation import error_text
from studyapp.ui.answer_inputs.base import ErrorBanner


def save_or_report(banner: ErrorBanner, action: Callable[[], object], message: str) -> bool:
    """Run ``action``; True when it succeeded.

    On ``SaveError`` the banner shows ``message`` with ``{exc}`` replaced by the error's text,
    and the result is False. On success the banner is left alone: whether a stale message
    should go is the caller's decision.
    """
    try:
        action()
    except SaveError as exc:
        banner.show_error(message.format(exc=error_text(exc)))
        return False
    return True
