"""Read a question file into YAML nodes with libyaml, safely, or say plainly what is wrong.

Only libyaml's parser and composer run here (``yaml._yaml.CParser``, the parser of
``yaml.CSafeLoader``): the result is a tree of ``ScalarNode``/``SequenceNode``/``MappingNode``
with 0-based marks, and nothing is ever constructed from it, so no tag can make Python objects
or run code. Our resolver tags every untagged node ``IMPLICIT_TAG``; a plain ``2020``, ``NO``
or ``2025-01-26`` therefore stays the text written, and an explicit tag (``!!int``,
``!!python/object``, ``!foo``) stays visible so it can be refused. PyYAML's pure-Python parser
is used only when PyYAML was built without libyaml.

Before parsing: size (1 MiB), UTF-8, NUL bytes. After composing: one document, tags, merge
keys, nesting depth and alias expansion budgets. Each problem is a ``RawProblem`` with
1-based line and column; the caller attaches the path. Reading the nodes' fields as text is
``fieldreader``'s part.
"""

from __future__ import annotations

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader as _YamlReader
from yaml.scanner import Scanner

from studyapp.bank.results import RawProblem
from studyapp.messages import QT_TRANSLATE_NOOP, Message

try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None  # type: ignore[assignment,misc]

MAX_FILE_BYTES = 1_048_576
MAX_DEPTH = 50
MAX_ALIAS_NODES = 10_000

IMPLICIT_TAG = "?"  # what our resolver gives every node written without a tag
STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = frozenset({IMPLICIT_TAG, STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})


class _NeverGuess:
    """A resolver that tags every untagged node ``IMPLICIT_TAG`` instead of guessing its type."""

    def resolve(self, kind: object, value: object, implicit: object) -> str:
        return IMPLICIT_TAG

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class PurePythonComposer(_YamlReader, Scanner, Parser, Composer, _NeverGuess):
    """PyYAML's own parser; used only when PyYAML was built without libyaml (10x slower)."""

    def __init__(self, stream: bytes) -> None:
        _YamlReader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)

    def dispose(self) -> None:
        pass


if CParser is not None:

    class LibyamlComposer(_NeverGuess, CParser):
        """libyaml's parser and composer (the C ``CParser``), with our resolver."""

        def __init__(self, stream: bytes) -> None:
            CParser.__init__(self, stream)

    DEFAULT_COMPOSER: type = LibyamlComposer
else:  # pragma: no cover
    DEFAULT_COMPOSER = PurePythonComposer


def is_plain(node: Node) -> bool:
    """True for a scalar written without quotes or block indicators (CParser uses '' for plain)."""
    return isinstance(node, ScalarNode) and not node.style


def at(node: Node) -> tuple[int, int]:
    """The 1-based (line, column) where a node starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def show_tag(tag: str) -> str:
    """A tag as the user wrote it (``!!python/object``, not the long form)."""
    prefix = "tag:yaml.org,2002:"
    return shorten("!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag, 60)


class _Lines:
    """Maps byte offsets and libyaml marks of one file to lines that exist in it."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.count = max(1, data.count(b"\n") + (0 if data.endswith(b"\n") else 1))

    def clamp(self, line: int, column: int) -> tuple[int, int]:
        if line > self.count:
            return self.count, 1
        return max(1, line), max(1, column)

    def at_offset(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.data)))
        line_start = self.data.rfind(b"\n", 0, offset) + 1
        line = self.data.count(b"\n", 0, offset) + 1
        column = len(self.data[line_start:offset].decode("utf-8", "replace")) + 1
        return self.clamp(line, column)


def check_bytes(data: bytes) -> RawProblem | None:
    """Refuse what libyaml should never see: oversized, non-UTF-8 or binary files."""
    lines = _Lines(data[:MAX_FILE_BYTES])
    if len(data) > MAX_FILE_BYTES:
        return RawProblem.of(1, 1, Message(QT_TRANSLATE_NOOP(
            "Core", "file is larger than 1 MiB ({limit:,} bytes); split it into several decks"), limit=MAX_FILE_BYTES))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = lines.at_offset(exc.start)
        return RawProblem.of(line, column, Message(QT_TRANSLATE_NOOP(
            "Core", "not UTF-8 text: byte 0x{byte:02x} cannot be read (save the file as UTF-8)"), byte=data[exc.start]))
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = lines.at_offset(nul)
        return RawProblem.of(line, column, Message(QT_TRANSLATE_NOOP("Core", "NUL byte in the file (is it a binary file?)")))
    return None


def compose(data: bytes, composer: type = DEFAULT_COMPOSER) -> tuple[Node | None, list[RawProblem]]:
    """Parse one YAML document into nodes, checking every safety rule.

    Returns ``(root, [])`` for a sound document, ``(None, problems)`` otherwise; an empty or
    comment-only file is the problem "file is empty". ``composer`` is libyaml's unless PyYAML
    lacks it.
    """
    bad = check_bytes(data)
    if bad is not None:
        return None, [bad]
    lines = _Lines(data)
    loader = None
    try:
        loader = composer(data)
        root = loader.get_single_node()
    except RecursionError:  # only the pure-Python composer recurses per level
        return None, [RawProblem.of(1, 1, _too_deep())]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, lines)]
    except yaml.reader.ReaderError as exc:
        line, column = lines.at_offset(exc.position)
        return None, [
            RawProblem.of(line, column, Message(QT_TRANSLATE_NOOP(
                "Core", "control character U+{code:04X} is not allowed in a question file (delete it)"), code=exc.character))
        ]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml raises the kinds above
        return None, [RawProblem(1, 1, f"cannot read YAML: {exc}")]
    finally:
        if loader is not None:
            loader.dispose()
    if root is None or (isinstance(root, ScalarNode) and root.value == "" and is_plain(root)):
        return None, [RawProblem.of(1, 1, Message(QT_TRANSLATE_NOOP("Core", "file is empty")))]
    problems = check_tree(root, lines)
    if problems:
        return None, problems
    return root, []


def _syntax_problem(exc: yaml.MarkedYAMLError, lines: _Lines) -> RawProblem:
    """Turn libyaml's error into one plain sentence at the place to fix."""
    problem = exc.problem or ""
    context = exc.context or ""
    pmark, cmark = exc.problem_mark, exc.context_mark
    where = pmark or cmark
    message: str | Message = problem or context or Message(QT_TRANSLATE_NOOP("Core", "YAML syntax error"))

    def near(mark: yaml.Mark | None) -> Message:
        if mark is None:
            return Message(QT_TRANSLATE_NOOP("Core", "the end of the file"))
        return Message(QT_TRANSLATE_NOOP("Core", "line {line}"), line=lines.clamp(mark.line + 1, 1)[0])

    def say(template: str, **args: str | int | Message) -> Message:
        return Message(template, **args)

    tabs = QT_TRANSLATE_NOOP("Core", "tab character used for indentation; indent with spaces")
    if "single document" in context:
        message = say(QT_TRANSLATE_NOOP("Core", "a file holds one document, but a second one starts here "
                                                "(remove the '---' line or split the file)"))
    elif "quoted scalar" in context and "end of stream" in problem:
        where, message = cmark, say(QT_TRANSLATE_NOOP("Core", "unclosed quoted string: the quote opened here is never closed"))
    elif "quoted scalar" in context:
        where = pmark
        if "escape" in problem or "hex" in problem:
            message = say(QT_TRANSLATE_NOOP("Core", "bad quoted string: {problem} (inside double quotes, write '\\\\' "
                                                    "for a backslash)"), problem=problem)
        else:
            message = say(QT_TRANSLATE_NOOP("Core", "bad quoted string: {problem}"), problem=problem)
    elif "flow sequence" in context:
        where, message = cmark, say(QT_TRANSLATE_NOOP(
            "Core", "unclosed '[': the list opened here has no matching ']' (or a ',' is missing before {place})"),
            place=near(pmark))
    elif "flow mapping" in context:
        where, message = cmark, say(QT_TRANSLATE_NOOP(
            "Core", "unclosed '{{': the mapping opened here has no matching '}}' (or a ',' is missing before {place})"),
            place=near(pmark))
    elif "simple key" in context:
        where, message = cmark, say(QT_TRANSLATE_NOOP(
            "Core", "could not find expected ':' after this line's field name (a line of text needs 'field: value')"))
    elif "mapping values are not allowed" in problem:
        message = say(QT_TRANSLATE_NOOP("Core", "unexpected ':' here; put text that contains ': ' in quotes, "
                                                "or check the indentation of this line"))
    elif "tab character" in problem:
        message = say(tabs)
    elif "cannot start any token" in problem:
        char = _char_at(lines.data, pmark)
        if char == "\t":
            message = say(tabs)
        else:
            message = say(QT_TRANSLATE_NOOP("Core", "a value cannot start with '{char}'; put the text in quotes"), char=char)
    elif "block mapping" in context or "block collection" in context:
        kind = (say(QT_TRANSLATE_NOOP("Core", "field name ('name: value')")) if "key" in problem
                else say(QT_TRANSLATE_NOOP("Core", "list item ('- ...')")))
        message = say(QT_TRANSLATE_NOOP("Core", "bad indentation or stray text: expected a {kind} or the end of the block "
                                                "that starts at {place}"), kind=kind, place=near(cmark))
    elif "block scalar" in context:
        message = say(QT_TRANSLATE_NOOP("Core", "after '|' or '>' only an indentation digit, '-' or '+' may follow "
                                                "on the same line"))
    elif "undefined alias" in problem:
        message = say(QT_TRANSLATE_NOOP("Core", "alias '*...' refers to an anchor '&...' that is not defined before it"))
    elif "duplicate anchor" in context:
        message = say(QT_TRANSLATE_NOOP("Core", "anchor defined twice; the first is at {place}"), place=near(cmark))
    elif "nesting depth" in problem:
        message = _too_deep()
    elif "tag handle" in problem:
        message = say(QT_TRANSLATE_NOOP("Core", "unknown tag; question files hold only text, lists and mappings"))
    elif context:
        message = (say(QT_TRANSLATE_NOOP("Core", "{problem} ({context} at {place})"), problem=problem, context=context,
                       place=near(cmark)) if cmark else f"{problem} ({context})")
    if where is None:
        return RawProblem.of(1, 1, message)
    line, column = lines.clamp(where.line + 1, where.column + 1)
    return RawProblem.of(line, column, message)


def _too_deep() -> Message:
    return Message(QT_TRANSLATE_NOOP("Core", "nested more than {depth} levels deep"), depth=MAX_DEPTH)


def _char_at(data: bytes, mark: yaml.Mark | None) -> str:
    if mark is None:
        return "?"
    text = data.decode("utf-8", "replace").splitlines()
    if mark.line < len(text) and mark.column < len(text[mark.line]):
        return text[mark.line][mark.column]
    return "?"


def check_tree(root: Node, lines: _Lines) -> list[RawProblem]:
    """Refuse explicit tags, merge keys, too deep nesting and alias bombs.

    Walks the tree once (aliases are the same node object reached again). Tag and merge-key
    problems are all collected; depth and alias budget stop the walk at once.
    """
    problems: list[RawProblem] = []
    seen: set[int] = set()
    alias_nodes = 0
    # (node, depth, the anchored node being expanded again through an alias, or None)
    stack: list[tuple[Node, int, Node | None]] = [(root, 1, None)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth, alias = pop()
        if alias is not None:
            alias_nodes += 1
            if alias_nodes > MAX_ALIAS_NODES:
                line, column = lines.clamp(*at(alias))
                return [RawProblem.of(line, column, Message(QT_TRANSLATE_NOOP(
                    "Core", "aliases expand to more than {limit:,} values (an alias bomb?); "
                            "this anchored value is repeated too often"), limit=MAX_ALIAS_NODES))]
        if node.tag not in _ALLOWED_TAGS:
            line, column = lines.clamp(*at(node))
            problems.append(
                RawProblem.of(line, column, Message(QT_TRANSLATE_NOOP(
                    "Core", "tag '{tag}' is not allowed; question files hold only text, lists and mappings"),
                    tag=show_tag(node.tag)))
            )
            continue
        if node.__class__ is ScalarNode:
            continue
        if depth > MAX_DEPTH:
            line, column = lines.clamp(*at(node))
            return [RawProblem.of(line, column, _too_deep())]
        if id(node) in seen:
            alias = alias or node
        else:
            seen.add(id(node))
        if node.__class__ is SequenceNode:
            for child in reversed(node.value):
                push((child, depth + 1, alias))
        elif node.__class__ is MappingNode:
            for key, value in reversed(node.value):
                if key.__class__ is ScalarNode and key.value == "<<" and is_plain(key):
                    line, column = lines.clamp(*at(key))
                    problems.append(
                        RawProblem.of(line, column, Message(QT_TRANSLATE_NOOP(
                            "Core", "merge key '<<' is not supported (it can hide duplicate fields); write the fields out")))
                    )
                push((value, depth + 1, alias))
                push((key, depth + 1, alias))
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def shorten(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters with '…' (for quoting user text in problems)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line_count(data: bytes) -> int:
    """How many lines the file has (at least 1): the highest line a problem may name."""
    return _Lines(data).count
