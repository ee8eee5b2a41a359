"""Builders of valid events and snippets for tests, with just the fields a test cares about."""

import random
from datetime import UTC, date, datetime
from typing import Any

from schemas.events import (
    EVENT_CLASSES,
    UNASSIGNED,
    Actor,
    Event,
    EventDate,
    Place,
    Quantity,
    SentenceRef,
)
from schemas.ids import event_id
from schemas.snippet import Snippet
from schemas.state import NegotiationState
from streams.core.fold.counterparts import with_counterparts
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events


def make_event(
    event_type: str = "talks",
    *,
    snippet: str = "s-1",
    start: int = 0,
    process: str = "RU-UA",
    text: str = "The delegations met.",
    published: datetime | None = datetime(2026, 2, 5, tzinfo=UTC),
    **fields: Any,
) -> Event:
    cls = EVENT_CLASSES[event_type]
    event = cls(
        id=event_id(snippet, start, event_type),
        snippet_id=snippet,
        process=process,
        published_at=published,
        confidence=0.9,
        sentence=SentenceRef(index=start // 100, start=start, end=start + len(text), text=text),
        **fields,
    )
    return event  # type: ignore[return-value]


def party(name: str, country: str) -> Actor:
    return Actor(name=name, country=country, role="party")


def mediator(name: str, country: str) -> Actor:
    return Actor(name=name, country=country, role="mediator")


def place(name: str, country: str | None = None) -> Place:
    return Place(name=name, country=country)


def speaker(name: str, country: str | None = None, kind: str = "state") -> Actor:
    return Actor(name=name, country=country, kind=kind, role="speaker")  # type: ignore[arg-type]


def casualties(
    value: int | None = None,
    unit: str = "killed",
    *,
    claimant: str | None = None,
    low: int | None = None,
    high: int | None = None,
    qualifier: str = "exact",
) -> Quantity:
    return Quantity(
        value=value,
        low=low,
        high=high,
        unit=unit,  # type: ignore[arg-type]
        qualifier=qualifier,  # type: ignore[arg-type]
        claimant=claimant,
        text=f"{value if value is not None else f'{low}-{high}'} {unit}",
    )


def on_day(day: date, precision: str = "day") -> EventDate:
    return EventDate(start=day, end=day, precision=precision, text=day.isoformat())  # type: ignore[arg-type]


def fold_stories(
    records: list[dict[str, Any]],
    seed: int | None = None,
    redelivered: bool = False,
    joined: bool = False,
) -> dict[str, NegotiationState]:
    """The process states an invented story's snippets fold to (JSON Lines records of the dev
    stories' shape), by process key; with `seed`, its events folded in a shuffled order, and
    with `redelivered` too, a third of them folded again (a duplicate must change nothing)."""
    events = [
        e
        for r in records
        for e in extract_events(Snippet(id=r["id"], text=r["text"], published_at=r["published_at"]))
    ]
    if seed is not None:
        random.Random(seed).shuffle(events)
        if redelivered:
            events += events[: len(events) // 3]
    states = project_tables(events)["negotiations"]
    # `joined`: as `parley state` shows them, a one-sided process inside its counterpart.
    return with_counterparts(states) if joined else states  # type: ignore[arg-type,return-value]


def fold_story(records: list[dict[str, Any]], seed: int | None = None) -> NegotiationState:
    """The one process state an invented story's snippets fold to (see `fold_stories`)."""
    (state,) = fold_stories(records, seed).values()
    return state


def round_windows(state: NegotiationState) -> list[tuple[str | None, str | None, str | None]]:
    """(venue, first day, last day) of each round row of a process state."""
    return [
        (
            r.venue,
            r.window_start.isoformat() if r.window_start else None,
            r.window_end.isoformat() if r.window_end else None,
        )
        for r in state.rounds
    ]


def rows_and_plans(
    text: str, published_at: datetime
) -> tuple[list[tuple[str | None, str | None]], int]:
    """(venue, first day) of each round row, and the number of plans, of a one-sentence snippet."""
    snippet = Snippet(text=text, published_at=published_at)
    states = project_tables(extract_events(snippet))["negotiations"]
    rows = [
        (r.venue, r.date.start.isoformat() if r.date else None)
        for st in states.values()
        if isinstance(st, NegotiationState)
        for r in st.rounds
    ]
    return rows, sum(len(st.planned) for st in states.values() if isinstance(st, NegotiationState))


def state_from_snippets(process: str, *snippets: tuple[str, str]) -> NegotiationState:
    """The negotiation state of `process` after reading each (day, text) snippet, published at
    18:00 UTC on its day."""
    events = []
    for n, (day, text) in enumerate(snippets):
        published = datetime.fromisoformat(day).replace(hour=18, tzinfo=UTC)
        events += extract_events(Snippet(id=f"x-{n}", text=text, published_at=published))
    state = project_tables(events)["negotiations"][process]
    assert isinstance(state, NegotiationState)
    return state


def placed(events: list[Event], process: str = "AA--BB") -> list[Event]:
    """The events, those keyed to no process keyed to `process`: for tests of what the fold
    makes of a report, not of which process its words key (a process of no known sides makes
    no rounds, swaps or totals)."""
    return [
        e.model_copy(update={"process": process}) if e.process == UNASSIGNED else e for e in events
    ]


def claimants_by_figure(text: str) -> dict[int | None, str]:
    """Each casualty figure a one-snippet text folds to (its value, or the low end of a range),
    with the claimant the table files it under."""
    events = extract_events(Snippet(text=text))
    tables = project_tables(events)["casualty_claims"].values()
    return {
        c.value if c.value is not None else c.low: c.claimant
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    }


def claim_sides(text: str) -> dict[int | None, str | None]:
    """The side of each casualty claim's figure, read from a one-snippet text."""
    tables = project_tables(extract_events(Snippet(text=text)))["casualty_claims"].values()
    claims: list[Any] = [
        c
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    ]
    return {c.value: c.side for c in claims}
