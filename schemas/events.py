"""Typed events, one per (sentence, type), tagged by `type`; immutable facts with provenance."""

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

Modality = Literal["actual", "planned", "negated", "hypothetical", "historical"]
DatePrecision = Literal["day", "week", "month", "quarter", "year", "vague"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SentenceRef(_Frozen):
    """Where an event was read: the sentence and its character span in the snippet text."""

    index: Annotated[int, Field(ge=0)]
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str
    kind: Literal["body", "headline", "caption"] = Field(
        default="body",
        description="Body text, or page furniture a feed kept: a headline restates the body, a "
        "photo caption describes a picture (and may be the only source of its event).",
    )


# The kinds of actor that can be a side of a conflict; people and organisations speak, mediate
# or host. One definition for the reading and the fold, beside the kinds it picks from.
SIDE_KINDS = frozenset({"state", "armed_group"})


# The process key of events whose sides the reading did not find (one for the reading and the fold).
UNASSIGNED = "unassigned"


class Actor(_Frozen):
    name: str = Field(description="Canonical name.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code when known.")
    kind: Literal["state", "person", "armed_group", "organisation", "other"] = "state"
    role: (
        Literal["party", "mediator", "host", "speaker", "attacker", "target", "mentioned"] | None
    ) = None
    title: str | None = Field(default=None, description='For a person: "top negotiator", ...')
    mention: str | None = Field(default=None, description="The words that named it.")


class Place(_Frozen):
    name: str
    country: str | None = None
    region: str | None = None
    mention: str | None = None


class EventDate(_Frozen):
    """A date resolved against the publication time, with how precise it is."""

    start: date
    end: date
    precision: DatePrecision
    text: str = Field(description="The words the date was read from.")


class Quantity(_Frozen):
    value: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: Literal["exact", "more_than", "at_least", "up_to", "about", "nearly"] = "exact"
    unit: Literal[
        "killed", "wounded", "missing", "displaced", "captured", "prisoners", "casualties", "people"
    ]
    claimant: str | None = None
    text: str


class Quote(_Frozen):
    text: str
    speaker: str | None = None


# The registry of event types: every class decorated `@registered`, in the order registered.
# Classification, topics, the JSON Schema, the web filters and the live page script all read it,
# so adding a type is its class here, its entry in lexicon/events.json, and its tests.
EVENT_CLASSES: dict[str, type["EventBase"]] = {}


class _RegisteredTypes(Sequence[str]):
    """The names of the registered types, read live from the registry."""

    def __getitem__(self, index: Any) -> Any:
        return tuple(EVENT_CLASSES)[index]

    def __len__(self) -> int:
        return len(EVENT_CLASSES)

    def __iter__(self) -> Iterator[str]:
        # Sequence's default iterates by index, rebuilding the tuple for every item.
        return iter(tuple(EVENT_CLASSES))

    def __repr__(self) -> str:
        return repr(tuple(EVENT_CLASSES))


EVENT_TYPES: Sequence[str] = _RegisteredTypes()

Registered = TypeVar("Registered", bound=type["EventBase"])


def registered(cls: Registered) -> Registered:
    """Adds an event class to the registry under its `type`."""
    model: type[EventBase] = cls
    EVENT_CLASSES[model.model_fields["type"].default] = model
    return cls


class EventBase(_Frozen):
    id: str = Field(description="Derived from (snippet id, sentence start, type).")
    snippet_id: str
    process: str = Field(description="Key of the negotiation process; the partitioning key.")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Codes its snippet states name one party: 'LFM=GML', the group another "
        "snippet names by its English name (coded by its initials, LFM) is the one coded by "
        "the acronym of its own language (GML).",
    )
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    subtype: str | None = None
    modality: Modality = "actual"
    confidence: Annotated[float, Field(ge=0.0, le=1.0)]
    cameo: str | None = Field(default=None, description="CAMEO root code, for interoperability.")
    plover: str | None = Field(default=None, description="PLOVER event type.")
    sentence: SentenceRef
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    date: EventDate | None = None
    quantities: tuple[Quantity, ...] = ()
    quote: Quote | None = None


TalksFormat = Literal["bilateral", "trilateral", "mediated", "phone"]


@registered
class TalksEvent(EventBase):
    type: Literal["talks"] = "talks"
    format: TalksFormat | None = Field(default=None, description="How the parties met.")
    venue: str | None = Field(
        default=None,
        description="Where they met: the place this sentence names, else, for talks held, the "
        "venue an earlier sentence of the snippet gave them.",
    )


@registered
class StrikeEvent(EventBase):
    type: Literal["strike"] = "strike"


@registered
class StatementEvent(EventBase):
    type: Literal["statement"] = "statement"


@registered
class PrisonerExchangeEvent(EventBase):
    type: Literal["prisoner_exchange"] = "prisoner_exchange"


@registered
class AgreementEvent(EventBase):
    type: Literal["agreement"] = "agreement"


@registered
class CasualtyReportEvent(EventBase):
    type: Literal["casualty_report"] = "casualty_report"
    losses_of: str | None = Field(
        default=None,
        description="The side the sentence right before names as suffering losses ('heavy losses "
        "among the rebels'), for figures of combatants that name no side of their own.",
    )


@registered
class AidEvent(EventBase):
    type: Literal["aid"] = "aid"


@registered
class SanctionEvent(EventBase):
    type: Literal["sanction"] = "sanction"


Event = Annotated[
    TalksEvent
    | StrikeEvent
    | StatementEvent
    | PrisonerExchangeEvent
    | AgreementEvent
    | CasualtyReportEvent
    | AidEvent
    | SanctionEvent,
    Field(discriminator="type"),
]
EventType = Literal[
    "talks",
    "strike",
    "statement",
    "prisoner_exchange",
    "agreement",
    "casualty_report",
    "aid",
    "sanction",
]
# The built-in types, in the registry's order, for static typing; the registry is the truth.
assert get_args(EventType) == tuple(EVENT_CLASSES), "EventType and the registry disagree"


def event_adapter() -> TypeAdapter[Event]:
    """Validates any registered event, chosen by its `type`."""
    return _adapter(tuple(EVENT_CLASSES.values()))


@cache
def _adapter(classes: tuple[type[EventBase], ...]) -> TypeAdapter[Event]:
    union = Union[classes]  # type: ignore[valid-type]  # noqa: UP007 (built from the registry)
    return TypeAdapter(Annotated[union, Field(discriminator="type")])
