"""The folder test_hostile_sweep builds: question files whose every field holds markup.

Each hostile value starts with a tag, so Qt's guess (``Qt::mightBeRichText``) takes it for rich
text wherever a format is guessed: ``<img src=...>`` pointing at a FIFO (opening it blocks) and at
``/dev/zero`` (reading it never ends), ``<b>``, ``<a href>`` and ``<style>``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

FIFO_NAME = "fifo"


def hostile_values(fifo: Path) -> dict[str, str]:
    """Name -> hostile text; every field of the files below takes one of them."""
    return {
        "fifo": f'<img src="file://{fifo}"> fifo',
        "zero": '<img src="file:///dev/zero"> zero',
        "relative": f"<img src={FIFO_NAME}> relative",
        "bold": "<b>bold</b> text",
        "link": '<a href="https://example.invalid/">link</a> text',
        "style": "<style>body { color: red }</style> style",
        "error": f'<img src="file:///dev/zero"> error and <img src="file://{fifo}">',
    }


@dataclass(frozen=True)
class SweepPaths:
    """Where everything is, under the work folder."""

    work: Path
    fifo: Path
    data: Path
    questions: Path
    broken: Path
    draft_article: Path
    import_file: Path
    values: dict[str, str]


def layout(work: Path) -> SweepPaths:
    """The paths of the sweep's folder (``build`` writes them)."""
    fifo = work / FIFO_NAME
    questions = work / "questions"
    return SweepPaths(
        work=work,
        fifo=fifo,
        data=work / f"data <img src={FIFO_NAME}>",
        questions=questions,
        broken=work / f"<img src={FIFO_NAME}> broken.yaml",
        draft_article=work / f"<img src={FIFO_NAME}> draft.txt",
        import_file=work / f"<img src={FIFO_NAME}> export.txt",
        values=hostile_values(fifo),
    )


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def _list(items: list[str]) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def deck_text(deck: str, title: str, source: str | None, v: dict[str, str]) -> str:
    """A deck with one question of every type, every field hostile."""
    tags = _list([v["zero"], v["fifo"], v["relative"], v["bold"], v["link"], v["style"]])
    quote = _q(v["zero"])
    common = f"    explanation: {_q(v['link'])}\n    tags: {tags}\n" + (f"    quote: {quote}\n" if source else "")
    src = f"source: {_q(source)}\n" if source else ""
    return (
        f"deck: {deck}\ntitle: {_q(title)}\n{src}questions:\n"
        f"  - id: choice\n    type: choice\n    prompt: {_q(v['zero'])}\n"
        f"    choices: {_list([v['fifo'], v['bold'], v['style']])}\n    answer: {_q(v['fifo'])}\n{common}"
        f"  - id: multi\n    type: multi\n    prompt: {_q(v['fifo'])}\n"
        f"    choices: {_list([v['zero'], v['relative'], v['link']])}\n    answers: {_list([v['zero'], v['link']])}\n{common}"
        f"  - id: truefalse\n    type: truefalse\n    prompt: {_q(v['relative'])}\n    answer: true\n{common}"
        f"  - id: text\n    type: text\n    prompt: {_q(v['bold'])}\n"
        f"    answer: [{_q('<img src=/dev/zero> typed <b>answer</b>')}, {_q(v['zero'])}]\n{common}"
        f"  - id: cloze\n    type: cloze\n    prompt: {_q(v['style'])}\n"
        f"    text: {_q(v['zero'] + ' {{<b>bold</b> gap}} and ' + v['fifo'] + ' {{' + v['link'] + '}}')}\n{common}"
        f"  - id: order\n    type: order\n    prompt: {_q(v['link'])}\n"
        f"    items: {_list([v['zero'], v['fifo'], v['relative'], v['bold']])}\n{common}"
        f"  - id: match\n    type: match\n    prompt: {_q(v['zero'])}\n    pairs:\n"
        f"      {_q(v['zero'])}: {_q(v['fifo'])}\n      {_q(v['bold'])}: {_q(v['relative'])}\n"
        f"      {_q(v['style'])}: {_q(v['link'])}\n{common}"
        f"  - id: card\n    type: card\n    prompt: {_q(v['fifo'])}\n    answer: {_q(v['zero'])}\n{common}"
    )


def build(work: Path) -> SweepPaths:
    """Write the folder: the FIFO, two hostile decks (one with an article), a broken file, an
    article to draft from and a text export to import."""
    p = layout(work)
    v = p.values
    os.mkfifo(p.fifo)
    p.questions.mkdir(parents=True)
    article_name = f"<img src={FIFO_NAME}> article.txt"
    article = "\n".join([v["style"], v["zero"] + " is quoted here.", v["fifo"], v["bold"], v["link"], ""])
    (p.questions / article_name).write_text(article, encoding="utf-8")
    (p.questions / "hostile-a.yaml").write_text(deck_text("hostile-a", v["zero"] + " deck A", article_name, v), encoding="utf-8")
    (p.questions / f"<img src={FIFO_NAME}> b.yaml").write_text(deck_text("hostile-b", v["fifo"] + " deck [*] B", None, v), encoding="utf-8")
    broken = f"deck: {_q(v['zero'])}\ntitle: {_q(v['bold'])}\nquestions:\n  - id: a\n    type: {_q(v['zero'])}\n    prompt: p\n"
    (p.questions / p.broken.name).write_text(broken, encoding="utf-8")  # its path starts the problem lines
    p.broken.write_text(broken, encoding="utf-8")
    p.draft_article.write_text(
        "\n\n".join(f"{v[k]} was said on January 17 by the Prime Minister of the country." for k in ("zero", "fifo", "bold")),
        encoding="utf-8",
    )
    rows = [f"{v[a]}\t{v[b]}" for a, b in (("zero", "fifo"), ("bold", "relative"), ("style", "link"))]
    p.import_file.write_text("#separator:tab\n#html:false\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return p
