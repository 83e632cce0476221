"""Import any supported file into a question file: pick the reader by the file's name and content.

``.apkg`` -> Anki package; ``.gift`` -> GIFT; ``.txt`` -> GIFT when it has GIFT answer braces,
else Anki/Quizlet text; ``.csv``/``.tsv`` and anything else -> Anki/Quizlet text. A package
under another name is still read as a package; an empty file, an image or other binary data is
refused with one line that says what it is.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from studyapp.bank.imagepath import MEDIA_FOLDER
from studyapp.bank.model import AnyQuestion

from studyapp.interop.ankitext import parse_anki_text
from studyapp.interop.apkg import parse_apkg
from studyapp.interop.gift import looks_like_gift, parse_gift
from studyapp.interop.problems import Conversion
from studyapp.interop.textrows import MAX_TEXT_IMPORT_BYTES, TextOptions
from studyapp.interop.yamlwrite import MAX_FILE_BYTES, dump_deck
from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.safe_write import WritePolicy, write_bytes

IMPORT_HEADER = "Imported by studyapp from {name}."
NAME_FILTER = "Anki, Quizlet or Moodle files (*.apkg *.txt *.csv *.tsv *.gift);;All files (*)"


_SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"RIFF", "a media file"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
)
_ZIP = b"PK\x03\x04"
EMPTY = Message(QT_TRANSLATE_NOOP("Core", "the file is empty; there is nothing to import"))
NOT_TEXT = QT_TRANSLATE_NOOP("Core", "not a text export or a package ({what}); export the deck as text (.txt, .csv), GIFT or .apkg")


def _binary_kind(data: bytes) -> str | None:
    """What binary data ``data`` looks like, or None when it may be text."""
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return what
    if b"\x00" in data[:4096]:
        return "binary data"
    return None


def import_file(path: Path, deck_id: str, cancel: threading.Event | None = None,
                options: TextOptions | None = None) -> Conversion:
    """Read ``path`` into questions of deck ``deck_id`` plus the problems met (never raises for bad input).

    Setting ``cancel`` stops reading a package at once with ``ImportCancelled``. ``options``
    names the separators of a text export (Quizlet lets the exporter choose them).
    """
    conversion = Conversion()
    if path.suffix.lower() in (".apkg", ".colpkg"):
        parse_apkg(path, deck_id, conversion, cancel)
        return conversion
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_IMPORT_BYTES:
            conversion.fail(path, Message(QT_TRANSLATE_NOOP("Core", "larger than 16 MiB; split it first")))
            return conversion
        data = path.read_bytes()
    except OSError as exc:
        conversion.fail(path, Message(QT_TRANSLATE_NOOP("Core", "cannot read ({reason})"), reason=exc.strerror or str(exc)))
        return conversion
    if data.startswith(_ZIP):  # an Anki package saved under another name
        parse_apkg(path, deck_id, conversion, cancel)
        return conversion
    if (kind := _binary_kind(data)) is not None:
        conversion.fail(path, Message(NOT_TEXT, what=kind))
        return conversion
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        conversion.fail(path, Message(QT_TRANSLATE_NOOP("Core", "not UTF-8 text; export the file as UTF-8 (Unicode)")), line)
        return conversion
    if not text.strip():
        conversion.fail(path, EMPTY)
        return conversion
    if path.suffix.lower() == ".gift" or (path.suffix.lower() == ".txt" and looks_like_gift(text)):
        parse_gift(path, text, deck_id, conversion)
    else:
        parse_anki_text(path, text, deck_id, conversion, options)
    return conversion


def imported_text(conversion: Conversion, source_name: str, deck_id: str, title: str) -> str:
    """The question file for an import (no ``source``: imported questions have no article)."""
    return dump_deck(deck_id, title, conversion.questions, header=IMPORT_HEADER.format(name=source_name))


def write_media(conversion: Conversion, question_file: Path, policy: WritePolicy | None = None) -> Conversion:
    """Write the pictures the conversion's questions use into ``media/`` beside ``question_file``.

    No file there is replaced: a name another picture already holds gets a new one
    (``map-2.png``), the same picture is reused, and the questions returned name each file as
    written. Raises ``OSError`` (``WriteRefused`` included) when a picture cannot be written.
    """
    if not conversion.media:
        return conversion
    folder = question_file.parent / MEDIA_FOLDER
    placed: dict[str, str] = {}  # name in the conversion → name written
    questions: list[AnyQuestion] = []
    for q in conversion.questions:
        image = q.image
        if image is None or not image.path.startswith(f"{MEDIA_FOLDER}/"):
            questions.append(q)
            continue
        name = image.path.split("/", 1)[1]
        data = conversion.media.get(name)
        if data is not None and name not in placed:
            placed[name] = _place_picture(folder, name, data, policy or WritePolicy())
        written = placed.get(name, name)
        moved = image._replace(path=f"{MEDIA_FOLDER}/{written}", folder=question_file.parent)
        questions.append(dataclasses.replace(q, image=moved))
    return Conversion(questions=questions, problems=list(conversion.problems), failed=conversion.failed,
                      media={placed.get(k, k): v for k, v in conversion.media.items()})


def _place_picture(folder: Path, name: str, data: bytes, policy: WritePolicy) -> str:
    """Write ``data`` as ``folder/name``, or the next free ``stem-N`` name; the name it has there."""
    stem, dot, suffix = name.rpartition(".")
    for n in range(1, 10_000):
        candidate = name if n == 1 else f"{stem}-{n}{dot}{suffix}"
        target = folder / candidate
        if target.is_symlink() or target.exists():
            if not target.is_symlink() and target.is_file() and target.stat().st_size == len(data) \
                    and target.read_bytes() == data:
                return candidate  # this very picture is already there
            continue
        write_bytes(target, data, WritePolicy(policy.data_dirs, replace_existing=False))  # never over a file
        return candidate
    raise OSError(f"no free name for {name} in {folder}")


def fits_in_one_file(text: str) -> bool:
    return len(text.encode("utf-8")) <= MAX_FILE_BYTES
