"""Read Anki packages (``.apkg``): a zip holding a SQLite collection, in any format Anki writes.

Basic-like notes (note type kind 0) become ``card`` questions from their first two fields;
Cloze notes become ``cloze`` questions (``{{c1::x::hint}}`` -> ``{{x}}``, "Back Extra" -> explanation).
Notes written by ``studyapp export --format apkg`` carry their type in the HTML and come back as
the same choice / multi / truefalse / text / match / order question (their ``studyapp::`` type
tags dropped), and their clozes with every accepted alternative. Which collection file is read, and how note
types are found in each format (``collection.anki21b`` from Anki 23.10+, ``anki21``, ``anki2``),
is in :mod:`studyapp.interop.ankicollection`.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
import threading
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import zstandard

from studyapp.bank.imagepath import MEDIA_FOLDER
from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionImage,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.interop.ankicollection import collection_member, extract_collection, note_types
from studyapp.interop.collectionread import CollectionReader, ReadLimits, UnusablePackage, open_collection
from studyapp.interop.ankitext import anki_cloze, field_text, field_text_lost
from studyapp.interop.apkgmedia import PackageMedia, pictures_in
from studyapp.interop.fit import Common, IdAllocator, clean_text, cloze_question
from studyapp.interop.htmltext import escape_stray_lt, html_to_text
from studyapp.interop.lostwording import Lost, held_wording, lost_wording, on_side, side_of
from studyapp.interop.problems import Conversion
from studyapp.messages import QT_TRANSLATE_NOOP, Message

MARK = "studyapp-"  # class prefix of the HTML studyapp writes into exported notes
PAIR_ARROW = " \u2192 "  # "left → right" on the back of an exported match note
TYPE_TAG = "studyapp::"  # + "match" / "order": the tag of exported match and order notes
# A question file holds at most 1 MiB, so no package with more notes could ever be written out.
MAX_NOTES = 100_000
PICTURE_PROMPT = "What does the picture show?"  # the prompt of a note whose front is only a picture
TEMP_PREFIX = "studyapp-apkg-"  # + process id: a later import removes the folders of killed ones
_VOID = frozenset("br hr img input meta link wbr source area col embed".split())


class _Marked(HTMLParser):
    """Collects the text of elements whose class starts with ``studyapp-`` (list items separately)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.kind = ""
        self.values: dict[str, list[str]] = {}
        self.stack: list[str] = []
        self.item: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag in _VOID:
            if tag == "br" and self.stack:
                self._text("\n")
            return
        if cls.startswith(MARK):
            self.stack.append(cls[len(MARK) :])
            self.values.setdefault(self.stack[-1], [])
            if a.get("data-type"):
                self.kind = a["data-type"] or ""
        elif tag == "li" and self.stack:
            self.item = []
        elif self.stack:
            self.stack.append(self.stack[-1])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "li" and self.item is not None and self.stack:
            self.values[self.stack[-1]].append("".join(self.item))
            self.item = None
        elif self.stack and tag != "li":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self._text(data)

    def _text(self, data: str) -> None:
        if self.item is not None:
            self.item.append(data)
        elif self.stack and self.stack[-1] in ("prompt", "answer", "explanation"):
            vals = self.values[self.stack[-1]]
            vals.append(data)

    def one(self, key: str) -> str:
        return clean_text("".join(self.values.get(key, [])))

    def many(self, key: str) -> tuple[str, ...]:
        return tuple(clean_text(v) for v in self.values.get(key, []))


def _text(value: object) -> str:
    """A column value as text (Anki stores text; a blob is decoded, anything else shown as is)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _restore(front: str, back: str, deck: str, qid: str, tags: tuple[str, ...], line: int) -> AnyQuestion | None:
    """A studyapp-exported Basic note back to its question, or None for an ordinary note."""
    if f'class="{MARK}prompt"' not in front:
        return None
    m = _Marked()
    m.feed(escape_stray_lt(front + back))
    m.close()
    tags = tuple(t for t in tags if not t.startswith(TYPE_TAG))
    common = Common(deck=deck, id=qid, prompt=m.one("prompt"), explanation=m.one("explanation") or None, tags=tags, line=line)
    if m.kind == "choice":
        return ChoiceQuestion(choices=m.many("choices"), answer=m.one("answer"), **common)
    if m.kind == "multi":
        return MultiQuestion(choices=m.many("choices"), answers=m.many("answers"), **common)
    if m.kind == "truefalse":
        return TrueFalseQuestion(answer=m.one("answer") == "True", **common)
    if m.kind == "text":
        return TextQuestion(answers=m.many("answers") or (m.one("answer"),), **common)
    if m.kind == "order":
        return OrderQuestion(items=m.many("items"), **common)
    if m.kind == "match":
        lefts, pairs = m.many("lefts"), m.many("pairs")
        arrow = PAIR_ARROW.strip()
        rights = tuple(p[len(left):].strip().removeprefix(arrow).strip() for left, p in zip(lefts, pairs, strict=False))
        return MatchQuestion(pairs=tuple(zip(lefts, rights, strict=False)), **common)
    return CardQuestion(answer=m.one("answer"), **common)


def _with_alternatives(cloze: str, listed: tuple[str, ...]) -> str:
    """Put back the alternatives studyapp listed as ``2: Golovchenko | Halouchanka`` into gap 2 of ``cloze``."""
    extra: dict[int, str] = {}
    for item in listed:
        number, sep, rest = item.partition(":")
        if sep and number.strip().isdigit():
            extra[int(number)] = "|".join(a.strip() for a in rest.split(" | ") if a.strip())
    pieces = cloze.split("}}")
    for n in extra:
        if 0 < n < len(pieces) and extra[n]:
            pieces[n - 1] += "|" + extra[n]
    return "}}".join(pieces)


def parse_apkg(path: Path, deck_id: str, conversion: Conversion, cancel: threading.Event | None = None,
               limits: ReadLimits = ReadLimits()) -> None:
    """Add a question for every Basic or Cloze note in the package at ``path``.

    A package that cannot be read at all is one problem, ``not a usable Anki package (reason)``
    (:meth:`Conversion.fail`). The collection is unpacked into a temporary folder that is removed
    on every way out, Ctrl-C included; it is read under ``limits``, and ``cancel`` (when set)
    stops the unpacking or the read at once with ``ImportCancelled``.
    """
    try:
        _sweep_stale_folders(Path(tempfile.gettempdir()))
        with tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{os.getpid()}-") as tmp:
            _read_package(path, Path(tmp), deck_id, conversion, cancel, limits)
    except UnusablePackage as exc:
        conversion.fail(path, Message(QT_TRANSLATE_NOOP("Core", "not a usable Anki package ({reason})"), reason=exc.wording or str(exc)))
    except OSError as exc:  # no temporary folder: TMPDIR missing, read-only or full
        conversion.fail(path, Message(QT_TRANSLATE_NOOP("Core", "cannot unpack it: no temporary folder ({reason})"), reason=exc.strerror or str(exc)))


def _sweep_stale_folders(tmp: Path) -> None:
    """Remove the folders of imports whose process is gone (killed: no ``finally`` ran for them)."""
    if os.name != "posix":  # os.kill(pid, 0) only asks on POSIX; elsewhere it would end the process
        return
    for folder in tmp.glob(f"{TEMP_PREFIX}*-*"):
        pid = folder.name[len(TEMP_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # alive, another user's, or not ours to judge
            continue


def _read_package(path: Path, tmp: Path, deck_id: str, conversion: Conversion, cancel: threading.Event | None,
                  limits: ReadLimits) -> None:
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnusablePackage(Message(QT_TRANSLATE_NOOP("Core", "not a zip file: {reason}"), reason=str(exc))) from None
    with z:
        member = collection_member(z)
        if member is None:
            raise UnusablePackage(Message(QT_TRANSLATE_NOOP("Core", "no collection.anki21b/anki21/anki2 inside")))
        db_path = tmp / "collection.sqlite"
        try:
            extract_collection(z, member, db_path, cancel=cancel)
        except (zstandard.ZstdError, zipfile.BadZipFile, OSError, ValueError, EOFError,
                NotImplementedError, RuntimeError) as exc:  # what zipfile and zstd raise for damaged members
            raise UnusablePackage(f"cannot unpack {member}: {exc}") from None
        media = PackageMedia.open(z)  # the zip stays open: pictures are read as notes use them
        with open_collection(db_path, limits, cancel) as reader:
            try:
                _read_notes(path, reader, deck_id, conversion, media)
            except (ValueError, KeyError, TypeError, IndexError, ArithmeticError, RecursionError) as exc:
                raise UnusablePackage(f"unreadable collection ({type(exc).__name__}: {exc})") from None
        conversion.media.update(media.files)


def _front_picture(front: str, media: PackageMedia) -> tuple[QuestionImage | None, list[Lost]]:
    """The front's first picture, carried into ``media/``; and why any picture of it was not."""
    found = pictures_in(front)
    if not found:
        return None, []
    first = found[0]
    carried = media.picture(first.source)
    reasons: list[Lost] = [on_side("front", Message(QT_TRANSLATE_NOOP("Core", "picture {source} (a question shows one picture)"),
                                                    source=p.source)) for p in found[1:]]
    if isinstance(carried, Message):
        return None, [on_side("front", carried), *reasons]
    image = QuestionImage(f"{MEDIA_FOLDER}/{carried.source}", clean_text(first.alt) or None, Path("."))
    return image, reasons


def _lost(side: str, html: str) -> list[Lost]:
    """What of a field did not survive as plain text (formatting, sounds, pictures); the front's
    pictures are ``_front_picture``'s to report (the carried one, and why the others were not)."""
    lost = field_text_lost(html, True)[1]
    return [f"{side}: {x}" for x in lost if not (side == "front" and x.startswith("image "))]


def _empty_side(n: int, side: str, held: list[Lost]) -> Message:
    """``note 3 has an empty back; skipped``, with what it held that plain text cannot carry."""
    if side == "front":
        template = (QT_TRANSLATE_NOOP("Core", "note {note} has an empty front; skipped ({held}: cannot be carried over)")
                    if held else QT_TRANSLATE_NOOP("Core", "note {note} has an empty front; skipped"))
    else:
        template = (QT_TRANSLATE_NOOP("Core", "note {note} has an empty back; skipped ({held}: cannot be carried over)")
                    if held else QT_TRANSLATE_NOOP("Core", "note {note} has an empty back; skipped"))
    return Message(template, note=n, held=held_wording(held)) if held else Message(template, note=n)


def _report(conversion: Conversion, path: Path, n: int, lost: list[Lost]) -> None:
    if lost:
        conversion.problem(path, n, Message(QT_TRANSLATE_NOOP("Core", "note {note}: not carried over: {lost}"), note=n, lost=lost_wording(list(dict.fromkeys(lost)))))


def _read_notes(path: Path, reader: CollectionReader, deck_id: str, conversion: Conversion,
                media: PackageMedia) -> None:
    models = note_types(reader)
    reader.require_tables("notes")
    ids = IdAllocator()
    rows: list[tuple[object, ...]] = []
    for row in reader.rows("SELECT id, mid, tags, flds FROM notes ORDER BY id"):
        if len(rows) >= MAX_NOTES:
            raise UnusablePackage(Message(QT_TRANSLATE_NOOP("Core", "more than {count} notes; export a smaller deck"), count=f"{MAX_NOTES:,}"))
        rows.append(row)
    for n, (_nid, mid, tags_text, flds) in enumerate(rows, start=1):
        reader.check_cancel()
        model = models.get(mid) if isinstance(mid, int) else None
        fields = _text(flds).split("\x1f")
        tags = tuple(dict.fromkeys(clean_text(t) for t in _text(tags_text).split() if clean_text(t)))
        if model is None:
            conversion.problem(path, n, Message(QT_TRANSLATE_NOOP("Core", "note {note} uses an unknown note type; skipped"), note=n))
            continue
        if "occlusion" in model.name.lower():
            conversion.problem(path, n, Message(QT_TRANSLATE_NOOP("Core", "note {note} is an image occlusion note (images are not imported); skipped"), note=n))
            continue
        if model.cloze:
            cloze = anki_cloze(field_text(fields[0], True))
            if cloze is None:
                conversion.problem(path, n, Message(QT_TRANSLATE_NOOP("Core", "note {note}: cloze note without a {{{{c1::...}}}} gap; skipped"), note=n))
                continue
            prompt = None
            m = _Marked()
            m.feed(escape_stray_lt(fields[0]))
            if m.one("prompt"):  # exported by studyapp with an instruction above the text
                prompt = m.one("prompt")
                body = fields[0].split("</div>", 1)[1] if "</div>" in fields[0] else fields[0]
                cloze = anki_cloze(field_text(body, True)) or cloze
            extra = fields[1] if len(fields) > 1 else ""
            explanation = _Marked()
            explanation.feed(escape_stray_lt(extra))
            if "accepted" in explanation.values:  # studyapp's "also accepted" list, then its explanation
                cloze = _with_alternatives(cloze, explanation.many("alternatives"))
                text_extra = explanation.one("explanation")
            else:
                text_extra = explanation.one("explanation") or field_text(extra, True)
            image, unshown = _front_picture(fields[0], media)
            q: AnyQuestion = cloze_question(
                deck=deck_id, id=ids.take(cloze.replace("{", "").replace("}", ""), "cloze"), text=cloze,
                prompt=prompt, explanation=text_extra or None, tags=tags, line=n, image=image,
            )
            ours = f'class="{MARK}' in fields[0] + extra  # studyapp's own markup is not formatting
            lost = unshown + ([] if ours else _lost("front", fields[0]) + _lost("back", extra))
        else:
            if len(fields) < 2:
                conversion.problem(path, n, Message(QT_TRANSLATE_NOOP("Core", "note {note} has only one field ({field}); skipped"),
                                                    note=n, field=model.fields[0]) if model.fields else
                                   Message(QT_TRANSLATE_NOOP("Core", "note {note} has only one field; skipped"), note=n))
                continue
            front_plain = field_text(fields[0], True)
            image, unshown = _front_picture(fields[0], media)
            qid = ids.take(html_to_text(fields[0]) if front_plain else "", "card")
            restored = _restore(fields[0], fields[1], deck_id, qid, tags, n)
            if restored is not None:
                q = dataclasses.replace(restored, image=image)
                lost = unshown
            else:
                back = field_text(fields[1], True)
                lost = unshown + _lost("front", fields[0]) + _lost("back", fields[1])
                if (not front_plain and image is None) or not back:
                    side = "back" if front_plain or image is not None else "front"
                    held = [found[1] for found in map(side_of, lost) if found is not None and found[0] == side]
                    conversion.problem(path, n, _empty_side(n, side, held))
                    continue
                # A front that is only a picture makes a picture question: the prompt asks what it shows.
                q = CardQuestion(deck=deck_id, id=qid, prompt=front_plain or PICTURE_PROMPT, answer=back, tags=tags,
                                 line=n, image=image)
        if conversion.add(q, path, n):
            _report(conversion, path, n, lost)
