"""Pictures through ``.apkg``: a package built by the real ``anki`` library comes in with its
pictures in the deck's ``media/`` folder (and every loss named with its note), goes out again with
them in the package's media, and the real ``anki`` library finds them there."""

from __future__ import annotations

import io
import zipfile
from argparse import Namespace
from pathlib import Path

import pytest
from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from picture_files import bomb_png, png_bytes

from studyapp.bank.imagefile import picture_problems
from studyapp.bank.loader import load_files
from studyapp.bank.model import CardQuestion, ClozeQuestion, QuestionImage
from studyapp.interop.apkg import PICTURE_PROMPT
from studyapp.interop.apkgmedia import safe_name
from studyapp.interop.apkgwrite import write_apkg
from studyapp.interop.commands import run_interop
from studyapp.interop.importer import import_file, imported_text, write_media
from studyapp.interop.yamlwrite import write_text_atomic

FLAG = png_bytes(30, 20, (200, 30, 30))


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One deck, exported by Anki in its legacy and newest formats, with media."""
    tmp = tmp_path_factory.mktemp("anki-pictures")
    col = Collection(str(tmp / "source.anki2"))
    try:
        did = col.decks.id("Flags")
        assert col.media.write_data("flag.png", FLAG) == "flag.png"
        col.media.write_data("bomb.png", bomb_png())
        col.media.write_data("song.mp3", b"ID3" + b"\x00" * 64)
        basic, cloze = col.models.by_name("Basic"), col.models.by_name("Cloze")
        for model, fields in (
            (basic, {"Front": '<img src="flag.png" alt="A flag">', "Back": "Belarus"}),  # a picture-only front
            (basic, {"Front": "Which flag? <img src=\"flag.png\">", "Back": "<b>Belarus</b> [sound:song.mp3]"}),
            (basic, {"Front": 'Gone <img src="nowhere.png">', "Back": "Lost"}),
            (basic, {"Front": 'A bomb <img src="bomb.png">', "Back": "Refused"}),
            (cloze, {"Text": '<img src="flag.png"> {{c1::Minsk}} is the capital.', "Back Extra": ""}),
        ):
            note = col.new_note(model)
            for k, v in fields.items():
                note[k] = v
            col.add_note(note, did)
        out = {}
        for name, legacy in (("legacy", True), ("newest", False)):
            out[name] = tmp / f"{name}.apkg"
            col.export_anki_package(out_path=str(out[name]), limit=DeckIdLimit(did),
                                    options=ExportAnkiPackageOptions(with_scheduling=False, with_media=True,
                                                                     legacy=legacy))
    finally:
        col.close()
    return out


@pytest.mark.parametrize("fmt", ["legacy", "newest"])
def test_import_carries_the_pictures_notes_use_and_names_every_loss(
    tmp_path: Path, packages: dict[str, Path], fmt: str
) -> None:
    source = packages[fmt]
    conv = import_file(source, "flags")
    assert [str(p) for p in conv.problems] == [
        f"{source}:2: note 2: not carried over: back: sound song.mp3, back: bold",
        f"{source}:3: note 3: not carried over: front: picture nowhere.png is not in the package",
        f"{source}:4: note 4: not carried over: front: picture bomb.png claims 100,000 × 100,000 pixels, "
        "too large to open",
    ]
    assert set(conv.media) == {"flag.png"} and conv.media["flag.png"] == FLAG
    only_picture, with_text, gone, bomb, cloze = conv.questions
    assert isinstance(only_picture, CardQuestion) and only_picture.prompt == PICTURE_PROMPT
    assert only_picture.image is not None and (only_picture.image.path, only_picture.image.alt) == ("media/flag.png", "A flag")
    assert with_text.image is not None and with_text.image.path == "media/flag.png"
    assert gone.image is None and bomb.image is None
    assert isinstance(cloze, ClozeQuestion) and cloze.image is not None

    deck_file = tmp_path / "flags.yaml"
    placed = write_media(conv, deck_file)
    write_text_atomic(deck_file, imported_text(placed, source.name, "flags", "Flags"))
    bank = load_files([deck_file])
    assert bank.problems == () and picture_problems(bank) == []
    assert (tmp_path / "media" / "flag.png").read_bytes() == FLAG


def test_an_existing_picture_of_another_content_is_never_overwritten(tmp_path: Path, packages: dict[str, Path]) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "flag.png").write_bytes(b"someone else's picture")
    conv = write_media(import_file(packages["legacy"], "flags"), tmp_path / "flags.yaml")
    assert (tmp_path / "media" / "flag.png").read_bytes() == b"someone else's picture"
    assert (tmp_path / "media" / "flag-2.png").read_bytes() == FLAG
    assert {q.image.path for q in conv.questions if q.image is not None} == {"media/flag-2.png"}
    again = write_media(import_file(packages["legacy"], "flags"), tmp_path / "flags.yaml")  # the same picture: reused
    assert {q.image.path for q in again.questions if q.image is not None} == {"media/flag-2.png"}
    assert sorted(p.name for p in (tmp_path / "media").iterdir()) == ["flag-2.png", "flag.png"]


def test_media_names_are_made_safe() -> None:
    assert safe_name("../../etc/passwd.png", set()) == "passwd.png"
    assert safe_name("a/b\\c.PNG", set()) == "c.png"
    assert safe_name(".hidden.png", set()) == "hidden.png"
    assert safe_name("map.png", {"map.png"}) == "map-2.png"
    assert safe_name("clip.gif", set()) is None and safe_name("song.mp3", set()) is None


def test_imported_pictures_go_out_again_and_anki_finds_them(tmp_path: Path, packages: dict[str, Path]) -> None:
    deck_file = tmp_path / "flags.yaml"
    placed = write_media(import_file(packages["newest"], "flags"), deck_file)
    write_text_atomic(deck_file, imported_text(placed, "newest.apkg", "flags", "Flags"))
    deck = load_files([deck_file]).decks[0]
    missing = CardQuestion(deck="flags", id="missing", prompt="Where?", answer="Nowhere",
                           image=QuestionImage("media/gone.png", None, tmp_path, 40, 12))
    out = tmp_path / "out.apkg"
    lost: list[tuple[object, str]] = []
    written, skipped = write_apkg([*deck.questions, missing], deck.id, deck.title, out, lost=lost)  # type: ignore[arg-type]
    assert (written, skipped) == (6, [])
    assert [(q.id, why) for q, why in lost] == [  # type: ignore[attr-defined]
        ("missing", "image file 'media/gone.png' does not exist (the path is relative to this file's folder)")
    ]
    with zipfile.ZipFile(out) as z:
        assert z.read("media") == b'{"0": "flag.png"}' and z.read("0") == FLAG

    col = Collection(str(tmp_path / "check.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(out), options=ImportAnkiPackageOptions()))
        fronts = [col.get_note(nid).fields[0] for nid in sorted(col.find_notes(""))]
        assert sum('<img src="flag.png"' in f for f in fronts) == 3
        assert (Path(col.media.dir()) / "flag.png").read_bytes() == FLAG
        assert col.media.check().missing == []
    finally:
        col.close()

    back = import_file(out, "flags")  # and into studyapp once more: the same pictures
    assert [q.image.path if q.image else None for q in back.questions] == [
        "media/flag.png", "media/flag.png", None, None, "media/flag.png", None]
    assert [str(p) for p in back.problems] == []
    assert back.media == {"flag.png": FLAG}


def test_cli_export_names_a_picture_it_cannot_carry_and_import_writes_media(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    (qdir / "media").mkdir(parents=True)
    (qdir / "media" / "flag.png").write_bytes(FLAG)
    (qdir / "flags.yaml").write_text(
        "deck: flags\ntitle: Flags\nquestions:\n"
        "  - id: here\n    type: card\n    prompt: Whose flag?\n    answer: Belarus\n    image: media/flag.png\n"
        "  - id: gone\n    type: card\n    prompt: Whose?\n    answer: Nobody\n    image: media/gone.png\n",
        encoding="utf-8",
    )
    target = tmp_path / "out" / "flags.apkg"
    out = io.StringIO()
    args = Namespace(command="export", deck="flags", format="apkg", out=str(target),
                     data_dir=str(tmp_path / "data"), questions=[str(qdir)])
    assert run_interop(args, {}, out) == 1  # something was lost: not a clean export
    assert out.getvalue().splitlines() == [
        f"{qdir / 'flags.yaml'}:13: picture of question 'gone' not exported: image file 'media/gone.png' does not "
        "exist (the path is relative to this file's folder)",
        f"Exported 2 of 2 questions to {target}",
    ]
    gift = tmp_path / "out" / "flags.gift"
    out = io.StringIO()
    args = Namespace(command="export", deck="flags", format="gift", out=str(gift),
                     data_dir=str(tmp_path / "data"), questions=[str(qdir)])
    assert run_interop(args, {}, out) == 1 and gift.exists()
    assert [line.split(": ", 1)[1] for line in out.getvalue().splitlines()[:2]] == [
        "picture of question 'here' not exported: GIFT text holds no pictures (export the deck as .apkg to keep them)",
        "picture of question 'gone' not exported: GIFT text holds no pictures (export the deck as .apkg to keep them)",
    ]
    imported = tmp_path / "back" / "flags.yaml"
    imported.parent.mkdir()
    out = io.StringIO()
    args = Namespace(command="import", file=str(target), deck="flags", title="Flags", output=str(imported),
                     force=False, data_dir=str(tmp_path / "data"))
    run_interop(args, {}, out)
    assert (imported.parent / "media" / "flag.png").read_bytes() == FLAG
    assert "image: \"media/flag.png\"" in imported.read_text(encoding="utf-8")
