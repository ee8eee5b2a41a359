"""The `casualty_claims` fold: every casualty figure as a claim by its claimant, with sources."""

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from typing import Any

from schemas.events import SIDE_KINDS, Event, Quantity
from schemas.state import CasualtyClaim, CasualtyClaims, ClaimSource
from streams.core.fold.citations import cite
from streams.core.fold.clusterkit import first_n, merged_names
from streams.core.fold.foldkit import (
    HELD,
    check_process,
    fold_all,
    fold_one,
    published_day,
)
from streams.core.lexicon import alternation, load, state_names_by_code

UNATTRIBUTED = "unattributed"
SOURCE_LIMIT = 5
SNIPPET_LIMIT = 20
CLAIM_LIMIT = 200

# What makes two reports the same figure: who, what, how many, how hedged and as of when.
_Key = tuple[str, str, int | None, int | None, int | None, str, date | None]


def initial(process: str) -> CasualtyClaims:
    return CasualtyClaims(process=process)


def _claimant(event: Event, quantity: Quantity) -> str:
    if quantity.claimant:
        return quantity.claimant
    speaker = next((a.name for a in event.actors if a.role == "speaker"), None)
    return speaker or UNATTRIBUTED


def _side(event: Event) -> str | None:
    # Best effort: the first party that is a state or an armed group; people are not sides.
    return next((a.name for a in event.actors if a.role == "party" and a.kind in SIDE_KINDS), None)


@cache
def _side_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Words that name a side (names, aliases, demonyms of states and armed groups) -> name."""
    actors: list[dict[str, Any]] = load("actors")["actors"]
    names: dict[str, str] = {}
    spelled: list[str] = []  # each word as the lexicon spells it, once per case-folded form
    for a in actors:
        if a.get("kind") not in SIDE_KINDS:
            continue
        for word in (a["name"], *a.get("aliases", ()), *a.get("demonyms", ())):
            if word.casefold() not in names:
                names[word.casefold()] = a["name"]
                spelled.append(word)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(map(_side_word, sorted(spelled, key=len, reverse=True))) + ")"
        r"(?:s|'s|\u2019s)?(?![\w-])",
        re.IGNORECASE,
    )
    return pattern, names


def _side_word(word: str) -> str:
    # An acronym names its side only in capitals: "CAR" is a state, "a car bomb" is not.
    if word.isupper() and len(word) <= 6:
        return f"(?-i:{re.escape(word)})"
    return re.escape(word)


def side_named(words: str) -> str | None:
    """The side that `words` name whole ("Uruguay", "the Uruguayans"), if any."""
    pattern, names = _side_names()
    found = pattern.fullmatch(words.strip())
    return names[found.group(1).casefold()] if found else None


def sides_named_in(words: str) -> set[str]:
    """The sides that `words` name ("the Colombian army", "by Renamo")."""
    pattern, names = _side_names()
    return {names[m.group(1).casefold()] for m in pattern.finditer(words)}


_SIDE_PHRASE = re.compile(
    r"[^.;]{0,12}?\b(?:on|across|for|among)\s+(?:(?P<both>both|each|either|the\s+two)\s+(?:sides?|armies)"
    r"|(?P<its>its|their)\s+side"
    r"|the\s+(?P<side>[\w'’ -]+?)\s+side)\b",
    re.IGNORECASE,
)

# "in Iran", "across Iran": the place of the dead, right after the figure.
_SIDE_PLACE = re.compile(r"[^.;]{0,40}?\b(?:in|across|inside|throughout)\s+(?P<place>[\w'’ -]+)")

# "Israeli strikes", "Russian shelling": the demonym of the side that struck.
_STRUCK_BY = re.compile(
    # "a Chilean missile strike", "Ghanaian rocket fire": the weapon before the attack
    r"\s+(?:(?:air|rocket|missile|drone|artillery|mortar|tank|naval)\s?)?"
    r"(?:strikes?|attacks?|shelling|bombardments?|raids?|missiles?|drones?|fire|barrages?)\b",
    re.IGNORECASE,
)


_WAR_IN = re.compile(
    r"^(?:the\s+)?(?:"
    + alternation([*load("casualties")["background_nouns"], "clashes", "battles?", "shelling"])
    + r")\s+(?:in|across|inside)\s+",
    re.IGNORECASE,
)


def _side_of_place(pattern: re.Pattern[str], place: re.Match[str] | None) -> re.Match[str] | None:
    """The side a place phrase names ("in Iran"), if it names one; not the side that struck
    ("killed in Chilean shelling of a border town")."""
    if place is None:
        return None
    # "killed in the war in Paraguay", "died in the fighting in Bolivia": the place of the war.
    words = _WAR_IN.sub("", place.group("place"))
    named = pattern.match(words)
    return None if named is None or _STRUCK_BY.match(words, named.end()) else named


def _victim_side(pattern: re.Pattern[str], words: str) -> re.Match[str] | None:
    """The first side named in `words` that is not named as the one who struck."""
    return next(
        (m for m in _sides_in_words(pattern, words) if not _STRUCK_BY.match(words, m.end())),
        None,
    )


# "known by its Portuguese initials", "its French acronym": a demonym naming a language.
_LANGUAGE_NOUN = re.compile(
    r"\s+(?:initials|acronym|abbreviation|spelling|translation)\b|-language\b", re.IGNORECASE
)


def _sides_in_words(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> list[re.Match[str]]:
    """The sides `pattern` names in `text[start:end]`, less demonyms that name a language
    ("the front, known by its Portuguese initials FLC, said ...")."""
    return [
        m
        for m in pattern.finditer(text, start, len(text) if end is None else end)
        if not _LANGUAGE_NOUN.match(text, m.end())
    ]


# "put Peruvian losses at", "Chilean casualties at": a side's losses put at the figure after.
_PUT_AT = re.compile(
    r"(?<![\w-])(?P<side>[\w'’-]+)\s+(?:"
    + alternation(load("casualties")["toll_objects"])
    + r")\s+(?:at|to|of)\s+$",
    re.IGNORECASE,
)

BOTH_SIDES = "both sides"

# "Across both armies, the total came to ...": the sides named at the head of the sentence.
_BOTH_BEFORE = re.compile(
    r"(?:across|for|on|among)\s+(?:both|each|either)\s+(?:sides|armies|forces|countries),",
    re.IGNORECASE,
)

# "Both sides have lost about 2,000 men", "each army lost 300": the sides are the subject.
_BOTH_SUBJECT = re.compile(
    r"\b(?:both|each|either)\s+(?:sides?|armies|army|forces|countries)\s+"
    r"(?:(?:have|has|had|reportedly|also)\s+)*$",
    re.IGNORECASE,
)

_BOTH_WITHIN = re.compile(
    r"\b(?:on|across|for|among)\s+(?:both|each|either|the\s+two)\s+(?:sides|armies)\b",
    re.IGNORECASE,
)

# "left 23 people dead on both sides", "52 civilians killed in shelling on both sides of the
# border": "both sides" in the figure's own clause after it, or in an apposition of the people
# it counts ("85 wounded, soldiers and civilians from both sides of the front line", "killed in
# the valley since 2021, on both sides").
_BOTH_AFTER = re.compile(
    r"(?:,\s+(?:(?!(?:while|but|whereas|who|which|said|says)\b)[a-z]+\s+){0,4}?)?"
    r"(?:on|across|from|among)\s+(?:both|each|either|the\s+two)\s+(?:sides|armies)\b",
    re.IGNORECASE,
)

_LEX_SIDE_KINDS: dict[str, list[str]] = load("casualties")["side_kinds"]
_KIND_WORDS = {
    kind: re.compile(alternation(words), re.IGNORECASE) for kind, words in _LEX_SIDE_KINDS.items()
}
_ANY_KIND = alternation([w for words in _LEX_SIDE_KINDS.values() for w in words])
# "on the government side", "among the rebels", "in the ranks of the insurgents", "among
# government troops", "among the returning soldiers": a side named by its kind, right before or
# after the figure's words.
_KIND_PHRASE = re.compile(
    # "on the army's side" as "on the army side"
    r"\b(?:(?:on|for)\s+the\s+(?P<side>" + _ANY_KIND + r")(?:'s|\u2019s)?\s+side"
    r"|(?:among|in\s+the\s+ranks\s+of)\s+(?:the\s+)?(?:(?-i:[a-z]+)\s+)?"
    r"(?:(?:government|army|regime|rebel)\s+)?"
    r"(?P<among>" + _ANY_KIND + r")"
    # "put the army's losses at 50", "army losses stood at two": whose losses, by its kind.
    r"|(?P<owner>" + _ANY_KIND + r")(?:'s|\u2019s|'|\u2019)?\s+(?:own\s+)?"
    r"(?:losses|dead|casualties|death\s+toll|fatalities))\b",
    re.IGNORECASE,
)
# "the army had lost 60", "the rebels have lost": a side named by its kind as the subject of "lost".
_KIND_SUBJECT = re.compile(
    r"\bthe\s+(?P<kind>" + _ANY_KIND + r")(?:\s+(?:also|reportedly|have|has|had))*\s+$",
    re.IGNORECASE,
)
# "it had lost 12 men", "we have lost": the speaker's own losses.
_OWN_SUBJECT = re.compile(r"\b(?:it|they|we)(?:\s+(?:also|have|has|had))*\s+$", re.IGNORECASE)
# Where a figure's clause ends or begins: a side phrase beyond it names another figure's side.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:while|whereas|but|and)\b", re.IGNORECASE)


# Where a figure's clause ends for a phrase after it: "and" may join its nouns ("killed in
# strikes and shelling on both sides of the border").
_PHRASE_BREAK = re.compile(r"[,;:]|\b(?:while|whereas|but)\b", re.IGNORECASE)


_PLACE_NOUNS = r"(?:town|village|city|district|hamlet|settlement|port|island|region|province)"
_TOWN_OF = re.compile(
    r"\b(?:in|at|on|near)\s+(?:"
    # "in Ain Tebbala, a Mauritanian town"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+an?"
    # "in the Zimbabwean border town of Chivumbu"
    r"|the)\s+(?P<side>[A-Z][\w'’-]+)\s+(?:[a-z]+\s+)?" + _PLACE_NOUNS + r"\b"
)


def _both_after(text: str, after: int) -> bool:
    """Whether the figure's clause names both sides after the figure (`_BOTH_AFTER`)."""
    following = _PHRASE_BREAK.search(text, after)
    end = following.start() if following else len(text)
    return any(
        m.start() <= end for m in _BOTH_AFTER.finditer(text, after, min(len(text), end + 80))
    )


def _kind_of(word: str) -> str | None:
    return next(
        (k for k, words in _KIND_WORDS.items() if words.fullmatch(word)),
        None,
    )


def _side_of_kind(kind: str | None, codes: list[str]) -> str | None:
    """The side a kind names in the process: its one state (a state's process alone, or a state
    against one armed group), or that armed group (by its code)."""
    states = [code for code in codes if _state_of(code)]
    groups = [code for code in codes if not _state_of(code)]
    if kind == "state" and len(states) == 1 and len(groups) <= 1:
        return _state_of(states[0])
    if kind == "armed_group" and len(states) == 1 and len(groups) == 1:
        return groups[0]
    return None


def _kind_phrase(text: str, at: int, after: int) -> str | None:
    """The kind of side named in the figure's clause: right after the figure ("30 dead among
    the rebels"), inside its own words ("put the army's losses at 50") or between the clause's
    start and the figure ("casualties on the army side stood at 40")."""
    following = _CLAUSE_BREAK.search(text, after)
    end = min(following.start() if following else len(text), after + 50)
    found = _KIND_PHRASE.search(text, after, end) or _KIND_PHRASE.search(text, at, after)
    if found is None:
        breaks = list(_CLAUSE_BREAK.finditer(text, max(0, at - 60), at))
        found = _KIND_PHRASE.search(text, breaks[-1].end() if breaks else max(0, at - 60), at)
    return (
        None
        if found is None
        else _kind_of(found.group("side") or found.group("among") or found.group("owner"))
    )


def _kind_phrase_side(text: str, at: int, after: int, codes: list[str]) -> str | None:
    """The side the figure's clause names by its kind (`_kind_phrase`) in the process."""
    return _side_of_kind(_kind_phrase(text, at, after), codes)


def figure_kind(event: Event, quantity: Quantity) -> str | None:
    """The kind of side a figure's own words name, resolved or not: a kind phrase of its clause
    ("on the government side", "among the rebels"), the subject of "lost" ("the army had lost
    60"), or its forces ("nine officers", "11 insurgents"); a bare figure joined to the one
    before, that one's. The side of a process shown inside another is read from it there."""
    text = event.sentence.text
    at = text.find(quantity.text)
    if at < 0:
        return None
    after = at + len(quantity.text)
    kind = _kind_phrase(text, at, after)
    if kind is None and _LOST.match(quantity.text):
        by_kind = _KIND_SUBJECT.search(text, max(0, at - 40), at)
        kind = _kind_of(by_kind.group("kind")) if by_kind else None
    if kind is None:
        kind = _forces_kind(f"{quantity.text} {_noun_tail(text, after, 2)}")
    if kind is None:
        previous = _bare_after(event, quantity)
        kind = figure_kind(event, previous) if previous is not None else None
    return kind


_AGENT = re.compile(r"(?:killing|injuring|wounding|leaving|killed|injured|wounded)\b", re.I)
_LOST = re.compile(r"(?:lost|losing)\b", re.I)
_FINITE = re.compile(r"(?:killed|injured|wounded)\b", re.I)
_COORDINATED = re.compile(r"\b(?:and|between)\s+(?:the\s+)?$", re.I)
# The forces or arms a side acts through, between its name and its verb.
_FORCE_NOUNS = (
    "forces|troops|fighters|gunmen|militants|rebels|soldiers|army|police"
    "|artillery|jets|aircraft|warplanes|drones|militia|militias|units"
    # "a Togolese rocket hit", "Romanian mortars hit": the arms it fires
    "|rockets?|mortars?|missiles?|shells|guns|gunboats?"
)
# What stands between a side and its finite verb when the side is the verb's subject: "X
# killed", "X forces have killed", "X artillery killed".
_SUBJECT = re.compile(
    r"(?:s|'s|’s)?(?:\s+(?:" + _FORCE_NOUNS +
    # "Chilean shelling had killed 500": the side whose attack killed
    r"|(?:air\s?)?strikes?|attacks?|shelling|bombardments?|raids?|missiles?|rockets?|fire))?"
    r"(?:\s+(?:also|reportedly|allegedly|have|has|had))*\s+",
    re.I,
)


# "two were missing", "95 missing": a figure with no noun of its own ...
_BARE_FIGURE = re.compile(
    r"[\w,.-]+(?:\s+(?:were|was|are|is|have\s+been|had\s+been|remain|remained))?\s+\w+"
)
# ... joined to the figure before it: "three soldiers were killed and two were missing",
# "killing seven soldiers and wounding eleven" (the noun of the figure before between them).
_JOINED_FIGURE = re.compile(
    r"(?:\s+(?!(?:and|while|with)\b)[\w'’-]+){0,2}"
    # "31 soldiers had been killed on the government side since January, and 44 had been
    # wounded": the place, side or time of the figure before, up to two phrases of them
    r"(?:\s+(?:on|since|in|among|during|near|at|across|over)\s+(?:the\s+)?"
    r"(?:(?!(?:and|while|with)\b)[\w'’-]+\s+){0,2}?(?!(?:and|while|with)\b)[\w'’-]+){0,2}"
    # "said that 280 soldiers had been killed ..., and that 44 were missing": a clause of the
    # same speech verb
    r"\s*,?\s*(?:and|while|with)\s+(?:that\s+)?(?:another\s+)?"
)


# ... and with no noun after it ("wounding eleven rebels" names its own).
_ENDS_BARE = re.compile(
    r"\s*(?:$|[.,;:)\u2014-]|(?:in|on|at|near|when|after|before|during|as|and|while|since|over"
    r"|across|from|by|overnight|yesterday|today)\b)",
    re.IGNORECASE,
)


def figure_side(event: Event, quantity: Quantity) -> str | None:
    """The side a figure concerns (`_figure_side`); a figure with no noun of its own joined to
    the figure before it ("three soldiers were killed and two were missing", "killing seven
    soldiers and wounding eleven") concerns that figure's side when that one names a side."""
    text = event.sentence.text
    previous = _bare_after(event, quantity)
    # "61 killed on one side and 14 missing on the other": a side phrase of its own first
    own_phrase = _SIDE_PHRASE.match(text, _end_in(text, quantity))
    side = _figure_side(event, previous) if previous is not None and not own_phrase else None
    if side is None:
        side = _figure_side(event, quantity)
    if side is None:
        # "119 killed and 23 missing on the Uzbek side": the side phrase after the last of
        # figures joined by "and" is the side of each.
        following = _joined_next(event, quantity)
        if following is not None and _SIDE_PHRASE.match(text, _end_in(text, following)):
            side = _figure_side(event, following)
    if side is None:
        # "1,300 dead on both sides, of whom nearly 400 were civilians": a part that names no
        # side of its own is of the side of the whole it is part of.
        whole = _whole_of(event, quantity)
        side = _figure_side(event, whole) if whole is not None else None
    return side


_PART_CUES = load("casualties")["part_cues"]
# "including at least 35 civilians", "of whom nearly 400 were civilians": a part opened before
# its figure ...
_PART_BEFORE = re.compile(r"\b(?:" + alternation(_PART_CUES["before"]) + r")\s+$", re.IGNORECASE)
# ... or after it: "seven of them were children".
_PART_AFTER = re.compile(
    r"[\w,.-]+(?:\s+[\w-]+)?\s+(?:" + alternation(_PART_CUES["after"]) + r")\b", re.IGNORECASE
)


def _sides_of_parts(event: Event, whole: Quantity, parties: list[Any]) -> set[str]:
    """The sides named only inside the parts of `whole` ("13 killed, seven of them on the
    Georgian side"): the parts' sides, not the whole's."""
    text = event.sentence.text
    spans = [
        (text.find(q.text), _end_in(text, q))
        for q in event.quantities
        if q is not whole and q.text in text and _whole_of(event, q) is whole
    ]
    if not spans:
        return set()
    return {
        a.name
        for a in parties
        if a.mention
        and all(
            any(start <= m.start() and m.end() <= end for start, end in spans)
            for m in re.finditer(rf"(?<![\w-]){re.escape(a.mention)}(?![\w-])", text)
        )
    }


def _whole_of(event: Event, quantity: Quantity) -> Quantity | None:
    """The figure a part figure is part of: the figure of the same unit that ends right before
    the part's cue ("1,300 dead on both sides, of whom nearly 400 were civilians")."""
    text = event.sentence.text
    at = text.find(quantity.text)
    if at < 0 or not (
        _PART_BEFORE.search(text, max(0, at - 20), at) or _PART_AFTER.match(quantity.text)
    ):
        return None
    before = [
        q
        for q in event.quantities
        if q is not quantity
        and q.unit == quantity.unit
        and q.text in text
        and _end_in(text, q) <= at
    ]
    return max(before, key=lambda q: _end_in(text, q)) if before else None


def _joined_next(event: Event, quantity: Quantity) -> Quantity | None:
    """The figure right after `quantity`, joined to it by "and" alone ("119 killed and 23
    missing")."""
    text = event.sentence.text
    end = _end_in(text, quantity)
    return next(
        (
            q
            for q in event.quantities
            if q is not quantity
            and q.text in text
            and _AND_ONLY.fullmatch(text, end, max(end, text.find(q.text)))
        ),
        None,
    )


def _end_in(text: str, quantity: Quantity) -> int:
    """Where the figure's words end in the sentence (the first time they stand in it)."""
    return text.find(quantity.text) + len(quantity.text)


_AND_ONLY = re.compile(r"\s*,?\s*and\s+")


def _bare_after(event: Event, quantity: Quantity) -> Quantity | None:
    """The figure right before `quantity` when `quantity` has no noun of its own (none in its
    words, none after them) and the two are joined by "and", "while" or "with"."""
    text = event.sentence.text
    at = text.find(quantity.text)
    if not _BARE_FIGURE.fullmatch(quantity.text) or not _ENDS_BARE.match(
        text, at + len(quantity.text)
    ):
        return None
    ends = {_end_in(text, q): q for q in event.quantities if q is not quantity and q.text in text}
    previous = [end for end in ends if end <= at]
    if not previous or not _JOINED_FIGURE.fullmatch(text, max(previous), at):
        return None
    return ends[max(previous)]


def _figure_side(event: Event, quantity: Quantity) -> str | None:
    """The side a figure concerns, from the phrase that names it: "on the Ukrainian side", "on
    both sides", "on its side" (the speaker's), "in Iran", or a side named in or right after the
    figure ("55,000 Ukrainian soldiers", "22 wounded Ukrainian soldiers"); else the side of a
    speaker who is one, else the one side the sentence names."""
    text = event.sentence.text
    at = text.find(quantity.text)
    pattern, names = _side_names()
    codes = event.process.split("--")
    subject: str | None = None
    own = _own_side(event, codes)
    # "the army said": a state's forces only the claimant names ("Zambian army", or "army" in a
    # process of one state and one group) speak for their state too
    spoken = own or _own_side(event, codes, quantity.claimant)
    if at >= 0:
        after = at + len(quantity.text)
        phrase = _SIDE_PHRASE.match(text, after)
        if phrase is not None:
            if phrase.group("both"):
                return BOTH_SIDES
            if phrase.group("its"):
                return spoken
            named = pattern.search(phrase.group("side"))
            if named:
                return names[named.group(1).casefold()]
        kind_side = _kind_phrase_side(text, at, after, codes)
        if kind_side:
            return kind_side
        if spoken and _ATTACKERS.search(" ".join([quantity.text, *text[after:].split()[:2]])):
            # "The army said it had repelled an assault and killed 40 attackers": those who
            # attacked the speaker's side are the other side of two, never the speaker's own.
            return _other_side(event, codes, spoken)
        # "put Peruvian losses at 18,000": the side whose losses are put at the figure.
        put = _PUT_AT.search(text, max(0, at - 60), at)
        named = pattern.fullmatch(put.group("side")) if put else None
        if named:
            return names[named.group(1).casefold()]
        # "put the number of dead on both sides at 3,000": the sides inside the figure's words.
        if _BOTH_WITHIN.search(quantity.text):
            return BOTH_SIDES
        # "The death toll from strikes across Iran ... has reached 606": the place inside a
        # toll's own words.
        named = _side_of_place(pattern, _SIDE_PLACE.search(quantity.text))
        if named:
            return names[named.group(1).casefold()]
        # "22 wounded Ukrainian soldiers": a side named within three words after the figure; in
        # the figure's own words, not the side that struck ("the toll from Israeli strikes").
        tail = " ".join(text[after:].split()[:3])
        named = pattern.match(tail) or _victim_side(pattern, quantity.text)
        if named:
            return names[named.group(1).casefold()]
        # "27 BDF soldiers": a state's forces by their initials
        acronym = _ACRONYM_WORD.match(tail) or _ACRONYM_WORD.search(quantity.text)
        by_initials = _state_of_acronym(acronym.group(0), codes, event) if acronym else None
        if by_initials:
            return by_initials
        # "17 SPA fighters": a group the snippet introduced, named by the sentence's actors.
        group = _actor_named(event, tail, at_start=True) or _actor_named(event, quantity.text)
        if group:
            return group
        if _both_after(text, after):
            return BOTH_SIDES
        # "killed when a drone struck the market in Ain Tebbala, a Mauritanian town", "in the
        # Zimbabwean border town of Chivumbu": the victims' place, by the demonym of its state
        town = _TOWN_OF.search(text, after)
        following = _PHRASE_BREAK.search(text, after)
        if town and following and town.start() > following.start():
            town = None  # another clause's place
        named = pattern.fullmatch(town.group("side")) if town else None
        if named:
            return names[named.group(1).casefold()]
        named = _side_of_place(pattern, _SIDE_PLACE.match(text, after))
        if named:
            return names[named.group(1).casefold()]
        if _BOTH_BEFORE.match(text.lstrip()) or _BOTH_SUBJECT.search(text, max(0, at - 40), at):
            return BOTH_SIDES
        # "missiles hit a Ukrainian city, killing at least 34": the victims are where it struck,
        # the side named last before the figure.
        # "The rebels of X killed 11 civilians", "Fighting between X and Y killed 23": a side
        # that is the subject of a finite verb killed, it is not the victims' side.
        if _LOST.match(quantity.text):
            # "while Bolivia had lost 210": the side that lost is the subject of "lost".
            before = _sides_in_words(pattern, text, max(0, at - 60), at)
            if before and _SUBJECT.fullmatch(text, before[-1].end(), at):
                return names[before[-1].group(1).casefold()]
            # "the army said the LVF had lost 12": a group the snippet introduced, as subject
            loser = _actor_subject(event, text, at)
            if loser:
                return loser
            # "the army had lost 60 soldiers": a side named by its kind; "it had lost 12 men":
            # the speaker's own.
            by_kind = _KIND_SUBJECT.search(text, max(0, at - 40), at)
            if by_kind:
                return _side_of_kind(_kind_of(by_kind.group("kind")), codes)
            if _OWN_SUBJECT.search(text, max(0, at - 20), at):
                # "...; Benin says it lost six soldiers": a claimant that is a side, by name
                return _side_called(event, quantity.claimant) or spoken
        if _AGENT.match(quantity.text):
            before = _sides_in_words(pattern, text, 0, at)
            if before and (
                _STRIKER_AFTER.match(text, before[-1].end())
                or _STRUCK_BY.match(text, before[-1].end())
            ):
                # "Peruvian artillery shelled the village, killing four", "a Chilean missile
                # strike on the market killed eight": not the victims' side
                subject = names[before[-1].group(1).casefold()]
            elif before:
                last = names[before[-1].group(1).casefold()]
                kind = _forces_kind(f"{quantity.text} {_noun_tail(text, after, 2)}")
                if kind not in (None, _kind_of_side(last)):
                    # "News from Malawi: the army says it killed nine insurgents": forces of the
                    # other kind than the side named before are not that side's
                    pass
                elif not _FINITE.match(quantity.text) or not _SUBJECT.fullmatch(
                    text, before[-1].end(), at
                ):
                    return last
                if _COORDINATED.search(text, 0, before[-1].start()):
                    return None  # "fighting between X and Y killed 23": of both, or untold
                subject = last
    else:
        named = pattern.search(quantity.text)
        if named:
            return names[named.group(1).casefold()]
    # "The army reported heavy losses among the rebels. At least 40 fighters were killed.": a
    # figure of combatants that names no side is the side the sentence before lost.
    losses_of = getattr(event, "losses_of", None)
    if losses_of and _COMBATANTS.search(quantity.text) and not _sides_in(event, subject):
        return str(losses_of)
    # "killed 21 Front militants": the figure's noun may follow its words. The forces it names
    # come before the speaker's own side: "The ALF said 14 soldiers died" counts the state's.
    tail = _noun_tail(text, at + len(quantity.text), 2) if at >= 0 else ""
    # "The Mauritanian defence ministry said 118 of its soldiers had been killed", "X puts its
    # own dead at 27": the speaker's own people, whatever sides the process was keyed to.
    if own is None and at >= 0 and _SPEAKERS_OWN.search(f"{quantity.text} {tail}"):
        mine = _speaker_named(event, text, at) or spoken
        # not of the other kind than the forces the figure names ("9 of its fighters")
        if mine and _forces_kind(f"{quantity.text} {tail}") in (None, _kind_of_side(mine)):
            return mine
    # "nine of its soldiers", "11 insurgents": in a process of one state and one armed group
    # (or of one state alone: "The ALGS says 200 soldiers have died" keyed to the state), the
    # side whose forces the figure's words name.
    named_kind = _forces_kind(f"{quantity.text} {tail}")
    forces = _side_of_kind(named_kind, codes)
    # not a side named as the one who struck ("soldiers injured in shelling by the army")
    if forces and not any(
        a.name == forces and _named_as_striker(a.mention, text) for a in event.actors
    ):
        return forces
    # "The ULF said its fighters had killed 15 police": the speaker's own side, unless the
    # figure names the other kind's forces.
    if own and named_kind not in (None, _kind_of_side(own)):
        return None
    if own:
        return own
    # The one side named, unless it is named as the one who struck ("attacks by Israel").
    parties = [a for a in event.actors if a.role == "party" and a.kind in SIDE_KINDS]
    struck = {a.name for a in parties if _named_as_striker(a.mention, text) or a.name == subject}
    sides = {a.name for a in parties} - struck - _sides_of_parts(event, quantity, parties)
    if len(sides) == 1:
        # not a side of the other kind than the forces the figure names ("23 soldiers")
        side = sides.pop()
        return side if named_kind in (None, _kind_of_side(side)) else None
    # "attacks by Israel, resulting in 104 deaths", "ALGS bandits attacked the village, killing
    # 23 civilians": of two sides, the one not named as striking (a group by its code).
    agents = [{a.country, a.name, a.mention} - {None} for a in parties if a.name in struck]
    others = [code for code in codes if not any(code in names for names in agents)]
    if not sides and len(agents) == 1 and len(codes) == 2 and len(others) == 1:
        return _state_of(others[0]) or others[0]
    # Between two states, civilians are counted by their own state's bodies; between a state
    # and a group, the civilians an army counts may be on either side.
    two_states = len(codes) == 2 and all(_state_of(c) for c in codes)
    civilians = two_states and (
        _CIVILIANS.search(f"{quantity.text} {tail}")
        # "Eight of the returning servicemen are wounded", said by a state's ministry: people
        # come home are counted at home
        or _RETURNING.search(f"{quantity.text} {tail}")
    )
    home = _counted_at_home(quantity.claimant, codes, bool(civilians))
    if home is None and not sides and not struck and named_kind is None and _WHOLE_WAR.search(text):
        # "1,410 people have been killed in the conflict since 2019", said by no side: the dead
        # of the whole war, both sides'.
        return BOTH_SIDES
    if (
        home is None
        and not sides
        and not struck
        and at > 0
        and _WAR_AS_AGENT.fullmatch(text, 0, at)
    ):
        # "The war, which lasted six weeks, killed at least 77 soldiers", "Three weeks of
        # fighting killed 260 people": the war itself as the killer, no side named: both sides'.
        return BOTH_SIDES
    return home


# A figure counted over the whole war: "in the conflict", "since 2019", "in all".
_WHOLE_WAR = re.compile(
    r"\b" + alternation(load("casualties")["whole_war_scopes"]) + r"\b", re.IGNORECASE
)


# The war, the conflict or the fighting as the subject of the killing, the sentence's start to the
# figure: "The war, which lasted six weeks, ", "The three weeks of fighting ".
_WAR_AS_AGENT = re.compile(
    r"\W*(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:war|conflict|fighting|clashes|hostilities)"
    r"(?:,\s+[^,;]{1,60},)?\s+(?:(?:has|have|had|also)\s+)*",
    re.IGNORECASE,
)


_OWN_DEAD = re.compile(
    r"\b" + alternation(load("casualties")["own_dead_bodies"]) + r"\b", re.IGNORECASE
)


# "the returning servicemen", "the freed soldiers": prisoners come home.
_RETURNING = re.compile(
    r"\b(?:returning|returned|repatriated|freed|released)\s+(?:[a-z]+\s+)?(?:"
    + alternation([w for words in load("casualties")["force_sides"].values() for w in words])
    + r"|men|workers|brothers|detainees|prisoners|captives|hostages)\b",
    re.IGNORECASE,
)


# "nine civilians", "five passengers": people who bear no arms for either side.
_CIVILIANS = re.compile(
    r"\b" + alternation(load("casualties")["civilian_nouns"]) + r"\b", re.IGNORECASE
)


def _counted_at_home(claimant: str | None, codes: list[str], civilians: bool = False) -> str | None:
    """ "Iranian health ministry", "Chile's civil defence": a state's body that counts the dead
    on its own soil gives its state's figures when the figure names no side; not an army or a
    defence ministry, which count the enemy's too, except the `civilians` they count in a war
    of two states ("nine civilians were killed when shells landed on a school, the Ghanaian
    defence ministry said")."""
    if not claimant or not (civilians or _OWN_DEAD.search(claimant)):
        return None
    sides = sides_named_in(claimant)
    states = {name for name in sides if name in {_state_of(code) for code in codes}}
    return states.pop() if len(sides) == 1 and len(states) == 1 else None


_COMBATANTS = re.compile(
    r"\b" + alternation(load("casualties")["loss_side"]["combatants"]) + r"\b", re.IGNORECASE
)


# "118 of its soldiers", "its own dead", "the number killed on its side", "46 of our soldiers":
# people the speaker calls its own.
_SPEAKERS_OWN = re.compile(
    r"\b(?:of\s+(?:its|our)|(?:its|our)\s+own|on\s+(?:its|our)\s+side)\b", re.IGNORECASE
)


def _speaker_named(event: Event, text: str, at: int) -> str | None:
    """The side of the one speaker that is a side (a state's body speaks for its state), when
    no other side is named between its words and the figure at `at`."""
    speakers = {
        a.name: a.mention for a in event.actors if a.role == "speaker" and a.kind in SIDE_KINDS
    }
    if len(speakers) != 1:
        return None
    name, mention = speakers.popitem()
    start = text.find(mention) if mention else -1
    if mention is None or start < 0 or start >= at:
        return None
    pattern, names = _side_names()
    between = _sides_in_words(pattern, text, start + len(mention), at)
    return None if any(names[m.group(1).casefold()] != name for m in between) else name


def _sides_in(event: Event, subject: str | None) -> bool:
    """Whether the sentence names a side other than its speaker and a side that struck."""
    text = event.sentence.text
    return any(
        a.role == "party"
        and a.kind in SIDE_KINDS
        and a.name != subject
        and not _named_as_striker(a.mention, text)
        for a in event.actors
    )


_BODY_HEADS = frozenset(load("casualties")["body_heads"])
_FORCE_HEADS = frozenset(load("casualties")["force_heads"])
_ATTACKERS = re.compile(
    r"\b(?:" + alternation(load("casualties")["attacker_nouns"]) + r")\b", re.IGNORECASE
)


def _other_side(event: Event, codes: list[str], own: str) -> str | None:
    """The side of a process of two that is not `own`, by its name where the sentence names it
    ("LLF" -> the Lanzo Liberation Front), else by its code."""
    own_codes = {c for c in codes if c == own or _state_of(c) == own} | {
        a.country for a in event.actors if a.name == own and a.country
    }
    others = [c for c in codes if c not in own_codes]
    if len(codes) != 2 or len(others) != 1:
        return None
    code = others[0]
    return _state_of(code) or next(
        (a.name for a in event.actors if code in (a.mention, a.name, a.country)), code
    )


def _own_side(event: Event, codes: list[str], claimant: str | None = None) -> str | None:
    """The side of a speaker who is one: an armed group speaks for itself ("Renamo said 9 of
    its fighters were killed"; a group the snippet introduced too: "the Front said it had lost
    12 men"), a state's body for its state; with `claimant`, also a state's body only the
    claimant names ("the army said", resolved to "Zambian army")."""
    for a in event.actors:
        if a.role != "speaker":
            continue
        if a.kind == "armed_group":
            return a.name
        if a.country in codes:
            return _state_of(a.country)
    if claimant and " " in claimant:
        demonym, head = claimant.split(" ", 1)[0], claimant.rsplit(" ", 1)[1]
        state = side_named(demonym)
        if head.casefold() in _BODY_HEADS and state in {_state_of(c) for c in codes}:
            return state
    # "the BDF said four of its soldiers": a state's forces by initials no gazetteer holds
    by_initials = _state_of_acronym(claimant, codes, event) if claimant else None
    if by_initials:
        return by_initials
    if claimant and claimant.casefold() in _FORCE_HEADS:
        # "the army said", "police say": the forces of the process's one state (against a group)
        return _side_of_kind("state", codes)
    return None


def _actor_subject(event: Event, text: str, at: int) -> str | None:
    """The side among the sentence's actors named right before the figure at `at` as the
    subject of its verb ("the LVF had lost 12"): groups a snippet introduces are no lexicon
    entry, so only its actors know them."""
    return next(
        (
            a.name
            for a in event.actors
            if a.kind in SIDE_KINDS
            and a.mention
            and any(
                _SUBJECT.fullmatch(text, m.end(), at)
                for m in re.finditer(rf"(?<![\w-]){re.escape(a.mention)}", text[:at])
            )
        ),
        None,
    )


def _side_called(event: Event, claimant: str | None) -> str | None:
    """The side a claimant is by its whole name ("Benin", "the MRL"), if it is one."""
    if not claimant:
        return None
    return side_named(claimant) or next(
        (a.name for a in event.actors if a.kind in SIDE_KINDS and claimant in (a.name, a.mention)),
        None,
    )


_FORCE_ACRONYM_TAILS = frozenset(load("casualties")["force_acronym_tails"])


def _state_of_acronym(word: str, codes: list[str], event: Event) -> str | None:
    """The state of the process whose forces `word` names by initials ("BDF": the Botswana
    Defence Force, "SSPDF"), unless a side of the snippet goes by it (a group's acronym)."""
    if not (2 <= len(word) <= 6 and word.isalpha() and word[:-1].isupper()):
        return None
    if word in codes or any(word in (a.mention, a.name) for a in event.actors):
        return None
    found = set()
    for code in codes:
        name = _state_of(code)
        initials = "".join(w[0] for w in (name or "").split() if w[:1].isupper())
        if initials and word.startswith(initials) and word[len(initials) :] in _FORCE_ACRONYM_TAILS:
            found.add(name)
    return found.pop() if len(found) == 1 else None


_ACRONYM_WORD = re.compile(r"(?<![\w-])[A-Z]{2,5}s?(?![\w-])")


def _actor_named(event: Event, words: str, at_start: bool = False) -> str | None:
    """The one side among the sentence's actors whose mention `words` name ("17 SPA fighters"),
    `at_start` only at their start: groups a snippet introduces are no lexicon entry, so only its
    actors know them."""
    found = {
        a.name
        for a in event.actors
        if a.kind in SIDE_KINDS
        and a.mention
        and not _named_as_agent(a.mention, words)
        # not the side that struck ("killed 5 in SPA shelling")
        and any(
            not _STRUCK_BY.match(words, m.end())
            for m in re.finditer(rf"(?<![\w-]){re.escape(a.mention)}(?![\w-])", words)
            if m.start() == 0 or not at_start
        )
    }
    return found.pop() if len(found) == 1 else None


def _named_as_agent(mention: str | None, text: str) -> bool:
    """Whether a side is named as the one who acted ("attacks by Israel"); not a source of the
    figures ("a figure confirmed by the Bolivian defence ministry")."""
    if not mention:
        return False
    return any(
        _SOURCED.search(text, max(0, m.start() - 30), m.start()) is None
        for m in re.finditer(rf"\b(?:by|from)\s+(?:the\s+)?{re.escape(mention)}", text)
    )


# "FLCG fighters had ambushed", "Peruvian artillery shelled": right after a side's mention, the
# verb of its attack (a force noun and auxiliaries between).
_STRIKER_AFTER = re.compile(
    r"(?:'s|’s)?(?:\s+(?:" + _FORCE_NOUNS + r"|commandos?|men))?"
    r"(?:\s+(?:also|reportedly|allegedly|have|has|had|then|again))*\s+"
    r"(?:" + alternation(load("casualties")["striker_verbs"]) + r")\b",
    re.IGNORECASE,
)


def _named_as_striker(mention: str | None, text: str) -> bool:
    """Whether a side is named as the one who struck: "attacks by X", the subject of an
    attack verb ("X fighters had ambushed a patrol"), or the demonym of an attack ("a Chilean
    missile strike")."""
    if not mention:
        return False
    # "a Chilean missile strike killed eight": the demonym of the attack names who struck
    return _named_as_agent(mention, text) or any(
        _STRIKER_AFTER.match(text, m.end()) or _STRUCK_BY.match(text, m.end())
        for m in re.finditer(rf"(?<![\w-]){re.escape(mention)}(?![\w-])", text)
    )


_LEX = load("casualties")
_SOURCED = re.compile(
    r"\b(?:"
    + alternation(
        sorted({*load("casualties")["attribution_participles"], *_LEX["passive_toll_verbs"]})
    )
    + r")\s+$",
    re.IGNORECASE,
)


def _state_of(code: str) -> str | None:
    return state_names_by_code().get(code)


_FORCES = {
    kind: re.compile(r"\b" + alternation(words) + r"\b", re.IGNORECASE)
    for kind, words in load("casualties")["force_sides"].items()
}


# What may stand between a figure's words and its noun: the rest of a range the words opened
# and a closing quote ('killed "between 12 and 18" soldiers': the figure's words end at "12"),
# not a figure of its own ("4 soldiers and 9 rebels").
_RANGE_OPENED = re.compile(r"\b(?:between|from)\s+[\d,.]+$", re.IGNORECASE)
_RANGE_REST = re.compile(r"\s*(?:and|to)\s+[\d,.]+(?![\w,.])", re.IGNORECASE)
_CLOSING_QUOTE = re.compile(r"""\s*["'\u201d\u2019]?""")


def _noun_tail(text: str, after: int, words: int) -> str:
    """The first `words` words after a figure's words, past the rest of a quoted range."""
    if _RANGE_OPENED.search(text, max(0, after - 30), after):
        rest = _RANGE_REST.match(text, after)
        after = rest.end() if rest else after
    quote = _CLOSING_QUOTE.match(text, after)
    return " ".join(text[quote.end() if quote else after :].split()[:words])


def _kind_of_side(side: str) -> str:
    """A side's kind: a state's name, else an armed group."""
    return "state" if side in state_names_by_code().values() else "armed_group"


def _forces_kind(words: str) -> str | None:
    """The one kind of forces `words` name ("nine of its soldiers": the state's; "11
    insurgents": the armed group's), if they name one kind."""
    kinds = {kind for kind, pattern in _FORCES.items() if pattern.search(words)}
    return kinds.pop() if len(kinds) == 1 else None


def _as_of(event: Event) -> date | None:
    return event.date.start if event.date else published_day(event)


def _key(claim: CasualtyClaim) -> _Key:
    return (
        claim.claimant,
        claim.unit,
        claim.value,
        claim.low,
        claim.high,
        claim.qualifier,
        claim.as_of,
    )


def _claim_order(claim: CasualtyClaim) -> tuple[date, str, str, int, int, int, str]:
    # A total order: as-of, first source, then the figure itself (one sentence may give several).
    return (
        claim.as_of or date.min,
        claim.sources[0].event_id,
        claim.unit,
        claim.value if claim.value is not None else -1,
        claim.low if claim.low is not None else -1,
        claim.high if claim.high is not None else -1,
        claim.qualifier,
    )


def _merge(claim: CasualtyClaim, source: ClaimSource) -> CasualtyClaim:
    sources = first_n((*claim.sources, source), lambda s: s.event_id, SOURCE_LIMIT)
    snippets = merged_names(claim.snippets, (source.snippet_id,), SNIPPET_LIMIT)
    # The side comes from the source with the smallest id that names one, among all sources
    # ever folded (not only those kept): a minimum over a set, so arrival order cannot matter.
    side, side_from = claim.side, claim.side_from
    if source.side and (side_from is None or source.event_id < side_from):
        side, side_from = source.side, source.event_id
    return claim.model_copy(
        update={
            "sources": sources,
            "side": side,
            "side_from": side_from,
            "snippets": snippets,
            "corroboration": max(claim.corroboration, len(snippets)),
        }
    )


def _add(claims: tuple[CasualtyClaim, ...], new: CasualtyClaim) -> tuple[CasualtyClaim, ...]:
    """`claims` with `new` merged into the same figure, every source of it (a folded event
    brings one, a claim joined in the view several), or added beside the others."""
    key = _key(new)
    merged = [c for c in claims if _key(c) != key]
    match = next((c for c in claims if _key(c) == key), None)
    # Only identical figures merge; a different figure is a separate claim, never an average.
    if match is not None:
        for source in new.sources:
            match = _merge(match, source)
    merged.append(match or new)
    return tuple(sorted(merged, key=_claim_order)[-CLAIM_LIMIT:])


def evolve(state: CasualtyClaims, event: Event) -> CasualtyClaims:
    """Fold one event; other types, unreal modalities and events already folded change nothing."""
    check_process(state.process, event)
    if event.type != "casualty_report" or event.modality not in HELD or not event.quantities:
        return state
    by_claimant = dict(state.by_claimant)
    for quantity in event.quantities:
        side = figure_side(event, quantity)
        source = cite(ClaimSource, event, side=side, side_kind=figure_kind(event, quantity))
        claimant = _claimant(event, quantity)
        claim = CasualtyClaim(
            claimant=claimant,
            side=side,
            **quantity.model_dump(include={"unit", "value", "low", "high", "qualifier"}),
            as_of=_as_of(event),
            sources=(source,),
            side_from=event.id if side else None,
            snippets=(event.snippet_id,),
            corroboration=1,
        )
        by_claimant[claimant] = _add(by_claimant.get(claimant, ()), claim)

    return state.model_copy(
        update={
            "by_claimant": dict(sorted(by_claimant.items())),
        }
    )


# The view --------------------------------------------------------------------------------------


def joined_claims(
    tables: Mapping[str, CasualtyClaims],
    found: list[tuple[str, str]],
    thirds: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, CasualtyClaims]:
    """The claims tables with the `found` joins of the negotiations view applied in their order
    (`counterparts.joins`): a key shown inside a process brings its claims there, the same
    figure told under both merges, and a side read by its kind under the key is read again
    among the process's sides where the key's kind-reading could not know them: a side left
    open ("nine officers" keyed to the group alone), or a state of the key that the process
    names its mediator or host (`thirds`: each process's third-party codes; "141 servicemen on
    the government side" keyed with the mediator). A side the text named stays."""
    joined = {k: tables[k] for k in sorted(tables)}
    for key, into in found:
        part = joined.pop(key, None)
        if part is not None:
            third = (thirds or {}).get(into, frozenset())
            joined[into] = _joined(joined.get(into) or initial(into), part, third)
    return joined


def _joined(state: CasualtyClaims, part: CasualtyClaims, third: frozenset[str]) -> CasualtyClaims:
    codes = state.process.split("--")
    # States of the part's key that serve the process: a kind read among the key's codes named them.
    served = {_state_of(code) for code in part.process.split("--") if code in third} - {None}
    by_claimant = dict(state.by_claimant)
    for claimant, claims in part.by_claimant.items():
        for claim in claims:
            resided = _resided(claim, codes, served)
            by_claimant[claimant] = _add(by_claimant.get(claimant, ()), resided)
    return state.model_copy(update={"by_claimant": dict(sorted(by_claimant.items()))})


def _side_among(
    side: str | None, kind: str | None, codes: list[str], served: set[str | None]
) -> str | None:
    """`side` unless it is none or a state of `served`; then the side `kind` names among the
    process's sides, if any."""
    if side is not None and side not in served:
        return side
    return _side_of_kind(kind, codes) or side


def _resided(claim: CasualtyClaim, codes: list[str], served: set[str | None]) -> CasualtyClaim:
    sources = tuple(
        s.model_copy(update={"side": _side_among(s.side, s.side_kind, codes, served)})
        for s in claim.sources
    )
    first = next((s for s in claim.sources if s.event_id == claim.side_from), None)
    kind = (
        first.side_kind
        if first
        else next((s.side_kind for s in claim.sources if s.side_kind), None)
    )
    side = _side_among(claim.side, kind, codes, served)
    side_from = (
        claim.side_from
        if side == claim.side
        else min((s.event_id for s in sources if s.side == side), default=claim.side_from)
    )
    return claim.model_copy(update={"sources": sources, "side": side, "side_from": side_from})


def project(process: str, events: Iterable[Event]) -> CasualtyClaims:
    """Claims of one process after all its events."""
    return fold_one(initial, evolve, process, events)


def project_all(events: Iterable[Event]) -> dict[str, CasualtyClaims]:
    """Claims of every process the events mention, keyed by process."""
    return fold_all(initial, evolve, events)
