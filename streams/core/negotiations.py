"""The `negotiations` fold: evolve(state, event) -> state, and project(events)."""

from collections.abc import Iterable
from datetime import datetime

from schemas.events import Event
from schemas.state import EventSummary, NegotiationState, RoundSummary
from streams.core.foldkit import EPOCH, HELD, bump, contains, fold_all, fold_one, with_sorted

RECENT_LIMIT = 20
# The table value is written to a Kafka changelog on every event: lists must stay bounded.
ROUND_LIMIT = 500


def initial(process: str) -> NegotiationState:
    return NegotiationState(process=process)


def _round(event: Event) -> RoundSummary:
    return RoundSummary(
        event_id=event.id,
        modality=event.modality,
        subtype=event.subtype,
        date=event.date,
        venue=event.places[0].name if event.places else None,
        snippet_id=event.snippet_id,
        published_at=event.published_at,
        sentence=event.sentence.text,
    )


def _round_order(item: RoundSummary) -> tuple[str, datetime, str]:
    # Rounds are ordered by when they happened, else by when they were reported; the id breaks
    # ties so that any arrival order gives the same tuple.
    happened = item.date.start.isoformat() if item.date else ""
    return (happened, item.published_at or EPOCH, item.event_id)


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
    return (item.published_at or EPOCH, item.event_id)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def evolve(state: NegotiationState, event: Event) -> NegotiationState:
    """Fold one event into a process's state; an event already folded changes nothing."""
    if event.process != state.process:
        raise ValueError(f"event {event.id} belongs to {event.process!r}, not {state.process!r}")
    if contains(state.seen, event.id):
        return state

    parties, mediators = state.parties, state.mediators
    for actor in event.actors:
        # Parties and mediators are states, groups and bodies; a person (an envoy, a leader)
        # speaks or acts for one of them and is not a side of the process.
        if actor.kind == "person":
            continue
        if actor.role == "party":
            parties = with_sorted(parties, actor.name)
        elif actor.role in ("mediator", "host"):
            mediators = with_sorted(mediators, actor.name)

    rounds, planned = state.rounds, state.planned
    # A sentence on the state of the talks ("deadlocked", "productive") is not a meeting.
    # Keeping the newest N under a total order gives the same list for any arrival order.
    if event.type == "talks" and event.modality in HELD and event.subtype != "status":
        rounds = tuple(sorted((*rounds, _round(event)), key=_round_order)[-ROUND_LIMIT:])
    elif event.type == "talks" and event.modality == "planned":
        planned = tuple(sorted((*planned, _round(event)), key=_round_order)[-ROUND_LIMIT:])

    # Keeping the top N by a total order makes the result independent of arrival order.
    recent = tuple(sorted((*state.recent, _summary(event)), key=_recency, reverse=True))

    return state.model_copy(
        update={
            "parties": parties,
            "mediators": mediators,
            "event_count": state.event_count + 1,
            "counts": bump(state.counts, event.type),
            "rounds": rounds,
            "planned": planned,
            "recent": recent[:RECENT_LIMIT],
            "last_published_at": _latest(state.last_published_at, event.published_at),
            "seen": with_sorted(state.seen, event.id),
        }
    )


def project(process: str, events: Iterable[Event]) -> NegotiationState:
    """State of one process after all its events: the fold of `evolve` from the empty state."""
    return fold_one(initial, evolve, process, events)


def project_all(events: Iterable[Event]) -> dict[str, NegotiationState]:
    """State of every process the events mention, keyed by process."""
    return fold_all(initial, evolve, events)
