"""Anki and Quizlet text exports: separators, headers, HTML, quoting, problems with line numbers."""

from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

from interophelpers import SAMPLES, load_clean

from studyapp.bank.model import CardQuestion, ClozeQuestion
from studyapp.interop.commands import run_interop
from studyapp.interop.htmltext import html_to_text
from studyapp.interop.importer import import_file


def _import(tmp_path: Path, source: Path, deck: str = "imported") -> tuple[int, str, Path]:
    out = io.StringIO()
    target = tmp_path / f"{deck}.yaml"
    args = Namespace(command="import", file=str(source), deck=deck, title="Imported", output=str(target))
    return run_interop(args, {}, out), out.getvalue(), target


def test_anki_export_with_headers_imports_and_reports_lost_bold(tmp_path: Path) -> None:
    code, output, target = _import(tmp_path, SAMPLES / "anki_notes.txt")
    assert code == 1, output  # the bold of "<b>Belarus</b>" cannot be kept in plain text: said, at its line
    assert "anki_notes.txt:4: not carried over (plain text only): front: bold" in output
    assert "4 questions" in output and "1 problem" in output
    q1, q2, q3, q4 = load_clean(target).questions
    assert isinstance(q1, CardQuestion) and q1.prompt == "What is the capital of Belarus?" and q1.answer == "Minsk"
    assert q1.tags == ("geography", "capitals")
    assert isinstance(q2, CardQuestion) and q2.answer == "Alaksandar Łukašenka\n(since 1994)" and q2.tags == ("people",)
    assert isinstance(q3, CardQuestion) and q3.prompt == 'A field with a tab and "quotes"' and q3.answer == "back & forth here"
    assert isinstance(q4, ClozeQuestion) and q4.text == "{{Minsk}} is the capital of {{Belarus}}."
    assert q4.explanation == "It lies on the Svislač."


def test_quizlet_tab_and_comma_exports(tmp_path: Path) -> None:
    code, output, target = _import(tmp_path, SAMPLES / "quizlet.txt", "quizlet")
    assert code == 0, output
    qs = load_clean(target).questions
    assert [(q.prompt, q.answer_text) for q in qs][:2] == [("Minsk", "Capital of Belarus"), ("Vilnius", "Capital of Lithuania")]
    code, output, target = _import(tmp_path, SAMPLES / "quizlet_comma.csv", "words")
    assert code == 0, output
    qs = load_clean(target).questions
    assert qs[1].answer_text == "present, appearing, or found everywhere"


def test_headers_choose_separator_html_and_columns(tmp_path: Path) -> None:
    src = tmp_path / "notes.txt"
    src.write_text(
        "#separator:semicolon\n#html:false\n#notetype column:1\n#tags column:4\n#tags:imported\n"
        "Basic;<b>bold</b> stays;back;t1 t2\n"
        "Cloze;{{c1::Minsk}} is big;;geo\n",
        encoding="utf-8",
    )
    conv = import_file(src, "d")
    assert conv.problems == []
    card, cloze = conv.questions
    assert isinstance(card, CardQuestion) and card.prompt == "<b>bold</b> stays" and card.tags == ("imported", "t1", "t2")
    assert isinstance(cloze, ClozeQuestion) and cloze.text == "{{Minsk}} is big" and cloze.tags == ("imported", "geo")


def test_problems_name_the_line(tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    src.write_text("#separator:tab\nfront only\nok\tfine\n\tno front\n\"multi\nline\"\tback\nyes\t\n", encoding="utf-8")
    conv = import_file(src, "d")
    assert [str(p) for p in conv.problems] == [
        f"{src}:2: expected front <tab> back, found one field; skipped",
        f"{src}:4: empty front; skipped",
        f"{src}:7: empty back; skipped",
    ]
    assert [q.prompt for q in conv.questions] == ["ok", "multi\nline"]
    assert [q.line for q in conv.questions] == [3, 5]


def test_non_utf8_and_empty_imports_write_nothing(tmp_path: Path) -> None:
    src = tmp_path / "latin1.txt"
    src.write_bytes("caf\xe9\tcoffee\n".encode("latin-1"))
    code, output, target = _import(tmp_path, src)
    assert code == 1 and f"{src}:1: not UTF-8 text" in output and not target.exists()


def test_html_to_text() -> None:
    assert html_to_text("a<br>b<div>c</div>&amp; &lt;d&gt;&nbsp;e[sound:x.mp3]<img src='x.png'><script>bad()</script>") == "a\nb\nc\n& <d> e"


def test_through_the_cli_entry_point(tmp_path: Path, capsys: object) -> None:
    from studyapp.cli import main

    target = tmp_path / "q.yaml"
    assert main(["import", str(SAMPLES / "quizlet.txt"), "--deck", "capitals", "--title", "Capitals", "-o", str(target)]) == 0
    assert len(load_clean(target).questions) == 4
    assert "Imported 4 questions" in capsys.readouterr().out  # type: ignore[attr-defined]


def test_a_field_over_128_kib_is_reported_and_the_rest_imported(tmp_path: Path) -> None:
    """The csv module stopped the whole import at the long field ("Imported 1 question; 1 problem")."""
    src = tmp_path / "long.txt"
    huge = "long " * 39_999 + "text."  # 200,000 characters
    image = "<img src='data:image/png;base64," + "A" * 200_000 + "'>"  # long, but only markup
    src.write_text(
        "Minsk\tCapital of Belarus\n"
        f"{huge}\tback\n"
        "Vilnius\tCapital of Lithuania\n"
        f'"Riga\nand more"\t"{huge}"\n'
        f"<b>Warsaw</b>{image}\tCapital of Poland\n"
        "Tallinn\tCapital of Estonia\n",
        encoding="utf-8",
    )
    code, output, target = _import(tmp_path, src)
    assert code == 1
    assert output.splitlines()[:2] == [
        f"{src}:2: a field of 200,000 characters (at most 131,072); skipped",
        f"{src}:4: a field of 200,000 characters (at most 131,072); skipped",
    ]
    assert f"{src}:6: not carried over (plain text only): front: bold, front: image (embedded in the file)" in output
    assert "Imported 4 questions" in output and "3 problems" in output
    assert [q.prompt for q in load_clean(target).questions] == ["Minsk", "Vilnius", "Warsaw", "Tallinn"]
    assert [q.line for q in import_file(src, "d").questions] == [1, 3, 6, 7]
