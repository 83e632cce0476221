"""Every question goes out and comes back: the bundled deck and a deck with every type, through
``.apkg`` (checked by the real ``anki`` library) and GIFT, back into studyapp with type, prompt,
answers, explanation and tags equal."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from interophelpers import REPO, SAMPLES, load_clean

from studyapp.bank.model import AnyQuestion, ClozeQuestion, Deck
from studyapp.interop.apkgwrite import write_apkg
from studyapp.interop.giftwrite import deck_to_gift
from studyapp.interop.importer import import_file, imported_text
from studyapp.interop.yamlwrite import write_text_atomic

# Beyond tests/data/interop/every_type.yaml: a cloze with an instruction and alternatives in
# several gaps, a multi-line card, and a match whose sides hold GIFT's special characters.
EXTRA = """
  - id: prompted-cloze
    type: cloze
    prompt: Fill in the date and the surname.
    text: "On {{January 17|17 January}}, Prime Minister Raman {{Hałoŭčanka|Golovchenko|Halouchanka}} spoke."
    explanation: The article opens with it.
    tags: [intro, dates]
  - id: lines-card
    type: card
    prompt: What could Łukašenka do at home?
    answer: "Release prisoners.\\nHalt reprisals."
    explanation: "Three steps: {see} the article #3."
  - id: symbols-match
    type: match
    prompt: "Match: the symbol -> its name"
    pairs:
      "=": equals
      "~ tilde": "a {brace}"
      "arrow # hash": "a -> b"
"""


@pytest.fixture(scope="module")
def bundled() -> Deck:
    return load_clean(REPO / "questions" / "belarus-west-2025.yaml")


@pytest.fixture(scope="module")
def every_type(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    path = tmp_path_factory.mktemp("every") / "every.yaml"
    path.write_text((SAMPLES / "every_type.yaml").read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    deck = load_clean(path)
    assert {str(q.type) for q in deck.questions} == {
        "choice", "multi", "truefalse", "text", "cloze", "order", "match", "card"}
    return deck


def reimport(tmp_path: Path, exported: Path, deck: Deck) -> Deck:
    conv = import_file(exported, deck.id)
    assert [str(p) for p in conv.problems] == []
    back = tmp_path / "back.yaml"
    write_text_atomic(back, imported_text(conv, exported.name, deck.id, deck.title))
    return load_clean(back)


def what_counts(q: AnyQuestion) -> tuple[object, ...]:
    """Type, prompt, answers, explanation and tags (a cloze: its text and every gap's alternatives)."""
    content: object = q.content_hash
    if isinstance(q, ClozeQuestion):
        content = tuple(p if isinstance(p, str) else p.alternatives for p in q.parts)
    return (str(q.type), q.prompt, content, q.explanation, q.tags)


def anki_counts(apkg: Path, tmp: Path) -> tuple[int, int, int, set[str]]:
    """(notes, cards, cloze cards, tags) of ``apkg`` as the real Anki library imports it."""
    col = Collection(str(tmp / "check.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions()))
        notes = col.find_notes("")
        cloze_cards = len(col.find_cards("note:studyapp*Cloze"))
        tags = {t for nid in notes for t in col.get_note(nid).tags}
        return len(notes), len(col.find_cards("")), cloze_cards, tags
    finally:
        col.close()


@pytest.mark.parametrize("which", ["bundled", "every_type"])
def test_apkg_carries_every_question_and_brings_it_back(tmp_path: Path, which: str, request: pytest.FixtureRequest) -> None:
    deck: Deck = request.getfixturevalue(which)
    apkg = tmp_path / "deck.apkg"
    written, skipped = write_apkg(deck.questions, deck.id, deck.title, apkg)
    assert (written, skipped) == (len(deck.questions), [])
    clozes = [q for q in deck.questions if isinstance(q, ClozeQuestion)]
    notes, cards, cloze_cards, tags = anki_counts(apkg, tmp_path)
    assert notes == len(deck.questions)
    assert cloze_cards == sum(len(q.gaps) for q in clozes)
    assert cards == len(deck.questions) - len(clozes) + cloze_cards
    assert {"studyapp::match", "studyapp::order"} <= tags
    again = reimport(tmp_path, apkg, deck)
    assert [what_counts(q) for q in again.questions] == [what_counts(q) for q in deck.questions]


@pytest.mark.parametrize("which", ["bundled", "every_type"])
def test_gift_carries_every_question_and_brings_it_back(tmp_path: Path, which: str, request: pytest.FixtureRequest) -> None:
    deck: Deck = request.getfixturevalue(which)
    text, skipped = deck_to_gift(deck.questions, deck.title)
    assert skipped == []
    gift = tmp_path / "deck.gift"
    gift.write_text(text, encoding="utf-8")
    again = reimport(tmp_path, gift, deck)
    assert [q.id for q in again.questions] == [q.id for q in deck.questions]
    assert [what_counts(q) for q in again.questions] == [what_counts(q) for q in deck.questions]


def test_a_cloze_missing_one_of_its_parts_is_reported_not_half_imported(tmp_path: Path, every_type: Deck) -> None:
    two_gaps = next(q for q in every_type.questions if q.id == "two-gap-cloze")
    text, _ = deck_to_gift([two_gaps], "one")
    blocks = text.split("\n\n")
    assert len(blocks) == 4 and "[studyapp-gap:2/2]" in blocks[3]
    gift = tmp_path / "cut.gift"
    gift.write_text("\n\n".join(blocks[:3]) + "\n", encoding="utf-8")
    conv = import_file(gift, "cut")
    assert conv.questions == []
    assert [str(p) for p in conv.problems] == [f"{gift}:6: a cloze exported in parts is missing its last parts; skipped"]


def test_an_order_note_never_shows_its_answer_on_the_front(tmp_path: Path) -> None:
    from studyapp.bank.model import OrderQuestion
    from studyapp.interop.apkgwrite import question_note

    sorted_already = OrderQuestion(deck="d", id="abc", prompt="Order.", items=("alpha", "beta", "gamma"))
    front, back = question_note(sorted_already, "d").fields
    assert front.index("gamma") < front.index("beta") < front.index("alpha")
    assert back.index("alpha") < back.index("beta") < back.index("gamma")
