"""Read Moodle GIFT files: multiple choice, multiple answers, true/false, short answer, matching, missing word.

Follows Moodle's own reader: questions are separated by blank lines; ``//`` lines are comments
(``[tag:...]`` in them become tags); ``::title::`` becomes the id; ``####`` inside the braces is
the general feedback and ``#`` after an answer that answer's feedback (the right answer's
feedback is the explanation when there is no general one); ``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``
are escapes. Numeric (``{#...}``) and essay (``{}``) questions and descriptions are reported by
line and skipped.
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
from studyapp.interop.htmltext import html_to_text, looks_like_html
from studyapp.interop.problems import Conversion

# Escaped characters are swapped for private-use placeholders while the structure is parsed.
_ESCAPES = {"\\:": "\ue001", "\\#": "\ue002", "\\=": "\ue003", "\\{": "\ue004", "\\}": "\ue005", "\\~": "\ue006", "\\n": "\ue007"}
_RESTORE = str.maketrans({ph: esc[1] for esc, ph in _ESCAPES.items()} | {"\ue007": "\n", "\ue000": "\\"})
_FORMAT_RE = re.compile(r"^\[(html|moodle|plain|markdown)\]\s*")
_WEIGHT_RE = re.compile(r"^%(-?\d{1,3}(?:\.\d*)?)%")
_TAG_RE = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f])+)\]")
_TYPE_HINT_RE = re.compile(r"\[studyapp-type:(\w+)\]")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(.+?)\1")
_MD_EM_RE = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
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
        self.cloze_parts = ClozeParts()  # a studyapp cloze exported as one question per gap

    def text(self, raw: str, html: bool, markdown: bool = False) -> str:
        raw = raw.translate(_RESTORE)
        if markdown:
            raw = _MD_EM_RE.sub(r"\1", _MD_STRONG_RE.sub(r"\2", raw))
        if html or looks_like_html(raw):
            raw = html_to_text(raw)
        return clean_text(raw)

    def report(self, line: int, message: str) -> None:
        self.conv.problem(self.path, line, message)

    def read(self, block: _Block) -> None:
        text, line = block.text, block.line
        if text.startswith("$CATEGORY:"):
            return
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
            self.report(line, "a description (no answers in {...}); skipped")
            return
        if open_at == -1 or close_at == -1 or close_at < open_at:
            self.report(line, "unmatched '{' or '}' (escape literal braces as \\{ \\}); skipped")
            return
        answer_text = text[open_at + 1 : close_at].strip()
        before, after = text[:open_at].rstrip(), text[close_at + 1 :].strip()
        general = ""
        if (gf := answer_text.rfind("####")) != -1:
            general, answer_text = answer_text[gf + 4 :].strip(), answer_text[:gf].strip()
        hint = _TYPE_HINT_RE.search(block.comments)
        kind = hint.group(1) if hint else ""
        gap = gap_hint(block.comments)
        missing_word = bool(after) or kind == "cloze" or gap is not None
        tags = tuple(dict.fromkeys(clean_text(t.replace("\\]", "]")) for t in _TAG_RE.findall(block.comments)))
        common = Common(deck=self.deck, tags=tuple(t for t in tags if t), line=line)
        prompt_raw = f"{text[:open_at]}{MISSING}{text[close_at + 1:]}" if after else before
        prompt = self.text(prompt_raw, html, markdown)
        common["id"] = "" if gap and gap[0] > 1 else self.ids.take(title or prompt, "q")  # parts share one id
        explanation = self.text(general, html)

        if answer_text == "" and kind == "card":
            common["prompt"] = prompt
            card = card_from_feedback(explanation, common)
            if card is None:
                self.report(line, "a card without an answer in its feedback; skipped")
            else:
                self.conv.add(card, self.path, line)
            return
        if answer_text == "":
            self.report(line, "essay questions are not supported; skipped")
            return
        if answer_text.startswith("#"):
            self.report(line, "numerical questions are not supported; skipped")
            return
        q: AnyQuestion | None
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
                right_fb = fb[1] if len(fb) > 1 else ""
                common["prompt"] = prompt
                common["explanation"] = explanation or right_fb or (fb[0] if fb else "") or None
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
        feedback = next((self.text(a.feedback, html) for a, w in zip(answers, weights, strict=True) if w > 0 and a.feedback), "")
        common["prompt"], common["explanation"] = prompt, explanation or feedback or None
        if len(full) == 1 and len(right) == 1:
            return ChoiceQuestion(choices=choices, answer=full[0], **common)
        if right and abs(sum(w for w in weights if w > 0) - 100) < 1:
            return MultiQuestion(choices=choices, answers=tuple(right), **common)
        if len(full) == 1:
            self.report(line, "partial-credit answers counted as wrong")
            return ChoiceQuestion(choices=choices, answer=full[0], **common)
        self.report(line, "no fully right answer (weights do not add up to 100%); skipped")
        return None

    def _match(
        self, line: int, prompt: str, answer_text: str, explanation: str, html: bool, common: Common
    ) -> AnyQuestion | None:
        pairs: list[tuple[str, str]] = []
        for a in _split_answers(answer_text):
            left, arrow, right = a.text.partition("->")
            if not arrow:
                self.report(line, f"matching answer '{self.text(a.text, html)}' has no '->'; skipped")
                return None
            left_t, right_t = self.text(left, html), self.text(right, html)
            if not left_t:
                self.report(line, f"extra right-hand answer '{right_t}' dropped (no left side)")
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
            self.report(line, "partial-credit answers dropped")
        if not accepted:
            self.report(line, "no fully right answer; skipped")
            return None
        feedback = next((self.text(a.feedback, html) for a in answers if a.feedback), "")
        common["explanation"] = explanation or feedback or None
        if missing_word:
            gap = "{{" + "|".join(a.replace("|", "/") for a in accepted) + "}}"
            before = self.text(before_raw, html)
            after = self.text(after_raw, html)
            sep_b = " " if before_raw.endswith((" ", "\n")) and before else ""
            sep_a = " " if after_raw.startswith((" ", "\n")) and after else ""
            return cloze_question(text=f"{before}{sep_b}{gap}{sep_a}{after}", **common)
        common["prompt"] = prompt
        return TextQuestion(answers=tuple(accepted), **common)


def parse_gift(path: Path, text: str, deck_id: str, conversion: Conversion) -> None:
    """Add every question of a GIFT file to ``conversion``; unsupported ones become problems."""
    reader = _Reader(path, deck_id, conversion)
    for block in _blocks(text):
        reader.read(block)
    if first := reader.cloze_parts.pending():
        reader.report(first, "a cloze exported in parts is missing its last parts; skipped")


def looks_like_gift(text: str) -> bool:
    """A guess for ``.txt`` files: GIFT answers in braces (``{=...}``, ``{~...}``, ``{T}``)."""
    if re.match(r"#[a-z ]+:", text.lstrip()):  # Anki's "#separator:tab" style headers
        return False
    return bool(re.search(r"\{\s*(?:[=~]|T\s*\}|F\s*\}|TRUE\s*\}|FALSE\s*\}|#)", text))
