"""Anki "Notes in Plain Text" and Quizlet exports: one note per row, ``front, back[, tags]``.

Anki's header lines are honoured: ``#separator:`` (tab, comma, semicolon, space, pipe, colon or
a character), ``#html:``, ``#tags column:``, ``#notetype column:``, ``#deck column:``,
``#guid column:`` and ``#tags:`` (tags for every note). Without headers the separator is guessed
(tab, then semicolon, then comma) and fields are read as HTML only when they contain tags or entities.
Quoted fields (``"a, b"``, doubled ``""``) may span lines, as Anki writes them.

A field may be as long as the file; a row whose text is still longer than ``MAX_FIELD_CHARS``
once its HTML is made plain is reported at its line and skipped, and the rows after it are read.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from studyapp.bank.model import AnyQuestion, CardQuestion
from studyapp.interop.fit import IdAllocator, clean_text, cloze_question
from studyapp.interop.htmltext import html_to_text, looks_like_html
from studyapp.interop.problems import Conversion

MAX_FIELD_CHARS = 128 * 1024
MAX_TEXT_IMPORT_BYTES = 16 * 1_048_576  # importer.import_file refuses larger files
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_HEADER_RE = re.compile(r"^#([a-z ]+):(.*)$")
_CLOZE_OPEN_RE = re.compile(r"\{\{c\d+::")


def _gap_answer(body: str) -> str:
    """The answer of a gap's ``answer[::hint]`` (a hint holds no braces; the first ``::`` before one wins)."""
    last_brace = max(body.rfind("{"), body.rfind("}"))
    hint = body.find("::", max(0, last_brace - 1))
    return body if hint < 0 else body[:hint]


def anki_cloze(text: str) -> str | None:
    """Anki cloze text to ours: ``{{c1::Minsk::capital}}`` -> ``{{Minsk}}``; None when it has no cloze.

    A scan in linear time: a regular expression with a lazy gap and an optional hint took
    minutes on a 50 KB field of repeated ``{{c1::`` (a crafted note could hang the import).
    """
    pieces: list[str] = []
    pos = 0
    while (opening := _CLOZE_OPEN_RE.search(text, pos)) is not None:
        close = text.find("}}", opening.end())
        if close < 0:
            break
        answer = _gap_answer(text[opening.end():close])
        pieces += [text[pos:opening.start()], "{{", answer.replace("|", "/").strip(), "}}"]
        pos = close + 2
    if not pieces:
        return None
    return "".join(pieces) + text[pos:]


def field_text(raw: str, html: bool | None) -> str:
    """A field as plain text: HTML converted when ``html`` is True, or None and it looks like HTML."""
    if html or (html is None and looks_like_html(raw)):
        raw = html_to_text(raw)
    return clean_text(raw)


def _guess_separator(lines: list[str]) -> str:
    data = [line for line in lines if line.strip()][:20]
    for sep in ("\t", ";", ","):
        if data and all(sep in line for line in data):
            return sep
    return "\t"


def parse_anki_text(path: Path, text: str, deck_id: str, conversion: Conversion) -> None:
    """Add a question for every row of an Anki/Quizlet text export to ``conversion``."""
    lines = text.splitlines(keepends=True)
    headers: dict[str, str] = {}
    first = 0
    while first < len(lines) and (m := _HEADER_RE.match(lines[first].rstrip("\r\n"))):
        headers[m.group(1).strip()] = m.group(2).strip()
        first += 1

    sep_value = headers.get("separator")
    if sep_value is None:
        sep = _guess_separator(lines[first:])
    else:
        sep = _SEPARATORS.get(sep_value.lower(), sep_value[:1] or "\t")
    html: bool | None = None
    if "html" in headers:
        html = headers["html"].lower() == "true"

    def column(key: str) -> int | None:
        value = headers.get(f"{key} column", "")
        return int(value) - 1 if value.isdigit() and int(value) > 0 else None

    tags_col, notetype_col = column("tags"), column("notetype")
    skip = {c for c in (tags_col, notetype_col, column("deck"), column("guid")) if c is not None}
    global_tags = tuple(headers.get("tags", "").split())

    ids = IdAllocator()
    # The csv module stops at a field of 128 KiB with an error after which the rest of the file
    # cannot be read reliably. Its limit is one setting for the whole process: raise it (never
    # lower it, so that two imports at once cannot trip each other) to the largest file imported;
    # over-long fields are then reported one row at a time below.
    if csv.field_size_limit() <= MAX_TEXT_IMPORT_BYTES:
        csv.field_size_limit(MAX_TEXT_IMPORT_BYTES + 1)
    reader = csv.reader(io.StringIO("".join(lines[first:])), delimiter=sep, quotechar='"', strict=False)
    line_no = first + 1
    while True:
        start = line_no
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            conversion.problem(path, start, f"unreadable row ({exc}); skipped")
            if first + reader.line_num + 1 == line_no:  # nothing was consumed: nothing more to read
                break
            line_no = first + reader.line_num + 1
            continue
        line_no = first + reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        fields = [cell for i, cell in enumerate(row) if i not in skip]
        if len(fields) < 2 and not (fields and anki_cloze(fields[0])):
            conversion.problem(path, start, f"expected front{_name(sep)}back, found one field; skipped")
            continue
        front = field_text(fields[0], html)
        back = field_text(fields[1], html) if len(fields) > 1 else ""
        if max(len(front), len(back)) > MAX_FIELD_CHARS:
            longest = max(len(front), len(back))
            conversion.problem(path, start, f"a field of {longest:,} characters (at most {MAX_FIELD_CHARS:,}); skipped")
            continue
        tags = list(global_tags)
        if tags_col is not None and tags_col < len(row):
            tags.extend(row[tags_col].split())
        tag_tuple = tuple(dict.fromkeys(clean_text(t) for t in tags if clean_text(t)))
        notetype = row[notetype_col] if notetype_col is not None and notetype_col < len(row) else ""
        cloze = anki_cloze(front)
        if cloze is not None or "cloze" in notetype.lower():
            if cloze is None:
                conversion.problem(path, start, "cloze note without a {{c1::...}} gap; skipped")
                continue
            q: AnyQuestion = cloze_question(
                deck=deck_id, id=ids.take(cloze.replace("{", "").replace("}", ""), "cloze"),
                text=cloze, explanation=back or None, tags=tag_tuple, line=start,
            )
        else:
            if not front or not back:
                conversion.problem(path, start, f"empty {'front' if not front else 'back'}; skipped")
                continue
            q = CardQuestion(deck=deck_id, id=ids.take(front, "card"), prompt=front, answer=back, tags=tag_tuple, line=start)
        conversion.add(q, path, start)


def _name(sep: str) -> str:
    return {"\t": " <tab> ", ",": ", ", ";": "; "}.get(sep, f" {sep} ")
