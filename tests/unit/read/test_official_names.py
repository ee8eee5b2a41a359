"""A state named by its official short name or its demonym ("Cabo Verde", "the Cabo Verdean
capital", "East Timor") is that state, not a town GeoNames lists under a word of it. Every
sentence is invented."""

import pytest

from streams.core.read.gazetteer import find_mentions


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Cabo Verde's prime minister said the venue was ready.", "CV"),
        ("East Timor said its envoy would attend.", "TL"),
    ],
)
def test_an_official_short_name_is_the_state(text: str, actor: str) -> None:
    actors, _ = find_mentions(text)
    assert [a.code for a in actors] == [actor]


def test_a_capital_named_by_an_official_demonym_is_that_capital() -> None:
    _, places = find_mentions("The talks ended in the Cabo Verdean capital on Friday.")
    assert [p.name for p in places] == ["Praia"]
