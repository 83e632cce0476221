"""Anki packages: export checked by the real ``anki`` library, import of packages the library builds, round trip."""

from __future__ import annotations

import io
import re
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
from interophelpers import SAMPLES, load_clean

from studyapp.bank.model import AnyQuestion, CardQuestion, ClozeQuestion, Deck
from studyapp.interop.apkgwrite import write_apkg
from studyapp.interop.commands import run_interop
from studyapp.interop.importer import import_file, imported_text
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
    """Packages made by the anki library itself: legacy (collection.anki21) and newest (anki21b) formats."""
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
    finally:
        col.close()
    return out


def test_apkg_built_by_anki_imports_with_zero_problems(tmp_path: Path, anki_built: dict[str, Path]) -> None:
    conv = import_file(anki_built["legacy"], "belarus")
    assert [str(p) for p in conv.problems] == []
    out = tmp_path / "belarus.yaml"
    write_text_atomic(out, imported_text(conv, "legacy.apkg", "belarus", "Belarus"))
    card, reverse, cloze = load_clean(out).questions
    assert isinstance(card, CardQuestion) and (card.prompt, card.answer) == ("Capital of Belarus?", "Minsk\n(on the Svislač)")
    assert card.tags == ("capitals", "geo")
    assert isinstance(reverse, CardQuestion) and reverse.answer == "Belarusian ruler & president"
    assert isinstance(cloze, ClozeQuestion) and cloze.text == "{{Minsk}} is the capital of {{Belarus}}."
    assert cloze.explanation == "Since 1991."


def test_newest_anki_format_is_reported(anki_built: dict[str, Path]) -> None:
    conv = import_file(anki_built["newest"], "belarus")
    assert conv.questions == []
    assert [str(p) for p in conv.problems] == [
        f"{anki_built['newest']}:0: this package uses Anki's newest format; in Anki export it again with "
        "'Support older Anki versions' ticked"
    ]


def test_not_a_package_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"not a zip")
    conv = import_file(bad, "d")
    assert conv.questions == [] and "not an Anki package" in str(conv.problems[0])


def test_export_opens_in_anki_with_notes_types_and_tags(tmp_path: Path, every_type: Deck) -> None:
    out = tmp_path / "every.apkg"
    written, skipped = write_apkg(every_type.questions, every_type.id, every_type.title, out)
    assert written == 10 and sorted(q.id for q, _ in skipped) == ["capitals-match", "order-events"]
    notes = _anki_notes(out, tmp_path)
    assert len(notes) == 10
    kinds = [kind for kind, _, _ in notes]
    assert kinds.count("studyapp Cloze") == 3 and kinds.count("studyapp Basic") == 7
    choice = next(f for k, f, _ in notes if "Prime Minister" in f.get("Front", ""))
    assert "Raman Hałoŭčanka" in choice["Back"] and "#eventually engage {with} Belarus" in choice["Back"]
    assert "<li>Ihar Karpienka</li>" in choice["Front"]
    cloze = next(f for k, f, _ in notes if "companies" in f.get("Text", ""))
    assert cloze["Text"] == "Canada and the UK imposed sanctions on {{c1::three}} companies." and "And six individuals." in cloze["Back Extra"]
    two = next(f for k, f, _ in notes if "opposition" in f.get("Text", ""))
    assert "{{c1::Viktar Babaryka}}" in two["Text"] and "{{c2::Maryja Kaleśnikava}}" in two["Text"]
    assert sorted({t for _, _, tags in notes for t in tags}) == ["dates", "intro", "numbers", "people", "sanctions", "section-3"]


def _first_alternatives(q: AnyQuestion) -> str:
    assert isinstance(q, ClozeQuestion)
    return re.sub(r"\{\{([^|}]*)(?:\|[^}]*)?\}\}", r"{{\1}}", q.text)


def test_yaml_apkg_yaml_round_trip_keeps_every_expressible_question(tmp_path: Path, every_type: Deck) -> None:
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
            r = next(x for x in again if isinstance(x, ClozeQuestion) and x.text == _first_alternatives(q))
        else:
            r = next(x for x in again if x.prompt == q.prompt)
        assert (r.type, r.prompt, r.explanation, r.tags) == (q.type, q.prompt, q.explanation, q.tags)
        if not isinstance(q, ClozeQuestion):
            assert r.content_hash == q.content_hash  # same choices, answers
            assert r.answer_text == q.answer_text


def test_cli_export_apkg(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    (qdir / "every.yaml").write_text((SAMPLES / "every_type.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "out" / "every.apkg"
    out = io.StringIO()
    args = Namespace(command="export", deck="every-type", format="apkg", out=str(target),
                     data_dir=str(tmp_path / "data"), questions=[str(qdir)])
    assert run_interop(args, {}, out) == 1  # match and order are reported
    assert "question 'capitals-match' not exported: Anki has no 'match' notes" in out.getvalue()
    assert len(_anki_notes(target, tmp_path)) == 10
