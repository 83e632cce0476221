"""Writing a file never destroys one: studyapp's data files are never a target, an existing file
is replaced only when allowed, a failed write leaves the old file and no temporary file, and the
new file gets the mode the umask gives."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from studyapp.paths import DataPaths
from studyapp.safe_write import (
    ProtectedTarget,
    TargetExists,
    WritePolicy,
    WriteRefused,
    check_target,
    write_bytes,
    write_text,
    write_through,
)


@pytest.fixture
def data(tmp_path: Path) -> DataPaths:
    """A data folder with a database, its journals, a lock, a backup and a damaged copy kept aside."""
    paths = DataPaths(tmp_path / "data")
    paths.backups.mkdir(parents=True)
    for name in ("studyapp.sqlite3", "studyapp.sqlite3-wal", "studyapp.sqlite3-shm", "studyapp.lock",
                 "studyapp.sqlite3.corrupt-20260101-000000", "backups/studyapp-20260101-000000.sqlite3"):
        (paths.root / name).write_bytes(b"SQLite format 3\x00" + name.encode())
    return paths



def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


PROTECTED = ["studyapp.sqlite3", "studyapp.sqlite3-wal", "studyapp.sqlite3-shm", "studyapp.sqlite3-journal",
             "studyapp.lock", "studyapp.sqlite3.corrupt-20260101-000000", "backups/studyapp-20260101-000000.sqlite3",
             "backups/new.csv", "backups"]


@pytest.mark.parametrize("name", PROTECTED)
@pytest.mark.parametrize("told", [True, False], ids=["data-dir-given", "found-around-the-target"])
def test_data_files_are_refused_even_when_replacing_is_allowed(data: DataPaths, name: str, told: bool) -> None:
    before = _listing(data.root)
    policy = WritePolicy((data.root,) if told else (), replace_existing=True)
    with pytest.raises(ProtectedTarget, match="never written over, even with --force"):
        write_text(data.root / name, "not a database\n", policy)
    assert _listing(data.root) == before


def test_links_to_data_files_are_refused(data: DataPaths, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "link.csv").symlink_to(data.database)
    os.link(data.database, elsewhere / "hard.csv")
    os.link(data.backups / "studyapp-20260101-000000.sqlite3", elsewhere / "backup.csv")
    (elsewhere / "dir").symlink_to(data.root, target_is_directory=True)
    before = _listing(data.root)
    policy = WritePolicy((data.root,), replace_existing=True)
    for name, what in [("link.csv", "studyapp's database"), ("hard.csv", "studyapp's database"),
                       ("backup.csv", "a backup"), ("dir/studyapp.sqlite3-wal", "journal"),
                       ("dir/backups/x.csv", "backups folder")]:
        with pytest.raises(ProtectedTarget, match=what):
            write_bytes(elsewhere / name, b"x", policy)
    assert _listing(data.root) == before


def test_other_files_in_the_data_folder_may_be_written(data: DataPaths) -> None:
    write_text(data.root / "history.csv", "a\n", WritePolicy((data.root,)))
    write_text(data.questions / "mine.yaml", "deck: mine\n", WritePolicy((data.root,)))
    assert (data.root / "history.csv").read_text() == "a\n" and (data.questions / "mine.yaml").exists()


def test_existing_file_replaced_only_when_allowed(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    with pytest.raises(TargetExists):
        write_text(target, "new\n", WritePolicy())
    assert target.read_text() == "old\n"
    write_text(target, "new\n", WritePolicy(replace_existing=True))
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_dangling_symlink_counts_as_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    with pytest.raises(TargetExists):
        write_text(tmp_path / "link", "x", WritePolicy())
    assert not (tmp_path / "nowhere").exists()


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for name in ("a", "a/out.csv"):
        with pytest.raises(WriteRefused, match="loop of symbolic links"):
            write_text(tmp_path / name, "x", WritePolicy(replace_existing=True))


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused, match="is a folder"):
        check_target(tmp_path, WritePolicy(replace_existing=True))


def test_a_file_appearing_during_the_write_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"

    def produce(tmp: Path) -> None:
        tmp.write_text("mine\n")
        target.write_text("someone else's\n")  # appears between the check and the rename

    with pytest.raises(TargetExists):
        write_through(target, produce, WritePolicy())
    assert target.read_text() == "someone else's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize("error", [RuntimeError("producer failed"), KeyboardInterrupt(), OSError(28, "No space left")])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    seen: list[Path] = []

    def produce(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_text("half a ne")
        raise error

    with pytest.raises(type(error)):
        write_through(target, produce, WritePolicy(replace_existing=True))
    assert seen and seen[0].parent == tmp_path  # the temporary file was beside the target
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)],
                         ids=["umask-022", "umask-027", "umask-002", "umask-077"])
def test_the_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, umask: Callable[[int], int], mask: int, mode: int) -> None:
    umask(mask)
    target = tmp_path / "out.txt"
    write_text(target, "x", WritePolicy())
    assert target.stat().st_mode & 0o777 == mode
    write_through(target, lambda tmp: tmp.write_bytes(b"y"), WritePolicy(replace_existing=True))
    assert target.stat().st_mode & 0o777 == mode and target.read_bytes() == b"y"


def test_text_is_written_as_given(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "out.csv"
    write_text(target, "a,b\r\nŁ\n", WritePolicy(), encoding="utf-8-sig")
    assert target.read_bytes() == b"\xef\xbb\xbfa,b\r\n\xc5\x81\n"
