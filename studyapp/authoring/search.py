"""The browser's search language: text → node tree (``parse``), and back (``write``).

Modelled on Anki's search (``rslib/src/search/parser.rs``)::

    dog cat              both words (AND), anywhere in the question's texts
    "the cat sat"        the exact phrase
    -dog                 not dog (also -"a phrase", -deck:x, -(a or b))
    dog or cat           either
    (dog or cat) -bird   parentheses group
    deck:history         deck id (``*`` matches any run of characters: deck:hist*)
    tag:people           a tag of the question (``*`` too)
    type:cloze           one of the eight question types
    is:new is:due is:suspended is:weak

Words and phrases are folded the way typed answers are graded (``textnorm.fold_answer``:
case, accents, punctuation), so ``lukasenka`` finds ``Łukašenka``. A word ``name:value``
whose name is letters only is a field search; any other colon is part of the word
(``12:30``), and a quoted ``"foo:bar"`` is text. A wrong query raises ``SearchError`` with
the span of the fault; ``parse`` raises nothing else, whatever the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from studyapp.bank.model import QuestionType
from studyapp.textnorm import fold_answer

#: Deeper nesting is refused (a parser without a limit would hit Python's recursion limit).
MAX_DEPTH = 40


class SearchError(ValueError):
    """A query that cannot be read: ``message``, and where in the text (``start``, ``end``).

    ``message`` is ``template`` filled with ``values`` (the window writes the template in its
    own language)."""

    def __init__(self, template: str, start: int, end: int, **values: str) -> None:
        message = template.format(**values)
        super().__init__(message)
        self.message = message
        self.template = template
        self.values = values
        self.start = start
        self.end = max(end, start)

    def __str__(self) -> str:
        return self.message


class FieldKind(StrEnum):
    """The fields a ``name:value`` word may search."""

    DECK = "deck"
    TAG = "tag"
    TYPE = "type"


class CardFlag(StrEnum):
    """What ``is:`` tests (see ``search_index`` for what each means)."""

    NEW = "new"
    DUE = "due"
    SUSPENDED = "suspended"
    WEAK = "weak"


@dataclass(frozen=True, slots=True)
class MatchAll:
    """The empty query: every question."""


@dataclass(frozen=True, slots=True)
class Text:
    """A word or (``phrase``) a quoted phrase; ``folded`` is what is looked for (either way
    within one field: ``phrase`` only records how it was typed, and is left out of ``==``)."""

    text: str
    folded: str
    phrase: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class Field:
    """``deck:``, ``tag:`` or ``type:`` with its value (case folded; ``*`` a wildcard)."""

    kind: FieldKind
    value: str


@dataclass(frozen=True, slots=True)
class Is:
    """``is:new`` and the like."""

    flag: CardFlag


@dataclass(frozen=True, slots=True)
class Not:
    """``-x``: questions ``x`` does not match."""

    child: Node


@dataclass(frozen=True, slots=True)
class And:
    """Every child matches."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one child matches."""

    children: tuple[Node, ...]


Node = MatchAll | Text | Field | Is | Not | And | Or


class _Kind(StrEnum):
    OPEN = "("
    CLOSE = ")"
    NOT = "-"
    WORD = "word"
    OR = "or"
    AND = "and"


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _Kind
    start: int
    end: int
    raw: str = ""  # a word as typed (quotes included)
    value: str = ""  # a word with its quotes removed
    quoted: bool = False  # the whole word is one quoted phrase


_FIELD_RE = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)


def _read_quoted(text: str, i: int) -> tuple[str, int]:
    """The quoted text opening at ``text[i] == '"'`` (``\\"`` is a quote inside) and the index after it."""
    out: list[str] = []
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\" and j + 1 < len(text) and text[j + 1] in '"\\':
            out.append(text[j + 1])
            j += 2
            continue
        if ch == '"':
            return "".join(out), j + 1
        out.append(ch)
        j += 1
    raise SearchError('a quote (") is not closed', i, len(text))


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(_Kind(ch), i, i + 1))
            i += 1
        elif ch == "-":
            if i + 1 >= n or text[i + 1].isspace() or text[i + 1] == ")":
                raise SearchError("'-' needs something right after it to leave out, like -word", i, i + 1)
            tokens.append(_Token(_Kind.NOT, i, i + 1))
            i += 1
        else:
            start, parts, pieces = i, [], 0
            while i < n and not text[i].isspace() and text[i] not in "()":
                pieces += 1
                if text[i] == '"':
                    inner, i = _read_quoted(text, i)
                    parts.append(inner)
                else:
                    parts.append(text[i])
                    i += 1
            only_quoted = pieces == 1 and ch == '"'
            raw = text[start:i]
            if only_quoted and not "".join(parts).strip():
                raise SearchError("nothing inside the quotes", start, i)
            lowered = raw.lower()
            kind = _Kind.OR if lowered == "or" else _Kind.AND if lowered == "and" else _Kind.WORD
            tokens.append(_Token(kind, start, i, raw, "".join(parts), only_quoted))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.pos = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> Node:
        if not self.tokens:
            return MatchAll()
        node = self.or_expr(0)
        tok = self.peek()
        if tok is not None:  # only a ')' stops or_expr early
            raise SearchError("')' without an opening '('", tok.start, tok.end)
        return node

    def or_expr(self, depth: int) -> Node:
        children = [self.and_expr(depth)]
        while (tok := self.peek()) is not None and tok.kind is _Kind.OR:
            self.pos += 1
            if self.peek() is None or self.peek().kind in (_Kind.CLOSE, _Kind.OR):  # type: ignore[union-attr]
                raise SearchError("'or' needs something after it", tok.start, tok.end)
            children.append(self.and_expr(depth))
        return children[0] if len(children) == 1 else Or(_flat(children, Or))

    def and_expr(self, depth: int) -> Node:
        children: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind not in (_Kind.CLOSE, _Kind.OR):
            if tok.kind is _Kind.AND:
                self.pos += 1
                if not children or self.peek() is None or self.peek().kind in (_Kind.CLOSE, _Kind.OR, _Kind.AND):  # type: ignore[union-attr]
                    raise SearchError("'and' needs something on both sides", tok.start, tok.end)
                continue
            children.append(self.unary(depth))
        if not children:
            tok = self.peek() or self.tokens[self.pos - 1]
            if tok.kind is _Kind.CLOSE:
                raise SearchError("')' without an opening '('", tok.start, tok.end)
            if tok.kind is _Kind.OPEN:
                raise SearchError("'(' is not closed with ')'", tok.start, tok.end)
            raise SearchError("'{word}' needs something before it", tok.start, tok.end, word=tok.raw)
        return children[0] if len(children) == 1 else And(_flat(children, And))

    def unary(self, depth: int) -> Node:
        negations = 0
        while (tok := self.peek()) is not None and tok.kind is _Kind.NOT:
            negations += 1
            self.pos += 1
        node = self.atom(depth)
        return Not(node) if negations % 2 else node

    def atom(self, depth: int) -> Node:
        tok = self.peek()
        if tok is None:
            raise SearchError("the search ends too early", len(self.text), len(self.text))
        self.pos += 1
        if tok.kind is _Kind.OPEN:
            if depth >= MAX_DEPTH:
                raise SearchError("more than {depth} nested parentheses", tok.start, tok.end, depth=str(MAX_DEPTH))
            if (nxt := self.peek()) is not None and nxt.kind is _Kind.CLOSE:
                raise SearchError("nothing to search for inside '()'", tok.start, nxt.end)
            node = self.or_expr(depth + 1)
            close = self.peek()
            if close is None or close.kind is not _Kind.CLOSE:
                raise SearchError("'(' is not closed with ')'", tok.start, tok.end)
            self.pos += 1
            return node
        if tok.kind is _Kind.WORD:
            return _word(tok)
        raise SearchError("'{word}' cannot stand here", tok.start, tok.end, word=tok.raw or tok.kind.value)


def _flat(children: list[Node], kind: type[And] | type[Or]) -> tuple[Node, ...]:
    """``a (b c)`` is ``a b c``, ``a or (b or c)`` is ``a or b or c``: one normal form."""
    out: list[Node] = []
    for child in children:
        out.extend(child.children if isinstance(child, kind) else (child,))
    return tuple(out)


def _word(tok: _Token) -> Node:
    match = None if tok.quoted else _FIELD_RE.fullmatch(tok.raw)
    if match is None:
        return Text(tok.value, fold_answer(tok.value), phrase=tok.quoted or " " in tok.value.strip())
    name = match.group(1).lower()
    value = tok.value[len(match.group(1)) + 1:].strip()
    value_start = tok.start + len(match.group(1)) + 1
    if name == "is":
        try:
            return Is(CardFlag(value.lower()))
        except ValueError:
            flags = ", ".join(f"is:{f.value}" for f in CardFlag)
            raise SearchError("unknown 'is:{value}' (use {flags})", tok.start, tok.end, value=value, flags=flags) from None
    try:
        kind = FieldKind(name)
    except ValueError:
        fields = ", ".join(f"{f.value}:" for f in FieldKind)
        raise SearchError("unknown field '{name}:' (use {fields} or is:, or put \"{word}\" in quotes)",
                          tok.start, value_start, name=match.group(1), fields=fields, word=tok.raw) from None
    if not value:
        raise SearchError("'{name}:' needs a value, like {name}:{example}", tok.start, tok.end,
                          name=name, example=_EXAMPLES[kind])
    if kind is FieldKind.TYPE:
        try:
            return Field(kind, QuestionType(value.lower()).value)
        except ValueError:
            types = ", ".join(t.value for t in QuestionType)
            raise SearchError("unknown type '{value}' (use {types})", value_start, tok.end, value=value, types=types) from None
    return Field(kind, value.casefold())


_EXAMPLES = {FieldKind.DECK: "history", FieldKind.TAG: "people", FieldKind.TYPE: "cloze"}


def parse(text: str) -> Node:
    """The query ``text`` as a node tree; raises ``SearchError`` (with its span) and nothing else."""
    return _Parser(text).parse()


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(node: Node) -> str:
    """A node tree as normalised query text (``parse(write(n)) == n``)."""
    if isinstance(node, MatchAll):
        return ""
    if isinstance(node, Text):
        plain = node.text and not node.phrase and re.fullmatch(r"[^\s()\"\\-][^\s()\"\\]*", node.text)
        if plain and node.text.lower() not in ("or", "and") and not _FIELD_RE.fullmatch(node.text):
            return node.text
        return _quote(node.text)
    if isinstance(node, Field):
        return f"{node.kind.value}:{_quote(node.value) if _needs_quotes(node.value) else node.value}"
    if isinstance(node, Is):
        return f"is:{node.flag.value}"
    if isinstance(node, Not):
        inner = write(node.child)
        return f"-({inner})" if isinstance(node.child, (And, Or)) else f"-{inner}"
    if isinstance(node, And):
        return " ".join(f"({write(c)})" if isinstance(c, Or) else write(c) for c in node.children)
    return " or ".join(f"({write(c)})" if isinstance(c, (And, Or)) else write(c) for c in node.children)


def _needs_quotes(value: str) -> bool:
    return any(ch.isspace() or ch in '()"\\' for ch in value) or value != value.strip()
