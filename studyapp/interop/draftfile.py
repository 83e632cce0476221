"""Turn an article file into a draft question file on disk: source path, article copy, header, atomic write.

The loader lets ``source`` climb at most one folder above the question file. When the article
sits further away (or on another drive), a copy of it is written beside the question file and
``source`` names the copy.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from studyapp.articles.reading import ArticleError, ArticleFormat, format_of, read_article_file
from studyapp.bank.model import AnyQuestion
from studyapp.interop.draft import draft_questions
from studyapp.interop.draft_lang import Lang
from studyapp.interop.yamlwrite import MAX_FILE_BYTES, dump_deck
from studyapp.safe_write import WritePolicy, check_target, write_text, write_through

DRAFT_HEADER = "Drafted by studyapp from {name}. Review every question, then delete the 'draft' tags."


class DraftError(Exception):
    """The article cannot be drafted from (unreadable, not UTF-8, too large); the message says why."""


@dataclass(frozen=True, slots=True)
class SourcePlan:
    """How the question file will point at its article."""

    relative: str  # the ``source:`` value, with forward slashes
    copy_to: Path | None  # where the article must be copied first, or None when it is reachable


def read_article_text(article: Path) -> str:
    """The article's text (read from Markdown, a web page or a PDF when it is one, see
    ``studyapp.articles.reading``); raises ``DraftError`` with a readable message."""
    if format_of(article) is not ArticleFormat.TEXT:
        try:
            return read_article_file(article).text
        except ArticleError as exc:
            raise DraftError(f"{article}: {exc}") from exc
    try:
        data = article.read_bytes()
    except OSError as exc:
        raise DraftError(f"{article}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise DraftError(f"{article}: larger than 1 MiB; split it into smaller articles")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{article}: not UTF-8 text (byte {exc.start}); save it as UTF-8 first") from exc


def plan_source(article: Path, output: Path) -> SourcePlan:
    """``source`` for a question file at ``output`` about ``article``, copying the article when too far."""
    article, out_dir = article.resolve(), output.resolve().parent
    try:
        rel = PurePosixPath(Path(os.path.relpath(article, out_dir)).as_posix())
    except ValueError:  # another drive on Windows
        rel = None
    if rel is not None and sum(p == ".." for p in rel.parts) <= 1 and ".." not in rel.parts[1:]:
        return SourcePlan(str(rel), None)
    copy = out_dir / article.name
    if copy.exists() and copy.read_bytes() != article.read_bytes():
        copy = out_dir / f"{output.stem}-{article.name}"
    return SourcePlan(copy.name, copy)


def default_output(article: Path, deck_id: str) -> Path:
    """Without ``-o`` the draft goes next to its article, so ``source`` is just the article's name."""
    return article.parent / f"{deck_id}.yaml"


def draft_text(
    article_text: str,
    deck_id: str,
    title: str,
    source: str,
    article_name: str,
    questions: Sequence[AnyQuestion] | None = None,
    lang: Lang | None = None,
) -> str:
    """The question file's text (``questions`` defaults to a fresh draft of ``article_text``)."""
    if questions is None:
        questions = draft_questions(article_text, deck_id, lang)
    return dump_deck(deck_id, title, questions, source, header=DRAFT_HEADER.format(name=article_name))


def is_previous_output(path: Path) -> bool:
    """True when ``path`` was written by studyapp's draft or import (so it may be replaced)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline()
    except OSError:
        return False
    return first.startswith(("# Drafted by studyapp", "# Imported by studyapp"))


def write_draft(
    article: Path,
    output: Path,
    deck_id: str,
    title: str,
    questions: Sequence[AnyQuestion] | None = None,
    policy: WritePolicy = WritePolicy(),
    lang: Lang | None = None,
    history_dir: Path | None = None,
    expected: bytes | None = None,
) -> tuple[int, Path | None]:
    """Write the draft file; returns (questions written, article copy made or None).

    ``policy`` says whether an existing ``output`` may be replaced (by default it may not); ``lang``
    is the article's language (detected when None). With ``history_dir`` a replaced file is first
    kept there, as the question editor keeps it (``authoring.saving``), and with ``expected`` (the
    bytes a review started from) a file changed meanwhile by another program is not replaced;
    raises ``DraftError``, ``WriteRefused`` or ``OSError``, and then nothing is written.
    """
    text = read_article_text(article)
    plan = plan_source(article, output)
    if questions is None:
        questions = draft_questions(text, deck_id, lang)
    body = draft_text(text, deck_id, title, plan.relative, article.name, questions)
    if len(body.encode("utf-8")) > MAX_FILE_BYTES:
        raise DraftError(f"{output}: the draft would be larger than 1 MiB; draft a shorter article")
    check_target(output, policy)  # before the article is copied: a refused draft leaves nothing behind
    if plan.copy_to is not None and not plan.copy_to.exists():
        copy_to = plan.copy_to
        write_through(copy_to, lambda tmp: shutil.copyfile(article, tmp), WritePolicy(policy.data_dirs))
    if history_dir is not None and policy.replace_existing:
        from studyapp.authoring.saving import save_file

        data_dir = policy.data_dirs[0] if policy.data_dirs else None
        save_file(output, body.encode("utf-8"), history_dir, data_dir=data_dir, expected=expected)
    else:
        write_text(output, body, policy)
    return len(questions), plan.copy_to
