"""The bundled deck's prebuilt result: used only for the exact bytes it was built from.

``PrebuiltBank`` must return what a cold ``read_file`` returns, or nothing. The copies below
keep the bundled layout (``questions/`` next to ``seeds/``) in ``tmp_path`` and build their
own prebuilt file from them with ``prebuilt.build``, the function that writes the shipped one.
"""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.bank.cache import CACHE_FILENAME
from studyapp.bank.loader import load_bank, read_file
from studyapp.bank.prebuilt import PREBUILT_PATH, PrebuiltBank, build
from studyapp.paths import bundled_questions_dir, bundled_root

DECK_FILE = "belarus-west-2025.yaml"
ARTICLE = "000_f104dea7fb288af0.txt"
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the bundled questions and seeds, and a prebuilt file built from it; returns the root."""
    root = tmp_path / "bundle"
    shutil.copytree(bundled_root() / "questions", root / "questions")
    shutil.copytree(bundled_root() / "seeds", root / "seeds")
    assert build(root / "questions", root / "bundled.prebuilt") == 1
    return root


def served(root: Path) -> PrebuiltBank:
    return PrebuiltBank(root / "questions", root / "bundled.prebuilt")


def test_the_shipped_prebuilt_file_is_current() -> None:
    """Fails after any change to the bundled files or the loader's code: regenerate it with
    ``python -m studyapp.bank.prebuilt`` (the start-up then stays fast; it is correct either way)."""
    path = bundled_questions_dir() / DECK_FILE
    hit = PrebuiltBank(bundled_questions_dir()).lookup(path)
    assert hit is not None, f"{PREBUILT_PATH} is stale: run python -m studyapp.bank.prebuilt"
    assert hit == read_file(path)
    assert hit.deck is not None and len(hit.deck.questions) >= 90


def test_a_hit_equals_a_cold_read_in_another_folder(copy: Path) -> None:
    path = copy / "questions" / DECK_FILE
    hit = served(copy).lookup(path)
    assert hit is not None and hit == read_file(path)
    assert hit.deck is not None and hit.deck.path == path
    assert hit.deck.source == (copy / "seeds" / ARTICLE).resolve()


def test_an_edited_question_file_is_read_again(copy: Path) -> None:
    path = copy / "questions" / DECK_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Belarus and the West", "title: Belarus and the EAST", 1), encoding="utf-8")
    assert served(copy).lookup(path) is None
    bank = load_bank([copy / "questions"], prebuilt=served(copy))
    assert bank.decks[0].title.startswith("Belarus and the EAST")


def test_a_same_size_edit_is_noticed(copy: Path) -> None:
    """Keyed on the bytes, not on size or time: one letter changed, same length, same mtime."""
    path = copy / "questions" / DECK_FILE
    st = path.stat()
    data = path.read_bytes()
    path.write_bytes(data.replace(b"title: Belarus", b"title: Belaruz", 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert served(copy).lookup(path) is None


def test_a_changed_article_is_read_again_and_its_problems_reported(copy: Path) -> None:
    article = copy / "seeds" / ARTICLE
    article.chmod(0o644)
    article.write_text("Nothing of the original article.\n", encoding="utf-8")
    path = copy / "questions" / DECK_FILE
    assert served(copy).lookup(path) is None
    with_prebuilt = load_bank([copy / "questions"], prebuilt=served(copy))
    assert with_prebuilt == load_bank([copy / "questions"])
    assert with_prebuilt.decks == () and any("is not in the source" in p.message for p in with_prebuilt.problems)


def test_a_missing_article_is_read_again(copy: Path) -> None:
    (copy / "seeds" / ARTICLE).unlink()
    assert served(copy).lookup(copy / "questions" / DECK_FILE) is None


def test_files_outside_its_folder_are_never_served(copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(copy / "questions" / DECK_FILE, other / DECK_FILE)
    assert served(copy).lookup(other / DECK_FILE) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other code", "missing"])
def test_a_damaged_or_foreign_prebuilt_file_is_ignored(copy: Path, damage: str) -> None:
    file = copy / "bundled.prebuilt"
    blob = file.read_bytes()
    if damage == "garbage":
        file.write_bytes(b"\x00" * 64)
    elif damage == "truncated":
        file.write_bytes(blob[: len(blob) // 2])
    elif damage == "other code":  # built by another version of the loader
        magic, body = blob[: blob.index(b"\n") + 1], blob[blob.index(b"\n") + 1 :]
        checksum, entries = marshal.loads(body)
        file.write_bytes(magic + marshal.dumps((checksum ^ 1, entries)))
    else:
        file.unlink()
    path = copy / "questions" / DECK_FILE
    assert served(copy).lookup(path) is None
    assert load_bank([copy / "questions"], prebuilt=served(copy)) == load_bank([copy / "questions"])


def test_a_hit_fills_the_data_dir_cache(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_bank([copy / "questions"], cache_dir=cache, prebuilt=served(copy))
    assert (cache / CACHE_FILENAME).is_file()
    assert load_bank([copy / "questions"], cache_dir=cache) == first == load_bank([copy / "questions"])


def test_a_first_start_loads_the_bundled_deck_without_the_parser(tmp_path: Path) -> None:
    """What the prebuilt file is for: no YAML parser or validator on a fresh data dir."""
    probe = (
        "import sys; from pathlib import Path\n"
        "from studyapp.bank.loader import load_bank\n"
        "from studyapp.bank.prebuilt import PrebuiltBank\n"
        "from studyapp.paths import bundled_questions_dir\n"
        "d = bundled_questions_dir()\n"
        f"bank = load_bank([d], cache_dir=Path({str(tmp_path / 'cache')!r}), prebuilt=PrebuiltBank(d))\n"
        "print(bank.question_count, len(bank.problems), 'yaml' in sys.modules, 'studyapp.bank.validate' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    count, problems, yaml_loaded, validator_loaded = out.stdout.split()
    assert int(count) >= 90 and problems == "0"
    assert (yaml_loaded, validator_loaded) == ("False", "False")
