"""``studyapp --version`` names the version the wheel's metadata and the AppStream release carry."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import studyapp
from studyapp.cli import main


def test_version_prints_the_package_version_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"studyapp {studyapp.__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", studyapp.__version__)


def test_version_loads_no_qt() -> None:
    probe = "import sys\nfrom studyapp.cli import main\nmain(['--version'])\nprint('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [f"studyapp {studyapp.__version__}", "False"]
