"""Materialised negotiation state: the value of the `negotiations` table, one per process."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from schemas.events import EventDate, Modality


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventSummary(_Frozen):
    """A short, citable view of one event inside the state."""

    event_id: str
    type: str
    subtype: str | None = None
    modality: Modality
    snippet_id: str
    source: str | None = None
    published_at: datetime | None = None
    sentence: str


class RoundSummary(_Frozen):
    """A round of talks, held or planned, with the sentence that reports it."""

    event_id: str
    modality: Modality
    subtype: str | None = None
    date: EventDate | None = None
    venue: str | None = None
    snippet_id: str
    published_at: datetime | None = None
    sentence: str


class NegotiationState(_Frozen):
    """Everything Parley knows about one process; a pure fold of its events."""

    process: str = Field(description="Process key: sorted codes of the principal parties.")
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    event_count: int = 0
    counts: dict[str, int] = Field(default_factory=dict, description="Events per type.")
    rounds: tuple[RoundSummary, ...] = Field(default=(), description="Talks held, oldest first.")
    planned: tuple[RoundSummary, ...] = Field(
        default=(), description="Talks announced or expected."
    )
    recent: tuple[EventSummary, ...] = Field(default=(), description="Latest events, newest first.")
    last_published_at: datetime | None = None
    seen: tuple[str, ...] = Field(
        default=(), description="Ids of folded events, sorted; makes the fold idempotent."
    )
