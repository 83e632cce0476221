"""The learner's study settings: per deck, with a default for every deck, kept in the database.

A ``StudySettings`` record holds what shapes a deck's daily study, as Anki's deck options do:

* ``new_per_day`` — new cards introduced per study day (default 20);
* ``reviews_per_day`` — cards already learnt that are reviewed per study day (default 200);
* ``desired_retention`` — the chance of remembering a card when it comes due (0.70–0.99,
  default 0.90): higher means more reviews;
* ``day_start_hour`` — the local hour a study day starts (default 4, as Anki). It is one for
  the whole collection: only the default record's value counts;
* ``learning_steps`` / ``relearning_steps`` — the short intervals (in minutes) a new card, or a
  forgotten one, goes through before FSRS takes over (default 1m 10m, and 10m);
* ``leech_threshold`` and ``leech_action`` — after that many lapses (Again on a card already
  learnt) a card is tagged a leech and, if chosen, suspended (default 8, tag only);
* ``fsrs_parameters`` — the FSRS parameters the scheduler uses (None: fsrs's defaults); an
  optimiser fitted to the person's own reviews saves its result here.

``validate`` checks every value and says what is wrong; the settings dialog only shows and
collects them. ``SettingsBook`` reads and writes them through the store.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import timedelta
from enum import StrEnum
from typing import Any, Protocol

from studyapp.messages import QT_TRANSLATE_NOOP, Message
from studyapp.store.marks import DEFAULT_DAY_START_HOUR, DEFAULT_SETTINGS_KEY

MIN_RETENTION, MAX_RETENTION = 0.70, 0.99
MAX_PER_DAY = 9999
MAX_STEP_MINUTES = 24 * 60 - 1  # a step is shorter than a day (longer ones are FSRS's job)
FSRS_PARAMETER_COUNT = 21


class LeechAction(StrEnum):
    """What becomes of a card once it is a leech."""

    TAG = "tag"  # tagged only
    SUSPEND = "suspend"  # tagged and suspended


class SettingsError(ValueError):
    """A study setting out of range; the message says which and why, for the person.

    ``str(exc)`` is the English text; ``wording`` the same marked for the window's language."""

    def __init__(self, wording: Message) -> None:
        super().__init__(str(wording))
        self.wording = wording


@dataclass(frozen=True, slots=True)
class StudySettings:
    """One deck's study settings (or the default for every deck); see the module docstring."""

    new_per_day: int = 20
    reviews_per_day: int = 200
    desired_retention: float = 0.90
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    learning_steps: tuple[int, ...] = (1, 10)  # minutes
    relearning_steps: tuple[int, ...] = (10,)  # minutes
    leech_threshold: int = 8
    leech_action: LeechAction = LeechAction.TAG
    fsrs_parameters: tuple[float, ...] | None = None

    @property
    def learning_deltas(self) -> tuple[timedelta, ...]:
        return tuple(timedelta(minutes=m) for m in self.learning_steps)

    @property
    def relearning_deltas(self) -> tuple[timedelta, ...]:
        return tuple(timedelta(minutes=m) for m in self.relearning_steps)

    def to_json(self) -> str:
        """The record as stored."""
        data: dict[str, Any] = asdict(self)
        data["leech_action"] = str(self.leech_action)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> StudySettings:
        """A stored record; unknown keys are ignored, missing or unreadable ones take their
        default, so a damaged row never stops studying."""
        base = cls()
        try:
            data = json.loads(text)
        except ValueError:
            return base
        if not isinstance(data, dict):
            return base
        result = base
        for name, value in data.items():
            if name not in cls.__dataclass_fields__:
                continue
            try:
                candidate = replace(result, **{name: _coerce(name, value)})
                validate(candidate)
            except (SettingsError, TypeError, ValueError):
                continue
            result = candidate
        return result


def _coerce(name: str, value: Any) -> Any:
    if name in ("learning_steps", "relearning_steps"):
        return tuple(int(v) for v in value)
    if name == "fsrs_parameters":
        return None if value is None else tuple(float(v) for v in value)
    if name == "leech_action":
        return LeechAction(value)
    if name == "desired_retention":
        return float(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(name)
    return value


def parse_steps(text: str) -> tuple[int, ...]:
    """Steps typed as Anki shows them: ``"1m 10m"``, ``"10"``, ``"1h"`` → minutes. Raises
    ``SettingsError`` with a message for anything else."""
    steps = []
    for part in text.replace(",", " ").split():
        unit = part[-1].lower() if part[-1].isalpha() else "m"
        number = part[:-1] if part[-1].isalpha() else part
        if unit not in ("m", "h") or not number.isdigit():
            raise SettingsError(Message(QT_TRANSLATE_NOOP(
                "Core", "“{part}” is not a step: write minutes or hours, like 1m 10m 1h"), part=part))
        steps.append(int(number) * (60 if unit == "h" else 1))
    return tuple(steps)


def format_steps(steps: tuple[int, ...]) -> str:
    """Steps as typed: ``(1, 10, 60)`` → ``"1m 10m 1h"``."""
    return " ".join(f"{m // 60}h" if m and m % 60 == 0 else f"{m}m" for m in steps)


def validate(settings: StudySettings) -> StudySettings:
    """``settings`` if every value is in range; else ``SettingsError`` naming the first problem."""
    s = settings
    for template, value in (
        (QT_TRANSLATE_NOOP("Core", "New cards per day must be between 0 and {most}."), s.new_per_day),
        (QT_TRANSLATE_NOOP("Core", "Maximum reviews per day must be between 0 and {most}."), s.reviews_per_day),
    ):
        if not 0 <= value <= MAX_PER_DAY:
            raise SettingsError(Message(template, most=MAX_PER_DAY))
    if not MIN_RETENTION <= s.desired_retention <= MAX_RETENTION:
        raise SettingsError(Message(QT_TRANSLATE_NOOP("Core", "Desired retention must be between {low} and {high}."),
                                    low=f"{MIN_RETENTION:.2f}", high=f"{MAX_RETENTION:.2f}"))
    if not 0 <= s.day_start_hour <= 23:
        raise SettingsError(Message(QT_TRANSLATE_NOOP("Core", "The hour a new day starts must be between 0 and 23.")))
    for template, steps in (
        (QT_TRANSLATE_NOOP("Core", "Learning steps must each be between 1 minute and 23 hours 59 minutes."),
         s.learning_steps),
        (QT_TRANSLATE_NOOP("Core", "Relearning steps must each be between 1 minute and 23 hours 59 minutes."),
         s.relearning_steps),
    ):
        if any(not 1 <= m <= MAX_STEP_MINUTES for m in steps):
            raise SettingsError(Message(template))
    if len(s.learning_steps) > 10 or len(s.relearning_steps) > 10:
        raise SettingsError(Message(QT_TRANSLATE_NOOP("Core", "At most 10 steps.")))
    if not 1 <= s.leech_threshold <= 99:
        raise SettingsError(Message(QT_TRANSLATE_NOOP("Core", "The leech threshold must be between 1 and 99 lapses.")))
    if s.fsrs_parameters is not None and len(s.fsrs_parameters) != FSRS_PARAMETER_COUNT:
        raise SettingsError(Message(QT_TRANSLATE_NOOP("Core", "FSRS parameters must be {count} numbers."),
                                    count=FSRS_PARAMETER_COUNT))
    return settings


class SettingsStore(Protocol):
    """What ``SettingsBook`` reads from and writes to (``studyapp.store.Store``)."""

    def study_settings_body(self, deck: str) -> str | None: ...
    def put_study_settings_body(self, deck: str, body: str | None) -> None: ...
    def fsrs_parameters(self, deck: str | None = None) -> tuple[float, ...] | None: ...


class SettingsBook:
    """The study settings of every deck, read from and saved to the store."""

    def __init__(self, store: SettingsStore) -> None:
        self._store = store

    def default(self) -> StudySettings:
        """The settings of every deck without its own."""
        body = self._store.study_settings_body(DEFAULT_SETTINGS_KEY)
        return StudySettings() if body is None else StudySettings.from_json(body)

    def own(self, deck: str) -> StudySettings | None:
        """``deck``'s own settings, or None when it follows the default."""
        body = self._store.study_settings_body(deck)
        return None if body is None else StudySettings.from_json(body)

    def for_deck(self, deck: str | None) -> StudySettings:
        """The settings that apply to ``deck`` (None: an all-decks session, the default). The
        day start hour is always the default's (one study day for the whole collection)."""
        default = self.default()
        own = None if deck is None else self.own(deck)
        settings = default if own is None else replace(own, day_start_hour=default.day_start_hour)
        if settings.fsrs_parameters is None:
            # Parameters fitted by Optimise (the deck's own, else every deck's) are kept with the
            # ones they replaced, one click from restored (``Store.fsrs_parameters``).
            fitted = self._store.fsrs_parameters(deck)
            if fitted is not None:
                settings = replace(settings, fsrs_parameters=tuple(fitted))
        return settings

    def save(self, deck: str | None, settings: StudySettings) -> None:
        """Validate and store (deck None: the default). Raises ``SettingsError``/``SaveError``."""
        validate(settings)
        self._store.put_study_settings_body(DEFAULT_SETTINGS_KEY if deck is None else deck, settings.to_json())

    def use_default(self, deck: str) -> None:
        """``deck`` follows the default again."""
        self._store.put_study_settings_body(deck, None)
