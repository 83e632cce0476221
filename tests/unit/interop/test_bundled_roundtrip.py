"""The bundled deck survives GIFT and Anki round trips: every question either comes back the same or is reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from interophelpers import REPO, load_clean

from studyapp.bank.model import ClozeQuestion, Deck
from studyapp.interop.apkgwrite import write_apkg
from studyapp.interop.giftwrite import deck_to_gift
from studyapp.interop.importer import import_file, imported_text
from studyapp.interop.yamlwrite import write_text_atomic


@pytest.fixture(scope="module")
def bundled() -> Deck:
    return load_clean(REPO / "questions" / "belarus-west-2025.yaml")


def _reimport(tmp_path: Path, exported: Path, deck: Deck) -> Deck:
    conv = import_file(exported, deck.id)
    assert [str(p) for p in conv.problems] == []
    back = tmp_path / "back.yaml"
    write_text_atomic(back, imported_text(conv, exported.name, deck.id, deck.title))
    return load_clean(back)


def test_gift_round_trip(tmp_path: Path, bundled: Deck) -> None:
    text, skipped = deck_to_gift(bundled.questions, bundled.title)
    gift = tmp_path / "bundled.gift"
    gift.write_text(text, encoding="utf-8")
    again = _reimport(tmp_path, gift, bundled)
    assert len(again.questions) + len(skipped) == len(bundled.questions)
    assert {str(q.type) for q, _ in skipped} <= {"order", "card", "cloze"}
    for q in again.questions:
        original = bundled.question(q.id)
        assert original is not None
        assert (q.type, q.prompt, q.explanation, q.tags, q.content_hash) == (
            original.type, original.prompt, original.explanation, original.tags, original.content_hash)


def test_apkg_round_trip(tmp_path: Path, bundled: Deck) -> None:
    apkg = tmp_path / "bundled.apkg"
    written, skipped = write_apkg(bundled.questions, bundled.id, bundled.title, apkg)
    assert {str(q.type) for q, _ in skipped} <= {"order", "match"}
    again = _reimport(tmp_path, apkg, bundled)
    assert len(again.questions) == written
    def key(text: str) -> str:
        return re.sub(r"\{\{([^|}]*)(?:\|[^}]*)?\}\}", r"{{\1}}", text)
    by_front = {(q.prompt, key(q.text) if isinstance(q, ClozeQuestion) else ""): q for q in again.questions}
    for original in bundled.questions:
        if original.id in {q.id for q, _ in skipped}:
            continue
        cloze = key(original.text) if isinstance(original, ClozeQuestion) else ""
        q = by_front[(original.prompt, cloze)]
        assert (q.type, q.explanation, q.tags) == (original.type, original.explanation, original.tags)
        if not isinstance(original, ClozeQuestion):
            assert q.content_hash == original.content_hash
