"""A side of a known conflict named with a state outside it (issue 14, branch state/keys5): the
outsider is the side's counterpart, keying their own process, when a sentence naming both tells
what two sides of a dispute do to each other or their own talks; a power acting on the known
war (a channel or hotline between powers, talks on the war's peace treaty, an envoy, a host of a
group's talks with "the rebels") leaves the snippet to the known conflict.

Every sentence is invented (places, people, figures); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events

PUBLISHED = datetime(2037, 4, 2, tzinfo=UTC)


def _keys(text: str) -> set[str]:
    return {e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED))}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a clash and a detention between a side and its neighbour
        (
            "Two Kyrgyz border guards were wounded when Uzbek troops opened fire on a post on "
            "the Sarybel stream, Kyrgyzstan said. Uzbekistan said it had detained nine Kyrgyz "
            "herders who crossed the line.",
            "KG--UZ",
        ),
        # people handed over by one to the other, the side named once
        (
            "Mauritania freed 17 Moroccan fishermen on Friday at the Guerguerat-Sud post, and "
            "Mauritanian officials said the crews had been warned.",
            "MA--MR",
        ),
        # talks of their own, framed as the pair's, on a matter of theirs
        (
            "Talks between Ethiopia and Djibouti on the Haralo road opened on Tuesday, and "
            "Djibouti said it wanted guarantees on the customs posts.",
            "DJ--ET",
        ),
        # the side named by a place of its own where the outsider's delegation holds talks
        (
            "A Djiboutian delegation crossed into Ethiopia by road and sat down for talks in "
            "Dire Dawa on Tuesday. Ethiopian officials said the road was the first item.",
            "DJ--ET",
        ),
        # a side asking for guarantees is no guarantor: still their own talks
        (
            "Talks between Mauritania and Morocco on the Oued Lebyad wells opened on Monday, and "
            "Mauritania said it wanted guarantees that no patrol would cross again.",
            "MA--MR",
        ),
    ],
)
def test_a_counterpart_keys_its_own_process_with_the_side(text: str, key: str) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a channel between powers during the war: no counterpart
        (
            "Paris and Moscow agreed to reopen a channel between their general staffs, the "
            "first such line in years. The French defence ministry described the link as a way "
            "to avoid incidents.",
            "RU--UA",
        ),
        # talks of a power with a side on the known war's peace treaty
        (
            "France and Azerbaijan held talks in Paris on Friday on the peace treaty, and "
            "French officials said Paris would not take sides.",
            "AM--AZ",
        ),
        # a host of a government's talks with a group it leaves unnamed
        (
            "Venezuela will host the next round of talks between Colombia's government and the "
            "rebels, and Venezuelan officials said Colombian soldiers detained at the crossing "
            "last week had been freed.",
            "CO--CO-ELN",
        ),
        # the conflict's other side named by a place: a clash of the known war
        (
            "Uzbek and Kyrgyz officials said troops had clashed near Dushanbe, the Tajik "
            "capital, and Uzbekistan detained two Kyrgyz soldiers.",
            "KG--TJ",
        ),
    ],
)
def test_a_power_acting_on_the_war_leaves_the_known_conflict(text: str, key: str) -> None:
    assert _keys(text) == {key}
