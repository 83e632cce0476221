"""PySide6's per-import source check, answered from the module file's bytes.

Once PySide6 is imported, its ``__feature__`` import hook asks of every module imported after it
whether the module's source mentions "PySide6" (``shibokensupport.feature._mod_uses_pyside``;
the answer only decides whether PySide6's opt-in features, ``snake_case`` and ``true_property``,
may be switched on for that module). It finds out with ``inspect.getsource``, which decodes,
splits and caches (in ``linecache``) the whole text of each module: at start-up ~80 modules
(studyapp's own and the standard library modules they name), ~11 ms of a ~250 ms start.

``install`` swaps in the same question asked of the file's bytes (~10x cheaper). A module it
cannot answer for that way (no ``.py`` file, an unreadable one) goes to PySide6's own check, and
if a PySide6 release no longer has that function, or has it with another signature than
``(module)``, nothing is replaced (PySide6 keeps its own check; ``tests/gui/test_pyside_hook.py``
starts the window against both). The answer is the same either way (the same tests compare
both on every loaded module).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads shibokensupport, whose check install() replaces

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """True when the source file of ``module`` contains ``PySide6`` (``fallback`` without one)."""
    file = getattr(module, "__file__", None)
    if not isinstance(file, str) or not file.endswith(".py"):
        return fallback(module)
    try:
        with open(file, "rb") as f:
            return b"PySide6" in f.read()
    except OSError:
        return fallback(module)


def _takes_one_module(check: Callable[..., object]) -> bool:
    """True when ``check`` is called as ``check(module)``: one parameter, named ``module``."""
    try:
        params = list(inspect.signature(check).parameters.values())
    except (TypeError, ValueError):  # a builtin without a signature: do not guess
        return False
    return (
        len(params) == 1
        and params[0].name == "module"
        and params[0].kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    )


def install() -> bool:
    """Replace PySide6's check; False when this PySide6 has none to replace.

    "None" includes a check with another signature than ``(module)``: PySide6 would call the
    stand-in in a way it does not expect, and every import after it would fail.
    Call it before importing the modules that are to profit (``cli`` does, before ``app``).
    """
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "__module__", None) == __name__:
        return True  # installed already
    if not _takes_one_module(original):
        return False

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    check.original = original  # type: ignore[attr-defined]
    setattr(feature, _CHECK, check)
    return True
