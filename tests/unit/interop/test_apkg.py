"""Anki packages: export checked by the real ``anki`` library, import of packages the library builds, round trip."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from interophelpers import SAMPLES, load_clean

from studyapp.bank.model import CardQuestion, ClozeQuestion, Deck
from studyapp.interop.ankicollection import NoteType, collection_member, extract_collection, note_types, notetype_kind
from studyapp.interop.apkgwrite import write_apkg
from studyapp.interop.collectionread import ReadLimits, open_collection
from studyapp.interop.commands import run_interop
from studyapp.interop.importer import import_file, imported_text
from studyapp.interop.problems import Conversion
from studyapp.interop.yamlwrite import write_text_atomic


def _anki_notes(apkg: Path, tmp: Path) -> list[tuple[str, dict[str, str], list[str]]]:
    """Import ``apkg`` into a fresh collection with the real Anki library; (note type, fields, tags) per note."""
    col = Collection(str(tmp / "check.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions()))
        notes = [col.get_note(nid) for nid in sorted(col.find_notes(""))]
        return [(n.note_type()["name"], dict(n.items()), sorted(n.tags)) for n in notes]
    finally:
        col.close()


@pytest.fixture(scope="module")
def anki_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Packages made by the anki library itself: legacy (collection.anki21) and newest (anki21b) formats.

    "occlusion" is the newest format with one more note, of Anki's stock Image Occlusion type.
    """
    tmp = tmp_path_factory.mktemp("anki")
    col = Collection(str(tmp / "source.anki2"))
    try:
        did = col.decks.id("Belarus")
        basic = col.models.by_name("Basic")
        reverse = col.models.by_name("Basic (and reversed card)")
        cloze = col.models.by_name("Cloze")
        for model, fields, tags in (
            (basic, {"Front": "Capital of <b>Belarus</b>?", "Back": "Minsk<br>(on the Svislač)"}, ["geo", "capitals"]),
            (reverse, {"Front": "Łukašenka", "Back": "Belarusian ruler &amp; president"}, ["people"]),
            (cloze, {"Text": "{{c1::Minsk}} is the capital of {{c2::Belarus::country}}.", "Back Extra": "Since 1991."}, []),
        ):
            note = col.new_note(model)
            for k, v in fields.items():
                note[k] = v
            note.tags = tags
            col.add_note(note, did)
        out = {}
        for name, legacy in (("legacy", True), ("newest", False)):
            out[name] = tmp / f"{name}.apkg"
            col.export_anki_package(out_path=str(out[name]), limit=DeckIdLimit(did),
                                    options=ExportAnkiPackageOptions(with_scheduling=False, with_media=False, legacy=legacy))
        occlusion = col.new_note(col.models.by_name("Image Occlusion"))
        occlusion["Occlusion"] = "{{c1::image-occlusion:rect:left=.1:top=.1:width=.2:height=.2}}"
        occlusion["Image"] = '<img src="map.png">'
        col.add_note(occlusion, did)
        out["occlusion"] = tmp / "occlusion.apkg"
        col.export_anki_package(out_path=str(out["occlusion"]), limit=DeckIdLimit(did),
                                options=ExportAnkiPackageOptions(with_scheduling=False, with_media=False, legacy=False))
    finally:
        col.close()
    return out


def _check_belarus(tmp_path: Path, conv: Conversion, name: str) -> None:
    """The three notes of ``anki_built`` came back as the right questions, through the real loader."""
    out = tmp_path / "belarus.yaml"
    write_text_atomic(out, imported_text(conv, name, "belarus", "Belarus"))
    card, reverse, cloze = load_clean(out).questions
    assert isinstance(card, CardQuestion)
    assert (card.prompt, card.answer) == ("Capital of Belarus?", "Minsk\n(on the Svislač)")
    assert card.tags == ("capitals", "geo")
    assert isinstance(reverse, CardQuestion)
    assert (reverse.prompt, reverse.answer) == ("Łukašenka", "Belarusian ruler & president")
    assert reverse.tags == ("people",)
    assert isinstance(cloze, ClozeQuestion) and cloze.text == "{{Minsk}} is the capital of {{Belarus}}."
    assert cloze.explanation == "Since 1991." and cloze.tags == ()


def bold_dropped(package: Path) -> str:
    """The one loss of ``anki_built``'s notes: the first note's bold word becomes plain text."""
    return f"{package}:1: note 1: not carried over: front: bold"


@pytest.mark.parametrize("fmt", ["legacy", "newest"])
def test_apkg_built_by_anki_imports_naming_only_the_bold_it_drops(
    tmp_path: Path, anki_built: dict[str, Path], fmt: str
) -> None:
    conv = import_file(anki_built[fmt], "belarus")
    assert [str(p) for p in conv.problems] == [bold_dropped(anki_built[fmt])]
    _check_belarus(tmp_path, conv, f"{fmt}.apkg")


def test_newest_format_is_what_it_claims(anki_built: dict[str, Path]) -> None:
    """Anki's default export: zstd-compressed schema 18 next to a dummy collection.anki2, which is not read."""
    with zipfile.ZipFile(anki_built["newest"]) as z:
        assert {"collection.anki21b", "collection.anki2"} <= set(z.namelist())
        assert "collection.anki21" not in z.namelist()
        assert collection_member(z) == "collection.anki21b"
        assert z.read("collection.anki21b")[:4] == b"\x28\xb5\x2f\xfd"  # zstd frame magic


def test_image_occlusion_in_newest_format_is_reported(anki_built: dict[str, Path]) -> None:
    conv = import_file(anki_built["occlusion"], "belarus")
    assert len(conv.questions) == 3
    assert [str(p) for p in conv.problems] == [
        bold_dropped(anki_built["occlusion"]),
        f"{anki_built['occlusion']}:4: note 4 is an image occlusion note (images are not imported); skipped",
    ]


def _repack(source: Path, target: Path, change: Callable[[sqlite3.Connection], None], tmp: Path) -> None:
    """Copy the newest-format package ``source`` to ``target``, with ``change`` applied to its collection."""
    db = tmp / "work.sqlite"
    with zipfile.ZipFile(source) as z:
        db.write_bytes(zstandard.ZstdDecompressor().decompressobj().decompress(z.read("collection.anki21b")))
        others = {name: z.read(name) for name in z.namelist() if name != "collection.anki21b"}
    con = sqlite3.connect(db)
    try:
        change(con)
        con.commit()
    finally:
        con.close()
    with zipfile.ZipFile(target, "w") as z:
        z.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(db.read_bytes()))
        for name, data in others.items():
            z.writestr(name, data)


def test_unreadable_notetype_config_falls_back_to_cloze_templates(tmp_path: Path, anki_built: dict[str, Path]) -> None:
    broken = tmp_path / "broken.apkg"
    _repack(anki_built["newest"], broken, lambda con: con.execute("UPDATE notetypes SET config = x'ff'"), tmp_path)
    conv = import_file(broken, "belarus")
    assert [str(p) for p in conv.problems] == [bold_dropped(broken)]
    _check_belarus(tmp_path, conv, "broken.apkg")


def test_field_names_come_from_the_schema_18_tables(tmp_path: Path, anki_built: dict[str, Path]) -> None:
    for fmt in ("legacy", "newest"):
        with zipfile.ZipFile(anki_built[fmt]) as z:
            member = collection_member(z)
            assert member is not None
            extract_collection(z, member, tmp_path / f"{fmt}.sqlite")
        with open_collection(tmp_path / f"{fmt}.sqlite", ReadLimits()) as reader:
            types = {t.name: t for t in note_types(reader).values()}
        assert types["Cloze"] == NoteType("Cloze", True, ("Text", "Back Extra"))
        assert types["Basic"] == NoteType("Basic", False, ("Front", "Back"))


def test_notetype_kind_walks_the_protobuf() -> None:
    assert notetype_kind(b"") == 0  # NORMAL is the default, so protobuf leaves it out
    assert notetype_kind(b"\x08\x01\x1a\x02ab") == 1
    assert notetype_kind(b"\x1a\x02ab\x21" + bytes(8) + b"\x2d" + bytes(4) + b"\x08\x01") == 1  # after other fields
    assert notetype_kind(b"\x10\x01") == 0  # field 2, not kind
    for bad in (b"\xff", b"\x1a\x05ab", b"\x0b"):
        with pytest.raises(ValueError):
            notetype_kind(bad)


def test_damaged_newest_collection_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "damaged.apkg"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd not really zstd")
    conv = import_file(bad, "d")
    assert conv.questions == [] and conv.failed
    assert str(conv.problems[0]).startswith(f"{bad}: not a usable Anki package (cannot unpack collection.anki21b: ")


def test_not_a_package_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"not a zip")
    conv = import_file(bad, "d")
    assert conv.questions == [] and str(conv.problems[0]).startswith(f"{bad}: not a usable Anki package (not a zip file: ")


def test_export_opens_in_anki_with_notes_types_and_tags(tmp_path: Path, every_type: Deck) -> None:
    out = tmp_path / "every.apkg"
    written, skipped = write_apkg(every_type.questions, every_type.id, every_type.title, out)
    assert written == 12 and skipped == []
    notes = _anki_notes(out, tmp_path)
    assert len(notes) == 12
    kinds = [kind for kind, _, _ in notes]
    assert kinds.count("studyapp Cloze") == 3 and kinds.count("studyapp Basic") == 9
    choice = next(f for k, f, _ in notes if "Prime Minister" in f.get("Front", ""))
    assert "Raman Hałoŭčanka" in choice["Back"] and "#eventually engage {with} Belarus" in choice["Back"]
    assert "<li>Ihar Karpienka</li>" in choice["Front"]
    cloze = next(f for k, f, _ in notes if "companies" in f.get("Text", ""))
    assert cloze["Text"] == "Canada and the UK imposed sanctions on {{c1::three}} companies." and "And six individuals." in cloze["Back Extra"]
    two = next(f for k, f, _ in notes if "opposition" in f.get("Text", ""))
    assert "{{c1::Viktar Babaryka}}" in two["Text"] and "{{c2::Maryja Kaleśnikava}}" in two["Text"]
    assert "Also accepted: " in cloze["Back Extra"] and "<li>1: 3</li>" in cloze["Back Extra"]
    match = next(f for k, f, _ in notes if "Match the city" in f.get("Front", ""))
    assert "<li>Minsk \u2192 Belarus</li>" in match["Back"]
    order = next(f for k, f, _ in notes if "Put these in order" in f.get("Front", ""))
    assert '<ol class="studyapp-items"><li>2020 unrest</li><li>January 17 statement</li>' in order["Back"]
    assert sorted({t for _, _, tags in notes for t in tags}) == [
        "dates", "intro", "numbers", "people", "places", "sanctions", "section-3", "studyapp::match", "studyapp::order"]


def test_yaml_apkg_yaml_round_trip_keeps_every_question(tmp_path: Path, every_type: Deck) -> None:
    apkg = tmp_path / "every.apkg"
    _, skipped = write_apkg(every_type.questions, every_type.id, every_type.title, apkg)
    conv = import_file(apkg, every_type.id)
    assert conv.problems == []
    back = tmp_path / "back.yaml"
    write_text_atomic(back, imported_text(conv, "every.apkg", every_type.id, every_type.title))
    again = load_clean(back).questions
    expressible = [q for q in every_type.questions if q.id not in {s.id for s, _ in skipped}]
    assert len(again) == len(expressible)
    # Anki sorts notes by creation; match them up by prompt / text.
    for q in expressible:
        if isinstance(q, ClozeQuestion):
            r = next(x for x in again if isinstance(x, ClozeQuestion) and x.text == q.text)  # alternatives too
        else:
            r = next(x for x in again if x.prompt == q.prompt)
        assert (r.type, r.prompt, r.explanation, r.tags) == (q.type, q.prompt, q.explanation, q.tags)
        assert r.content_hash == q.content_hash  # same choices, answers, pairs, order
        assert r.answer_text == q.answer_text


def test_cli_export_apkg(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    (qdir / "every.yaml").write_text((SAMPLES / "every_type.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "out" / "every.apkg"
    out = io.StringIO()
    args = Namespace(command="export", deck="every-type", format="apkg", out=str(target),
                     data_dir=str(tmp_path / "data"), questions=[str(qdir)])
    assert run_interop(args, {}, out) == 0  # every type has a form now
    assert out.getvalue().endswith("Exported 12 of 12 questions to " + str(target) + "\n")
    assert len(_anki_notes(target, tmp_path)) == 12


def test_a_package_that_unpacks_past_the_limit_is_refused_not_written_out(tmp_path: Path) -> None:
    """A zstd bomb (a small package that unpacks huge) stops at the limit instead of filling the disk."""
    from studyapp.interop.ankicollection import CollectionTooLarge

    package = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(package, "w") as z:
        z.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(b"\0" * (4 << 20)))
    target = tmp_path / "out.sqlite"
    with zipfile.ZipFile(package) as z, pytest.raises(CollectionTooLarge, match="more than"):
        extract_collection(z, "collection.anki21b", target, limit=1 << 20)
    assert target.stat().st_size <= 1 << 20

