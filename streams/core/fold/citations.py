"""Citations: the evidence a state item keeps of the sentences it was read from, and their order."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel

from schemas.events import Event
from schemas.state import (
    Evidence,
)
from streams.core.fold.clusterkit import (
    first_n,
)
from streams.core.fold.foldkit import EPOCH

EVIDENCE_LIMIT = 3


Item = TypeVar("Item", bound=BaseModel)


def provenance(event: Event) -> dict[str, Any]:
    """Where an event was read, and what it is: the fields every citation draws from."""
    return {
        "event_id": event.id,
        "type": event.type,
        "subtype": event.subtype,
        "modality": event.modality,
        "snippet_id": event.snippet_id,
        "source": event.source,
        "url": event.url,
        "published_at": event.published_at,
        "sentence": event.sentence.text,
    }


def cite(model: type[Item], event: Event, **extra: Any) -> Item:
    """A state item citing its event: the provenance fields the model has, plus `extra`."""
    fields = model.model_fields
    return model(**{k: v for k, v in provenance(event).items() if k in fields}, **extra)


def evidence(event: Event) -> Evidence:
    return cite(Evidence, event)


def report_order(item: Evidence) -> tuple[datetime, str, str]:
    """Event-time order: when it was reported, then where; a late, older report sorts early.

    One sentence read as several types (talks and statement) is one citation.
    """
    return (item.published_at or EPOCH, item.snippet_id, item.sentence)


def earliest(a: Iterable[Evidence], b: Iterable[Evidence], limit: int) -> tuple[Evidence, ...]:
    return first_n((*a, *b), report_order, limit)


def latest(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)
