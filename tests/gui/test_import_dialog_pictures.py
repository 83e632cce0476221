"""File → Import… with an .apkg whose notes show pictures: Save writes them into media/ beside the
new question file, and the deck loads with its pictures."""

from __future__ import annotations

from pathlib import Path

from picture_files import png_bytes
from pytestqt.qtbot import QtBot
from window_samples import ScriptedDialogs

from studyapp.bank.imagefile import picture_problems
from studyapp.bank.loader import load_files
from studyapp.bank.model import CardQuestion, QuestionImage
from studyapp.interop.apkgwrite import write_apkg
from studyapp.ui.import_dialog import ImportDialog


def test_saving_an_import_writes_its_pictures_beside_the_file(
    qtbot: QtBot, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    source = tmp_path / "source"
    (source / "media").mkdir(parents=True)
    (source / "media" / "flag.png").write_bytes(png_bytes(12, 8))
    question = CardQuestion(deck="flags", id="flag", prompt="Whose flag?", answer="Belarus",
                            image=QuestionImage("media/flag.png", "A flag", source))
    package = tmp_path / "flags.apkg"
    assert write_apkg([question], "flags", "Flags", package) == (1, [])

    target = tmp_path / "questions"
    (target / "media").mkdir(parents=True)
    (target / "media" / "flag.png").write_bytes(b"another deck's picture")
    dialog = ImportDialog(target)
    qtbot.addWidget(dialog)
    dialog.load_file(package)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=5000)
    assert dialog.summary.text() == "1 question to import, 0 problems"
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        dialog.save()
    bank = load_files([blocker.args[0]])
    assert bank.problems == () and picture_problems(bank) == []
    image = bank.decks[0].questions[0].image
    assert image is not None and (image.path, image.alt) == ("media/flag-2.png", "A flag")
    assert (target / "media" / "flag-2.png").read_bytes() == png_bytes(12, 8)
    assert (target / "media" / "flag.png").read_bytes() == b"another deck's picture"  # never replaced
