"""Assemble README.md from the parts in docs/readme/ (sorted by name).

Each part is owned by whoever owns that area of the code; keeping them separate lets the
parts change without conflicts. Run: ``python docs/build_readme.py``.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def build() -> str:
    parts = sorted((HERE / "readme").glob("*.md"))
    return "\n\n".join(p.read_text(encoding="utf-8").strip() for p in parts) + "\n"


if __name__ == "__main__":
    (HERE.parent / "README.md").write_text(build(), encoding="utf-8")
