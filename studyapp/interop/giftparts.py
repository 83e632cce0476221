"""Put back what ``giftwrite`` spread over GIFT's simpler forms, when studyapp reads the file again.

A cloze with several gaps (or with an instruction) went out as one missing-word question per gap,
marked ``[studyapp-gap:k/n]`` (and ``[studyapp-prompt]`` when the question text opens with the
instruction); :class:`ClozeParts` collects the n parts and rebuilds the one cloze. An order went
out as a matching of items to positions (``[studyapp-type:order]``) and a card as an essay whose
general feedback is the answer, then the explanation (``[studyapp-type:card]``).
"""

from __future__ import annotations

import re
from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ClozeGap,
    ClozeQuestion,
    ClozeSyntaxError,
    OrderQuestion,
    parse_cloze,
)
from studyapp.interop.fit import Common, cloze_question
from studyapp.messages import QT_TRANSLATE_NOOP, Message

_GAP_HINT_RE = re.compile(r"\[studyapp-gap:(\d{1,3})/(\d{1,3})\]")
PROMPT_HINT = "[studyapp-prompt]"


def gap_hint(comments: str) -> tuple[int, int] | None:
    """(k, n) of a ``[studyapp-gap:k/n]`` comment, or None."""
    m = _GAP_HINT_RE.search(comments)
    if m is None or not 1 <= int(m.group(1)) <= int(m.group(2)):
        return None
    return int(m.group(1)), int(m.group(2))


def order_from_pairs(pairs: list[tuple[str, str]], common: Common) -> OrderQuestion | None:
    """An order from ``item -> position`` pairs; None when the positions are not 1..n."""
    positions = [right for _, right in pairs]
    if sorted(positions) != [str(n) for n in range(1, len(pairs) + 1)]:
        return None
    by_position = sorted(pairs, key=lambda pair: int(pair[1]))
    return OrderQuestion(items=tuple(item for item, _ in by_position), **common)


def card_from_feedback(general: str, common: Common) -> CardQuestion | None:
    """A card whose answer (and, after a blank line, explanation) is an essay's general feedback."""
    answer, _, explanation = general.partition("\n\n")
    if not answer.strip():
        return None
    common["explanation"] = explanation.strip() or None
    return CardQuestion(answer=answer.strip(), **common)


class ClozeParts:
    """The parts of one exported cloze, collected in file order until the last one arrives."""

    def __init__(self) -> None:
        self.parts: list[ClozeQuestion] = []
        self.first_line = 0

    def add(self, part: AnyQuestion, k: int, n: int, line: int, prompted: bool) -> tuple[ClozeQuestion | None, Message | None]:
        """Add part ``k`` of ``n`` (``prompted``: its text opens with the instruction line);
        returns (the whole cloze when ``k == n``, a problem or None)."""
        problem: Message | None = None
        if k == 1:
            if self.parts:
                problem = Message(QT_TRANSLATE_NOOP("Core", "cloze parts before line {line} are incomplete ({count} found); dropped"), line=line, count=len(self.parts))
            self.parts, self.first_line = [], line
        elif k != len(self.parts) + 1:
            self.parts = []
            return None, Message(QT_TRANSLATE_NOOP("Core", "part {part} of {parts} of a cloze does not follow part {previous}; skipped"), part=k, parts=n, previous=k - 1)
        if not isinstance(part, ClozeQuestion):
            self.parts = []
            return None, Message(QT_TRANSLATE_NOOP("Core", "part {part} of {parts} of a cloze is not a missing-word question; skipped"), part=k, parts=n)
        self.parts.append(part)
        if k < n:
            return None, problem
        merged, why = _merge(self.parts, prompted)
        self.parts = []
        return merged, why or problem

    def pending(self) -> int:
        """The line of an unfinished cloze (0 when none is waiting)."""
        return self.first_line if self.parts else 0


def _merge(parts: list[ClozeQuestion], prompted: bool) -> tuple[ClozeQuestion | None, Message | None]:
    filled: str | None = None
    gaps: list[tuple[int, ClozeGap]] = []
    for part in parts:
        try:
            pieces = parse_cloze(part.text)
        except ClozeSyntaxError:
            return None, Message(QT_TRANSLATE_NOOP("Core", "a cloze part does not parse; skipped"))
        at = next((i for i, p in enumerate(pieces) if isinstance(p, ClozeGap)), 0)
        before = "".join(p for p in pieces[:at] if isinstance(p, str))
        gap = pieces[at]
        assert isinstance(gap, ClozeGap)
        text = before + gap.answer + "".join(p if isinstance(p, str) else p.answer for p in pieces[at + 1 :])
        if filled is not None and text != filled:
            return None, Message(QT_TRANSLATE_NOOP("Core", "the parts of a cloze show different texts; skipped"))
        filled = text
        gaps.append((len(before), gap))
    assert filled is not None
    out, cursor = [], 0
    for start, gap in sorted(gaps, key=lambda g: g[0]):
        if start < cursor:
            return None, Message(QT_TRANSLATE_NOOP("Core", "the gaps of a cloze's parts overlap; skipped"))
        out += [filled[cursor:start], "{{" + "|".join(gap.alternatives) + "}}"]
        cursor = start + len(gap.answer)
    text = "".join(out) + filled[cursor:]
    first = parts[0]
    prompt = first.prompt
    if prompted:
        head, newline, rest = text.partition("\n")
        if not newline or "{{" in head:
            return None, Message(QT_TRANSLATE_NOOP("Core", "a cloze marked as opening with its instruction has no instruction line; skipped"))
        prompt, text = head.strip(), rest
    merged = cloze_question(
        deck=first.deck, id=first.id, prompt=prompt or None, text=text, explanation=first.explanation,
        quote=first.quote, tags=first.tags, line=first.line,
    )
    return merged, None
