"""Materialised state: the values of the fold tables, one per process."""

from datetime import date, datetime
from typing import Literal

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


Stance = Literal["negative", "positive", "neutral"]
Weapon = Literal["air_drone", "missile_artillery", "ground_clash", "intercepted", "unspecified"]
CasualtyUnit = Literal[
    "killed", "wounded", "missing", "displaced", "captured", "prisoners", "casualties", "people"
]
Qualifier = Literal["exact", "more_than", "at_least", "up_to", "about", "nearly"]


class ClaimSource(_Frozen):
    """One sentence that reported a casualty figure."""

    event_id: str
    snippet_id: str
    source: str | None = None
    sentence: str
    side: str | None = Field(default=None, description="The side this sentence names, if any.")


class CasualtyClaim(_Frozen):
    """A casualty figure as one claimant gave it; repeated reports of it are its sources."""

    claimant: str = Field(description='Who gives the figure, or "unattributed".')
    side: str | None = Field(
        default=None, description="The side the figure concerns: the first source that names one."
    )
    unit: CasualtyUnit
    value: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "exact"
    as_of: date | None = Field(
        default=None, description="The event's date, else the day it was published."
    )
    sources: tuple[ClaimSource, ...] = Field(default=(), description="Sorted by event id.")
    corroboration: int = Field(default=0, description="Distinct snippets that report it.")


class CasualtyClaims(_Frozen):
    """Casualty figures of one process by claimant; conflicting figures stay side by side."""

    process: str
    by_claimant: dict[str, tuple[CasualtyClaim, ...]] = Field(
        default_factory=dict,
        description="Claimant -> claims sorted by as-of date, then first event id.",
    )
    seen: tuple[str, ...] = Field(
        default=(), description="Ids of folded events, sorted; makes the fold idempotent."
    )


class StrikeDay(_Frozen):
    """Strikes reported for one day."""

    day: date
    count: int = 0
    by_place: dict[str, int] = Field(default_factory=dict, description='Place, or "unknown".')
    by_weapon: dict[str, int] = Field(default_factory=dict)
    event_ids: tuple[str, ...] = Field(default=(), description="Counted events, sorted.")


class StrikeActivity(_Frozen):
    """Strikes of one process that took place (actual or historical), per day, place and weapon."""

    process: str
    days: tuple[StrikeDay, ...] = Field(default=(), description="Oldest first.")
    total: int = 0
    by_place: dict[str, int] = Field(default_factory=dict)
    by_weapon: dict[str, int] = Field(default_factory=dict)


class StatementItem(_Frozen):
    """One statement by an actor, with the stance its verbal act implies."""

    event_id: str
    snippet_id: str
    published_at: datetime | None = None
    modality: Modality
    subtype: str | None = Field(default=None, description="The verbal act: reject, pledge, ...")
    stance: Stance
    quote: str | None = None
    sentence: str


class Statements(_Frozen):
    """The latest statements of each speaker in one process."""

    process: str
    by_actor: dict[str, tuple[StatementItem, ...]] = Field(
        default_factory=dict, description="Actor name -> up to 10 statements, newest first."
    )
