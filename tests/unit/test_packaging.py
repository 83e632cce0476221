"""The built wheel carries the bundled question bank and its article, and finds them.

The wheel is installed (without dependencies) into a scratch folder and run from outside
the checkout, so ``paths.bundled_root`` must find ``studyapp/_bundle`` rather than the repo.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_wheel_bundles_questions_and_seeds_and_checks_clean(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("studyapp-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
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
