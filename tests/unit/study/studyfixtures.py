"""Test data for the study tests: questions on the article, built with the model's dataclasses,
and a settable clock. (A plain module so tests can import the names; fixtures are in conftest.)"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from studyapp.bank.model import (
    AnyQuestion,
    CardQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
    parse_cloze,
)

DECK = "belarus-west"
OTHER = "other-deck"
T0 = datetime(2026, 1, 27, 9, 0, tzinfo=timezone.utc)

_CLOZE = "Foreign Minister {{Maksim Ryžankoŭ|Ryžankoŭ}} spoke about ties with {{the West}}."


def article_questions(deck: str = DECK) -> tuple[AnyQuestion, ...]:
    """Twelve questions on the article, every type at least once, tagged 'people' or 'events'."""
    return (
        TextQuestion(deck=deck, id="pm", prompt="Who is the Prime Minister?", answers=("Raman Hałoŭčanka", "Hałoŭčanka"), tags=("people",)),
        TextQuestion(deck=deck, id="leader", prompt="Who leads Belarus?", answers=("Łukašenka",), tags=("people",), explanation="He has ruled since 1994.", quote="Alaksandar Łukašenka"),
        ChoiceQuestion(deck=deck, id="veto", prompt="Which country vetoed the EU statement?", choices=("Hungary", "Slovakia", "Canada", "Poland"), answer="Hungary", tags=("events",)),
        MultiQuestion(deck=deck, id="videos", prompt="Whose videos were released?", choices=("Viktar Babaryka", "Maryja Kaleśnikava", "Ihar Karpienka", "Robert Fico"), answers=("Viktar Babaryka", "Maryja Kaleśnikava"), tags=("people",)),
        TrueFalseQuestion(deck=deck, id="fico", prompt="Robert Fico congratulated Łukašenka.", answer=False, tags=("people", "events")),
        ClozeQuestion(deck=deck, id="cloze", text=_CLOZE, parts=parse_cloze(_CLOZE), tags=("people",)),
        OrderQuestion(deck=deck, id="timeline", prompt="Put in order", items=("Election fraud denounced (2020)", "Hałoŭčanka speaks (Jan 17)", "Press conference (Jan 26)"), tags=("events",)),
        MatchQuestion(deck=deck, id="roles", prompt="Match person and role", pairs=(("Hałoŭčanka", "Prime Minister"), ("Ryžankoŭ", "Foreign Minister"), ("Karpienka", "chief election official"), ("Nuhfer", "released US citizen")), tags=("people",)),
        CardQuestion(deck=deck, id="nuhfer", prompt="Who is Anastassia Nuhfer?", answer="An American citizen released on election day", tags=("people",)),
        TextQuestion(deck=deck, id="karpienka", prompt="Chief election official under sanctions?", answers=("Ihar Karpienka", "Karpienka"), tags=("people",)),
        ChoiceQuestion(deck=deck, id="month", prompt="When was the presidential election?", choices=("January", "August", "March"), answer="January", tags=("events",)),
        TextQuestion(deck=deck, id="kalesnikava", prompt="Maryja ...?", answers=("Kaleśnikava",), tags=("people",)),
    )


class Clock:
    """A settable clock: ``clock()`` returns the current time; ``advance`` moves it on."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now
