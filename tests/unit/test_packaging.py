"""``make dist`` builds a wheel and an sdist that carry everything studyapp needs, and the wheel
installed into a fresh virtual environment (as ``pipx`` would) starts the window.

The wheel is built once per module (``make dist``: the sdist, then the wheel from it). One test
installs it (without dependencies) into a scratch folder and runs it from outside the
checkout, so ``paths.bundled_root`` must find ``studyapp/_bundle`` rather than the repo.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import studyapp
from studyapp import APP_ID

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # builds the sdist and the wheel (~6 s)
BIN = "Scripts" if sys.platform == "win32" else "bin"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make dist`` into a scratch folder, with this venv (already installed: a stamp made now)."""
    out = tmp_path_factory.mktemp("dist")
    stamp = out / "installed"
    stamp.touch()
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")}
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        [shutil.which("make") or "make", "-s", "-C", str(REPO), "dist", f"DIST={out / 'dist'}", f"VENV={venv}",
         f"STAMP_TEST={stamp}"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out / "dist"


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("studyapp-*.whl")
    return wheel


def test_make_dist_builds_a_wheel_and_an_sdist_with_the_license_and_desktop_files(dist: Path) -> None:
    version = studyapp.__version__
    (sdist,) = dist.glob("studyapp-*.tar.gz")
    assert sdist.name == f"studyapp-{version}.tar.gz" and _wheel(dist).name == f"studyapp-{version}-py3-none-any.whl"
    resources = [f"studyapp/resources/{APP_ID}.desktop", f"studyapp/resources/{APP_ID}.metainfo.xml",
                 f"studyapp/resources/icons/{APP_ID}.svg", f"studyapp/resources/icons/{APP_ID}-256.png"]
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"LICENSE", "pyproject.toml", "questions/belarus-west-2025.yaml", *resources} <= names
    with zipfile.ZipFile(_wheel(dist)) as whl:
        names = set(whl.namelist())
        entry_points = whl.read(f"studyapp-{version}.dist-info/entry_points.txt").decode()
    assert {f"studyapp-{version}.dist-info/licenses/LICENSE", "studyapp/_bundle/questions/belarus-west-2025.yaml", *resources} <= names
    assert "[console_scripts]\nstudyapp = studyapp.cli:main" in entry_points
    assert "[gui_scripts]\nstudyapp-gui = studyapp.cli:main" in entry_points


def test_wheel_bundles_questions_and_seeds_and_checks_clean(dist: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(_wheel(dist))],
        check=True,
        capture_output=True,
    )
    assert (target / "studyapp/_bundle/questions").is_dir()
    assert (target / "studyapp/_bundle/seeds/000_f104dea7fb288af0.txt").is_file()

    env = {**os.environ, "PYTHONPATH": str(target), "STUDYAPP_DATA_DIR": str(tmp_path / "data")}
    probe = "import studyapp.paths as p; print(p.bundled_questions_dir())"
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert Path(out.stdout.strip()) == target / "studyapp/_bundle/questions"

    check = subprocess.run(
        [sys.executable, "-m", "studyapp", "check"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert ", 0 problems" in check.stdout
    assert not (tmp_path / "data" / "questions").exists()  # check never creates the user's folder


def test_the_wheel_in_a_fresh_venv_starts_the_window_through_studyapp_gui(dist: Path, tmp_path: Path) -> None:
    """A new venv gets the wheel from pip, with its launchers; its dependencies (PySide6 and the
    rest, ~600 MB) come from this venv's site-packages through a .pth file instead of a
    download, so the test runs offline. Nothing of the checkout is on its path."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True)
    python = venv / BIN / ("python.exe" if sys.platform == "win32" else "python")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
         str(_wheel(dist))],
        check=True, capture_output=True,
    )
    fresh_site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (fresh_site / "dependencies-from-the-test-venv.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "STUDYAPP_DATA_DIR", "VIRTUAL_ENV")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "share")}
    where = subprocess.run(
        [str(python), "-c", "import studyapp; print(studyapp.__file__)"], cwd=tmp_path, env=env, capture_output=True,
        text=True, check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)  # the installed copy, not the checkout

    version = subprocess.run([str(venv / BIN / "studyapp"), "--version"], cwd=tmp_path, env=env, capture_output=True,
                             text=True, timeout=60)
    assert (version.returncode, version.stdout) == (0, f"studyapp {studyapp.__version__}\n")

    data = tmp_path / "data"
    shown = subprocess.run(
        [str(venv / BIN / "studyapp-gui"), "--exit-when-shown", "--data-dir", str(data)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert (data / "studyapp.sqlite3").is_file() and (data / "questions").is_dir()
    assert "Traceback" not in shown.stderr
