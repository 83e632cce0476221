"""`studyapp check` through the real command line: output lines, summary and exit status."""

from __future__ import annotations

from pathlib import Path

import pytest
from bankhelpers import BAD, GOOD

from studyapp.cli import main
from studyapp.paths import bundled_questions_dir

CARD = "deck: {id}\ntitle: T\nquestions:\n  - id: k\n    type: card\n    prompt: F\n    answer: B\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(["check", *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_clean_files_exit_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(GOOD))
    assert (code, out, err) == (0, ["2 files, 14 questions, 0 problems"], "")


def test_problems_are_printed_as_path_line_column_message_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(CARD.format(id="b").replace("answer: B", "anwser: B"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(CARD.format(id="g"), encoding="utf-8")
    code, out, _err = run(capsys, str(good), str(bad))
    assert code == 1
    assert out == [
        f"{bad}:4:5: missing field 'answer' in question 'k'",
        f"{bad}:7:5: unknown field 'anwser' — did you mean 'answer'?",
        "2 files, 1 question, 2 problems",
    ]


def test_relative_paths_are_printed_as_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("decks").mkdir()
    Path("decks/x.yaml").write_text("deck: x\n", encoding="utf-8")
    code, out, _err = run(capsys, "decks")
    assert code == 1 and out[0] == "decks/x.yaml:1:1: missing field 'title'"


def test_the_bad_corpus_reports_one_problem_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, str(GOOD / "all-types.yaml"), str(BAD))
    bad_files = sorted(BAD.glob("*.yaml"))
    assert code == 1
    assert out[-1] == f"{len(bad_files) + 1} files, 8 questions, {len(bad_files)} problems"
    assert sorted(line.split(":")[0] for line in out[:-1]) == [str(p) for p in bad_files]


def test_a_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.yaml"))
    assert (code, out) == (2, [])
    assert err == f"studyapp check: no such file or folder: {tmp_path / 'nope.yaml'}\n"
    code, out, err = run(capsys, "--questions", str(tmp_path / "nowhere"))
    assert code == 2 and "nowhere" in err


def test_an_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-such-option"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_without_paths_it_checks_every_folder_the_app_loads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    bundled = len(list(bundled_questions_dir().rglob("*.y*ml")))
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "e.yaml").write_text(CARD.format(id="extra-deck"), encoding="utf-8")
    code, out, _err = run(capsys, "--questions", str(extra))
    assert code == 0, out
    assert out[-1].startswith(f"{bundled + 1} files, ")
    assert not (data_dir / "questions").exists()  # check never creates the user's folder

    # the user's question folder is included once it exists
    (data_dir / "questions").mkdir()
    (data_dir / "questions" / "mine.yaml").write_text(CARD.format(id="extra-deck"), encoding="utf-8")
    code, out, _err = run(capsys, "--questions", str(extra))
    assert code == 1
    assert out[0] == (
        f"{extra / 'e.yaml'}:1:7: deck id 'extra-deck' is already used by {data_dir / 'questions' / 'mine.yaml'}; this file is skipped"
    )
    assert out[-1].startswith(f"{bundled + 2} files, ")


def test_data_dir_option_picks_the_user_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other-data"
    (other / "questions").mkdir(parents=True)
    (other / "questions" / "broken.yaml").write_text("", encoding="utf-8")
    code, out, _err = run(capsys, "--data-dir", str(other))
    assert code == 1
    assert out[0] == f"{other / 'questions' / 'broken.yaml'}:1:1: file is empty"


def test_a_copy_of_the_bundled_deck_in_the_users_folder_is_not_a_duplicate(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    import shutil

    own = data_dir / "questions"
    own.mkdir()
    shipped = bundled_questions_dir() / "belarus-west-2025.yaml"
    shutil.copy(bundled_questions_dir().parent / "seeds" / "000_f104dea7fb288af0.txt", own)
    (own / "belarus-west-2025.yaml").write_text(shipped.read_text(encoding="utf-8").replace(
        "source: ../seeds/000_f104dea7fb288af0.txt", "source: 000_f104dea7fb288af0.txt"), encoding="utf-8")
    (own / "zz-again.yaml").write_text(CARD.format(id="belarus-west-2025"), encoding="utf-8")
    code, out, _err = run(capsys)
    assert code == 1
    assert out[0] == (f"{own / 'zz-again.yaml'}:1:7: deck id 'belarus-west-2025' is already used by "
                      f"{own / 'belarus-west-2025.yaml'}; this file is skipped")  # the copy is the deck
    assert len(out) == 2
