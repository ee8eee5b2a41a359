"""Invented sentences for the round classes of the seventeenth session, found on development
tracks that had been held out until then: a go-between's channel told as a standing activity
("has been carrying messages between the two sides") reports no meeting; a recap of rounds
whose months lie behind the report is dated behind it (read/dates.py) and so plans nothing.

Every sentence is invented (people, towns, dates and numbers); none is news text. The states are
the lexicon's, as the process keys need them.
"""

import pytest

from tests.unit.fold.test_rounds_classes7 import _rows

# --- a go-between's standing channel ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A retired bishop chairs a church council that has been carrying messages between "
        "Malawi and Tanzania, with help from a charity.",
        "The bishop, 71, has spent eight months shuttling between the Malawian and Tanzanian "
        "delegations.",
        "Two charities have been relaying proposals between the Malawian and Tanzanian "
        "delegations.",
    ],
)
def test_a_standing_channel_between_the_sides_is_no_meeting(sentence: str) -> None:
    assert _rows(("2036-06-22", sentence)) == [("Lilongwe", "2036-05-01")]


def test_a_go_between_carrying_messages_at_a_place_on_a_day_still_meets() -> None:
    # near miss: a proximity round, told with its day and place
    rows = _rows(
        (
            "2036-06-22",
            "In Mzuzu on Tuesday, the envoy carried messages between the Malawian and Tanzanian "
            "delegations, who sat in separate rooms.",
        )
    )
    assert "2036-06-17" in [day for _, day in rows]
