"""Core texts for the window (``studyapp.messages``): English as before for the command line,
a template and values the window translates, every template in the translators' file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from studyapp.bank.loader import check_file, load_bank
from studyapp.bank.model import Problem
from studyapp.messages import CONTEXT, QT_TRANSLATE_NOOP, Message

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "data" / "bad"
TEMPLATE = REPO / "studyapp" / "resources" / "translations" / "studyapp.ts"


def _core_templates() -> set[str]:
    root = ET.parse(TEMPLATE).getroot()
    return {m.findtext("source", "") for c in root.iter("context") if c.findtext("name") == CONTEXT
            for m in c.iter("message")}


def _templates(message: Message) -> list[str]:
    return [message.template, *(t for v in message.args.values() if isinstance(v, Message) for t in _templates(v))]


def _bad_problems() -> list[Problem]:
    found: list[Problem] = []
    for path in sorted(BAD.glob("*.yaml")):
        found += check_file(path)[1]
    return found


def test_a_message_reads_as_english_and_translates_template_and_parts() -> None:
    where = Message(QT_TRANSLATE_NOOP("Core", " in question '{id}'"), id="q1")
    message = Message(QT_TRANSLATE_NOOP("Core", "missing field '{name}'{where}"), name="prompt", where=where)
    assert str(message) == "missing field 'prompt' in question 'q1'"
    upper = message.text(lambda template: template.replace("missing", "MISSING").replace("in question", "IN"))
    assert upper == "MISSING field 'prompt' IN 'q1'"
    assert Message.from_plain(message.plain()) == message
    assert str(Message("{limit:,} bytes", limit=1048576)) == "1,048,576 bytes"


def test_the_loaders_problems_carry_their_wording_and_read_as_before() -> None:
    """``message`` (what ``studyapp check`` prints) is the wording's English; most problems are
    worded for the window, and every template is in the translators' file."""
    problems = _bad_problems()
    assert len(problems) > 60
    worded = [p for p in problems if p.wording is not None]
    unworded = [p.message for p in problems if p.wording is None]  # libyaml's own words, where no rule rewords them
    assert unworded == ["found duplicate %YAML directive"], unworded
    templates = _core_templates()
    for p in worded:
        assert p.wording is not None
        english = str(p.wording)
        assert p.message == english or (len(english) > len(p.message) and "…" in p.message), (p.message, english)
        missing = [t for t in _templates(p.wording) if t not in templates]
        assert not missing, f"not in {TEMPLATE.name} (run make translations): {missing}"


def test_problems_keep_their_wording_through_the_warm_cache(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    folder.mkdir()
    for path in sorted(BAD.glob("choice-*.yaml")):
        (folder / path.name).write_bytes(path.read_bytes())
    cold = load_bank([folder], cache_dir=tmp_path / "cache").problems
    warm = load_bank([folder], cache_dir=tmp_path / "cache").problems
    assert (tmp_path / "cache").exists() and any((tmp_path / "cache").iterdir())
    assert cold == warm and any(p.wording is not None for p in warm)


def test_the_bulk_summaries_read_as_before_and_name_one_or_several() -> None:
    from studyapp.authoring.bulk import BulkChange, BulkKind, SuspendChange

    assert BulkChange(BulkKind.DELETE, 1, (), ()).summary == "Deleted 1 question"
    assert BulkChange(BulkKind.ADD_TAG, 3, (), ()).summary == "Tagged 3 questions"
    assert BulkChange(BulkKind.MOVE, 2, (), ()).wording == Message("Moved {count} questions", count=2)
    assert SuspendChange(True, ()).summary == "Suspended 0 questions"
    templates = _core_templates()
    for kind in BulkKind:
        for count in (1, 2):
            assert BulkChange(kind, count, (), ()).wording.template in templates


def test_a_pictures_problems_are_worded_for_the_window(tmp_path: Path) -> None:
    from studyapp.bank.imagefile import picture_problems

    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "notes.png").write_text("not a picture", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(
        "deck: d\ntitle: D\nquestions:\n"
        "  - {id: a, type: card, prompt: P, answer: A, image: media/gone.png}\n"
        "  - {id: b, type: card, prompt: P, answer: A, image: media/notes.png}\n", encoding="utf-8")
    bank = load_bank([tmp_path])
    assert not bank.problems
    found = picture_problems(bank)
    assert [p.message for p in found] == [
        "image file 'media/gone.png' does not exist (the path is relative to this file's folder)",
        "image file 'media/notes.png' is not a PNG, JPEG, WebP or SVG picture"]
    templates = _core_templates()
    for p in found:
        assert p.wording is not None and str(p.wording) == p.message
        assert all(t in templates for t in _templates(p.wording))


def test_a_refused_bulk_change_says_why_in_words_the_window_translates() -> None:
    import pytest

    from studyapp.authoring.bulk import BulkError, BulkKind, plan

    bank = load_bank([REPO / "tests" / "data" / "good"])
    key = (bank.decks[0].id, bank.decks[0].questions[0].id)
    with pytest.raises(BulkError) as refused:
        plan(bank, [key], BulkKind.ADD_TAG, tag="two words")
    assert str(refused.value) == ("'two words' is not one tag: a tag is one word, without spaces (as in Anki); "
                                  "nothing was changed")
    assert str(refused.value.wording) == str(refused.value)
    assert refused.value.wording.template in _core_templates()
