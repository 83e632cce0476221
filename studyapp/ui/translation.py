"""The window's language: a translator for the system's locale, and numbers and dates as it writes them.

Every text the window shows goes through Qt's ``tr`` / ``QCoreApplication.translate``;
``make translations`` extracts them into ``resources/translations/studyapp.ts`` (the template a
translator starts from). A compiled ``studyapp_<language>.qm`` beside it is loaded at start-up
for the locale's languages; when the folder holds none, start-up creates no translator at all
(one directory listing). With studyapp's own translation, Qt's (``qtbase_<language>.qm``, the
standard buttons "OK", "Cancel", ...) is installed as well.

Numbers and dates shown in the window are written by ``QLocale`` (``number_text``,
``date_text``); the core's own formatting stays as it is for the command line. Texts the core
marks for the translators (``studyapp.messages.Message``) are written by ``core_text``.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, Qt, QTime, QTranslator

from studyapp.messages import CONTEXT, Message
from studyapp.messages import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # the window's modules mark texts with it

if TYPE_CHECKING:
    from studyapp.bank.model import Problem

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOGUE = "studyapp"


def shipped_languages(directory: Path | None = None) -> tuple[str, ...]:
    """The languages a compiled translation exists for (``studyapp_de.qm`` → ``de``) in
    ``directory`` (the shipped folder)."""
    directory = directory or TRANSLATIONS_DIR
    prefix, suffix = CATALOGUE + "_", ".qm"
    try:
        names = os.listdir(directory)
    except OSError:
        return ()
    return tuple(sorted(n[len(prefix):-len(suffix)] for n in names if n.startswith(prefix) and n.endswith(suffix)))


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, directory: Path | None = None
) -> list[QTranslator]:
    """Install studyapp's translation for ``locale`` (the system's) from ``directory`` (the shipped
    folder) and Qt's own for the same language; return the translators installed (children of
    ``app``), none when no ``.qm`` fits."""
    directory = directory or TRANSLATIONS_DIR
    if not shipped_languages(directory):
        return []  # the common case: no translator, no locale lookup
    locale = locale or QLocale.system()
    ours = QTranslator()
    if not ours.load(locale, CATALOGUE, "_", str(directory)):
        return []  # a language not shipped: nothing stays behind
    installed = [ours]
    qt_own = QTranslator()
    if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_own)
    for translator in installed:
        translator.setParent(app)  # kept alive as long as the application
        app.installTranslator(translator)
    return installed


def window_locale() -> QLocale:
    """The locale numbers and dates are written in: the system's, and English for the bare "C"
    locale (which Qt writes without group separators, and dates as ``6 12 2026``)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def number_text(value: float, decimals: int = 0) -> str:
    """``value`` as the locale writes numbers (group separators, decimal mark)."""
    if decimals == 0:
        return window_locale().toString(round(value))
    return window_locale().toString(float(value), "f", decimals)


def percent_shown(ratio: float | None, missing: str = "—") -> str:
    """``ratio`` as a whole percentage (rounded half up, ``studyapp.percent``) written as the
    locale writes it (``63%``); ``missing`` when there is none."""
    if ratio is None:
        return missing
    from studyapp.percent import percent

    locale = window_locale()
    return f"{locale.toString(percent(ratio))}{locale.percent()}"


def date_text(day: date | datetime, long: bool = False) -> str:
    """A day as the locale writes dates (short: ``06.12.26`` in German; long: ``Sunday, December
    6, 2026``). With no locale set (the bare "C" locale) a short date is ISO 8601,
    ``2026-12-06``, as Anki writes it: "12/6/26" would read as June 12 to most of the world."""
    qdate = QDate(day.year, day.month, day.day)
    if not long and QLocale().language() == QLocale.Language.C:
        return qdate.toString(Qt.DateFormat.ISODate)
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return window_locale().toString(qdate, fmt)


def datetime_text(moment: datetime, seconds: bool = False) -> str:
    """A local date and time as the locale writes them (the date short, the time to the minute
    or to the second)."""
    locale = window_locale()
    time = QTime(moment.hour, moment.minute, moment.second)
    time_part = locale.toString(time, "HH:mm:ss" if seconds else locale.timeFormat(QLocale.FormatType.ShortFormat))
    return f"{date_text(moment)} {time_part}"


def month_text(day: date) -> str:
    """The month's short name in the locale (``Dec``)."""
    return window_locale().monthName(day.month, QLocale.FormatType.ShortFormat)


def plural_s(text: str, count: int) -> str:
    """A counted text in English as it reads: ``tr("%n question(s)", "", n)`` is "1 question",
    "3 questions" without a translation (a translation gives its own plural forms and has no
    "(s)" left to resolve)."""
    return text.replace("(s)", "" if count == 1 else "s")


def core_text(text: str | Message) -> str:
    """A text of the core in the window's language: a ``Message`` through the translator (its
    ``Core`` context), plain text (file content, an English-only text) as it is."""
    if isinstance(text, Message):
        return text.text(lambda template: QCoreApplication.translate(CONTEXT, template))
    return text


def error_text(exc: BaseException) -> str:
    """What went wrong, in the window's language: an error of the core that carries a marked
    ``wording`` (``StoreError``, ``SaveError``) through the translator, any other as ``str(exc)``."""
    wording = getattr(exc, "wording", None)
    return core_text(wording) if isinstance(wording, Message) else str(exc)


class Worded(Protocol):
    """A core text with its English ``message`` and, when marked, its ``wording``: a problem of
    a question file (``Problem``, ``RawProblem``, ``FieldProblem``) or a ``StoreNotice``."""

    @property
    def message(self) -> str: ...

    @property
    def wording(self) -> Message | None: ...


def worded_text(item: Worded) -> str:
    """What is wrong in a question file, or a notice of the store, in the window's language
    (``message`` is the English the command line prints and the log keeps)."""
    return core_text(item.wording) if item.wording is not None else item.message


def problem_line(problem: Problem) -> str:
    """``file:line:column: message`` as ``studyapp check`` prints it, the message in the window's language."""
    return f"{problem.path}:{problem.line}:{problem.column}: {worded_text(problem)}"
