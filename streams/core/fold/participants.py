"""Parties and mediators of a process, from the roles the reading gave the actors."""

from functools import cache

from schemas.events import Actor, Event
from schemas.state import (
    Evidence,
    NegotiationState,
    Participant,
)
from streams.core.fold.citations import earliest
from streams.core.lexicon import load

PARTICIPANT_EVIDENCE_LIMIT = 2


@cache
def _state_names() -> dict[str, str]:
    """Country code -> canonical name of the state, from the actor lexicon."""
    actors: list[dict[str, str]] = load("actors")["actors"]
    return {
        a["country"]: a["name"] for a in actors if a.get("kind") == "state" and a.get("country")
    }


def _roles(actor: Actor) -> tuple[str, str] | None:
    """(name, role) this actor gives the process, if any."""
    if actor.kind == "person":
        # A person speaks or acts for a side and is not one; an envoy who mediates makes their
        # state a mediator.
        name = _state_names().get(actor.country or "")
        return (name, "mediator") if actor.role == "mediator" and name else None
    if actor.role in ("party", "mediator", "host"):
        return (actor.name, actor.role)
    return None


def _with_participant(
    items: tuple[Participant, ...], actor: Actor, name: str, role: str, cite: Evidence
) -> tuple[Participant, ...]:
    by_name = {p.name: p for p in items}
    old = by_name.get(name)
    if old is None:
        by_name[name] = Participant(
            name=name,
            country=actor.country,
            kind=actor.kind if actor.kind != "person" else "state",
            role=role,
            mentions=1,
            evidence=(cite,),
        )
    else:
        # A mediator also named as host stays a mediator: the stronger role wins.
        by_name[name] = old.model_copy(
            update={
                "role": "mediator" if "mediator" in (old.role, role) else old.role,
                "mentions": old.mentions + 1,
                "evidence": earliest(old.evidence, (cite,), PARTICIPANT_EVIDENCE_LIMIT),
            }
        )
    return tuple(by_name[n] for n in sorted(by_name))


def participants(
    state: NegotiationState, event: Event, cite: Evidence
) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    parties, mediators = state.parties, state.mediators
    named: set[tuple[str, str]] = set()
    for actor in event.actors:
        found = _roles(actor)
        if found is None or found in named:
            continue
        named.add(found)
        name, role = found
        if role == "party":
            parties = _with_participant(parties, actor, name, role, cite)
        else:
            mediators = _with_participant(mediators, actor, name, role, cite)
    return parties, mediators
