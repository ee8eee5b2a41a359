"""The two sides a sentence frames ("talks between A and B", "A and B signed").

Every sentence is invented; none is news text.
"""

import pytest

from streams.core.read.frames import framed_pairs
from streams.core.read.gazetteer import find_mentions


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Talks between Chile and Peru resumed on Monday.", [("CL", "PE", True)]),
        ("The accord between the Chilean government and Peru holds.", [("CL", "PE", True)]),
        ("Chile and Peru signed a border accord.", [("CL", "PE", True)]),
        ("Chile and Peru have formally agreed to a truce.", [("CL", "PE", True)]),
        ("Chilean and Peruvian officials held two days of talks.", [("CL", "PE", True)]),
        ("Chile and Peru exchanged 40 prisoners.", [("CL", "PE", True)]),
        # fighting between two sides frames them, but not as the sides of talks
        ("Clashes between Chilean and Peruvian troops went on.", [("CL", "PE", False)]),
        # two third parties who agree to host or help are no sides
        ("Cuba and Norway agreed to keep hosting the talks.", []),
        ("Cuba and Norway agreed to help the sides.", []),
        # near misses: welcoming, meeting a third party, a list of three, no frame word
        ("Chile and Peru welcomed the accord.", []),
        ("Chile and Peru met Bolivian envoys.", []),
        ("Chile, Peru and Bolivia attended the summit.", []),
        ("Chile said Peru would sign.", []),
        ("Flights between Chile and the capital resumed.", []),
    ],
)
def test_framed_pairs(text: str, pairs: list[tuple[str, str, bool]]) -> None:
    actors, _ = find_mentions(text)
    assert framed_pairs(text, actors) == pairs
