"""Read Moodle GIFT files: multiple choice, multiple answers, true/false, short answer, matching, missing word.

Follows Moodle's own reader: questions are separated by blank lines; ``//`` lines are comments
(``[tag:...]`` in them become tags); ``::title::`` becomes the id; ``####`` inside the braces is
the general feedback and ``#`` after an answer that answer's feedback: the explanation is the
general feedback, then the right answers' feedback (a "Right:" prefix dropped), then a
"Why not X: ..." line for each wrong answer's feedback. ``$CATEGORY: $course$/top/A/B`` gives the
questions after it the tags ``A`` and ``B``; a ``// comment`` after an answer is not part of it;
``\\~ \\= \\# \\{ \\} \\: \\\\ \\n`` are escapes. A numerical question (``{#...}``) with exact
numbers becomes a text question accepting them (a tolerance or range is reported: only the exact
number is kept). Essay (``{}``) questions and descriptions are reported by line and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from studyapp.bank.model import (
    AnyQuestion,
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.interop.fit import Common, IdAllocator, clean_text, cloze_question
from studyapp.interop.giftparts import PROMPT_HINT, ClozeParts, card_from_feedback, gap_hint, order_from_pairs
from studyapp.interop.htmltext import convert_html, looks_like_html
from studyapp.interop.lostwording import lost_wording
from studyapp.interop.problems import Conversion
from studyapp.messages import QT_TRANSLATE_NOOP, Message

# Escaped characters are swapped for private-use placeholders while the structure is parsed.
_ESCAPES = {"\\:": "\ue001", "\\#": "\ue002", "\\=": "\ue003", "\\{": "\ue004", "\\}": "\ue005", "\\~": "\ue006", "\\n": "\ue007"}
_RESTORE = str.maketrans({ph: esc[1] for esc, ph in _ESCAPES.items()} | {"\ue007": "\n", "\ue000": "\\"})
_FORMAT_RE = re.compile(r"^\[(html|moodle|plain|markdown)\]\s*")
_WEIGHT_RE = re.compile(r"^%(-?\d{1,3}(?:\.\d*)?)%")
_TAG_RE = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f])+)\]")
_TYPE_HINT_RE = re.compile(r"\[studyapp-type:(\w+)\]")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(.+?)\1")
_MD_EM_RE = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_INLINE_COMMENT_RE = re.compile(r"(?<![:/])//[^\n]*")
_PREFIX_RE = re.compile(r"^(?:right|correct|wrong|incorrect)\s*[:!.]\s*", re.IGNORECASE)
_NUMBER_RE = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")
_TRUE = {"T", "TRUE"}
_FALSE = {"F", "FALSE"}
MISSING = "_____"


def _protect(text: str) -> str:
    text = text.replace("\\\\", "\ue000")
    for esc, ph in _ESCAPES.items():
        text = text.replace(esc, ph)
    return text


@dataclass(slots=True)
class _Block:
    line: int  # first line of the question (after comments)
    text: str  # protected text
    comments: str


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    lines: list[str] = []
    comments: list[str] = []
    start = 0

    def flush() -> None:
        if lines and "".join(lines).strip():
            blocks.append(_Block(start, _protect("\n".join(lines).strip()), "\n".join(comments)))
        lines.clear()
        comments.clear()

    for n, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            flush()
        elif stripped.startswith("//"):
            comments.append(stripped)
        else:
            if not lines:
                start = n
            lines.append(raw)
    flush()
    return blocks


@dataclass(slots=True)
class _Answer:
    marker: str  # "=" or "~"
    weight: float | None
    text: str
    feedback: str


def _split_answers(answer_text: str) -> list[_Answer]:
    answers: list[_Answer] = []
    for m in re.finditer(r"([=~])([^=~]*)", answer_text):
        body = m.group(2).strip()
        weight = None
        if wm := _WEIGHT_RE.match(body):
            weight = float(wm.group(1))
            body = body[wm.end() :].strip()
        text, _, feedback = body.partition("#")
        answers.append(_Answer(m.group(1), weight, text.strip(), feedback.strip()))
    return answers


class _Reader:
    def __init__(self, path: Path, deck_id: str, conversion: Conversion) -> None:
        self.path, self.deck, self.conv = path, deck_id, conversion
        self.ids = IdAllocator()
        self.category_tags: tuple[str, ...] = ()
        self.lost: dict[str, None] = {}  # what the question being read loses as plain text
        self.cloze_parts = ClozeParts()  # a studyapp cloze exported as one question per gap

    def text(self, raw: str, html: bool, markdown: bool = False) -> str:
        raw = raw.translate(_RESTORE)
        if markdown:
            plain = _MD_EM_RE.sub(r"\1", _MD_STRONG_RE.sub(r"\2", raw))
            if plain != raw:
                self.lost["Markdown emphasis"] = None
            raw = plain
        if html or looks_like_html(raw):
            raw, lost = convert_html(raw)
            self.lost.update(dict.fromkeys(lost))
        return clean_text(raw)

    def report(self, line: int, message: str | Message) -> None:
        self.conv.problem(self.path, line, message)

    def category(self, raw: str) -> None:
        """``$CATEGORY: $course$/top/Geography/Capitals``: the parts after Moodle's own become tags."""
        path = raw.translate(_RESTORE).strip().replace("//", "\ue010")
        parts = [clean_text(p.replace("\ue010", "/")) for p in path.split("/")]
        self.category_tags = tuple(p for p in parts if p and p.lower() != "top" and not re.fullmatch(r"\$\w+\$", p))

    def read(self, block: _Block) -> None:
        """Convert one question (or take a ``$CATEGORY``); report what it loses at its line."""
        self.lost = {}
        before = len(self.conv.questions)
        self._read(block)
        if self.lost and len(self.conv.questions) > before:
            self.report(self.conv.questions[-1].line or block.line,
                        Message(QT_TRANSLATE_NOOP("Core", "not carried over (plain text only): {lost}"), lost=lost_wording(list(self.lost))))

    def _read(self, block: _Block) -> None:
        text, line = block.text, block.line
        if text.startswith("$CATEGORY:"):
            first, _, rest = text.partition("\n")
            self.category(first[len("$CATEGORY:"):])
            if not rest.strip():
                return
            text, line = rest.strip(), line + 1
        title = ""
        if text.startswith("::"):
            end = text.find("::", 2)
            if end != -1:
                title, text = text[2:end].translate(_RESTORE).strip(), text[end + 2 :].strip()
        html = markdown = False
        if fm := _FORMAT_RE.match(text):
            html, markdown, text = fm.group(1) == "html", fm.group(1) == "markdown", text[fm.end() :]
        open_at, close_at = text.find("{"), text.find("}")
        if open_at == -1 and close_at == -1:
            self.report(line, Message(QT_TRANSLATE_NOOP("Core", "a description (no answers in {{...}}); skipped")))
            return
        if open_at == -1 or close_at == -1 or close_at < open_at:
            self.report(line, Message(QT_TRANSLATE_NOOP("Core", "unmatched '{{' or '}}' (escape literal braces as \\{{ \\}}); skipped")))
            return
        answer_text = _INLINE_COMMENT_RE.sub("", text[open_at + 1 : close_at]).strip()
        before, after = text[:open_at].rstrip(), text[close_at + 1 :].strip()
        general = ""
        if (gf := answer_text.rfind("####")) != -1:
            general, answer_text = answer_text[gf + 4 :].strip(), answer_text[:gf].strip()
        hint = _TYPE_HINT_RE.search(block.comments)
        kind = hint.group(1) if hint else ""
        gap = gap_hint(block.comments)
        missing_word = bool(after) or kind == "cloze" or gap is not None
        tags = self.category_tags + tuple(clean_text(t.replace("\\]", "]")) for t in _TAG_RE.findall(block.comments))
        tags = tuple(dict.fromkeys(tags))
        common = Common(deck=self.deck, tags=tuple(t for t in tags if t), line=line)
        prompt_raw = f"{text[:open_at]}{MISSING}{text[close_at + 1:]}" if after else before
        prompt = self.text(prompt_raw, html, markdown)
        common["id"] = "" if gap and gap[0] > 1 else self.ids.take(title or prompt, "q")  # parts share one id
        explanation = self.text(general, html)

        if answer_text == "" and kind == "card":
            common["prompt"] = prompt
            card = card_from_feedback(explanation, common)
            if card is None:
                self.report(line, Message(QT_TRANSLATE_NOOP("Core", "a card without an answer in its feedback; skipped")))
            else:
                self.conv.add(card, self.path, line)
            return
        if answer_text == "":
            self.report(line, Message(QT_TRANSLATE_NOOP("Core", "essay questions are not supported; skipped")))
            return
        q: AnyQuestion | None
        if answer_text.startswith("#"):
            common["prompt"] = prompt
            q = self._numerical(line, answer_text[1:], explanation, html, common)
            if q is not None:
                self.conv.add(q, self.path, line)
            return
        if "~" in answer_text:
            q = self._choice(line, prompt, answer_text, explanation, html, common)
        elif "=" in answer_text and "->" in answer_text:
            q = self._match(line, prompt, answer_text, explanation, html, common)
            if kind == "order" and isinstance(q, MatchQuestion):
                q = order_from_pairs(list(q.pairs), common)
                if q is None:
                    self.report(line, "an order whose positions are not 1, 2, 3, ...; skipped")
        else:
            tf = answer_text.split("#", 1)[0].strip()
            if tf in _TRUE or tf in _FALSE:
                fb = [self.text(f, html) for f in answer_text.split("#")[1:3]]
                wrong_fb, right_fb = (fb + ["", ""])[:2]
                common["prompt"] = prompt
                common["explanation"] = _explain(explanation, [right_fb], [("False" if tf in _TRUE else "True", wrong_fb)])
                q = TrueFalseQuestion(answer=tf in _TRUE, **common)
            else:
                before_raw, after_raw = text[:open_at], text[close_at + 1 :]
                q = self._short(line, before_raw, after_raw, prompt, answer_text, explanation, html, missing_word, common)
        if q is not None and gap is not None:
            merged, problem = self.cloze_parts.add(q, *gap, line, prompted=PROMPT_HINT in block.comments)
            if problem:
                self.report(line, problem)
            if merged is not None:
                self.conv.add(merged, self.path, merged.line)
        elif q is not None:
            self.conv.add(q, self.path, line)

    def _choice(
        self, line: int, prompt: str, answer_text: str, explanation: str, html: bool, common: Common
    ) -> AnyQuestion | None:
        answers = _split_answers(answer_text)
        weights = [100.0 if a.marker == "=" else (a.weight or 0.0) for a in answers]
        choices = tuple(self.text(a.text, html) for a in answers)
        right = [c for c, w in zip(choices, weights, strict=True) if w > 0]
        full = [c for c, w in zip(choices, weights, strict=True) if w >= 100]
        right_fb = [self.text(a.feedback, html) for a, w in zip(answers, weights, strict=True) if w > 0]
        wrong_fb = [(c, self.text(a.feedback, html)) for a, c, w in zip(answers, choices, weights, strict=True) if w <= 0]
        common["prompt"], common["explanation"] = prompt, _explain(explanation, right_fb, wrong_fb)
        if len(full) == 1 and len(right) == 1:
            return ChoiceQuestion(choices=choices, answer=full[0], **common)
        if right and abs(sum(w for w in weights if w > 0) - 100) < 1:
            return MultiQuestion(choices=choices, answers=tuple(right), **common)
        if len(full) == 1:
            self.report(line, Message(QT_TRANSLATE_NOOP("Core", "partial-credit answers counted as wrong")))
            return ChoiceQuestion(choices=choices, answer=full[0], **common)
        self.report(line, Message(QT_TRANSLATE_NOOP("Core", "no fully right answer (weights do not add up to 100%); skipped")))
        return None

    def _match(
        self, line: int, prompt: str, answer_text: str, explanation: str, html: bool, common: Common
    ) -> AnyQuestion | None:
        pairs: list[tuple[str, str]] = []
        for a in _split_answers(answer_text):
            left, arrow, right = a.text.partition("->")
            if not arrow:
                self.report(line, Message(QT_TRANSLATE_NOOP("Core", "matching answer '{answer}' has no '->'; skipped"), answer=self.text(a.text, html)))
                return None
            left_t, right_t = self.text(left, html), self.text(right, html)
            if not left_t:
                self.report(line, Message(QT_TRANSLATE_NOOP("Core", "extra right-hand answer '{answer}' dropped (no left side)"), answer=right_t))
                continue
            pairs.append((left_t, right_t))
        common["prompt"], common["explanation"] = prompt, explanation or None
        return MatchQuestion(pairs=tuple(pairs), **common)

    def _short(
        self, line: int, before_raw: str, after_raw: str, prompt: str, answer_text: str,
        explanation: str, html: bool, missing_word: bool, common: Common,
    ) -> AnyQuestion | None:
        answers = _split_answers(answer_text)
        accepted = [self.text(a.text, html) for a in answers if a.weight is None or a.weight >= 100]
        if len(accepted) < len(answers):
            self.report(line, Message(QT_TRANSLATE_NOOP("Core", "partial-credit answers dropped")))
        if not accepted:
            self.report(line, Message(QT_TRANSLATE_NOOP("Core", "no fully right answer; skipped")))
            return None
        right_fb = [self.text(a.feedback, html) for a in answers if a.weight is None or a.weight >= 100]
        wrong_fb = [(self.text(a.text, html), self.text(a.feedback, html)) for a in answers
                    if not (a.weight is None or a.weight >= 100)]
        common["explanation"] = _explain(explanation, right_fb, wrong_fb)
        if missing_word:
            if any("{" in t or "}" in t for t in (*accepted, before_raw.translate(_RESTORE), after_raw.translate(_RESTORE))):
                self.report(line, Message(QT_TRANSLATE_NOOP("Core", "a missing-word question with a brace in its text or answers cannot be a gap; skipped")))
                return None
            gap = "{{" + "|".join(a.replace("|", "/") for a in accepted) + "}}"
            before = self.text(before_raw, html)
            after = self.text(after_raw, html)
            sep_b = " " if before_raw.endswith((" ", "\n")) and before else ""
            sep_a = " " if after_raw.startswith((" ", "\n")) and after else ""
            return cloze_question(text=f"{before}{sep_b}{gap}{sep_a}{after}", **common)
        common["prompt"] = prompt
        return TextQuestion(answers=tuple(accepted), **common)


    def _numerical(self, line: int, body: str, explanation: str, html: bool, common: Common) -> AnyQuestion | None:
        """``{#42}``, ``{#=42 =%50%41}``, ``{#3.14:0.01}``, ``{#1..5}``: exact numbers become the
        accepted answers of a text question; tolerances and ranges are reported."""
        body = body.strip()
        answers = _split_answers(body) if body[:1] == "=" else [_Answer("=", None, *_feedback_split(body))]
        accepted: list[str] = []
        right_fb: list[str] = []
        for a in answers:
            value = a.text.translate(_RESTORE).strip()
            if a.weight is not None and a.weight < 100:
                self.report(line, Message(QT_TRANSLATE_NOOP("Core", "partial-credit answer {answer} dropped"), answer=value))
                continue
            number, colon, tolerance = value.partition(":")
            low, dots, high = value.partition("..")
            if dots and _NUMBER_RE.match(low.strip()) and _NUMBER_RE.match(high.strip()):
                if float(low) == float(high):
                    accepted.append(low.strip())
                else:
                    self.report(line, Message(QT_TRANSLATE_NOOP("Core", "range {low}..{high} not carried over (only exact numbers are); dropped"), low=low.strip(), high=high.strip()))
                    continue
            elif _NUMBER_RE.match(number.strip()) and (not colon or _NUMBER_RE.match(tolerance.strip())):
                accepted.append(number.strip())
                if colon and float(tolerance) != 0:
                    self.report(line, Message(QT_TRANSLATE_NOOP("Core", "tolerance ±{tolerance} not carried over: only {number} exactly is accepted"), tolerance=tolerance.strip(), number=number.strip()))
            else:
                self.report(line, Message(QT_TRANSLATE_NOOP("Core", "'{value}' is not a number; dropped"), value=value))
                continue
            right_fb.append(self.text(a.feedback, html))
        if not accepted:
            self.report(line, Message(QT_TRANSLATE_NOOP("Core", "numerical question without an exact number; skipped")))
            return None
        common["explanation"] = _explain(explanation, right_fb, [])
        return TextQuestion(answers=tuple(dict.fromkeys(accepted)), **common)


def _feedback_split(body: str) -> tuple[str, str]:
    text, _, feedback = body.partition("#")
    return text.strip(), feedback.strip()


def _explain(general: str, right: list[str], wrong: list[tuple[str, str]]) -> str | None:
    """The explanation: general feedback, the right answers' feedback, then "Why not X: ..." lines."""
    parts = [general] + [_PREFIX_RE.sub("", f) for f in right]
    parts += [f"Why not {choice}: {_PREFIX_RE.sub('', f)}" for choice, f in wrong if f.strip()]
    kept = [p for p in dict.fromkeys(p.strip() for p in parts) if p]
    return "\n".join(kept) or None


def parse_gift(path: Path, text: str, deck_id: str, conversion: Conversion) -> None:
    """Add every question of a GIFT file to ``conversion``; unsupported ones become problems."""
    reader = _Reader(path, deck_id, conversion)
    for block in _blocks(text):
        reader.read(block)
    if first := reader.cloze_parts.pending():
        reader.report(first, Message(QT_TRANSLATE_NOOP("Core", "a cloze exported in parts is missing its last parts; skipped")))


def looks_like_gift(text: str) -> bool:
    """A guess for ``.txt`` files: GIFT answers in braces (``{=...}``, ``{~...}``, ``{T}``)."""
    if re.match(r"#[a-z ]+:", text.lstrip()):  # Anki's "#separator:tab" style headers
        return False
    return bool(re.search(r"\{\s*(?:[=~]|T\s*\}|F\s*\}|TRUE\s*\}|FALSE\s*\}|#)", text))
