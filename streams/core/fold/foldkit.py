"""Small helpers shared by the state folds: sorted-tuple sets, ordered dicts and event days."""

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from functools import reduce
from typing import TypeVar

from schemas.events import Event

State = TypeVar("State")

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
HELD = ("actual", "historical")


def contains(items: tuple[str, ...], item: str) -> bool:
    position = bisect_left(items, item)
    return position < len(items) and items[position] == item


def with_sorted(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    position = bisect_left(items, item)
    if position < len(items) and items[position] == item:
        return items
    return (*items[:position], item, *items[position:])


def bump(counts: dict[str, int], key: str) -> dict[str, int]:
    # Keys are kept sorted so that the serialised state does not depend on arrival order.
    updated = {**counts, key: counts.get(key, 0) + 1}
    return dict(sorted(updated.items()))


def published_day(event: Event) -> date | None:
    if event.published_at is None:
        return None
    # Naive times are taken as they are: converting them would read the machine's time zone.
    moment = event.published_at
    return (moment.astimezone(UTC) if moment.tzinfo else moment).date()


def check_process(process: str, event: Event) -> None:
    if event.process != process:
        raise ValueError(f"event {event.id} belongs to {event.process!r}, not {process!r}")


def unique_events(events: Iterable[Event]) -> Iterator[Event]:
    """Each event once: ids derive from content, so a redelivered or replayed event repeats one.

    The folds assume new events; the worker removes duplicates with its `folded_events` table.
    """
    seen: set[str] = set()
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            yield event


def fold_one(
    initial: Callable[[str], State],
    evolve: Callable[[State, Event], State],
    process: str,
    events: Iterable[Event],
) -> State:
    """State of one process: its events folded from the empty state."""
    mine = (e for e in unique_events(events) if e.process == process)
    return reduce(evolve, mine, initial(process))


def fold_all(
    initial: Callable[[str], State],
    evolve: Callable[[State, Event], State],
    events: Iterable[Event],
) -> dict[str, State]:
    """State of every process the events mention, keyed by process."""
    states: dict[str, State] = {}
    for event in unique_events(events):
        states[event.process] = evolve(states.get(event.process) or initial(event.process), event)
    return states
