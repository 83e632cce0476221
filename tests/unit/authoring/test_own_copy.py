"""Edits to an installed bundled deck go to the person's own copy; the copy is then the deck.

Real folders laid out as a wheel installs them (``site/studyapp/_bundle/questions`` and
``_bundle/seeds``), made read-only, and the real bundled deck and article.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.authoring import bulk
from studyapp.authoring.bulk import BulkKind
from studyapp.authoring.draft import draft_of
from studyapp.authoring.editcheck import EditKind
from studyapp.authoring.own_copy import OwnCopies, with_source
from studyapp.authoring.saving import versions
from studyapp.authoring.session import EditSession
from studyapp.bank.loader import load_bank
from studyapp.paths import bundled_read_only

REPO = Path(__file__).resolve().parents[3]
DECK = "belarus-west-2025"
ARTICLE = "000_f104dea7fb288af0.txt"
QID = "pm-january-17"


def _read_only(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _writable(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        p.chmod(p.stat().st_mode | stat.S_IWUSR)


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    """The bundled questions and seeds as a wheel installs them, read-only; yields the questions folder."""
    bundle = tmp_path / "site" / "studyapp" / "_bundle"
    shutil.copytree(REPO / "questions", bundle / "questions")
    shutil.copytree(REPO / "seeds", bundle / "seeds")
    _read_only(bundle)
    yield bundle / "questions"
    _writable(bundle)  # so pytest can clean up


def _copies(bundled: Path, tmp_path: Path) -> OwnCopies:
    return OwnCopies(bundled, tmp_path / "data" / "questions", bundled_read_only(bundled))


def _edit_prompt(session: EditSession, text: str, history: Path) -> None:
    assert session.deck is not None
    q = session.deck.question(QID)
    assert q is not None
    draft = draft_of(q)
    draft["prompt"] = text
    result = session.check(EditKind.REPLACE, QID, draft)
    assert result.ok, result.problems
    session.save(result, history)


# -- the rule ---------------------------------------------------------------------------------


def test_an_installed_bundle_is_read_only_and_a_checkout_is_not(installed: Path, tmp_path: Path) -> None:
    assert bundled_read_only(installed)  # the package's _bundle
    checkout = tmp_path / "repo" / "questions"
    checkout.mkdir(parents=True)
    assert not bundled_read_only(checkout)  # a writable questions/ that is not _bundle


def _access_as_nobody(folder: Path) -> bool:
    """``bundled_read_only(folder)`` as an unprivileged user (root ignores permissions)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.setgid(65534)
            os.setuid(65534)
            os._exit(0 if bundled_read_only(folder) else 1)
        finally:
            os._exit(2)
    _pid, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, 1)
    return code == 0


def test_a_bundled_folder_that_cannot_be_written_is_read_only() -> None:
    base = Path(tempfile.mkdtemp(prefix="studyapp-ro-"))
    try:
        base.chmod(0o755)
        writable, locked = base / "open" / "questions", base / "locked" / "questions"
        writable.mkdir(parents=True)
        locked.mkdir(parents=True)
        writable.chmod(0o777)
        locked.chmod(0o555)
        if os.geteuid() == 0:
            assert _access_as_nobody(locked) and not _access_as_nobody(writable)
        else:
            assert bundled_read_only(locked) and not bundled_read_only(writable)
    finally:
        for p in base.rglob("*"):
            p.chmod(0o755)
        shutil.rmtree(base)


# -- the editor's save --------------------------------------------------------------------------


def test_an_edit_of_an_installed_bundled_deck_goes_to_a_copy_with_its_article(installed: Path, tmp_path: Path) -> None:
    shipped = (installed / f"{DECK}.yaml").read_bytes()
    copies = _copies(installed, tmp_path)
    session = EditSession.open(installed / f"{DECK}.yaml", copies=copies)
    assert session.writes_copy
    _edit_prompt(session, "Who said on 17 January that the West would engage with Belarus?", tmp_path / "history")

    assert (installed / f"{DECK}.yaml").read_bytes() == shipped  # the installed file is untouched
    copy = copies.own / f"{DECK}.yaml"
    assert session.path == copy and session.copied == copy and not session.writes_copy
    assert (copies.own / ARTICLE).read_bytes() == (installed.parent / "seeds" / ARTICLE).read_bytes()
    text = copy.read_text(encoding="utf-8")
    assert f"source: {ARTICLE}\n" in text and "../seeds" not in text
    # every other byte as shipped: only the source line and the edited prompt differ
    expected = with_source(shipped, ARTICLE).decode().replace(
        "prompt: Who said on January 17 that Western countries would eventually engage with Belarus?",
        "prompt: Who said on 17 January that the West would engage with Belarus?")
    assert text == expected
    # the copy's history starts with the shipped version, so "Earlier versions" can go back to it
    kept = versions(tmp_path / "history", copy)
    assert [v.read_bytes() for v in kept] == [with_source(shipped, ARTICLE)]

    bank = load_bank([installed, copies.own], bundled=installed, own=copies.own)
    assert bank.problems == ()
    assert [d.id for d in bank.decks] == [DECK]  # the deck once: the copy
    deck = bank.deck(DECK)
    assert deck is not None and deck.path == copy and deck.source == (copies.own / ARTICLE).resolve()
    assert deck.question(QID).prompt.startswith("Who said on 17 January")  # type: ignore[union-attr]

    # the next save writes the copy again: no second copy
    _edit_prompt(session, "Who spoke on January 17?", tmp_path / "history")
    assert sorted(p.name for p in copies.own.iterdir()) == [ARTICLE, f"{DECK}.yaml"]
    assert "prompt: Who spoke on January 17?" in copy.read_text(encoding="utf-8")


def test_a_checkout_bundled_folder_is_edited_in_place(tmp_path: Path) -> None:
    checkout = tmp_path / "repo"
    shutil.copytree(REPO / "questions", checkout / "questions")
    shutil.copytree(REPO / "seeds", checkout / "seeds")
    copies = _copies(checkout / "questions", tmp_path)
    assert not copies.read_only
    session = EditSession.open(checkout / "questions" / f"{DECK}.yaml", copies=copies)
    _edit_prompt(session, "Who spoke on January 17?", tmp_path / "history")
    assert "prompt: Who spoke on January 17?" in (checkout / "questions" / f"{DECK}.yaml").read_text(encoding="utf-8")
    assert session.copied is None and not copies.own.exists()


def test_a_name_taken_in_the_question_folder_is_never_replaced(installed: Path, tmp_path: Path) -> None:
    copies = _copies(installed, tmp_path)
    copies.own.mkdir(parents=True)
    broken = copies.own / f"{DECK}.yaml"
    broken.write_text("deck: [not a deck\n", encoding="utf-8")
    other_article = copies.own / ARTICLE
    other_article.write_text("someone else's notes\n", encoding="utf-8")
    session = EditSession.open(installed / f"{DECK}.yaml", copies=copies)
    _edit_prompt(session, "Who spoke on January 17?", tmp_path / "history")
    assert broken.read_text(encoding="utf-8") == "deck: [not a deck\n"
    assert other_article.read_text(encoding="utf-8") == "someone else's notes\n"
    assert session.path == copies.own / f"{DECK}-2.yaml"
    assert "source: 000_f104dea7fb288af0-2.txt\n" in session.path.read_text(encoding="utf-8")
    bank = load_bank([installed, copies.own], bundled=installed, own=copies.own)
    assert bank.deck(DECK).path == session.path  # type: ignore[union-attr]
    assert [p.path.name for p in bank.problems] == [f"{DECK}.yaml"]  # the broken file, listed as before


def test_a_bulk_tag_over_the_installed_deck_writes_the_copy_and_undoes_to_the_shipped_version(
        installed: Path, tmp_path: Path) -> None:
    shipped = (installed / f"{DECK}.yaml").read_bytes()
    copies = _copies(installed, tmp_path)
    bank = load_bank([installed, copies.own], bundled=installed, own=copies.own)
    keys = [(DECK, q.id) for q in bank.decks[0].questions[:3]]
    planned = bulk.plan(bank, keys, BulkKind.ADD_TAG, tag="exam", copies=copies)
    change = bulk.apply(planned, tmp_path / "history")
    copy = copies.own / f"{DECK}.yaml"
    assert [w.path for w in change.writes] == [copy] and planned.files[0].session.copied == copy
    assert (installed / f"{DECK}.yaml").read_bytes() == shipped
    after = load_bank([installed, copies.own], bundled=installed, own=copies.own)
    assert after.problems == () and len(after.decks) == 1
    assert {q.id for q in after.decks[0].questions if "exam" in q.tags} == {k[1] for k in keys}
    bulk.undo(change, tmp_path / "history")
    assert copy.read_bytes() == with_source(shipped, ARTICLE)  # back to the shipped questions
    assert (installed / f"{DECK}.yaml").read_bytes() == shipped


# -- the loader's rule --------------------------------------------------------------------------


def _card_deck(deck_id: str, prompt: str) -> str:
    return f"deck: {deck_id}\ntitle: T\nquestions:\n  - id: k\n    type: card\n    prompt: {prompt}\n    answer: B\n"


def test_a_copy_in_the_own_folder_shadows_the_bundled_deck_silently(tmp_path: Path) -> None:
    bundled, own = tmp_path / "bundled", tmp_path / "own"
    bundled.mkdir()
    own.mkdir()
    (bundled / "d.yaml").write_text(_card_deck("d", "shipped"))
    (bundled / "e.yaml").write_text(_card_deck("e", "other"))
    (own / "d.yaml").write_text(_card_deck("d", "mine"))
    for order in ([bundled, own], [own, bundled]):
        bank = load_bank(order, bundled=bundled, own=own)
        assert bank.problems == ()
        assert sorted(d.id for d in bank.decks) == ["d", "e"]
        assert bank.deck("d").questions[0].prompt == "mine"  # type: ignore[union-attr]
    # without the rule (no folders named) it is the duplicate it always was
    plain = load_bank([bundled, own])
    assert [p.message for p in plain.problems] == [f"deck id 'd' is already used by {bundled / 'd.yaml'}; this file is skipped"]


def test_two_own_files_with_one_id_are_still_a_problem(tmp_path: Path) -> None:
    bundled, own = tmp_path / "bundled", tmp_path / "own"
    bundled.mkdir()
    (own / "sub").mkdir(parents=True)
    (bundled / "d.yaml").write_text(_card_deck("d", "shipped"))
    (own / "a.yaml").write_text(_card_deck("d", "first"))
    (own / "sub" / "b.yaml").write_text(_card_deck("d", "second"))
    bank = load_bank([bundled, own], bundled=bundled, own=own)
    assert bank.deck("d").questions[0].prompt == "first"  # type: ignore[union-attr]
    assert [(p.path, p.message) for p in bank.problems] == [
        (own / "sub" / "b.yaml", f"deck id 'd' is already used by {own / 'a.yaml'}; this file is skipped")]
    # two bundled files... and a file in another folder with the bundled id: still problems
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "d.yaml").write_text(_card_deck("d", "elsewhere"))
    bank = load_bank([bundled, extra], bundled=bundled, own=own)
    assert bank.deck("d").questions[0].prompt == "shipped"  # type: ignore[union-attr]
    assert len(bank.problems) == 1 and "already used" in bank.problems[0].message


def test_the_source_line_of_a_file_that_does_not_parse_is_rewritten_alone() -> None:
    broken = b"deck: d\nsource: '../seeds/a b.txt'   # the article\r\nquestions: [\n"
    assert with_source(broken, "a b.txt") == b"deck: d\nsource: \"a b.txt\"   # the article\r\nquestions: [\n"
    parsed = b"deck: d\nsource: ../seeds/x.txt\nquestions:\n  - id: k\n"
    assert with_source(parsed, "x.txt") == b"deck: d\nsource: x.txt\nquestions:\n  - id: k\n"
    assert with_source(b"deck: d\nquestions: [\n", "x.txt") == b"deck: d\nquestions: [\n"
