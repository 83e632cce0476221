"""Import any supported file into a question file: pick the reader by the file's name and content.

``.apkg`` -> Anki package; ``.gift`` -> GIFT; ``.txt`` -> GIFT when it has GIFT answer braces,
else Anki/Quizlet text; ``.csv``/``.tsv`` and anything else -> Anki/Quizlet text.
"""

from __future__ import annotations

import threading
from pathlib import Path

from studyapp.interop.ankitext import MAX_TEXT_IMPORT_BYTES, parse_anki_text
from studyapp.interop.apkg import parse_apkg
from studyapp.interop.gift import looks_like_gift, parse_gift
from studyapp.interop.problems import Conversion
from studyapp.interop.yamlwrite import MAX_FILE_BYTES, dump_deck

IMPORT_HEADER = "Imported by studyapp from {name}."
NAME_FILTER = "Anki, Quizlet or Moodle files (*.apkg *.txt *.csv *.tsv *.gift);;All files (*)"


def import_file(path: Path, deck_id: str, cancel: threading.Event | None = None) -> Conversion:
    """Read ``path`` into questions of deck ``deck_id`` plus the problems met (never raises for bad input).

    Setting ``cancel`` stops reading a package at once with ``ImportCancelled``.
    """
    conversion = Conversion()
    if path.suffix.lower() in (".apkg", ".colpkg"):
        parse_apkg(path, deck_id, conversion, cancel)
        return conversion
    try:
        data = path.read_bytes()
    except OSError as exc:
        conversion.problem(path, 0, f"cannot read ({exc.strerror or exc})")
        return conversion
    if len(data) > MAX_TEXT_IMPORT_BYTES:
        conversion.problem(path, 0, "larger than 16 MiB; split it first")
        return conversion
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        conversion.problem(path, 1, f"not UTF-8 text (byte {exc.start}); export it as UTF-8")
        return conversion
    if path.suffix.lower() == ".gift" or (path.suffix.lower() == ".txt" and looks_like_gift(text)):
        parse_gift(path, text, deck_id, conversion)
    else:
        parse_anki_text(path, text, deck_id, conversion)
    return conversion


def imported_text(conversion: Conversion, source_name: str, deck_id: str, title: str) -> str:
    """The question file for an import (no ``source``: imported questions have no article)."""
    return dump_deck(deck_id, title, conversion.questions, header=IMPORT_HEADER.format(name=source_name))


def fits_in_one_file(text: str) -> bool:
    return len(text.encode("utf-8")) <= MAX_FILE_BYTES
