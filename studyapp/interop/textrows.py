"""Rows of a text export (Anki, Quizlet, any CSV): separators named or detected, rows with their lines.

Quizlet lets the exporter choose both separators: between term and definition (tab, comma or
any text) and between rows (a new line, a semicolon or any text). Rows separated by new lines
are read by the ``csv`` module, so quoted fields (``"a, b"``, doubled ``""``) may span lines;
rows separated by anything else are split as written (Quizlet does not quote).

Without a separator named, it is detected over whole records, never physical lines: the text is
parsed with each candidate (tab, semicolon, comma) and the one under which every record has a
front and a back, with the most consistent field count, wins. Rows joined by semicolons on one
line (Quizlet's "semicolon between rows") are recognised when that alone gives every row
exactly one term and one definition.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from studyapp.messages import QT_TRANSLATE_NOOP, Message

MAX_TEXT_IMPORT_BYTES = 16 * 1_048_576  # importer.import_file refuses larger files
SEPARATOR_NAMES = {
    "tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":",
    "newline": "\n", "new line": "\n",
}
_CANDIDATES = ("\t", ";", ",")
_SAMPLE_RECORDS = 200
_FRONTS = frozenset("term front question word prompt vocabulary".split())
_BACKS = frozenset("definition back answer meaning translation explanation".split())


@dataclass(frozen=True, slots=True)
class TextOptions:
    """Separators chosen by the person importing (None: read from the file's header or detected)."""

    field_sep: str | None = None
    row_sep: str | None = None


def separator(value: str) -> str:
    """A separator as typed: a name (``tab``, ``comma``, ``semicolon``, ``newline``...), ``\\t``,
    ``\\n``, or the text itself (``" - "``). Raises ValueError for an empty one."""
    named = SEPARATOR_NAMES.get(value.strip().lower())
    if named is not None:
        return named
    text = value.replace("\\t", "\t").replace("\\n", "\n")
    if not text:
        raise ValueError("a separator cannot be empty")
    return text


def is_header_row(row: list[str]) -> bool:
    """True for a first row that names the columns (``term,definition``, ``front,back``...)."""
    names = [cell.strip().lower() for cell in row if cell.strip()]
    return len(names) >= 2 and names[0] in _FRONTS and names[1] in _BACKS


def _allow_long_fields() -> None:
    # The csv module stops at a field of 128 KiB with an error after which the rest of the file
    # cannot be read reliably. Its limit is one setting for the whole process: raise it (never
    # lower it, so that two imports at once cannot trip each other) to the largest file imported;
    # over-long fields are then reported one row at a time by the importer.
    if csv.field_size_limit() <= MAX_TEXT_IMPORT_BYTES:
        csv.field_size_limit(MAX_TEXT_IMPORT_BYTES + 1)


def _sample(body: str, sep: str) -> list[list[str]]:
    """The first records of ``body`` under ``sep`` (rows by new lines, quotes honoured)."""
    rows: list[list[str]] = []
    for _line, row in read_rows(body, sep, None, 0):
        if isinstance(row, list) and any(cell.strip() for cell in row):
            rows.append(row)
            if len(rows) >= _SAMPLE_RECORDS:
                break
    return rows


def _score(rows: list[list[str]]) -> tuple[float, float]:
    """(share of records with a front and a back, share with the most common field count)."""
    if not rows:
        return 0.0, 0.0
    paired = sum(1 for r in rows if len(r) >= 2) / len(rows)
    consistent = Counter(len(r) for r in rows).most_common(1)[0][1] / len(rows)
    return paired, consistent


def _semicolon_rows(body: str, sep: str, rows: list[list[str]]) -> bool:
    """True when the rows are joined by semicolons: one line per row does not give every row
    two fields, and splitting at semicolons gives at least two rows of exactly one ``sep`` each."""
    if sep == ";" or '"' in body or all(len(r) == 2 for r in rows):
        return False
    pieces = [p.strip("\r\n") for p in body.split(";") if p.strip()]
    return len(pieces) >= 2 and all(p.count(sep) == 1 for p in pieces)


def guess_separators(body: str, row_sep: str | None = None) -> tuple[str, str | None]:
    """The field separator and, when it is not a new line, the row separator of ``body``."""
    if row_sep not in (None, "\n"):
        assert row_sep is not None
        records = [r for r in body.split(row_sep) if r.strip()][:_SAMPLE_RECORDS]
        best = max(_CANDIDATES, key=lambda c: (sum(1 for r in records if c in r), -_CANDIDATES.index(c)))
        return best, row_sep
    scored = []
    for rank, sep in enumerate(_CANDIDATES):
        rows = _sample(body, sep)
        scored.append((_score(rows), -rank, sep, rows))
    (paired, _), _, sep, rows = max(scored)
    if paired == 0.0:
        sep, rows = "\t", _sample(body, "\t")
    if row_sep is None:
        for candidate in ("\t", ","):
            candidate_rows = rows if candidate == sep else _sample(body, candidate)
            if _semicolon_rows(body, candidate, candidate_rows):
                return candidate, ";"
    return sep, None


def _line_of(body: str, offset: int, first: int) -> int:
    return first + body.count("\n", 0, offset) + 1


def read_rows(body: str, sep: str, row_sep: str | None, first: int) -> Iterator[tuple[int, list[str] | Message]]:
    """Each row of ``body`` with its 1-based line (``first`` header lines come before ``body``):
    its fields, or a message saying why the row could not be read."""
    if row_sep not in (None, "\n") or len(sep) != 1:
        rows_at = row_sep if row_sep not in (None, "\n") else "\n"
        assert rows_at is not None
        offset = 0
        for record in body.split(rows_at):
            line = _line_of(body, offset + len(record) - len(record.lstrip("\r\n")), first)
            offset += len(record) + len(rows_at)
            text = record.strip("\r\n")
            if text.strip():
                yield line, text.split(sep)
        return
    _allow_long_fields()
    reader = csv.reader(io.StringIO(body), delimiter=sep, quotechar='"', strict=False)
    line_no = first + 1
    while True:
        start = line_no
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, Message(QT_TRANSLATE_NOOP("Core", "unreadable row ({reason}); skipped"), reason=str(exc))
            if first + reader.line_num + 1 == line_no:  # nothing was consumed: nothing more to read
                return
            line_no = first + reader.line_num + 1
            continue
        line_no = first + reader.line_num + 1
        yield start, row
