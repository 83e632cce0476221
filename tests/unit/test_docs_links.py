"""The README is a front page a newcomer reads in two minutes, and no link in the docs is broken."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGES = [REPO / "README.md", *sorted((REPO / "docs" / "guide").glob("*.md")), REPO / "docs" / "ARCHITECTURE.md"]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_stays_a_front_page() -> None:
    assert len((REPO / "README.md").read_bytes()) < 12 * 1024


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_points_at_a_file_that_exists(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)  # Markdown syntax shown as code is not a link
    missing = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue  # a web address or an anchor in the page
        if not (page.parent / target.split("#")[0]).exists():
            missing.append(target)
    assert missing == []


def test_every_guide_page_is_linked_from_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for page in (REPO / "docs" / "guide").glob("*.md"):
        assert f"docs/guide/{page.name}" in readme, page.name
