"""Parties and mediators of a process, from the roles the reading gave the actors."""

import re
from functools import cache

from schemas.events import SIDE_KINDS, Actor, Event
from schemas.state import (
    Evidence,
    NegotiationState,
    Participant,
    Round,
)
from streams.core.acronyms import stands_for
from streams.core.fold.citations import earliest
from streams.core.lexicon import (
    alternation,
    compile_words,
    load,
    place_kinds,
    state_names_by_code,
)
from streams.core.roles import role_near

PARTICIPANT_EVIDENCE_LIMIT = 2


def _precedence(role: str) -> int:
    order: list[str] = load("roles")["precedence"]
    return order.index(role) if role in order else -1


def _cued_role(actor: Actor, text: str) -> str | None:
    """Facilitator, guarantor or observer, when the sentence says so near the actor's name."""
    if actor.kind not in ("state", "organisation", "person") or not actor.mention:
        return None
    at = text.find(actor.mention)
    if at < 0:
        return None
    return role_near(text, at, at + len(actor.mention))


@cache
def _nationals() -> re.Pattern[str]:
    return re.compile(r"\s+" + alternation(load("roles")["nationals"]) + r"\b", re.IGNORECASE)


def _names_a_person(actor: Actor, text: str) -> bool:
    """A state's name that only tells a person's nationality or past office: "the Brazilian
    diplomat X", "the Dutch hostage", "former Namibian foreign minister X". The state itself
    takes no role there."""
    if actor.kind != "state" or not actor.mention:
        return False
    at = text.find(actor.mention)
    if at < 0:
        return False
    if re.search(rf"\b{_FORMER}\s*$", text[max(0, at - 12) : at]):
        return True
    return _nationals().match(text, at + len(actor.mention)) is not None


def _roles(actor: Actor, text: str = "") -> tuple[str, str] | None:
    """(name, role) this actor gives the process, if any."""
    if actor.kind == "person":
        return _person_role(actor, text)
    if actor.role in ("mediator", "host", "mentioned", "speaker") and _names_a_person(actor, text):
        return None
    if actor.role in ("party", "mediator", "host", "mentioned", "speaker"):
        cued = _cued_role(actor, text)
        if cued is not None:
            return (actor.name, cued)
    if actor.role in ("party", "mediator", "host"):
        return (actor.name, actor.role)
    # A speaker is not made a party for being in the process key: the key is a guess, and
    # states that only comment (welcome, reject, accuse) would become sides.
    return None


def _person_role(actor: Actor, text: str) -> tuple[str, str] | None:
    """A person speaks or acts for a side and is not one. A person who mediates (or is cued
    a facilitator, guarantor or observer: "X, who will act as guarantor") gives that role to
    their state, or, of no known state (or a former officer of one: "chaired by former Botswana
    foreign minister X"), is listed by name ("mediated by former president X")."""
    role = "mediator" if actor.role == "mediator" else None
    if actor.role in ("mentioned", "speaker", "mediator"):
        role = _cued_role(actor, text) if role is None else role
    if role is None:
        return None
    # Listed under their state, or not at all; only a person of no known country is listed by
    # name (that listing never carries a country).
    if actor.country and not _former(actor, text):
        state = state_names_by_code().get(actor.country)
        return (state, role) if state else None
    return (actor.name, role)


# "former Botswana foreign minister X", "X, a former Liberian president": the person holds no
# office of that state now, and acts for no state in the process.
_FORMER = r"(?:former|ex-|retired|onetime|one-time)"


def _former(actor: Actor, text: str) -> bool:
    if not actor.mention:
        return False
    person = re.escape(actor.mention)
    before = rf"\b{_FORMER}\s*(?:[\w’'-]+\s+){{0,3}}{person}"
    after = rf"{person},\s+(?:a|the)\s+{_FORMER}\b"
    return re.search(before, text) is not None or re.search(after, text) is not None


# An office a person holds for a body or a state ("the SADC Facilitator", "Special Envoy of the
# President of X", "the Foreign Minister of X"), and the words an apposition may put between it
# and the name ("the Brazilian diplomat", "Dr", "Mr.", "Ambassador").
_OFFICE = (
    r"(?i:(?:[\w-]+\s+){0,2}?(?:envoy|facilitator|mediator|representative"
    r"|chair(?:man|person|woman)?|co-?chair|negotiator|delegate|commissioner|minister|secretary"
    r"|ambassador|official|officer)s?)"
)
_APPOSED = (
    r"(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.’'-]*|diplomat|lawyer|politician|former|retired|"
    r"veteran)\s+){0,4}?"
)


_OFFICE_TITLE = re.compile(
    r"(?:(?:special|personal|high|chief|peace|lead)\s+)*(?:envoy|facilitator|mediator|"
    r"representative|ambassador|negotiator|minister|foreign minister|secretary)s?",
    re.IGNORECASE,
)


def _holds_an_office(actor: Actor) -> bool:
    """A person titled only by an office held for someone ("mediator X", "the Facilitator,
    Ambassador X", "High Representative X"): the office is a body's or a state's, and a person
    listed by name would be a second name of it. A person who mediates in their own right
    ("former president X", "Archbishop X") holds none."""
    return actor.title is not None and _OFFICE_TITLE.fullmatch(actor.title) is not None


def _served(actor: Actor, event: Event) -> str | None:
    """The body, or for a person of no known state the state, whose office the sentence gives a
    person: "the UN envoy Marta Lind", "Marta Lind, the UN envoy", "the SADC Facilitator, Dr
    Nomsa Reddel", "The OAS Special Envoy, the Brazilian diplomat Ines Faro" (a body's office
    before the person's nationality), "Ambassador Ruben Castel, Special Envoy of the President of
    Uruguay", "the Foreign Minister of Iraq, Mr. Karim Tamimi". The person acts for it."""
    if actor.kind != "person" or not actor.mention:
        return None
    text = event.sentence.text
    person = re.escape(actor.mention)
    stateless = not actor.country or _former(actor, text)
    for other in event.actors:
        if not other.mention or other.kind not in ("organisation", "state"):
            continue
        if other.kind == "state" and (not stateless or _names_a_person(other, text)):
            continue  # "former Botswana foreign minister X" holds no office of Botswana now
        name = re.escape(other.mention)
        titled = rf"{name}(?:['’]s)?\s+{_OFFICE}"
        of_office = (
            rf"{_OFFICE}\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+){{1,2}}of\s+(?:the\s+)?)?{name}"
        )
        forms = (
            rf"{titled},?\s+{_APPOSED}{person}",
            rf"{person},\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,2}}?{titled}\b",
            rf"{person},\s+(?:the\s+)?{of_office}",
            rf"{of_office},\s+{_APPOSED}{person}",
        )
        if any(re.search(form, text) for form in forms):
            return other.name
    return _owner_of_its_office(actor, event)


def _owner_of_its_office(actor: Actor, event: Event) -> str | None:
    """ "ECOWAS said the talks would be mediated by its special envoy, X", "Kazakhstan mediates
    through its envoy, X": the body or state named last before "its" holds the office."""
    text = event.sentence.text
    found = re.search(rf"\bits\s+{_OFFICE},?\s+{_APPOSED}{re.escape(actor.mention or '')}", text)
    if found is None or not actor.mention:
        return None
    owners = [
        (at, other.name)
        for other in event.actors
        if other.kind in ("organisation", "state") and other.mention
        for at in [text.rfind(other.mention, 0, found.start())]
        if at >= 0
    ]
    return max(owners)[1] if owners else None


@cache
def _side_codes() -> dict[str, str]:
    """Actor name -> the code of the side it names: a state and its army share one."""
    actors: list[dict[str, str]] = load("actors")["actors"]
    return {a["name"]: a["code"] for a in actors if a.get("kind") in SIDE_KINDS}


def _side_code(name: str) -> str:
    return _side_codes().get(name, name)


_SMALL_WORDS = frozenset(("for", "of", "the", "and", "de", "del", "la", "du", "des", "el", "y"))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _SMALL_WORDS)


def _same_side(a: str, b: str) -> bool:
    """One side by two names: a state and its army (one lexicon code), or a group a snippet
    introduced by name ("the Andean Liberation Front (ALF)") and one that named it by its
    acronym alone ("talks with the ALF")."""
    if _side_code(a) == _side_code(b):
        return True
    short, long = sorted((a, b), key=len)
    return short.isupper() and " " in long and (_initials(long) == short or stands_for(short, long))


def key_group(process: str) -> str | None:
    """The one armed group a process is keyed by ("BO--ECA": ECA), if it has exactly one."""
    groups = [c for c in process.split("--") if c not in state_names_by_code()]
    return groups[0] if len(groups) == 1 else None


def _group_by_key(party: Participant, name: str, kind: str, group: str | None) -> bool:
    """A group named by its key's acronym in one snippet and by a name of its own language in
    another ("the ECA", "the Andean Communal Army"): the process has one group, so both are it."""
    if group is None or party.kind != "armed_group" or kind != "armed_group":
        return False
    names = {party.name, *party.names}
    # One of the two is the key's acronym; a name the party has already needs no join.
    return name not in names and (name == group or group in names)


def _with_side(
    items: tuple[Participant, ...], actor: Actor, name: str, cite: Evidence, group: str | None
) -> tuple[Participant, ...]:
    """One party per side: "Sudan" and "the Sudanese Armed Forces" are one side, shown by the
    name most events use (then the first in sort order), whatever the order of the events."""
    kind = actor.kind if actor.kind != "person" else "state"
    same = [
        p
        for p in items
        if any(_same_side(n, name) for n in (p.name, *p.names))
        or _group_by_key(p, name, kind, group)
    ]
    if not same:
        return _with_participant(items, actor, name, "party", cite)
    names: dict[str, int] = {}
    for old in same:
        for each, count in (old.names or {old.name: old.mentions}).items():
            names[each] = names.get(each, 0) + count
    names[name] = names.get(name, 0) + 1
    chosen = min(names, key=lambda n: (-names[n], n))
    shown = next((p for p in same if p.name == chosen), None)
    evidence: tuple[Evidence, ...] = (cite,)
    for old in same:
        evidence = earliest(old.evidence, evidence, PARTICIPANT_EVIDENCE_LIMIT)
    merged = same[0].model_copy(
        update={
            "name": chosen,
            "country": shown.country if shown else actor.country,
            "kind": shown.kind if shown else kind,
            "mentions": sum(p.mentions for p in same) + 1,
            "evidence": evidence,
            "names": dict(sorted(names.items())) if len(names) > 1 else {},
        }
    )
    rest = [p for p in items if all(p is not old for old in same)]
    return tuple(sorted((*rest, merged), key=lambda p: p.name))


@cache
def _runs_exchange_cue() -> re.Pattern[str]:
    return compile_words(load("roles")["runs_exchange"])


def _runs_exchange(actor: Actor, event: Event) -> tuple[str, str] | None:
    """A body that flies, carries or hands over the people a release frees ("the ICRC flew 210
    detainees"): the neutral intermediary of the exchange, a facilitator."""
    if (
        event.type == "prisoner_exchange"
        and actor.kind == "organisation"
        and actor.role in ("mentioned", "speaker")
        and _runs_exchange_cue().search(event.sentence.text)
    ):
        return (actor.name, "facilitator")
    return None


PEOPLE_LIMIT = 3


def _with_participant(
    items: tuple[Participant, ...],
    actor: Actor,
    name: str,
    role: str,
    cite: Evidence,
    person: str | None = None,
    counted: bool = True,
) -> tuple[Participant, ...]:
    """The participant `name` in `role` once more; `person` one who acts for it (kept sorted,
    the first PEOPLE_LIMIT, a function of the set of reports); not `counted` when the event
    already named it in that role."""
    by_name = {p.name: p for p in items}
    old = by_name.get(name)
    people = (person,) if person else ()
    if old is None:
        by_name[name] = Participant(
            name=name,
            # a person listed by name has no country: "X" told with and without one is one
            country=actor.country if name != actor.name or actor.kind != "person" else None,
            kind=_kind(actor, name),
            role=role,
            mentions=1,
            evidence=(cite,),
            people=people,
        )
    else:
        # A mediator also named as host stays a mediator: the stronger role wins. A name told
        # as a person's and as a state's or body's is the state or body, in any order; one told
        # as an office holder and as a person of standing is the person.
        named_as = {}
        kind = _kind(actor, name)
        if _KIND_RANK.get(kind, 2) > _KIND_RANK.get(old.kind, 2):
            named_as = {"kind": kind, "country": actor.country if kind != "person" else None}
        by_name[name] = old.model_copy(
            update={
                **named_as,
                "role": max(old.role, role, key=_precedence),
                "mentions": old.mentions + int(counted),
                "evidence": earliest(old.evidence, (cite,), PARTICIPANT_EVIDENCE_LIMIT),
                "people": tuple(sorted({*old.people, *people}))[:PEOPLE_LIMIT],
            }
        )
    return tuple(by_name[n] for n in sorted(by_name))


# The kind of a person listed by name whose only title is an office held for someone ("mediator
# X", "the envoy X", "High Representative X"): listed only while the process names no state or
# body as a third party, which the office would be one of.
OFFICE_HOLDER = "office holder"


_KIND_RANK = {OFFICE_HOLDER: 0, "person": 1}


def _kind(actor: Actor, name: str) -> str:
    """A person listed by their own name is a person (an office holder when titled only by an
    office); one listed under their state, a state."""
    if actor.kind != "person":
        return actor.kind
    if name != actor.name:
        return "state"
    return OFFICE_HOLDER if _holds_an_office(actor) else "person"


def _own_side(process: str, name: str, country: str | None, parties: set[str]) -> bool:
    """A party of the process (by name, or a state whose country is one of the process's)."""
    codes = process.split("--")
    return name in parties or (country is not None and country in codes)


def participants(
    state: NegotiationState, event: Event, cite: Evidence
) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    """Parties and mediators after this event. A party is never its own process's mediator or
    host: a mediator that is (or becomes) a party is dropped, whichever report came first."""
    parties, mediators = state.parties, state.mediators
    group = key_group(state.process)
    named: set[tuple[str, str]] = set()
    for actor in event.actors:
        found = _roles(actor, event.sentence.text) or _runs_exchange(actor, event)
        if found is None:
            continue
        name, role = found
        served = _served(actor, event)
        if served is not None:
            name = served  # "the UN envoy Marta Lind": listed under the United Nations
        person = actor.name if actor.kind == "person" and actor.name != name else None
        if found in named and person is None:
            continue
        if role == "party":
            parties = _with_side(parties, actor, name, cite, group)
        else:
            mediators = _with_participant(
                mediators, actor, name, role, cite, person, counted=found not in named
            )
        named.add(found)
    party_names = _all_names(parties)
    mediators = tuple(
        m for m in mediators if not _own_side(state.process, m.name, m.country, party_names)
    )
    mediators = _one_name_per_body(mediators)
    if any(m.kind in ("state", "organisation") for m in mediators):
        # "mediator Luc Abessolo" where a body or state mediates: the office is one of theirs,
        # and the person listed by name would be a second name of it
        mediators = tuple(m for m in mediators if m.kind != OFFICE_HOLDER)
    return parties, mediators


def _one_name_per_body(mediators: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """A body named in full in one report and by a shorter name another ("the Halvard Foundation
    for Dialogue", "the Halvard Foundation") is one mediator, listed by its full name: a shorter
    name of organisation words that opens exactly one longer organisation's name."""
    bodies = [m for m in mediators if m.kind == "organisation"]
    merged = {m.name: m for m in mediators}
    for short in bodies:
        longer = [b for b in bodies if b.name.startswith(short.name + " ")]
        if len(longer) != 1 or " " not in short.name:
            continue
        full = merged[longer[0].name]
        merged[full.name] = full.model_copy(
            update={
                "role": max(full.role, short.role, key=_precedence),
                "mentions": full.mentions + short.mentions,
                "evidence": earliest(full.evidence, short.evidence, PARTICIPANT_EVIDENCE_LIMIT),
                "people": tuple(sorted({*full.people, *short.people}))[:PEOPLE_LIMIT],
            }
        )
        del merged[short.name]
    if len(merged) == len(mediators):
        return mediators
    return tuple(merged[n] for n in sorted(merged))


def _all_names(parties: tuple[Participant, ...]) -> set[str]:
    """Every name the parties go by: the shown one and those merged into it (a state's army)."""
    return {n for p in parties for n in (p.name, *p.names)}


def hosts(
    process: str,
    rounds: tuple[Round, ...],
    parties: tuple[Participant, ...],
    mediators: tuple[Participant, ...],
) -> tuple[Participant, ...]:
    """The states where meetings were held, other than the parties: a third-country venue makes
    its state the host. A function of the rounds, so of the set of events."""
    party_names = _all_names(parties)
    mediator_names = {m.name for m in mediators}
    found: dict[str, Participant] = {}
    for r in rounds:
        code = _country_of(r.venue)
        name = state_names_by_code().get(code or "")
        if code is None or name is None or name in mediator_names:
            continue
        if _own_side(process, name, code, party_names):
            continue
        old = found.get(name)
        found[name] = Participant(
            name=name,
            country=code,
            kind="state",
            role="host",
            mentions=(old.mentions if old else 0) + 1,
            evidence=earliest(old.evidence if old else (), r.evidence, PARTICIPANT_EVIDENCE_LIMIT),
        )
    return tuple(found[n] for n in sorted(found))


def _country_of(venue: str | None) -> str | None:
    found = place_kinds().get(venue.casefold()) if venue else None
    return found[0] if found else None
