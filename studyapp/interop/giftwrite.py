"""Write a deck as a Moodle GIFT file.

choice, multi (``~%50%`` weights), truefalse, text (short answer), match, and cloze with one gap
(missing word) are written; order, card and cloze with several gaps have no GIFT form and are
reported. Ids become ``::titles::`` and ``[id:...]``, tags ``// [tag:...]`` comments (both read
by Moodle 3.6+), explanations the general feedback ``####``.
"""

from __future__ import annotations

from collections.abc import Iterable

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

_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})
# Moodle accepts only these answer weights; 1..8 right answers map onto them.
_WEIGHTS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5"}


def escape(text: str) -> str:
    """GIFT-escape ``text``: backslash, ``~ = # { } :`` and newlines."""
    return text.replace("\\", "\\\\").translate(_SPECIAL).replace("\n", "\\n")


def _feedback(q: AnyQuestion) -> str:
    return f" ####{escape(q.explanation)}" if q.explanation else ""


def _comment(q: AnyQuestion, extra: str = "") -> str:
    tags = " ".join("[tag:" + t.replace("]", "\\]") + "]" for t in q.tags)
    parts = [p for p in (f"[id:{q.id}]", tags, extra) if p]
    return "// " + " ".join(parts)


def question_to_gift(q: AnyQuestion) -> str | None:
    """One question in GIFT, or None when GIFT cannot express it."""
    head = f"{_comment(q)}\n::{escape(q.id)}::"
    prompt = escape(q.prompt or "")
    if isinstance(q, ChoiceQuestion):
        body = " ".join(("=" if c == q.answer else "~") + escape(c) for c in q.choices)
        return f"{head}{prompt} {{{body}{_feedback(q)}}}"
    if isinstance(q, MultiQuestion):
        right = _WEIGHTS[len(q.answers)]
        body = " ".join(f"~%{right if c in q.answers else '-100'}%{escape(c)}" for c in q.choices)
        return f"{head}{prompt} {{{body}{_feedback(q)}}}"
    if isinstance(q, TrueFalseQuestion):
        return f"{head}{prompt} {{{'TRUE' if q.answer else 'FALSE'}{_feedback(q)}}}"
    if isinstance(q, TextQuestion):
        body = " ".join("=" + escape(a) for a in q.answers)
        return f"{head}{prompt} {{{body}{_feedback(q)}}}"
    if isinstance(q, MatchQuestion):
        body = " ".join(f"={escape(a)} -> {escape(b)}" for a, b in q.pairs)
        return f"{head}{prompt} {{{body}{_feedback(q)}}}"
    if isinstance(q, ClozeQuestion):
        parts = q.parts or parse_cloze(q.text)
        gaps = [p for p in parts if isinstance(p, ClozeGap)]
        if len(gaps) != 1 or q.prompt:
            return None
        out: list[str] = []
        for p in parts:
            if isinstance(p, ClozeGap):
                out.append("{" + " ".join("=" + escape(a) for a in p.alternatives) + _feedback(q) + "}")
            else:
                out.append(escape(p))
        text = "".join(out)
        if isinstance(parts[-1], ClozeGap):
            # Moodle reads "text {=x}" as a short answer; the hint keeps it a cloze when read back here.
            head = f"{_comment(q, '[studyapp-type:cloze]')}\n::{escape(q.id)}::"
        return f"{head}{text}"
    assert isinstance(q, OrderQuestion | CardQuestion)
    return None


def _why_not(q: AnyQuestion) -> str:
    if isinstance(q, ClozeQuestion):
        if q.prompt:
            return "a cloze with an instruction (prompt) has no GIFT form"
        return "GIFT has one gap per question; this cloze has several"
    return f"GIFT has no '{q.type}' questions"


def deck_to_gift(questions: Iterable[AnyQuestion], title: str) -> tuple[str, list[tuple[AnyQuestion, str]]]:
    """(GIFT text, [(question, why it was left out)])."""
    chunks = [f"// {title}", "// Exported by studyapp"]
    skipped: list[tuple[AnyQuestion, str]] = []
    for q in questions:
        text = question_to_gift(q)
        if text is None:
            skipped.append((q, _why_not(q)))
        else:
            chunks.append(text)
    return "\n\n".join(chunks) + "\n", skipped
