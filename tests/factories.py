"""Builders of valid events and snippets for tests, with just the fields a test cares about."""

from datetime import UTC, datetime
from typing import Any

from schemas.events import EVENT_CLASSES, Actor, Event, Place, SentenceRef
from schemas.ids import event_id


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
