"""Generate a large question bank in the v1 file format (issue 2): every type, quotes, sources.

``generate_bank(folder, files=100, per_file=100)`` writes ``folder/questions/deck-NNN.yaml``
and, for each deck, the article its quotes come from in ``folder/sources/deck-NNN.txt``
(``source: ../sources/deck-NNN.txt``, one folder up, as the format allows). The text is
deterministic, mixes plain and quoted scalars, flow and block lists, and names with letters
like ``ł ŭ ž`` so the loader does the same work it does on real files. Every generated file
is valid: the benchmarks assert the loader reports zero problems.

It also returns each question's front and back, so Anki can be fed the same 10,000 cards.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

TYPES = ("choice", "multi", "truefalse", "text", "cloze", "order", "match", "card")

PEOPLE = [
    "Raman Hałoŭčanka", "Maksim Ryžankoŭ", "Ihar Karpienka", "Viktar Babaryka", "Alaksandr Łukašenka",
    "Siarhiej Cichanoŭski", "Maryja Kalesnikava", "Paval Łatuška", "Ales Bialacki", "Andrej Sańnikaŭ",
    "Zianon Pazniak", "Stanisłaŭ Šuškievič", "Uładzimir Makiej", "Natallia Kačanava", "Juryj Vaskrasienski",
]
PLACES = [
    "Minsk", "Hrodna", "Brest", "Viciebsk", "Mahilioŭ", "Homiel", "Vilnius", "Warsaw", "Riga", "Kyiv",
    "Pinsk", "Baranavičy", "Babrujsk", "Maladziečna", "Navapołack",
]
THINGS = [
    "potash exports", "the Belavia airline", "sanctions relief", "political prisoners", "the border crossing",
    "the nuclear plant", "the election commission", "state media", "the central bank", "fertiliser trade",
    "the Eurasian union", "visa rules", "the foreign ministry", "trade talks", "the opposition council",
]
VERBS = ["announced", "criticised", "welcomed", "rejected", "negotiated", "postponed", "confirmed", "questioned"]
TAGS = ["people", "places", "dates", "sanctions", "economy", "diplomacy", "elections", "media", "history", "law"]

_PLAIN_OK = re.compile(r"^[A-Za-z\u00C0-\u024F][\w .,'()\u00C0-\u024F-]*$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def scalar(text: str) -> str:
    """The text as a plain YAML scalar when that is safe, else double-quoted (JSON escapes are YAML)."""
    if _PLAIN_OK.match(text) and text.lower() not in _YAML_WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(items: list[str]) -> str:
    """A flow sequence ``[a, b, "c: d"]``; plain items must not contain flow indicators."""
    return "[" + ", ".join(i if _PLAIN_OK.match(i) and "," not in i and i.lower() not in _YAML_WORDS
                           else json.dumps(i, ensure_ascii=False) for i in items) + "]"


@dataclass(frozen=True)
class GeneratedBank:
    """Where the bank was written and what it holds."""

    root: Path
    questions_dir: Path
    paths: tuple[Path, ...]
    cards: tuple[tuple[str, str], ...]  # (front, back) of every question, in file order
    question_count: int


def _sentence(rng: random.Random, deck: int, i: int) -> dict[str, str]:
    person = rng.choice(PEOPLE)
    place = rng.choice(PLACES)
    thing = rng.choice(THINGS)
    verb = rng.choice(VERBS)
    year = str(rng.randint(1991, 2025))
    text = (f"In {year}, {person} {verb} {thing} in {place}, "
            f"a step observers linked to item {deck}-{i} of the talks.")
    return {"person": person, "place": place, "thing": thing, "verb": verb, "year": year, "text": text}


def _distinct(rng: random.Random, pool: list[str], answer: str, n: int) -> list[str]:
    others = [p for p in pool if p != answer]
    picked = rng.sample(others, n - 1) + [answer]
    rng.shuffle(picked)
    return picked


def _question(rng: random.Random, kind: str, deck: int, i: int, s: dict[str, str]) -> tuple[list[str], str, str]:
    """YAML lines of one question (without the common fields), its front and its back."""
    who, where, what, year = s["person"], s["place"], s["thing"], s["year"]
    lines: list[str] = []
    if kind == "choice":
        prompt = f"Who {s['verb']} {what} in {where} in {year}?"
        lines += [f"    prompt: {scalar(prompt)}", f"    choices: {flow(_distinct(rng, PEOPLE, who, 4))}",
                  f"    answer: {scalar(who)}"]
        return lines, prompt, who
    if kind == "multi":
        prompt = f"Which of these were involved in item {deck}-{i} of the talks?"
        choices = _distinct(rng, PEOPLE, who, 5)
        answers = [who] + [c for c in choices if c != who][:1]
        lines += [f"    prompt: {scalar(prompt)}", "    choices:"] + [f"      - {scalar(c)}" for c in choices]
        lines += ["    answers:"] + [f"      - {scalar(a)}" for a in answers]
        return lines, prompt, ", ".join(answers)
    if kind == "truefalse":
        truth = rng.random() < 0.5
        place = where if truth else rng.choice([p for p in PLACES if p != where])
        prompt = f"{who} {s['verb']} {what} in {place} in {year}."
        lines += [f"    prompt: {scalar(prompt)}", f"    answer: {'true' if truth else 'false'}"]
        return lines, prompt, "True" if truth else "False"
    if kind == "text":
        prompt = f"In which city was item {deck}-{i} ({what}, {year}) {s['verb']}?"
        lines += [f"    prompt: {scalar(prompt)}", f"    answer: {flow([where, f'{where} city'])}"]
        return lines, prompt, where
    if kind == "cloze":
        text = f"In {{{{{year}}}}}, {who} {s['verb']} {what} in {{{{{where}|the city of {where}}}}}."
        lines += [f"    text: {scalar(text)}"]
        front = text.replace(f"{{{{{year}}}}}", "[...]").replace(f"{{{{{where}|the city of {where}}}}}", "[...]")
        return lines, front, f"{year}, {where}"
    if kind == "order":
        prompt = f"Put these events of deck {deck} in order, earliest first."
        years = sorted(rng.sample(range(1991, 2026), 4))
        items = [f"{y}: {rng.choice(THINGS)} ({n})" for n, y in enumerate(years)]
        lines += [f"    prompt: {scalar(prompt)}", "    items:"] + [f"      - {scalar(it)}" for it in items]
        return lines, prompt, " → ".join(items)
    if kind == "match":
        prompt = f"Match each person to the city of item {deck}-{i}."
        people = rng.sample(PEOPLE, 4)
        places = rng.sample(PLACES, 4)
        lines += [f"    prompt: {scalar(prompt)}", "    pairs:"]
        lines += [f"      {scalar(a)}: {scalar(b)}" for a, b in zip(people, places)]
        return lines, prompt, "; ".join(f"{a} → {b}" for a, b in zip(people, places))
    # card
    prompt = f"What did {who} do about {what} in {year}?"
    back = f"{s['verb'].capitalize()} it, in {where}."
    lines += [f"    prompt: {scalar(prompt)}", f"    answer: {scalar(back)}"]
    return lines, prompt, back


def question_keys(files: int = 100, per_file: int = 100) -> list[tuple[str, str]]:
    """(deck id, question id) of every question ``generate_bank`` writes, in file order."""
    return [(f"deck-{d:03d}", f"q{i:03d}-{TYPES[(d + i) % len(TYPES)]}")
            for d in range(files) for i in range(per_file)]


def generate_bank(folder: Path, files: int = 100, per_file: int = 100, seed: int = 2025) -> GeneratedBank:
    """Write ``files`` decks of ``per_file`` questions (types in rotation) under ``folder``."""
    rng = random.Random(seed)
    qdir = folder / "questions"
    sdir = folder / "sources"
    qdir.mkdir(parents=True, exist_ok=True)
    sdir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    cards: list[tuple[str, str]] = []
    for d in range(files):
        name = f"deck-{d:03d}"
        sentences = [_sentence(rng, d, i) for i in range(per_file)]
        (sdir / f"{name}.txt").write_text(
            f"Generated article {d}\n\n" + "\n\n".join(s["text"] for s in sentences) + "\n", encoding="utf-8")
        out = [
            f"deck: {name}",
            f"title: {scalar(f'Generated deck {d}: Belarus and the West, part {d + 1}')}",
            f"source: ../sources/{name}.txt",
            "questions:",
        ]
        for i, s in enumerate(sentences):
            kind = TYPES[(d + i) % len(TYPES)]
            body, front, back = _question(rng, kind, d, i, s)
            out.append(f"  - id: q{i:03d}-{kind}")
            out.append(f"    type: {kind}")
            out += body
            explanation = f"The article says so in its paragraph {i + 1}, about {s['thing']}."
            out.append(f"    explanation: {scalar(explanation)}")
            out.append(f"    quote: {scalar(s['text'][: 40 + (i % 30)].rstrip())}")
            out.append(f"    tags: {flow(rng.sample(TAGS, 2))}")
            cards.append((front, back))
        path = qdir / f"{name}.yaml"
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        paths.append(path)
    return GeneratedBank(folder, qdir, tuple(paths), tuple(cards), files * per_file)
