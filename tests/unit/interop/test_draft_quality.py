"""Questions a teacher would keep: the drafter held to hand labels on openly licensed articles.

``tests/data/articles/labels.yaml`` labels every question drafted from each article keep / edit /
discard, and lists questions an earlier drafter proposed that a teacher threw away. A discarded
question must never come back, and the share kept as drafted must not fall below the recorded one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from studyapp.bank.model import AnyQuestion, ClozeQuestion
from studyapp.interop.draft import draft_questions
from studyapp.interop.draft_lang import Lang
from studyapp.textnorm import collapse_ws

REPO = Path(__file__).resolve().parents[3]
LABELS: dict[str, Any] = yaml.safe_load((REPO / "tests/data/articles/labels.yaml").read_text(encoding="utf-8"))
ARTICLES = {a["path"]: a for a in LABELS["articles"]}


def _same(text: str) -> str:
    return collapse_ws(text)


def _front(q: AnyQuestion) -> str:
    return _same(q.text if isinstance(q, ClozeQuestion) else q.prompt or "")


def _draft(path: str) -> list[AnyQuestion]:
    return draft_questions((REPO / path).read_text(encoding="utf-8"), "labelled", Lang(ARTICLES[path]["lang"]))


def test_three_articles_of_different_kinds_and_languages() -> None:
    shipped = {p for p in ARTICLES if p.startswith("tests/data/articles/")}
    assert len(shipped) >= 3 and {ARTICLES[p]["lang"] for p in shipped} >= {"en", "de"}
    assert all((REPO / p).is_file() for p in ARTICLES)


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_no_discarded_question_comes_back(path: str) -> None:
    fronts = {_front(q) for q in _draft(path)}
    labelled = ARTICLES[path]
    discarded = [d["front"] for d in labelled.get("discarded", [])]
    discarded += [lab["front"] for lab in labelled["labels"] if lab["label"] == "discard"]
    back = [d for d in discarded if _same(d) in fronts]
    assert back == []


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_share_kept_as_drafted_holds(path: str) -> None:
    labelled = ARTICLES[path]
    keep = {(lab["id"], _same(lab["front"])) for lab in labelled["labels"] if lab["label"] == "keep"}
    questions = _draft(path)
    kept = sum((q.id, _front(q)) in keep for q in questions)
    assert questions and kept / len(questions) >= labelled["keep_share"] >= 0.8
    assert len(questions) >= 0.8 * labelled["questions"]  # not fewer questions to keep a share


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_every_labelled_question_has_a_reason(path: str) -> None:
    for lab in ARTICLES[path]["labels"]:
        assert lab["label"] in ("keep", "edit", "discard") and lab["reason"].strip(), lab["id"]
