"""The language-dependent part of drafting: which language an article is in, its sentences, its word lists.

The language is given (``--lang``) or found by a vote of common words (no model). Sentences are
split by pysbd, which knows each language's abbreviations and ordinals ("17. Januar", "z. B.",
"U.S."). The word lists say which capitalised words are titles, organisations, countries, cities,
adjectives of nationality, given names or sentence openers, and how prompts are worded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import pysbd

from studyapp.textnorm import collapse_ws


class Lang(StrEnum):
    """Languages the drafter has word lists for."""

    EN = "en"
    DE = "de"


@dataclass(frozen=True, slots=True)
class Words:
    """Everything the heuristics need to know about one language."""

    lang: Lang
    stop: frozenset[str]  # lowercase function words (the language vote, filler detection)
    months: tuple[str, ...]
    titles: frozenset[str]  # words before a person's name: "President", "Kanzler"
    org_words: frozenset[str]  # a capitalised run with one of these is an organisation
    openers: frozenset[str]  # capitalised words that are never names: "The", "Die", "However"
    number_words: dict[str, int]
    scale_words: frozenset[str]  # "million": part of the amount, not its unit
    place_preps: frozenset[str]  # "in Minsk", "nach Berlin": a single capitalised word after one is a place
    demonym_re: re.Pattern[str]  # adjectives of nationality: "Belarusian", "deutschen"
    contrasts: tuple[str, ...]  # openings that lean on the sentence before: "In contrast, ..."
    nouns: dict[str, str]  # kind value -> what a choice prompt asks for
    which: str  # "Which {noun} fills the blank?"
    says: str  # 'The article says: "{sentence}"'
    not_but: str  # "{wrong}, not {right}"


COUNTRIES = frozenset(
    "Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Belarus Belgium Bosnia Brazil "
    "Bulgaria Canada Chile China Colombia Croatia Cuba Cyprus Czechia Denmark Egypt Estonia Ethiopia Finland "
    "France Georgia Germany Greece Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan "
    "Kazakhstan Kenya Korea Kosovo Latvia Lebanon Libya Lithuania Luxembourg Mexico Moldova Mongolia Montenegro "
    "Morocco Netherlands Nigeria Norway Pakistan Poland Portugal Romania Russia Serbia Slovakia Slovenia Spain "
    "Sweden Switzerland Syria Taiwan Turkey Ukraine Uzbekistan Venezuela Vietnam America Britain England "
    "Scotland Wales "
    # German names
    "Deutschland Österreich Schweiz Frankreich Italien Spanien Polen Russland Weißrussland Belarus Ukraine "
    "Tschechien Dänemark Schweden Norwegen Finnland Niederlande Belgien Luxemburg Ungarn Rumänien Bulgarien "
    "Griechenland Türkei China Japan Indien Kanada Amerika Mexiko Brasilien Litauen Lettland Estland "
    "Slowakei Slowenien Kroatien Serbien England Irland".split()
)
CITIES = frozenset(
    "Minsk Moscow Kyiv Kiev Warsaw Vilnius Riga Tallinn Berlin Paris London Rome Madrid Lisbon Vienna Prague "
    "Budapest Bratislava Brussels Amsterdam Copenhagen Stockholm Oslo Helsinki Athens Ankara Beijing Tokyo "
    "Washington Ottawa Geneva Zurich Munich Hamburg Cologne Frankfurt Boston Chicago Houston Chelmsford "
    "Moskau Warschau Wien Prag Rom Brüssel Kopenhagen Athen Peking Genf Zürich München Köln Hamburg "
    "Frankfurt Bonn Dresden Leipzig Stuttgart Düsseldorf Nürnberg Hannover Bremen Kiew Wilna".split()
)
REGIONS = frozenset(
    "Europe Asia Africa Antarctica Oceania Scandinavia Siberia Balkans Caucasus Crimea Donbas Massachusetts "
    "Texas California Florida Bavaria Europa Asien Afrika Mitteleuropa Osteuropa Westeuropa Skandinavien "
    "Bayern Sachsen Nordsee Ostsee Alpen Moon Mars".split()
)
# A capital stands for its country's government ("Minsk said"): the two are one subject.
CAPITALS = {
    "Belarus": "Minsk", "Russia": "Moscow", "Russland": "Moskau", "Ukraine": "Kyiv", "Poland": "Warsaw",
    "Polen": "Warschau", "Lithuania": "Vilnius", "Latvia": "Riga", "Estonia": "Tallinn", "Germany": "Berlin",
    "Deutschland": "Berlin", "France": "Paris", "Frankreich": "Paris", "Britain": "London", "England": "London",
    "Italy": "Rome", "Spain": "Madrid", "Austria": "Vienna", "Österreich": "Wien", "Hungary": "Budapest",
    "Slovakia": "Bratislava", "Czechia": "Prague", "Belgium": "Brussels", "China": "Beijing", "Japan": "Tokyo",
    "America": "Washington", "Canada": "Ottawa", "Greece": "Athens", "Turkey": "Ankara", "Sweden": "Stockholm",
}
GIVEN_NAMES = frozenset(
    "Adam Alan Albert Alexander Alexei Alice Andrew Andy Angela Anna Anne Barbara Ben Bernie Bill Bob Boris "
    "Buzz Carl Charles Charlie Chris Christian Daniel Dave David Donald Edward Elizabeth Emily Emma Eric Frank "
    "Franz Friedrich George Gerhard Gerry Hans Heinrich Helmut Henry Ivan Jacob James Jan Jane Jean Jim Joe "
    "Johann Johannes John Joseph Karl Katherine Klaus Kurt Laura Linda Margaret Maria Mark Martin Mary Michael "
    "Mike Neil Nicholas Olaf Olga Otto Paul Peter Richard Robert Russ Sarah Sergei Stephen Steve Susan Thomas "
    "Viktor Vladimir Walter William Wolfgang".split()
)

_EN_NUMBERS = dict(
    zip(
        # no "one": "one of the first", "one individual" are not counts worth asking
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen".split(),
        (*range(2, 21), 30, 40, 50, 60, 70, 80, 90, 100, 12),
    )
)
_DE_NUMBERS = dict(
    zip(
        "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert".split(),
        (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 30, 100),
    )
)

ENGLISH = Words(
    lang=Lang.EN,
    stop=frozenset(
        "the a an and or but of to in on at by for from with as is are was were be been has have had it its "
        "this that these those he she they we you his her their our not no which who whom whose what when "
        "where while than then there here also only very more most such so if into over after before about "
        "up out off down under again just all any some each both other".split()
    ),
    months=tuple("January February March April May June July August September October November December".split()),
    titles=frozenset(
        "President Prime Minister Foreign Chancellor King Queen Pope Prince Princess Mr Mrs Ms Dr Prof General "
        "Colonel Senator Governor Mayor Judge Ambassador Secretary Speaker Chairman Chairwoman Commissioner Sir "
        "Lady Lord Saint Deputy Vice CEO Commander".split()
    ),
    org_words=frozenset(
        "Parliament Commission Council Union Ministry Party Court Bank Organization Organisation Agency Committee "
        "Assembly Government Company Corporation University Institute Association Federation Fund Army Forces "
        "Office Department Inc Ltd Group Alliance Front Movement League Congress Senate Service Police Guard "
        "Times Post News Press Microsystems Systems Computer Computers Motors Graphics Technologies Electronics "
        "Airlines Center Centre Program Programme Administration Foundation Society Network Networks".split()
    ),
    openers=frozenset(
        "I The A An In On At By For From To With Of And But Or If While Yet However This That These Those It "
        "He She They We You His Her Their Its Our My Your As After Before When Where Although Though Since Like "
        "Along Among Despite During Earlier Later Also Then Thus Still Even Only Both Each Every Some Many Most "
        "Other Another Such Certain Here There Today Yesterday Monday Tuesday Wednesday Thursday Friday "
        "Saturday Sunday Mon".split()
    ),
    number_words=_EN_NUMBERS,
    scale_words=frozenset("thousand million billion trillion".split()),
    place_preps=frozenset("in to from at near across toward towards into via".split()),
    demonym_re=re.compile(
        r"(?:ian|ians|ish|ese|ean|eans|can|cans|ern|ic|ist|ists|ite|ites|i)$|^(?:Swiss|German|Germans|French|Dutch|"
        r"Greek|Greeks|Thai|Czech|Czechs|Polish|Danish|Irish|British|Welsh|Scottish|Finnish|Swedish|Turkish|"
        r"Spanish|Jewish|Arab|Arabs|Roman|Romans|Soviet|Western|Eastern|Northern|Southern)$"
    ),
    contrasts=("In contrast", "By contrast", "Similarly", "Likewise", "Meanwhile", "Conversely", "On the other hand"),
    nouns={"people": "name", "places": "place", "organisations": "name", "dates": "date", "years": "year",
           "numbers": "number"},
    which="Which {noun} fills the blank?",
    says='The article says: "{sentence}"',
    not_but="{wrong}, not {right}",
)

GERMAN = Words(
    lang=Lang.DE,
    stop=frozenset(
        "der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war waren wird "
        "werden wurde wurden hat haben hatte mit von zu zum zur im in an am auf aus bei für über unter nach "
        "vor seit als auch es sie er wir ihr sich dass wie so noch nur sehr mehr bis durch gegen ohne um".split()
    ),
    months=tuple("Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()),
    titles=frozenset(
        "Präsident Präsidentin Kanzler Kanzlerin Bundeskanzler Bundeskanzlerin Minister Ministerin "
        "Ministerpräsident König Königin Papst Prinz Prinzessin Herr Frau Dr Prof General Bürgermeister "
        "Botschafter Botschafterin Sekretär".split()
    ),
    org_words=frozenset(
        "Parlament Kommission Rat Union Ministerium Partei Gericht Bank Organisation Agentur Ausschuss "
        "Versammlung Regierung Gesellschaft Universität Institut Verband Bund Armee Amt GmbH AG Konzern "
        "Bundestag Bundesrat Zeitung".split()
    ),
    openers=frozenset(
        "Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Und Oder Aber Im In Am An Auf Aus Bei Für "
        "Mit Nach Seit Von Vor Zu Zum Zur Es Er Sie Wir Ihr Dieser Diese Dieses Jener Als Wenn Weil Doch "
        "Auch Noch Nur Dann Danach Heute Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
    ),
    number_words=_DE_NUMBERS,
    scale_words=frozenset("Tausend Millionen Million Milliarden Milliarde".split()),
    place_preps=frozenset("in nach aus an bei".split()),
    # "deutschen", "westdeutschem", "Römische": adjectives (nouns in German are capitalised, so the
    # capital letter says nothing; only the ending does).
    demonym_re=re.compile(r"(?:isch|ische|ischen|ischer|isches|ischem|e|en|em|er|es)$"),
    contrasts=("Im Gegensatz", "Dagegen", "Demgegenüber", "Ebenso", "Gleichzeitig", "Hingegen"),
    nouns={"people": "Name", "places": "Ort", "organisations": "Name", "dates": "Datum", "years": "Jahr",
           "numbers": "Zahl"},
    which="Welches Wort gehört in die Lücke? ({noun})",
    says='Im Artikel steht: „{sentence}“',
    not_but="{wrong}, nicht {right}",
)

WORDS = {Lang.EN: ENGLISH, Lang.DE: GERMAN}
_WORD_RE = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> Lang:
    """The language whose common words the text uses most (English on a tie)."""
    words = [w.lower() for w in _WORD_RE.findall(text[:20000])]
    votes = {lang: sum(w in table.stop for w in words) for lang, table in WORDS.items()}
    return max(WORDS, key=lambda lang: (votes[lang], lang is Lang.EN))


def words_for(lang: Lang) -> Words:
    """The word lists of ``lang``."""
    return WORDS[lang]


def sentence_splitter(lang: Lang) -> Callable[[str], list[str]]:
    """A function splitting a paragraph into sentences, each kept verbatim (whitespace collapsed)."""
    segmenter = pysbd.Segmenter(language=lang.value, clean=False)

    def split(paragraph: str) -> list[str]:
        if not paragraph.strip():
            return []
        pieces = [collapse_ws(str(p)) for p in segmenter.segment(paragraph)]
        return [p for p in pieces if p]

    return split
