"""The problems an import reports are marked for the translators, and their English is unchanged.

The window writes each problem through ``core_text`` (its ``wording``); the command line prints
``message``, which must stay the text it always was (``str(wording)``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hostile_apkg import pictures_package

from studyapp.interop.importer import import_file
from studyapp.interop.lostwording import lost_wording
from studyapp.messages import Message

GIFT = """$CATEGORY: $course$/top/Geography

::d::Just a description.

::u::An unmatched { brace

::pi::What is pi? {#3.14:0.005}

::r::A number? {#1..5}

::n::A word? {#abc}

::e::Describe it. {}

::m::Match these. {=a -> 1 =b -> 2 =c}

::p::Pick one. {~%50%a ~%50%b}

::b::[html]What is <b>2+2</b>? {=4 ~5 ~3}
"""

# A studyapp cloze exported one gap per question, broken: parts missing, parts that disagree.
CLOZE_PARTS = """// [studyapp-gap:2/3]
::c::Paris is the {=capital} of France.

// [studyapp-gap:3/3]
::c::Paris is the capital of {=France}.

// [studyapp-gap:1/2]
::d::{=Rome} is in Italy.

// [studyapp-gap:2/2]
::d::Rome is in {=Spain}.

// [studyapp-gap:1/2]
::e::{=Bern} is in Switzerland.

// [studyapp-gap:1/2]
::f::{=Oslo} is in Norway.
"""

TEXT = ("front only\n"
        "<b></b>\tback\n"
        "{{c2::x}} no first gap\tcloze\n"
        "a\tb\tc\n"
        "<i>styled</i>\tback\n")

def _zip_without_collection() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("media", "{}")
    return out.getvalue()


CASES = {
    "moodle.gift": (GIFT.encode(), [
        "a description (no answers in {...}); skipped",
        "unmatched '{' or '}' (escape literal braces as \\{ \\}); skipped",
        "tolerance ±0.005 not carried over: only 3.14 exactly is accepted",
        "range 1..5 not carried over (only exact numbers are); dropped",
        "'abc' is not a number; dropped",
        "essay questions are not supported; skipped",
        "not carried over (plain text only): bold",
    ]),
    "parts.gift": (CLOZE_PARTS.encode(), [
        "part 2 of 3 of a cloze does not follow part 1; skipped",
        "part 3 of 3 of a cloze does not follow part 2; skipped",
        "the parts of a cloze show different texts; skipped",
        "cloze parts before line 17 are incomplete (1 found); dropped",
        "a cloze exported in parts is missing its last parts; skipped",
    ]),
    "cards.txt": (TEXT.encode(), [
        "expected front <tab> back, found one field; skipped",
        "empty front (it holds only bold, which cannot be carried over); skipped",
        "not carried over (plain text only): front: italic",
    ]),
    "empty.txt": (b"  \n", ["the file is empty; there is nothing to import"]),
    "broken.apkg": (b"not a zip", ["not a usable Anki package (not a zip file: File is not a zip file)"]),
    "hollow.apkg": (_zip_without_collection(), ["not a usable Anki package (no collection.anki21b/anki21/anki2 inside)"]),
    "latin1.txt": ("caf\xe9\tcoffee\n".encode("latin-1"), ["not UTF-8 text; export the file as UTF-8 (Unicode)"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_problem_is_worded_and_its_english_is_unchanged(tmp_path: Path, name: str) -> None:
    data, expected = CASES[name]
    source = tmp_path / name
    source.write_bytes(data)
    problems = import_file(source, "imported").problems
    assert problems
    for p in problems:
        assert isinstance(p.wording, Message), p.message
        assert str(p.wording) == p.message
        assert p.located(p.message) == str(p)
    messages = [p.message for p in problems]
    for text in expected:
        assert any(m.startswith(text) or m == text for m in messages), (text, messages)


def test_a_problem_in_the_window_language() -> None:
    wording = Message("{problem}; skipped", problem=Message("empty tag"))
    assert wording.text(lambda t: f"<{t}>") == "<<empty tag>; skipped>"


def test_what_an_import_could_not_carry_is_named_in_the_window_language() -> None:
    items = ["front: bold", "back: image {a}.png", "sound b.mp3", "link https://x.org/", "video clip.mp4", "italic"]
    wording = lost_wording(items)
    assert str(wording) == ", ".join(items)  # the command line's English, byte for byte
    assert isinstance(wording, Message)
    marked = wording.text(lambda t: f"<{t}>")
    assert marked == ("<<front: <bold>>, <<back: <image {a}.png>>, <<sound b.mp3>, <<link https://x.org/>, "
                      "<video clip.mp4, <italic>>>>>>")  # each known name marked; a medium it does not know as it is
    many = [f"link {n}" for n in range(200)]
    assert str(lost_wording(many)) == ", ".join(many) and lost_wording([]) == ""


def test_why_a_package_is_unusable_is_worded_too(tmp_path: Path) -> None:
    source = tmp_path / "hollow.apkg"
    source.write_bytes(_zip_without_collection())
    [problem] = import_file(source, "imported").problems
    assert problem.wording is not None and isinstance(problem.wording.args["reason"], Message)
    assert problem.wording.text(lambda t: f"<{t}>") == "<not a usable Anki package (<no collection.anki21b/anki21/anki2 inside>)>"


PICTURE_PROBLEMS = [
    ":1: note 1: not carried over: front: picture nowhere.png is not in the package",
    ":2: note 2: not carried over: front: picture fake.png is not a PNG, JPEG, WebP or SVG picture",
    ":3: note 3 has an empty front; skipped (picture notes.txt is not a PNG, JPEG, WebP or SVG file; "
    "picture nowhere.png (a question shows one picture): cannot be carried over)",
    ":4: note 4: not carried over: front: picture fake.png is not a PNG, JPEG, WebP or SVG picture, "
    "front: picture other.png (a question shows one picture)",
]


def test_why_a_package_picture_is_not_carried_is_worded_and_reads_as_before(tmp_path: Path) -> None:
    source = pictures_package(tmp_path)
    problems = import_file(source, "imported").problems
    assert [str(p) for p in problems] == [f"{source}{line}" for line in PICTURE_PROBLEMS]  # the command line's
    for p in problems:
        assert p.wording is not None and str(p.wording) == p.message
        marked = p.wording.text(lambda t: f"<{t}>")
        assert "<picture " in marked, marked  # the reasons marked too
    held = problems[2].wording
    assert held is not None and held.text(lambda t: f"<{t}>") == (
        "<note 3 has an empty front; skipped (<<picture notes.txt is not a PNG, JPEG, WebP or SVG file>; "
        "<picture nowhere.png (a question shows one picture)>>: cannot be carried over)>")
