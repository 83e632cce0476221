"""QA: ``--data-dir`` and ``--questions`` work before a command as well as after it.

Found by using the app: ``studyapp --data-dir DIR stats`` printed "Nothing studied yet (no
database in ~/.local/share/studyapp)" — the command's own (empty) option replaced the one given
before it, so the statistics, the CSV export and the check silently used another folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.cli import main

BROKEN = "deck: broken\ntitle: Broken\nquestions:\n  - id: one\n    type: truefalse\n    prompt: P\n    answer: yes\n"


def test_data_dir_before_the_command_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "mine"
    assert main(["--data-dir", str(data), "stats"]) == 0
    assert f"no database in {data}" in capsys.readouterr().out


def test_data_dir_after_the_command_still_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "mine"
    assert main(["stats", "--data-dir", str(data)]) == 0
    assert f"no database in {data}" in capsys.readouterr().out


def test_questions_before_the_command_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "q"
    folder.mkdir()
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "d"), "--questions", str(folder), "check"])
    assert code == 1
    assert "broken.yaml:7:13" in capsys.readouterr().out
