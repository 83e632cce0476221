"""Crafted .apkg files: every one is refused in one line, within a bound, leaving no temporary files.

Run through the command line (``studyapp import``), as a user meets them: the output is exactly
``FILE: not a usable Anki package (reason)``, the status 1, never a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from hostile_apkg import (
    BASIC_MODELS,
    RECURSIVE_NOTES,
    collection,
    endless_sort_package,
    package,
    recursive_view_package,
    repeat_pages,
)

from studyapp import cli
from studyapp.interop.apkg import parse_apkg
from studyapp.interop.collectionread import ImportCancelled, ReadLimits
from studyapp.interop.problems import Conversion

REPO = Path(__file__).resolve().parents[3]
PREFIX = "studyapp-apkg-"


def _nested(depth: int) -> str:
    """A Basic note type with a list nested ``depth`` deep in it."""
    return '{"1": {"name": "Basic", "type": 0, "flds": [], "req": ' + "[" * depth + "]" * depth + "}}"


def _legacy(tmp: Path, *statements: str, models: str | None = None, notes: str | None = None) -> Path:
    kw = {} if models is None else {"models": models}
    return package(tmp / "bad.apkg", collection(tmp / "bad.sqlite", *statements, notes=notes, **kw))


def _zip(tmp: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(tmp / "bad.apkg", "w") as z:
        z.writestr(member, data)
    return tmp / "bad.apkg"


def _not_a_zip(tmp: Path) -> Path:
    (tmp / "bad.apkg").write_bytes(b"PK\x03\x04 but not a zip")
    return tmp / "bad.apkg"


def _damaged_member(tmp: Path) -> Path:
    path = _zip(tmp, "collection.anki21", b"SQLite format 3\0" + bytes(200))
    data = bytearray(path.read_bytes())
    data[data.index(b"SQLite format 3") + 40] ^= 0xFF  # the stored bytes no longer match their CRC
    path.write_bytes(bytes(data))
    return path


def _dag_keyed(tmp: Path) -> Path:
    db = collection(tmp / "bad.sqlite", "INSERT INTO notes VALUES (1, 1, '', 'front' || char(31) || 'back')")
    return package(tmp / "bad.apkg", repeat_pages(db, "notes"))


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "not a zip": (_not_a_zip, "not a zip file: File is not a zip file"),
    "no collection": (lambda t: _zip(t, "media", b"{}"), "no collection.anki21b/anki21/anki2 inside"),
    "damaged zstd": (lambda t: _zip(t, "collection.anki21b", b"\x28\xb5\x2f\xfd broken"),
                     "cannot unpack collection.anki21b: "),
    "bad crc": (_damaged_member, "cannot unpack collection.anki21: Bad CRC-32 for file 'collection.anki21'"),
    "not sqlite": (lambda t: _zip(t, "collection.anki21", b"hello" * 100), "unreadable collection (file is not a database)"),
    "recursive view": (lambda t: _legacy(t, notes=RECURSIVE_NOTES),
                       "the collection holds a view 'notes'; Anki collections have none"),
    "trigger": (lambda t: _legacy(t, "CREATE TRIGGER t AFTER INSERT ON notes BEGIN DELETE FROM col; END"),
                "the collection holds a trigger 't'; Anki collections have none"),
    "no notes": (lambda t: _legacy(t, notes="CREATE TABLE other (x)"), "the collection has no 'notes' table"),
    "virtual notes": (lambda t: _legacy(t, notes="CREATE VIRTUAL TABLE notes USING fts4(id, mid, tags, flds)"),
                      "'notes' is a virtual table, not a plain one"),
    "computed flds": (lambda t: _legacy(t, notes="CREATE TABLE notes (id INTEGER PRIMARY KEY, mid, tags, "
                                                 "flds AS (printf('%.*c', 900000000, 'x')) VIRTUAL)"),
                      "'notes' has computed columns; Anki tables have none"),
    "empty col": (lambda t: package(t / "bad.apkg", collection(t / "bad.sqlite", models=None)),
                  "the collection's 'col' table is empty"),
    "models a list": (lambda t: _legacy(t, models="[1, 2]"), "the note types (col.models) are a JSON list, not an object"),
    "model not an object": (lambda t: _legacy(t, models='{"1": "Basic"}'),
                            "note type '1' in col.models is not a note type object"),
    "field not an object": (lambda t: _legacy(t, models='{"1": {"flds": [3]}}'),
                            "a field of note type '1' in col.models is not an object"),
    "model id not a number": (lambda t: _legacy(t, models='{"x": {"flds": []}}'),
                              "note type id 'x' in col.models is not a number"),
    "models not json": (lambda t: _legacy(t, models="{nope"),
                        "the note types (col.models) are not valid JSON (Expecting property name enclosed in double "
                        "quotes: line 1 column 2 (char 1))"),
    "models nested past the recursion limit": (lambda t: _legacy(t, models=_nested(100_000)),
                                               "the note types (col.models) nest too deeply"),
    "models nested 40 deep": (lambda t: _legacy(t, models=_nested(40)),
                              "the note types (col.models) nest deeper than 32 levels"),
    "pages repeated": (_dag_keyed, "the collection is damaged: it yields more data than the file holds"),
}


@pytest.fixture
def tmpdir_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR for this test only, to see what the import leaves there."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr("tempfile.tempdir", str(tmp))
    return tmp


def _import(package_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = cli.main(["import", str(package_path), "--deck", "imported", "--title", "Imported", "-o", str(package_path.with_suffix(".yaml"))])
    captured = capsys.readouterr()
    return status, (captured.out + captured.err).splitlines()


@pytest.mark.parametrize("case", CASES)
def test_a_malformed_package_is_one_line_and_status_1(
    case: str, tmp_path: Path, tmpdir_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, reason = CASES[case]
    path = build(tmp_path)
    started = time.monotonic()
    status, lines = _import(path, capsys)
    assert time.monotonic() - started < 10
    assert status == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}: not a usable Anki package ({reason}"), lines[0]
    assert lines[0].endswith(")")
    assert not path.with_suffix(".yaml").exists()
    assert list(tmpdir_env.iterdir()) == []


def test_a_runaway_sort_stops_at_the_memory_cap(tmp_path: Path, tmpdir_env: Path) -> None:
    conversion = Conversion()
    path = endless_sort_package(tmp_path)
    parse_apkg(path, "d", conversion, limits=ReadLimits(heap_bytes=8 << 20))
    assert [str(p) for p in conversion.problems] == [f"{path}: not a usable Anki package (reading it needs more than 8 MiB of memory)"]
    assert conversion.failed and list(tmpdir_env.iterdir()) == []
    with sqlite3.connect(":memory:") as con:  # the process-wide cap is lifted again
        assert con.execute("PRAGMA hard_heap_limit").fetchone() == (0,)


def test_a_runaway_query_stops_at_the_step_budget(tmp_path: Path) -> None:
    conversion = Conversion()
    path = endless_sort_package(tmp_path)
    parse_apkg(path, "d", conversion, limits=ReadLimits(steps=2_000_000))
    assert [str(p) for p in conversion.problems] == [f"{path}: not a usable Anki package (reading it takes more than 2,000,000 steps)"]


def test_a_runaway_query_stops_at_the_time_budget(tmp_path: Path) -> None:
    conversion = Conversion()
    path = endless_sort_package(tmp_path)
    parse_apkg(path, "d", conversion, limits=ReadLimits(seconds=0.2))
    assert [str(p) for p in conversion.problems] == [f"{path}: not a usable Anki package (reading it takes longer than 0.2 s)"]


def test_cancel_stops_a_running_read_at_once(tmp_path: Path, tmpdir_env: Path) -> None:
    path = endless_sort_package(tmp_path)
    cancel = threading.Event()
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    started = time.monotonic()
    with pytest.raises(ImportCancelled):
        parse_apkg(path, "d", Conversion(), cancel)
    assert time.monotonic() - started < 8  # the query alone never ends: any bound tells "stopped"
    assert list(tmpdir_env.iterdir()) == []


def test_the_collection_is_opened_read_only(tmp_path: Path) -> None:
    """A package whose collection would be changed by reading it is not: SQLite opens it read-only and immutable."""
    db = collection(tmp_path / "c.sqlite", "INSERT INTO notes VALUES (1, 1, 'geo', 'Capital of Belarus?' || char(31) || 'Minsk')")
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode = WAL")  # a WAL-mode collection without its -wal still reads
    con.close()
    path = package(tmp_path / "ok.apkg", db)
    conversion = Conversion()
    parse_apkg(path, "d", conversion)
    assert conversion.problems == [] and [q.prompt for q in conversion.questions] == ["Capital of Belarus?"]


def _sigint_as_a_terminal_has_it() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_import(tmp_path: Path, path: Path) -> tuple[subprocess.Popen[str], Path]:
    """``studyapp import`` of ``path`` in a child process whose TMPDIR is a fresh, empty folder."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-m", "studyapp", "import", str(path), "--deck", "imported", "--title", "Imported",
         "-o", str(path.with_suffix(".yaml"))],
        env=dict(os.environ, TMPDIR=str(tmp), PYTHONPATH=str(REPO)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        # Ctrl-C as a terminal delivers it: a suite started in the background (`cmd &` in a
        # script) inherits SIGINT ignored, and a Python started so never raises KeyboardInterrupt.
        preexec_fn=_sigint_as_a_terminal_has_it,
    )
    return child, tmp


def _finish(child: subprocess.Popen[str], timeout: float) -> tuple[str, str, float]:
    """The child's output and how long it took to end from now (killed if it outlives ``timeout``)."""
    started = time.monotonic()
    try:
        out, err = child.communicate(timeout=timeout)
    finally:
        child.kill()
        child.wait()
    return out, err, time.monotonic() - started


def _wait_until(child: subprocess.Popen[str], condition: Callable[[], bool], timeout: float = 20) -> None:
    """Wait (on the child, in 10 ms steps) until ``condition`` holds; fail if the child ends first."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        with pytest.raises(subprocess.TimeoutExpired):  # still running
            child.wait(timeout=0.01)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def test_the_recursive_view_package_is_refused_at_once_by_the_command(tmp_path: Path) -> None:
    """The reported hang: ``notes`` as a view over an endless recursive CTE ran until the disk filled."""
    path = recursive_view_package(tmp_path / "pkg")
    child, tmp = _start_import(tmp_path, path)
    out, err, _ = _finish(child, timeout=20)
    assert child.returncode == 1
    assert out.splitlines() == [f"{path}: not a usable Anki package (the collection holds a view 'notes'; Anki collections have none)"]
    assert err == "" and list(tmp.iterdir()) == []


def test_ctrl_c_stops_a_runaway_import_at_once_and_leaves_nothing(tmp_path: Path) -> None:
    path = endless_sort_package(tmp_path / "pkg")
    child, tmp = _start_import(tmp_path, path)
    _wait_until(child, lambda: any(p.name.startswith(PREFIX) and (p / "collection.sqlite").exists() for p in tmp.iterdir()))
    unpacked = _cpu_seconds(child.pid)
    _wait_until(child, lambda: _cpu_seconds(child.pid) > unpacked + 0.3)  # well inside the endless query
    child.send_signal(signal.SIGINT)
    out, err, took = _finish(child, timeout=20)
    assert took < 8  # the query alone never ends: a loaded machine may still take a few seconds
    assert "Traceback" not in err and err.strip() == "studyapp import: interrupted"
    assert child.returncode == 130 and out == ""
    assert list(tmp.iterdir()) == []
    assert not path.with_suffix(".yaml").exists()


def test_every_zstd_newest_format_read_uses_the_same_checks(tmp_path: Path, tmpdir_env: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The anki21b member is checked like the others (a view in a zstd-compressed collection)."""
    db = collection(tmp_path / "v.sqlite", notes=RECURSIVE_NOTES)
    path = _zip(tmp_path, "collection.anki21b", zstandard.ZstdCompressor().compress(db.read_bytes()))
    status, lines = _import(path, capsys)
    assert status == 1
    assert lines == [f"{path}: not a usable Anki package (the collection holds a view 'notes'; Anki collections have none)"]


def _import_fields(tmp: Path, fields: list[str], models: str = BASIC_MODELS) -> tuple[Path, Conversion]:
    """Import a package with one note (of note type 1) per ``fields`` text; it must take under 5 s."""
    db = collection(tmp / "c.sqlite", models=models)
    con = sqlite3.connect(db)
    con.executemany("INSERT INTO notes VALUES (?, 1, '', ?)", enumerate(fields, start=1))
    con.commit()
    con.close()
    path = package(tmp / "fields.apkg", db)
    conversion = Conversion()
    started = time.monotonic()
    parse_apkg(path, "d", conversion)
    assert time.monotonic() - started < 10  # the backtracking versions took 19 s and 72 s
    return path, conversion


def test_a_huge_crafted_cloze_field_converts_in_linear_time(tmp_path: Path) -> None:
    """50 KB of ``{{c1::`` (or of ``::`` inside one gap) took minutes: the gap scan backtracked."""
    models = json.dumps({"1": {"name": "Cloze", "type": 1, "flds": [{"name": "Text", "ord": 0}, {"name": "Back Extra", "ord": 1}]}})
    path, conversion = _import_fields(tmp_path, ["{{c1::" * 200_000 + "\x1f",
                                                 "Minsk is {{c1::the capital" + "::" * 300_000 + "}} of Belarus\x1f"], models)
    assert [str(p) for p in conversion.problems] == [f"{path}:1: note 1: cloze note without a {{{{c1::...}}}} gap; skipped"]
    assert [getattr(q, "text", None) for q in conversion.questions] == ["Minsk is {{the capital}} of Belarus"]


def test_a_field_of_unclosed_tags_converts_in_linear_time(tmp_path: Path) -> None:
    """24 KB of ``<a `` took 14 s in the standard HTML parser (it backtracks on unclosed tags)."""
    _, conversion = _import_fields(tmp_path, [
        "<a " * 70_000 + "\x1fback",
        '<div class="studyapp-prompt">x &lt; y' + "<b " * 70_000 + '</div>\x1f<div class="studyapp-answer">b < c</div>',
    ])
    assert conversion.problems == []
    first, second = conversion.questions
    assert first.prompt.startswith("<a <a ") and len(first.prompt) > 200_000 - 10
    assert second.prompt.startswith("x < y<b <b ") and second.answer_text == "b < c"  # studyapp's own export


def test_a_later_import_removes_the_folder_a_killed_one_left(tmp_path: Path, tmpdir_env: Path) -> None:
    """SIGKILL runs no cleanup; the folder names its process, and the next import removes it once that is gone."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    left = tmpdir_env / f"{PREFIX}{gone.stdout.strip()}-abc"
    left.mkdir()
    (left / "collection.sqlite").write_bytes(b"x" * 1000)
    running = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        alive = tmpdir_env / f"{PREFIX}{running.pid}-def"
        alive.mkdir()
        parse_apkg(_not_a_zip(tmp_path), "d", Conversion())
        assert sorted(p.name for p in tmpdir_env.iterdir()) == [alive.name]
    finally:
        running.communicate(b"")


def test_no_temporary_folder_is_one_line_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "missing"))
    path = _dag_keyed(tmp_path)
    status, lines = _import(path, capsys)
    assert status == 1
    assert lines == [f"{path}: cannot unpack it: no temporary folder (No such file or directory)"]
