"""Where talks are held: the venue a sentence names or carries from earlier in the snippet, and
the further rounds of a sentence that lists numbered rounds."""

import re
from collections.abc import Collection, Sequence
from datetime import datetime
from functools import cache
from itertools import pairwise

from schemas.events import (
    EventDate,
)
from schemas.snippet import Snippet
from streams.core.lexicon import alternation, compile_words, load, place_kinds, word_pattern
from streams.core.read.dates import resolve_date
from streams.core.read.gates import gated
from streams.core.read.gazetteer import (
    PlaceMention,
)
from streams.core.read.geo import town_country
from streams.core.read.sentences import Sentence

# Where a meeting is: "in", "at", or the place a visit went to ("visited Lima, where he met").
VENUE = re.compile(
    r"\b(?:in|at|visit(?:ed|ing)?|(?:visit|trip) to|travel(?:l?ed|l?ing)? to|flew to"
    r"|(?:set|scheduled|planned|slated|pencil(?:l)?ed in|fixed) for"
    # "set the fourth round for Algiers": the meeting named between the verb and "for"
    r"|(?:set|fixed|scheduled) (?:the|a|an|its|their) (?:[\w-]+ )?(?:round|talks|meeting|session)"
    r" for)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# How far before a place its VENUE words may start ("fixed the next round for " is 25).
VENUE_REACH = 32
# The word every VENUE match ends with, before its spaces (and "the"): the regex is tried at
# each of the VENUE_REACH positions before every place mention, this test reads the last words
# once.
_VENUE_LAST_WORDS = ("in", "at", "visit", "visited", "visiting", "to", "for")


def placed_by_word(text: str, start: int) -> bool:
    """Whether VENUE's placing words ("in", "set for the") end right before `start`."""
    window = max(0, start - VENUE_REACH)
    before = text[window:start]
    # In other texts IGNORECASE matches letters that str.lower keeps apart ("ſ" and "s").
    if before.isascii():
        words = before.lower().split()
        if words and words[-1] == "the":
            words.pop()
        if not (before[-1:].isspace() and words and words[-1].endswith(_VENUE_LAST_WORDS)):
            return False
    return VENUE.search(text, window, start) is not None


# A place named as where talks are: "talks in", "a meeting at the", "negotiations held in".
TALKS_IN = re.compile(
    r"\b(?:talks|negotiations|meeting|meetings|round|summit|consultations)[\u201d\"\u2019]?"
    r"(?: (?:were|was) held| held| conducted)? (?:in|at) (?:the )?$",
    re.IGNORECASE,
)


# Talks moved to another place: "delegations moved the talks to Quito", "the talks shifted to",
# or a second verb of the talks' subject ("has been pushed back to July 26 and moved to"), or
# the place it left ("second round, moved from Astana to").
MOVED_TO = gated(
    r"\b(?:(?:moved|relocated|transferred|shifted)\s+(?:the\s+)?(?:\S+\s+){0,2}?"
    r"(?:talks|negotiations|meeting|round|consultations)"
    r"|(?:talks|negotiations|round|consultations)\s+(?:\S+\s+){0,4}?(?:moved|relocated|shifted)"
    r"|\band\s+(?:been\s+)?(?:moved|relocated|shifted)"
    r"|\b(?:moved|relocated|shifted)\s+from\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)"
    r"\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# A place named by its kind first: "in the Saudi city of Jeddah", "at the Red Sea port of X".
KIND_OF = gated(
    r"\b(?:in|at)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?"
    r"(?:city|capital|port|town|resort|village|coastal city|port city)\s+of\s+$",
    re.IGNORECASE,
)


# A meeting named by its place: "the Geneva round", "during the Lima talks".
NAMED_BEFORE = re.compile(r"\b(?:the|at|during|since|after)\s+(?:the\s+)?$", re.IGNORECASE)
NAMED_AFTER = re.compile(
    r"\s+(?:peace\s+)?(?:talks|negotiations|round|meeting|summit|consultations)\b",
    re.IGNORECASE,
)


def named_meeting(text: str, mention: PlaceMention) -> bool:
    # The words after first: one match at one position, where the search before tries twelve.
    return (
        NAMED_AFTER.match(text, mention.end) is not None
        and NAMED_BEFORE.search(text, max(0, mention.start - 12), mention.start) is not None
    )


# A clause that times the news by other talks ("a month after their first meeting in Lima",
# "days after talks in Quito were called off"): its place is that meeting's, not a venue.
_ROUNDS = load("rounds")
BACKGROUND = compile_words(_ROUNDS["background_clause"])
# A meeting held by video link or online: it has no place of its own.
REMOTE_MEETING = compile_words(_ROUNDS["remote_meeting"])
_BACKGROUND_WORDS = ("after", "before", "since", "until", "till")


def in_background(text: str, mention: PlaceMention) -> bool:
    low = text.casefold()
    if not any(word in low for word in _BACKGROUND_WORDS):
        return False  # no clause word: no search
    return any(m.start() <= mention.start < m.end() for m in BACKGROUND.finditer(text))


# A place the talks are told in by a relative clause: "returned from Oslo, where three days of
# talks ended on Wednesday".
WHERE_TALKS = re.compile(
    r",\s+where\s+(?:[\w'’-]+\s+){0,5}?(?:talks|negotiations|round|meetings?|consultations)\b",
    re.IGNORECASE,
)


# The place of a plan that did not hold: "the round had been expected in Luanda, but ...",
# "talks originally planned for Dakar": where the meeting was to be, not where it was.
OLD_PLACE = gated(
    r"\b(?:had\s+been|(?:(?:was|were|had\s+been)\s+)?(?:first|originally|initially|previously))\s+"
    r"(?:expected|planned|scheduled|due|set|slated|meant)\s+"
    r"(?:to\s+(?:be\s+held|take\s+place|open|meet|convene)\s+)?(?:in|at|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# A place a comparison introduces ("Unlike in Lusaka, ...", "than in Lusaka", "Like the Accra
# talks before it"): another meeting's place, set against the sentence's own.
_COMPARED_PLACE = re.compile(
    r"(?<![\w-])(?:" + alternation(_ROUNDS["compared_place"]) + r")$", re.IGNORECASE
)
_COMPARED_MEETING = re.compile(
    r"(?<![\w-])(?:" + alternation(_ROUNDS["compared_meeting"]) + r")$", re.IGNORECASE
)
# A meeting named by its place after what it produced ("the commission created at the Kigali
# talks met in Gulu"): where the commission came from, not where it met.
_ORIGIN_OF_NAMED = re.compile(
    r"(?<![\w-])(?:" + alternation(_ROUNDS["origin_of_named"]) + r")$", re.IGNORECASE
)


_ORIGIN_OF_BODY = re.compile(
    r"(?<![\w-])(?:" + alternation(_ROUNDS["origin_of_body"]) + r")$", re.IGNORECASE
)
# An accord named by where it was made ("abide by the cessation agreed in Kigali").
_ORIGIN_OF_ACCORD = re.compile(
    r"(?<![\w-])(?:" + alternation(_ROUNDS["origin_of_accord"]) + r")$", re.IGNORECASE
)


def compared_or_origin(text: str, mention: PlaceMention) -> bool:
    """The place is set against the venue by a comparison, names the meeting that produced
    something the sentence speaks of, or where a body it names was set up ("the committee
    agreed in Algiers met by video link") or an accord made ("abide by the truce agreed in
    Kigali"): not the venue of the sentence's meeting."""
    before = max(0, mention.start - 30)
    if _COMPARED_PLACE.search(text, before, mention.start):
        return True
    if _ORIGIN_OF_BODY.search(text, max(0, mention.start - 90), mention.start):
        return True
    if _ORIGIN_OF_ACCORD.search(text, max(0, mention.start - 80), mention.start):
        return True
    if not named_meeting(text, mention):
        return False
    return (
        _COMPARED_MEETING.search(text, before, mention.start) is not None
        or _ORIGIN_OF_NAMED.search(text, before, mention.start) is not None
    )


def in_venue_context(text: str, mention: PlaceMention) -> bool:
    # The words that place a meeting first: the vetoes below only read the few places they
    # leave (this runs for every place mention).
    placed = (
        placed_by_word(text, mention.start)
        or ("where" in text and WHERE_TALKS.match(text, mention.end) is not None)
        or KIND_OF.search(text, max(0, mention.start - 60), mention.start) is not None
        or named_meeting(text, mention)
        or moved_to(text, mention)
    )
    return (
        placed
        and not in_background(text, mention)
        and not compared_or_origin(text, mention)
        and OLD_PLACE.search(text, max(0, mention.start - 60), mention.start) is None
    )


def moved_to(text: str, mention: PlaceMention) -> bool:
    return MOVED_TO.search(text, max(0, mention.start - 60), mention.start) is not None


def after_talks(text: str, mention: PlaceMention) -> bool:
    if TALKS_IN.search(text, max(0, mention.start - 40), mention.start) is not None:
        return True
    # "talks that restarted in the Saudi city of Jeddah": the talks' place, named by its kind
    kind_of = KIND_OF.search(text, max(0, mention.start - 60), mention.start)
    if kind_of is not None and TALKS_VERB_IN.search(
        text, max(0, kind_of.start() - 60), kind_of.start() + 3
    ):
        return True
    return moved_to(text, mention)


# A meeting's own verb before the place: "met in", "convened for two days at the", "sat down in".
MET_IN = gated(
    r"\b(?:met|meet|meets|convened|convenes|reconvened|gathered|sat down)"
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def venue_rank(text: str, mention: PlaceMention) -> tuple[bool, bool]:
    """Order of a sentence's places as the talks' venue: the place the talks are said to be in,
    then the place a meeting verb names ("the group promised in Astana met in Ljubljana": the
    place a participle gives the group is where it was promised, not where it met)."""
    if after_talks(text, mention):
        return (False, False)
    return (True, MET_IN.search(text, max(0, mention.start - 60), mention.start) is None)


# Talks and a verb of theirs before "in": "talks that restarted in", "negotiations resumed in".
TALKS_VERB_IN = re.compile(
    r"\b(?:talks|negotiations|meeting|round|consultations)\b[^.;]{0,40}?\b(?:in|at)\s+$",
    re.IGNORECASE,
)


def ordinal_words() -> str:
    words: dict[str, int] = load("rounds")["ordinals"]
    return "|".join(words)


ORDINAL_CLAUSE = re.compile(rf"\b(?:the\s+)?(?:{ordinal_words()})\b", re.IGNORECASE)


def enumerated_rounds(
    sentence: Sentence, places: Sequence[PlaceMention], snippet: Snippet
) -> list[tuple[int, EventDate, str | None]]:
    """Dates and places of the numbered rounds after the first in a list of rounds, one clause
    each ("; the second on March 3 in Porto; and the third and fourth on March 10 and March 24,
    again in Lisbon"). Offsets stand for the rounds in their event ids."""
    text = sentence.text
    clauses = [m.start() for m in re.finditer(r";\s*", text)]
    if not clauses or not ORDINAL_CLAUSE.search(text[: clauses[0]]):
        return []
    found = []
    bounds = [*clauses, len(text)]
    for begin, end in pairwise(bounds):
        clause = text[begin:end]
        if not ORDINAL_CLAUSE.search(clause):
            continue
        inside = [p for p in places if begin <= p.start < end]
        place = inside[-1].name if inside else None
        offset = 0
        while True:
            when = resolve_date(clause[offset:], snippet.published_at)
            if when is None or not when.text:
                break
            at = clause.find(when.text, offset)
            if at < 0:
                break
            found.append((sentence.start + begin + at, when, place))
            offset = at + len(when.text)
    return found


NEXT_CLAUSE = compile_words(load("rounds")["next_clause"])

# A reporting verb or a report right before a date: the day of the statement ("said on
# Saturday", "in an interview on Wednesday").
REPORT_DATE = re.compile(word_pattern(load("rounds")["report_date"]) + r"\s+$", re.IGNORECASE)
# "at the next round", "will meet again": the next meeting named, not the one being reported.
NEXT_MEETING = re.compile(word_pattern(load("rounds")["next_meeting_named"]), re.IGNORECASE)


# The words that open a second clause of the sentence right before its next meeting: a
# semicolon, colon, comma or dash, or "but" ("; next round set for", ", but the next round").
# Not "and" alone: "Chile and Peru held a new round" is one clause.
_SECOND_CLAUSE = re.compile(
    r"(?:[;:,\u2013\u2014]\s*(?:but\s+|with\s+|as\s+)?|\b(?:but|while)\s+)"
    r"(?:the\s+|a\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)


# The next meeting told as a plan by its own verb: "the next session would be held in X", "the
# next round is set for X", "is expected in X".
_PLANNED_BY_ITS_VERB = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:would|will|is\s+to|was\s+to|are\s+to|were\s+to|shall|should|"
    r"is\s+due|was\s+due|is\s+set|was\s+set|is\s+expected|was\s+expected)\b",
    re.IGNORECASE,
)


def plan_clause_start(text: str) -> int | None:
    """Where a second clause that plans the next meeting starts ("Lima talks end with a swap
    deal; next round set for Quito", "talks end in Lima, but next round set for Quito", "...,
    after the mediator promised that the next session would be held in Quito"), or None. A
    sentence that opens with the next meeting ("The next round opened in Lima") tells that
    meeting, not a plan beside another."""
    cue = NEXT_MEETING.search(text)
    if cue is None or cue.start() == 0:
        return None
    found = _SECOND_CLAUSE.search(text, max(0, cue.start() - 20), cue.start())
    if found is None and _PLANNED_BY_ITS_VERB.match(text, cue.end()) is None:
        return None
    return cue.start()


def held_venues(text: str, mentions: Sequence[PlaceMention], venues: list[str]) -> list[str]:
    """The venues of the talks a sentence reports held, without the places of its clause that
    plans the next meeting ("...; next round set for Quito": Quito is the plan's). A headline
    that opens with the talks named by a city ("Lima talks end with a swap deal; ...") names
    their place."""
    at = plan_clause_start(text)
    if at is None:
        return venues
    before = [m for m in mentions if m.start < at]
    kept = [v for v in venues if any(m.name == v for m in before)]
    if kept or not before:
        return kept
    first = before[0]
    found = place_kinds().get(first.name.casefold())
    opens = not text[: first.start].strip() and NAMED_AFTER.match(text, first.end) is not None
    return [first.name] if opens and found is not None and found[1] != "country" else []


def meeting_date(
    text: str, when: EventDate | None, published_at: datetime | None
) -> EventDate | None:
    """The date of the talks a sentence reports: its first date, unless that is the day of the
    statement and a date follows ("said on Saturday that the sides would meet in Lima on June 6",
    "told an interview on Wednesday that when they met in Quito in March, ..."): then the next."""
    if when is None or not when.text:
        return when
    at = text.find(when.text)
    if at < 0:
        return when
    if REPORT_DATE.search(text, max(0, at - 60), at) is not None:
        return resolve_date(text[at + len(when.text) :], published_at) or when
    return _dated_by_its_verb(text, at + len(when.text), published_at) or when


# The talks' own verb with its date: "the talks, which opened on Monday", "met on Friday".
_MEETING_VERB_DATE = re.compile(
    r"\b(?:talks|negotiations|round|session|meeting|consultations)[,\s]+(?:which|that)\s+"
    r"(?:had\s+)?(?:opened|began|started|ended|closed|concluded|resumed|convened)\s+"
    r"(?=(?:on|last|this|in)\s)",
    re.IGNORECASE,
)


def _dated_by_its_verb(text: str, after: int, published_at: datetime | None) -> EventDate | None:
    """The date of a relative clause that tells when the talks were held ("The extension, which
    starts when the truce ends on January 5, was the outcome of the talks, which opened on
    Monday"), when a first date of the sentence dates something else: the talks' own."""
    if "which" not in text and "that" not in text:
        return None
    verb = _MEETING_VERB_DATE.search(text, after)
    return resolve_date(text[verb.end() :], published_at) if verb else None


def next_plan(
    sentence: Sentence, places: Sequence[PlaceMention], snippet: Snippet, held: EventDate | None
) -> tuple[int, EventDate | None, str | None] | None:
    """The next meeting a held report plans in a clause of its own ("met in Brasilia on Thursday
    and agreed to hold their next session in Montevideo on April 20"): the clause's offset, date
    and place. Only when the held meeting's date is told before the clause, so the sentence's
    date is the meeting's, not the plan's."""
    text = sentence.text
    if held is None or not held.text:
        return None
    clause = NEXT_CLAUSE.search(text)
    if clause is None:
        return None
    told = text.find(held.text)
    if told < 0 or told >= clause.start():
        return None
    rest = text[clause.start() :]
    when = resolve_date(rest, snippet.published_at)
    inside = [p for p in places if p.start >= clause.start()]
    return clause.start(), when, inside[0].name if inside else None


def ahead(date: EventDate | None, published_at: datetime | None) -> bool:
    """Dated from the publication day on and running past it: a plan, whatever the tense."""
    if date is None or published_at is None:
        return False
    day = published_at.date()
    return date.start >= day and date.end > day


# The dateline's city told without its name: talks "in the capital" with no capital named
# ("ending three days of talks in the capital"), or met "here".
_DATELINE_CITY_TOLD = re.compile(
    r"\b(?:talks|negotiations|round|meetings?|summit|consultations|sessions?)"
    r"\s+(?:\w+\s+)?in\s+the\s+capital\b(?!\s+of\b|,?\s+(?-i:[A-Z]))"
    # the dateline's city named from inside it: "negotiators met here on Monday", "concluded on
    # Tuesday in this capital"
    r"|\b(?:met|meet|meets|meeting|held|convened|gathered|opened|ended|concluded|began|resumed|"
    r"talks|negotiations|round|session)\s+(?:[\w,]+\s+){0,4}?(?:here|in\s+this\s+(?:capital|city))\b",
    re.IGNORECASE,
)
# The place of a dateline in capitals that opens a snippet: "LUSAKA, April 18 —",
# "N'DJAMENA (RNT) —".
_DATELINE_PLACE = re.compile(r"([A-ZÀ-Þ][A-ZÀ-Þ'’ .-]*?[A-ZÀ-Þ])\s*(?:,|\(|[—–])")


@cache
def _city_names() -> dict[str, str]:
    """Every surface form of a gazetteer city, folded, to its name."""
    cities: dict[str, str] = {}
    for p in load("places")["places"]:
        if p.get("kind") == "city":
            for form in (p["name"], *p.get("aliases", ())):
                cities.setdefault(form.casefold(), p["name"])
    return cities


def _known_city(words: str) -> tuple[str, str] | None:
    """(name, country code) of a gazetteer city by any of its forms ("BRASÍLIA" is Brasilia)."""
    name = _city_names().get(words.casefold())
    found = place_kinds().get(name.casefold()) if name is not None else None
    return (name, found[0]) if name is not None and found is not None else None


def dateline_capital(snippet_text: str, sentence_text: str) -> list[str]:
    """The city of the snippet's dateline, as the venue of talks told to be "in the capital"
    with no capital named, "here" or "in this capital": a wire report datelined in a capital
    calls it so."""
    if not ("capital" in sentence_text or " here" in sentence_text or "this city" in sentence_text):
        return []  # ("here" alone is in "where" and "there")
    if not _DATELINE_CITY_TOLD.search(sentence_text):
        return []
    dateline = _DATELINE_PLACE.match(snippet_text)
    city = _city_names().get(dateline.group(1).casefold()) if dateline else None
    return [city] if city else []


def dateline_country(snippet_text: str) -> str | None:
    """The country of the town in capitals that datelines the snippet ("MAPUTO (AIN) —"), or the
    country the dateline names after its town ("BIR ZERGA, Libya —"); None when it opens with
    no dateline of a known town or country."""
    dateline = _DATELINE_PLACE.match(snippet_text)
    if dateline is None:
        return None
    city = _known_city(dateline.group(1))
    if city is not None:
        return city[1]
    found = place_kinds().get(dateline.group(1).casefold())
    if found is not None:
        return None  # a place of the gazetteer that is no city
    country = _DATELINE_COUNTRY.match(snippet_text, dateline.end(1))
    named = place_kinds().get(country.group(1).casefold()) if country else None
    return named[0] if named is not None and named[1] == "country" else None


# A dateline's town followed by its country: "KEREWANE, Senegal, April 17 —".
_DATELINE_COUNTRY = re.compile(r"\s*,\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})\s*[,(—–]")


def dateline_span(snippet_text: str) -> int:
    """Where the dateline's place words end ("BLED, Slovenia" of "BLED, Slovenia, April 23 —"):
    0 when the snippet opens with no dateline. A country named there is where the report is
    sent from, not a side of the talks it tells."""
    dateline = _DATELINE_PLACE.match(snippet_text)
    if dateline is None:
        return 0
    country = _DATELINE_COUNTRY.match(snippet_text, dateline.end(1))
    return country.end(1) if country else dateline.end(1)


def dateline_town(snippet_text: str, countries: Collection[str] = ()) -> tuple[str, str] | None:
    """(town, country code) of the snippet's dateline: a gazetteer city ("LUSAKA, April 18 —"),
    a town beyond it followed by its country ("BLED, Slovenia, April 23 —"), or a town GeoNames
    knows (`countries`: those the snippet names, to choose among towns of one name); None when
    the snippet opens with no dateline whose country is known."""
    dateline = _DATELINE_PLACE.match(snippet_text)
    if dateline is None:
        return None
    words = dateline.group(1)
    city = _known_city(words)
    if city is not None:
        return city
    kinds = place_kinds()
    if words.casefold() in kinds:
        return None  # a place of the gazetteer that is no city
    town = words.title()
    country = _DATELINE_COUNTRY.match(snippet_text, dateline.end(1))
    named = kinds.get(country.group(1).casefold()) if country else None
    if named is not None and named[1] == "country":
        return town, named[0]
    code = town_country(town, countries)
    return (town, code) if code else None


def city_within(venue: str, named: Sequence[str], dateline: tuple[str, str] | None = None) -> str:
    """The venue, or, when it is a country, the last city of that country named before as a
    place of talks ("talks with a US delegation in Jeddah ... after talks in Saudi Arabia"),
    else the town of that country that datelines the snippet ("BLED, Slovenia — ... ended
    three days of talks in Slovenia"): a wire report names the country of the town it is sent
    from."""
    kinds = place_kinds()
    found = kinds.get(venue.casefold())
    if found is None or found[1] != "country":
        return venue
    for name in reversed(named):
        other = kinds.get(name.casefold())
        if other is not None and other[0] == found[0] and other[1] != "country":
            return name
    if dateline is not None and dateline[1] == found[0]:
        return dateline[0]
    return venue


def choose_venue(
    is_held: bool,
    venues: list[str],
    carried: str | None,
    named: Sequence[str] = (),
    dateline: tuple[str, str] | None = None,
) -> tuple[str | None, str | None]:
    """(venue of this talks sentence, venue carried forward): held talks inherit, plans do not;
    a country named as the venue of talks held, after one of its cities or under a dateline in
    one of its towns, is that city (a plan "in Slovenia" names no town yet)."""
    own = city_within(venues[0], named, dateline if is_held else None) if venues else None
    if not is_held:
        return own, carried
    return own or carried, own or carried


def dateline_venue(town: tuple[str, str] | None, process_codes: Sequence[str]) -> list[str]:
    """The town of the dateline, as the venue of talks held that a sentence names no place of
    ("DAKAR (Wire) — Three days of talks between Benin and the AFF ended on Wednesday"), when
    the town is in a third country: a report sent from a state that is no side of the talks is
    sent from where they are held (from a side's own country it may be sent from home)."""
    if town is None or town[1] in process_codes:
        return []
    return [town[0]]
