"""Turn the YAML nodes of one question file into a ``Deck``, or report what to fix.

Every field is read as the text written (see ``yamlnodes``); each problem is a
``RawProblem`` at the node to fix, with a hint where one helps. A missing field is reported
at the start of its question (line 1 for a top-level field); a duplicate at its second
occurrence, naming the line of the first. The per-type rules are ``_build_*`` below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    ClozeSyntaxError,
    Deck,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
    parse_cloze,
)
from studyapp.bank.yamlnodes import MAX_FILE_BYTES, RawProblem, Reader, at, is_plain
from studyapp.textnorm import fold_answer, fold_quote

TOP_FIELDS = ("deck", "title", "source", "questions")
COMMON_FIELDS = frozenset({"id", "type", "explanation", "quote", "tags"})
TYPE_FIELDS: dict[QuestionType, frozenset[str]] = {
    QuestionType.CHOICE: frozenset({"prompt", "choices", "answer"}),
    QuestionType.MULTI: frozenset({"prompt", "choices", "answers"}),
    QuestionType.TRUEFALSE: frozenset({"prompt", "answer"}),
    QuestionType.TEXT: frozenset({"prompt", "answer"}),
    QuestionType.CLOZE: frozenset({"prompt", "text"}),
    QuestionType.ORDER: frozenset({"prompt", "items"}),
    QuestionType.MATCH: frozenset({"prompt", "pairs"}),
    QuestionType.CARD: frozenset({"prompt", "answer"}),
}
# In the order they are reported when missing; cloze's prompt is optional.
REQUIRED: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.CHOICE: ("prompt", "choices", "answer"),
    QuestionType.MULTI: ("prompt", "choices", "answers"),
    QuestionType.TRUEFALSE: ("prompt", "answer"),
    QuestionType.TEXT: ("prompt", "answer"),
    QuestionType.CLOZE: ("text",),
    QuestionType.ORDER: ("prompt", "items"),
    QuestionType.MATCH: ("prompt", "pairs"),
    QuestionType.CARD: ("prompt", "answer"),
}
_ORDERED_FIELDS = {
    t: ("id", "type", *REQUIRED[t], *(["prompt"] if t is QuestionType.CLOZE else []), "explanation", "quote", "tags")
    for t in QuestionType
}
_BOOL_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "1", "0"})
Fields = dict[str, tuple[ScalarNode, Node]]
Build = Callable[..., AnyQuestion]
_DECK_ID_RE = re.compile(r"[a-z0-9-]+\Z")
_QUESTION_ID_RE = re.compile(r"[a-z0-9_-]+\Z")
_ALL_QUESTION_FIELDS = frozenset(COMMON_FIELDS).union(*TYPE_FIELDS.values())


@dataclass(frozen=True, slots=True)
class ValidatedFile:
    """What one file yields: its deck (``None`` when any problem was found) and the problems."""

    deck: Deck | None
    problems: tuple[RawProblem, ...]
    deck_at: tuple[int, int] = (1, 1)  # where the deck id is written, for duplicate deck ids
    source: Path | None = None  # the resolved source path, even when it is missing


def suggest(name: str, candidates: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` for a near miss, else an empty string."""
    close = _close_matches(name, sorted(candidates), cutoff=0.75)
    return f" — did you mean '{close[0]}'?" if close else ""


def _close_matches(word: str, candidates: list[str], *, cutoff: float) -> list[str]:
    import difflib  # only files with problems need it; keeps start-up imports small

    return difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)


def _field_list(names: Iterable[str], label: str) -> str:
    return f" ({label}: {', '.join(names)})"


def validate_document(root: Node, path: Path, line_count: int) -> ValidatedFile:
    """Check a composed document against the question file format (v1)."""
    r = Reader(line_count)
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "text"
        r.add(root, f"the file must be a mapping with 'deck', 'title' and 'questions', not {kind}")
        return ValidatedFile(None, r.result())
    fields = r.fields(root)
    for name, (key, _value) in fields.items():
        if name not in TOP_FIELDS:
            hint = suggest(name, TOP_FIELDS)
            if not hint and name in _ALL_QUESTION_FIELDS:
                hint = " (question fields go inside an item of 'questions')"
            elif not hint:
                hint = _field_list(TOP_FIELDS, "the fields here are")
            r.add(key, f"unknown field '{name}'{hint}")

    deck_id = r.required_text(fields, "deck", None)
    deck_at = at(fields["deck"][1]) if "deck" in fields else (1, 1)
    if deck_id is not None and not _DECK_ID_RE.match(deck_id):
        r.add(
            fields["deck"][1],
            f"deck id '{deck_id}' may only use lowercase letters, digits and hyphens (like 'belarus-west-2025')",
        )
    title = r.required_text(fields, "title", None)
    source_path, source_text = _read_source(r, fields, path)
    questions = _read_questions(r, fields, deck_id or "", source_text, source_path)
    if r.problems or deck_id is None or title is None or questions is None:
        return ValidatedFile(None, r.result(), deck_at, source_path)
    deck = Deck(id=deck_id, title=title, path=path, questions=questions, source=source_path)
    return ValidatedFile(deck, (), deck_at, source_path)


def _read_questions(
    r: Reader,
    fields: dict[str, tuple[ScalarNode, Node]],
    deck_id: str,
    source_text: str | None,
    source_path: Path | None,
) -> tuple[AnyQuestion, ...] | None:
    if "questions" not in fields or r.is_empty(fields["questions"][1]):
        r.add_missing(None, "questions")
        return None
    node = fields["questions"][1]
    if not isinstance(node, SequenceNode):
        r.add(node, "'questions' must be a list of questions ('- id: ...'), not " + r.kind(node))
        return None
    if not node.value:
        r.add(node, "'questions' is empty; add at least one question")
        return None
    questions: list[AnyQuestion] = []
    first_line: dict[str, int] = {}
    for item in node.value:
        if r.full:
            break
        if not isinstance(item, MappingNode):
            r.add(item, "each question must be a mapping of fields (id, type, prompt, ...), not " + r.kind(item))
            continue
        q = _read_question(r, item, deck_id, source_text, source_path, first_line)
        if q is not None:
            questions.append(q)
    return tuple(questions)


def _read_question(
    r: Reader,
    item: MappingNode,
    deck_id: str,
    source_text: str | None,
    source_path: Path | None,
    first_line: dict[str, int],
) -> AnyQuestion | None:
    before = len(r.problems)
    r.question_id = None
    fields = r.fields(item)
    qid = r.required_text(fields, "id", item)
    if qid is not None:
        id_node = fields["id"][1]
        if not _QUESTION_ID_RE.match(qid):
            r.add(id_node, f"id '{qid}' may only use lowercase letters, digits, '_' and '-'")
        elif qid in first_line:
            r.add(id_node, f"duplicate id '{qid}', first defined at line {first_line[qid]}")
        else:
            first_line[qid] = id_node.start_mark.line + 1
    r.question_id = qid
    qtype = _read_type(r, fields, item)
    allowed = COMMON_FIELDS | TYPE_FIELDS[qtype] if qtype else _ALL_QUESTION_FIELDS
    for name, (key, _value) in fields.items():
        if name in allowed:
            continue
        if qtype and name in _ALL_QUESTION_FIELDS:
            r.add(key, f"'{name}' is not used by type '{qtype}'{suggest(name, allowed)}")
        else:
            hint = suggest(name, allowed)
            if not hint and qtype:
                hint = _field_list(_ORDERED_FIELDS[qtype], f"fields of type '{qtype}'")
            r.add(key, f"unknown field '{name}'{hint}")
    for name in ("explanation", "quote"):
        r.optional_text(fields, name)
    tags = r.optional_text_list(fields, "tags")
    quote = r.optional_text(fields, "quote", report=False)
    if quote is not None and source_text is not None and fold_quote(quote) not in source_text:
        r.add(
            fields["quote"][1],
            f"quote of question '{qid or '?'}' is not in the source {source_path.name if source_path else ''}"
            " (compared ignoring whitespace, typographic quotes and dashes; case matters)",
        )
    if qtype is None:
        return None
    for name in REQUIRED[qtype]:
        if name not in fields or r.is_empty(fields[name][1]):
            r.add_missing(item, name)
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
    )


def _read_type(r: Reader, fields: dict[str, tuple[ScalarNode, Node]], item: MappingNode) -> QuestionType | None:
    text = r.required_text(fields, "type", item)
    if text is None:
        return None
    try:
        return QuestionType(text)
    except ValueError:
        names = [t.value for t in QuestionType]
        hint = suggest(text.lower(), names) or f" (one of: {', '.join(names)})"
        r.add(fields["type"][1], f"unknown type '{text}'{hint}")
        return None


def _read_source(r: Reader, fields: dict[str, tuple[ScalarNode, Node]], path: Path) -> tuple[Path | None, str | None]:
    """Check ``source`` and return (resolved path, folded text) — text only when it is valid."""
    written = r.optional_text(fields, "source")
    if written is None:
        return None, None
    node = fields["source"][1]
    pure = PurePosixPath(written.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"[A-Za-z]:", written):
        r.add(
            node,
            f"source must be a path relative to this file (like '../seeds/article.txt'), not the absolute path '{written}'",
        )
        return None, None
    depth = 0
    for part in pure.parts:
        depth += -1 if part == ".." else (0 if part == "." else 1)
        if depth < -1:
            r.add(node, f"source '{written}' climbs more than one folder above this file's folder (at most '../')")
            return None, None
    resolved = (path.parent / pure).resolve()
    try:
        with resolved.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        r.add(node, f"source file '{written}' does not exist (the path is relative to this file's folder)")
        return resolved, None
    except OSError as exc:
        r.add(node, f"cannot read source file '{written}': {exc.strerror or exc}")
        return resolved, None
    if len(data) > MAX_FILE_BYTES:
        r.add(node, f"source file '{written}' is larger than 1 MiB ({MAX_FILE_BYTES:,} bytes)")
        return resolved, None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        r.add(node, f"source file '{written}' is not UTF-8 text")
        return resolved, None
    if "\x00" in text:
        r.add(node, f"source file '{written}' is not text (it holds NUL bytes)")
        return resolved, None
    return resolved, fold_quote(text.removeprefix("\ufeff"))


def _present(r: Reader, fields: Fields, name: str) -> Node | None:
    """The value node of a required field, or None when missing (already reported)."""
    if name not in fields or r.is_empty(fields[name][1]):
        return None
    return fields[name][1]


def _count(r: Reader, node: Node, name: str, items: list[tuple[str, Node]], low: int, high: int, noun: str) -> bool:
    if low <= len(items) <= high:
        return True
    r.add(node, f"'{name}' needs {low} to {high} {noun}, found {len(items)}")
    return False


def _distinct(r: Reader, items: list[tuple[str, Node]], noun: str) -> bool:
    """Report items equal to an earlier one after typed-answer folding (at the later one)."""
    first: dict[str, tuple[str, Node]] = {}
    ok = True
    for text, node in items:
        folded = fold_answer(text) or text  # all punctuation: compare as written
        if folded in first:
            earlier, earlier_node = first[folded]
            line = earlier_node.start_mark.line + 1
            if earlier == text:
                r.add(node, f"duplicate {noun} '{text}', first defined at line {line}")
            else:
                r.add(
                    node,
                    f"duplicate {noun} '{text}': same as '{earlier}' at line {line} (case, accents and punctuation are ignored)",
                )
            ok = False
        else:
            first[folded] = (text, node)
    return ok


def _choices(r: Reader, fields: Fields) -> list[tuple[str, Node]] | None:
    node = _present(r, fields, "choices")
    if node is None:
        return None
    items = r.text_list("choices", node)
    if items is None:
        return None
    _count(r, node, "choices", items, 2, 8, "choices")
    _distinct(r, items, "choice")
    return items  # even when not distinct: the answer is still checked against them


def _in_choices(r: Reader, text: str, node: Node, choices: list[tuple[str, Node]]) -> bool:
    names = [c for c, _n in choices]
    if text in names:
        return True
    near = [c for c in names if fold_answer(c) == fold_answer(text)] or _close_matches(text, names, cutoff=0.6)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    r.add(node, f"answer '{text}' is not one of the choices{hint}")
    return False


def _build_choice(r: Reader, fields: Fields) -> Build | None:
    choices = _choices(r, fields)
    node = _present(r, fields, "answer")
    answer = r.text("answer", node) if node is not None else None
    if choices is None or answer is None or node is None or not _in_choices(r, answer, node, choices):
        return None
    return lambda **kw: ChoiceQuestion(
        prompt=fields["prompt"][1].value, choices=tuple(c for c, _n in choices), answer=answer, **kw
    )


def _build_multi(r: Reader, fields: Fields) -> Build | None:
    choices = _choices(r, fields)
    node = _present(r, fields, "answers")
    answers = r.text_list("answers", node) if node is not None else None
    if answers is None or node is None:
        return None
    ok = _distinct(r, answers, "answer")
    if choices is None:
        return None
    ok = all([_in_choices(r, text, n, choices) for text, n in answers]) and ok
    if not answers:
        r.add(node, "'answers' is empty; list at least one right choice")
        return None
    if not ok:
        return None
    return lambda **kw: MultiQuestion(
        prompt=fields["prompt"][1].value,
        choices=tuple(c for c, _n in choices),
        answers=tuple(a for a, _n in answers),
        **kw,
    )


def _build_truefalse(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "answer")
    if node is None:
        return None
    if node.__class__ is not ScalarNode:
        r.add(node, f"answer must be true or false, not {r.kind(node)}")
        return None
    word = node.value.lower()
    if word in ("true", "false"):
        if is_plain(node) and node.tag != "tag:yaml.org,2002:str":
            value = word == "true"
            return lambda **kw: TrueFalseQuestion(prompt=fields["prompt"][1].value, answer=value, **kw)
        undo = "the '!!str' tag before" if is_plain(node) else "the quotes around"
        r.add(node, f"answer must be an unquoted true or false; remove {undo} '{node.value}'")
    elif word in _BOOL_WORDS:
        r.add(node, f"answer must be true or false, not '{node.value}' (write true or false)")
    else:
        r.add(node, f"answer must be true or false, not {r.kind(node)}")
    return None


def _build_text(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "answer")
    if node is None:
        return None
    if node.__class__ is ScalarNode:
        answers: tuple[str, ...] = (node.value,)
    else:
        items = r.text_list("answer", node) if node.__class__ is SequenceNode else None
        if node.__class__ is MappingNode:
            r.add(node, "answer must be text or a list of accepted texts, not a mapping")
        if not items:
            if items is not None:
                r.add(node, "answer is an empty list; give at least one accepted answer")
            return None
        answers = tuple(dict.fromkeys(a for a, _n in items))
    if not all([_typeable(r, node, a) for a in answers]):
        return None
    return lambda **kw: TextQuestion(prompt=fields["prompt"][1].value, answers=answers, **kw)


def _typeable(r: Reader, node: Node, answer: str) -> bool:
    """A typed answer is compared without punctuation: one made only of it would match a blank."""
    if fold_answer(answer):
        return True
    r.add(node, f"accepted answer '{answer}' has no letters or digits, so a typed answer cannot be compared with it")
    return False


def _build_cloze(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "text")
    text = r.text("text", node) if node is not None else None
    if text is None or node is None:
        return None
    prompt = r.optional_text(fields, "prompt")
    try:
        parts = parse_cloze(text)
    except ClozeSyntaxError as exc:
        r.add(_offset_node(node, text, exc.offset), f"cloze text: {exc}")
        return None
    gaps = [a for part in parts if isinstance(part, ClozeGap) for a in part.alternatives]
    if not all([_typeable(r, node, a) for a in gaps]):
        return None
    return lambda **kw: ClozeQuestion(prompt=prompt, text=text, parts=parts, **kw)


def _offset_node(node: Node, text: str, offset: int) -> Node:
    """A stand-in node at ``offset`` inside a plain one-line scalar (else the scalar itself)."""
    if is_plain(node) and node.start_mark.line == node.end_mark.line and "\n" not in text:
        mark = node.start_mark
        shifted = type(mark)(mark.name, mark.index + offset, mark.line, mark.column + offset, None, None)  # type: ignore[arg-type]
        return ScalarNode(node.tag, "", shifted, shifted)
    return node


def _build_order(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "items")
    items = r.text_list("items", node) if node is not None else None
    if items is None or node is None:
        return None
    counted = _count(r, node, "items", items, 3, 8, "items")
    if not (_distinct(r, items, "item") and counted):
        return None
    return lambda **kw: OrderQuestion(prompt=fields["prompt"][1].value, items=tuple(i for i, _n in items), **kw)


def _build_match(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "pairs")
    if node is None:
        return None
    if not isinstance(node, MappingNode):
        r.add(node, f"'pairs' must be a mapping of left: right lines, not {r.kind(node)}")
        return None
    before = len(r.problems)
    lefts: list[tuple[str, Node]] = []
    rights: list[tuple[str, Node]] = []
    for left, right in r.fields(node, "left side").values():
        if r.is_empty(left):
            r.add(left, "a left side of 'pairs' is empty")
        right_text = r.text(f"pairs: {left.value}", right)
        if right_text is not None and r.is_empty(right):
            r.add(right, f"the right side of '{left.value}' in 'pairs' is empty")
        elif right_text is not None:
            lefts.append((left.value, left))
            rights.append((right_text, right))
    if len(r.problems) != before:
        return None
    counted = _count(r, node, "pairs", lefts, 3, 8, "pairs")
    ok = _distinct(r, lefts, "left side")
    if not (_distinct(r, rights, "match value") and ok and counted):
        return None
    pairs = tuple(zip((a for a, _n in lefts), (b for b, _n in rights), strict=True))
    return lambda **kw: MatchQuestion(prompt=fields["prompt"][1].value, pairs=pairs, **kw)


def _build_card(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "answer")
    answer = r.text("answer", node) if node is not None else None
    if answer is None:
        return None
    return lambda **kw: CardQuestion(prompt=fields["prompt"][1].value, answer=answer, **kw)


_BUILDERS = {
    QuestionType.CHOICE: _build_choice,
    QuestionType.MULTI: _build_multi,
    QuestionType.TRUEFALSE: _build_truefalse,
    QuestionType.TEXT: _build_text,
    QuestionType.CLOZE: _build_cloze,
    QuestionType.ORDER: _build_order,
    QuestionType.MATCH: _build_match,
    QuestionType.CARD: _build_card,
}


def build_question(r: Reader, qtype: QuestionType, fields: Fields) -> Build | None:
    """Check the type's own fields; return a constructor taking the common fields, or None."""
    prompt_ok = True
    if "prompt" in REQUIRED[qtype]:
        node = _present(r, fields, "prompt")
        prompt_ok = node is not None and r.text("prompt", node) is not None
    build = _BUILDERS[qtype](r, fields)
    return build if prompt_ok else None
