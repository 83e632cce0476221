"""Editing one question rewrites only its text; the edit is checked with the loader's rules and
saved atomically with the previous version kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.authoring.draft import draft_of, empty_draft
from studyapp.authoring.editcheck import EditKind, apply_edit
from studyapp.authoring.operations import move_question, rename_id, set_tag
from studyapp.authoring.questionfile import EditError, QuestionFile
from studyapp.authoring.saving import KEEP, restore, save_file, versions
from studyapp.bank.loader import check_data, read_file
from studyapp.bank.model import QuestionType
from studyapp.bank.yamlnodes import compose

FILE = """\
# My deck: keep this comment
deck: demo
title: 'Demo deck'   # quoted title
questions:
  # the first one
  - id: q1
    type: choice
    prompt: "Which?"     # a comment on the prompt
    choices: [a, b, c]
    answer: a

  - id: q2
    type: text
    prompt: Capital of Belarus?
    answer:
      - Minsk
      - Miensk
    explanation: >-
      Folded
      text.

# between
  - id: q3
    type: card
    prompt: Front
    answer: Back
    tags: [x]
"""


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.yaml"
    path.write_bytes(FILE.encode())
    return path


def _deck(path: Path, data: bytes):  # type: ignore[no-untyped-def]
    deck = check_data(data, path).deck
    assert deck is not None
    return deck


def test_replace_changes_only_that_question(deck_file: Path) -> None:
    data = deck_file.read_bytes()
    q2 = _deck(deck_file, data).question("q2")
    assert q2 is not None
    draft = draft_of(q2)
    draft["prompt"] = "Which city is the capital?"
    result = apply_edit(deck_file, data, EditKind.REPLACE, "q2", draft)
    assert result.ok and result.question is not None
    assert result.question.prompt == "Which city is the capital?"
    text = result.data.decode()
    before, after = FILE.split("  - id: q2")[0], FILE.split("\n\n# between")[1]
    assert text.startswith(before) and text.endswith(after)
    assert ">-" in text  # the untouched explanation keeps its folded style


def test_problem_is_shown_at_its_field(deck_file: Path) -> None:
    data = deck_file.read_bytes()
    q1 = _deck(deck_file, data).question("q1")
    assert q1 is not None
    draft = draft_of(q1)
    draft["answer"] = "zzz"
    result = apply_edit(deck_file, data, EditKind.REPLACE, "q1", draft)
    assert not result.ok
    assert [p.field for p in result.problems] == ["answer"]
    assert "zzz" in result.problems[0].message


def test_missing_field_is_named(deck_file: Path) -> None:
    data = deck_file.read_bytes()
    draft = empty_draft(QuestionType.ORDER, "new-one")
    result = apply_edit(deck_file, data, EditKind.ADD, None, draft)
    assert {p.field for p in result.problems} >= {"prompt", "items"}


def test_add_delete_rename_tag_and_move(deck_file: Path, tmp_path: Path) -> None:
    data = deck_file.read_bytes()
    draft = empty_draft(QuestionType.TRUEFALSE, "q4")
    draft["prompt"] = "Is it so?"
    added = apply_edit(deck_file, data, EditKind.ADD, None, draft)
    assert added.ok and added.data.decode().startswith(FILE)
    assert added.question is not None and added.question.type is QuestionType.TRUEFALSE
    deleted = apply_edit(deck_file, data, EditKind.DELETE, "q3")
    assert deleted.ok and deleted.data.decode() == FILE.split("  - id: q3")[0]
    q1 = _deck(deck_file, data).question("q1")
    assert q1 is not None
    renamed = rename_id(deck_file, data, q1, "first")
    assert renamed.ok and renamed.deck is not None and renamed.deck.question("first") is not None
    assert "# a comment on the prompt" in renamed.data.decode()
    tagged = set_tag(deck_file, data, q1, "new-tag", True)
    assert tagged.question is not None and tagged.question.tags == ("new-tag",)
    other = tmp_path / "other.yaml"
    other.write_text("deck: other\ntitle: Other\nquestions:\n- id: z\n  type: card\n  prompt: p\n  answer: a\n")
    into, out_of = move_question((deck_file, data), (other, other.read_bytes()), q1)
    assert into.ok and out_of.ok
    assert into.deck is not None and into.deck.question("q1") is not None
    assert out_of.deck is not None and out_of.deck.question("q1") is None


def test_duplicate_id_is_refused(deck_file: Path) -> None:
    data = deck_file.read_bytes()
    q1 = _deck(deck_file, data).question("q1")
    assert q1 is not None
    result = rename_id(deck_file, data, q1, "q2")
    assert not result.ok
    assert [p.field for p in result.problems] == ["id"] and "duplicate id" in result.problems[0].message


def test_flow_list_of_questions_cannot_be_edited_in_place(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    data = b"deck: d\ntitle: T\nquestions: [{id: a, type: card, prompt: p, answer: x}]\n"
    with pytest.raises(EditError, match=r"\[ \] form"):
        apply_edit(path, data, EditKind.DELETE, "a")


def _refusal(data: bytes) -> EditError:
    with pytest.raises(EditError) as info:
        QuestionFile.parse(data)
    return info.value


def test_why_a_file_cannot_be_edited_in_place_reads_as_before_and_is_marked_for_the_window() -> None:
    flow = _refusal(b"deck: d\ntitle: T\nquestions: [{id: a, type: card, prompt: p, answer: x}]\n")
    assert str(flow) == "the questions are written in [ ] form; write them as a '- ' list to edit them here"
    assert str(_refusal(b"deck: d\ntitle: T\n")) == (
        "the file has no list of questions ('questions:' with '- id: ...' items)")
    assert str(_refusal(b"deck: d\nquestions:\n  - plain\n")) == "line 3: a question is not a mapping of fields"
    broken = b"deck: d\nquestions:\n  - id: [a\n"
    first = compose(broken)[1][0]
    unread = _refusal(broken)
    assert str(unread) == (f"the file cannot be read as a question file (line {first.line}: {first.message}); "
                           "fix it in the text editor")
    with pytest.raises(EditError) as info:
        QuestionFile.parse(b"deck: d\nquestions:\n  - id: a\n").span("b")
    assert str(info.value) == "the file has no question with the id 'b'"
    for error in (flow, unread, info.value):
        assert str(error.wording) == str(error)  # the window's text is the same template, translated


def test_save_keeps_history_and_restores(deck_file: Path, tmp_path: Path) -> None:
    history = tmp_path / "history"
    data = deck_file.read_bytes()
    q1 = _deck(deck_file, data).question("q1")
    assert q1 is not None
    edited = rename_id(deck_file, data, q1, "first")
    kept = save_file(deck_file, edited.data, history)
    assert kept is not None and kept.read_bytes() == data
    assert deck_file.read_bytes() == edited.data
    assert not [p for p in deck_file.parent.iterdir() if p.name.endswith(".tmp")]
    restore(deck_file, kept, history)
    assert deck_file.read_bytes() == data
    deck = read_file(deck_file).deck
    assert deck is not None and deck.question("q1") is not None


def test_history_keeps_the_last_versions(deck_file: Path, tmp_path: Path) -> None:
    history = tmp_path / "history"
    for n in range(KEEP + 3):
        save_file(deck_file, FILE.replace("Demo deck", f"Demo {n}").encode(), history)
    assert len(versions(history, deck_file)) == KEEP


@pytest.mark.parametrize(
    ("question_id", "change"),
    [
        ("q1", {"answer": "zzz"}),
        ("q2", {"prompt": ""}),
        ("q3", {"id": "q1"}),
        ("q1", {"id": "q3"}),
        ("q3", {"choices": ["a"]}),
        ("q2", {"prompt": "Fine?"}),
    ],
)
def test_session_check_says_what_a_whole_check_says(deck_file: Path, question_id: str, change: dict[str, object]) -> None:
    from studyapp.authoring.session import EditSession

    session = EditSession.open(deck_file)
    q = _deck(deck_file, deck_file.read_bytes()).question(question_id)
    assert q is not None
    draft = {**draft_of(q), **change}
    fast = session.check(EditKind.REPLACE, question_id, draft)  # type: ignore[arg-type]
    whole = apply_edit(deck_file, deck_file.read_bytes(), EditKind.REPLACE, question_id, draft)  # type: ignore[arg-type]
    assert fast.data == whole.data
    assert fast.ok == whole.ok
    assert sorted(fast.problems) == sorted(whole.problems)


def test_session_saves_twice_without_reading_again(deck_file: Path, tmp_path: Path) -> None:
    from studyapp.authoring.session import EditSession

    session = EditSession.open(deck_file)
    q2 = _deck(deck_file, deck_file.read_bytes()).question("q2")
    assert q2 is not None
    for n in range(2):
        draft = draft_of(q2)
        draft["prompt"] = "Longer prompt " * (n + 1)
        result = session.check(EditKind.REPLACE, "q2", draft)
        assert result.ok
        session.save(result, tmp_path / "history")
    added = session.check(EditKind.ADD, None, {"id": "q9", "type": "card", "prompt": "P", "answer": "A"})
    session.save(added, tmp_path / "history")
    deck = read_file(deck_file).deck
    assert deck is not None and [q.id for q in deck.questions] == ["q1", "q2", "q3", "q9"]
    assert deck.questions[1].prompt == "Longer prompt " * 2


def test_crlf_file_without_final_line_end_keeps_its_line_ends(tmp_path: Path) -> None:
    from studyapp.authoring.session import EditSession

    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"deck: d\r\ntitle: T\r\nquestions:\r\n  - id: a\r\n    type: card\r\n    prompt: p\r\n    answer: x")
    session = EditSession.open(path)
    added = session.check(EditKind.ADD, None, {"id": "b", "type": "card", "prompt": "P", "answer": "A"})
    assert added.ok
    session.save(added, tmp_path / "history")
    data = path.read_bytes()
    assert data.startswith(b"deck: d\r\ntitle: T\r\nquestions:\r\n  - id: a\r\n    type: card\r\n    prompt: p\r\n    answer: x\r\n  - id: b")
    assert b"\n" not in data.replace(b"\r\n", b"")
    q = session.file.find("b")
    assert q is not None and data.decode()[q.start :].startswith("  - id: b")


def test_history_of_a_file_with_another_name_is_a_copy(deck_file: Path, tmp_path: Path) -> None:
    """A version kept by hard link would change with the other name's in-place edits: it is copied."""
    import os

    other = tmp_path / "other-name.yaml"
    os.link(deck_file, other)
    kept = save_file(deck_file, FILE.replace("Demo deck", "Renamed").encode(), tmp_path / "history")
    assert kept is not None
    with other.open("r+b") as f:  # another program writes the other name in place
        f.write(b"#")
    assert kept.read_bytes() == FILE.encode()


def test_move_between_open_files_then_history_follows(deck_file: Path, tmp_path: Path) -> None:
    from studyapp.authoring.operations import move_in_sessions
    from studyapp.authoring.session import EditSession

    other = tmp_path / "other.yaml"
    other.write_text("deck: other\ntitle: Other\nquestions:\n  - id: z\n    type: card\n    prompt: p\n    answer: a\n")
    source, target = EditSession.open(deck_file), EditSession.open(other)
    q3 = _deck(deck_file, deck_file.read_bytes()).question("q3")
    assert q3 is not None
    added, removed = move_in_sessions(source, target, q3)
    assert added.ok and removed.ok
    target.save(added, tmp_path / "history")
    source.save(removed, tmp_path / "history")
    moved = read_file(other).deck
    left = read_file(deck_file).deck
    assert moved is not None and moved.question("q3") is not None and moved.question("q3").tags == ("x",)
    assert left is not None and left.question("q3") is None and len(left.questions) == 2


def test_a_file_changed_by_another_program_is_not_overwritten(deck_file: Path, tmp_path: Path) -> None:
    from studyapp.authoring.saving import ChangedOnDisk
    from studyapp.authoring.session import EditSession

    session = EditSession.open(deck_file)
    q1 = _deck(deck_file, deck_file.read_bytes()).question("q1")
    assert q1 is not None
    result = session.check(EditKind.REPLACE, "q1", {**draft_of(q1), "prompt": "Mine"})
    theirs = FILE.replace("Demo deck", "Changed elsewhere").encode()
    deck_file.write_bytes(theirs)
    with pytest.raises(ChangedOnDisk, match="changed by another program"):
        session.save(result, tmp_path / "history")
    assert deck_file.read_bytes() == theirs


def test_open_takes_the_loaders_result_for_an_unchanged_file(deck_file: Path, tmp_path: Path) -> None:
    from studyapp.authoring.session import EditSession
    from studyapp.bank.loader import load_bank

    cache = tmp_path / "cache"
    load_bank([deck_file.parent], cache_dir=cache)
    warm = EditSession.open(deck_file, cache)
    assert warm.valid and warm.deck is not None and warm.deck.question("q2") is not None
    broken = FILE.replace("answer: a\n", "answer: zzz\n")
    deck_file.write_text(broken, encoding="utf-8")  # changed since the load: checked whole again
    cold = EditSession.open(deck_file, cache)
    assert not cold.valid
