"""Data shapes shared by every part of Parley: snippets, events, state, dead letters."""

from schemas.deadletter import DeadLetter
from schemas.events import (
    EVENT_TYPES,
    Actor,
    Event,
    EventDate,
    Modality,
    Place,
    Quantity,
    Quote,
    SentenceRef,
    event_adapter,
)
from schemas.snippet import Snippet
from schemas.state import EventSummary, NegotiationState, Round

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "DeadLetter",
    "Event",
    "EventDate",
    "EventSummary",
    "Modality",
    "NegotiationState",
    "Place",
    "Quantity",
    "Quote",
    "Round",
    "SentenceRef",
    "Snippet",
    "event_adapter",
]
