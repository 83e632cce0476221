"""File → Add question file…: valid files are copied with their article, invalid ones are not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from window_samples import ARTICLE, BROKEN, GOOD, ScriptedDialogs, write_deck

from studyapp.ui.deck_model import Column


def _add(window: Any) -> None:
    window.add_action.trigger()


def test_valid_file_is_copied_with_its_article_and_shown(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    elsewhere = write_deck(tmp_path / "downloads", "mine.yaml", GOOD)
    running = make_app(dirs=None)
    window = running.window
    before = window.home.model.rowCount()
    scripted.files_to_open.append(elsewhere)
    _add(window)

    questions = running.core.paths.questions
    assert (questions / "mine.yaml").read_bytes() == elsewhere.read_bytes()
    assert (questions / "article.txt").read_text(encoding="utf-8") == ARTICLE
    assert window.home.model.rowCount() == before + 1
    assert window.home.current_deck_id() == "sample-deck"
    deck = window.bank.deck("sample-deck")
    assert deck is not None and deck.path.parent == questions
    assert scripted.texts("warn") == []


def test_source_one_folder_up_keeps_its_relative_path(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    root = tmp_path / "project"
    write_deck(root / "seeds", "unused.txt", "", article=ARTICLE)
    deck_file = write_deck(root / "decks", "up.yaml", GOOD.replace("source: article.txt", "source: ../seeds/article.txt"), article=None)
    running = make_app(dirs=None)
    scripted.files_to_open.append(deck_file)
    _add(running.window)

    q = running.core.paths.questions
    assert (q / "sample-deck" / "up.yaml").is_file()
    assert (q / "seeds" / "article.txt").read_text(encoding="utf-8") == ARTICLE
    deck = running.window.bank.deck("sample-deck")
    assert deck is not None and deck.source == (q / "seeds" / "article.txt").resolve()


def test_invalid_file_shows_problems_and_copies_nothing(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    bad = write_deck(tmp_path / "downloads", "bad.yaml", BROKEN, article=None)
    running = make_app(dirs=None)
    rows = running.window.home.model.rowCount()
    scripted.files_to_open.append(bad)
    _add(running.window)

    [text] = scripted.texts("choose")  # offered to fix it or copy it; cancelled here
    assert "nothing was copied" in text
    assert f"{bad}:8:" in text  # file:line:column
    assert list(running.core.paths.questions.iterdir()) == []
    assert running.window.home.model.rowCount() == rows


def test_different_file_of_same_name_is_not_replaced_without_asking(
    make_app: Any, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    running = make_app(dirs=None)
    q = running.core.paths.questions
    mine = write_deck(q, "mine.yaml", GOOD)
    running.window.reload()
    newer = write_deck(tmp_path / "downloads", "mine.yaml", GOOD.replace("Sample deck", "Sample deck, new edition"))

    scripted.files_to_open.append(newer)
    scripted.confirm_answers.append(False)
    _add(running.window)
    assert "already has a different file named mine.yaml" in scripted.texts("confirm")[0]
    assert "new edition" not in mine.read_text(encoding="utf-8")

    scripted.files_to_open.append(newer)
    scripted.confirm_answers.append(True)
    _add(running.window)
    assert "new edition" in mine.read_text(encoding="utf-8")
    model = running.window.home.model
    titles = [model.data(model.index(r, Column.TITLE)) for r in range(model.rowCount())]
    assert "Sample deck, new edition" in titles


def test_same_deck_id_from_another_file_is_refused(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs) -> None:
    folder = tmp_path / "questions"
    write_deck(folder, "first.yaml", GOOD)
    running = make_app(dirs=[folder])
    other = write_deck(tmp_path / "downloads", "other.yaml", GOOD)
    scripted.files_to_open.append(other)
    _add(running.window)
    [text] = scripted.texts("warn")
    assert "already loaded" in text
    assert not (running.core.paths.questions / "other.yaml").exists()


def _bad_corpus() -> list[tuple[str, int]]:
    table = Path(__file__).resolve().parents[1] / "data" / "bad" / "expected.tsv"
    rows = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, lineno, *_ = line.split("\t")
        rows.append((name, int(lineno)))
    return rows


def test_every_file_of_the_bad_corpus_is_refused_from_the_menu(
    make_app: Any, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    """Issue 6: adding any broken file shows its problem at file:line and copies nothing."""
    bad_dir = Path(__file__).resolve().parents[1] / "data" / "bad"
    good = Path(__file__).resolve().parents[1] / "data" / "good" / "all-types.yaml"
    running = make_app(dirs=[good.parent])  # so duplicate-deck-id.yaml meets the deck it repeats
    questions = running.core.paths.questions
    rows = running.window.home.model.rowCount()
    corpus = _bad_corpus()
    assert len(corpus) >= 40
    for name, lineno in corpus:
        scripted.calls.clear()
        scripted.files_to_open.append(bad_dir / name)
        _add(running.window)
        warnings = scripted.texts("choose") + scripted.texts("warn")  # a deck id clash is only warned about
        assert len(warnings) == 1, name
        assert f":{lineno}:" in warnings[0], (name, warnings[0])
        assert list(questions.iterdir()) == [], name
    assert running.window.home.model.rowCount() == rows


def test_a_question_file_linked_to_the_database_is_never_written_through(
    make_app: Any, tmp_path: Path, scripted: ScriptedDialogs
) -> None:
    """The copy goes through safe_write: even after "Replace?" is answered yes, a name in the
    question folder that links to the database is refused and the database keeps its bytes."""
    running = make_app(dirs=None)
    db = running.core.paths.database
    q = running.core.paths.questions
    q.mkdir(parents=True, exist_ok=True)
    (q / "mine.yaml").symlink_to(db)
    before = db.read_bytes()
    newer = write_deck(tmp_path / "downloads", "mine.yaml", GOOD)

    scripted.files_to_open.append(newer)
    scripted.confirm_answers.append(True)
    _add(running.window)

    assert db.read_bytes() == before
    assert (q / "mine.yaml").is_symlink()
    assert any("database" in t and "never written over" in t for t in scripted.texts("warn"))


def test_broken_file_opens_in_the_editor_at_its_first_problem(make_app: Any, tmp_path: Path, scripted: ScriptedDialogs,
                                                               qtbot: Any) -> None:
    """Issue 13 §5: a broken file is something to fix: its text opens at the first problem."""
    from studyapp.ui.question_editor_text import FileTextEditor

    bad = write_deck(tmp_path / "downloads", "bad.yaml", BROKEN, article=None)
    running = make_app(dirs=None)
    scripted.files_to_open.append(bad)
    scripted.choices.append(0)
    _add(running.window)
    editor = running.window.findChildren(FileTextEditor)[-1]
    assert editor.path == bad and editor.text.textCursor().blockNumber() + 1 == 8
    editor.text.setPlainText(BROKEN.replace("answer: c", "answer: a"))
    editor.save_button.click()
    assert editor.problems.count() == 0 and "answer: a" in bad.read_text(encoding="utf-8")
    assert list(running.core.paths.questions.iterdir()) == []  # fixed in place; added when the person adds it


def test_broken_file_copied_in_is_tracked_by_the_problems_panel(make_app: Any, tmp_path: Path,
                                                                 scripted: ScriptedDialogs, qtbot: Any) -> None:
    bad = write_deck(tmp_path / "downloads", "bad.yaml", BROKEN, article=None)
    running = make_app(dirs=None)
    window = running.window
    scripted.files_to_open.append(bad)
    scripted.choices.append(1)
    _add(window)
    copy = running.core.paths.questions / "bad.yaml"
    assert copy.read_bytes() == bad.read_bytes()
    assert [p.path for p in window.bank.problems] == [copy]
    assert any("bad.yaml:8:" in line for line in window.home.problems.lines())
    copy.write_text(BROKEN.replace("answer: c", "answer: a"), encoding="utf-8")  # fixed outside: it reloads itself
    qtbot.waitUntil(lambda: window.bank.deck("broken-deck") is not None, timeout=5000)
    assert window.bank.problems == ()
