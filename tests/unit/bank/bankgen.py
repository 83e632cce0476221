"""Generate valid question files of every type, for tests and load-time measurements.

``write_bank(folder, files=100, per_file=100)`` writes ``files`` decks of ``per_file``
questions each, cycling through all eight types, and returns the paths written.
Run as a script to time a cold and a warm load against a bare libyaml parse::

    python tests/unit/bank/bankgen.py [FILES] [PER_FILE]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

_TEMPLATES = (
    """  - id: q{n}-choice
    type: choice
    prompt: Who said on January {n} that the West would engage?
    choices: [Raman Hałoŭčanka {n}, Maksim Ryžankoŭ, Ihar Karpienka, Viktar Babaryka]
    answer: Raman Hałoŭčanka {n}
    explanation: He is the Prime Minister.
    tags: [people, dates]
""",
    """  - id: q{n}-multi
    type: multi
    prompt: Which bodies dismissed the election ({n})?
    choices:
      - European Parliament {n}
      - European Commission
      - United Nations
      - Council of Europe
    answers: [European Parliament {n}, European Commission]
    tags: [eu]
""",
    """  - id: q{n}-truefalse
    type: truefalse
    prompt: Belarus pardoned dozens of political prisoners ({n}).
    answer: true
    explanation: It did.
""",
    """  - id: q{n}-text
    type: text
    prompt: In which city was the news conference held ({n})?
    answer: [Minsk, Miensk]
""",
    """  - id: q{n}-cloze
    type: cloze
    text: On January {{{{26|twenty-six}}}}, he lashed out at the {{{{West}}}} ({n}).
    explanation: A news conference in Minsk.
""",
    """  - id: q{n}-order
    type: order
    prompt: Put these events in order ({n}).
    items:
      - The election
      - January 17 statement
      - January 26 news conference
""",
    """  - id: q{n}-match
    type: match
    prompt: Match each person to their role ({n}).
    pairs:
      Raman Hałoŭčanka: Prime Minister
      Maksim Ryžankoŭ: Foreign Minister
      Joe Biden: US President
""",
    """  - id: q{n}-card
    type: card
    prompt: Who is Belarus's Foreign Minister ({n})?
    answer: Maksim Ryžankoŭ
""",
)


def deck_text(deck_id: str, count: int) -> str:
    """The YAML text of one valid deck with ``count`` questions of all types."""
    body = "".join(_TEMPLATES[n % len(_TEMPLATES)].format(n=n) for n in range(count))
    return f"deck: {deck_id}\ntitle: Generated deck {deck_id}\nquestions:\n{body}"


def write_bank(folder: Path, files: int = 100, per_file: int = 100) -> list[Path]:
    """Write ``files`` deck files of ``per_file`` questions into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(files):
        path = folder / f"deck-{i:04d}.yaml"
        path.write_text(deck_text(f"deck-{i:04d}", per_file), encoding="utf-8")
        paths.append(path)
    return paths


def _median_time(func: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main(argv: list[str]) -> int:
    import yaml

    from studyapp.bank.loader import load_bank

    files = int(argv[0]) if argv else 100
    per_file = int(argv[1]) if len(argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "questions"
        cache = Path(tmp) / "cache"
        paths = write_bank(folder, files, per_file)

        def bare() -> None:
            for p in paths:
                yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)

        bank = load_bank([folder])
        assert not bank.problems, bank.problems[:3]
        assert bank.question_count == files * per_file
        t_bare = _median_time(bare)
        t_cold = _median_time(lambda: load_bank([folder]))
        load_bank([folder], cache_dir=cache)
        t_warm = _median_time(lambda: load_bank([folder], cache_dir=cache))
        print(f"{files} files x {per_file} questions")
        print(f"bare CSafeLoader parse: {t_bare * 1000:7.1f} ms")
        print(f"cold load_bank:         {t_cold * 1000:7.1f} ms  ({t_cold / t_bare:.2f}x)")
        print(f"warm load_bank (cache): {t_warm * 1000:7.1f} ms  ({t_warm / t_bare:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
