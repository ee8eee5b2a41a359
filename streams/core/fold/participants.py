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
from streams.core.lexicon import compile_words, load, place_kinds, state_names_by_code
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


def _roles(actor: Actor, text: str = "") -> tuple[str, str] | None:
    """(name, role) this actor gives the process, if any."""
    if actor.kind == "person":
        return _person_role(actor, text)
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
    their state, or, of no known state, is listed by name ("mediated by former president X")."""
    role = "mediator" if actor.role == "mediator" else None
    if actor.role in ("mentioned", "speaker", "mediator"):
        role = _cued_role(actor, text) if role is None else role
    if role is None:
        return None
    # Listed under their state, or not at all; only a person of no known country is listed by
    # name (that listing never carries a country).
    if actor.country:
        state = state_names_by_code().get(actor.country)
        return (state, role) if state else None
    return (actor.name, role)


def _titled_by_body(actor: Actor, event: Event) -> str | None:
    """The organisation a person of no known state is titled by in the sentence ("the UN envoy
    Marta Lind", "Marta Lind, the UN envoy"): the organisation named right before the title."""
    if actor.kind != "person" or actor.country or not actor.title or not actor.mention:
        return None
    text = event.sentence.text
    for body in event.actors:
        if body.kind != "organisation" or not body.mention:
            continue
        titled = re.escape(body.mention) + r"['’]?s?\s+" + re.escape(actor.title)
        before = rf"{titled}\s+{re.escape(actor.mention)}"
        after = rf"{re.escape(actor.mention)},\s+(?:the\s+)?{titled}\b"
        if re.search(before, text) or re.search(after, text):
            return body.name
    return None


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
        # as a person's and as a state's or body's is the state or body, in any order.
        named_as = {}
        if old.kind == "person" and _kind(actor, name) != "person":
            named_as = {"kind": _kind(actor, name), "country": actor.country}
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


def _kind(actor: Actor, name: str) -> str:
    """A person listed by their own name is a person; one listed under their state, a state."""
    if actor.kind != "person":
        return actor.kind
    return "person" if name == actor.name else "state"


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
        body = _titled_by_body(actor, event) if name == actor.name else None
        if body is not None:
            name = body  # "the UN envoy Marta Lind": listed under the United Nations
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
    return parties, mediators


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
