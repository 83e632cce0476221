"""Benchmark 10: saving one edit into a question file just under the loader's 1 MiB limit.

The file holds about 7,500 questions. The editor opens it once (``EditSession.open``: read,
find every question's span, check the whole file with the loader, or take the loader's cached
result when the file is unchanged since the window loaded it; both timed as information). One
round then edits the prompt of the middle question and saves it the way the editor does:
``EditSession.check`` (rewrite that question's text with ruamel.yaml; the edited file is
re-checked with the loader's rules: the deck's fields, comments and the edited question run
through ``check_data`` at their places, the other questions, which are unchanged and checked
at open, are held to the one rule that spans questions, unique ids) and ``EditSession.save``
(previous version kept in the history, written through ``safe_write``: temporary file, fsync,
rename). Target ≤ 50 ms median. For scale, the naive way, ``apply_edit`` + ``check_data`` of
the whole edited file, is timed as the baseline.
"""

from __future__ import annotations

from harness import Context, Row, paired, timed

NAME = "edit"
TARGET_BYTES = 2**20 - 4096

_KINDS = (
    "    type: card\n    prompt: Who announced the plan number {i} in Minsk?\n    answer: Raman Hałoŭčanka {i}\n",
    "    type: choice\n    prompt: Which city hosted meeting {i}?\n    choices: [Minsk, Brest, Hrodna, Viciebsk]\n    answer: Minsk\n",
    "    type: text\n    prompt: 'In which year did event {i} happen?'\n    answer: [\"20{i}\", twenty]\n",
    "    type: truefalse\n    prompt: Statement {i} is true.\n    answer: true\n    tags: [dates, people]\n",
)


def make_file() -> bytes:
    """A valid question file of about ``TARGET_BYTES`` (comments and blank lines between questions)."""
    parts = ["# generated for the edit benchmark\ndeck: edit-bench\ntitle: Edit benchmark\nquestions:\n"]
    size, i = len(parts[0]), 0
    while True:
        item = f"  # question {i}\n  - id: q{i}\n" + _KINDS[i % len(_KINDS)].format(i=i) + "\n"
        if size + len(item.encode()) > TARGET_BYTES:
            break
        parts.append(item)
        size += len(item.encode())
        i += 1
    return "".join(parts).encode()


def run(ctx: Context) -> list[Row]:
    from studyapp.authoring.draft import draft_of
    from studyapp.authoring.editcheck import EditKind, apply_edit
    from studyapp.authoring.saving import save_file
    from studyapp.authoring.session import EditSession
    from studyapp.bank.loader import read_file

    folder = ctx.work / "edit"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "edit-bench.yaml"
    path.write_bytes(make_file())
    deck = read_file(path).deck
    if deck is None:
        raise RuntimeError("the generated file does not load")
    middle = deck.questions[len(deck.questions) // 2]
    from studyapp.bank.loader import load_bank

    cache = folder / "cache"
    load_bank([folder], cache_dir=cache)  # as the window's load leaves it
    opened = paired({"open": timed(lambda: EditSession.open(path)),
                     "warm": timed(lambda: EditSession.open(path, cache))}, ctx.rounds(5, 2))
    counter = [0]
    session = EditSession.open(path)
    naive_path = folder / "naive.yaml"
    naive_path.write_bytes(path.read_bytes())

    def draft() -> dict[str, object]:
        counter[0] += 1
        d = draft_of(middle)
        d["prompt"] = f"Edited prompt, version {counter[0]}?"
        return d  # type: ignore[return-value]

    def save_one() -> None:
        result = session.check(EditKind.REPLACE, middle.id, draft())  # type: ignore[arg-type]
        if not result.ok:
            raise RuntimeError(f"the edit did not check: {result.problems}")
        session.save(result, folder / "history")

    def save_naive() -> None:
        result = apply_edit(naive_path, naive_path.read_bytes(), EditKind.REPLACE, middle.id, draft())  # type: ignore[arg-type]
        if not result.ok:
            raise RuntimeError(f"the edit did not check: {result.problems}")
        save_file(naive_path, result.data, folder / "history-naive")

    rounds = ctx.rounds(20, 5)
    res = paired({"save": timed(save_one), "naive": timed(save_naive)}, rounds)
    size_kib = path.stat().st_size // 1024
    return [
        Row("10", f"save one edit: {size_kib:,} KiB file, {len(deck.questions):,} questions, edited file re-checked, "
                 f"previous version kept ({rounds} rounds)", studyapp=res["save"],
            baseline_name="re-parse and check the whole file", baseline=res["naive"],
            limit=0.050, limit_is_ratio=False),
        Row("10", "open that file in the editor: read, find every question, check it whole (information)",
            studyapp=opened["open"]),
        Row("10", "open it unchanged since the window loaded it: the loader's cached result is taken (information)",
            studyapp=opened["warm"]),
    ]
