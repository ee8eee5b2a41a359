"""The `statements` fold: the latest statements of each speaker, with the stance of each."""

from collections.abc import Iterable
from datetime import datetime

from schemas.events import Event
from schemas.state import Stance, StatementItem, Statements
from streams.core.fold.citations import cite
from streams.core.fold.foldkit import EPOCH, check_process, fold_all, fold_one

LIMIT = 5
# Appeals count as positive: CAMEO files "appeal" (02, "urged") under verbal cooperation, beside
# pledges (03) and praise (05), though speech.json gives it PLOVER DEMAND. Demands, disapproval,
# rejections and threats (10-13) are verbal conflict; "public_statement" (01) is neutral.
STANCES: dict[str, Stance] = {
    "reject": "negative",
    "disapprove": "negative",
    "threaten": "negative",
    "demand": "negative",
    "praise": "positive",
    "pledge": "positive",
    "appeal": "positive",
}


def initial(process: str) -> Statements:
    return Statements(process=process)


def stance(subtype: str | None) -> Stance:
    return STANCES.get(subtype or "", "neutral")


def _item(event: Event) -> StatementItem:
    return cite(
        StatementItem,
        event,
        stance=stance(event.subtype),
        quote=event.quote.text if event.quote else None,
    )


def _recency(item: StatementItem) -> tuple[datetime, str]:
    return (item.published_at or EPOCH, item.event_id)


def evolve(state: Statements, event: Event) -> Statements:
    """Fold one event; other types and statements already kept change nothing."""
    check_process(state.process, event)
    if event.type != "statement":
        return state
    speakers = sorted({a.name for a in event.actors if a.role == "speaker"})
    if not speakers:
        return state

    item = _item(event)
    by_actor = dict(state.by_actor)
    for name in speakers:
        kept = by_actor.get(name, ())
        if any(i.event_id == event.id for i in kept):
            continue
        # The top N of a set under a total order is the same whatever the arrival order, and a
        # redelivered statement too old to be kept falls off again: no list of seen ids needed.
        by_actor[name] = tuple(sorted((*kept, item), key=_recency, reverse=True))[:LIMIT]
    if by_actor == state.by_actor:
        return state
    return state.model_copy(update={"by_actor": dict(sorted(by_actor.items()))})


def project(process: str, events: Iterable[Event]) -> Statements:
    """Latest statements of one process after all its events."""
    return fold_one(initial, evolve, process, events)


def project_all(events: Iterable[Event]) -> dict[str, Statements]:
    """Latest statements of every process the events mention, keyed by process."""
    return fold_all(initial, evolve, events)
