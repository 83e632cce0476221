"""Fuzzing the loader: whatever the bytes, it returns a deck or problems, never raises.

Three hypothesis tests: arbitrary text and bytes; arbitrary YAML-shaped data (dumped by
PyYAML, including question-like mappings with the real field names); and a mutation fuzzer
over real question files (the bundled bank, cut into small windows of consecutive
questions so each example stays fast, and tests/data/good/) that deletes, duplicates and
re-indents lines, swaps scalars for lists and mappings, and truncates at random bytes.
Every reported problem must point inside the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bankhelpers import GOOD
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.bank.loader import check_data
from studyapp.bank.model import Deck, QuestionType
from studyapp.paths import bundled_questions_dir

# A path that does not exist: `source` fields resolve next to it and are reported missing.
FAKE = GOOD / "fuzzed.yaml"
FIELDS = [
    "deck",
    "title",
    "source",
    "questions",
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "answers",
    "text",
    "items",
    "pairs",
    "explanation",
    "quote",
    "tags",
    "<<",
    "anwser",
]
FUZZ = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_sound(data: bytes, path: Path = FAKE) -> None:
    """The loader's contract on any input."""
    result = check_data(data, path)
    lines = max(1, data.count(b"\n") + (0 if data.endswith(b"\n") else 1))
    for p in result.problems:
        assert 1 <= p.line <= lines, (p, lines)
        assert p.column >= 1 and p.message
    assert (result.deck is None) == bool(result.problems)
    if result.deck is not None:
        assert isinstance(result.deck, Deck) and result.deck.questions


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    assert_sound(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    assert_sound(data)


scalars = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        ["true", "false", "yes", "~", "null", "2020", "{{gap}}", "{{", "a|b", *[t.value for t in QuestionType]]
    ),
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=8))
yaml_data = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(yaml_data, st.booleans())
def test_arbitrary_yaml_shaped_data_never_raises(data: object, flow: bool) -> None:
    assert_sound(yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow).encode("utf-8"))


flat = st.one_of(scalars, st.lists(scalars, max_size=4), st.dictionaries(keys, scalars, max_size=4))
question = st.fixed_dictionaries(
    {"id": scalars, "type": st.sampled_from([t.value for t in QuestionType])},
    optional={name: flat for name in FIELDS[6:]},
)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({"deck": scalars, "title": scalars, "questions": st.lists(question, max_size=4)}))
def test_deck_shaped_data_never_raises(data: object) -> None:
    assert_sound(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"))


def _windows() -> list[tuple[bytes, Path]]:
    """Real files: each good and bundled file whole, and the bundled ones cut into windows of 3 questions.

    Each comes with the path it is checked as, so its ``source`` still resolves.
    """
    bases = [(p.read_bytes(), p) for p in sorted(GOOD.rglob("*.y*ml"))]
    for path in sorted(bundled_questions_dir().rglob("*.y*ml")):
        text = path.read_bytes()
        bases.append((text, path))  # the whole file too (about one example in 40)
        starts = [m.start() for m in re.finditer(rb"^  - id:", text, re.MULTILINE)]
        if not starts:
            continue
        head, ends = text[: starts[0]], [*starts[1:], len(text)]
        for i in range(0, len(starts), 3):
            bases.append((head + text[starts[i] : ends[min(i + 2, len(starts) - 1)]], path))
    return bases


BASES = _windows()


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, Path]:
    data, path = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 4))):
        lines = data.splitlines(keepends=True) or [b""]
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "indent", "dedent", "to-list", "to-map", "empty", "truncate", "swap"]
            )
        )
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "indent":
            lines[i] = b" " * draw(st.integers(1, 4)) + line
        elif op == "dedent":
            lines[i] = line[draw(st.integers(1, 4)) :] if line.startswith(b" ") else b"\t" + line
        elif op in ("to-list", "to-map", "empty") and b": " in line:
            key, _sep, value = line.rstrip(b"\r\n").partition(b": ")
            new = {"to-list": b"[" + value + b"]", "to-map": b"{x: " + value + b"}", "empty": b""}[op]
            lines[i] = key + b": " + new + b"\n"
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        data = b"".join(lines)
        if op == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
    return data, path


@FUZZ
@given(mutated())
def test_mutated_question_files_never_raise(case: tuple[bytes, Path]) -> None:
    assert_sound(*case)


def test_the_fuzzer_starts_from_valid_files_including_the_bundled_bank() -> None:
    assert len(BASES) > len(list(GOOD.rglob("*.y*ml")))
    assert any(path.parent == bundled_questions_dir() for _base, path in BASES)
    for base, path in BASES:
        result = check_data(base, path)
        assert result.problems == (), result.problems[:3]
