"""Read the fields of a question file's YAML nodes as text, collecting problems for the validator.

``Reader`` reads mapping fields as text or lists of text and records each problem as a
``RawProblem`` at the node to fix (at most ``MAX_PROBLEMS`` per file); ``suggest`` adds a
"did you mean" hint for a near miss. Shared by ``validate`` (the file and its questions) and
``questionrules`` (each type's own fields).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studyapp.bank.results import RawProblem
from studyapp.bank.yamlnodes import at, shorten

Fields = dict[str, tuple[ScalarNode, Node]]  # field name -> (key node, value node)

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_LONG_QUOTED = re.compile(r"'([^'\n]{61,})'")
MAX_PROBLEMS = 100


class Reader:
    """Reads fields of mapping nodes as text or lists of text, collecting problems.

    ``question_id`` names the question being read in "missing field" messages.
    """

    def __init__(self, line_count: int) -> None:
        self.line_count = line_count
        self.problems: list[RawProblem] = []
        self.question_id: str | None = None

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS

    def add(self, node: Node | None, message: str) -> None:
        """Record a problem at ``node`` (line 1 for None); quoted text over 60 characters is cut."""
        message = _LONG_QUOTED.sub(lambda m: f"'{shorten(m.group(1), 60)}'", message)
        line, column = at(node) if node is not None else (1, 1)
        if line > self.line_count:
            line, column = self.line_count, 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(RawProblem(line, column, message))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(
                RawProblem(line, column, f"more than {MAX_PROBLEMS} problems; stopped checking this file")
            )

    def add_missing(self, question: Node | None, name: str, fields: Fields | None = None) -> None:
        """A required field that is absent (at the question's start, line 1 at top level) or
        present in ``fields`` but empty (at its value, which is what to fix)."""
        where = f" in question '{self.question_id}'" if question is not None and self.question_id else ""
        if fields is None or name not in fields:
            self.add(question, f"missing field '{name}'{where}")
            return
        value = fields[name][1]
        word = value.value if value.__class__ is ScalarNode and not value.style else ""
        hint = f" ('{word}' is YAML for no value)" if word else ""
        self.add(value, f"field '{name}'{where} is empty{hint}")

    def result(self) -> tuple[RawProblem, ...]:
        """The problems in file order; the "stopped checking" note, if any, stays last."""
        found = sorted(self.problems[:MAX_PROBLEMS], key=lambda p: (p.line, p.column))
        return (*found, *self.problems[MAX_PROBLEMS:])

    @staticmethod
    def kind(node: Node) -> str:
        if isinstance(node, SequenceNode):
            return "a list"
        if isinstance(node, MappingNode):
            return "a mapping"
        return f"the text '{shorten(node.value)}'"

    @staticmethod
    def is_empty(node: Node) -> bool:
        """Empty, ``~`` and ``null`` (unquoted) count as missing."""
        return node.__class__ is ScalarNode and (node.value == "" or (not node.style and node.value in _NULLS))

    def fields(self, mapping: MappingNode, noun: str = "field") -> Fields:
        """Key -> (key node, value node); non-text and duplicate keys are reported."""
        out: Fields = {}
        for key, value in mapping.value:
            if key.__class__ is not ScalarNode:
                self.add(key, f"a {noun}{' name' if noun == 'field' else ''} must be text, not {self.kind(key)}")
                continue
            name = key.value
            if name in out:
                self.add(key, f"duplicate {noun} '{name}', first defined at line {out[name][0].start_mark.line + 1}")
                continue
            out[name] = (key, value)
        return out

    def text(self, name: str, node: Node) -> str | None:
        """The text of a scalar field, or a problem for a list or mapping."""
        if node.__class__ is ScalarNode:
            return node.value  # type: ignore[no-any-return]
        self.add(node, f"'{name}' must be text, not {self.kind(node)}")
        return None

    def required_text(self, fields: Fields, name: str, question: Node | None) -> str | None:
        if name not in fields or self.is_empty(fields[name][1]):
            self.add_missing(question, name, fields)
            return None
        return self.text(name, fields[name][1])

    def optional_text(
        self, fields: Fields, name: str, *, report: bool = True
    ) -> str | None:
        if name not in fields or self.is_empty(fields[name][1]):
            return None
        node = fields[name][1]
        if node.__class__ is ScalarNode:
            return node.value  # type: ignore[no-any-return]
        if report:
            self.add(node, f"'{name}' must be text, not {self.kind(node)}")
        return None

    def text_list(self, name: str, node: Node) -> list[tuple[str, Node]] | None:
        """A list of non-empty texts, as (text, node) pairs; ``None`` after reporting a problem."""
        if node.__class__ is not SequenceNode:
            self.add(node, f"'{name}' must be a list ('[a, b]' or '- a' lines), not {self.kind(node)}")
            return None
        items: list[tuple[str, Node]] = []
        ok = True
        for i, item in enumerate(node.value, 1):
            if item.__class__ is not ScalarNode:
                self.add(item, f"item {i} of '{name}' must be text, not {self.kind(item)}")
                ok = False
            elif self.is_empty(item):
                self.add(item, f"item {i} of '{name}' is empty")
                ok = False
            else:
                items.append((item.value, item))
        return items if ok else None

    def optional_text_list(self, fields: Fields, name: str) -> tuple[str, ...]:
        if name not in fields or self.is_empty(fields[name][1]):
            return ()
        items = self.text_list(name, fields[name][1])
        return tuple(dict.fromkeys(text for text, _node in items)) if items else ()


def suggest(name: str, candidates: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` for a near miss, else an empty string."""
    close = close_matches(name, sorted(candidates), cutoff=0.75)
    return f" — did you mean '{close[0]}'?" if close else ""


def close_matches(word: str, candidates: list[str], *, cutoff: float) -> list[str]:
    """The one candidate closest to ``word`` at ``cutoff`` similarity or better, as a list (or empty)."""
    import difflib  # only files with problems need it; keeps start-up imports small

    return difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
