"""The window's language: a shipped translation for the system locale is installed at start-up,
nothing is loaded when none fits, and numbers and dates follow the locale."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from pseudo_locale import REPO, TEMPLATE, compile_pseudo
from studyapp.ui.translation import (
    TRANSLATIONS_DIR,
    date_text,
    install_translators,
    number_text,
    percent_shown,
    plural_s,
    shipped_languages,
)

_STARTED = (
    "import sys\n"
    "from pathlib import Path\n"
    "from PySide6.QtCore import QCoreApplication, QTranslator\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from studyapp.ui import translation\n"
    "translation.TRANSLATIONS_DIR = Path(sys.argv[2])\n"
    "from studyapp.cli import main\n"
    "app = QApplication([sys.argv[0]])\n"
    "rc = main(['--exit-when-shown', '--data-dir', sys.argv[1]])\n"
    "print(rc, len(app.findChildren(QTranslator)), QCoreApplication.translate('Menus', '&File'))\n"
)


def _language_folder(tmp_path: Path, language: str) -> Path:
    """A folder holding the pseudo translation compiled as ``studyapp_<language>.qm``."""
    folder = tmp_path / "translations"
    folder.mkdir()
    qm = compile_pseudo(TEMPLATE, tmp_path)
    qm.rename(folder / f"studyapp_{language}.qm")
    return folder


def _start(tmp_path: Path, folder: Path, lang: str) -> list[str]:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "LANG": lang, "LC_ALL": lang, "LANGUAGE": ""}
    done = subprocess.run([sys.executable, "-c", _STARTED, str(tmp_path / "data"), str(folder)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.split(maxsplit=2)


def test_start_up_installs_the_translation_for_the_system_locale(tmp_path: Path) -> None:
    rc, translators, file_menu = _start(tmp_path, _language_folder(tmp_path, "de"), "de_DE.UTF-8")
    assert rc == "0" and translators == "2"  # studyapp's and Qt's own (its standard buttons)
    assert file_menu.strip().startswith("[‹&File")


def test_no_translation_for_the_locale_loads_nothing(tmp_path: Path) -> None:
    rc, translators, file_menu = _start(tmp_path, _language_folder(tmp_path, "fr"), "de_DE.UTF-8")
    assert (rc, translators, file_menu.strip()) == ("0", "0", "&File")


def test_only_the_template_is_shipped_so_start_up_creates_no_translator(qapp: QApplication) -> None:
    assert shipped_languages() == ()
    assert [p.name for p in TRANSLATIONS_DIR.iterdir()] == ["studyapp.ts"]
    before = len(qapp.findChildren(QTranslator))
    assert install_translators(qapp, QLocale(QLocale.Language.German)) == []
    assert len(qapp.findChildren(QTranslator)) == before


def test_a_translation_and_qts_own_are_installed_for_its_language(qapp: QApplication, tmp_path: Path) -> None:
    folder = _language_folder(tmp_path, "de")
    installed = install_translators(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany), folder)
    try:
        assert len(installed) == 2
        assert QCoreApplication.translate("Menus", "&Quit").startswith("[‹&Quit")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own, in German
    finally:
        for t in installed:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("Menus", "&Quit") == "&Quit"


@pytest.fixture
def german() -> object:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield None
    QLocale.setDefault(QLocale.system())


def test_numbers_and_dates_follow_the_locale(german: object) -> None:
    assert number_text(1234567) == "1.234.567"
    assert number_text(1234.5678, 2) == "1.234,57"
    assert percent_shown(0.625) == "63%"
    assert date_text(date(2026, 12, 6)) == "06.12.26"
    assert "Dezember" in date_text(datetime(2026, 12, 6), long=True)


def test_the_bare_c_locale_writes_numbers_as_english() -> None:
    assert QLocale().language() == QLocale.Language.C  # the test run's locale (LANG=C.UTF-8)
    assert number_text(1234567) == "1,234,567"
    assert percent_shown(5 / 8) == "63%" and percent_shown(None) == "—"
    assert date_text(date(2026, 12, 6)) == "2026-12-06"  # ISO, as before the locale work and as Anki


def test_english_counts_read_as_english() -> None:
    assert plural_s(QCoreApplication.translate("HomeView", "%n question(s)", "", 1), 1) == "1 question"
    assert plural_s(QCoreApplication.translate("HomeView", "%n question(s)", "", 3), 3) == "3 questions"


def test_quoted_answers_take_the_locales_quotation_marks(german: object, qtbot: object) -> None:
    from studyapp.bank.model import ClozeQuestion, parse_cloze
    from studyapp.grading import grade
    from studyapp.study.quiz_session import Feedback
    from studyapp.ui.answer_widgets import FeedbackPanel

    text = "On {{January 17}} the Prime Minister spoke."
    q = ClozeQuestion(deck="d", id="z", text=text, parts=parse_cloze(text))
    graded = grade(q, ("January 18",))
    panel = FeedbackPanel()
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.show_feedback(Feedback(q, graded.outcome, graded.expected, None, None, graded.details, graded))
    assert "you wrote „January 18“" in panel.details_label.text()
