"""PDF articles: the text of each page (read through Qt's PDF module) made into paragraphs.

The core does not import Qt. A PDF's pages are read by a ``PdfPages`` function handed in: the
window passes ``studyapp.ui.pdf_text.pdf_page_texts`` (Qt runs there anyway); everywhere else
(``studyapp check``, ``draft``, the loader's quote check) ``pages_in_child`` runs that module in
a child process, so Qt starts only for a PDF, and a PDF that crashes or hangs the PDF engine
ends the child, not the command or the window.

A PDF's text comes as the lines printed on each page. They are joined into paragraphs again:
a paragraph ends at an empty line, or at a short line that ends a sentence; a short line
without final punctuation between paragraphs is a heading; a word hyphenated across a line
end is joined; a line that is only a page number is dropped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

PdfPages = Callable[[Path], Sequence[str]]
CHILD_SECONDS = 60
_SENTENCE_END = tuple(".!?:…\"'”’)»")


class PdfError(ValueError):
    """The PDF's text cannot be read; the message says why."""


def pages_in_child(path: Path) -> list[str]:
    """Each page's text, read by ``studyapp.ui.pdf_text`` in a child process."""
    if getattr(sys, "frozen", False):  # a one-folder build: its executable is studyapp's command line
        command = [sys.executable, "--pdf-text", str(path)]
    else:
        command = [sys.executable, "-m", "studyapp.ui.pdf_text", str(path)]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=CHILD_SECONDS,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise PdfError(f"reading the PDF took longer than {CHILD_SECONDS} seconds") from exc
    except OSError as exc:
        raise PdfError(f"the PDF reader could not start ({exc.strerror or exc})") from exc
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PdfError("the PDF reader stopped on this file (a damaged or unusual PDF?)") from exc
    if not isinstance(answer, dict):
        raise PdfError("the PDF reader gave no answer")
    if "error" in answer:
        raise PdfError(str(answer["error"]))
    pages = answer.get("pages")
    if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
        raise PdfError("the PDF reader gave no pages")
    return pages


def _is_heading(line: str) -> bool:
    return len(line) <= 90 and len(line.split()) <= 12 and not line.endswith(_SENTENCE_END + (",", ";"))


def reflow(pages: Sequence[str]) -> str:
    """The pages' lines joined into paragraphs, one a line (then read as a plain-text article)."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for page in pages:
        lines = [" ".join(line.split()) for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        widths = sorted(len(line) for line in lines if line)
        full = widths[len(widths) * 3 // 4] if widths else 0  # a full line's length on this page
        for i, line in enumerate(lines):
            if not line:
                flush()
                continue
            if line.isdigit() and len(line) <= 4:
                continue  # a page number
            short = len(line) < full * 0.8
            following = next((x for x in lines[i + 1 :] if x), "")
            if short and not current and _is_heading(line) and following[:1].isupper():
                paragraphs.append(line)
                continue
            if current and current[-1].endswith("-") and current[-1][-2:-1].isalpha() and line[:1].islower():
                current[-1] = current[-1][:-1] + line  # "tun-" + "nel"
            else:
                current.append(line)
            if short and line.endswith(_SENTENCE_END):
                flush()
        flush()  # a page ends a paragraph (most do)
    return "\n".join(paragraphs)
