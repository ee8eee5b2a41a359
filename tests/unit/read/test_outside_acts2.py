"""A state that regrets a change, stays at the disposal of the parties or lends only the room
acts from outside the process: its mention keys nothing. Every sentence is invented."""

import pytest

from streams.core.read.frames import outsiders
from streams.core.read.gazetteer import find_mentions


@pytest.mark.parametrize(
    "text",
    [
        'Nepal\'s foreign ministry said it would provide "a room and security, nothing more".',
        "Panama offered the venue for the third round.",
        "Slovenia lent a conference room to the surveyors.",
        "Panama's foreign ministry said it regretted the change.",
        "Uruguay remained at the disposal of both parties, its ministry said.",
    ],
)
def test_an_outside_act_of_a_host(text: str) -> None:
    actors, _ = find_mentions(text)
    assert outsiders(text, actors) == {actors[0].start}


def test_a_side_that_holds_a_room_is_no_outsider() -> None:
    text = "Panama held the talks in a room of its foreign ministry."
    actors, _ = find_mentions(text)
    assert outsiders(text, actors) == set()
