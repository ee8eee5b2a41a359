"""The `casualty_claims` fold: every casualty figure as a claim by its claimant, with sources."""

from collections.abc import Iterable
from datetime import date

from schemas.events import Event, Quantity
from schemas.state import CasualtyClaim, CasualtyClaims, ClaimSource
from streams.core.fold.citations import cite
from streams.core.fold.clusterkit import first_n, merged_names
from streams.core.fold.foldkit import (
    HELD,
    check_process,
    fold_all,
    fold_one,
    published_day,
)

UNATTRIBUTED = "unattributed"
SOURCE_LIMIT = 5
SNIPPET_LIMIT = 20
CLAIM_LIMIT = 200
_SIDE_KINDS = ("state", "armed_group")

# What makes two reports the same figure: who, what, how many, how hedged and as of when.
_Key = tuple[str, str, int | None, int | None, int | None, str, date | None]


def initial(process: str) -> CasualtyClaims:
    return CasualtyClaims(process=process)


def _claimant(event: Event, quantity: Quantity) -> str:
    if quantity.claimant:
        return quantity.claimant
    speaker = next((a.name for a in event.actors if a.role == "speaker"), None)
    return speaker or UNATTRIBUTED


def _side(event: Event) -> str | None:
    # Best effort: the first party that is a state or an armed group; people are not sides.
    return next((a.name for a in event.actors if a.role == "party" and a.kind in _SIDE_KINDS), None)


def _as_of(event: Event) -> date | None:
    return event.date.start if event.date else published_day(event)


def _key(claim: CasualtyClaim) -> _Key:
    return (
        claim.claimant,
        claim.unit,
        claim.value,
        claim.low,
        claim.high,
        claim.qualifier,
        claim.as_of,
    )


def _claim_order(claim: CasualtyClaim) -> tuple[date, str, str, int, int, int, str]:
    # A total order: as-of, first source, then the figure itself (one sentence may give several).
    return (
        claim.as_of or date.min,
        claim.sources[0].event_id,
        claim.unit,
        claim.value if claim.value is not None else -1,
        claim.low if claim.low is not None else -1,
        claim.high if claim.high is not None else -1,
        claim.qualifier,
    )


def _merge(claim: CasualtyClaim, source: ClaimSource) -> CasualtyClaim:
    sources = first_n((*claim.sources, source), lambda s: s.event_id, SOURCE_LIMIT)
    snippets = merged_names(claim.snippets, (source.snippet_id,), SNIPPET_LIMIT)
    # The side comes from the source with the smallest id that names one, among all sources
    # ever folded (not only those kept): a minimum over a set, so arrival order cannot matter.
    side, side_from = claim.side, claim.side_from
    if source.side and (side_from is None or source.event_id < side_from):
        side, side_from = source.side, source.event_id
    return claim.model_copy(
        update={
            "sources": sources,
            "side": side,
            "side_from": side_from,
            "snippets": snippets,
            "corroboration": max(claim.corroboration, len(snippets)),
        }
    )


def _add(claims: tuple[CasualtyClaim, ...], new: CasualtyClaim) -> tuple[CasualtyClaim, ...]:
    key = _key(new)
    merged = [c for c in claims if _key(c) != key]
    match = next((c for c in claims if _key(c) == key), None)
    # Only identical figures merge; a different figure is a separate claim, never an average.
    merged.append(_merge(match, new.sources[0]) if match else new)
    return tuple(sorted(merged, key=_claim_order)[-CLAIM_LIMIT:])


def evolve(state: CasualtyClaims, event: Event) -> CasualtyClaims:
    """Fold one event; other types, unreal modalities and events already folded change nothing."""
    check_process(state.process, event)
    if event.type != "casualty_report" or event.modality not in HELD or not event.quantities:
        return state
    side = _side(event)
    source = cite(
        ClaimSource,
        event,
        side=side,
    )
    by_claimant = dict(state.by_claimant)
    for quantity in event.quantities:
        claimant = _claimant(event, quantity)
        claim = CasualtyClaim(
            claimant=claimant,
            side=side,
            unit=quantity.unit,
            value=quantity.value,
            low=quantity.low,
            high=quantity.high,
            qualifier=quantity.qualifier,
            as_of=_as_of(event),
            sources=(source,),
            side_from=event.id if side else None,
            snippets=(event.snippet_id,),
            corroboration=1,
        )
        by_claimant[claimant] = _add(by_claimant.get(claimant, ()), claim)

    return state.model_copy(
        update={
            "by_claimant": dict(sorted(by_claimant.items())),
        }
    )


def project(process: str, events: Iterable[Event]) -> CasualtyClaims:
    """Claims of one process after all its events."""
    return fold_one(initial, evolve, process, events)


def project_all(events: Iterable[Event]) -> dict[str, CasualtyClaims]:
    """Claims of every process the events mention, keyed by process."""
    return fold_all(initial, evolve, events)
