"""Where things live: the bundled question bank and the user's data directory.

Only ``cli.py`` and ``app.py`` call these; everything else receives paths as arguments.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

APP_NAME = "studyapp"
DATA_DIR_ENV = "STUDYAPP_DATA_DIR"
DB_FILENAME = "studyapp.sqlite3"


def bundled_root() -> Path:
    """The folder holding the bundled ``questions/`` and ``seeds/``.

    From a checkout (or an editable install) that is the repository root; from a wheel,
    ``studyapp/_bundle`` (see ``[tool.hatch.build.targets.wheel.force-include]``).
    """
    package = Path(__file__).resolve().parent
    inside = package / "_bundle"
    if (inside / "questions").is_dir():
        return inside
    return package.parent


def bundled_questions_dir() -> Path:
    return bundled_root() / "questions"


def bundled_read_only(questions: Path | None = None) -> bool:
    """Whether the bundled question files belong to an installed program (``questions``: the
    bundled question folder, ``bundled_questions_dir()`` unless given).

    Installed (a wheel, pipx, the PyInstaller folder) they sit in the package's ``_bundle``
    and an upgrade replaces them, or their folder cannot be written at all: an edit then goes
    to a copy in the person's own question folder. From a checkout (the repository's own
    ``questions/``, writable) a contributor edits them in place.
    """
    questions = bundled_questions_dir() if questions is None else questions
    if questions.parent.name == "_bundle":
        return True
    return not os.access(questions, os.W_OK | os.X_OK)


def resolve_data_dir(cli_value: str | os.PathLike[str] | None, environ: Mapping[str, str]) -> Path:
    """``--data-dir`` wins, then ``$STUDYAPP_DATA_DIR``, then the platform's user data dir."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    if environ.get(DATA_DIR_ENV):
        return Path(environ[DATA_DIR_ENV]).expanduser().absolute()
    import platformdirs  # only here: with --data-dir or $STUDYAPP_DATA_DIR start-up never needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DataPaths(NamedTuple):
    """Every file and folder studyapp keeps under one data directory.

    A named tuple (immutable, like the frozen dataclass it was): made at every start-up, where
    a dataclass costs ~0.8 ms to create and a named tuple ~0.1 ms.
    """

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def questions(self) -> Path:
        """The user's own question folder (File → Add question file copies into it)."""
        return self.root / "questions"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def log(self) -> Path:
        return self.root / "studyapp.log"

    @property
    def lock(self) -> Path:
        return self.root / "studyapp.lock"

    @property
    def settings(self) -> Path:
        """The window's settings (size, text size, last deck): each data folder has its own."""
        return self.root / "settings.ini"
