"""The `negotiations` fold: evolve(state, event) -> state, and project(events)."""

from bisect import bisect_left
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache, reduce

from schemas.events import Event, TalksEvent
from schemas.state import EventSummary, NegotiationFact, NegotiationState
from streams.core import negotiation_views as views
from streams.core.lexicon import load
from streams.core.negotiation_cues import issues_in

RECENT_LIMIT = 20
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def initial(process: str) -> NegotiationState:
    return NegotiationState(process=process)


def _already_seen(seen: tuple[str, ...], event_id: str) -> bool:
    position = bisect_left(seen, event_id)
    return position < len(seen) and seen[position] == event_id


def _with_sorted(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    position = bisect_left(items, item)
    if position < len(items) and items[position] == item:
        return items
    return (*items[:position], item, *items[position:])


_LEDGER_TYPES = ("talks", "agreement", "prisoner_exchange")
_PRISONER_UNITS = ("prisoners", "captured", "people")


@cache
def _state_names() -> dict[str, str]:
    """Country code -> canonical name of the state, from the actor lexicon."""
    actors: list[dict[str, str]] = load("actors")["actors"]
    return {
        a["country"]: a["name"] for a in actors if a.get("kind") == "state" and a.get("country")
    }


def _prisoners(event: Event) -> int | None:
    for q in event.quantities:
        if q.unit in _PRISONER_UNITS:
            value = q.value if q.value is not None else q.low
            if value is not None:
                return value
    return None


def _fact(event: Event) -> NegotiationFact | None:
    """The compact ledger entry of an event the views use, or None."""
    if event.type not in _LEDGER_TYPES and not (
        event.type == "statement" and issues_in(event.sentence.text)
    ):
        return None
    return NegotiationFact(
        event_id=event.id,
        type=event.type,
        subtype=event.subtype,
        modality=event.modality,
        format=event.format if isinstance(event, TalksEvent) else None,
        snippet_id=event.snippet_id,
        source=event.source,
        published_at=event.published_at,
        sentence_index=event.sentence.index,
        sentence=event.sentence.text,
        date=event.date,
        venue=event.places[0].name if event.places else None,
        places=tuple(p.name for p in event.places),
        actors=event.actors,
        speaker=event.quote.speaker if event.quote else None,
        prisoners=_prisoners(event) if event.type == "prisoner_exchange" else None,
    )


def _with_fact(
    ledger: tuple[NegotiationFact, ...], fact: NegotiationFact | None
) -> tuple[NegotiationFact, ...]:
    if fact is None:
        return ledger
    ids = [f.event_id for f in ledger]
    position = bisect_left(ids, fact.event_id)
    return (*ledger[:position], fact, *ledger[position:])


def _summary(event: Event) -> EventSummary:
    return EventSummary(
        event_id=event.id,
        type=event.type,
        subtype=event.subtype,
        modality=event.modality,
        snippet_id=event.snippet_id,
        source=event.source,
        published_at=event.published_at,
        sentence=event.sentence.text,
    )


def _recency(item: EventSummary) -> tuple[datetime, str]:
    return (item.published_at or _EPOCH, item.event_id)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def evolve(state: NegotiationState, event: Event) -> NegotiationState:
    """Fold one event into a process's state; an event already folded changes nothing."""
    if event.process != state.process:
        raise ValueError(f"event {event.id} belongs to {event.process!r}, not {state.process!r}")
    if _already_seen(state.seen, event.id):
        return state

    parties, mediators = state.parties, state.mediators
    for actor in event.actors:
        # Parties and mediators are states, groups and bodies; a person (an envoy, a leader)
        # speaks or acts for one of them and is not a side of the process.
        # An envoy with a mediator role makes their state a mediator.
        if actor.kind == "person":
            name = _state_names().get(actor.country or "")
            if actor.role == "mediator" and name:
                mediators = _with_sorted(mediators, name)
            continue
        if actor.role == "party":
            parties = _with_sorted(parties, actor.name)
        elif actor.role in ("mediator", "host"):
            mediators = _with_sorted(mediators, actor.name)

    ledger = _with_fact(state.ledger, _fact(event))
    last_published_at = _latest(state.last_published_at, event.published_at)
    if ledger is not state.ledger or last_published_at != state.last_published_at:
        measures = views.measures(ledger)
        derived = {
            "status": views.status(ledger),
            "rounds": views.rounds(ledger),
            "planned": views.planned(ledger),
            "next_meeting": views.next_meeting(ledger, last_published_at),
            "issues": views.issues(ledger),
            "measures": measures,
            "prisoners_exchanged": views.prisoners_exchanged(measures),
        }
    else:
        derived = {}

    # Keeping the top N by a total order makes the result independent of arrival order.
    recent = tuple(sorted((*state.recent, _summary(event)), key=_recency, reverse=True))

    return state.model_copy(
        update={
            "parties": parties,
            "mediators": mediators,
            "event_count": state.event_count + 1,
            "counts": {**state.counts, event.type: state.counts.get(event.type, 0) + 1},
            **derived,
            "ledger": ledger,
            "recent": recent[:RECENT_LIMIT],
            "last_published_at": last_published_at,
            "seen": _with_sorted(state.seen, event.id),
        }
    )


def project(process: str, events: Iterable[Event]) -> NegotiationState:
    """State of one process after all its events: the fold of `evolve` from the empty state."""
    return reduce(evolve, (e for e in events if e.process == process), initial(process))


def project_all(events: Iterable[Event]) -> dict[str, NegotiationState]:
    """State of every process the events mention, keyed by process."""
    states: dict[str, NegotiationState] = {}
    for event in events:
        states[event.process] = evolve(states.get(event.process) or initial(event.process), event)
    return states
