"""Work around a PySide6 6.12 bug on CPython 3.11: every call of a wrapped ``void`` Qt method
(``label.setText``, ``QTest.keyClick``, ``super().keyPressEvent``...) drops one reference to
``None`` that it never took. CPython 3.12+ makes ``None`` immortal, so there it is harmless; on
3.11 ``None`` starts with ~5,000 references and the process aborts with "none_dealloc:
deallocating None" after a few thousand such calls.

``pin_none()`` gives ``None`` a huge reference count so it can never reach zero. The same
call belongs at start-up in ``studyapp/app.py`` (the running app is affected too).
"""

from __future__ import annotations

import ctypes
import sys


def pin_none() -> None:
    """Add 2**40 references to ``None`` (CPython < 3.12 only; later versions never free it)."""
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        refcnt = ctypes.c_ssize_t.from_address(id(None))
        if refcnt.value < 1 << 39:
            refcnt.value += 1 << 40


pin_none()
