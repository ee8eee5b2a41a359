"""Snippet -> typed events: split, classify, attach actors/places/figures, key by process."""

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise
from typing import Any, NamedTuple

from schemas.events import (
    EVENT_CLASSES,
    UNASSIGNED,
    Actor,
    Event,
    EventDate,
    Place,
    Quantity,
    Quote,
    SentenceRef,
)
from schemas.ids import event_id
from schemas.snippet import Snippet
from streams.core.lexicon import alternation, compile_words, load, state_names_by_code
from streams.core.read import typer
from streams.core.read.bodies import mediating_bodies, one_name_per_body
from streams.core.read.casualty_sides import losses_of
from streams.core.read.claimants import (
    BODY_KINDS,
    HEAD_WORDS,
    UNATTRIBUTED,
    apposed_person,
    by_surname,
    claimant_of,
    claimant_words,
    resolve_speaker,
    state_names,
    state_spoken_for,
    state_through_body,
    subject_person,
    unowned_body,
    whole_claimant,
)
from streams.core.read.classify import (
    Label,
    classify_sentence,
    classify_sentences,
    own_text,
    referring_back,
)
from streams.core.read.conflicts import Conflict, join_codes, match_conflict, sides_named
from streams.core.read.dates import (
    day_referred_to,
    opens_with_day_referred_to,
    resolve_date,
    timeline_entry,
)
from streams.core.read.figures import (
    find_attribution,
    find_bodies,
    find_cited,
    find_described_bodies,
    find_exchanged,
    find_figure_source,
    find_figures,
    in_background,
)
from streams.core.read.frames import (
    Frame,
    framed_pairs,
    home_hosts,
    named_after_with,
    other_topic,
    outsiders,
    told_as_history,
    unnamed_fighters,
)
from streams.core.read.furniture import furniture
from streams.core.read.gates import gated
from streams.core.read.gazetteer import (
    ActorMention,
    PlaceMention,
    apposed_mediators,
    find_mentions,
    firm_role,
    is_actor_form,
    media_cue,
    names_a_mediator,
    resolve_shared_names,
    role_cue,
    speaker_mediates,
)
from streams.core.read.geo import find_towns
from streams.core.read.introduced import (
    Group,
    group_mentions,
    initials_code,
    introduced_groups,
    named_groups,
    stated_aliases,
)
from streams.core.read.localities import find_localities
from streams.core.read.sentences import Sentence, quote_states, split_sentences
from streams.core.read.speech import find_speech
from streams.core.read.stems import fold, required_stems
from streams.core.read.titles import apposed_people, find_titled_people, with_people
from streams.core.read.venues import (
    NEXT_MEETING,
    REMOTE_MEETING,
    after_talks,
    ahead,
    choose_venue,
    dateline_capital,
    dateline_country,
    dateline_span,
    dateline_town,
    dateline_venue,
    enumerated_rounds,
    held_venues,
    in_venue_context,
    meeting_date,
    next_plan,
    venue_rank,
)
from streams.core.roles import may_have_role, role_near

_BELLIGERENT_KINDS = frozenset({"state", "armed_group", "person"})
# A state's formal name opens with its title: "thanks the Republic of Kazakhstan and the State of".
_STATE_TITLE = r"(?:" + alternation(load("roles")["state_titles"]) + r")\s+of\s+(?:the\s+)?"
# Right before a state the object of thanks: "thanked Norway and ", "thanks the". Gated: it is
# searched before every state a sentence names, and few sentences thank anyone.
_THANKED = gated(
    r"\b"
    + alternation(load("roles")["thanks"])
    + r"\s+(?:(?:the\s+)?(?:"
    + _STATE_TITLE
    + r")?[A-Z][\w’'-]*(?:\s+and\s+|,\s+))*(?:the\s+)?(?:"
    + _STATE_TITLE
    + r")?$"
)
_QUOTED = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
# "Uzbek troops opened fire on a Kyrgyz post": what two states do to each other as the sides of
# their own dispute; read only where a known conflict's side meets an outside state.
_DISPUTE = compile_words(load("conflicts")["dispute_cues"]["patterns"])
# "Talks between Djibouti and Ethiopia on the river road": talks of the two themselves, not of
# a war ("held talks on the peace treaty") or of a power's part in it ("restore a channel").
_OWN_TALKS = compile_words(load("conflicts")["own_talks"]["talks"])
# "The presidents of Uganda and South Sudan met": own talks of a side and its listed ally.
_OWN_TALKS_OF_ALLIES = compile_words(
    load("conflicts")["own_talks"]["talks"] + load("conflicts")["own_talks"]["ally_meets"]
)
_NOT_OWN_TALKS = compile_words(load("conflicts")["own_talks"]["not_own"])
# "Both governments have freed the fishermen", "the worst crisis between the two neighbours":
# the snippet calls its two sides two states (`two_states`).
_TWO_STATES = compile_words(load("conflicts")["two_states"]["patterns"])
# "ending the border war", "the Joint Boundary Commission": what only two states have.
_BETWEEN_STATES = compile_words(load("conflicts")["between_states"]["patterns"])
# The names of each armed group, aliases too: "the Front" stands for a group whose name holds it.
_GROUP_NAMES: dict[str, list[str]] = {
    a["code"]: [a["name"], *a.get("aliases", [])]
    for a in load("actors")["actors"]
    if a.get("kind") == "armed_group"
}
# "The Front's radio said", "the Movement said": a group called by a head of its own name.
_GROUP_HEAD_ALONE = re.compile(
    r"\b[Tt]he\s+(?P<head>"
    + alternation(load("actors")["introduced_groups"]["alias_heads"])
    + r")\b(?!\s+(?:of\s+)?[A-Z])"
)
_UNNAMED_GROUP_SIDE = compile_words(load("conflicts")["unnamed_group_side"]["patterns"])
# What may stand between a name and the noun it qualifies: "South Sudanese militiamen".
_QUALIFIES = re.compile(r"\s+(?:[a-z-]+\s+)?")
_AGAINST_OWN = compile_words(load("conflicts")["unnamed_group_side"]["against_own"])
# A state named only as the speaker of the news beside an armed group (`third_speakers`).
_THIRD_SPEAKERS = load("actors")["third_speakers"]
_BOTH_SIDES = compile_words(_THIRD_SPEAKERS["both_sides"])
_ABROAD_BODY = compile_words(_THIRD_SPEAKERS["abroad_bodies"])
_OWN_BODY = compile_words(_THIRD_SPEAKERS["own_bodies"])
# The stems every match of those nouns holds ("rebel"), as the keyword gates derive them: a
# snippet holding none of them needs no search of the whole text.
_AGAINST_OWN_STEMS = required_stems(_AGAINST_OWN)
# Codes of armed groups: "the rebels" may stand for such a side left unnamed.
_GROUP_CODES = frozenset(
    a["code"] for a in load("actors")["actors"] if a.get("kind") == "armed_group"
)


def party_codes(mentions: Iterable[ActorMention], non_parties: Iterable[str] = ()) -> list[str]:
    """Codes of the belligerents named, in text order; mediators, hosts and bodies are not."""
    excluded = set(non_parties)
    return [m.code for m in mentions if m.kind in _BELLIGERENT_KINDS and m.code not in excluded]


def _counts(codes: Iterable[str]) -> dict[str, int]:
    """How often each code is named, in the order first named (a plain dict: a Counter costs
    several times more on the few codes of a snippet)."""
    counts: dict[str, int] = {}
    for code in codes:
        counts[code] = counts.get(code, 0) + 1
    return counts


def _top_codes(codes: Sequence[str], limit: int = 2) -> list[str]:
    """The most-named codes, sorted; ties go to the code named first, so only the text matters."""
    counts = _counts(codes)
    # The counts keep the order first named and a sort is stable, reversed too: ties stay in it.
    return sorted(sorted(counts, key=counts.__getitem__, reverse=True)[:limit])


def _process(
    mentions: Iterable[ActorMention],
    non_parties: Iterable[str],
    firm: Iterable[str] = (),
    pairs: Sequence[Frame] = (),
    found: "_Found | None" = None,
) -> tuple[str, frozenset[str]]:
    """Process key and party codes: a known conflict's, else the two most-named belligerents'.

    Keying by a known conflict keeps one process under one key whichever of its parties,
    leaders or capitals a short snippet happens to name. `firm` are the non-parties read as
    mediators or hosts by more than an envoy noun: they never key the process. `pairs` are the
    pairs of sides the sentences frame ("talks between A and B", "A and B signed"). `found` are
    the snippet's sentences with the actors and places named in each.
    """
    mentions = list(mentions)
    codes = party_codes(mentions, non_parties)
    # "Russian envoys met ..." reads like a mediator cue, but a side of a known conflict sends
    # envoys too: when no conflict matches without the cued codes, try again with them; not
    # with a code read firmly as mediator or host ("talks under Turkish mediation" are no
    # talks of Turkey's own conflict).
    with_envoys = party_codes(mentions, firm)
    conflict = match_conflict(codes)
    # ... and when with them a conflict has both its sides named, and without them only one
    # ("Saudi and Omani envoys met Houthi leaders": the Houthis' war with Yemen's government,
    # Saudi Arabia its ally)
    if with_envoys != codes and (conflict is None or sides_named(conflict, codes) < 2):
        weak = match_conflict(with_envoys)
        if conflict is None or (weak is not None and sides_named(weak, with_envoys) == 2):
            conflict = weak or conflict
    if conflict and _outside_lead(conflict, codes, with_envoys, mentions):
        conflict = None
    counterpart = conflict and _outside_counterpart(conflict, codes, pairs, mentions, found or [])
    if counterpart:
        return join_codes(counterpart), frozenset(counterpart)
    pair = _framed_pair(pairs, set(firm))
    # "Chile and Peru signed an accord; Turkey welcomed it": the two sides the text frames
    # key the process before a known conflict only one side of which is named; not when one
    # of them is that side and the other a state ("Washington and Moscow agreed" may be the
    # mediator and a side; a group the snippet introduces is a side of its own).
    # A pair framed as the sides of talks with no side in the conflict keys the process even
    # when both of the conflict's sides are named: "Talks between Chile and Peru resumed.
    # Russia launched drones at Ukraine overnight" reports the talks beside another war.
    groups = frozenset(m.code for m in mentions if m.kind == "armed_group")
    apart = pair is not None and _talks_apart(pair, pairs, conflict, groups)
    if conflict and pair is None and found:
        alone = _prior_gives_way(conflict, codes, found)
        if alone is not None:
            return alone, frozenset({alone})
    if (
        conflict
        and not apart
        and (
            pair is None
            or sides_named(conflict, party_codes(mentions, firm)) == 2
            or _with_outside_state(pair, conflict.principals, mentions)
        )
    ):
        return conflict.key, conflict.principals
    if pair is not None:
        own = match_conflict(pair)
        if own is not None and sides_named(own, pair) == 2:
            return own.key, own.principals
        return join_codes(pair), frozenset(pair)
    top = _top_codes(codes)
    return join_codes(top) or UNASSIGNED, frozenset(top)


def _outside_lead(
    conflict: Conflict,
    codes: Sequence[str],
    with_firm: Sequence[str],
    mentions: Sequence[ActorMention],
) -> bool:
    """Whether a known conflict only one side of which is named gives way: "Mozambique's
    government and the Northern Popular Army (NPA)" are no talks of Mozambique's war with
    another group, when an armed group outside that conflict is among the two most named and
    named as often as the conflict's side (a group named once beside a side named thrice is
    told in passing). A state outside it leads only beside another outsider, both named as
    often as the conflict's members and one more often: "Ghanaian and Togolese delegates met in
    Abuja, with a Nigerian envoy" tell Ghana's and Togo's talks, not Nigeria's own war (a state
    named alone beside a side is more often one that comments)."""
    if _principal_sides(conflict, with_firm) == 2:
        return False
    known = conflict.members
    groups = {m.code for m in mentions if m.kind == "armed_group"}
    counts = _counts(codes)
    inside = max((counts.get(c, 0) for c in known), default=0)
    top = _top_codes(codes)
    if any(code not in known and code in groups and counts[code] >= inside for code in top):
        return True
    return (
        len(top) == 2
        and all(code not in known and counts[code] >= inside for code in top)
        and any(counts[code] > inside for code in top)
    )


def _outside_counterpart(
    conflict: Conflict,
    codes: Sequence[str],
    pairs: Sequence[Frame],
    mentions: Sequence[ActorMention],
    found: "_Found",
) -> list[str] | None:
    """The side of a known conflict and the state outside it that are the two sides of the
    snippet's own dispute: "Uzbek troops opened fire on a Kyrgyz post ... Uzbekistan detained
    eleven Kyrgyz herders" is no news of Kyrgyzstan's war with Tajikistan. Three things must
    hold. Nothing of the conflict's other side is named in any role, not even a place of it,
    nor, when that side is an armed group, "the rebels" standing for it. The outsider is a state
    and one of the two most-named belligerents (mediators, hosts and states acting from outside
    are none). And a sentence that names both tells what two sides of a dispute do to each other
    (`dispute_cues`: a clash, a shooting, a detention, people or bodies handed back), or their
    own talks (`own_talks`: "talks between A and B on the river road", not "on the peace
    treaty") when the outsider is framed as the side's pair or named at least half as often (a
    state named twice beside a side named eight times is told in passing). A power acting on
    the war, its mediator, host or guarantor, a state that sanctions the side or keeps a channel
    open with it ("Washington and Moscow agreed to restore a channel ... the hotline"), does
    none of it."""
    top = _top_codes(codes)
    if len(top) != 2:
        return None
    inside = [code for code in top if code in conflict.principals]
    if len(inside) != 1:
        return None
    (own,) = inside
    side = 0 if own in conflict.parties[0] else 1
    absent = conflict.parties[1 - side] | conflict.allies[1 - side]
    # A state the lexicon lists as the side's own ally in that war may be its counterpart in
    # a dispute of their own ("Chadian gendarmes seized two Nigerian boats"): the war's other
    # side, named nowhere, is what the evidence below needs, as for any outsider.
    outside = [code for code in top if code != own and code not in absent]
    if len(outside) != 1:
        return None
    (other,) = outside
    if other not in {m.code for m in mentions if m.kind == "state"}:
        return None
    for _, actors, places in found:
        if any(m.code in absent for m in actors) or any(p.country in absent for p in places):
            return None
    if conflict.parties[1 - side] <= _GROUP_CODES and any(
        _unnamed_group_side(s.text, actors, own) for s, actors, _ in found
    ):
        return None  # "talks between Colombia's government and the rebels, hosted by Venezuela"
    counts = _counts(codes)  # `own` and `other` are among the codes
    ally = other in conflict.allies[side]
    framed = any({p[0], p[1]} == {own, other} for p in pairs)
    talks_count = framed or 2 * counts[other] >= counts[own]
    for sentence, actors, places in found:
        # The side may be named by a place of its own ("a Georgian delegation sat down with its
        # hosts in Baku"); the outsider by name, so that a venue is never taken for a side.
        if other not in {m.code for m in actors}:
            continue
        if not any(m.code == own for m in actors) and not any(p.country == own for p in places):
            continue
        if _DISPUTE.search(sentence.text) or (talks_count and _own_talks(sentence.text, ally)):
            return top
    # A war's other side that is an armed group has no government, capital or army: a snippet
    # that calls its sides "both governments" or "the two neighbours" tells the two states' own
    # dispute, in whatever sentence it says so.
    if conflict.parties[1 - side] <= _GROUP_CODES and any(
        _TWO_STATES.search(s.text) and not other_topic(s.text) for s, _, _ in found
    ):
        return top
    return None


def _prior_gives_way(conflict: Conflict, codes: Sequence[str], found: "_Found") -> str | None:
    """The state of a known war with an armed group, where the state is the only side named,
    nothing of the group is, and the snippet tells what only two states have (a border war, a
    boundary commission: `between_states`) or calls a group by a head of its own name that no
    name of the war's group holds ("the Front said"): the state's own process with a neighbour
    or another group the snippet leaves unnamed, not the known war. The state alone keys it."""
    named = set(codes)
    inside = [i for i, side in enumerate(conflict.parties) if side & named]
    if len(inside) != 1:
        return None
    side = inside[0]
    other = conflict.parties[1 - side]
    if not other <= _GROUP_CODES or named & (other | conflict.allies[1 - side]):
        return None
    states = [c for c in conflict.parties[side] & named if c not in _GROUP_CODES]
    if len(states) != 1:
        return None
    names = [n for code in other for n in _GROUP_NAMES.get(code, [])]
    for sentence, actors, _ in found:
        text = sentence.text
        if any(m.code in other for m in actors) or other_topic(text):
            continue
        if _BETWEEN_STATES.search(text):
            return states[0]
        for head in _GROUP_HEAD_ALONE.finditer(text):
            if not any(head.group("head") in name for name in names):
                return states[0]
    return None


def _unnamed_group_side(text: str, actors: Sequence[ActorMention], own: str) -> bool:
    """Whether a noun in the sentence stands for an armed group left unnamed ("the rebels"); not
    "militiamen" or "fighters" the side's own demonym qualifies ("South Sudanese militiamen"
    fight on its part), though "Colombian rebels" rebel against theirs."""
    for noun in _UNNAMED_GROUP_SIDE.finditer(text):
        if _AGAINST_OWN.fullmatch(noun.group(0)) or not any(
            m.code == own and _QUALIFIES.fullmatch(text, m.end, noun.start()) for m in actors
        ):
            return True
    return False


def _own_talks(text: str, ally: bool = False) -> bool:
    """Whether a sentence tells talks of its two states themselves, not of a war or of a
    power's part in it (`own_talks`); of a side and its listed ally, a meeting too."""
    talks = _OWN_TALKS_OF_ALLIES if ally else _OWN_TALKS
    return talks.search(text) is not None and _NOT_OWN_TALKS.search(text) is None


def _principal_sides(conflict: Conflict, codes: Sequence[str]) -> int:
    """How many of the conflict's sides the codes name by a principal: an ally named ("Burundian
    troops" beside Rwanda) is no side of talks."""
    named = set(codes)
    return sum(bool(side & named) for side in conflict.parties)


def _talks_apart(
    pair: Sequence[str],
    pairs: Sequence[Frame],
    conflict: Conflict | None,
    groups: frozenset[str] = frozenset(),
) -> bool:
    """Whether the pair is framed as the sides of talks or a deal and has no side (principal or
    ally) in the conflict, or pairs one of its principals with an armed group outside it
    (`groups`): "talks between the Tajik government and the ZPG" are that group's own process,
    not the state's known war with a neighbour the snippet names in passing."""
    if conflict is None or not any(p[2] and {p[0], p[1]} == set(pair) for p in pairs):
        return False
    inside = conflict.members & set(pair)
    if not inside:
        return True
    outside = set(pair) - conflict.members
    return len(outside) == 1 and outside <= groups and inside <= conflict.principals


def _framed_pair(pairs: Sequence[Frame], firm: set[str]) -> list[str] | None:
    """The pair of sides framed most often (first framed on ties), none read as a mediator;
    pairs framed as the sides of talks or a deal first ("talks between A and B" before
    "clashes between C and D")."""
    usable = [p for p in pairs if not firm & {p[0], p[1]}]
    talks = [p for p in usable if p[2]]
    kept: list[tuple[str, str]] = [(min(a, b), max(a, b)) for a, b, _ in talks or usable]
    if not kept:
        return None
    counts = Counter(kept)

    def rank(pair: tuple[str, str]) -> tuple[int, int]:
        return counts[pair], -kept.index(pair)

    best: tuple[str, str] = max(counts, key=rank)
    return list(best)


def _with_outside_state(
    pair: Sequence[str], principals: frozenset[str], mentions: Sequence[ActorMention]
) -> bool:
    """Whether the pair is a principal of the conflict and a state outside it."""
    states = {m.code for m in mentions if m.kind == "state"}
    inside = [code for code in pair if code in principals]
    outside = [code for code in pair if code not in principals]
    return len(inside) == 1 and len(outside) == 1 and outside[0] in states


def _only_hosts(found: "_Found", parties: frozenset[str], pairs: Sequence[Frame]) -> bool:
    """Whether every side of the key only hosts the talks the snippet tells (`home_hosts`):
    none framed a side, no "rebels" standing for an unnamed other side of a government."""
    if any(code in pair[:2] for pair in pairs for code in parties):
        return False
    # Cheap first: each side must be the country of a place named in the snippet.
    countries = {m.country for _, _, places in found for m in places}
    if not parties <= countries:
        return False
    hosts: set[str] = set()
    for sentence, actors, places in found:
        text = sentence.text
        if other_topic(text):  # a sentence that turns to other news tells no talks of these
            continue
        if unnamed_fighters(text):
            return False
        hosts |= home_hosts(text, [m for m in actors if not media_cue(text, m)], places)
    return parties <= hosts


def _country_hosting_a_group(
    text: str,
    found: "_Found",
    keyed: Sequence[ActorMention],
    parties: frozenset[str],
    pairs: Sequence[Frame],
) -> str | None:
    """The state of a key of a state and an armed group that the snippet names only as the
    country where their talks are held ("talks in Kazakhstan"), while the group's other side is
    "the government" left unnamed and no dateline names the state: a host, no side. A city
    ("talks in Lusaka") may be the government's own capital: it keeps the key."""
    if len(parties) != 2 or _UNNAMED_GOVERNMENT.search(text) is None:
        return None
    states = {m.code for m in keyed if m.kind == "state"} & parties
    groups = {m.code for m in keyed if m.kind == "armed_group"} & parties
    if len(states) != 1 or len(groups) != 1:
        return None
    (state,) = states
    if any(state in pair[:2] for pair in pairs) or dateline_country(text) == state:
        return None
    if _NAMED_GOVERNMENT.search(text):
        return None
    name = state_names_by_code().get(state)
    for sentence, _, places in found:
        if other_topic(sentence.text):
            continue
        if any(
            p.country == state and p.name == name and after_talks(sentence.text, p) for p in places
        ):
            return state
    return None


def process_key(mentions: Iterable[ActorMention], non_parties: Iterable[str] = ()) -> str:
    """Key of the negotiation process the mentions point to, or "unassigned"."""
    return _process(mentions, non_parties)[0]


# "was not a party to the discussions", "is not a participant in the talks", "will take no
# part in the talks".
_NO_PARTY = re.compile(
    r"\b(?:not\s+(?:a\s+)?(?:party|parties|participants?)|no\s+part)\s+(?:to|in)\s+(?:the\s+)?"
    r"(?:talks|discussions|negotiations|dialogue|process)\b",
    re.IGNORECASE,
)


_GOOD_OFFICES_STEM = "good offices"
_GOOD_OFFICES_AFTER = re.compile(
    r"\s*(?:" + alternation(load("actors")["good_offices"]["after"]) + r")\b", re.IGNORECASE
)
_GOOD_OFFICES_BEFORE = re.compile(
    r"\b(?:"
    + alternation(load("actors")["good_offices"]["before"])
    + r")\s+(?:the\s+)?(?:"
    + _STATE_TITLE
    + r")?$",
    re.IGNORECASE,
)


def _good_offices(text: str, state: ActorMention) -> bool:
    """Whether the state is named as lending its good offices (`good_offices`)."""
    return bool(
        _GOOD_OFFICES_AFTER.match(text, state.end)
        or _GOOD_OFFICES_BEFORE.search(text, max(0, state.start - 60), state.start)
    )


def _non_parties(text: str, mentions: Sequence[ActorMention]) -> tuple[set[str], set[str]]:
    """Codes that act as mediator or host anywhere in the snippet, unless they also fight;
    and the countries of titled people named as mediators ("its former president, the AU
    mediator"). Second, those of them read firmly so (`firm_role`)."""
    codes = {m.code for m in mentions if role_cue(text, m)}
    # "Brazil and Chile sent observers", "with Norway and Cuba acting as guarantors": a state
    # a third-party role word stands by is no side either.
    states = [m for m in mentions if m.kind == "state"]
    firm = {m.code for m in mentions if firm_role(text, m)}
    # "The chairman thanked Norway and Ghana": the states a side's person thanks helped; no
    # side. Not when a state thanks ("Chile thanked Peru for the release"): sides thank too.
    thanked = [m for m in states if _THANKED.search(text, max(0, m.start - 60), m.start)]
    if thanked and not any(m.end <= thanked[0].start for m in states):
        codes |= {m.code for m in thanked}
    if states and may_have_role(text):  # the cue scan only where a state could take a role
        # A role word is more than an envoy noun: "Norway and Ghana signed as witnesses" frames
        # no pair of sides either.
        cued = {m.code for m in states if role_near(text, m.start, m.end) is not None}
        codes |= cued
        firm |= cued
    if len({m.code for m in states}) == 1 and _NO_PARTY.search(text):
        # "the sultanate was providing the venue and was 'not a party to the discussions'":
        # the only state of the sentence says it is no side.
        codes |= {states[0].code}
        firm |= {states[0].code}
    if states and _GOOD_OFFICES_STEM in text:
        # "thanks the Government of Liberia for its good offices", "through the good offices
        # of the Republic of Ghana": a state lending its services to the talks is no side.
        lent = {m.code for m in states if _good_offices(text, m)}
        codes |= lent
        firm |= lent
    if names_a_mediator(text):  # titled people are looked for only where a mediator is named
        apposed = apposed_mediators(text, find_titled_people(text, mentions))
        codes |= apposed
        firm |= apposed
    return codes, firm


def _speaking_thirds(
    text: str,
    found: "_Found",
    in_quote: Sequence[bool],
    keyed: Sequence[ActorMention],
    non_parties: set[str],
) -> set[str]:
    """States named in the snippet only as the speaker or source of its news ("the next round
    will open in Dakar on June 3, Senegal's foreign ministry said", "according to Norway's
    envoy") beside an armed group that is a side: the mediator or host telling the news of the
    talks, no side of them, when the snippet places the government elsewhere (another state
    named as a side, or a dateline of another state: "OUAGADOUGOU, May 20 — The government
    freed 30 SVF fighters ..."), when it tells of both sides in the third person ("Senegalese
    officials said, adding that the two sides had agreed") and speaks by none of the
    government's own bodies ("Malawi's defence ministry said" speaks for a side), or when it
    speaks by a body that speaks for a state abroad (a foreign ministry, a diplomat, an envoy).
    A side speaking of its own talks with a group is told by its own bodies ("the General
    Staff of the Benin Armed Forces announces"), or named beside them."""
    states = {m.code for m in keyed if m.kind == "state" and m.code not in non_parties}
    if not states:
        return set()
    # A group is a side: named, or left unnamed as "the rebels" (not "fighters": states have
    # them too). Two states, or a state alone, may be speakers of their own talks.
    if not any(m.kind == "armed_group" and m.code not in non_parties for m in keyed):
        if _AGAINST_OWN_STEMS:
            folded = fold(text)
            if not any(stem in folded for stem in _AGAINST_OWN_STEMS):
                return set()
        if _AGAINST_OWN.search(text) is None:
            return set()
    spoken: dict[str, list[tuple[str, str]]] = {}  # state -> (speaker words, sentence)
    told: set[str] = set()  # states named outside a speaker's words
    for (sentence, actors, _), quoted in zip(found, in_quote, strict=True):
        # A state already named outside a speaker's words is a side whatever else names it.
        mine = [m for m in actors if m.kind == "state" and m.code in states and m.code not in told]
        if not mine:
            continue
        span, words = _speaker_span(sentence, quoted)
        for m in mine:
            if span is not None and words is not None and m.start in span:
                spoken.setdefault(m.code, []).append((words, sentence.text))
            else:
                told.add(m.code)
        if told >= states:
            return set()  # every state is named as a side somewhere
    only = {code: said for code, said in spoken.items() if code not in told}
    if not only or told:
        return set(only)  # another state named as a side places the government
    dateline = _body_dateline_country(text)
    thirds: set[str] = set()
    for code, said in only.items():
        if (
            (dateline is not None and dateline != code and dateline not in non_parties)
            or any(_ABROAD_BODY.search(words) is not None for words, _ in said)
            or any(
                _BOTH_SIDES.search(sentence) is not None and _OWN_BODY.search(words) is None
                for words, sentence in said
            )
        ):
            thirds.add(code)
    return thirds


def _announcers(text: str, inside_quote: bool, mentions: Sequence[ActorMention]) -> set[str]:
    """States that only speak of talks of two others the sentence names: "Senegalese officials
    said the government of Guinea and the KHF would hold talks in Dakar" (a host or mediator
    telling the news of the talks). A side telling of its own talks names one other side at
    most ("Nigerien officials said the government would meet the AAF")."""
    sides = {m.code for m in mentions if m.kind in _BELLIGERENT_KINDS}
    if len(sides) < 3 or not any(m.kind == "state" for m in mentions):
        return set()  # most sentences name two sides at most: no scan
    if not _own_talks(text):
        return set()
    span, _ = _speaker_in(text, inside_quote)
    if span is None:
        return set()
    speakers = [m for m in mentions if m.kind == "state" and m.start in span]
    return {m.code for m in speakers if len(sides - {m.code}) >= 2}


def _actor_role(
    mention: ActorMention,
    text: str,
    label: Label,
    parties: frozenset[str],
    speaker: range | None,
) -> str:
    cue = role_cue(text, mention)
    if cue and not (cue == "mediator" and mention.code in parties):
        return cue  # a principal of the process is never its mediator
    if speaker is not None and mention.start in speaker:
        return "speaker"
    if label.type == "strike" and mention.kind != "organisation":
        # Cheap SVO reading: named before the trigger (or after "by") attacks, after it is hit.
        before_trigger = mention.end <= label.start
        by_agent = text[max(0, mention.start - 3) : mention.start] == "by "
        return "attacker" if before_trigger or by_agent else "target"
    if mention.code in parties:
        return "party"
    return "mentioned"


def _actors(
    sentence: Sentence,
    mentions: Sequence[ActorMention],
    label: Label,
    parties: frozenset[str],
    speaker: range | None,
    made: dict[tuple[str | None, ...], Actor],
) -> tuple[Actor, ...]:
    """The actors of one event; `made` holds the Actors already built for the snippet (frozen
    values: the same words in the same role are one Actor, validated once)."""
    seen: set[tuple[str, str]] = set()
    actors: list[Actor] = []
    for mention in mentions:
        role = _actor_role(mention, sentence.text, label, parties, speaker)
        roles = [role]
        if role == "speaker" and mention.code not in parties and speaker_mediates(sentence.text):
            roles.append("mediator")  # "the Red Cross says it mediated": it speaks and mediates
        for each in roles:
            if (mention.name, each) in seen:
                continue
            seen.add((mention.name, each))
            m = mention
            key = (m.name, m.country, m.kind, each, m.title, m.mention)
            actor = made.get(key)
            if actor is None:
                actor = made[key] = Actor(
                    name=mention.name,
                    country=mention.country,
                    kind=mention.kind,
                    role=each,
                    title=mention.title,
                    mention=mention.mention,
                )
            actors.append(actor)
    return tuple(actors)


def _places(mentions: Sequence[PlaceMention], venue_like: Sequence[bool]) -> tuple[Place, ...]:
    """Places, venue-like ones ("in Doha", "at Camp David") first: the fold reads the first."""
    unique: dict[str, Place] = {}
    ordered = [m for _, m in sorted(zip(venue_like, mentions, strict=True), key=_not_first)]
    for m in ordered:
        unique.setdefault(
            m.name, Place(name=m.name, country=m.country, region=m.region, mention=m.mention)
        )
    return tuple(unique.values())


def _not_first(pair: tuple[bool, PlaceMention]) -> bool:
    return not pair[0]


def _speaker_span(sentence: Sentence, inside_quote: bool) -> tuple[range | None, str | None]:
    found = _speaker_in(sentence.text, inside_quote)
    # "The ministry, which gave no breakdown, said ...": a speaker read inside a relative clause
    # (or none) is looked for again with the clause taken out; the clause follows the speaker,
    # so the speaker's span holds in the whole sentence.
    clause = _RELATIVE_CLAUSE.search(sentence.text)
    if clause is None or (found[0] is not None and found[0].start not in range(*clause.span())):
        return found
    if not _SAID_NEXT.match(sentence.text, clause.end()):
        return found  # "M23, which ..., claiming to protect ...": no one speaks after the clause
    span, words = _speaker_in(
        sentence.text[: clause.start()] + sentence.text[clause.end() :], inside_quote
    )
    if span is None or span.stop > clause.start():
        return found
    return span, words


def _ranked_venues(
    text: str, places: Sequence[PlaceMention], venue_like: Sequence[bool]
) -> list[str]:
    """The names of the places read as a venue, the place the talks are said to be in first
    (`venue_rank`); a single one is not ranked (most sentences name one place at most)."""
    venues = [m for m, venue in zip(places, venue_like, strict=True) if venue]
    if len(venues) > 1:
        venues.sort(key=lambda m: venue_rank(text, m))
    return [m.name for m in venues]


def _quoted_at(text: str, at: int) -> bool:
    """Whether `at` lies inside a quotation the sentence opens and closes."""
    if '"' not in text and "\u201c" not in text:
        return False  # no quotation mark that opens one
    before = text[:at]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1 and '"' in text[at:]


# The clause's subject speaks right after it: "..., said", "..., told reporters".
_SAID_NEXT = re.compile(
    r"\s*(?:(?:also|later|earlier|then)\s+)?(?:said|says|told|tells|reported|reports|announced|"
    r"stated|added|confirmed|claimed|estimated|put)\b",
    re.IGNORECASE,
)
# A non-restrictive relative clause between commas: ", which gave no breakdown,".
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\s+[^,;:.\"“”]{1,80},")


def _speaker_in(text: str, inside_quote: bool) -> tuple[range | None, str | None]:
    acts = [a for a in find_speech(text, inside_quote) if a.speaker]
    if not acts:
        return None, None
    # '"Our teams have confirmed two killed," she said': a speech verb inside the quotation is
    # the quoted speaker's own words; who the sentence says spoke is outside it.
    act = (
        acts[0]
        if len(acts) == 1  # the one act either way
        else next((a for a in acts if not _quoted_at(text, a.start)), acts[0])
    )
    at = text.find(act.speaker)
    return (range(at, at + len(act.speaker)) if at >= 0 else None), act.speaker


def _quantities(
    sentence: Sentence,
    event_type: str,
    claimant: str | None,
    clause_claimants: Sequence[tuple[int, str | None]] = (),
) -> tuple[Quantity, ...]:
    """Casualty figures for casualty reports, head counts for prisoner exchanges; a figure in a
    clause after a semicolon that names its own claimant is that claimant's."""
    if event_type == "casualty_report":
        figures = find_figures(sentence.text)
    elif event_type == "prisoner_exchange":
        figures = find_exchanged(sentence.text)
    else:
        return ()
    return tuple(
        Quantity(
            value=figure.value,
            low=figure.low,
            high=figure.high,
            qualifier=figure.qualifier,
            unit=figure.unit,
            # "talks would resume in a war that has killed 5,000": background, the narrator's.
            claimant=UNATTRIBUTED
            if in_background(sentence.text, figure)
            else next((c for at, c in reversed(clause_claimants) if at <= figure.start), None)
            or claimant,
            text=figure.text,
        )
        for figure in figures
    )


# A speaker named by an article and a capitalised name of two words or more is a body: people
# are not named with "the".
_NAMED_SPEAKING_BODY = re.compile(
    r"[Tt]he\s+[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’-]*)+$"
)


# A surname opening a sentence, apposed to the speaker's title: "Tsertsvadze, ".
_SURNAME_APPOSED = re.compile(r"\W*([A-Z][\w'’-]+),\s*")
# A speaker's title in lower case: "the public defender", "the army spokesman".
_LOWER_TITLE = re.compile(r"the\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*")

# A speaker by a rank alone: "The colonel", "the general".
_THE_RANK = re.compile(
    r"[Tt]he\s+("
    + alternation(sorted({rank.split()[-1].lower() for rank in load("titles")["ranks"]}))
    + r")"
)


# Where a clause of its own may begin, with its own claimant: a semicolon, or a comma and a
# conjunction.
_CLAUSE_OPENS = re.compile(r";|,\s+(?:and|while|but|whereas)\s+(?=\S)")


def _clause_claimants(
    text: str, surnames: dict[str, ActorMention], bodies: Sequence[tuple[str, str]]
) -> tuple[tuple[int, str | None], ...]:
    """ "The ministry's figure is 458; the Observatory's update puts the toll at 190", "The
    Observatory said two were killed, and Ana Ruiz said that 14 were missing": where each clause
    between semicolons, or after a comma and a conjunction, starts, and the claimant it names
    itself, if any. A clause after a comma that names none is the sentence's claimant's (None):
    "The rebels put it higher, and a diocesan network has counted 400" is the network's."""
    found: list[tuple[int, str | None]] = []
    opens = [(0, ";"), *((m.end(), m.group(0)) for m in _CLAUSE_OPENS.finditer(text))]
    starts = [start for start, _ in opens]
    for (start, opener), end in zip(opens, [*starts[1:], len(text)], strict=True):
        clause = text[start:end]
        named = (
            whole_claimant(find_attribution(clause), clause, None, surnames, bodies)
            or whole_claimant(None, clause, None, surnames, bodies)
            # "...; Cameroon says it lost four soldiers", "..., while the front claims to have
            # lost fewer than a hundred": a later clause's own speaker
            or (
                start > 0
                and whole_claimant(_clause_speaker(clause), clause, None, surnames, bodies)
            )
            or None
        )
        if named:
            found.append((start, claimant_of(named)))
        elif opener != ";":
            found.append((start, None))
    return tuple(found)


def _clause_speaker(clause: str) -> str | None:
    """Who speaks in a clause of its own: the speaker of its first act of speech."""
    return next((act.speaker for act in find_speech(clause, False) if act.speaker), None)


def _named_in(
    people: Sequence[ActorMention], places: Sequence[PlaceMention], span: range | None
) -> int:
    """How many different bodies or places the speaker's words name ("authorities in Moscow
    and Kyiv")."""
    if span is None:
        return 0
    bodies = {a.country or a.name for a in people if a.start in span and a.kind != "person"}
    return len(bodies | {p.country or p.name for p in places if p.start in span})


def _quote(sentence: Sentence, speaker: str | None) -> Quote | None:
    match = _QUOTED.search(sentence.text)
    return Quote(text=match.group(1).strip(), speaker=speaker) if match else None


_Found = list[tuple[Sentence, list[ActorMention], list[PlaceMention]]]


# "the government", "government negotiators", "the authorities": a state's side left unnamed.
# The word start is tested after the first letter ("no word character before it"), so that the
# engine skips to the four letters a match opens with instead of trying every position of the
# snippet (what "\b(?:[Gg]overnment|[Aa]uthorities)\b" did).
_UNNAMED_GOVERNMENT = re.compile(
    r"(?:G(?<!\w.)overnment|g(?<!\w.)overnment|A(?<!\w.)uthorities|a(?<!\w.)uthorities)\b"
)
# "the Tajik government", "Tajikistan's government", "the government of Tajikistan": named.
_NAMED_GOVERNMENT = re.compile(
    r"\b(?!The\b)[A-Z][\w’'-]+(?:['’]s)?\s+(?:[Gg]overnment|[Aa]uthorities)\b"
    r"|\b(?:[Gg]overnment|[Aa]uthorities)\s+(?:of|in)\s+(?:the\s+)?[A-Z]"
)


# A headline: one short line with no full stop at its end, then a blank line.
_HEADLINE = re.compile(r"[^\n]{1,160}(?<![.!?:])\n[ \t]*\n")


def _from_dateline(text: str) -> str:
    """The text from its dateline on: the whole text, or what follows a headline that stands
    before a dateline; the whole text when neither opens with one."""
    if dateline_span(text):
        return text
    headline = _HEADLINE.match(text)
    if headline is None or not dateline_span(text[headline.end() :]):
        return text
    return text[headline.end() :]


def _body_dateline_country(text: str) -> str | None:
    """The country of the snippet's dateline (`dateline_country`), also where a headline stands
    before it ("Rebels free nine rangers\n\nNAIROBI, Feb 27 — ...")."""
    return dateline_country(_from_dateline(text))


def _dateline_government(
    text: str, keyed: Sequence[ActorMention], non_parties: set[str]
) -> ActorMention | None:
    """The state of the snippet's dateline as the side "the government" stands for, when the
    snippet names no state as a side: a wire report datelined "LUSAKA" that tells of talks
    between "the government" and a group tells of Zambia's."""
    if any(m.kind == "state" and m.code not in non_parties for m in keyed):
        return None
    unnamed = _UNNAMED_GOVERNMENT.search(text)
    if unnamed is None:
        return None
    country = _body_dateline_country(text)
    name = state_names_by_code().get(country) if country else None
    if country is None or name is None or country in non_parties:
        return None
    return ActorMention(
        unnamed.start(), unnamed.end(), unnamed.group(0), name, country, country, "state"
    )


def _with_groups(found: _Found) -> tuple[_Found, tuple[str, ...]]:
    """Each sentence's actors with the armed groups the snippet introduces ("the Northern
    Front (NF)"), named by name or acronym anywhere in it; and the aliases the snippet states
    ("LFM=GML": the name another snippet codes by its initials, LFM, is the group coded GML)."""
    groups: dict[str, Group] = {}
    for sentence, actors, _ in found:
        for group in introduced_groups(sentence.text, actors):
            groups.setdefault(group.acronym, group)
    # A name told without its acronym codes by its initials: the acronym another snippet gives.
    for sentence, actors, places in found:
        for group in named_groups(sentence.text, actors, places):
            groups.setdefault(group.acronym, group)
    if not groups:
        return found, ()
    with_groups = _mentioning(found, list(groups.values()))
    stated = _stated_aliases(with_groups, groups)
    untold = {} if stated else _untold_alias(groups)
    if stated or untold:
        for code, acronym in (stated or untold).items():
            name = groups.pop(code).name
            groups.pop(acronym, None)
            # A translation the snippet never ties to the acronym is named by the acronym.
            groups[acronym] = Group(name, acronym, acronym if untold else None)
        with_groups = _mentioning(found, list(groups.values()))
    # A name spelled out with an acronym of its own language ("the Lambaran Freedom Movement
    # (GML)") is coded by its initials where another snippet names it alone.
    aliases = {
        f"{code}={g.acronym}"
        for g in groups.values()
        if g.name != g.acronym
        for code in [initials_code(g.name)]
        if code is not None and code != g.acronym
    }
    return with_groups, tuple(sorted(aliases))


def _untold_alias(groups: Mapping[str, Group]) -> dict[str, str]:
    """The one group the snippet names in full without its acronym (coded by its initials) ->
    the one bare acronym it names as a group, where that acronym can stand for the name told in
    translation (as many letters, give or take one, at least half of them among its initials):
    "the Eastern Resistance Movement opened talks ... The MRL delegation" (the Movimento de
    Resistencia do Leste) names one group, not two."""
    named = [
        g for g in groups.values() if g.name != g.acronym and initials_code(g.name) == g.acronym
    ]
    bare = [g.acronym for g in groups.values() if g.name == g.acronym]
    if len(named) != 1 or len(bare) != 1:
        return {}
    code, acronym = named[0].acronym, bare[0]
    letters = re.sub(r"[^A-Z]", "", acronym)
    shared = sum(1 for c in letters if c in code)
    if abs(len(code) - len(letters)) <= 1 and 2 * shared >= len(letters) and letters != code:
        return {code: acronym}
    return {}


def _mentioning(found: _Found, groups: list[Group]) -> _Found:
    return [
        (s, sorted([*a, *group_mentions(s.text, groups, a, p)], key=lambda m: m.start), p)
        for s, a, p in found
    ]


def _stated_aliases(found: _Found, groups: Mapping[str, Group]) -> dict[str, str]:
    """Each group's code -> the acronym of its own language a sentence states it has ("the
    movement, known by its Malay initials GML"): the group is the one named by its name last
    before the statement, in its sentence or an earlier one."""
    stated: dict[str, str] = {}
    last: str | None = None  # the code of the group named by its name last
    for sentence, actors, _ in found:
        at = [(where, 1, acronym) for where, acronym in stated_aliases(sentence.text)]
        named = [
            (m.start, 0, m.code)
            for m in actors
            if m.kind == "armed_group" and m.code in groups and groups[m.code].name != m.code
        ]
        for _, is_alias, code in sorted(named + at):
            if not is_alias:
                last = code
            elif last is not None and last != code and last not in stated:
                stated[last] = code
    return stated


class _Told(NamedTuple):
    """The sides a sentence names: inside the process (`within`), all of them (`named`), those
    read firmly as mediators or hosts, the pairs it frames as the two sides of something, and
    whether it turns to other news."""

    within: list[ActorMention]
    named: list[ActorMention]
    firm: set[str]
    pairs: list[Frame]
    other_news: bool  # the sentence opens by turning to other news ("Meanwhile, ...")
    quoted: bool  # the sentence stands inside a quotation


Key = tuple[str, frozenset[str]]


def _paragraphs(text: str, found: _Found) -> list[list[int]]:
    """The sentences of each paragraph (a line of the text), in order."""
    groups: list[list[int]] = []
    last_end = None
    for i, (sentence, _, _) in enumerate(found):
        if last_end is None or "\n" in text[last_end : sentence.start]:
            groups.append([])
        groups[-1].append(i)
        last_end = sentence.end
    return groups


def _sides_told(told: _Told, sentence: Sentence) -> list[ActorMention]:
    """The sides a sentence names as sides: not as outsiders welcoming or urging, nor as the
    speakers reporting it ("the deal was signed, the United States and Saudi Arabia said")
    unless they speak of themselves ("said their ministers would meet"); in a sentence turning
    to other news, all it names."""
    sides = told.named if told.other_news else told.within
    if len(sides) < 2:
        return sides
    span, _ = _speaker_in(sentence.text, told.quoted)
    if span is None or _THEIR_OWN.search(sentence.text, span.stop):
        return sides  # "Armenia and Azerbaijan said their ministers would meet": the sides speak
    return [m for m in sides if m.start not in span]


# What speakers tell of themselves: the sides speaking of their own meeting or deal.
_THEIR_OWN = re.compile(r"\b(?:their|they|both)\b", re.IGNORECASE)


def _own_key(
    told: Sequence[_Told], found: _Found, other: frozenset[str], non_parties: set[str]
) -> Key | None:
    """The process of a part of a snippet that names two sides of its own and none of `other`
    (the sides of the process the rest of the snippet tells), or None. Its first sentence that
    names a side names only its own two: the part is about their process from its start."""
    if any(m.code in other for t in told for m in t.named):
        return None
    raw = {
        code for t in told for code in party_codes(t.named if t.other_news else t.within)
    } - non_parties
    if len(raw) < 2:
        return None  # most parts name fewer than two sides of their own: no speaker to read
    per_sentence = [_sides_told(t, s) for t, (s, _, _) in zip(told, found, strict=True)]
    sides = [m for each in per_sentence for m in each]
    codes = set(party_codes(sides, non_parties))
    if len(codes) < 2:
        return None  # most parts name fewer than two sides of their own: no keying to run
    firm = {code for t in told for code in t.firm}
    pairs = [pair for t in told for pair in t.pairs]
    key, parties = _process(sides, non_parties, firm, pairs, found)
    # Both sides named: a known conflict one side of which is named keys no part apart.
    if len(parties) < 2 or not parties <= codes:
        return None
    for (sentence, _, _), each in zip(found, per_sentence, strict=True):
        named = [m for m in each if m.code not in non_parties]
        if party_codes(named):
            return (key, parties) if _paired(sentence.text, named, parties) else None
    return None


# Words between the two sides of a pair ("Kuwaiti and Iraqi delegations", "Armenia's prime
# minister and Azerbaijan's president"): short, joined by "and", within one clause.
_PAIR_GAP = re.compile(r"^[^.;:()\[\]]{0,36}\band\s+(?:the\s+)?[^.;:,()]{0,24}$")


def _paired(text: str, sides: Sequence[ActorMention], parties: frozenset[str]) -> bool:
    """Whether the sentence names the two `parties` as a pair and no other side: "Zambia and
    Malawi held talks", "The presidents of Kazakhstan and Kyrgyzstan met" (not "a US-Saudi
    monitoring mechanism", nor "Angola's president received Congolese opposition leaders")."""
    codes = {m.code for m in sides if m.kind in _BELLIGERENT_KINDS}
    if codes != set(parties):
        return False
    return any(
        a.code != b.code and _PAIR_GAP.match(text[a.end : b.start]) is not None
        for a, b in pairwise(sides)
    )


def _segment_keys(
    text: str, found: _Found, told: list[_Told], parties: frozenset[str], non_parties: set[str]
) -> list[Key | None]:
    """The process of each sentence, where it is not the snippet's: a round-up or a live blog
    tells other processes in paragraphs of their own ("Zambia and Malawi held talks in Mzuzu"
    as an item of a regional round-up), and a sentence may frame a pair of its own ("Meanwhile,
    the presidents of Kazakhstan and Kyrgyzstan met on its margins"). A part is keyed apart
    only when it names two sides of its own and no side of the snippet's process (a mediator
    or host is no side)."""
    keys: list[Key | None] = [None] * len(found)
    if len(set(party_codes([m for t in told for m in t.named], non_parties))) < 3:
        return keys  # two sides or fewer in the whole snippet: one process
    for paragraph in _paragraphs(text, found):
        own = None
        if len(paragraph) < len(found):
            part = [told[i] for i in paragraph]
            own = _own_key(part, [found[i] for i in paragraph], parties, non_parties)
        for i in paragraph:
            keys[i] = own
        around = parties | (own[1] if own else frozenset())
        for i in paragraph:
            if len({m.code for m in told[i].named if m.kind in _BELLIGERENT_KINDS}) >= 2:
                alone = _own_key([told[i]], [found[i]], around, non_parties)
                keys[i] = alone or keys[i]
    return keys


# "09:45 — ", "13:15 GMT - ", "Update, 10:40:": a sentence opening a live blog's entry.
_ENTRY = re.compile(
    r"^\W*(?:update,?\s+)?\d{1,2}[:.]\d{2}\b(?:\s*(?:GMT|UTC|[ap]\.?m\.?|local time))?\s*[—–:-]",
    re.IGNORECASE,
)


def _parts(text: str, found: _Found) -> list[list[int]]:
    """The sentences of each part of a snippet: its paragraphs, and in a live blog each
    timestamped entry, which may share a line with the entries before it."""
    parts: list[list[int]] = []
    for paragraph in _paragraphs(text, found):
        parts.append([])
        for i in paragraph:
            if parts[-1] and _ENTRY.match(found[i][0].text):
                parts.append([])
            parts[-1].append(i)
    return parts


# "Philippines: Government troops and ...", "Malaysia–Indonesia: Boundary talks ended ...":
# a digest's section opens with the name of what it tells, then a colon.
_SECTION = re.compile(r"^[^\W\d][^\W\d]*(?:[ ’'.–—-]+[^\W\d]+){0,4}:\s", re.UNICODE)


def _round_up_items(
    text: str, found: _Found, told: Sequence[_Told], kinds: Sequence[str], non_parties: set[str]
) -> tuple[list[list[int]], set[str]]:
    """The parts of a round-up that tell another process, and the sides they name. A round-up
    is a live blog (timestamped entries) or a digest (sections opening with what they tell);
    a wire story's short paragraphs are no items. An item is a part (a paragraph, an entry)
    after the lead, the first part naming a side, that names two sides, none of which the rest
    of the body names ("13:15 — Cote d'Ivoire and the FFO will hold their next round in Dakar"
    in a blog of Liberia's talks); in a digest, a section whose label names one side the rest
    does not name is one too ("Philippines: ..."). A headline may name every process the
    snippet tells ("LIVE: Liberia talks resume; Ivorian round set for Dakar"); one naming no
    side of the rest names the lead's ("Live: Ecuador peace talks open")."""
    codes = [set(party_codes(t.named, non_parties)) for t in told]
    if len(set().union(*codes)) < 3:
        return [], set()  # two sides or fewer in the whole snippet: one process
    body = [i for i, kind in enumerate(kinds) if kind != "headline" and codes[i]]
    heading = set().union(*(codes[i] for i, kind in enumerate(kinds) if kind == "headline"))
    parts = [
        [i for i in part if kinds[i] != "headline"]
        for part in _parts(text, found)
        if any(i in body for i in part)
    ]
    labels = [_SECTION.match(found[part[0]][0].text) for part in parts]
    digest = sum(label is not None for label in labels) >= 2
    if not digest and sum(_ENTRY.match(s.text) is not None for s, _, _ in found) < 2:
        return [], set()  # no live blog's entries, no digest's sections: a story of its own
    # A section whose label names the side it tells ("Philippines: ...", not "Summit: ...").
    sections = [
        label is not None and any(m.end <= label.end() for m in told[part[0]].named)
        for part, label in zip(parts, labels, strict=True)
    ]
    items: list[list[int]] = []
    sides: set[str] = set()
    for part, section in zip(parts[1:], sections[1:], strict=True):
        own = set().union(*(codes[i] for i in part))
        if len(own) < (1 if digest and section else 2):
            continue
        rest = set().union(*(codes[i] for i in body if i not in part))
        if not heading & rest:
            rest |= heading  # a headline naming only its own story's side tells the lead's
        if rest and not own & rest:
            items.append(part)
            sides |= own
    return items, sides


def _without_items(found: _Found, items: set[int], sides: set[str]) -> _Found:
    """The sentences with the actors of the round-up's items left out, and the items' sides
    wherever a headline names them."""
    return [
        (s, [] if i in items else [m for m in a if m.code not in sides], p)
        for i, (s, a, p) in enumerate(found)
    ]


def _sides_of(
    told: Sequence[_Told], items: set[int], sides: set[str]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """The sides named inside the process, and all names, of the sentences that are no item,
    the items' sides left out."""
    rest = [t for i, t in enumerate(told) if i not in items]
    return (
        [m for t in rest for m in t.within if m.code not in sides],
        [m for t in rest for m in t.named if m.code not in sides],
    )


def _snippet_key(
    text: str,
    found: _Found,
    in_quote: Sequence[bool],
    within: list[ActorMention],
    named: list[ActorMention],
    non_parties: set[str],
    firm: set[str],
    pairs: list[Frame],
    outlets: set[str],
    with_sides: set[str],
) -> tuple[str, frozenset[str], set[str]]:
    """The snippet's process key and parties from the sides its sentences name, and the states
    read as mere speakers of the news (no sides)."""
    # The sides are read from the mentions inside the process; when every belligerent named
    # acts from outside ("Russia welcomed the exchange"), from all of them.
    keyed = within if party_codes(within, non_parties) else named
    # "..., Senegal's foreign ministry said": a state that only tells the news is no side.
    speaking = _speaking_thirds(text, found, in_quote, keyed, non_parties)
    if speaking:
        non_parties = non_parties | speaking
        keyed = within if party_codes(within, non_parties) else named
    government = _dateline_government(text, keyed, non_parties)
    if government is not None:
        keyed = [*keyed, government]
    process, parties = _process(keyed, non_parties, firm, pairs, found)
    if len(parties) == 1 and parties <= with_sides and len(outlets - parties - non_parties) == 1:
        # "Chilean state television said 40 soldiers came home after an exchange with Peru":
        # the side told "with" is the other side of the outlet's own state.
        pair = sorted(parties | (outlets - non_parties))
        own = match_conflict(pair)
        if own is not None and sides_named(own, pair) == 2:
            process, parties = own.key, own.principals
        else:
            process, parties = join_codes(pair), frozenset(pair)
    host = _country_hosting_a_group(text, found, keyed, parties, pairs)
    if host is not None:
        # "Government and ZPG negotiators ended three days of talks in Kazakhstan": the state
        # named as the venue hosts them; the group alone keys what left its other side unnamed.
        parties = parties - {host}
        process = join_codes(list(parties))
    if parties and _only_hosts(found, parties, pairs):
        # "The two sides met in the Cuban capital, Cuba said": the only state named is where
        # the talks are; it hosts them, and the sides are not named (unless "the rebels" are
        # the other side of a government talking at home).
        process, parties = UNASSIGNED, frozenset()
    return process, parties, speaking


# "SIERRA LEONE: Flash Update 3", "CHAD: Dorvik displacement": a bulletin's or wire's heading
# opened by a country in capitals and a colon, the story's state (a dateline's city is followed
# by a comma or a dash, never a colon; "LIVE:" or "ANALYSIS:" name no state).
_CAPITALS_LABEL = re.compile(r"\W*((?-i:[A-Z][A-Z’'.-]+)(?: (?-i:[A-Z][A-Z’'.-]+)){0,3}):")
_LABEL_SMALL_WORDS = frozenset({"Of", "The", "And"})


def _label_state(text: str) -> ActorMention | None:
    """The state a heading's capitals label names, as if written in its own case."""
    label = _CAPITALS_LABEL.match(text)
    if label is None:
        return None
    words = [w.capitalize() for w in label.group(1).split(" ")]
    cased = " ".join(w.lower() if w in _LABEL_SMALL_WORDS else w for w in words)
    actors, _ = find_mentions(cased)
    if len(actors) != 1 or actors[0].kind != "state" or actors[0].mention != cased:
        return None
    return replace(actors[0], start=label.start(1), end=label.end(1), mention=label.group(1))


def _mentions(text: str) -> tuple[list[ActorMention], list[PlaceMention]]:
    """The lexicon's actors and places of a sentence, and the mediating bodies it names that no
    lexicon lists ("the Lausanne Dialogue Foundation, which facilitates the talks"); a country
    heading the sentence in capitals ("SUDAN: ...", `_label_state`)."""
    actors, places = find_mentions(text)
    if text[:1].isupper() and text[1:2].isupper():
        state = _label_state(text)
        if state is not None:
            actors = [state, *actors]
    bodies = mediating_bodies(text, actors)
    if bodies:
        actors = sorted([*actors, *bodies], key=lambda a: a.start)
    return actors, places


def _bodies_named_alike(found: _Found) -> _Found:
    """A body no lexicon lists, named in full once and shorter later, is one organisation, by
    its full name (a lexicon's "United Nations" is never its "United Nations Development
    Programme")."""
    bodies = [
        a
        for _, actors, _ in found
        for a in actors
        if a.kind == "organisation" and not is_actor_form(a.mention)
    ]
    full = one_name_per_body(bodies) if len(bodies) > 1 else {}
    if not full:
        return found
    return [
        (
            s,
            [
                replace(a, name=full[a.name]) if a in bodies and a.name in full else a
                for a in actors
            ],
            places,
        )
        for s, actors, places in found
    ]


def extract_events(snippet: Snippet) -> list[Event]:
    """All events of a snippet, one per (sentence, type), sharing the snippet's process key."""
    text = snippet.text
    sentences = split_sentences(text)
    in_quote = quote_states(text, sentences)
    found, aliases = _with_groups(
        resolve_shared_names(_bodies_named_alike([(s, *_mentions(s.text)) for s in sentences]))
    )
    opening = dateline_span(text)
    if opening and found and found[0][0].start == 0:
        # "BLED, Slovenia, April 23 —": the country of the dateline's town is no actor; a group
        # a heading names before its dash ("STATEMENT OF THE UPLAND ARMY —") speaks.
        first, actors, places = found[0]
        found[0] = (
            first,
            [m for m in actors if m.start >= opening or m.kind == "armed_group"],
            places,
        )
    year = snippet.published_at.year if snippet.published_at else None
    named: list[ActorMention] = []
    within: list[ActorMention] = []
    non_parties: set[str] = set()
    firm: set[str] = set()
    pairs: list[Frame] = []
    outlets: set[str] = set()  # states whose news outlets tell the snippet
    with_sides: set[str] = set()  # sides named as "an exchange with X"
    told: list[_Told] = []  # what each sentence names, for the keys of its paragraph
    framed_of: list[list[Frame]] = []  # the pairs each sentence frames
    for (s, a, _), quoted in zip(found, in_quote, strict=True):
        # A news outlet's name ("French broadcaster France 2") reports; it is no party.
        not_media = [m for m in a if not media_cue(s.text, m)]
        if len(not_media) < len(a):
            outlets |= {m.code for m in a if m.kind == "state" and m not in not_media}
            with_sides |= {m.code for m in not_media if named_after_with(s.text, m)}
        named += not_media
        # A state that sanctions, arms, aids or comments acts from outside the process, and a
        # sentence that turns to other news names the sides of another.
        off_topic = other_topic(s.text)
        sides_within: list[ActorMention] = []
        if not off_topic and not told_as_history(s.text, year):
            outside = outsiders(s.text, not_media)
            sides_within = [m for m in not_media if m.start not in outside]
            within += sides_within
        cued, firmly = _non_parties(s.text, a)
        non_parties |= cued
        firm |= firmly
        framed = framed_pairs(s.text, not_media, year, off_topic)
        pairs += framed
        framed_of.append(framed)
        non_parties |= _announcers(s.text, quoted, not_media)
        # "Meanwhile, Chile and Peru met in Lima": a pair told as other news frames its own.
        own_pairs = framed_pairs(s.text, not_media, year, False) if off_topic else framed
        told.append(_Told(sides_within, not_media, firmly, own_pairs, off_topic, quoted))
    kinds = furniture(text, sentences)
    process, parties, speaking = _snippet_key(
        text, found, in_quote, within, named, non_parties, firm, pairs, outlets, with_sides
    )
    items, item_sides = _round_up_items(text, found, told, kinds, non_parties | speaking)
    in_items = {i for part in items for i in part}
    if items:
        # "13:15 — Cote d'Ivoire and the FFO will hold their next round in Dakar": an item of a
        # round-up tells another pair; the snippet's process is what the rest of it tells.
        own = _snippet_key(
            text,
            _without_items(found, in_items, item_sides),
            in_quote,
            *_sides_of(told, in_items, item_sides),
            non_parties,
            firm,
            [p for i in range(len(told)) if i not in in_items for p in framed_of[i]],
            outlets,
            with_sides,
        )
        if own[1]:
            process, parties, speaking = own
        else:
            items = []
    non_parties |= speaking
    # Countries the snippet names decide which of several same-named towns is meant.
    countries = {m.country for _, a, _ in found for m in a if m.country}
    countries |= {m.country for _, _, p in found for m in p if m.country}
    reading = _Reading(snippet, process, parties, countries, aliases)
    segments = _segment_keys(text, found, told, parties, non_parties)
    for part in items:
        # An item tells another process: where no pair of its own keys it apart, none.
        for i in part:
            segments[i] = segments[i] or (UNASSIGNED, frozenset())
    # With the learned typer on, a sentence is typed in its snippet's context (all rule labels
    # first); with the rules alone, in the loop, where its gate scan serves the other readers.
    typed: list[list[Label]] | list[None] = (
        [None] * len(found)
        if typer.current_mode() == "rules"
        else classify_sentences([s.text for s, _, _ in found], in_quote)
    )
    # A body speaks somewhere in the snippet: its first-person sentences are its text.
    speaks = typer.current_mode() == "rules" and any(
        find_speech(s.text, q) for (s, _, _), q in zip(found, in_quote, strict=True)
    )
    # The labels of the two sentences before: a referent may stand two sentences back when the
    # sentence between reports no event ("Drones hit the depot. Crews fought the fire. The
    # incident prompted ...").
    previous: list[Label] = []
    before: list[Label] = []
    frames: list[tuple[_Frame, list[Label]] | None] = []
    for (sentence, actors, places), inside, context_labels, kind in zip(
        found, in_quote, typed, kinds, strict=True
    ):
        if kind == "credit":
            frames.append(None)
            continue  # "Photo: X / Telegram" is no news, and its speaker is no speaker
        people, previous_person = reading.people_of(sentence, actors)
        if context_labels is not None:
            labels = context_labels
        else:
            labels = classify_sentence(sentence.text, inside)
            labels = labels + referring_back(sentence.text, previous or before, labels)
            body_text = own_text(sentence.text, inside, labels) if speaks else None
            if body_text is not None:
                labels = [*labels, body_text]
        previous, before = labels, previous
        if not labels:
            frames.append(None)
            continue
        frames.append(
            (
                reading.frame(
                    sentence,
                    people,
                    places,
                    previous_person,
                    inside,
                    kind,
                    counts=any(label.type == "casualty_report" for label in labels),
                ),
                labels,
            )
        )
    _quoted_claimants(frames, in_quote)
    _sources_told_after(frames, [s.text for s, _, _ in found], reading)
    _issued_figures(frames, [s.text for s, _, _ in found])
    _claims_through_a_body(frames)
    # Only the events read the process key (a frame does not): a sentence keyed apart
    # (`_segment_keys`) switches it here.
    events: list[Event] = []
    for row, segment in zip(frames, segments, strict=True):
        if row is not None:
            frame, labels = row
            reading.key_to(segment or (process, parties))
            for label in labels:
                events += reading.events_of(frame, label)
    return events


def _quoted_claimants(
    frames: list[tuple["_Frame", list[Label]] | None], in_quote: list[bool]
) -> None:
    """ "“We have recovered 30 bodies. Another 12 are missing,” the governor said.": a figure
    quoted before its speaker is named is the claim of who speaks at the quotation's end."""
    for i, row in enumerate(frames):
        if row is None or row[0].claimant is not None:
            continue
        if i + 1 >= len(frames) or not in_quote[i + 1]:
            continue  # the quotation, if any, ends in this sentence
        last = i + 1
        while last + 1 < len(frames) and in_quote[last + 1]:
            last += 1
        closer = frames[last]
        if closer is not None and closer[0].claimant is not None:
            row[0].claimant = closer[0].claimant


def _sources_told_after(
    frames: list[tuple["_Frame", list[Label]] | None], texts: list[str], reading: "_Reading"
) -> None:
    """ "The toll has risen to 23. The figure was given by the regional health office.": figures
    no one gives are those of the source the next sentence names for them."""
    for i, row in enumerate(frames[:-1]):
        if row is None or row[0].claimant is not None:
            continue
        if not any(label.type == "casualty_report" for label in row[1]):
            continue
        source = find_figure_source(texts[i + 1])
        if source:
            named = whole_claimant(source, texts[i + 1], None, reading.surnames, reading.bodies)
            row[0].claimant = claimant_of(named)


# "PRESS RELEASE — ", "STATEMENT: ", "Communiqué of the Army": a snippet that opens as a
# body's own document.
_RELEASE_HEADING = re.compile(
    r"^\s*(?:joint\s+|final\s+|official\s+)?(?:"
    + alternation(load("speech")["heading_nouns"])
    + r")(?:\s*[—–:-]|(?:\s+(?:no\.?\s*|number\s+)?[\d/]+)?\s+(?:of|by|from)\s+(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
# "Tien Shan Conflict Observatory: Weekly Report 4", "Lanzo Rights Network: monthly update": a
# body's name, then a document of its own.
_BODY_DOCUMENT = re.compile(
    r"^\s*(?P<body>[A-Z][\w'’.-]*(?:\s+(?:of|for|and|on|the)?\s*[A-Z][\w'’.-]*){0,6})\s*:\s+"
    r"(?=.*?\b(?:" + alternation(load("speech")["issued_document_nouns"]) + r")\b)",
    re.IGNORECASE,
)
# What `_BODY_DOCUMENT` needs first: a colon before any character a body's name cannot hold.
# Most snippets have none, and the full regex tries many splits of the opening words.
_COLON_AFTER_NAME = re.compile(r"[\w'’.\s-]*+:")


def _issuer(frames: list[tuple["_Frame", list[Label]] | None], texts: list[str]) -> str | None:
    """Who issues a snippet that opens as a body's own document: the one who speaks in its
    heading or the sentence after it ("Press release: Sixty servicemen return home. The
    Ministry of Defence announces ..."), or the body a report's heading names before its colon
    (a body by the head noun of its kind: "... Observatory: Weekly Report 4")."""
    if _RELEASE_HEADING.match(texts[0]):
        return next(
            (
                row[0].claimant
                for row in frames[:2]
                if row is not None and row[0].claimant not in (None, UNATTRIBUTED)
            ),
            None,
        )
    if ":" not in texts[0]:
        return None  # most snippets: no heading of that kind
    document = _COLON_AFTER_NAME.match(texts[0]) and _BODY_DOCUMENT.match(texts[0])
    if document is None:
        return None
    body = document.group("body")
    return body if body.rsplit(None, 1)[-1].casefold() in HEAD_WORDS else None


def _issued_figures(frames: list[tuple["_Frame", list[Label]] | None], texts: list[str]) -> None:
    """ "PRESS RELEASE — The Ministry of X is pleased to announce ... Two of the returned
    captives were wounded.": a snippet that opens as a body's own release or report is that
    body's text, so a figure no one else gives in it is the issuer's."""
    issuer = _issuer(frames, texts) if frames else None
    if issuer is None:
        return
    for row in frames:
        if row is not None and row[0].claimant is None:
            row[0].claimant = issuer


def _claims_through_a_body(frames: list[tuple["_Frame", list[Label]] | None]) -> None:
    """ "Iran said 610 were killed. ... health ministry spokesman X said": a state that claims a
    figure does so through the one body of it that speaks in the snippet, named by its kind."""
    rows = [row[0] for row in frames if row is not None]
    bodies = [
        body
        for f in rows
        if f.speaker_span is not None
        and (body := unowned_body(f.sentence.text[f.speaker_span.start : f.speaker_span.stop]))
    ]
    if not bodies:
        return
    claims = [f.claimant for f in rows if f.claimant and f.claimant == f.speaker]
    body = state_through_body(claims, bodies)
    if body is None:
        return
    for f in rows:
        if f.claimant and f.claimant == f.speaker and f.claimant.casefold() in state_names():
            f.claimant = body


# "The Observatory's count ...", "The ministry ...": a body a sentence opens with by its head.
_OPENING_BODY = re.compile(r"\s*[Tt]he\s+(?P<head>\w+)(?:['\u2019]s)?\s")

# A speaker named by one capitalised word the gazetteer does not know: a surname ("Campos").
_SURNAME = re.compile(r"[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?")
_NOT_SURNAMES = frozenset(
    word.casefold()
    for key in ("speaker_nouns", "body_heads", "institution_words")
    for word in load("casualties")[key]
) | frozenset(n for nouns in load("casualties")["kind_nouns"].values() for n in nouns)


def _a_surname(words: str | None) -> bool:
    """Whether a speaker's words are one capitalised word that names a person: "Campos", not
    "Officials", "Rebels" or "Police"."""
    return (
        words is not None
        and _SURNAME.fullmatch(words) is not None
        and words.casefold() not in _NOT_SURNAMES
    )


@dataclass
class _Frame:
    """What every event of one sentence shares: its people, speaker, date, places and venues."""

    sentence: Sentence
    kind: Any
    # Built once per sentence: every event of the sentence holds the same (frozen) reference.
    ref: SentenceRef
    people: list[ActorMention]
    speaker_span: range | None
    speaker: str | None
    claimant: str | None
    date: EventDate | None
    all_places: list[PlaceMention]
    places: tuple[Place, ...]
    venues: list[str]
    # Claimants named by clauses after a semicolon, by where each clause starts.
    clause_claimants: tuple[tuple[int, str | None], ...] = ()


@dataclass
class _Reading:
    """A snippet read sentence by sentence, with what earlier sentences tell later ones: the
    last person named, the surnames and bodies named, the venue of talks already placed."""

    snippet: Snippet
    process: str
    parties: Any
    countries: set[str]
    # The aliases the snippet states ("LFM=GML", `_with_groups`): every event carries them, so
    # that the view shows the processes of the two names as one (`counterparts.joins`).
    aliases: tuple[str, ...] = ()
    last_person: ActorMention | None = None
    # People named with a rank so far ("Major General Gatwech Ater"), each with the words
    # before its name as its title: whom "the general" is.
    ranked: list[ActorMention] = field(default_factory=list)
    last_date: EventDate | None = None  # the date of the last sentence read that had one
    # "Talks in Abu Dhabi ended on Thursday. ... the talks were productive": a meeting the
    # snippet already placed keeps its venue in the sentences that follow.
    held_venue: str | None = None
    # Places of talks named so far, of any tense: "talks in Jeddah" then "talks in Saudi
    # Arabia" names the city's country, and the city is the venue.
    talks_places: tuple[str, ...] = ()
    # The two above for each other process a round-up tells (`_segment_keys`), kept apart.
    carried: dict[str, tuple[str | None, tuple[str, ...]]] = field(default_factory=dict)
    surnames: dict[str, ActorMention] = field(default_factory=dict)
    # Bodies named so far ("the Health Ministry", "the Red Cross"), for "the ministry said":
    # (name, its actor kind, or the noun of its kind an apposition gave: "network").
    bodies: list[tuple[str, str]] = field(default_factory=list)
    # The side the sentence before named as suffering losses, and the one this sentence names.
    losses_before: str | None = None
    losses_here: str | None = None
    actors: dict[tuple[str | None, ...], Actor] = field(default_factory=dict)
    # How many bodies were named before the sentence read now ("It said ..." refers to one).
    bodies_before: int = 0

    @cached_property
    def dateline_text(self) -> str:
        """The text from the snippet's dateline on: a headline may stand before it ("Rebels
        agree truce in Panama\n\nPANAMA CITY, Dec 2 — ..."), as the country's reading allows
        (`_body_dateline_country`)."""
        return _from_dateline(self.snippet.text)

    def people_of(
        self, sentence: Sentence, actors: list[ActorMention]
    ) -> tuple[list[ActorMention], ActorMention | None]:
        """The people and bodies of a sentence, remembered for the sentences after it; and
        the person named last before it."""
        self.bodies_before = len(self.bodies)
        self.bodies.extend((a.name, a.kind) for a in actors if a.kind in BODY_KINDS)
        self.bodies.extend((body, "organisation") for body in find_bodies(sentence.text))
        # "X, a network of volunteers": kept with the noun of its kind, for "the network".
        self.bodies.extend(find_described_bodies(sentence.text))
        attributed = find_attribution(sentence.text)
        if attributed:
            self.bodies.append((attributed, "organisation"))
        # Titled people ("Bordurian President Ana Vell") describe the event, but only
        # gazetteer actors decide the process key: an unknown name is no evidence of a side.
        titled = find_titled_people(sentence.text, actors)
        titled += apposed_people(sentence.text, actors, titled)
        people = with_people(actors, titled)
        people = by_surname(sentence.text, people, self.surnames)
        people = [
            replace(p, country=code)
            if p.kind == "person"
            and p.country is None
            and (code := state_spoken_for(sentence.text, p, self.bodies))
            else p
            for p in people
        ]
        for person in people:
            if person.kind == "person" and " " in person.name:
                self.surnames.setdefault(person.name.rsplit(" ", 1)[1], person)
        self.losses_before, self.losses_here = self.losses_here, losses_of(sentence.text, actors)
        previous_person = self.last_person
        named = next((a for a in reversed(people) if a.kind == "person"), None)
        if named is None and (subject := subject_person(sentence.text, actors)) is not None:
            # an untitled person opening the sentence: only "she said" and the surname after
            # refer to them (they join no actor list)
            self.surnames.setdefault(subject.name.rsplit(" ", 1)[1], subject)
            named = subject
        self.last_person = named or self.last_person
        self.ranked.extend(
            # "Major General X" is titled "Major": the rank is read from the words before
            replace(p, title=sentence.text[max(0, p.start - 40) : p.start])
            for p in people
            if p.kind == "person" and p.title
        )
        return people, previous_person

    def apposed_surname(
        self, text: str, span: range, words: str | None, people: Sequence[ActorMention]
    ) -> ActorMention | None:
        """The person a surname opening the sentence names, apposed to a speaker who is a
        lower-case title ("Tsertsvadze, the public defender, now puts ..."): the person named
        in full before by that surname, or the surname itself."""
        before = _SURNAME_APPOSED.fullmatch(text, 0, span.start)
        if before is None or not _LOWER_TITLE.fullmatch(words or ""):
            return None
        word = before.group(1)
        if not _a_surname(word) or any(a.start == before.start(1) for a in people):
            return None
        known = self.surnames.get(word)
        return (
            replace(known, start=before.start(1), end=before.end(1), mention=word, title=None)
            if known
            else ActorMention(
                start=before.start(1),
                end=before.end(1),
                mention=word,
                name=word,
                code="",
                country=None,
                kind="person",
            )
        )

    def ranked_as(self, words: str | None, previous: ActorMention | None) -> ActorMention | None:
        """Who "the colonel" or "the general" is: the person named last before with that rank,
        else the person named last before when the snippet gave them no title ("Vongsavath
        said ... The colonel later added")."""
        rank = _THE_RANK.fullmatch(words or "")
        if rank is None:
            return None
        word = rank.group(1).casefold()
        titled = next(
            (p for p in reversed(self.ranked) if word in (p.title or "").casefold().split()),
            None,
        )
        return titled or (previous if previous is not None and previous.title is None else None)

    def date_of(self, text: str) -> EventDate | None:
        """The sentence's date, or the day it refers to by "the same day" (`day_referred_to`)
        of the last sentence read that named a day already past: "spoke on Thursday ... agreed
        to meet on March 22 ... On the same day, the minister held talks" is Thursday."""
        published = self.snippet.published_at
        opening = (
            day_referred_to(text, self.last_date) if opens_with_day_referred_to(text) else None
        )
        found = opening or resolve_date(text, published) or day_referred_to(text, self.last_date)
        if found is not None and (published is None or found.end <= published.date()):
            self.last_date = found
        return found

    def _named_before(
        self, text: str, span: range | None, people: list[ActorMention]
    ) -> list[tuple[str, str]]:
        """The bodies "it" may refer to: those named before the sentence and, in it, before the
        pronoun ("It said Ruritania's jets had killed 19": not Ruritania), the body a sentence
        opens with last ("The Observatory's count passed 2,010, and it says ...")."""
        at = span.start if span is not None else len(text)
        before = self.bodies[: self.bodies_before]
        here = [(a.name, a.kind) for a in people if a.kind in BODY_KINDS and a.end <= at]
        opening = _OPENING_BODY.match(text, 0, at)
        if opening and opening.group("head").casefold() in HEAD_WORDS:
            named = whole_claimant(f"the {opening.group('head')}", text, None, {}, before)
            if named:
                here.append((named, "organisation"))
        return [*before, *here]

    def frame(
        self,
        sentence: Sentence,
        people: list[ActorMention],
        places: list[PlaceMention],
        previous_person: ActorMention | None,
        inside: bool,
        kind: Any,
        counts: bool = False,
    ) -> _Frame:
        speaker_span, speaker_words = _speaker_span(sentence, inside)
        speaker_actor = resolve_speaker(speaker_words, speaker_span, people, previous_person)
        speaker_actor = apposed_person(sentence.text, speaker_span, speaker_actor, people)
        if speaker_actor is None:
            # "The general later said": the person of that rank named before
            speaker_actor = self.ranked_as(speaker_words, previous_person)
        if speaker_actor is None and speaker_span is not None:
            # "Tsertsvadze, the public defender, now puts ...": a surname apposed before
            speaker_actor = self.apposed_surname(sentence.text, speaker_span, speaker_words, people)
        speaker = speaker_actor.name if speaker_actor else speaker_words
        if speaker_actor is None and speaker_span is not None and _a_surname(speaker_words):
            # "Campos denied the charge. She said ...": a person the snippet names only by a
            # surname (named in full in an earlier report) is who "she" is next.
            self.last_person = ActorMention(
                start=speaker_span.start,
                end=speaker_span.stop,
                mention=speaker_words or "",
                name=speaker_words or "",
                code="",
                country=None,
                kind="person",
            )
        if speaker_actor is not None and speaker_span is not None and speaker_actor not in people:
            # "he said": the person named earlier is mentioned here by the pronoun.
            pronoun = replace(
                speaker_actor,
                start=speaker_span.start,
                end=speaker_span.stop,
                mention=speaker_words or "",
                title=None,
            )
            people = sorted([*people, pronoun], key=lambda a: a.start)
        taken = [(m.start, m.end) for m in people] + [(m.start, m.end) for m in places]
        towns = find_towns(sentence.text, taken, self.countries)
        # Places no list holds, told as places by their words ("at the Kushna crossing").
        local = find_localities(sentence.text, [*taken, *((m.start, m.end) for m in towns)])
        all_places = sorted((*places, *towns, *local), key=lambda m: m.start)
        # Asked once per place: both the place order and the venues read it.
        venue_like = [in_venue_context(sentence.text, m) for m in all_places]
        cited = find_cited(sentence.text)
        claimant = (
            (cited and whole_claimant(cited, sentence.text, None, self.surnames, self.bodies))
            or whole_claimant(
                claimant_words(
                    speaker, speaker_words, speaker_actor, _named_in(people, places, speaker_span)
                ),
                sentence.text,
                previous_person,
                self.surnames,
                self._named_before(sentence.text, speaker_span, people)
                if speaker_words and speaker_words.casefold() == "it"
                else self.bodies,
            )
            or whole_claimant(
                # "according to the local health bureau", "the toll was put at 52 by X": the body
                # that gives the figures when no one speaks, resolved as a speaker is.
                find_attribution(sentence.text),
                sentence.text,
                None,
                self.surnames,
                self.bodies,
            )
        )
        claimant = claimant_of(claimant)
        if (
            claimant
            and claimant != UNATTRIBUTED
            and speaker_words
            and _NAMED_SPEAKING_BODY.match(speaker_words)
        ):
            # "The Plateau Rights Watchers now say ... The network says": a body that spoke
            # under its name, which "the network" refers back to.
            self.bodies.append((claimant, "organisation"))
        clauses = (
            _clause_claimants(sentence.text, self.surnames, self.bodies)
            # a clause after a comma and a conjunction only where a figure is counted
            if ";" in sentence.text or (counts and _CLAUSE_OPENS.search(sentence.text))
            else ()
        )
        return _Frame(
            sentence=sentence,
            kind=kind,
            ref=SentenceRef(
                index=sentence.index,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                kind=kind,  # narrowed: credit lines were skipped by the caller
            ),
            people=people,
            speaker_span=speaker_span,
            speaker=speaker,
            claimant=claimant,
            date=self.date_of(sentence.text),
            all_places=all_places,
            places=_places(all_places, venue_like),
            # "fighting raged in Khartoum ... talks in Jeddah": the place the talks are said to
            # be in is their venue before any other place after "in".
            venues=_ranked_venues(sentence.text, all_places, venue_like),
            clause_claimants=clauses,
        )

    def key_to(self, key: Key) -> None:
        """Read on as of the process `key`: the venue and places of talks carried so far are
        those of its own sentences ("Elsewhere, Chile and Peru met in Lima" places no talks of
        the snippet's process)."""
        if key[0] == self.process:
            return
        self.carried[self.process] = (self.held_venue, self.talks_places)
        self.process, self.parties = key
        self.held_venue, self.talks_places = self.carried.get(key[0], (None, ()))

    def events_of(self, frame: _Frame, label: Label) -> list[Event]:
        """The event of one label of a sentence, and the further rounds a list of rounds tells."""
        snippet, sentence = self.snippet, frame.sentence
        extra: dict[str, object] = {}
        places = frame.places
        if label.type == "talks":
            when = meeting_date(sentence.text, frame.date, snippet.published_at)
            held = label.modality in ("actual", "historical") and not ahead(
                when, snippet.published_at
            )
            venues = frame.venues or dateline_capital(self.dateline_text, sentence.text)
            if held and venues:
                # "Lima talks end; next round set for Quito": the plan's place is no venue here.
                venues = held_venues(sentence.text, frame.all_places, venues)
            dateline = dateline_town(self.dateline_text, self.countries)
            if held and not venues and self.held_venue is None:
                venues = dateline_venue(dateline, self.process.split("--"))
            if held and not venues and NEXT_MEETING.search(sentence.text):
                # "I hope it will be signed at the next round": no place of the meeting held
                # is the next one's.
                venue = None
            elif held and not frame.venues and REMOTE_MEETING.search(sentence.text):
                # "The committee met by video link on Thursday": no place, none carried.
                venue = None
            elif timeline_entry(sentence.text):
                # "11 February — the committee meets": an entry of a list of key dates names its
                # own place or none; it neither takes nor passes on the place of another entry.
                venue = choose_venue(held, frame.venues, None, self.talks_places)[0]
            else:
                venue, self.held_venue = choose_venue(
                    held, venues, self.held_venue, self.talks_places, dateline
                )
            if dateline and venue == dateline[0] and all(p.name != venue for p in places):
                # The dateline's town is a place of the report: the fold reads its country.
                places = (*places, Place(name=venue, country=dateline[1]))
            self.talks_places = (*self.talks_places, *frame.venues)
            extra = {
                "format": label.detail,
                "venue": venue,
                "date": when,
            }
        if label.type == "casualty_report" and self.losses_before:
            extra = {"losses_of": self.losses_before}
        extra.setdefault("date", frame.date)
        make: Any = EVENT_CLASSES[label.type]
        event: Event = make(
            id=event_id(snippet.id, sentence.start, label.type),
            snippet_id=snippet.id,
            process=self.process,
            aliases=self.aliases,
            source=snippet.source,
            url=snippet.url,
            published_at=snippet.published_at,
            subtype=label.subtype,
            modality=label.modality,
            confidence=label.confidence,
            cameo=label.cameo,
            plover=label.plover,
            sentence=frame.ref,
            actors=_actors(
                sentence, frame.people, label, self.parties, frame.speaker_span, self.actors
            ),
            places=places,
            quantities=_quantities(sentence, label.type, frame.claimant, frame.clause_claimants),
            quote=_quote(sentence, frame.speaker) if label.type == "statement" else None,
            **extra,
        )
        if label.type != "talks" or label.modality not in ("actual", "planned"):
            return [event]
        # "met in Brasilia on Thursday and agreed to meet again in Lima on April 20" (read as
        # actual or, for its plan's words, as planned): the next meeting, in a clause of its
        # own, is a plan reported beside the meeting held.
        plan = (
            None
            if ahead(event.date, snippet.published_at)
            else next_plan(sentence, frame.all_places, snippet, event.date)
        )
        plans = (
            []
            if plan is None
            else [
                event.model_copy(
                    update={
                        "id": event_id(snippet.id, sentence.start + plan[0], label.type),
                        "modality": "planned",
                        "date": plan[1],
                        "venue": plan[2],
                    }
                )
            ]
        )
        if label.modality != "actual":
            return [event, *plans]
        # "The first round was held on March 1 in Porto; the second on March 8 in Lisbon": each
        # further numbered round of the list is a report of its own.
        return [event, *plans] + [
            event.model_copy(
                # A clause naming no place it can resolve keeps the held venue, as a talks
                # sentence without a place does (choose_venue).
                update={
                    "id": event_id(snippet.id, start, label.type),
                    "date": when,
                    "venue": at or extra["venue"],
                }
            )
            for start, when, at in enumerated_rounds(sentence, frame.all_places, snippet)
        ]
