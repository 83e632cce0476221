"""Where each question sits in a question file's text, and new text with one question changed.

``QuestionFile.parse`` reads the file with the loader's own YAML reader (libyaml, marks kept)
and records, for each item of ``questions``, the span of lines it occupies: from the line of
its ``-`` to the end of the line where its last value ends. Comments and blank lines between
questions lie outside every span. An edit replaces the text of one span, inserts a span after
the last question or removes one; every other character of the file stays as it was.

The new text of one question is produced by ruamel.yaml in round-trip mode: the question's own
old text is loaded, only the fields that changed are set, and it is dumped again at the file's
indentation, so the comments, quoting and key order inside that question survive too.
``fresh=True`` dumps the fields alone (the fallback when a round trip would not read back).
"""

from __future__ import annotations

import io
from typing import NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studyapp.authoring.draft import Draft, Value, field_order, ordered
from studyapp.bank.model import QuestionType
from studyapp.messages import QT_TRANSLATE_NOOP, Message


class EditError(ValueError):
    """The file cannot be edited in place; the message says why (meant for the person).

    ``str(exc)`` is the English text (the command line's, the log's); ``wording`` the same
    marked for the window's language."""

    def __init__(self, wording: Message) -> None:
        super().__init__(str(wording))
        self.wording = wording


class Span(NamedTuple):
    """One question's lines: ``text[start:end]``; the column of its ``-`` and of its keys.

    ``epoch``: how many of its file's pending moves (``QuestionFile``) its offsets already include.
    """

    question_id: str | None
    start: int
    end: int
    dash_column: int
    key_column: int
    epoch: int = 0


class Edited(NamedTuple):
    """A file's new text and where the changed question now lies in it (empty for a delete)."""

    text: str
    start: int
    end: int


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _content_end(node: Node) -> Node:
    """The node whose end mark is where ``node``'s own text ends (a block collection's end
    mark lies at the next token, past comments and blank lines)."""
    while not isinstance(node, ScalarNode) and not getattr(node, "flow_style", False) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node


class QuestionFile:
    """A question file's text and the span of each of its questions.

    After an edit (``after``), the spans behind the edited one have moved; rather than making
    thousands of new spans, the move is noted (``_moves``: from which offset, by how much) and
    applied to a span when it is looked at.
    """

    def __init__(self, text: str, spans: list[Span], newline: str, moves: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.spans = spans
        self.newline = newline
        self._moves = moves or []
        self._index: dict[str | None, int] | None = None

    def _now(self, s: Span) -> Span:
        """``s`` with every move after its epoch applied."""
        if s.epoch == len(self._moves):
            return s
        start, end = s.start, s.end
        for at, delta in self._moves[s.epoch :]:
            if start >= at:
                start += delta
                end += delta
        return Span(s.question_id, start, end, s.dash_column, s.key_column, len(self._moves))

    def first(self) -> Span:
        """The first question's span."""
        return self._now(self.spans[0])

    def last(self) -> Span:
        """The last question's span."""
        return self._now(self.spans[-1])

    def find(self, question_id: str) -> Span | None:
        """The span of ``question_id``, None when the file has none."""
        if self._index is None:
            self._index = {}
            for i, s in enumerate(self.spans):
                self._index.setdefault(s.question_id, i)
        at = self._index.get(question_id)
        return None if at is None else self._now(self.spans[at])

    def after(self, edited: Edited, old_id: str | None, new_id: str) -> QuestionFile:
        """The file as it is once ``edited`` (a replace of ``old_id``, an add when None, a delete
        when ``edited`` is empty) is written."""
        spans = list(self.spans)
        moves = list(self._moves)
        old = self.find(old_id) if old_id is not None else None
        if old is None:  # an add: the new question after the last one
            last = self.last()
            moves.append((last.end, edited.end - edited.start))
            lead = edited.text[edited.start : edited.start + 2]  # the line end put before it, if any
            start = edited.start + (2 if lead == "\r\n" else 1 if lead.startswith("\n") else 0)
            spans.append(Span(new_id, start, edited.end, last.dash_column, last.key_column, len(moves)))
            index = self._index
            if index is not None:
                index = {**index}
                index.setdefault(new_id, len(spans) - 1)
            result = QuestionFile(edited.text, spans, self.newline, moves)
            result._index = index
            return result
        i = self._index[old_id] if self._index is not None and old_id is not None else 0
        moves.append((old.end, (edited.end - edited.start) - (old.end - old.start)))
        if edited.end == edited.start:  # a delete
            del spans[i]
            return QuestionFile(edited.text, spans, self.newline, moves)
        spans[i] = Span(new_id, edited.start, edited.end, old.dash_column, old.key_column, len(moves))
        result = QuestionFile(edited.text, spans, self.newline, moves)
        if self._index is not None and new_id == old_id:
            result._index = self._index
        return result

    @classmethod
    def parse(cls, data: bytes) -> QuestionFile:
        """Find the questions of ``data``; ``EditError`` when the file does not read as YAML
        or its questions are not a block list of mappings."""
        from studyapp.bank.yamlnodes import compose

        root, problems = compose(data)
        if root is None:
            first = problems[0] if problems else None
            where: str | Message = ""
            if first is not None:
                where = Message(QT_TRANSLATE_NOOP("Core", " (line {line}: {problem})"), line=first.line,
                                problem=first.message if first.wording is None else first.wording)
            raise EditError(Message(QT_TRANSLATE_NOOP(
                "Core", "the file cannot be read as a question file{where}; fix it in the text editor"), where=where))
        text = data.decode("utf-8")
        starts = _line_starts(text)
        newline = "\r\n" if "\r\n" in text else "\n"
        node = None
        if isinstance(root, MappingNode):
            node = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "questions"), None)
        if not isinstance(node, SequenceNode):
            raise EditError(Message(QT_TRANSLATE_NOOP(
                "Core", "the file has no list of questions ('questions:' with '- id: ...' items)")))
        if node.flow_style:
            raise EditError(Message(QT_TRANSLATE_NOOP(
                "Core", "the questions are written in [ ] form; write them as a '- ' list to edit them here")))
        spans = [cls._span(text, starts, item) for item in node.value]
        return cls(text, spans, newline)

    @staticmethod
    def _span(text: str, starts: list[int], item: Node) -> Span:
        if not isinstance(item, MappingNode):
            raise EditError(Message(QT_TRANSLATE_NOOP("Core", "line {line}: a question is not a mapping of fields"),
                                    line=item.start_mark.line + 1))
        mark = item.start_mark
        pos = starts[mark.line] + mark.column - 1
        while pos >= 0 and text[pos] in " \t\r\n":
            pos -= 1
        if pos < 0 or text[pos] != "-":
            raise EditError(Message(QT_TRANSLATE_NOOP("Core", "line {line}: cannot find the '-' of this question"),
                                    line=mark.line + 1))
        line_start = text.rfind("\n", 0, pos) + 1
        dash = pos - line_start
        key = mark.column if line_start == starts[mark.line] else dash + 2
        end_mark = _content_end(item).end_mark
        end = starts[end_mark.line] + end_mark.column if end_mark.line < len(starts) else len(text)
        end = min(end, len(text))
        if end_mark.column != 0 or end == line_start:
            newline = text.find("\n", end)
            end = len(text) if newline == -1 else newline + 1
        while end > line_start:  # blank lines a block scalar took in are not the question's
            prev = text.rfind("\n", line_start, end - 1)
            if prev == -1 or text[prev + 1 : end].strip():
                break
            end = prev + 1
        qid = None
        for k, v in item.value:
            if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode):
                qid = v.value
        return Span(qid, line_start, end, dash, key)

    def span(self, question_id: str) -> Span:
        """The span of the question ``question_id``; ``EditError`` when the file has none."""
        found = self.find(question_id)
        if found is not None:
            return found
        raise EditError(Message(QT_TRANSLATE_NOOP("Core", "the file has no question with the id '{id}'"), id=question_id))

    # -- edits -------------------------------------------------------------------------

    def replace(self, question_id: str, draft: Draft, *, fresh: bool = False) -> Edited:
        """The text with question ``question_id`` rewritten as ``draft`` (only that question changes)."""
        s = self.span(question_id)
        old = self.text[s.start : s.end]
        body = _dump(draft, s.dash_column, s.key_column, None if fresh else old)
        return self._splice(s.start, s.end, body)

    def add(self, draft: Draft) -> Edited:
        """The text with ``draft`` appended after the last question, at the same indentation."""
        if self.spans:
            last = self.last()
            dash, key, at = last.dash_column, last.key_column, last.end
        else:  # pragma: no cover - a file that loads has at least one question
            dash, key, at = 2, 4, len(self.text)
        body = _dump(draft, dash, key, None)
        if at > 0 and not self.text[:at].endswith("\n"):
            body = self.newline + body
        return self._splice(at, at, body)

    def delete(self, question_id: str) -> Edited:
        """The text without question ``question_id`` (its lines removed, nothing else)."""
        s = self.span(question_id)
        return Edited(self.text[: s.start] + self.text[s.end :], s.start, s.start)

    def _splice(self, start: int, end: int, body: str) -> Edited:
        if self.newline != "\n":
            body = body.replace("\r\n", "\n").replace("\n", self.newline)
        if end == len(self.text) and not self.text.endswith(("\n", "\r")) and body.endswith("\n"):
            body = body[: -len(self.newline)]  # the file had no line end at its end: keep it so
        return Edited(self.text[:start] + body + self.text[end:], start, start + len(body))


# -- ruamel.yaml ------------------------------------------------------------------------


def _yaml(dash: int, key: int) -> object:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=max(key, dash + 2), offset=dash)
    y.width = 100_000  # never fold a long line: the loader reads it back the same either way
    y.preserve_quotes = True
    return y


def _same(old: object, new: Value) -> bool:
    """True when ruamel's value ``old`` is exactly ``new`` (only text, lists and mappings of text count)."""
    if isinstance(new, bool):
        return type(old).__name__ in ("bool", "ScalarBoolean") and bool(old) is new
    if isinstance(new, str):
        return isinstance(old, str) and str(old) == new
    if isinstance(new, list):
        return isinstance(old, list) and len(old) == len(new) and all(_same(o, n) for o, n in zip(old, new))
    return (
        isinstance(old, dict)
        and list(old.keys()) == list(new.keys())
        and all(isinstance(k, str) and _same(old[k], new[k]) for k in old)
    )


def _node_value(new: Value, old: object) -> object:
    """``new`` as ruamel should write it: a list written ``[a, b]`` before stays in that form."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, list):
        seq = CommentedSeq(new)
        if isinstance(old, CommentedSeq) and old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(new, dict):
        return CommentedMap(new)
    return new


def _dump(draft: Draft, dash: int, key: int, old_text: str | None) -> str:
    """The text of one ``- ...`` item holding ``draft`` (round-tripped from ``old_text`` when given)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    y = _yaml(dash, key)
    wanted = ordered(draft)
    item: CommentedMap | None = None
    doc: CommentedSeq | None = None
    if old_text is not None:
        try:
            loaded = y.load(old_text)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - ruamel reads some YAML differently: write the fields fresh
            loaded = None
        if isinstance(loaded, CommentedSeq) and len(loaded) == 1 and isinstance(loaded[0], CommentedMap):
            doc, item = loaded, loaded[0]
    if item is None or doc is None:
        item = CommentedMap()
        doc = CommentedSeq([item])
    for name in [k for k in item if k not in wanted]:
        del item[name]
    try:
        order = field_order(QuestionType(str(wanted.get("type", ""))))
    except ValueError:
        order = tuple(wanted)
    rank = {n: i for i, n in enumerate((*order, *(n for n in wanted if n not in order)))}
    for name, value in wanted.items():
        if name in item:
            if not _same(item[name], value):
                item[name] = _node_value(value, item[name])
            continue
        keys = list(item.keys())
        pos = sum(1 for k in keys if rank.get(str(k), len(rank)) < rank[name])
        item.insert(pos, name, _node_value(value, None))
        if name == "tags" and isinstance(item[name], CommentedSeq):
            item[name].fa.set_flow_style()
    out = io.StringIO()
    y.dump(doc, out)  # type: ignore[attr-defined]
    text = out.getvalue()
    return text if text.endswith("\n") else text + "\n"
