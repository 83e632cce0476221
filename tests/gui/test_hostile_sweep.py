"""Every field of a question file, a file name and the user's input hold markup; every screen,
tooltip and dialog of the window shows it literally and loads nothing.

The window runs in a child process (``hostile_sweep_child.py``) under an address-space limit:
an ``<img src="file:///dev/zero">`` that Qt renders makes it read without end, which aborts the
child instead of the test run, and an ``<img>`` pointing at the FIFO makes it block on opening,
which the watcher thread here notices (it opens the FIFO's other end, unblocking the child).
"""

from __future__ import annotations

import errno
import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hostile_sweep_data import build

pytestmark = pytest.mark.slow  # the window in a child process, every screen: a few seconds

CHILD = Path(__file__).with_name("hostile_sweep_child.py")
ADDRESS_SPACE = 4 << 30  # bytes; the child needs well under this, /dev/zero would go past it
TIMEOUT_S = 240


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


class FifoWatcher:
    """Notices anyone opening the FIFO for reading: opening its write end without blocking only
    succeeds while a reader has it open (and releases that reader)."""

    def __init__(self, fifo: Path) -> None:
        self.fifo = fifo
        self.opened = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> FifoWatcher:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.02):  # a poll of the FIFO, not a wait for the child
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:
                if exc.errno != errno.ENXIO:  # ENXIO: nobody reads it, as it should be
                    raise
                continue
            self.opened += 1
            os.close(fd)


@pytest.fixture(scope="module")
def sweep(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, list[list[object]]], dict[str, str]]:
    work = tmp_path_factory.mktemp("sweep")
    paths = build(work)
    report = work / "report.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(CHILD.parent), *filter(None, [env.get("PYTHONPATH")])])
    with FifoWatcher(paths.fifo) as watcher:
        child = subprocess.run(
            [sys.executable, str(CHILD), str(work), str(report)],
            env=env, cwd=work, preexec_fn=_limit_memory, capture_output=True, text=True, timeout=TIMEOUT_S,
        )
    tail = (child.stderr or "")[-3000:]
    assert watcher.opened == 0, f"the window opened the FIFO named in an <img> ({watcher.opened} times)\n{tail}"
    assert child.returncode == 0, f"the window died (exit {child.returncode}) showing hostile text\n{tail}"
    return json.loads(report.read_text(encoding="utf-8")), paths.values


def _values(values: dict[str, str], *names: str) -> list[str]:
    return [values[n] for n in names]


def test_the_window_survives_every_screen_and_loads_nothing(sweep: tuple[dict[str, list[list[object]]], dict[str, str]]) -> None:
    report, _values_ = sweep
    names = {str(s[0]) for s in report["screens"]}
    for screen in ("home", "quiz setup hostile-a", "results hostile-a", "card back hostile-b 0", "reader hostile-a",
                   "statistics 0", "statistics 1", "help", "problems", "draft", "import", "error dialog"):
        assert screen in names, sorted(names)
    assert sum(n.startswith("feedback hostile-a") for n in names) == 8  # one question of each type
    assert any(n.startswith("message box") for n in names)
    assert report["resource_tries"] == []  # nothing rendered as rich text named a resource


def test_tooltips_show_the_literal_text(sweep: tuple[dict[str, list[list[object]]], dict[str, str]]) -> None:
    report, values = sweep
    shown = [str(t[2]) for t in report["tooltips"]]
    for value in _values(values, "zero", "fifo"):  # the deck titles, in the deck list's tooltips
        assert any(value in s for s in shown), value
    # The problems panel's tooltips: the broken file's message quotes its type.
    assert any("unknown type '" + values["zero"] + "'" in s for s in shown)
    for _name, raw, _shown in report["tooltips"]:
        assert "<img" not in str(raw)


def test_charts_show_tags_and_titles_literally(sweep: tuple[dict[str, list[list[object]]], dict[str, str]]) -> None:
    report, values = sweep
    tags = [str(c[2]).rsplit(" (", 1)[0] for c in report["categories"] if c[0] == "tags"]
    for value in _values(values, "zero", "fifo", "relative", "bold", "link", "style"):
        # A long tag is cut (with "…") to fit beside the bars; hovering a bar shows all of it.
        assert any(t == value or (t.endswith("…") and value.startswith(t[:-1])) for t in tags), (value, tags)
        assert any(str(tip[0]) == "tag bar" and str(tip[2]).startswith(value + "\n") for tip in report["tooltips"])
    for _key, raw, _shown in report["categories"] + report["chart_titles"]:
        assert "<img" not in str(raw) and "<b>" not in str(raw)


def test_labels_dialogs_and_titles_are_plain(sweep: tuple[dict[str, list[list[object]]], dict[str, str]]) -> None:
    report, values = sweep
    texts = [str(t[3]) for t in report["labels"]] + [str(t[1]) for t in report["plain_views"]]
    for value in values.values():
        assert any(value in t for t in texts), value
    for _screen, raw, plain, _shown in report["labels"]:
        assert plain or "<img" not in str(raw), raw  # rich labels (the near-miss diff) are escaped
    boxes = report["message_boxes"]
    assert any(values["zero"] in str(text) for _title, text, _fmt in boxes)
    assert all(fmt == 0 for _title, _text, fmt in boxes)  # Qt.TextFormat.PlainText
    titles = [str(t[2]) for t in report["window_titles"]]
    assert any(t == "Quiz — " + values["zero"] + " deck A" for t in titles)
    assert any(t == "Quiz — " + values["fifo"] + " deck [*] B" for t in titles)  # not a "modified" mark
    items = [str(i[1]) for i in report["items"]]
    assert any(values["zero"] in i for i in items)  # results table, problems, tags, import preview
