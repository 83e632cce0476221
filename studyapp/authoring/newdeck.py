"""A new deck: check the names a person chose, and the text of the file that starts it.

The file is written only when its first question is saved in the editor (a deck needs at
least one question to load); the article is copied beside it first, as ``<file name>.txt``,
and ``source:`` names it.
"""

from __future__ import annotations

import re
from pathlib import Path

from studyapp.interop.yamlwrite import quote
from studyapp.messages import QT_TRANSLATE_NOOP, Message

_DECK_ID = re.compile(r"[a-z0-9-]+\Z")
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
FIRST_ID = "q1"


def yaml_name(file_name: str) -> str:
    """``file_name`` with ``.yaml`` added unless it ends in ``.yaml`` or ``.yml``."""
    name = file_name.strip()
    return name if name.endswith((".yaml", ".yml")) else name + ".yaml"


def new_deck_problems(questions_dir: Path, file_name: str, deck_id: str, title: str, taken_ids: set[str],
                      article: str) -> list[Message]:
    """What is wrong with these choices (empty when the deck can be made); ``str()`` of each is its English."""
    problems: list[Message] = []
    name = yaml_name(file_name)
    if not file_name.strip() or not _FILE_NAME.match(name):
        problems.append(Message(QT_TRANSLATE_NOOP("Core", "file name: letters, digits, '-', '_' and '.' only (like 'my-deck')")))
    elif (questions_dir / name).exists():
        problems.append(Message(QT_TRANSLATE_NOOP("Core", "file name: {name} already exists in your question folder"),
                                name=name))
    elif (questions_dir / article_name(name)).exists() and article.strip():
        problems.append(Message(QT_TRANSLATE_NOOP(
            "Core", "file name: {name} (the article's copy) already exists in your question folder"), name=article_name(name)))
    if not _DECK_ID.match(deck_id):
        problems.append(Message(QT_TRANSLATE_NOOP(
            "Core", "deck id: lowercase letters, digits and hyphens only (like 'belarus-west-2025')")))
    elif deck_id in taken_ids:
        problems.append(Message(QT_TRANSLATE_NOOP("Core", "deck id: '{id}' is already used by another deck"), id=deck_id))
    if not title.strip():
        problems.append(Message(QT_TRANSLATE_NOOP("Core", "title: give the deck a title")))
    return problems


def article_name(yaml_file: str) -> str:
    """The name the article's copy gets beside the deck file."""
    return Path(yaml_file).stem + ".txt"


def deck_text(deck_id: str, title: str, source: str | None) -> bytes:
    """The new file with one placeholder question (``FIRST_ID``) that the editor replaces."""
    lines = [f"deck: {deck_id}", f"title: {quote(title.strip())}"]
    if source:
        lines.append(f"source: {quote(source)}")
    lines += ["questions:", f"  - id: {FIRST_ID}", "    type: card", '    prompt: "?"', '    answer: "?"']
    return ("\n".join(lines) + "\n").encode("utf-8")
