"""A state of a known conflict meeting a state outside it (issue 14): the outsider is the other
side of the snippet's own process when nothing of the conflict's other side is named, and a
host, mediator or commentator otherwise.

Every sentence is invented; none is news text.
"""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.frames import framed_pairs
from streams.core.read.gazetteer import find_mentions


def _processes(text: str) -> set[str]:
    return {e.process for e in extract_events(Snippet(text=text, published_at="2031-05-10"))}


@pytest.mark.parametrize(
    ("text", "process"),
    [
        # a war of states: the outsider named as often as the side, never framed as a pair
        (
            "Uzbek troops fired on a Tajik post near the village of Ordavan on Sunday, Tajik "
            "officials said. Uzbekistan said a Tajik patrol had crossed the line first.",
            "TJ--UZ",
        ),
        # ... named half as often as the side, in a release across the line
        (
            "Azerbaijan freed two Georgian shepherds held near Kurmuk-Tala on Monday, "
            "Azerbaijani officials said. Azerbaijan still holds nine Georgian police, "
            "Azerbaijan's ministry said.",
            "AZ--GE",
        ),
        # ... framed as the pair of talks, the side named more than twice as often
        (
            "Talks between Kyrgyzstan and Kazakhstan on the Tor-Bulak canal ended on Friday, "
            "Kyrgyz officials said. Kyrgyzstan wants the gates open; the Kyrgyz team said "
            "Kazakhstan had agreed.",
            "KG--KZ",
        ),
        # a state whose war is with a group: the outsider framed as the other side of talks
        (
            "Ethiopia and Djibouti held a first round of talks on the Hadle road on Monday. "
            "Djibouti said it wanted guarantees for its lorries.",
            "DJ--ET",
        ),
    ],
)
def test_an_outside_state_as_the_other_side(text: str, process: str) -> None:
    assert _processes(text) == {process}


@pytest.mark.parametrize(
    ("text", "process"),
    [
        # the other side named in any role, even as a place: the conflict keeps the key
        (
            "Uzbekistan and Tajikistan agreed on Friday to reopen the Ordavan post, Uzbek "
            "officials said, weeks after the clashes on the Kyrgyz border.",
            "KG--TJ",
        ),
        # an outsider named once beside the side mediates or comments as often
        ("Washington and Moscow agreed on Friday to keep their military hotline open.", "RU--UA"),
        # named twice, but far less often than the side: told in passing
        (
            "Tajik guards said Tajikistan had reinforced the Ordavan post. Dushanbe said the "
            "Tajik posts would stay. Tajik officials blamed smugglers; Tajikistan's ministry "
            "denied the claim. Uzbekistan and Uzbek officials made no comment.",
            "KG--TJ",
        ),
        # a government at war with a group beside an outside state it is not framed with: the
        # state hosts or backs the talks of a group the report leaves unnamed
        (
            "Colombian negotiators arrived in Caracas on Sunday. Venezuela's foreign minister "
            "received the Colombian team, and Venezuela said the rebels would arrive on Monday.",
            "CO--CO-ELN",
        ),
        # a host of a group's talks, cued as such
        (
            "The Sudanese army delegation met Saudi officials in Jeddah on Tuesday. Saudi "
            "Arabia, which hosts the talks, said it hoped for a truce.",
            "SD--SD-RSF",
        ),
    ],
)
def test_the_known_conflict_keeps_the_key(text: str, process: str) -> None:
    assert _processes(text) == {process}


def test_a_pair_that_held_a_numbered_round_of_talks_is_framed() -> None:
    text = "Chile and Peru held a second round of talks in Arica-Sur on Monday."
    actors, _ = find_mentions(text)
    assert framed_pairs(text, actors) == [("CL", "PE", True)]
