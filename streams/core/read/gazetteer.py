"""Gazetteer: actors (states, armed groups, organisations, leaders) and places, from lexicons."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from streams.core.lexicon import alternation, load
from streams.core.read.dispatch import dispatched
from streams.core.read.gates import GatedPattern, gated
from streams.core.read.stems import fold, required_stems
from streams.core.spans import Spans

ActorKind = Literal["state", "person", "armed_group", "organisation", "other"]
_ACTORS: dict[str, Any] = load("actors")
_PLACES: dict[str, Any] = load("places")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: canonical name, party code, ISO country and the words used."""

    start: int
    end: int
    mention: str
    name: str
    code: str
    country: str | None
    kind: ActorKind
    title: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    mention: str
    name: str
    country: str | None
    region: str | None = None


# surface form -> (actor entry, form kind); forms are case-sensitive proper names.
_ACTOR_FORMS: dict[str, tuple[dict[str, Any], str]] = {}
for _entry in _ACTORS["actors"]:
    for _form_kind in ("metonyms", "demonyms", "aliases"):  # aliases win on collisions
        for _form in _entry.get(_form_kind, []):
            _ACTOR_FORMS[_form] = (_entry, _form_kind)
_PLACE_FORMS: dict[str, dict[str, Any]] = {}
for _entry in _PLACES["places"]:
    for _form in _entry["aliases"]:
        _PLACE_FORMS.setdefault(_form, _entry)


_WORD_RUN = re.compile(r"\w+")


def _names_index(forms: list[str]) -> dict[str, re.Pattern[str]]:
    """First word of a name -> a regex, anchored at that word, for the names starting with it.

    A name can only start where a word starts, and there the text's word equals the name's
    first word: so scanning the sentence's words and matching at the few candidates gives the
    same matches as one big alternation over every name, without trying it at every position.
    """
    groups: dict[str, list[str]] = {}
    for form in forms:
        first = _WORD_RUN.match(form)
        if first is None:
            raise ValueError(f"gazetteer name must start with a word character: {form!r}")
        groups.setdefault(first.group(0), []).append(form)
    # Hyphens may join names ("US-Saudi", "Rwanda-backed"), so only letters/digits bound a name.
    return {
        word: re.compile(alternation([re.escape(f) for f in group]) + r"(?!\w)")
        for word, group in groups.items()
    }


_ACTOR_INDEX = _names_index(list(_ACTOR_FORMS))
_PLACE_INDEX = _names_index(list(_PLACE_FORMS))


def _first_words(words: Iterable[str]) -> re.Pattern[str]:
    """The words, whole, where a word starts: each letter's words behind one word-start test
    after the letter, so that the engine skips to the letters they open with and tries only
    the words of the letter it stands on (grouped further by letter: `dispatch.py`)."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = [re.escape(c) + r"(?<!\w.)(?:" + "|".join(r) + ")" for c, r in rests.items()]
    return dispatched(re.compile("(?:" + "|".join(branches) + r")(?!\w)"))


# A name can only start at a word that is the first word of some name (the keys of the two
# indexes): scanning for those words alone gives `_find_names` the candidates that a scan of
# every word would, without the match objects of all the other words (most of them).
_NAME_WORD = _first_words({*_ACTOR_INDEX, *_PLACE_INDEX})


def _find_names(
    text: str, words: list[re.Match[str]], index: dict[str, re.Pattern[str]]
) -> list[re.Match[str]]:
    """Leftmost, non-overlapping names, as `finditer` over one alternation of them all finds."""
    found: list[re.Match[str]] = []
    end = 0
    for word in words:
        pattern = index.get(word.group(0))
        if pattern is None:
            continue
        start = word.start()
        if start < end or (start and text[start - 1] == "."):
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


_LOCATIVE = re.compile(
    r"(?:^|\W)(?:" + "|".join(_ACTORS["locative_prepositions"]) + r")\s+(?:the\s+)?$", re.IGNORECASE
)
# "delegations from Chile": people sent by the state, which acts; not the country as a place.
_SENT_FROM = re.compile(
    r"\b" + alternation(_ACTORS["sent_from"]) + r"\s+from\s+(?:the\s+)?$", re.IGNORECASE
)
# "the government in Santiago", "authorities in Lima": the state that governs from there acts.
_SEATED_IN = gated(
    r"\b" + alternation(_ACTORS["seated_in"]) + r"\s+in\s+(?:the\s+)?$", re.IGNORECASE
)


def _seated_in(text: str, start: int) -> bool:
    """Whether a seat of government stands right before text[start:] ("the government in")."""
    # The gate reads the whole sentence: no stem there, none in the 30 characters before.
    return _SEATED_IN.may_match(text) and bool(
        _SEATED_IN.regex.search(text[max(0, start - 30) : start])
    )


# A capital stands for its government when it acts: "Kyiv said", "Moscow's position", "Baku and".
_ACTING = re.compile(
    r"(?:['’]s\b|\s+(?:has|have|had|is|was|were|will|would|says|said|and|accused|denied|rejected|"
    r"warned|insisted|wants|demanded|welcomed|announced|claimed|called|responded|signaled|"
    r"signalled|sees|hopes|blamed|refused|agreed|pledged|vowed|expects|believes|did|does)\b"
    # "the Freetown regime", "the Kinshasa government": the capital qualifying a government word
    r"|\s+" + alternation(_ACTORS["seated_in"]) + r"\b)"
)
_MEDIATOR = re.compile(r"\b" + alternation(_ACTORS["roles"]["mediator"]) + r"\b", re.IGNORECASE)
_HOST = re.compile(r"\b" + alternation(_ACTORS["roles"]["host"]) + r"\b", re.IGNORECASE)
_MEDIA = re.compile(r"\b" + alternation(_ACTORS["roles"]["media"]) + r"\b", re.IGNORECASE)
# "talks mediated by the United States", "under the mediation of Qatar": a cue that names its
# agent next ("by", "of"), with the name right after it.
# A second agent after "and" shares the cue: "brokered by Brazil and Argentina".
# (Capitals case-sensitively: the cues are matched ignoring case, "Canada met Chile and" is no
# pair of agents.)
_CONJOINED = r"(?:(?:the\s+)?(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3},?\s+and\s+)?"
# "mediated by former Brazilian president X": a person's state may follow a word of tenure.
_TENURE = r"(?:(?:former|ex-|then|retired|outgoing|veteran)\s*)?"
_CUE_THEN_AGENT = {
    role: re.compile(
        r"\b" + alternation(cues) + r"\s+" + _CONJOINED + r"(?:the\s+)?" + _TENURE + r"$",
        re.IGNORECASE,
    )
    for role, cues in _ACTORS["roles_before_agent"].items()
}
# "mediated by former president Ana Vell", "chaired by Bordurian Foreign Minister Dr. Ivo
# Marsh": a person after the cue may carry title words (no word that joins another name).
_CUE_THEN_PERSON = {
    role: re.compile(
        r"\b" + alternation(cues) + r"\s+(?:the\s+)?"
        r"(?:(?!(?:between|and|with|for|to|from|on|in|at|said|says)\b)[\w’'.-]+\s+){0,4}$",
        re.IGNORECASE,
    )
    for role, cues in _ACTORS["roles_before_agent"].items()
}
# Their gates, asked of the sentence: the head searched is a slice of it.
_CUE_GATES = {role: GatedPattern(regex) for role, regex in _CUE_THEN_AGENT.items()}
# "The Red Cross says it mediated between the sides": the speaker tells its own role.
_SPEAKER_MEDIATES = gated(r"\b" + alternation(_ACTORS["speaker_mediates"]) + r"\b", re.IGNORECASE)
# "US-brokered truce", "EU-led Brussels process": the name leads or brokers the process (a
# "Saudi-led coalition" fights: "-led" counts only before a word of talks).
_LED_PROCESS = re.compile(
    r"-(?:brokered|mediated|sponsored|led (?:\w+ ){0,2}(?:process|talks|mediation|negotiations|"
    r"initiative|dialogue|format|track|efforts?)\b)",
    re.IGNORECASE,
)
# "Norway leads, with Ghana as co-facilitator": a partner named in a co-role makes the name the
# lead holder of that role.
_LEADS_WITH_CO = re.compile(
    r"\s+leads(?:\s+the\s+(?:mediation|facilitation|talks|process))?,?\s+with\s+(?:the\s+)?"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:as|acting as)\s+(?:a\s+)?"
    r"co-?(?:facilitator|mediator|chair|sponsor)s?\b"
)
# "Angola has led the mediation since March": the name holds the role the process has.
_LEADS_ROLE = re.compile(
    r"\s+(?:(?:has|had|have)\s+)?(?:led|leads|is\s+leading)\s+the\s+(?:mediation|facilitation)\b"
)
# "Qatar, which has mediated", "Mexico's envoy, who chaired the talks": a relative clause
# after the name, or after a title the name owns, tells the name's role. Not one whose own
# subject follows the pronoun ("the HUA, which the mediators had pencilled in"): the name is
# the object of that clause.
_RELATIVE_ROLE = re.compile(
    r"(?P<owned>['’]s(?:\s+[\w-]+){1,3}|(?:\s+(?:foreign|prime|deputy|special|chief|senior|top|"
    r"peace))?\s+(?:ministers?|envoys?|diplomats?|presidents?|representatives?|negotiators?|"
    r"emir|king|secretary|officials?))?"
    r",\s+(?:which|who)\s+(?!(?:the|a|an|its|their|his|her)\s)(?:(?-i:(?![A-Z]))[\w’']+\s+){0,4}?(?P<cue>mediat\w*|broker\w*|facilitat\w*|"
    r"intermediar\w*|(?:co-?)?chair(?:ed|s|ing)\b|convene[ds]\b|host\w*)",
    re.IGNORECASE,
)
# The rest of a relative clause that makes its subject a side: "who chaired the talks with Peru".
_PARTY_CLAUSE = re.compile(r"[^,;.]*?\bwith\b")
# "Uruguay acted as a go-between", "Ecuador played the role of intermediary": the name's role.
_AS_ROLE = re.compile(
    r"\s+(?:(?:has|had|have|will|would)\s+)?(?:act(?:s|ed|ing)?|serv(?:e|es|ed|ing)|"
    r"play(?:s|ed|ing)?\s+(?:the|a)\s+role\s+of)\s+(?:as\s+)?(?:(?:a|an|the)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<cue>[\w-]+)\b",
    re.IGNORECASE,
)
_CONJUNCT = re.compile(r",?\s+and\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+")
# A cue that names its agent next ("facilitated by") is not the role of a name before it.
_CUE_BY = re.compile(r"[\w-]+\s+(?:\w+ly\s+)?by\b.*", re.DOTALL)
# "Swiss-hosted talks", "Norway-brokered deal": a cue joined to another word by a hyphen is
# that word's role, not the role of a name near it ("Chile and Peru met in Swiss-hosted talks").
# A name's own "co-" is no other word ("Chile and Peru co-hosted").
_JOINED_CUE = re.compile(
    r"\b(?!co-)\w+-(?:hosted|brokered|mediated|facilitated|sponsored|led)\b", re.IGNORECASE
)
# "between Guinea and Sierra Leone": the second of the pair is a side too.
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.’'-]*\s+){0,4}?(?:and\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# A name right after "for" is one the role serves ("a go-between for Chile"): a cue before it
# is not its role (a cue after it still is: "asked Chile to host").
_FOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
_BRACKETED_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,9}\)")
# "Ann Vell, the AU mediator, said": an apposition that gives the name its role. Its role is a
# noun: a verb after the words is a clause of its own ("A and B, the ICRC facilitated the
# release" tells what the ICRC did, not what A and B are).
_APPOSED_MEDIATOR = re.compile(
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})?"
    r",\s+(?:the|a|an|its|their|who is the|who are the)\s+(?:[\w’'.-]+\s+){0,3}?(?:"
    + alternation(_ACTORS["roles"]["mediator"])
    + r"|mediator|facilitator)\b(?<!ed)(?<!ing)",
    re.IGNORECASE,
)
# "the Sudanese capital": a demonym before "capital" names the state's capital city.
_CAPITAL_BY_ROLE = re.compile(r"\s+capital\b(?!\s+(?:of|punishment|gains?|expenditure|investment))")
# "the Swiss city", "the Omani port of X", "Peruvian territory": a demonym before a place noun
# names a place of the state, not the state acting.
_PLACE_NOUN_AFTER = re.compile(r"\s+" + alternation(_ACTORS["place_nouns"]) + r"\b", re.IGNORECASE)
# "the Panama round": a country naming the meeting held there is a place, not an actor.
_MEETING_NAMED_AFTER = re.compile(
    r"\s+" + alternation(_ACTORS["venue_named_meetings"]) + r"\b", re.IGNORECASE
)
# "the Gulf of Guinea", "Gulf of Guinea Wire": a state's name after a sea's head is a sea's.
_SEA_BEFORE = re.compile(r"\b(?-i:" + alternation(_ACTORS["sea_heads"]) + r")\s+of\s+(?:the\s+)?$")
# "a Malawian," "an Iraqi and": a demonym used as a noun for one person of the state.
_A_PERSON_BEFORE = re.compile(r"\b(?:a|an)\s+$")
_A_PERSON_AFTER = re.compile(r"\s*(?:[,.;:)]|\s+and\b|\s+or\b|$)")
# "a Danish nurse, a Chilean engineer", "two Austrian geologists": a civilian's trade after the
# demonym, one person or a counted few, tells a hostage's or aid worker's nationality, no state
# acting (`civilian_trades`).
_SOME_PEOPLE_BEFORE = re.compile(
    r"\b(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+$", re.IGNORECASE
)
_CIVILIAN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?" + alternation(_ACTORS["civilian_trades"]) + r"\b", re.IGNORECASE
)
# A channel number right after a name makes it a brand: "France 24", "Russia 1".
_CHANNEL_NUMBER = re.compile(r" \d{1,2}(?![\d,.:])")


def _actor(match: re.Match[str], entry: dict[str, Any]) -> ActorMention:
    return ActorMention(
        match.start(),
        match.end(),
        match.group(0),
        entry["name"],
        entry["code"],
        entry.get("country"),
        entry["kind"],
    )


# The capitalised word a hyphen joins to the name after it, a given name before them: "Léontine
# Mabiala-Goma".
_JOINED_BEFORE = re.compile(r"[A-Z][\w’'.-]*\s+([A-Z][\w’']*)-$")


def _in_a_compound_name(text: str, start: int) -> bool:
    """Whether a place name is the second half of a hyphenated surname, a given name before it
    and no place or actor joined to it: "Léontine Mabiala-Goma" is a person, "Lusaka-Harare"
    two cities, "a second Abha-Sanaa leg" a route."""
    if start < 2 or text[start - 1] != "-":
        return False  # most names stand alone: one character compared
    joined = _JOINED_BEFORE.search(text, max(0, start - 60), start)
    return joined is not None and not (
        joined.group(1) in _PLACE_FORMS or joined.group(1) in _ACTOR_FORMS
    )


def find_mentions(text: str) -> tuple[list[ActorMention], list[PlaceMention]]:
    """Actors and places named in a text; a country after "in"/"from" is a place, not an actor."""
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    words = list(_NAME_WORD.finditer(text))
    if not words:
        return actors, places
    for match in _find_names(text, words, _ACTOR_INDEX):
        entry, form_kind = _ACTOR_FORMS[match.group(0)]
        capital = capital_by_role(text, match, entry, form_kind)
        if capital is not None:
            places.append(capital)
            taken.append((capital.start, capital.end))
            continue
        if form_kind == "demonyms" and _PLACE_NOUN_AFTER.match(text, match.end()):
            continue  # "the talks in the Swiss city": a place told by its country, no actor
        if (
            form_kind == "demonyms"
            and _A_PERSON_BEFORE.search(text, max(0, match.start() - 4), match.start())
            and _A_PERSON_AFTER.match(text, match.end())
        ):
            continue  # "two Mozambicans and a Malawian,": a person's nationality, no actor
        if (
            form_kind == "demonyms"
            and _SOME_PEOPLE_BEFORE.search(text, max(0, match.start() - 7), match.start())
            and _CIVILIAN_AFTER.match(text, match.end())
        ):
            continue  # "a Danish nurse": a hostage's or aid worker's nationality, no actor
        if form_kind == "metonyms":
            seated = _seated_in(text, match.start())
            if not seated and not _ACTING.match(text, match.end()):
                continue  # a capital used as a place: left to the place pass
            locative_check = True
        else:
            locative_check = entry["kind"] == "state" and match.group(0) in _PLACE_FORMS
            if (
                entry["kind"] == "state"
                and form_kind != "demonyms"
                and _SEA_BEFORE.search(text, max(0, match.start() - 16), match.start())
            ):
                continue  # "the Gulf of Guinea": a sea named after the state, no actor
            # Asked only where it decides: most names are no country used as a place.
            seated = locative_check and _seated_in(text, match.start())
            if locative_check and _MEETING_NAMED_AFTER.match(text, match.end()):
                continue  # "the Panama round": the country where the round was, a place
        if (
            locative_check
            and not seated
            and _LOCATIVE.search(text[max(0, match.start() - 20) : match.start()])
            and not _SENT_FROM.search(text[max(0, match.start() - 40) : match.start()])
        ):
            continue  # "fighting in Sudan": the country as a place
        actors.append(_actor(match, entry))
        taken.append((match.start(), match.end()))
    names = Spans(taken)
    for match in _find_names(text, words, _PLACE_INDEX):
        if names.overlaps(match.start(), match.end()) or _in_a_compound_name(text, match.start()):
            continue
        entry = _PLACE_FORMS[match.group(0)]
        places.append(
            PlaceMention(
                match.start(), match.end(), match.group(0), entry["name"], entry["country"]
            )
        )
    return actors, places


# A name two or more states go by ("Congolese") -> the codes of those states.
_SHARED: dict[str, frozenset[str]] = {
    form: frozenset(group["states"]) for group in _ACTORS["shared_names"] for form in group["forms"]
}
# Shared names no state goes by more often ("Congo"): they name a state only where decided.
_UNDECIDED = frozenset(form for group in _ACTORS["shared_names"] for form in group["undecided"])
_STATE_ENTRIES: dict[str, dict[str, Any]] = {
    e["code"]: e for e in _ACTORS["actors"] if e["kind"] == "state"
}
# A sentence (any object) with the actors and places named in it, as extract.py reads them.
_Read = tuple[Any, list[ActorMention], list[PlaceMention]]


def resolve_shared_names(found: list[_Read]) -> list[_Read]:
    """The snippet's sentences with each name two states share ("Congolese", "Congo") given to
    the one of them the snippet names by a name of its own ("Brazzaville", a place in it); a
    shared name stays with the state it is listed under when the snippet names both or neither,
    and an undecided one ("Congo") then names none."""
    if not any(m.mention in _SHARED for _, actors, _ in found for m in actors):
        return found
    own = {m.code for _, actors, _ in found for m in actors if m.mention not in _SHARED}
    own |= {p.country for _, _, places in found for p in places if p.country}

    def resolved(m: ActorMention) -> ActorMention | None:
        named = _SHARED.get(m.mention, frozenset()) & own
        if len(named) != 1:
            return None if m.mention in _UNDECIDED else m
        if m.code in named:
            return m
        entry = _STATE_ENTRIES[next(iter(named))]
        return replace(m, name=entry["name"], code=entry["code"], country=entry["country"])

    return [
        (s, [r for r in (resolved(m) for m in actors) if r is not None], places)
        for s, actors, places in found
    ]


def capital_by_role(
    text: str, match: re.Match[str], entry: dict[str, Any], form_kind: str
) -> PlaceMention | None:
    """ "the Emirati capital": a state's demonym before "capital" names its capital city."""
    if form_kind != "demonyms" or not entry.get("metonyms"):
        return None
    capital = _CAPITAL_BY_ROLE.match(text, match.end())
    if capital is None:
        return None
    mention = text[match.start() : capital.end()]
    return PlaceMention(
        match.start(), capital.end(), mention, entry["metonyms"][0], entry.get("country")
    )


def is_actor_form(words: str) -> bool:
    """True when the words are a name, demonym or metonym of a lexicon actor."""
    return words in _ACTOR_FORMS


def is_country(name: str) -> bool:
    """True when the words name a country ("Lebanon"), as opposed to a region or town."""
    entry = _PLACE_FORMS.get(name)
    return entry is not None and entry.get("kind") == "country"


def _word_stems(*patterns: re.Pattern[str]) -> tuple[str, ...] | None:
    """Space-free lower-case strings, one of which lies in one word of any match of a pattern."""
    stems: set[str] = set()
    for pattern in patterns:
        required = required_stems(pattern)
        if required is None:
            return None
        stems.update(max(stem.split(), key=len) for stem in required)
    return tuple(sorted(stems))


# The cue windows are words cut from the text around the mention: a cue matching there has its
# stems inside one of those words, so text around the mention without them cannot hold a cue.
_ROLE_STEMS = _word_stems(_MEDIATOR, _HOST)
_MEDIA_STEMS = _word_stems(_MEDIA)


_Hits = list[tuple[int, int]] | None  # (start, end) of stems in the text; None: no gate


def _stem_gate(stems: tuple[str, ...] | None) -> GatedPattern | None:
    """A gate on the stems themselves: where the sentence's shared scan found none of them,
    looking for each in turn would find nothing."""
    return gated("|".join(re.escape(stem) for stem in stems)) if stems else None


_ROLE_GATE = _stem_gate(_ROLE_STEMS)
_MEDIA_GATE = _stem_gate(_MEDIA_STEMS)


def _hits(
    stems: tuple[str, ...] | None, folded: str | None, text: str, gate: GatedPattern | None
) -> _Hits:
    if stems is None or folded is None:
        return None
    if gate is not None and not gate.may_match(text):
        return []
    hits: list[tuple[int, int]] = []
    for stem in stems:
        at = folded.find(stem)
        while at >= 0:
            hits.append((at, at + len(stem)))
            at = folded.find(stem, at + 1)
    return hits


class _Stems:
    """Where the cue stems occur in a text (asked once per mention)."""

    __slots__ = ("media", "role", "text")

    def __init__(self, text: str | None) -> None:
        folded = None
        if text is not None:
            folded = text.lower() if text.isascii() else fold(text)
            if len(folded) != len(text):
                folded = None  # a character folded to several: offsets differ, no gate
        self.text = text
        self.role = _hits(_ROLE_STEMS, folded, text or "", _ROLE_GATE)
        self.media = _hits(_MEDIA_STEMS, folded, text or "", _MEDIA_GATE)


# The extractor asks about a snippet's sentences in passes (media cues, role cues, then each
# sentence's roles): a cache holding a snippet's sentences, not only the last one, serves all.
@lru_cache(maxsize=128)
def _stems_in(text: str) -> _Stems:
    return _Stems(text)


def _lacks(hits: _Hits, start: int, end: int) -> bool:
    """True when no stem lies wholly in text[start:end]."""
    return hits is not None and not any(s >= start and e <= end for s, e in hits)


def role_cue(text: str, mention: ActorMention) -> Literal["mediator", "host"] | None:
    """Mediator or host when a role cue touches the mention ("US envoy", "hosted by Qatar")."""
    return _role_reading(text, mention)[0]


def firm_role(text: str, mention: ActorMention) -> bool:
    """Whether the mention's role rests on more than an envoy noun beside it: "Russian envoys
    met ..." may be a side sending envoys, "under Turkish mediation" is a mediator."""
    role, firm = _role_reading(text, mention)
    return role is not None and firm


_Role = tuple[Literal["mediator", "host"] | None, bool]
# An envoy is sent by mediators and sides alike: the noun alone is a weak cue.
_ENVOY = re.compile(r"envoys?\b", re.IGNORECASE)
# A state's (singular) envoy right after its name or demonym: "the Norwegian envoy".
_STATE_ENVOY = re.compile(r"(?:['’]s)?\s+envoy\b")
# A verb of address right before a name has the name as its object: "envoys urged Chile".
_ADDRESSED = re.compile(alternation(_ACTORS["addressed_by"]), re.IGNORECASE)
# A side that hosts talks with its counterpart hosts no talks of others: "Gambia hosted a round
# of talks with Senegal" names a side of the process (not "hosted talks with both sides").
_HOSTS_COUNTERPART = re.compile(
    r"\s+" + alternation(_ACTORS["hosts_counterpart"]) + r"\b", re.IGNORECASE
)
# The name owns a government or delegation: "Zambia's government".
_OWN_GOVERNMENT = re.compile(r"['’]s\s+(?:government|delegation|negotiators)\b")
# "thanks Ecuador for its good offices", "thanked Peru for their mediation": the role the name
# is thanked for is its own (the words reach past the three after a name).
_FOR_ITS_ROLE = re.compile(
    r"\s+for\s+(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:"
    + alternation(_ACTORS["roles"]["mediator"])
    + r")\b",
    re.IGNORECASE,
)
# A cue after a name that a subordinate clause or a preposition and its article opens belongs to
# another phrase: "the CFNR until the mediators have heard us", "Chad, before the envoys".
_OTHER_PHRASE = re.compile(
    r"\b(?:until|before|after|when|while|unless|once|because|since|to|by|from|on|at|into|"
    r"against)\s+(?:the|a|an|its|their|his|her)\b.*",
    re.IGNORECASE | re.DOTALL,
)
# A cue verb right before a name has the name as its object: "Oman hosted Iranian officials".
_OBJECT_OF = re.compile(r"(?:co-?)?(?:hosted|hosts|mediated|brokered|facilitated)", re.IGNORECASE)


# Asked for each mention when the snippet's non-parties are read, then again for each event of
# its sentence: the answer depends on the text and the mention alone.
@lru_cache(maxsize=1024)
def _role_reading(text: str, mention: ActorMention) -> _Role:
    """(role, firm): the role a cue touching the mention gives it, and whether the cue is more
    than an envoy noun."""
    # "talks mediated by the United States", "under the auspices of the AU": the cue names its
    # agent next (checked before the stem gate: "auspices" has no role stem).
    head = text[max(0, mention.start - 50) : mention.start]
    agent = _CUE_THEN_PERSON if mention.kind == "person" else _CUE_THEN_AGENT
    # Both patterns open with the same cue words, so the agent pattern's gate serves both.
    if _CUE_GATES["mediator"].may_match(text) and agent["mediator"].search(head):
        return "mediator", True
    if _CUE_GATES["host"].may_match(text) and agent["host"].search(head):
        return "host", True
    if mention.kind == "state" and _STATE_ENVOY.match(text, mention.end):
        # "Norwegian envoy Ingrid Haugland", "Botswana's envoy": the state sends an envoy, a
        # weak cue (a side sends envoys too).
        return "mediator", False
    if (
        _LED_PROCESS.match(text, mention.end)
        or _APPOSED_MEDIATOR.match(text, mention.end)
        or _LEADS_WITH_CO.match(text, mention.end)
        or _LEADS_ROLE.match(text, mention.end)
        or _FOR_ITS_ROLE.match(text, mention.end)
    ):
        return "mediator", True
    # "granted the International Committee of the Red Cross (ICRC) an intermediary role": the
    # acronym in brackets is part of the name, not one of the words after it.
    acronym = _BRACKETED_ACRONYM.match(text, mention.end)
    start_after = acronym.end() if acronym else mention.end
    if _HOSTS_COUNTERPART.match(text, start_after):  # anchored: one try per mention
        return None, False
    # "Qatar, which has mediated between ...": a relative clause tells the name's role.
    relative = _RELATIVE_ROLE.match(text, start_after)
    if relative and relative.group("owned") and _PARTY_CLAUSE.match(text, relative.end()):
        relative = None  # "Chile's minister, who chaired the talks with Peru": a side's own
    if relative:
        return ("host" if relative.group("cue").lower().startswith("host") else "mediator"), True
    as_role = _AS_ROLE.match(text, start_after)
    if as_role and _MEDIATOR.fullmatch(as_role.group("cue")):
        return "mediator", True
    if as_role and _HOST.fullmatch(as_role.group("cue")):
        return "host", True
    # "The United Nations and the African Union co-chaired": the cue after a conjoined name.
    conjunct = _CONJUNCT.match(text, start_after)
    if conjunct:
        # "Kenya and Tanzania open EAC-facilitated talks": the joined cue is the EAC's role
        after = _JOINED_CUE.sub("", text[conjunct.end() : conjunct.end() + 25])
        words = " ".join(_CUE_BY.sub("", after).split()[:2])
        if _MEDIATOR.search(words):
            return "mediator", not _ENVOY.search(words)
        if _HOST.search(words):
            return "host", True
    if _lacks(_stems_in(text).role, mention.start - 25, start_after + 25):
        return None, False
    before = text[max(0, mention.start - 25) : mention.start]
    # A cue before a comma is another clause's ("with Qatari mediation, Chile said"); a name
    # right after "between" is a side ("mediated between Chile and Peru").
    before = re.split(r"[,;:]", before)[-1]
    if _BETWEEN.search(before):
        return None, False
    if _FOR.search(before):
        before = ""
    # A cue that names its agent next is not the name's own: "Peru, facilitated by Brazil".
    after = _JOINED_CUE.sub("", _CUE_BY.sub("", text[start_after : start_after + 25]))
    after = _OTHER_PHRASE.sub("", after)  # "the CFNR until the mediators": another phrase's
    before_words = before.split()[-2:]
    if before_words and (
        _OBJECT_OF.fullmatch(before_words[-1]) or _ADDRESSED.fullmatch(before_words[-1])
    ):
        # "Oman hosted Iranian officials": the guests, not the hosts; "envoys urged Chile":
        # the one the envoys address, not an envoy
        before_words = []
    after_words = " ".join(after.split()[:3])
    window = " ".join([*before_words, after_words])
    cues = [m.group(0) for m in _MEDIATOR.finditer(window)]
    firm = any(not _ENVOY.search(cue) for cue in cues)
    own_envoys = _OWN_GOVERNMENT.match(text, mention.end) and not _MEDIATOR.search(after_words)
    if cues and not firm and own_envoys:
        # "Envoys of Zambia's government and the rebels met": the envoys are the side's own
        # (not "Norway's government envoy")
        return None, False
    if cues:  # an envoy noun alone is a weak cue ("Saudi envoys")
        return "mediator", firm
    if _HOST.search(window):
        return "host", True
    return None, False


# _MEDIATOR over a whole sentence: behind the gate, over the lower-cased sentence (an
# ignore-case alternation behind a word boundary is tried in full at every position).
_MEDIATOR_IN = GatedPattern(_MEDIATOR)


def names_a_mediator(text: str) -> bool:
    return "," in text and _MEDIATOR_IN.scan_search(text) is not None


def apposed_mediators(text: str, people: Iterable[ActorMention]) -> set[str]:
    """Codes of people an apposition names as mediators ("X, the AU mediator,"): a former
    president of a third country who mediates does not make that country a side."""
    return {p.code for p in people if _APPOSED_MEDIATOR.match(text, p.end)}


def speaker_mediates(text: str) -> bool:
    """Whether the sentence's speaker says it mediated ("says it brokered the exchange")."""
    return _SPEAKER_MEDIATES.search(text) is not None


def media_cue(text: str, mention: ActorMention) -> bool:
    """True when the name belongs to a news outlet ("French broadcaster", "Russian state media")."""
    if _CHANNEL_NUMBER.match(text, mention.end):
        return True
    if _lacks(_stems_in(text).media, mention.start - 25, mention.end + 30):
        return False
    before = text[max(0, mention.start - 25) : mention.start]
    after = text[mention.end : mention.end + 30]
    window = " ".join(before.split()[-1:] + after.split()[:2])
    return _MEDIA.search(window) is not None
