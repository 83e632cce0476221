"""Turn the YAML nodes of one question file into a ``Deck``, or report what to fix.

Every field is read as the text written (see ``yamlnodes``); each problem is a
``RawProblem`` at the node to fix, with a hint where one helps. A missing field is reported
at the start of its question (line 1 for a top-level field), an empty one (``answer:``,
``answer: ""``, ``answer: null``) at its value; a duplicate at its second
occurrence, naming the line of the first. Each question type's own fields are checked by
``questionrules``; fields are read through ``fieldreader``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studyapp.bank.fieldreader import Fields, Reader, suggest
from studyapp.bank.imagepath import image_path_problem
from studyapp.bank.model import AnyQuestion, Deck, QuestionImage, QuestionType
from studyapp.bank.questionrules import REQUIRED, TYPE_FIELDS, build_question
from studyapp.bank.results import ValidatedFile, duplicate_id, quote_not_in_source
from studyapp.bank.yamlnodes import MAX_FILE_BYTES, at
from studyapp.articles.folding import FoldedText
from studyapp.articles.reading import ArticleError, ArticleFormat, format_of, read_article_file
from studyapp.messages import QT_TRANSLATE_NOOP, Message

TOP_FIELDS = ("deck", "title", "source", "questions")
COMMON_FIELDS = frozenset({"id", "type", "image", "image_alt", "explanation", "quote", "tags"})
_ORDERED_FIELDS = {
    t: ("id", "type", *REQUIRED[t], *(["prompt"] if t is QuestionType.CLOZE else []), "image", "image_alt",
        "explanation", "quote", "tags")
    for t in QuestionType
}
_DECK_ID_RE = re.compile(r"[a-z0-9-]+\Z")
_QUESTION_ID_RE = re.compile(r"[a-z0-9_-]+\Z")
_ALL_QUESTION_FIELDS = frozenset(COMMON_FIELDS).union(*TYPE_FIELDS.values())


def _field_list(names: Iterable[str], label: Message) -> Message:
    return Message(QT_TRANSLATE_NOOP("Core", " ({label}: {names})"), label=label, names=", ".join(names))


def validate_document(root: Node, path: Path, line_count: int) -> ValidatedFile:
    """Check a composed document against the question file format (v1)."""
    r = Reader(line_count)
    if not isinstance(root, MappingNode):
        kind = Message(QT_TRANSLATE_NOOP("Core", "a list") if isinstance(root, SequenceNode) else QT_TRANSLATE_NOOP("Core", "text"))
        r.add(root, Message(QT_TRANSLATE_NOOP("Core", "the file must be a mapping with 'deck', 'title' and 'questions', not {kind}"),
                            kind=kind))
        return ValidatedFile(None, r.result())
    fields = r.fields(root)
    for name, (key, _value) in fields.items():
        if name not in TOP_FIELDS:
            hint = suggest(name, TOP_FIELDS)
            if not hint and name in _ALL_QUESTION_FIELDS:
                hint = Message(QT_TRANSLATE_NOOP("Core", " (question fields go inside an item of 'questions')"))
            elif not hint:
                hint = _field_list(TOP_FIELDS, Message(QT_TRANSLATE_NOOP("Core", "the fields here are")))
            r.add(key, _unknown_field(name, hint))

    deck_id = r.required_text(fields, "deck", None)
    deck_at = at(fields["deck"][1]) if "deck" in fields else (1, 1)
    if deck_id is not None and not _DECK_ID_RE.match(deck_id):
        r.add(
            fields["deck"][1],
            Message(QT_TRANSLATE_NOOP("Core", "deck id '{id}' may only use lowercase letters, digits and hyphens "
                                              "(like 'belarus-west-2025')"), id=deck_id),
        )
    title = r.required_text(fields, "title", None)
    source_path, source_text = _read_source(r, fields, path)
    if source_text is not None and "questions" in fields:
        source_text.prepare(_written_quotes(fields["questions"][1]))
    questions = _read_questions(r, fields, deck_id or "", source_text, source_path, path.parent)
    if r.problems or deck_id is None or title is None or questions is None:
        return ValidatedFile(None, r.result(), deck_at, source_path)
    deck = Deck(id=deck_id, title=title, path=path, questions=questions, source=source_path)
    return ValidatedFile(deck, (), deck_at, source_path)


def _read_questions(
    r: Reader,
    fields: Fields,
    deck_id: str,
    source_text: FoldedText | None,
    source_path: Path | None,
    folder: Path,
) -> tuple[AnyQuestion, ...] | None:
    if "questions" not in fields or r.is_empty(fields["questions"][1]):
        r.add_missing(None, "questions", fields)
        return None
    node = fields["questions"][1]
    if not isinstance(node, SequenceNode):
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "'questions' must be a list of questions ('- id: ...'), not {kind}"),
                            kind=r.kind(node)))
        return None
    if not node.value:
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "'questions' is empty; add at least one question")))
        return None
    questions: list[AnyQuestion] = []
    first_line: dict[str, int] = {}
    for item in node.value:
        if r.full:
            break
        if not isinstance(item, MappingNode):
            r.add(item, Message(QT_TRANSLATE_NOOP(
                "Core", "each question must be a mapping of fields (id, type, prompt, ...), not {kind}"), kind=r.kind(item)))
            continue
        q = _read_question(r, item, deck_id, source_text, source_path, first_line, folder)
        if q is not None:
            questions.append(q)
    return tuple(questions)


def _read_question(
    r: Reader,
    item: MappingNode,
    deck_id: str,
    source_text: FoldedText | None,
    source_path: Path | None,
    first_line: dict[str, int],
    folder: Path,
) -> AnyQuestion | None:
    before = len(r.problems)
    r.question_id = None
    fields = r.fields(item)
    qid = r.required_text(fields, "id", item)
    if qid is not None:
        id_node = fields["id"][1]
        if not _QUESTION_ID_RE.match(qid):
            r.add(id_node, Message(QT_TRANSLATE_NOOP("Core", "id '{id}' may only use lowercase letters, digits, '_' and '-'"),
                                   id=qid))
        elif qid in first_line:
            r.add(id_node, duplicate_id(qid, first_line[qid]))
        else:
            first_line[qid] = id_node.start_mark.line + 1
    r.question_id = qid
    qtype = _read_type(r, fields, item)
    allowed = COMMON_FIELDS | TYPE_FIELDS[qtype] if qtype else _ALL_QUESTION_FIELDS
    for name, (key, _value) in fields.items():
        if name in allowed:
            continue
        if qtype and name in _ALL_QUESTION_FIELDS:
            r.add(key, Message(QT_TRANSLATE_NOOP("Core", "'{name}' is not used by type '{type}'{hint}"),
                               name=name, type=qtype, hint=suggest(name, allowed)))
        else:
            hint = suggest(name, allowed)
            if not hint and qtype:
                hint = _field_list(_ORDERED_FIELDS[qtype],
                                   Message(QT_TRANSLATE_NOOP("Core", "fields of type '{type}'"), type=qtype))
            r.add(key, _unknown_field(name, hint))
    for name in ("explanation", "quote"):
        r.optional_text(fields, name)
    tags = r.optional_text_list(fields, "tags")
    image = _read_image(r, fields, folder)
    quote = r.optional_text(fields, "quote", report=False)
    if quote is not None and source_text is not None and not source_text.contains(quote):
        r.add(
            fields["quote"][1],
            quote_not_in_source(qid or "?", source_path.name if source_path else ""),
        )
    if qtype is None:
        return None
    for name in REQUIRED[qtype]:
        if name not in fields or r.is_empty(fields[name][1]):
            r.add_missing(item, name, fields)
    payload = build_question(r, qtype, fields)
    if payload is None or len(r.problems) != before or qid is None:
        return None
    return payload(
        deck=deck_id,
        id=qid,
        explanation=r.optional_text(fields, "explanation", report=False),
        quote=quote,
        tags=tags,
        line=item.start_mark.line + 1,
        image=image,
    )


def _read_image(r: Reader, fields: Fields, folder: Path) -> QuestionImage | None:
    """Check how ``image`` and ``image_alt`` are written (the file itself is ``imagefile``'s part:
    ``studyapp check`` and the editor look at it; loading never opens it)."""
    written = r.optional_text(fields, "image")
    alt = r.optional_text(fields, "image_alt")
    if written is None:
        if alt is not None:
            r.add(fields["image_alt"][0], Message(QT_TRANSLATE_NOOP(
                "Core", "'image_alt' describes the picture named by 'image'; add 'image' or remove it")))
        return None
    node = fields["image"][1]
    problem = image_path_problem(written)
    if problem is not None:
        r.add(node, problem)
        return None
    line, column = at(node)
    return QuestionImage(path=written, alt=alt, folder=folder, line=line, column=column)


def _read_type(r: Reader, fields: Fields, item: MappingNode) -> QuestionType | None:
    text = r.required_text(fields, "type", item)
    if text is None:
        return None
    try:
        return QuestionType(text)
    except ValueError:
        names = [t.value for t in QuestionType]
        hint = suggest(text.lower(), names) or Message(QT_TRANSLATE_NOOP("Core", " (one of: {names})"), names=", ".join(names))
        r.add(fields["type"][1], Message(QT_TRANSLATE_NOOP("Core", "unknown type '{type}'{hint}"), type=text, hint=hint))
        return None


def _written_quotes(questions: Node) -> list[str]:
    """The ``quote`` scalars of ``questions`` as written, to look them all up in one pass."""
    items = questions.value if isinstance(questions, SequenceNode) else []
    return [
        value.value
        for item in items
        if isinstance(item, MappingNode)
        for key, value in item.value
        if key.value == "quote" and isinstance(value, ScalarNode)
    ]


def _read_source(r: Reader, fields: Fields, path: Path) -> tuple[Path | None, FoldedText | None]:
    """Check ``source`` and return (resolved path, folded article) — the article only when it is valid."""
    written = r.optional_text(fields, "source")
    if written is None:
        return None, None
    node = fields["source"][1]
    if "\0" in written:  # no file name holds one (the path functions raise on it)
        r.add(node, "source must be a file name; it holds a NUL character (\\0)")
        return None, None
    pure = PurePosixPath(written.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"[A-Za-z]:", written):
        r.add(
            node,
            Message(QT_TRANSLATE_NOOP("Core", "source must be a path relative to this file (like '../seeds/article.txt'), "
                                              "not the absolute path '{path}'"), path=written),
        )
        return None, None
    depth = 0
    for part in pure.parts:
        depth += -1 if part == ".." else (0 if part == "." else 1)
        if depth < -1:
            r.add(node, Message(QT_TRANSLATE_NOOP(
                "Core", "source '{path}' climbs more than one folder above this file's folder (at most '../')"), path=written))
            return None, None
    resolved = (path.parent / pure).resolve()
    if format_of(resolved) is not ArticleFormat.TEXT:
        # Markdown, a web page, a PDF: quotes are checked against the text read from it.
        try:
            return resolved, read_article_file(resolved).folded
        except ArticleError as exc:
            r.add(node, f"source file '{written}' {exc}")
            return resolved, None
    try:
        with resolved.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        r.add(node, Message(QT_TRANSLATE_NOOP(
            "Core", "source file '{path}' does not exist (the path is relative to this file's folder)"), path=written))
        return resolved, None
    except OSError as exc:
        r.add(node, f"cannot read source file '{written}': {exc.strerror or exc}")
        return resolved, None
    if len(data) > MAX_FILE_BYTES:
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "source file '{path}' is larger than 1 MiB ({limit:,} bytes)"),
                            path=written, limit=MAX_FILE_BYTES))
        return resolved, None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "source file '{path}' is not UTF-8 text"), path=written))
        return resolved, None
    if "\x00" in text:
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "source file '{path}' is not text (it holds NUL bytes)"), path=written))
        return resolved, None
    return resolved, FoldedText(text.removeprefix("\ufeff"))


def _unknown_field(name: str, hint: str | Message) -> Message:
    return Message(QT_TRANSLATE_NOOP("Core", "unknown field '{name}'{hint}"), name=name, hint=hint)
