"""Edits to a bundled deck that is part of the installed program go to the person's own copy.

Installed (a wheel, pipx, the PyInstaller folder) the bundled question files belong to the
program: an upgrade replaces them, and their folder may not be writable. So the first time a
question of such a file is saved, the file is copied into the person's question folder (and
the article its ``source:`` names is copied beside it, ``source:`` then naming that copy), and
every edit is written there. The deck keeps its id, so its answers and memory stay; the loader
takes the person's copy as the deck and leaves the bundled file out (``loader.load_bank``'s
``own``). Deleting the copy brings the shipped version back.

Nothing existing is ever replaced: a name already taken in the question folder gets ``-2``,
``-3``...; an article already there with the very same bytes is used as it is.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from studyapp.safe_write import WritePolicy, write_bytes

#: A ``source:`` value that YAML reads back as the same text when written plain.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\Z")
#: A top-level ``source:`` line, for a file that does not parse as YAML.
_SOURCE_LINE = re.compile(r"^source:[ \t]*([^\s#][^\n#]*?)[ \t\r]*(?:#[^\n]*)?$", re.MULTILINE)


class OwnCopies(NamedTuple):
    """Where edits to the bundled question files go.

    ``bundled``: the bundled question folder; ``own``: the person's question folder;
    ``read_only``: the bundled files belong to the installed program (``paths.bundled_read_only``).
    """

    bundled: Path
    own: Path
    read_only: bool

    def redirects(self, path: Path) -> bool:
        """Whether saving ``path`` writes to a copy in the person's folder instead."""
        return self.read_only and _same(path.parent, self.bundled) and not _same(self.bundled, self.own)


class MadeCopy(NamedTuple):
    """A bundled file copied into the person's folder: its path, its bytes, the copied article."""

    path: Path
    data: bytes
    article: Path | None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return a.absolute() == b.absolute()


def _free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``stem-2.suffix``, ``stem-3.suffix``... when that is taken."""
    candidate, n = folder / name, 2
    stem, suffix = Path(name).stem, Path(name).suffix
    while candidate.exists() or candidate.is_symlink():
        candidate, n = folder / f"{stem}-{n}{suffix}", n + 1
    return candidate


def source_value_span(data: bytes) -> tuple[str, int, int] | None:
    """The top-level ``source:`` of a question file: (its text, start and end offsets in the
    decoded text), or None when there is none. In a file that does not parse as YAML, its
    top-level ``source:`` line is looked for instead."""
    from yaml.nodes import MappingNode, ScalarNode

    from studyapp.bank.yamlnodes import compose

    root, _problems = compose(data)
    if root is None:  # a file that does not parse: its top-level ``source:`` line, if it has one
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        line = _SOURCE_LINE.search(text)
        if line is None:
            return None
        start, end = line.span(1)
        value = line.group(1)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        return value, start, end
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "source" and isinstance(value, ScalarNode):
            text = data.decode("utf-8")
            return str(value.value), _offset(text, value.start_mark.line, value.start_mark.column), \
                _offset(text, value.end_mark.line, value.end_mark.column)
    return None


def _offset(text: str, line: int, column: int) -> int:
    """The offset in ``text`` of 0-based ``line`` and ``column`` (characters)."""
    pos = 0
    for _ in range(line):
        pos = text.index("\n", pos) + 1
    return pos + column


def with_source(data: bytes, name: str) -> bytes:
    """``data`` with its top-level ``source:`` value replaced by ``name``; every other byte kept."""
    found = source_value_span(data)
    if found is None or found[0] == name:
        return data
    _old, start, end = found
    text = data.decode("utf-8")  # a span was found: the bytes are UTF-8
    written = name if _PLAIN_NAME.match(name) else json.dumps(name, ensure_ascii=False)
    return (text[:start] + written + text[end:]).encode("utf-8")


def make_copy(path: Path, data: bytes, own: Path, data_dir: Path | None = None) -> MadeCopy:
    """Copy the bundled question file ``path`` (read as ``data``) into the folder ``own``.

    Its article (``source:``) is copied beside it and ``source:`` names that copy; an article
    that cannot be read is left as written (the copy then lists the same problem the bundled
    file would). Nothing existing is replaced. Raises ``OSError`` when a file cannot be written.
    """
    policy = WritePolicy(data_dirs=(data_dir,) if data_dir else ())
    own.mkdir(parents=True, exist_ok=True)
    found = source_value_span(data)
    article = None
    if found is not None:
        written = found[0]
        if not PurePosixPath(written.replace("\\", "/")).is_absolute():
            article_path = path.parent / PurePosixPath(written.replace("\\", "/"))
            try:
                article_bytes = article_path.read_bytes()
            except OSError:
                article_bytes = None
            if article_bytes is not None:
                article = own / article_path.name
                try:
                    same = article.is_file() and article.read_bytes() == article_bytes
                except OSError:
                    same = False
                if not same:
                    article = _free_name(own, article_path.name)
                    write_bytes(article, article_bytes, policy)
                data = with_source(data, article.name)
    target = _free_name(own, path.name)
    write_bytes(target, data, policy)
    return MadeCopy(target, data, article)
