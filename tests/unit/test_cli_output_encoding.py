"""No output encoding crashes a command: text the terminal's encoding cannot show (a file name
with undecodable bytes, a letter latin-1 lacks) is printed as a backslash escape instead of ending
in a ``UnicodeEncodeError`` traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BROKEN = b"deck: x\ntitle: T\nquestions: 5\n"


def _run(args: list[str | bytes], encoding: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "STUDYAPP_DATA_DIR": str(cwd / "data")}
    return subprocess.run([sys.executable, "-m", "studyapp", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="ascii", errors="surrogateescape", check=False)


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_check_prints_any_file_name_under_any_output_encoding(tmp_path: Path, encoding: str) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    Path(os.fsdecode(os.fsencode(folder) + b"/bad\xff.yaml")).write_bytes(BROKEN)
    (folder / "ł.yaml").write_bytes(BROKEN)
    run = _run(["check", str(folder)], encoding, tmp_path)
    assert run.stderr == ""
    assert run.returncode == 1  # problems found, reported
    assert f"{folder}/bad\\udcff.yaml:3:12: 'questions' must be a list" in run.stdout
    assert f"{folder}/\\u0142.yaml:3:12: 'questions' must be a list" in run.stdout
    assert run.stdout.endswith("2 files, 0 questions, 2 problems\n")


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_import_of_a_file_with_an_undecodable_name(tmp_path: Path, encoding: str) -> None:
    source = os.fsdecode(os.fsencode(tmp_path) + b"/cards\xff.txt")
    Path(source).write_text("Minsk\tCapital of Belarus\nŁódź\tA city in Poland\nfront only\n", encoding="utf-8")
    run = _run(["import", source, "--deck", "cards", "--title", "Cards", "-o", str(tmp_path / "cards.yaml")],
               encoding, tmp_path)
    assert (run.returncode, run.stderr) == (1, "")
    assert f"{tmp_path}/cards\\udcff.txt:3: expected front <tab> back, found one field; skipped" in run.stdout
    assert "Imported 2 questions" in run.stdout
    header = (tmp_path / "cards.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert header == "# Imported by studyapp from cards\\udcff.txt."
