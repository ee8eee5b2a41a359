"""The negotiations as a reader sees them, for the pages: joined as `parley state` shows them.

A snippet naming one side of a process, or one side and its mediator, is keyed apart from the
process ("TD" and "GH--TD" beside "MUJ--TD"); `counterparts.with_counterparts` shows such a key
inside the process it belongs to. Here the same joins (`counterparts.joins`) are found from what
the overview already holds, each process's key and third parties, and full states are fetched
(from whichever worker holds them) only for the processes that absorb others. `?as_stored=1`
shows the tables as stored.
"""

from collections.abc import Mapping
from typing import Any

from schemas.state import CasualtyClaims, NegotiationState
from streams.core.fold.casualty_claims import joined_claims
from streams.core.fold.counterparts import joined_states, joins, shown_in
from streams.web import data

JOINED = "joined"  # the card's and the page's list of the keys shown inside this process


def thirds_of_cards(cards: Mapping[str, Mapping[str, Any]]) -> dict[str, frozenset[str]]:
    """Each card's third parties (a card of an older worker names none)."""
    return {key: frozenset((card or {}).get("third_parties") or ()) for key, card in cards.items()}


def thirds_of_states(states: Mapping[str, Mapping[str, Any]]) -> dict[str, frozenset[str]]:
    return {key: data.state_third_parties(dict(value)) for key, value in states.items()}


# The joins of the table as it stands, kept while every key's third parties are the same:
# finding them costs ~50 ms for a thousand processes, comparing the mapping ~0.1 ms.
_found: data.Kept[list[tuple[str, str]]] = data.Kept(limit=4)


def joins_of(thirds: dict[str, frozenset[str]]) -> list[tuple[str, str]]:
    """`counterparts.joins` of the keys and their third parties, kept while they are equal."""
    found = _found.get("joins", thirds)
    return found if found is not None else _found.put("joins", thirds, joins(thirds))


def absorbed(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each process that shows others -> the keys it shows, in key order."""
    into: dict[str, list[str]] = {}
    for key, target in sorted(shown_in(found).items()):
        into.setdefault(target, []).append(key)
    return into


def joins_into(found: list[tuple[str, str]], process: str) -> list[tuple[str, str]]:
    """The joins that end in `process`, in their order."""
    final = shown_in(found)
    return [(key, into) for key, into in found if final[key] == process]


def joined_json(
    states: Mapping[str, Mapping[str, Any]], found: list[tuple[str, str]]
) -> dict[str, dict[str, Any]]:
    """JSON states (those the joins name, or more) joined as the `found` joins say. A join whose
    state did not arrive (a worker out of reach) is left out, so its process shows less."""
    present = [(key, into) for key, into in found if key in states and into in states]
    named = {k for pair in present for k in pair}
    joined = joined_states({k: _state(states[k]) for k in named}, present)
    return {
        **{k: dict(v) for k, v in states.items() if k not in named},
        **{k: state.model_dump(mode="json") for k, state in joined.items()},
    }


def joined_claims_json(
    process: str,
    own: Mapping[str, Any] | None,
    parts: Mapping[str, Mapping[str, Any]],
    found: list[tuple[str, str]],
    third: frozenset[str] = frozenset(),
) -> dict[str, Any] | None:
    """The process's casualty claims (JSON) with those of the keys joined into it (`found`, the
    joins that end in it; `third`: the joined process's third-party codes); None when neither
    it nor they hold any."""
    tables = {k: CasualtyClaims.model_validate(v) for k, v in parts.items() if v}
    if own:
        tables[process] = CasualtyClaims.model_validate(own)
    if not tables:
        return None
    merged = joined_claims(tables, found, {process: third}).get(process)
    return merged.model_dump(mode="json") if merged is not None else None


def _state(value: Mapping[str, Any]) -> NegotiationState:
    return NegotiationState.model_validate(value)


# Overview -----------------------------------------------------------------------------------

# Joined cards, kept while the cards they were drawn from are equal: the overview's cost stays
# the cards' (a thousand processes at tens of requests per second), not the states'.
_joined_cards: data.Kept[tuple[dict[str, dict[str, Any]], frozenset[str]]] = data.Kept(limit=64)


def joined_card(
    state: Mapping[str, Any], own_card: Mapping[str, Any], shown: list[str]
) -> dict[str, Any]:
    """The card of a process with the keys it shows: drawn from the joined state; the card's
    latest casualty figures stay its own key's (the process page shows the joined keys' too)."""
    card = data.summary(dict(state))
    card["claims"] = own_card.get("claims") or []
    card[JOINED] = shown
    return card


async def overview_cards(
    cards: dict[str, dict[str, Any]],
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The overview's cards (key -> card, over every worker) as a reader sees them: a key shown
    inside another process is left out, and that process's card is drawn from the joined state
    and lists the keys it shows. Also the workers that did not answer for a state (a join whose
    states did not all arrive is not made: both keys keep their own cards)."""
    found = joins_of(thirds_of_cards(cards))
    if not found:
        return cards, []
    named = sorted({k for pair in found for k in pair})
    version = [cards[k] for k in named]
    kept = _joined_cards.get(tuple(found), version)
    missing: list[str] = []
    if kept is None:
        states, missing = await data.cluster_keys("negotiations", set(named))
        made = [(key, into) for key, into in found if key in states and into in states]
        joined = joined_json(states, made)
        drawn = {
            target: joined_card(joined[target], cards[target], keys)
            for target, keys in absorbed(made).items()
        }
        kept = drawn, frozenset(shown_in(made))
        if not missing:
            _joined_cards.put(tuple(found), version, kept)
    drawn, hidden = kept
    return {k: drawn.get(k, card) for k, card in cards.items() if k not in hidden}, missing


def past_overview(
    states: Mapping[str, Mapping[str, Any]], claims: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    """The overview's cards at a past moment, joined: every state is at hand (folded from the
    log), so the joins come from the states themselves."""
    found = joins(thirds_of_states(states))
    shown, final = absorbed(found), shown_in(found)
    joined = joined_json(states, found)
    cards = {}
    for key, state in joined.items():
        if key in final:
            continue
        cards[key] = data.summary(state, claims.get(key))
        if key in shown:
            cards[key][JOINED] = shown[key]
    return cards
