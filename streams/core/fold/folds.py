"""Every table Parley materialises, as (name, state type, fold): one registry for agents and CLI."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from schemas.events import Event
from schemas.state import CasualtyClaims, NegotiationState, Statements, StrikeActivity
from streams.core.fold import casualty_claims, negotiations, statements, strike_activity


@dataclass(frozen=True)
class Fold:
    """A table: its name, the type of its values, and the pure fold that computes them."""

    name: str
    state_type: type[BaseModel]
    initial: Callable[[str], Any]
    evolve: Callable[[Any, Event], Any]
    project_all: Callable[[Iterable[Event]], dict[str, Any]]
    help: str


FOLDS: tuple[Fold, ...] = (
    Fold(
        "negotiations",
        NegotiationState,
        negotiations.initial,
        negotiations.evolve,
        negotiations.project_all,
        "Negotiation state per process: parties, mediators, rounds, planned talks, recent events.",
    ),
    Fold(
        "casualty_claims",
        CasualtyClaims,
        casualty_claims.initial,
        casualty_claims.evolve,
        casualty_claims.project_all,
        "Casualty figures per process by claimant, side by side, with corroborating sources.",
    ),
    Fold(
        "strike_activity",
        StrikeActivity,
        strike_activity.initial,
        strike_activity.evolve,
        strike_activity.project_all,
        "Strikes per process per day, by place and by weapon, with totals.",
    ),
    Fold(
        "statements",
        Statements,
        statements.initial,
        statements.evolve,
        statements.project_all,
        "Latest statements per process and speaker, with the stance of each.",
    ),
)


def project_tables(events: Iterable[Event]) -> dict[str, dict[str, BaseModel]]:
    """Every table after all the events: what the worker's tables hold once it has read them."""
    materialised = list(events)
    return {fold.name: fold.project_all(materialised) for fold in FOLDS}
