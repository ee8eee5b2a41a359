"""The timeline: every logged event, filtered on the server by type, process, actor, place, date."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from schemas.events import EVENT_TYPES
from streams.core.moments import moment_or_none

DEFAULT_LIMIT = 200
MAX_LIMIT = 2000


class BadQuery(ValueError):
    """A query parameter that cannot be used; its text says which and why."""


@dataclass(frozen=True)
class Filters:
    types: tuple[str, ...] = ()
    process: str | None = None
    actor: str | None = None
    place: str | None = None
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None  # YYYY-MM-DD, inclusive
    as_of: datetime | None = None
    limit: int = DEFAULT_LIMIT

    def as_dict(self) -> dict[str, Any]:
        return {
            "types": list(self.types),
            "process": self.process,
            "actor": self.actor,
            "place": self.place,
            "from": self.start,
            "to": self.end,
            "limit": self.limit,
        }


def _day(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise BadQuery(f"{name}: expected a date YYYY-MM-DD, got {value!r}") from None


def parse_filters(
    query: Mapping[str, Any], type_values: Iterable[str], as_of: datetime | None
) -> Filters:
    """Filters from query parameters; `type` may repeat or be comma-separated."""
    types: list[str] = []
    for value in type_values:
        types.extend(t.strip() for t in str(value).split(",") if t.strip())
    unknown = sorted(set(types) - set(EVENT_TYPES))
    if unknown:
        raise BadQuery(f"type: unknown event types {unknown}; known: {', '.join(EVENT_TYPES)}")
    try:
        limit = int(query.get("limit") or DEFAULT_LIMIT)
    except ValueError:
        raise BadQuery("limit: expected a whole number") from None
    return Filters(
        types=tuple(dict.fromkeys(types)),
        process=(query.get("process") or "").strip() or None,
        actor=(query.get("actor") or "").strip() or None,
        place=(query.get("place") or "").strip() or None,
        start=_day(query.get("from"), "from"),
        end=_day(query.get("to"), "to"),
        as_of=as_of,
        limit=max(1, min(limit, MAX_LIMIT)),
    )


def _published(event: Mapping[str, Any]) -> datetime | None:
    return moment_or_none(event.get("published_at"))


def event_day(event: Mapping[str, Any]) -> str | None:
    """The day an event happened: its resolved date, else the day it was published."""
    date = event.get("date")
    if isinstance(date, Mapping) and date.get("start"):
        return str(date["start"])[:10]
    published = event.get("published_at")
    return str(published)[:10] if published else None


def _mentions(items: Any, needle: str) -> bool:
    needle = needle.casefold()
    for item in items or []:
        if not isinstance(item, Mapping):
            continue
        for key in ("name", "mention", "region", "country", "title"):
            value = item.get(key)
            if isinstance(value, str) and needle in value.casefold():
                return True
    return False


def matches(event: Mapping[str, Any], filters: Filters) -> bool:
    if filters.types and event.get("type") not in filters.types:
        return False
    if filters.process and event.get("process") != filters.process:
        return False
    if filters.actor and not _mentions(event.get("actors"), filters.actor):
        return False
    if filters.place and not (
        _mentions(event.get("places"), filters.place)
        or filters.place.casefold() in str(event.get("venue") or "").casefold()
    ):
        return False
    if filters.start or filters.end:
        day = event_day(event)
        if day is None:
            return False
        if filters.start and day < filters.start:
            return False
        if filters.end and day > filters.end:
            return False
    if filters.as_of is not None:
        published = _published(event)
        if published is None or published > filters.as_of:
            return False
    return True


def select(events: Iterable[Mapping[str, Any]], filters: Filters) -> tuple[list[Any], int]:
    """(the matching events, up to the limit; how many matched in all).

    Newest first by the day the event happened (its own date, else its publication day), then
    by publication time; the events of one sentence stay next to each other, in type order.
    """
    chosen = [event for event in events if matches(event, filters)]
    order = {name: i for i, name in enumerate(EVENT_TYPES)}
    chosen.sort(key=lambda ev: order.get(str(ev.get("type")), len(order)))
    chosen.sort(
        key=lambda ev: (
            event_day(ev) or "",
            str(ev.get("published_at") or ""),
            str(ev.get("snippet_id") or ""),
            -int((ev.get("sentence") or {}).get("start", 0) or 0),
        ),
        reverse=True,
    )
    return chosen[: filters.limit], len(chosen)


def by_sentence(events: Iterable[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Events grouped by the sentence they were read from, in the order given."""
    groups: dict[tuple[str, Any], list[Mapping[str, Any]]] = {}
    for event in events:
        sentence = event.get("sentence") or {}
        key = (str(event.get("snippet_id")), sentence.get("start", sentence.get("index")))
        groups.setdefault(key, []).append(event)
    return list(groups.values())
