"""Anki "Notes in Plain Text" and Quizlet exports: one note per row, ``front, back[, tags]``.

Anki's header lines are honoured: ``#separator:`` (tab, comma, semicolon, space, pipe, colon or
a character), ``#html:``, ``#tags column:``, ``#notetype column:``, ``#deck column:``,
``#guid column:`` and ``#tags:`` (tags for every note). Without headers the separators are
detected over whole records (:mod:`studyapp.interop.textrows`), a first row naming the columns
(``term,definition``) is not a question, and fields are read as HTML only when they contain tags
or entities. Quoted fields (``"a, b"``, doubled ``""``) may span lines, as Anki writes them.

Nothing is dropped without a line that says so: fields after the back, formatting, images,
links and sounds that plain text cannot hold are reported at the row's line.

A field may be as long as the file; a row whose text is still longer than ``MAX_FIELD_CHARS``
once its HTML is made plain is reported at its line and skipped, and the rows after it are read.
"""

from __future__ import annotations

import re
from pathlib import Path

from studyapp.bank.model import AnyQuestion, CardQuestion
from studyapp.interop.fit import IdAllocator, clean_text, cloze_question
from studyapp.interop.htmltext import convert_html, drop_sounds, looks_like_html, sounds_in
from studyapp.interop.lostwording import lost_wording
from studyapp.interop.problems import Conversion
from studyapp.interop.textrows import SEPARATOR_NAMES as _SEPARATORS
from studyapp.interop.textrows import MAX_TEXT_IMPORT_BYTES, TextOptions, guess_separators, is_header_row, read_rows
from studyapp.messages import QT_TRANSLATE_NOOP, Message

MAX_FIELD_CHARS = 128 * 1024
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
    return field_text_lost(raw, html)[0]


def field_text_lost(raw: str, html: bool | None) -> tuple[str, list[str]]:
    """A field as plain text and what did not survive (formatting, images, links, sounds)."""
    if html or (html is None and looks_like_html(raw)):
        text, lost = convert_html(raw)
        return clean_text(text), lost
    return clean_text(drop_sounds(raw)), sounds_in(raw)


def parse_anki_text(path: Path, text: str, deck_id: str, conversion: Conversion,
                    options: TextOptions | None = None) -> None:
    """Add a question for every row of an Anki/Quizlet text export to ``conversion``.

    ``options`` carries separators the person chose; without them they are read from Anki's
    ``#separator:`` header or detected over whole records (see :mod:`studyapp.interop.textrows`).
    """
    options = options or TextOptions()
    if not text.strip():
        conversion.fail(path, Message(QT_TRANSLATE_NOOP("Core", "the file is empty; there is nothing to import")))
        return
    lines = text.splitlines(keepends=True)
    headers: dict[str, str] = {}
    first = 0
    while first < len(lines) and (m := _HEADER_RE.match(lines[first].rstrip("\r\n"))):
        headers[m.group(1).strip()] = m.group(2).strip()
        first += 1
    body = "".join(lines[first:])

    sep_value = headers.get("separator")
    row_sep = options.row_sep
    if options.field_sep is not None:
        sep = options.field_sep
    elif sep_value is not None:
        sep = _SEPARATORS.get(sep_value.lower(), sep_value[:1] or "\t")
    else:
        sep, guessed_rows = guess_separators(body, row_sep)
        row_sep = row_sep or guessed_rows
    html: bool | None = None
    if "html" in headers:
        html = headers["html"].lower() == "true"

    def column(key: str) -> int | None:
        value = headers.get(f"{key} column", "")
        return int(value) - 1 if value.isdigit() and int(value) > 0 else None

    tags_col, notetype_col = column("tags"), column("notetype")
    skip = {c for c in (tags_col, notetype_col, column("deck"), column("guid")) if c is not None}
    global_tags = tuple(headers.get("tags", "").split())
    # Quizlet writes definitions unquoted: a comma or semicolon (or a chosen separator) inside
    # one splits it further, so the fields after the front are its definition, joined back.
    # Anki files with declared columns, and tab-separated rows, keep extra fields apart (reported).
    joins_back = not skip and (options.field_sep is not None or options.row_sep is not None or sep in (",", ";"))

    ids = IdAllocator()
    header_checked = bool(headers)
    for start, row in read_rows(body, sep, row_sep, first):
        if isinstance(row, Message):
            conversion.problem(path, start, row)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if not header_checked:
            header_checked = True
            if is_header_row(row):
                continue
        fields = [cell for i, cell in enumerate(row) if i not in skip]
        if joins_back and len(fields) > 2:
            fields = [fields[0], sep.join(fields[1:])]
        if len(fields) < 2 and not (fields and anki_cloze(fields[0])):
            conversion.problem(path, start, Message(QT_TRANSLATE_NOOP("Core", "expected front{separator}back, found one field; skipped"), separator=_name(sep)))
            continue
        front, lost_front = field_text_lost(fields[0], html)
        back, lost_back = field_text_lost(fields[1], html) if len(fields) > 1 else ("", [])
        if max(len(front), len(back)) > MAX_FIELD_CHARS:
            longest = max(len(front), len(back))
            conversion.problem(path, start, Message(QT_TRANSLATE_NOOP("Core", "a field of {count} characters (at most {most}); skipped"), count=f"{longest:,}", most=f"{MAX_FIELD_CHARS:,}"))
            continue
        tags = list(global_tags)
        if tags_col is not None and tags_col < len(row):
            tags.extend(row[tags_col].split())
        tag_tuple = tuple(dict.fromkeys(clean_text(t) for t in tags if clean_text(t)))
        notetype = row[notetype_col] if notetype_col is not None and notetype_col < len(row) else ""
        cloze = anki_cloze(front)
        if cloze is not None or "cloze" in notetype.lower():
            if cloze is None:
                conversion.problem(path, start, Message(QT_TRANSLATE_NOOP("Core", "cloze note without a {{{{c1::...}}}} gap; skipped")))
                continue
            q: AnyQuestion = cloze_question(
                deck=deck_id, id=ids.take(cloze.replace("{", "").replace("}", ""), "cloze"),
                text=cloze, explanation=back or None, tags=tag_tuple, line=start,
            )
        else:
            if not front or not back:
                side, lost = ("front", lost_front) if not front else ("back", lost_back)
                conversion.problem(path, start, _empty_side(side, lost))
                continue
            q = CardQuestion(deck=deck_id, id=ids.take(front, "card"), prompt=front, answer=back, tags=tag_tuple, line=start)
        if not conversion.add(q, path, start):
            continue
        extra = fields[2:]
        if extra:
            shown = "; ".join(f"'{_short(f)}'" for f in extra if f.strip())
            if shown:
                conversion.problem(path, start, Message(QT_TRANSLATE_NOOP("Core", "{count} field(s) after the back not carried over: {fields}"), count=len(extra), fields=shown))
        lost = [f"front: {x}" for x in lost_front] + [f"back: {x}" for x in lost_back]
        if lost:
            conversion.problem(path, start, Message(QT_TRANSLATE_NOOP("Core", "not carried over (plain text only): {lost}"), lost=lost_wording(lost)))


def _empty_side(side: str, lost: list[str]) -> Message:
    """``empty front; skipped``, with what the side held that plain text cannot carry."""
    if lost:
        template = (QT_TRANSLATE_NOOP("Core", "empty front (it holds only {lost}, which cannot be carried over); skipped")
                    if side == "front" else
                    QT_TRANSLATE_NOOP("Core", "empty back (it holds only {lost}, which cannot be carried over); skipped"))
        return Message(template, lost=lost_wording(lost))
    return Message(QT_TRANSLATE_NOOP("Core", "empty front; skipped") if side == "front"
                   else QT_TRANSLATE_NOOP("Core", "empty back; skipped"))


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _name(sep: str) -> str:
    return {"\t": " <tab> ", ",": ", ", ";": "; "}.get(sep, f" {sep} ")
