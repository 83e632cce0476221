"""Text exports whose rows were cut, merged or lost before: separators detected over whole records,
Quizlet's chosen separators, header rows, empty and binary files, and lost content reported."""

from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

from interophelpers import load_clean

from studyapp.interop.commands import run_interop
from studyapp.interop.importer import import_file
from studyapp.interop.textrows import TextOptions, separator


def _import(tmp_path: Path, source: Path, *extra: tuple[str, str]) -> tuple[int, str, Path]:
    out = io.StringIO()
    target = tmp_path / "imported.yaml"
    args = Namespace(command="import", file=str(source), deck="imported", title="Imported", output=str(target),
                     field_sep=None, row_sep=None)
    for name, value in extra:
        setattr(args, name, value)
    return run_interop(args, {}, out), out.getvalue(), target


def _pairs(target: Path) -> list[tuple[str, str]]:
    return [(q.front, q.answer_text) for q in load_clean(target).questions]


def test_quizlet_comma_keeps_a_definition_with_commas_whole(tmp_path: Path) -> None:
    src = tmp_path / "tunnels.csv"
    src.write_text("Gotthard Base Tunnel,longest railway tunnel, 57.1 km\nMinsk,Capital of Belarus\n", encoding="utf-8")
    code, output, target = _import(tmp_path, src)
    assert code == 0, output
    assert _pairs(target) == [("Gotthard Base Tunnel", "longest railway tunnel, 57.1 km"), ("Minsk", "Capital of Belarus")]
    assert "Imported 2 questions" in output and "0 problems" in output


def test_quizlet_semicolon_between_rows_gives_every_card(tmp_path: Path) -> None:
    src = tmp_path / "capitals.txt"
    src.write_text("Minsk\tCapital of Belarus;Vilnius\tCapital of Lithuania;Riga\tCapital of Latvia", encoding="utf-8")
    code, output, target = _import(tmp_path, src)
    assert code == 0, output
    assert _pairs(target) == [("Minsk", "Capital of Belarus"), ("Vilnius", "Capital of Lithuania"), ("Riga", "Capital of Latvia")]


def test_quizlet_custom_separators_from_the_options(tmp_path: Path) -> None:
    src = tmp_path / "custom.txt"
    src.write_text("Minsk - Capital of Belarus, on the Svislač|Vilnius - Capital of Lithuania|\n", encoding="utf-8")
    code, output, target = _import(tmp_path, src, ("field_sep", " - "), ("row_sep", "|"))
    assert code == 0, output
    assert _pairs(target) == [("Minsk", "Capital of Belarus, on the Svislač"), ("Vilnius", "Capital of Lithuania")]
    conv = import_file(src, "d", options=TextOptions(field_sep=separator(" - "), row_sep=separator("pipe")))
    assert [q.answer_text for q in conv.questions] == ["Capital of Belarus, on the Svislač", "Capital of Lithuania"]


def test_unusable_separator_option_exits_2(tmp_path: Path) -> None:
    src = tmp_path / "x.txt"
    src.write_text("a\tb\n", encoding="utf-8")
    code, output, target = _import(tmp_path, src, ("field_sep", ""))
    assert code == 2 and "separator" in output and not target.exists()


def test_csv_without_header_with_quoted_fields_over_lines(tmp_path: Path) -> None:
    src = tmp_path / "multiline.csv"
    src.write_text('"Minsk","Capital\nof Belarus"\n"Vilnius","Capital\nof Lithuania, since 1990"\n', encoding="utf-8")
    code, output, target = _import(tmp_path, src)
    assert code == 0, output
    assert _pairs(target) == [("Minsk", "Capital\nof Belarus"), ("Vilnius", "Capital\nof Lithuania, since 1990")]
    assert [q.line for q in import_file(src, "d").questions] == [1, 3]


def test_a_header_row_is_not_a_question(tmp_path: Path) -> None:
    for header in ("term,definition", "Front,Back", "question;answer"):
        sep = ";" if ";" in header else ","
        src = tmp_path / "with_header.csv"
        src.write_text(f"{header}\nMinsk{sep}Capital of Belarus\nRiga{sep}Capital of Latvia\n", encoding="utf-8")
        code, output, target = _import(tmp_path, src)
        assert code == 0, output
        assert _pairs(target) == [("Minsk", "Capital of Belarus"), ("Riga", "Capital of Latvia")], header


def test_an_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    for content in ("", "\n  \n"):
        src = tmp_path / "empty.csv"
        src.write_text(content, encoding="utf-8")
        code, output, target = _import(tmp_path, src)
        assert code == 1 and output == f"{src}: the file is empty; there is nothing to import\n"
        assert not target.exists()


def test_an_image_is_not_a_text_export(tmp_path: Path) -> None:
    src = tmp_path / "picture.txt"
    src.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40))
    code, output, _target = _import(tmp_path, src)
    assert code == 1
    assert output == (f"{src}: not a text export or a package (a PNG image); "
                      "export the deck as text (.txt, .csv), GIFT or .apkg\n")


def test_sounds_and_extra_fields_are_reported_with_their_line(tmp_path: Path) -> None:
    src = tmp_path / "sounds.txt"
    src.write_text("Minsk [sound:minsk.mp3]\tCapital of Belarus\nRiga\tCapital of Latvia\tBaltic\textra\n",
                   encoding="utf-8")
    code, output, target = _import(tmp_path, src)
    assert code == 1
    assert f"{src}:1: not carried over (plain text only): front: sound minsk.mp3" in output
    assert f"{src}:2: 2 field(s) after the back not carried over: 'Baltic'; 'extra'" in output
    assert _pairs(target) == [("Minsk", "Capital of Belarus"), ("Riga", "Capital of Latvia")]
    assert "2 problems" in output


def test_an_image_only_front_says_the_image_is_lost(tmp_path: Path) -> None:
    src = tmp_path / "images.txt"
    src.write_text('#separator:tab\n#html:true\n<img src="flag.png">\tBelarus\nMinsk\tCapital\n', encoding="utf-8")
    conv = import_file(src, "d")
    assert [str(p) for p in conv.problems] == [
        f"{src}:3: empty front (it holds only image flag.png, which cannot be carried over); skipped"]


def test_separator_names_through_the_command_line(tmp_path: Path, capsys: object) -> None:
    from studyapp.cli import main

    src = tmp_path / "semi.txt"
    src.write_text("Minsk;Capital of Belarus\nRiga;Capital of Latvia, on the Daugava\n", encoding="utf-8")
    target = tmp_path / "semi.yaml"
    assert main(["import", str(src), "--deck", "semi", "--title", "Semi", "-o", str(target),
                 "--field-sep", "semicolon", "--row-sep", "newline"]) == 0
    assert _pairs(target) == [("Minsk", "Capital of Belarus"), ("Riga", "Capital of Latvia, on the Daugava")]
    assert "Imported 2 questions" in capsys.readouterr().out  # type: ignore[attr-defined]
    assert [separator(name) for name in ("tab", "\\t", "Comma", "new line", " - ")] == ["\t", "\t", ",", "\n", " - "]
