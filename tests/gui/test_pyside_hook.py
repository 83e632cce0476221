"""The cheaper stand-in for PySide6's per-import source check gives PySide6's own answers."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

from studyapp.ui import pyside_hook

REPO = Path(__file__).resolve().parents[2]


def _pyside_check() -> object:
    feature = sys.modules[pyside_hook._FEATURE_MODULE]
    check = getattr(feature, pyside_hook._CHECK)
    return getattr(check, "original", check)


def test_every_loaded_module_gets_the_same_answer() -> None:
    original = _pyside_check()
    assert callable(original)
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    assert len(modules) > 200  # pytest, PySide6, studyapp and the standard library
    differ = [m.__name__ for m in modules if pyside_hook.uses_pyside(m, original) != original(m)]
    assert differ == []
    answers = {m.__name__: pyside_hook.uses_pyside(m, original) for m in modules}
    assert answers["studyapp.ui.main_window"] and answers["studyapp.ui.pyside_hook"]
    assert not answers["studyapp.bank.model"] and not answers["json"]


def test_a_module_without_a_source_file_is_asked_of_pyside(tmp_path: Path) -> None:
    asked: list[str] = []

    def fallback(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return True

    assert pyside_hook.uses_pyside(types.ModuleType("made_up"), fallback) is True
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # a file that no longer exists
    assert pyside_hook.uses_pyside(gone, fallback) is True
    assert asked == ["made_up", "gone"]


def test_install_replaces_the_check_once_and_start_up_uses_it() -> None:
    probe = (
        "import sys\n"
        "from studyapp.ui import pyside_hook\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "original = feature._mod_uses_pyside\n"
        "first, second = pyside_hook.install(), pyside_hook.install()\n"
        "check = feature._mod_uses_pyside\n"
        "print(first, second, check is not original, check.original is original)\n"
        "import studyapp.ui.home_view\n"
        "import linecache\n"
        "print(any(name.endswith('home_view.py') for name in linecache.cache))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    installed, source_cached = done.stdout.strip().splitlines()
    assert installed == "True True True True"
    assert source_cached == "False"  # PySide6's own check would have read it into linecache
