"""A question's picture: how ``image:`` is written, what loading keeps, what ``check`` says of the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bankhelpers import HEAD
from picture_files import SVG, bomb_png, jpeg_header, png_bytes, webp_header

from studyapp.authoring.draft import draft_of
from studyapp.authoring.editcheck import EditKind, apply_edit
from studyapp.bank.cache import decode_result, encode_result
from studyapp.bank.imagefile import MAX_IMAGE_BYTES, image_file_problem, open_regular, read_header
from studyapp.bank.loader import check_data, check_file
from studyapp.bank.model import QuestionImage
from studyapp.cli import main
from studyapp.interop.csvexport import QUESTION_COLUMNS, question_row
from studyapp.interop.yamlwrite import dump_deck

CARD = "  - id: {id}\n    type: card\n    prompt: What is shown?\n    answer: A map\n"


def deck_text(*images: str, alt: str | None = None) -> str:
    """A deck with one card per image path (each card is 5 lines, the image on its 5th, column 12)."""
    out = HEAD
    for i, path in enumerate(images):
        out += CARD.format(id=f"q{i}") + f"    image: {path}\n"
        if alt is not None:
            out += f"    image_alt: {alt}\n"
    return out


def problems(text: str, where: Path) -> list[str]:
    result = check_data(text.encode("utf-8"), where)
    return [f"{p.line}:{p.column}: {p.message}" for p in result.problems]


def test_a_picture_and_its_alt_text_load_with_their_place(tmp_path: Path) -> None:
    result = check_data(deck_text("media/map.png", alt="A map of Belarus").encode(), tmp_path / "d.yaml")
    assert result.problems == () and result.deck is not None
    image = result.deck.questions[0].image
    assert image == QuestionImage("media/map.png", "A map of Belarus", tmp_path, 8, 12)
    assert image.file == tmp_path / "media" / "map.png"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../map.png", "may not leave this file's folder ('..')"),
        ("media/../../map.png", "may not leave this file's folder ('..')"),
        ("/etc/map.png", "not the absolute path '/etc/map.png'"),
        ("'C:\\maps\\map.png'", "not the absolute path"),
        ("maps/map.png", "must be beside this file or in its 'media/' folder"),
        ("map.gif", "not a .gif file"),
        ("map", "not a name without an extension"),
    ],
)
def test_paths_that_leave_the_folder_or_are_no_picture_are_refused_at_the_value(
    tmp_path: Path, path: str, message: str
) -> None:
    found = problems(deck_text(path), tmp_path / "d.yaml")
    assert len(found) == 1 and found[0].startswith("8:12: image ") and message in found[0]


def test_alt_text_without_a_picture_is_reported(tmp_path: Path) -> None:
    text = HEAD + CARD.format(id="q") + "    image_alt: A map\n"
    assert problems(text, tmp_path / "d.yaml") == [
        "8:5: 'image_alt' describes the picture named by 'image'; add 'image' or remove it"
    ]


def test_the_picture_survives_the_cache_the_writer_and_the_editor_draft(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    result = check_data(deck_text("media/a b.png", alt="'Two: words'").encode(), path)
    assert result.deck is not None
    assert decode_result(path, encode_result(result)) == result
    written = dump_deck("d", "D", result.deck.questions)
    again = check_data(written.encode(), path).deck
    assert again is not None and again.questions[0].image == result.deck.questions[0].image
    assert draft_of(again.questions[0])["image"] == "media/a b.png"
    assert draft_of(again.questions[0])["image_alt"] == "Two: words"
    row = dict(zip(QUESTION_COLUMNS, question_row(again.questions[0]), strict=True))
    assert (row["image"], row["image_alt"]) == ("media/a b.png", "Two: words")


def test_another_picture_is_another_question_but_questions_without_one_keep_their_hash(tmp_path: Path) -> None:
    plain = check_data((HEAD + CARD.format(id="q")).encode(), tmp_path / "d.yaml").deck
    pictured = check_data(deck_text("a.png").encode(), tmp_path / "d.yaml").deck
    other = check_data(deck_text("b.png", alt="x").encode(), tmp_path / "d.yaml").deck
    assert plain is not None and pictured is not None and other is not None
    assert plain.questions[0].content_hash == "d339e44b7a2aed35"  # as before pictures existed
    assert len({plain.questions[0].content_hash, pictured.questions[0].content_hash,
                other.questions[0].content_hash}) == 3


def test_headers_of_the_four_formats_are_read_without_decoding(tmp_path: Path) -> None:
    files = {"a.png": png_bytes(8, 6), "a.jpg": jpeg_header(640, 480), "a.webp": webp_header(300, 200),
             "a.svg": SVG.encode()}
    sizes = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        with open_regular(tmp_path / name) as f:
            header = read_header(f)
        sizes[name] = (header.kind, header.width, header.height)
    assert sizes == {"a.png": ("PNG", 8, 6), "a.jpg": ("JPEG", 640, 480), "a.webp": ("WebP", 300, 200),
                     "a.svg": ("SVG", 120, 80)}


def check_output(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[str]]:
    code = main(["check", str(path)])
    return code, capsys.readouterr().out.splitlines()


def test_check_reports_each_unusable_picture_at_its_image_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    media = tmp_path / "media"
    media.mkdir()
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(png_bytes())
    (media / "good.png").write_bytes(png_bytes())
    (media / "good.svg").write_text(SVG, encoding="utf-8")
    (media / "link.png").symlink_to(outside)
    (media / "zero.png").symlink_to("/dev/zero")
    (media / "big.png").write_bytes(png_bytes())
    os.truncate(media / "big.png", MAX_IMAGE_BYTES + 1)
    (media / "text.png").write_text("not a picture", encoding="utf-8")
    (media / "bomb.png").write_bytes(bomb_png())
    os.mkfifo(media / "fifo.png")  # opening it for reading would wait for a writer forever
    names = ["good.png", "good.svg", "link.png", "zero.png", "missing.png", "big.png", "text.png", "bomb.png",
             "fifo.png"]
    deck = tmp_path / "d.yaml"
    deck.write_text(deck_text(*(f"media/{n}" for n in names)), encoding="utf-8")
    code, out = check_output(capsys, deck)
    assert code == 1
    assert out == [
        f"{deck}:18:12: image file 'media/link.png' leads outside this file's folder (through a link)",
        f"{deck}:23:12: image file 'media/zero.png' leads outside this file's folder (through a link)",
        f"{deck}:28:12: image file 'media/missing.png' does not exist (the path is relative to this file's folder)",
        f"{deck}:33:12: image file 'media/big.png' is larger than 5 MiB ({MAX_IMAGE_BYTES + 1:,} bytes)",
        f"{deck}:38:12: image file 'media/text.png' is not a PNG, JPEG, WebP or SVG picture",
        f"{deck}:43:12: image file 'media/bomb.png' claims 100,000 × 100,000 pixels, too large to open",
        f"{deck}:48:12: image file 'media/fifo.png' cannot be read ('fifo.png' is not a regular file)",
        "1 file, 9 questions, 7 problems",
    ]


def test_check_refuses_an_svg_that_links_other_files(tmp_path: Path) -> None:
    (tmp_path / "map.svg").write_text(SVG.replace("<rect", '<image href="/dev/zero" width="9" height="9"/><rect'),
                                      encoding="utf-8")
    (tmp_path / "link.svg").write_text(SVG.replace("<rect", '<a xlink:href="other.svg"><rect'), encoding="utf-8")
    (tmp_path / "own.svg").write_text(SVG.replace("<rect", '<use href="#r"/><rect id="r"'), encoding="utf-8")
    found = {n: _english(image_file_problem(QuestionImage(n, None, tmp_path))) for n in ("map.svg", "link.svg", "own.svg")}
    assert found == {
        "map.svg": "image file 'map.svg' is an SVG that shows or links other files (<image> or href); only "
                   "self-contained drawings are shown",
        "link.svg": "image file 'link.svg' is an SVG that shows or links other files (<image> or href); only "
                    "self-contained drawings are shown",
        "own.svg": None,
    }


def test_a_deck_whose_picture_is_missing_still_loads(tmp_path: Path) -> None:
    deck_path = tmp_path / "d.yaml"
    deck_path.write_text(deck_text("gone.png"), encoding="utf-8")
    deck, found = check_file(deck_path)
    assert found == () and deck is not None and deck.questions[0].image is not None
    assert image_file_problem(deck.questions[0].image) is not None


def test_the_editor_shows_a_missing_picture_under_the_image_field(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    data = (HEAD + CARD.format(id="q")).encode()
    draft = {"id": "q", "type": "card", "prompt": "What?", "answer": "A map", "image": "media/map.png"}
    result = apply_edit(path, data, EditKind.REPLACE, "q", dict(draft))
    assert not result.ok
    assert [(p.field, p.message) for p in result.problems] == [
        ("image", "image file 'media/map.png' does not exist (the path is relative to this file's folder)")
    ]
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "map.png").write_bytes(png_bytes())
    assert apply_edit(path, data, EditKind.REPLACE, "q", dict(draft)).ok


def _english(problem: object) -> str | None:
    """A picture's problem as ``studyapp check`` prints it."""
    return None if problem is None else str(problem)
