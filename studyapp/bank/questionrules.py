"""The rules of each question type: which fields it has, and how they are checked and built.

``build_question`` checks the fields of one of the eight types (``choice``, ``multi``,
``truefalse``, ``text``, ``cloze``, ``order``, ``match``, ``card``) — counts, duplicates
after answer folding, answers among the choices, cloze syntax — and returns a constructor
that takes the common fields (``id``, ``tags``, ...), or ``None`` after reporting each problem
through the ``Reader``. Fields common to all types and the file's own fields are
``validate``'s part.
"""

from __future__ import annotations

from collections.abc import Callable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studyapp.bank.fieldreader import Fields, Reader, close_matches, noun_message
from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    ClozeSyntaxError,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
    parse_cloze,
)
from studyapp.bank.yamlnodes import STR_TAG, is_plain
from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.textnorm import fold_answer

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
_BOOL_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "1", "0"})
Build = Callable[..., AnyQuestion]


def _present(r: Reader, fields: Fields, name: str) -> Node | None:
    """The value node of a required field, or None when missing (already reported)."""
    if name not in fields or r.is_empty(fields[name][1]):
        return None
    return fields[name][1]


def _required_text(r: Reader, fields: Fields, name: str) -> tuple[str, Node] | None:
    """A required field's text and node; None when it is missing or not text (reported)."""
    node = _present(r, fields, name)
    text = r.text(name, node) if node is not None else None
    return None if text is None or node is None else (text, node)


def _required_list(r: Reader, fields: Fields, name: str) -> tuple[list[tuple[str, Node]], Node] | None:
    """A required field's texts (each with its node) and its node; None when missing or not a list of text."""
    node = _present(r, fields, name)
    items = r.text_list(name, node) if node is not None else None
    return None if items is None or node is None else (items, node)


def _count(r: Reader, node: Node, name: str, items: list[tuple[str, Node]], low: int, high: int, noun: str) -> bool:
    if low <= len(items) <= high:
        return True
    r.add(node, Message(QT_TRANSLATE_NOOP("Core", "'{name}' needs {low} to {high} {noun}, found {count}"),
                        name=name, low=low, high=high, noun=noun_message(noun), count=len(items)))
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
                r.add(node, Message(QT_TRANSLATE_NOOP("Core", "duplicate {noun} '{name}', first defined at line {line}"),
                                    noun=noun_message(noun), name=text, line=line))
            else:
                r.add(node, Message(QT_TRANSLATE_NOOP("Core", "duplicate {noun} '{name}': same as '{earlier}' at line {line} "
                                                              "(case, accents and punctuation are ignored)"),
                                    noun=noun_message(noun), name=text, earlier=earlier, line=line))
            ok = False
        else:
            first[folded] = (text, node)
    return ok


def _choices(r: Reader, fields: Fields) -> list[tuple[str, Node]] | None:
    found = _required_list(r, fields, "choices")
    if found is None:
        return None
    items, node = found
    _count(r, node, "choices", items, 2, 8, "choices")
    _distinct(r, items, "choice")
    return items  # even when not distinct: the answer is still checked against them


def _in_choices(r: Reader, text: str, node: Node, choices: list[tuple[str, Node]]) -> bool:
    names = [c for c, _n in choices]
    if text in names:
        return True
    near = [c for c in names if fold_answer(c) == fold_answer(text)] or close_matches(text, names, cutoff=0.6)
    hint = Message(QT_TRANSLATE_NOOP("Core", " (did you mean '{name}'?)"), name=near[0]) if near else ""
    r.add(node, Message(QT_TRANSLATE_NOOP("Core", "answer '{answer}' is not one of the choices{hint}"), answer=text, hint=hint))
    return False


def _build_choice(r: Reader, fields: Fields) -> Build | None:
    choices = _choices(r, fields)
    found = _required_text(r, fields, "answer")
    if choices is None or found is None or not _in_choices(r, *found, choices):
        return None
    answer = found[0]
    return lambda **kw: ChoiceQuestion(
        prompt=fields["prompt"][1].value, choices=tuple(c for c, _n in choices), answer=answer, **kw
    )


def _build_multi(r: Reader, fields: Fields) -> Build | None:
    choices = _choices(r, fields)
    found = _required_list(r, fields, "answers")
    if found is None:
        return None
    answers, node = found
    ok = _distinct(r, answers, "answer")
    if choices is None:
        return None
    ok = all([_in_choices(r, text, n, choices) for text, n in answers]) and ok
    if not answers:
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "'answers' is empty; list at least one right choice")))
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
        r.add(node, _not_true_or_false(r.kind(node)))
        return None
    word = node.value.lower()
    if word in ("true", "false"):
        if is_plain(node) and node.tag != STR_TAG:
            value = word == "true"
            return lambda **kw: TrueFalseQuestion(prompt=fields["prompt"][1].value, answer=value, **kw)
        if is_plain(node):
            r.add(node, Message(QT_TRANSLATE_NOOP("Core", "answer must be an unquoted true or false; "
                                                          "remove the '!!str' tag before '{value}'"), value=node.value))
        else:
            r.add(node, Message(QT_TRANSLATE_NOOP("Core", "answer must be an unquoted true or false; "
                                                          "remove the quotes around '{value}'"), value=node.value))
    elif word in _BOOL_WORDS:
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "answer must be true or false, not '{value}' (write true or false)"),
                            value=node.value))
    else:
        r.add(node, _not_true_or_false(r.kind(node)))
    return None


def _not_true_or_false(kind: Message) -> Message:
    return Message(QT_TRANSLATE_NOOP("Core", "answer must be true or false, not {kind}"), kind=kind)


def _build_text(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "answer")
    if node is None:
        return None
    if node.__class__ is ScalarNode:
        answers: tuple[str, ...] = (node.value,)
    else:
        items = r.text_list("answer", node) if node.__class__ is SequenceNode else None
        if node.__class__ is MappingNode:
            r.add(node, Message(QT_TRANSLATE_NOOP("Core", "answer must be text or a list of accepted texts, not a mapping")))
        if not items:
            if items is not None:
                r.add(node, Message(QT_TRANSLATE_NOOP("Core", "answer is an empty list; give at least one accepted answer")))
            return None
        answers = tuple(dict.fromkeys(a for a, _n in items))
    if not all([_typeable(r, node, a) for a in answers]):
        return None
    return lambda **kw: TextQuestion(prompt=fields["prompt"][1].value, answers=answers, **kw)


def _typeable(r: Reader, node: Node, answer: str) -> bool:
    """A typed answer is compared without punctuation: one made only of it would match a blank."""
    if fold_answer(answer):
        return True
    r.add(node, Message(QT_TRANSLATE_NOOP("Core", "accepted answer '{answer}' has no letters or digits, "
                                                  "so a typed answer cannot be compared with it"), answer=answer))
    return False


def _build_cloze(r: Reader, fields: Fields) -> Build | None:
    found = _required_text(r, fields, "text")
    if found is None:
        return None
    text, node = found
    prompt = r.optional_text(fields, "prompt")
    try:
        parts = parse_cloze(text)
    except ClozeSyntaxError as exc:
        r.add(_offset_node(node, text, exc.offset), Message(QT_TRANSLATE_NOOP("Core", "cloze text: {problem}"),
                                                            problem=exc.wording))
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
    found = _required_list(r, fields, "items")
    if found is None:
        return None
    items, node = found
    counted = _count(r, node, "items", items, 3, 8, "items")
    if not (_distinct(r, items, "item") and counted):
        return None
    return lambda **kw: OrderQuestion(prompt=fields["prompt"][1].value, items=tuple(i for i, _n in items), **kw)


def _build_match(r: Reader, fields: Fields) -> Build | None:
    node = _present(r, fields, "pairs")
    if node is None:
        return None
    if not isinstance(node, MappingNode):
        r.add(node, Message(QT_TRANSLATE_NOOP("Core", "'pairs' must be a mapping of left: right lines, not {kind}"),
                            kind=r.kind(node)))
        return None
    before = len(r.problems)
    lefts: list[tuple[str, Node]] = []
    rights: list[tuple[str, Node]] = []
    for left, right in r.fields(node, "left side").values():
        if r.is_empty(left):
            r.add(left, Message(QT_TRANSLATE_NOOP("Core", "a left side of 'pairs' is empty")))
        right_text = r.text(f"pairs: {left.value}", right)
        if right_text is not None and r.is_empty(right):
            r.add(right, Message(QT_TRANSLATE_NOOP("Core", "the right side of '{left}' in 'pairs' is empty"), left=left.value))
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
    found = _required_text(r, fields, "answer")
    if found is None:
        return None
    answer = found[0]
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
        prompt_ok = _required_text(r, fields, "prompt") is not None
    build = _BUILDERS[qtype](r, fields)
    return build if prompt_ok else None
