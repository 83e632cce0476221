"""The cheaper stand-in for PySide6's per-import source check gives PySide6's own answers."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import studyapp.ui.main_window  # noqa: F401 - a module that uses PySide6, loaded whichever tests run first
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


# A PySide6 release other than the one installed, simulated in a fresh process (the patch is
# process-global): its per-import hook asks a check of its own, which this records.
_OTHER_RELEASE = (
    "import sys\n"
    "import PySide6.QtCore\n"
    "feature = sys.modules['shibokensupport.feature']\n"
    "pyside_check = feature._mod_uses_pyside\n"
    "asked = []\n"
    "{variant}\n"
    "def feature_imported(module):\n"
    "    name = getattr(module, '__name__', None)\n"
    "    if name is not None and name not in feature.pyside_feature_dict:\n"
    "        feature.pyside_feature_dict[name] = 0 if ask(module) else -1\n"
    "feature.feature_imported = feature_imported\n"
    "before = getattr(feature, '_mod_uses_pyside', None)\n"
    "from studyapp.ui import pyside_hook\n"
    "installed = pyside_hook.install()\n"
    "unchanged = getattr(feature, '_mod_uses_pyside', None) is before\n"
    "from studyapp.cli import main\n"
    "rc = main(['--exit-when-shown', '--data-dir', sys.argv[1]])\n"
    "print(installed, unchanged, rc, 'studyapp.app' in asked)\n"
)

_MISSING = (  # the check was renamed: the module has no _mod_uses_pyside any more
    "del feature._mod_uses_pyside\n"
    "def ask(module):\n"
    "    asked.append(module.__name__)\n"
    "    return pyside_check(module)\n"
)

_OTHER_SIGNATURE = (  # the check takes a second argument; the hook looks it up at each import
    "def _mod_uses_pyside(module, source_cache):\n"
    "    asked.append(module.__name__)\n"
    "    return pyside_check(module)\n"
    "feature._mod_uses_pyside = _mod_uses_pyside\n"
    "def ask(module):\n"
    "    return feature._mod_uses_pyside(module, {})\n"
)


def _start_against(variant: str, tmp_path: Path) -> str:
    probe = _OTHER_RELEASE.format(variant=variant)
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "data")], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_without_the_private_check_install_replaces_nothing_and_the_window_starts(tmp_path: Path) -> None:
    # installed=False, nothing added under the old name, the window opened and closed, and
    # the imports after install() still went through this release's own check
    assert _start_against(_MISSING, tmp_path) == "False True 0 True"


def test_a_check_with_another_signature_is_left_alone_and_the_window_starts(tmp_path: Path) -> None:
    assert _start_against(_OTHER_SIGNATURE, tmp_path) == "False True 0 True"
