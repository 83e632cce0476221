"""Write question files (format v1) that the loader reads back exactly.

Every text field is written as a YAML double-quoted scalar, so ``2020``, ``NO``, ``1:20`` or
``- item`` stay text; a ``truefalse`` answer is written as a bare ``true``/``false``.
Characters YAML does not allow raw (control characters, line separators, a BOM) are escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.safe_write import WritePolicy, write_text

MAX_FILE_BYTES = 1_048_576  # the loader's limit for one question file

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _printable(ch: str) -> bool:
    """True when YAML allows ``ch`` raw inside a double-quoted scalar (and it is not a line break)."""
    o = ord(ch)
    if 0x20 <= o <= 0x7E:
        return True
    if 0xA0 <= o <= 0xD7FF:
        return o not in (0x2028, 0x2029)
    if 0xE000 <= o <= 0xFFFD:
        return o != 0xFEFF
    return 0x10000 <= o <= 0x10FFFF


def quote(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``.

    >>> quote('say "2020"')
    '"say \\\\"2020\\\\""'
    """
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02X}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(f"\\U{ord(ch):08X}")
    out.append('"')
    return "".join(out)


def _flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(quote(i) for i in items) + "]"


def _question_lines(q: AnyQuestion) -> list[str]:
    lines = [f"  - id: {quote(q.id)}", f"    type: {quote(str(q.type))}"]
    if q.prompt:
        lines.append(f"    prompt: {quote(q.prompt)}")
    if isinstance(q, ChoiceQuestion):
        lines.append(f"    choices: {_flow_list(q.choices)}")
        lines.append(f"    answer: {quote(q.answer)}")
    elif isinstance(q, MultiQuestion):
        lines.append(f"    choices: {_flow_list(q.choices)}")
        lines.append(f"    answers: {_flow_list(q.answers)}")
    elif isinstance(q, TrueFalseQuestion):
        lines.append(f"    answer: {'true' if q.answer else 'false'}")
    elif isinstance(q, TextQuestion):
        if len(q.answers) == 1:
            lines.append(f"    answer: {quote(q.answers[0])}")
        else:
            lines.append(f"    answer: {_flow_list(q.answers)}")
    elif isinstance(q, ClozeQuestion):
        lines.append(f"    text: {quote(q.text)}")
    elif isinstance(q, OrderQuestion):
        lines.append(f"    items: {_flow_list(q.items)}")
    elif isinstance(q, MatchQuestion):
        lines.append("    pairs:")
        lines.extend(f"      {quote(left)}: {quote(right)}" for left, right in q.pairs)
    elif isinstance(q, CardQuestion):
        lines.append(f"    answer: {quote(q.answer)}")
    if q.image is not None:
        lines.append(f"    image: {quote(q.image.path)}")
        if q.image.alt:
            lines.append(f"    image_alt: {quote(q.image.alt)}")
    if q.explanation:
        lines.append(f"    explanation: {quote(q.explanation)}")
    if q.quote:
        lines.append(f"    quote: {quote(q.quote)}")
    if q.tags:
        lines.append(f"    tags: {_flow_list(q.tags)}")
    return lines


def dump_deck(
    deck_id: str,
    title: str,
    questions: Iterable[AnyQuestion],
    source: str | None = None,
    header: str | None = None,
) -> str:
    """The text of a question file holding ``questions`` (``source`` relative to the file).

    ``header`` becomes leading ``#`` comment lines (for "drafted from ..." notes).
    """
    lines: list[str] = []
    if header:
        # A file name in the header may hold undecodable bytes (surrogates), which UTF-8 cannot encode.
        safe = header.encode("utf-8", "backslashreplace").decode("utf-8")
        lines.extend(f"# {h}".rstrip() for h in safe.splitlines())
    lines.append(f"deck: {quote(deck_id)}")
    lines.append(f"title: {quote(title)}")
    if source:
        lines.append(f"source: {quote(source)}")
    lines.append("questions:")
    for q in questions:
        lines.extend(_question_lines(q))
    return "\n".join(lines) + "\n"


def write_text_atomic(path: Path, text: str, policy: WritePolicy | None = None) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temporary file, so a failure leaves no half file.

    ``policy`` defaults to replacing an existing file (the caller has asked first); studyapp's
    data files are refused whatever it says (``studyapp.safe_write``).
    """
    write_text(path, text, policy or WritePolicy(replace_existing=True))
