"""The format documentation is right: its examples load and its error examples are real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bankhelpers import TESTS

from studyapp.bank.loader import check_data
from studyapp.paths import bundled_questions_dir

REPO = TESTS.parent
DOCS = [REPO / "studyapp" / "bank" / "format_reference.md", REPO / "docs" / "guide" / "question-files.md"]


def yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_example_in_the_docs_loads(doc: Path) -> None:
    blocks = yaml_blocks(doc)
    assert blocks
    # quotes in the examples are from the bundled article, so check them as if in questions/
    where = bundled_questions_dir() / "example.yaml"
    snippets = "".join(b for b in blocks if b.startswith("  - id:"))
    whole = [b for b in blocks if b.startswith("deck:")]
    if snippets:
        whole.append("deck: snippets\ntitle: Snippets\nquestions:\n" + snippets)
    types = set()
    for text in whole:
        result = check_data(text.encode("utf-8"), where)
        assert result.problems == ()
        assert result.deck is not None
        types |= {q.type for q in result.deck.questions}
    assert len(types) == 8  # every type is shown


def test_the_check_example_in_the_readme_is_real_output(tmp_path: Path) -> None:
    # rebuild the file the README's example output comes from and compare line by line
    readme = DOCS[1].read_text(encoding="utf-8")
    shown = re.search(r"\$ studyapp check questions/my-deck.yaml\n(.*?)\n\$", readme, re.DOTALL)
    assert shown is not None
    text = (
        "deck: my-deck\ntitle: My deck\nquestions:\n"
        "  - id: capital\n    type: choice\n    prompt: Where did Łukašenka hold the news conference?\n"
        "    choices: [Minsk, Brest, Hrodna]\n    answer: Miensk\n"
        "  - id: capital\n    type: truefalse\n    prompt: The news conference was in Minsk.\n    answer: yes\n"
        "  - id: roles\n    type: match\n    prompt: Match each person to their role.\n    pairs:\n"
        "      Raman Hałoŭčanka: Prime Minister\n      Maksim Ryžankoŭ: Foreign Minister\n"
    )
    result = check_data(text.encode("utf-8"), tmp_path / "my-deck.yaml")
    lines = [f"questions/my-deck.yaml:{p.line}:{p.column}: {p.message}" for p in result.problems]
    assert [*lines, f"1 file, 0 questions, {len(lines)} problems"] == shown.group(1).splitlines()
    assert shown.group(1) in DOCS[0].read_text(encoding="utf-8")
