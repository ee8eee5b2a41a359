"""A country's name before "round" names where the round was held ("the Panama round"), a place,
not the state as an actor; "the Iran talks" still name a side (branch state/rounds6).

Every sentence is invented; none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

FRI = datetime(2036, 5, 9, 18, tzinfo=UTC)


def _actors_and_venues(text: str) -> tuple[set[str], set[str | None]]:
    events = extract_events(Snippet(id="x-1", text=text, published_at=FRI))
    actors = {a.name for e in events for a in e.actors}
    venues = {getattr(e, "venue", None) for e in events if e.type == "talks"}
    return actors, venues


@pytest.mark.parametrize(
    "text",
    [
        "2 March: the Panama round agrees a 60-day ceasefire between Ecuador and the rebels.",
        "The Uruguay rounds produced two swaps between Ecuador and the rebels.",
    ],
)
def test_a_country_naming_a_round_is_its_place_not_a_side(text: str) -> None:
    actors, _ = _actors_and_venues(text)
    assert "Panama" not in actors and "Uruguay" not in actors
    assert "Ecuador" in actors


def test_the_country_naming_the_round_is_its_venue() -> None:
    _, venues = _actors_and_venues(
        "The Panama round ended on Thursday with a ceasefire between Ecuador and the rebels."
    )
    assert venues == {"Panama"}


def test_a_country_before_talks_is_still_a_side() -> None:
    actors, _ = _actors_and_venues("The Iran talks with the United States resumed on Thursday.")
    assert "Iran" in actors
