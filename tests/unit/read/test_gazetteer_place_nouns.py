"""A demonym before a place noun names a place of the state, not the state acting.

Every sentence is invented; none is news text.
"""

import pytest

from streams.core.read.gazetteer import find_mentions


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The talks in the Swiss city ended on Wednesday.", []),
        ("Delegates met in the Omani port of Sur.", []),
        ("Two drones crossed into Peruvian territory.", []),
        # near misses: the demonym before a people or body noun, the country by name
        ("Swiss diplomats said the talks ended.", ["Switzerland"]),
        ("The Peruvian army said the talks ended.", ["Peru"]),
        ("Talks in Switzerland's largest city ended.", []),
    ],
)
def test_a_demonym_before_a_place_noun_is_no_actor(text: str, actors: list[str]) -> None:
    found, _ = find_mentions(text)
    assert [a.name for a in found] == actors
