"""Write a deck as an Anki package with ``genanki``.

choice / multi / truefalse / text / card become Basic notes (front: the prompt, plus the choices;
back: the answer, then the explanation); match and order become Basic notes too (front: the
prompt with the items to match or order; back: the pairs, or the items in their order), tagged
``studyapp::match`` / ``studyapp::order``. cloze becomes Cloze notes (gaps numbered c1, c2, ...;
Anki shows a gap's first alternative, the others are listed as "also accepted" below the text).
Tags are kept (spaces become ``_``, which Anki tags cannot hold). The HTML carries ``studyapp-*``
classes so that importing the package back restores each question's type and answers. Note ids
(GUIDs) derive from deck + question id, so exporting again updates the notes in Anki instead of
duplicating them. Every question type has a form, so nothing is left out.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable
from html import escape
from pathlib import Path

import genanki

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
    parse_cloze,
)
from studyapp.interop.apkg import PAIR_ARROW, TYPE_TAG
from studyapp.safe_write import WritePolicy, write_through

_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; } .studyapp-explanation { color: #555; }"
BASIC_MODEL = genanki.Model(
    1607392319,  # fixed: Anki recognises the note type across exports
    "studyapp Basic",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
    css=_CSS,
)
CLOZE_MODEL = genanki.Model(
    1607392320,
    "studyapp Cloze",
    model_type=genanki.Model.CLOZE,
    fields=[{"name": "Text"}, {"name": "Back Extra"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}],
    css=_CSS,
)


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _div(cls: str, text: str, kind: str | None = None) -> str:
    data = f' data-type="{kind}"' if kind else ""
    return f'<div class="studyapp-{cls}"{data}>{_html(text)}</div>'


def _list(cls: str, items: Iterable[str], tag: str = "ul") -> str:
    return f'<{tag} class="studyapp-{cls}">' + "".join(f"<li>{_html(i)}</li>" for i in items) + f"</{tag}>"


ALSO_ACCEPTED = "Also accepted: "


def _alternatives(parts: Iterable[object]) -> str:
    """The "also accepted" list of a cloze's gaps with more than one alternative: ``2: Golovchenko | Halouchanka``."""
    gaps = [p for p in parts if isinstance(p, ClozeGap)]
    items = [f"{n}: {' | '.join(g.alternatives[1:])}" for n, g in enumerate(gaps, start=1) if len(g.alternatives) > 1]
    if not items:
        return ""
    return f'<div class="studyapp-accepted">{ALSO_ACCEPTED}' + _list("alternatives", items) + "</div>"


def _explanation(q: AnyQuestion) -> str:
    return _div("explanation", q.explanation) if q.explanation else ""


def _shuffled(items: tuple[str, ...]) -> list[str]:
    """The items in alphabetical order, or reversed when that happens to be the right order
    (the front must not show the answer); the same every export, so notes do not churn."""
    shown = sorted(items)
    return shown[::-1] if shown == list(items) else shown


def anki_deck_id(deck_id: str) -> int:
    """A stable Anki deck id for a studyapp deck id."""
    return int(hashlib.sha1(deck_id.encode()).hexdigest()[:8], 16) | (1 << 30)


def anki_tags(tags: Iterable[str]) -> list[str]:
    return ["_".join(t.split()) for t in tags]


def _img(picture: str | None, q: AnyQuestion) -> str:
    """The ``<img>`` of a question's picture carried in the package as ``picture``."""
    if picture is None:
        return ""
    alt = q.image.alt if q.image is not None and q.image.alt else ""
    return f'<div><img src="{escape(picture)}" alt="{escape(alt)}"></div>'


def question_note(q: AnyQuestion, deck_id: str, picture: str | None = None) -> genanki.Note:
    """The Anki note for ``q``; ``picture`` is the package media name of its picture, if carried."""
    guid = genanki.guid_for(deck_id, q.id)
    tags = anki_tags(q.tags)
    if isinstance(q, ClozeQuestion):
        parts = q.parts or parse_cloze(q.text)
        n, out = 0, []
        for p in parts:
            if isinstance(p, ClozeGap):
                n += 1
                out.append("{{c%d::%s}}" % (n, _html(p.answer)))
            else:
                out.append(_html(p))
        text = (_div("prompt", q.prompt) if q.prompt else "") + _img(picture, q) + "".join(out)
        extra = _alternatives(parts) + _explanation(q)
        return genanki.Note(model=CLOZE_MODEL, fields=[text, extra], tags=tags, guid=guid)
    kind = str(q.type)
    front = _div("prompt", q.prompt or "", kind) + _img(picture, q)
    if isinstance(q, ChoiceQuestion):
        front += _list("choices", q.choices)
        back = _div("answer", q.answer)
    elif isinstance(q, MultiQuestion):
        front += _list("choices", q.choices)
        back = _list("answers", q.answers)
    elif isinstance(q, TrueFalseQuestion):
        front += '<div class="studyapp-hint">True or false?</div>'
        back = _div("answer", "True" if q.answer else "False")
    elif isinstance(q, TextQuestion):
        back = _list("answers", q.answers) if len(q.answers) > 1 else _div("answer", q.answers[0])
    elif isinstance(q, CardQuestion):
        back = _div("answer", q.answer)
    elif isinstance(q, MatchQuestion):
        front += _list("lefts", (left for left, _ in q.pairs)) + _list("options", sorted(r for _, r in q.pairs))
        back = _list("pairs", (f"{left}{PAIR_ARROW}{right}" for left, right in q.pairs))
        tags = [*tags, TYPE_TAG + kind]
    else:
        assert isinstance(q, OrderQuestion)
        front += _list("shuffled", _shuffled(q.items))
        back = _list("items", q.items, tag="ol")
        tags = [*tags, TYPE_TAG + kind]
    return genanki.Note(model=BASIC_MODEL, fields=[front, back + _explanation(q)], tags=tags, guid=guid)


def package_to_file(package: genanki.Package, path: Path, media: dict[str, bytes] | None = None) -> None:
    """What ``genanki.Package.write_to_file`` does, with its collection built in a temporary
    folder that is removed afterwards (genanki leaves its copy in the system's temporary folder).
    A failure building the collection (a full disk) is an ``OSError`` like any failed write."""
    with tempfile.TemporaryDirectory(prefix="studyapp-apkg-") as folder:
        collection = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            now = time.time()
            package.write_to_db(conn.cursor(), now, itertools.count(int(now * 1000)))
            conn.commit()
        except sqlite3.Error as exc:
            raise OSError(f"cannot build the package ({exc})") from exc
        finally:
            conn.close()
        media = media or {}
        with zipfile.ZipFile(path, "w") as out:
            out.write(collection, "collection.anki2")
            # The legacy media map: zip member "0", "1", ... holds the file named in the map.
            out.writestr("media", json.dumps({str(i): name for i, name in enumerate(media)}, ensure_ascii=False))
            for i, data in enumerate(media.values()):
                out.writestr(str(i), data)


def package_pictures(
    questions: Iterable[AnyQuestion], lost: list[tuple[AnyQuestion, str]] | None = None
) -> tuple[dict[tuple[str, str], str], dict[str, bytes]]:
    """The pictures a package carries: (question key → media name, media name → bytes).

    Each picture file is read once (bounded, as ``studyapp check`` judges it) under a safe name
    unique in the package; a picture that cannot be carried is added to ``lost`` with why.
    """
    from studyapp.bank.imagefile import read_picture
    from studyapp.interop.apkgmedia import safe_name

    names: dict[tuple[str, str], str] = {}
    files: dict[str, bytes] = {}
    by_file: dict[Path, str] = {}
    for q in questions:
        if q.image is None:
            continue
        try:
            real = q.image.file.resolve()
        except (OSError, RuntimeError):
            real = q.image.file
        if real in by_file:
            names[q.key] = by_file[real]
            continue
        data = read_picture(q.image)
        name = safe_name(q.image.path, set(files)) if not isinstance(data, str) else None
        if isinstance(data, str) or name is None:
            if lost is not None:
                lost.append((q, data if isinstance(data, str) else f"image file '{q.image.path}' has no usable name"))
            continue
        files[name] = data
        by_file[real] = names[q.key] = name
    return names, files


def write_apkg(
    questions: Iterable[AnyQuestion], deck_id: str, title: str, out: Path, policy: WritePolicy = WritePolicy(),
    lost: list[tuple[AnyQuestion, str]] | None = None,
) -> tuple[int, list[tuple[AnyQuestion, str]]]:
    """Write the package; returns (notes written, [(question, why it was left out)]).

    Questions' pictures go into the package's media and their notes' fronts (``<img>``); a
    picture that cannot go (missing, too big, not a picture) is added to ``lost`` with why, and
    its question goes without it. ``policy`` says whether an existing ``out`` may be replaced (by
    default it may not); raises ``WriteRefused`` or ``OSError``, and then ``out`` is as it was
    (``studyapp.safe_write``).
    """
    questions = list(questions)
    deck = genanki.Deck(anki_deck_id(deck_id), title)
    skipped: list[tuple[AnyQuestion, str]] = []  # every type has a form; kept for the callers' report
    pictures, media = package_pictures(questions, lost)
    for q in questions:
        deck.add_note(question_note(q, deck_id, pictures.get(q.key)))
    write_through(out, lambda tmp: package_to_file(genanki.Package(deck), tmp, media), policy)
    return len(deck.notes), skipped
