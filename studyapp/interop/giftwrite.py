"""Write a deck as a Moodle GIFT file.

Every type has a form. choice, multi (``~%50%`` weights), truefalse, text (short answer) and
match are GIFT's own; order becomes a matching of items to their positions (``=item -> 1``);
card becomes an essay question whose general feedback holds the answer (Moodle shows it after
the answer is submitted), then the explanation; a cloze with one gap and no instruction is a
missing-word question. GIFT has one gap per question, so a cloze with several gaps (or with an
instruction, its ``prompt``, which then opens the question text) becomes one missing-word
question per gap, the other gaps filled in. Ids become ``::titles::`` and ``[id:...]``, tags
``// [tag:...]`` comments (both read by Moodle 3.6+), explanations the general feedback
``####``. ``[studyapp-type:...]`` and ``[studyapp-gap:k/n]`` comments, which Moodle ignores,
let studyapp's import restore each question as it was (``studyapp.interop.giftparts``).
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


def _comment(q: AnyQuestion, *extra: str) -> str:
    tags = " ".join("[tag:" + t.replace("]", "\\]") + "]" for t in q.tags)
    parts = [p for p in (f"[id:{q.id}]", tags, *extra) if p]
    return "// " + " ".join(parts)


def _cloze_parts(q: ClozeQuestion) -> list[str]:
    """One missing-word question per gap (the other gaps filled in with their first answer)."""
    parts = q.parts or parse_cloze(q.text)
    gaps = [p for p in parts if isinstance(p, ClozeGap)]
    lead = escape(q.prompt) + "\\n" if q.prompt else ""
    out: list[str] = []
    for k, gap in enumerate(gaps, start=1):
        text: list[str] = []
        for p in parts:
            if p is gap:
                text.append("{" + " ".join("=" + escape(a) for a in p.alternatives) + _feedback(q) + "}")
            else:
                text.append(escape(p if isinstance(p, str) else p.answer))
        hint = f"[studyapp-gap:{k}/{len(gaps)}]" + (" [studyapp-prompt]" if q.prompt else "")
        out.append(f"{_comment(q, hint)}\n::{escape(q.id)}::{lead}{''.join(text)}")
    return out


def question_to_gift(q: AnyQuestion) -> str | None:
    """One question in GIFT (one block per gap for a cloze with several), or None when it cannot go."""
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
        if _why_not(q):
            return None
        body = " ".join(f"={escape(a)} -> {escape(b)}" for a, b in q.pairs)
        return f"{head}{prompt} {{{body}{_feedback(q)}}}"
    if isinstance(q, OrderQuestion):
        if _why_not(q):
            return None
        body = " ".join(f"={escape(item)} -> {n}" for n, item in enumerate(q.items, start=1))
        return f"{_comment(q, '[studyapp-type:order]')}\n::{escape(q.id)}::{prompt} {{{body}{_feedback(q)}}}"
    if isinstance(q, CardQuestion):
        if _why_not(q):
            return None
        general = escape(q.answer) + ("\\n\\n" + escape(q.explanation) if q.explanation else "")
        return f"{_comment(q, '[studyapp-type:card]')}\n::{escape(q.id)}::{prompt} {{####{general}}}"
    assert isinstance(q, ClozeQuestion)
    parts = q.parts or parse_cloze(q.text)
    gaps = [p for p in parts if isinstance(p, ClozeGap)]
    if _why_not(q):
        return None
    if len(gaps) > 1 or q.prompt:
        return "\n\n".join(_cloze_parts(q))
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


def _why_not(q: AnyQuestion) -> str:
    """Why ``q`` cannot be written, or "" when it can."""
    if isinstance(q, MatchQuestion) and any("->" in left for left, _ in q.pairs):
        return "a left side holds '->', which GIFT cannot escape in a matching question"
    if isinstance(q, OrderQuestion) and any("->" in item for item in q.items):
        return "an item holds '->', which GIFT cannot escape in a matching question"
    if isinstance(q, CardQuestion) and q.explanation and "\n\n" in q.answer:
        return "its answer has a blank line, which GIFT's feedback cannot keep apart from the explanation"
    if isinstance(q, ClozeQuestion) and q.prompt and "\n" in q.prompt:
        return "its instruction (prompt) has several lines; GIFT can carry only one line above the text"
    return ""


def deck_to_gift(questions: Iterable[AnyQuestion], title: str) -> tuple[str, list[tuple[AnyQuestion, str]]]:
    """(GIFT text, [(question, why it was left out)]); the text holds no question when none converts."""
    chunks = [f"// {title}", "// Exported by studyapp"]
    skipped: list[tuple[AnyQuestion, str]] = []
    for q in questions:
        text = question_to_gift(q)
        if text is None:
            skipped.append((q, _why_not(q)))
        else:
            chunks.append(text)
    return "\n\n".join(chunks) + "\n", skipped
