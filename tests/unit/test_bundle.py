"""``make bundle`` builds a folder with its own Python and Qt that starts the window and runs the
commands with nothing of the venv or the checkout: it is moved away from where it was built and
run with an environment that names neither."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import studyapp

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # PyInstaller copies Python, Qt and the packages: ~1 minute


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make bundle`` into a scratch folder, then moved elsewhere; its folder."""
    out = tmp_path_factory.mktemp("bundle")
    stamp = out / "installed"  # this venv is installed already: make must not reinstall it
    stamp.touch()
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")}
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        [shutil.which("make") or "make", "-s", "-C", str(REPO), "bundle", f"BUNDLE={out / 'built'}",
         f"BUNDLE_WORK={out / 'work'}", f"VENV={venv}", f"STAMP_TEST={stamp}"],
        env=env, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    moved = out / "elsewhere" / "studyapp"
    moved.parent.mkdir()
    (out / "built" / "studyapp").rename(moved)
    shutil.rmtree(out / "work")
    return moved


def _run(bundle: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The bundle's program with a bare environment: no venv, no PYTHONPATH, system PATH only."""
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(bundle / "studyapp"), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_bundle_carries_its_own_python_qt_and_questions(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert list(internal.glob("libpython3*")), "no Python of its own"
    assert list(internal.rglob("libQt6Core.so*")) and list(internal.rglob("libqoffscreen.so"))
    assert (internal / "studyapp" / "_bundle" / "questions" / "belarus-west-2025.yaml").is_file()
    assert (internal / "studyapp" / "resources" / f"{studyapp.APP_ID}.desktop").is_file()


def test_the_bundle_starts_the_window(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shown = _run(bundle, tmp_path, "--exit-when-shown", "--data-dir", str(data))
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "Traceback" not in shown.stderr
    assert (data / "studyapp.sqlite3").is_file()
    version = _run(bundle, tmp_path, "--version")
    assert (version.returncode, version.stdout) == (0, f"studyapp {studyapp.__version__}\n")


def test_the_bundle_checks_a_question_file_of_the_users_own(bundle: Path, tmp_path: Path) -> None:
    """A user's file is parsed, validated and its answers folded (anyascii's tables, which
    PyInstaller does not find by itself), not served from the prebuilt bundled deck."""
    questions = tmp_path / "data" / "questions"
    questions.mkdir(parents=True)
    (questions / "mine.yaml").write_text(
        "deck: mine\ntitle: Mine\nquestions:\n"
        "  - id: q1\n    type: choice\n    prompt: Capital of Poland?\n    choices: [Łódź, Kraków, Warszawa]\n"
        "    answer: Warszawa\n",
        encoding="utf-8",
    )
    done = _run(bundle, tmp_path, "check", "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 files" in done.stdout and ", 0 problems" in done.stdout
