"""The side a sentence names as suffering losses. Every sentence is invented."""

import pytest

from streams.core.read.casualty_sides import losses_of
from streams.core.read.gazetteer import find_mentions


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The army reported heavy losses among the Peruvian troops.", "Peru"),
        ("Chilean forces suffered heavy losses on Monday.", "Chile"),
        ("Peru's army has sustained serious casualties near the pass.", "Peru"),
        ("Chile lost dozens of soldiers in the ambush.", "Chile"),
        # near misses: losses inflicted, two sides, no loss words
        ("Chile said it inflicted heavy losses, and Peru denied it.", None),
        ("Both Chilean and Peruvian forces suffered losses.", None),
        ("Chilean forces advanced on Monday.", None),
    ],
)
def test_the_side_that_lost(text: str, side: str | None) -> None:
    actors, _ = find_mentions(text)
    assert losses_of(text, actors) == side
