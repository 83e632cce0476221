"""YAML-level loading rules: text stays text, tags, aliases, nesting, documents, encodings, syntax errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bankhelpers import BAD, GOOD, HEAD, Checked

from studyapp.bank import yamlnodes
from studyapp.bank.loader import check_file
from studyapp.bank.validate import validate_document

Check = Callable[..., Checked]
CARD = "  - id: k\n    type: card\n    prompt: {prompt}\n    answer: {answer}\n"


@pytest.mark.parametrize(
    "written",
    ["2020", "NO", "1:20", "2025-01-26", "0x1F", "1e3", "~x", ".inf", "null-ish", "0777", "12:30:00", "+1", "Yes"],
)
def test_every_scalar_is_the_text_written(check: Check, written: str) -> None:
    d, problems = check(HEAD + CARD.format(prompt=written, answer=written))
    assert problems == []
    assert d is not None and d.questions[0].prompt == written and d.questions[0].answer == written  # type: ignore[union-attr]


def test_choices_and_tags_of_numbers_are_text(check: Check) -> None:
    d, problems = check(
        HEAD
        + "  - id: 42\n    type: choice\n    prompt: When?\n    choices: [1985, 1989]\n    answer: 1989\n    tags: [2025]\n"
    )
    assert problems == []
    assert d is not None
    q = d.questions[0]
    assert (q.id, q.choices, q.answer, q.tags) == ("42", ("1985", "1989"), "1989", ("2025",))  # type: ignore[union-attr]


def test_bom_and_crlf_are_fine(check: Check) -> None:
    text = "\ufeff" + (HEAD + CARD.format(prompt="F", answer="B")).replace("\n", "\r\n")
    d, problems = check(text)
    assert problems == [] and d is not None and d.questions[0].prompt == "F"
    # and positions still count lines the same way
    _d, problems = check(text.replace("prompt: F", "prompt: [F]"))
    assert problems == ["6:13: 'prompt' must be text, not a list"]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n   \n", "---\n", "# a\n---\n# b\n"])
def test_empty_files(check: Check, text: str) -> None:
    assert check(text) == (None, ["1:1: file is empty"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a\n- b\n", "1:1: the file must be a mapping with 'deck', 'title' and 'questions', not a list"),
        ("hello\n", "1:1: the file must be a mapping with 'deck', 'title' and 'questions', not text"),
        ("title: T\nquestions: [{id: k, type: card, prompt: F, answer: B}]\n", "1:1: missing field 'deck'"),
        ("deck: d\nquestions: [{id: k, type: card, prompt: F, answer: B}]\n", "1:1: missing field 'title'"),
        ("deck: d\ntitle: T\n", "1:1: missing field 'questions'"),
        ("deck: d\ntitle: T\nquestions:\n", "3:11: field 'questions' is empty"),
        ("deck: d\ntitle: ''\nquestions: [{id: k, type: card, prompt: F, answer: B}]\n", "2:8: field 'title' is empty"),
        ("deck: d\ntitle: T\nquestions: []\n", "3:12: 'questions' is empty; add at least one question"),
        (
            "deck: d\ntitle: T\nquestions: {a: b}\n",
            "3:12: 'questions' must be a list of questions ('- id: ...'), not a mapping",
        ),
        ("deck: D_1\ntitle: T\nquestions: []\n", None),
    ],
)
def test_top_level_shape(check: Check, text: str, expected: str | None) -> None:
    _d, problems = check(text)
    if expected is None:
        assert problems == [
            "1:7: deck id 'D_1' may only use lowercase letters, digits and hyphens (like 'belarus-west-2025')",
            "3:12: 'questions' is empty; add at least one question",
        ]
    else:
        assert problems == [expected]


def test_top_level_unknown_duplicate_and_misplaced_fields(check: Check) -> None:
    body = CARD.format(prompt="F", answer="B")
    assert check("deck: d\ntitle: T\ntitle: U\nquestions:\n" + body)[1] == [
        "3:1: duplicate field 'title', first defined at line 2"
    ]
    assert check("deck: d\ntitle: T\ntitel: U\nquestions:\n" + body)[1] == [
        "3:1: unknown field 'titel' — did you mean 'title'?"
    ]
    assert check("deck: d\ntitle: T\nprompt: U\nquestions:\n" + body)[1] == [
        "3:1: unknown field 'prompt' (question fields go inside an item of 'questions')"
    ]


def test_several_documents_are_reported_at_the_second(check: Check) -> None:
    text = HEAD + CARD.format(prompt="F", answer="B") + "---\ndeck: other\n"
    assert check(text)[1] == [
        "8:1: a file holds one document, but a second one starts here (remove the '---' line or split the file)"
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('!!python/object/apply:os.system ["echo hi"]', "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!int 3", "!!int"),
        ("!!bool true", "!!bool"),
        ("!!binary aGk=", "!!binary"),
        ("!foo x", "!foo"),
        ("!<tag:example.com,2000:x> y", "tag:example.com,2000:x"),
    ],
)
def test_tags_other_than_str_seq_map_are_errors(check: Check, value: str, shown: str) -> None:
    _d, problems = check(HEAD + CARD.format(prompt="F", answer=value))
    assert problems == [f"7:13: tag '{shown}' is not allowed; question files hold only text, lists and mappings"]


def test_standard_str_seq_map_tags_are_allowed(check: Check) -> None:
    text = (
        HEAD
        + "  - !!map\n    id: k\n    type: !!str card\n    prompt: !!str 2020\n    answer: B\n    tags: !!seq [a]\n"
    )
    d, problems = check(text)
    assert problems == [] and d is not None and d.questions[0].prompt == "2020"


def test_python_tags_never_run(check: Check, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pwned-by-yaml"
    payload = f'!!python/object/apply:os.system ["touch {marker}"]'
    text = HEAD + CARD.format(prompt="F", answer=payload)
    # The payload is real: PyYAML's unsafe loader would run it.
    yaml.unsafe_load(f"x: {payload}\n")
    assert marker.exists()
    marker.unlink()
    _d, problems = check(text)
    assert problems == [
        "7:13: tag '!!python/object/apply:os.system' is not allowed; question files hold only text, lists and mappings"
    ]
    assert not marker.exists()


def test_anchors_and_aliases_may_reuse_values(check: Check) -> None:
    text = HEAD + (
        "  - id: a\n    type: choice\n    prompt: &p Which?\n    choices: &c [x, y]\n    answer: x\n"
        "  - id: b\n    type: choice\n    prompt: *p\n    choices: *c\n    answer: y\n"
    )
    d, problems = check(text)
    assert problems == [] and d is not None
    assert d.questions[1].prompt == "Which?" and d.questions[1].choices == ("x", "y")  # type: ignore[union-attr]


def test_alias_bomb_is_refused_quickly(check: Check) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]  # 10**10 values
    text = "\n".join(lines) + "\n" + HEAD + CARD.format(prompt="F", answer="B")
    _d, problems = check(text)
    assert len(problems) == 1
    assert "aliases expand to more than 10,000 values" in problems[0]


def test_aliases_within_budget_are_fine(check: Check) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 3)]  # 1,100 values
    node, problems = yamlnodes.compose(("\n".join(lines) + "\n").encode())
    assert problems == [] and node is not None


@pytest.mark.parametrize(("depth", "ok"), [(50, True), (51, False), (10_000, False)])
def test_nesting_deeper_than_50_is_an_error(depth: int, ok: bool) -> None:
    # root mapping is level 1, so the value's lists take levels 2..depth
    data = ("a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n").encode()
    node, problems = yamlnodes.compose(data)
    if ok:
        assert problems == [] and node is not None
    else:
        assert [p.message for p in problems] == ["nested more than 50 levels deep"]
        assert problems[0].line == 1


def test_block_nesting_is_limited_too(check: Check) -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(60))
    _d, problems = check(text)
    assert problems == ["51:101: nested more than 50 levels deep"]


def test_merge_keys_are_errors(check: Check) -> None:
    text = HEAD + "  - &q\n    id: k\n    type: card\n    prompt: F\n    answer: B\n  - <<: *q\n    id: l\n"
    assert check(text)[1] == [
        "9:5: merge key '<<' is not supported (it can hide duplicate fields); write the fields out"
    ]


def test_files_over_one_mib_are_refused(check: Check) -> None:
    text = HEAD + CARD.format(prompt="F", answer="B") + "# " + "x" * yamlnodes.MAX_FILE_BYTES + "\n"
    assert check(text)[1] == ["1:1: file is larger than 1 MiB (1,048,576 bytes); split it into several decks"]
    exact = (HEAD + CARD.format(prompt="F", answer="B")).encode()
    exact += b"#" * (yamlnodes.MAX_FILE_BYTES - len(exact) - 1) + b"\n"
    assert len(exact) == yamlnodes.MAX_FILE_BYTES
    assert check(exact)[1] == []


def test_non_utf8_and_nul_bytes(check: Check) -> None:
    text = (HEAD + CARD.format(prompt="Café", answer="B")).encode()
    assert check(text.replace("é".encode(), b"\xe9"))[1] == [
        "6:16: not UTF-8 text: byte 0xe9 cannot be read (save the file as UTF-8)"
    ]
    assert check(text.replace(b"Caf", b"C\x00f"))[1] == ["6:14: NUL byte in the file (is it a binary file?)"]
    assert check("deck: x\n".encode("utf-16"))[1] == [
        "1:1: not UTF-8 text: byte 0xff cannot be read (save the file as UTF-8)"
    ]


def test_tabs(check: Check) -> None:
    assert check(HEAD + "  - id: k\n\ttype: card\n")[1] == [
        "5:1: tab character used for indentation; indent with spaces"
    ]
    # a tab inside a value is just text
    d, problems = check(HEAD + CARD.format(prompt="a\tb", answer="B"))
    assert problems == [] and d is not None and d.questions[0].prompt == "a\tb"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unclosed things are reported where they opened, not at the end of the file
        ('deck: "abc\ntitle: T\nquestions: []\n', "1:7: unclosed quoted string: the quote opened here is never closed"),
        ("deck: d\ntitle: 'abc\nquestions: []\n", "2:8: unclosed quoted string: the quote opened here is never closed"),
        (
            "deck: d\ntitle: [a, b\nquestions: []\n\n\n",
            "2:8: unclosed '[': the list opened here has no matching ']' (or a ',' is missing before line 3)",
        ),
        (
            "deck: d\ntitle: {a: b\nquestions: []\n",
            "2:8: unclosed '{': the mapping opened here has no matching '}' (or a ',' is missing before line 3)",
        ),
        (
            "deck: d\ntitle T\nquestions: []\n",
            "2:1: could not find expected ':' after this line's field name (a line of text needs 'field: value')",
        ),
        (
            "deck: d\ntitle: Note: x\n",
            "2:12: unexpected ':' here; put text that contains ': ' in quotes, or check the indentation of this line",
        ),
        ("deck: d\ntitle: @x\n", "2:8: a value cannot start with '@'; put the text in quotes"),
        ("deck: d\ntitle: `x\n", "2:8: a value cannot start with '`'; put the text in quotes"),
        (
            "deck: d\ntitle:\n  a: 1\n b: 2\n",
            "4:2: bad indentation or stray text: expected a field name ('name: value') or the end of the block that starts at line 1",
        ),
        (
            'deck: "a\\qb"\n',
            "1:9: bad quoted string: found unknown escape character (inside double quotes, write '\\\\' for a backslash)",
        ),
        ("deck: *nothing\n", "1:7: alias '*...' refers to an anchor '&...' that is not defined before it"),
        ("deck: &a x\ntitle: &a y\n", "2:8: anchor defined twice; the first is at line 1"),
        ("deck: !x!y d\n", "1:7: unknown tag; question files hold only text, lists and mappings"),
        ("deck: d\x01\n", "1:8: control character U+0001 is not allowed in a question file (delete it)"),
        ('deck: "abc', "1:7: unclosed quoted string: the quote opened here is never closed"),
    ],
)
def test_syntax_errors_in_plain_words(check: Check, text: str, expected: str) -> None:
    assert check(text) == (None, [expected])


def test_a_reported_line_never_points_past_the_end(check: Check) -> None:
    _d, problems = check("deck: d\ntitle: [a,\n\n\n")
    assert problems and all(int(p.split(":")[0]) <= 4 for p in problems)


def test_unreadable_and_folder_paths(tmp_path: Path) -> None:
    assert [p.message for p in check_file(tmp_path)[1]] == ["is a folder, not a question file"]
    missing = tmp_path / "gone.yaml"
    deck, problems = check_file(missing)
    assert deck is None and problems[0].line == 1 and problems[0].message.startswith("cannot read the file: ")


def test_libyaml_is_used_when_present() -> None:
    assert yaml.__with_libyaml__
    assert yamlnodes.DEFAULT_COMPOSER is yamlnodes.LibyamlComposer


@pytest.mark.parametrize("path", sorted(BAD.glob("*.yaml")) + sorted(GOOD.rglob("*.y*ml")), ids=lambda p: p.name)
def test_the_pure_python_fallback_reads_files_the_same_way(path: Path) -> None:
    """Without libyaml (a PyYAML built from source) the same problems are found at the same lines."""
    data = path.read_bytes()
    results = []
    for composer in (yamlnodes.LibyamlComposer, yamlnodes.PurePythonComposer):
        root, problems = yamlnodes.compose(data, composer)
        if root is not None:
            problems = list(validate_document(root, path, yamlnodes.line_count(data)).problems)
        results.append(problems)
    c, py = results
    if path.name == "deep-nesting-10000.yaml":  # Python's recursion limit stops it first
        assert [p.message for p in py] == [p.message for p in c]
    elif path.name in ("syntax-bad-escape.yaml", "syntax-duplicate-yaml-directive.yaml"):  # worded differently
        assert [(p.line, p.column) for p in py] == [(p.line, p.column) for p in c]
    else:
        assert py == c


def test_block_scalar_header_errors(check: Check) -> None:
    assert check("deck: |x\n  a\n")[1] == [
        "1:8: after '|' or '>' only an indentation digit, '-' or '+' may follow on the same line"
    ]
