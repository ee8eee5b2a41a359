"""The `strike_activity` fold: strikes that took place, per day, place and weapon."""

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date

from schemas.events import Event
from schemas.state import StrikeActivity, StrikeDay
from streams.core.fold.foldkit import (
    HELD,
    bump,
    check_process,
    fold_all,
    fold_one,
    published_day,
)

WEAPONS = ("air_drone", "missile_artillery", "ground_clash", "intercepted")
UNSPECIFIED = "unspecified"
UNKNOWN_PLACE = "unknown"


DAY_LIMIT = 730


def initial(process: str) -> StrikeActivity:
    return StrikeActivity(process=process)


def _day(event: Event) -> date | None:
    # A week or a month is not a day: such strikes are counted on the day they were reported.
    if event.date is not None and event.date.precision == "day":
        return event.date.start
    return published_day(event)


def _place(event: Event) -> str:
    return event.places[0].name if event.places else UNKNOWN_PLACE


def _weapon(event: Event) -> str:
    return event.subtype if event.subtype in WEAPONS else UNSPECIFIED


def evolve(state: StrikeActivity, event: Event) -> StrikeActivity:
    """Fold one event; other types, strikes that did not happen and repeats change nothing."""
    check_process(state.process, event)
    if event.type != "strike" or event.modality not in HELD:
        return state
    day = _day(event)
    if day is None:
        return state

    days = list(state.days)
    position = bisect_left([d.day for d in days], day)
    found = position < len(days) and days[position].day == day
    current = days[position] if found else StrikeDay(day=day)

    place, weapon = _place(event), _weapon(event)
    updated = current.model_copy(
        update={
            "count": current.count + 1,
            "by_place": bump(current.by_place, place),
            "by_weapon": bump(current.by_weapon, weapon),
        }
    )
    if found:
        days[position] = updated
    else:
        days.insert(position, updated)

    return state.model_copy(
        update={
            # The newest days by date, whatever order they arrived in; totals keep counting.
            "days": tuple(days[-DAY_LIMIT:]),
            "total": state.total + 1,
            "by_place": bump(state.by_place, place),
            "by_weapon": bump(state.by_weapon, weapon),
        }
    )


def project(process: str, events: Iterable[Event]) -> StrikeActivity:
    """Strike activity of one process after all its events."""
    return fold_one(initial, evolve, process, events)


def project_all(events: Iterable[Event]) -> dict[str, StrikeActivity]:
    """Strike activity of every process the events mention, keyed by process."""
    return fold_all(initial, evolve, events)
