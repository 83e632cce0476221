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
from studyapp.messages import QT_TRANSLATE_NOOP, Message

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

    def add(self, node: Node | None, message: str | Message) -> None:
        """Record a problem at ``node`` (line 1 for None); quoted text over 60 characters is cut."""
        english = _LONG_QUOTED.sub(lambda m: f"'{shorten(m.group(1), 60)}'", str(message))
        line, column = at(node) if node is not None else (1, 1)
        if line > self.line_count:
            line, column = self.line_count, 1
        if len(self.problems) < MAX_PROBLEMS:
            wording = _shortened(message) if isinstance(message, Message) else None
            self.problems.append(RawProblem(line, column, english, wording))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(RawProblem.of(line, column, Message(QT_TRANSLATE_NOOP(
                "Core", "more than {count} problems; stopped checking this file"), count=MAX_PROBLEMS)))

    def add_missing(self, question: Node | None, name: str, fields: Fields | None = None) -> None:
        """A required field that is absent (at the question's start, line 1 at top level) or
        present in ``fields`` but empty (at its value, which is what to fix)."""
        where: str | Message = ""
        if question is not None and self.question_id:
            where = Message(QT_TRANSLATE_NOOP("Core", " in question '{id}'"), id=self.question_id)
        if fields is None or name not in fields:
            self.add(question, Message(QT_TRANSLATE_NOOP("Core", "missing field '{name}'{where}"), name=name, where=where))
            return
        value = fields[name][1]
        word = value.value if value.__class__ is ScalarNode and not value.style else ""
        hint: str | Message = Message(QT_TRANSLATE_NOOP("Core", " ('{word}' is YAML for no value)"), word=word) if word else ""
        self.add(value, Message(QT_TRANSLATE_NOOP("Core", "field '{name}'{where} is empty{hint}"),
                                name=name, where=where, hint=hint))

    def result(self) -> tuple[RawProblem, ...]:
        """The problems in file order; the "stopped checking" note, if any, stays last."""
        found = sorted(self.problems[:MAX_PROBLEMS], key=lambda p: (p.line, p.column))
        return (*found, *self.problems[MAX_PROBLEMS:])

    @staticmethod
    def kind(node: Node) -> Message:
        """What ``node`` is, to say it is not what a field needs: "a list", "the text 'x'"."""
        if isinstance(node, SequenceNode):
            return Message(QT_TRANSLATE_NOOP("Core", "a list"))
        if isinstance(node, MappingNode):
            return Message(QT_TRANSLATE_NOOP("Core", "a mapping"))
        return Message(QT_TRANSLATE_NOOP("Core", "the text '{text}'"), text=shorten(node.value))

    @staticmethod
    def is_empty(node: Node) -> bool:
        """Empty, ``~`` and ``null`` (unquoted) count as missing."""
        return node.__class__ is ScalarNode and (node.value == "" or (not node.style and node.value in _NULLS))

    def fields(self, mapping: MappingNode, noun: str = "field") -> Fields:
        """Key -> (key node, value node); non-text and duplicate keys are reported."""
        out: Fields = {}
        for key, value in mapping.value:
            if key.__class__ is not ScalarNode:
                self.add(key, Message(QT_TRANSLATE_NOOP("Core", "a field name must be text, not {kind}"), kind=self.kind(key))
                         if noun == "field" else
                         Message(QT_TRANSLATE_NOOP("Core", "a {noun} must be text, not {kind}"), noun=noun_message(noun),
                                 kind=self.kind(key)))
                continue
            name = key.value
            if name in out:
                self.add(key, Message(QT_TRANSLATE_NOOP("Core", "duplicate {noun} '{name}', first defined at line {line}"),
                                      noun=noun_message(noun), name=name, line=out[name][0].start_mark.line + 1))
                continue
            out[name] = (key, value)
        return out

    def text(self, name: str, node: Node) -> str | None:
        """The text of a scalar field, or a problem for a list or mapping."""
        if node.__class__ is ScalarNode:
            return node.value  # type: ignore[no-any-return]
        self.add(node, _not_text(name, self.kind(node)))
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
            self.add(node, _not_text(name, self.kind(node)))
        return None

    def text_list(self, name: str, node: Node) -> list[tuple[str, Node]] | None:
        """A list of non-empty texts, as (text, node) pairs; ``None`` after reporting a problem."""
        if node.__class__ is not SequenceNode:
            self.add(node, Message(QT_TRANSLATE_NOOP("Core", "'{name}' must be a list ('[a, b]' or '- a' lines), not {kind}"),
                                   name=name, kind=self.kind(node)))
            return None
        items: list[tuple[str, Node]] = []
        ok = True
        for i, item in enumerate(node.value, 1):
            if item.__class__ is not ScalarNode:
                self.add(item, Message(QT_TRANSLATE_NOOP("Core", "item {number} of '{name}' must be text, not {kind}"),
                                       number=i, name=name, kind=self.kind(item)))
                ok = False
            elif self.is_empty(item):
                self.add(item, Message(QT_TRANSLATE_NOOP("Core", "item {number} of '{name}' is empty"), number=i, name=name))
                ok = False
            else:
                items.append((item.value, item))
        return items if ok else None

    def optional_text_list(self, fields: Fields, name: str) -> tuple[str, ...]:
        if name not in fields or self.is_empty(fields[name][1]):
            return ()
        items = self.text_list(name, fields[name][1])
        return tuple(dict.fromkeys(text for text, _node in items)) if items else ()


def suggest(name: str, candidates: Iterable[str]) -> str | Message:
    """`` — did you mean 'x'?`` for a near miss, else an empty string."""
    close = close_matches(name, sorted(candidates), cutoff=0.75)
    return Message(QT_TRANSLATE_NOOP("Core", " — did you mean '{name}'?"), name=close[0]) if close else ""


_NOUNS = {  # what the problems count or name, for the translators
    "field": QT_TRANSLATE_NOOP("Core", "field"), "left side": QT_TRANSLATE_NOOP("Core", "left side"),
    "choice": QT_TRANSLATE_NOOP("Core", "choice"), "choices": QT_TRANSLATE_NOOP("Core", "choices"),
    "answer": QT_TRANSLATE_NOOP("Core", "answer"), "item": QT_TRANSLATE_NOOP("Core", "item"),
    "items": QT_TRANSLATE_NOOP("Core", "items"), "pairs": QT_TRANSLATE_NOOP("Core", "pairs"),
    "match value": QT_TRANSLATE_NOOP("Core", "match value"),
}


def noun_message(word: str) -> str | Message:
    """``word`` (a thing a problem names: "choice", "items") as a message the window translates."""
    return Message(_NOUNS[word]) if word in _NOUNS else word


def _not_text(name: str, kind: Message) -> Message:
    return Message(QT_TRANSLATE_NOOP("Core", "'{name}' must be text, not {kind}"), name=name, kind=kind)


def _shortened(message: Message) -> Message:
    """``message`` with its long text values cut as ``FieldReader.add`` cuts quoted text."""
    args = {k: _shortened(v) if isinstance(v, Message) else
            shorten(v, 60) if isinstance(v, str) and len(v) > 60 and "'" not in v and "\n" not in v else v
            for k, v in message.args.items()}
    return Message(message.template, **args)


def close_matches(word: str, candidates: list[str], *, cutoff: float) -> list[str]:
    """The one candidate closest to ``word`` at ``cutoff`` similarity or better, as a list (or empty)."""
    import difflib  # only files with problems need it; keeps start-up imports small

    return difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
