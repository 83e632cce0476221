"""One change to many questions across files: each file edited once and checked before any is
written; only the changed questions' text changes; undo puts the bytes back exactly and refuses
when a file changed since; a move carries the history; a bulk suspend toggles and undoes."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from studyapp.authoring import bulk
from studyapp.authoring.bulk import BulkError, BulkKind
from studyapp.authoring.saving import versions
from studyapp.bank.loader import load_bank, read_file
from studyapp.bank.model import Bank
from studyapp.grading import Outcome
from studyapp.paths import DataPaths
from studyapp.store import Attempt, Mode, Store, open_store

from bulk_samples import ALPHA, BETA

T0 = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)



@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "questions"
    d.mkdir()
    (d / "alpha.yaml").write_text(ALPHA)
    (d / "beta.yaml").write_text(BETA)
    return d


def _bank(folder: Path) -> Bank:
    return load_bank([folder])


def _history(tmp_path: Path) -> Path:
    return tmp_path / "history"


def _do(folder: Path, tmp_path: Path, keys: list[tuple[str, str]], kind: BulkKind, **kw: str) -> bulk.BulkChange:
    planned = bulk.plan(_bank(folder), keys, kind, **kw)
    return bulk.apply(planned, _history(tmp_path))


def test_a_tag_added_to_three_questions_in_two_files_changes_only_their_text(folder: Path, tmp_path: Path) -> None:
    change = _do(folder, tmp_path, [("alpha", "a1"), ("alpha", "a3"), ("beta", "b2")], BulkKind.ADD_TAG, tag="exam")
    assert change.changed == 3 and change.summary == "Tagged 3 questions"
    assert [w.path.name for w in change.writes] == ["alpha.yaml", "beta.yaml"]
    alpha = (folder / "alpha.yaml").read_text()
    assert alpha == ALPHA.replace("    answer: One\n", "    answer: One\n    tags: [exam]\n").replace(
        "    answer: true\n", "    answer: true\n    tags: [exam]\n")
    beta = (folder / "beta.yaml").read_text()
    assert beta == BETA + "  tags: [exam]\n"
    bank = _bank(folder)
    tagged = {(q.deck, q.id) for d in bank.decks for q in d.questions if "exam" in q.tags}
    assert tagged == {("alpha", "a1"), ("alpha", "a3"), ("beta", "b2")}
    # each file's previous version is kept once
    assert [v.read_text() for v in versions(_history(tmp_path), folder / "alpha.yaml")] == [ALPHA]
    assert [v.read_text() for v in versions(_history(tmp_path), folder / "beta.yaml")] == [BETA]


def test_removing_a_tag_skips_questions_without_it_and_writes_only_their_file(folder: Path, tmp_path: Path) -> None:
    change = _do(folder, tmp_path, [("alpha", "a2"), ("beta", "b1")], BulkKind.REMOVE_TAG, tag="old")
    assert change.changed == 1 and [w.path.name for w in change.writes] == ["alpha.yaml"]
    assert (folder / "beta.yaml").read_text() == BETA
    deck = read_file(folder / "alpha.yaml").deck
    assert deck is not None and deck.question("a2") is not None and deck.question("a2").tags == ()  # type: ignore[union-attr]
    assert "# between a2 and a3" in (folder / "alpha.yaml").read_text()


def test_move_to_another_deck_file_and_undo(folder: Path, tmp_path: Path) -> None:
    change = _do(folder, tmp_path, [("alpha", "a1"), ("alpha", "a2"), ("beta", "b1")], BulkKind.MOVE, target="beta")
    assert change.changed == 2  # b1 is in beta already
    assert [w.path.name for w in change.writes] == ["beta.yaml", "alpha.yaml"]  # the deck added to first
    assert change.moved == ((("alpha", "a1"), ("beta", "a1")), (("alpha", "a2"), ("beta", "a2")))
    bank = _bank(folder)
    assert [q.id for q in bank.deck("beta").questions] == ["b1", "b2", "a1", "a2"]  # type: ignore[union-attr]
    assert [q.id for q in bank.deck("alpha").questions] == ["a3"]  # type: ignore[union-attr]
    assert (folder / "beta.yaml").read_text().startswith(BETA)
    assert bank.deck("beta").question("a2").answers == ("two", "2")  # type: ignore[union-attr]
    bulk.undo(change, _history(tmp_path))
    assert (folder / "alpha.yaml").read_text() == ALPHA
    assert (folder / "beta.yaml").read_text() == BETA


def test_delete_and_undo_restore_the_bytes_exactly(folder: Path, tmp_path: Path) -> None:
    (folder / "alpha.yaml").write_bytes(ALPHA.replace("\n", "\r\n").encode())  # line ends kept too
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    change = _do(folder, tmp_path, [("alpha", "a1"), ("alpha", "a3"), ("beta", "b2")], BulkKind.DELETE)
    assert change.summary == "Deleted 3 questions"
    bank = _bank(folder)
    assert [q.id for d in bank.decks for q in d.questions] == ["a2", "b1"]
    assert b"\r\n  - id: a2" in (folder / "alpha.yaml").read_bytes()
    bulk.undo(change, _history(tmp_path))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_failing_edit_writes_nothing_and_says_where(folder: Path, tmp_path: Path) -> None:
    # beta's question with alpha's id: taking it out of beta passes, adding it to alpha does not
    (folder / "beta.yaml").write_text(BETA.replace("id: b2", "id: a2"))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(BulkError) as refused:
        _do(folder, tmp_path, [("beta", "a2")], BulkKind.MOVE, target="alpha")
    assert "nothing was changed" in str(refused.value).lower()
    assert "alpha.yaml:" in str(refused.value) and "duplicate id 'a2'" in str(refused.value)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not _history(tmp_path).exists()


def test_a_deck_keeps_at_least_one_question(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(BulkError, match="no questions left"):
        _do(folder, tmp_path, [("beta", "b1"), ("beta", "b2"), ("alpha", "a1")], BulkKind.DELETE)
    assert (folder / "alpha.yaml").read_text() == ALPHA and (folder / "beta.yaml").read_text() == BETA


def test_undo_refuses_when_a_file_changed_since(folder: Path, tmp_path: Path) -> None:
    change = _do(folder, tmp_path, [("alpha", "a1"), ("beta", "b1")], BulkKind.DELETE)
    changed = (folder / "beta.yaml").read_text() + "  tags: [mine]\n"
    (folder / "beta.yaml").write_text(changed)
    alpha = (folder / "alpha.yaml").read_bytes()
    with pytest.raises(BulkError, match="beta.yaml was changed since"):
        bulk.undo(change, _history(tmp_path))
    assert (folder / "beta.yaml").read_text() == changed and (folder / "alpha.yaml").read_bytes() == alpha


def test_a_file_changed_between_check_and_write_is_not_overwritten(folder: Path, tmp_path: Path) -> None:
    planned = bulk.plan(_bank(folder), [("alpha", "a1"), ("beta", "b1")], BulkKind.ADD_TAG, tag="x")
    (folder / "beta.yaml").write_text(BETA + "# someone else's line\n")
    with pytest.raises(BulkError, match="beta.yaml.*Nothing was changed"):
        bulk.apply(planned, _history(tmp_path))
    assert (folder / "alpha.yaml").read_text() == ALPHA  # written, then put back
    assert (folder / "beta.yaml").read_text().endswith("# someone else's line\n")


def _store(tmp_path: Path) -> Store:
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir(exist_ok=True)
    return open_store(paths.database, backups_dir=paths.backups, auto_backup=False, now=T0).store


def test_a_move_carries_the_history_and_undo_carries_it_back(folder: Path, tmp_path: Path) -> None:
    store = _store(tmp_path)
    bank = _bank(folder)
    q = bank.deck("alpha").question("a1")  # type: ignore[union-attr]
    assert q is not None
    store.record_attempt(Attempt("alpha", "a1", q.content_hash, Mode.QUIZ, '"x"', Outcome.RIGHT, 1.0, 900, T0))
    change = bulk.apply(bulk.plan(bank, [("alpha", "a1")], BulkKind.MOVE, target="beta"), _history(tmp_path))
    assert bulk.carry_history(store, change.moved) == []
    assert ("beta", "a1") in store.question_history() and ("alpha", "a1") not in store.question_history()
    bulk.undo(change, _history(tmp_path))
    assert bulk.carry_history(store, [(new, old) for old, new in change.moved]) == []
    assert ("alpha", "a1") in store.question_history()
    store.close()


def test_suspend_toggles_as_anki_and_undo_gives_each_card_its_state_back(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.put_card_mark(bulk.CardMark("d", "one", suspended=True, flag=2))
    first = bulk.toggle_suspended(store, [("d", "one"), ("d", "two")])
    assert first.suspended and first.summary == "Suspended 2 questions"
    assert {k for k, m in store.card_marks().items() if m.suspended} == {("d", "one"), ("d", "two")}
    second = bulk.toggle_suspended(store, [("d", "one"), ("d", "two")])  # all suspended: unsuspend
    assert not second.suspended and not any(m.suspended for m in store.card_marks().values())
    bulk.undo_suspend(store, second)
    bulk.undo_suspend(store, first)
    marks = store.card_marks()
    assert marks[("d", "one")].suspended and marks[("d", "one")].flag == 2
    assert ("d", "two") not in marks
    store.close()


@pytest.mark.parametrize(("tag", "message"), [("", "no tag given"), ("two words", "a tag is one word"),
                                              ("a\nb", "a tag is one word")])
def test_a_tag_must_be_one_word(folder: Path, tmp_path: Path, tag: str, message: str) -> None:
    with pytest.raises(BulkError, match=message):
        _do(folder, tmp_path, [("alpha", "a1")], BulkKind.ADD_TAG, tag=tag)
    assert (folder / "alpha.yaml").read_text() == ALPHA
