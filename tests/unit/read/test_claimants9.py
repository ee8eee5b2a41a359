"""Who gives a figure when a trailing speaker's lower-case title holds a possessive (branch
state/claims9): "..., the district hospital's director says" is that director, as "the hospital
director says" is. Every sentence, body, person and place is invented."""

import pytest

from tests.factories import claimants_by_figure


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Nine people were killed overnight when shells fell on the market in Velmora, the "
            "district hospital's director says.",
            "district hospital's director",
        ),
        (
            "At least 14 people were wounded when a rocket hit the bus station in Karvessa, the "
            "town council's chairwoman said on Monday.",
            "town council's chairwoman",
        ),
        (
            "Eleven people were wounded in the shelling of Dornval, the regional clinic\u2019s "
            "chief surgeon told reporters.",
            "regional clinic\u2019s chief surgeon",
        ),
    ],
)
def test_a_trailing_title_with_a_possessive_is_the_claimant(text: str, claimant: str) -> None:
    assert set(claimants_by_figure(text).values()) == {claimant}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # the possessive-free title and a place's official keep their readings
        (
            "Nine people were killed when shells fell on Velmora, the hospital director says.",
            "hospital director",
        ),
        (
            "Nine people were killed when shells fell on the market in Velmora, the town's mayor "
            "said.",
            "mayor of Velmora",
        ),
    ],
)
def test_titles_without_a_possessive_keep_their_claimant(text: str, claimant: str) -> None:
    assert set(claimants_by_figure(text).values()) == {claimant}


def test_what_a_toll_is_of_is_still_no_claimant() -> None:
    # "the war's toll": no speaker at all, the possessive is what the toll is of
    assert set(claimants_by_figure("The war's toll reached 1,240 by May.").values()) == {
        "unattributed"
    }


MONITOR = "The Kestrel Border Monitor published its weekly report on Monday. "


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            MONITOR + "The civilian deaths it has verified stand at 148, most of them in Velmora.",
            148,
        ),
        (
            MONITOR + "Its running count of the dead since the conflict began in 2031 now stands "
            "at 1,980 on both sides.",
            1980,
        ),
        (MONITOR + "Its latest tally is 312 dead.", 312),
    ],
)
def test_a_toll_opened_by_its_pronoun_is_the_body_named_before(text: str, figure: int) -> None:
    assert claimants_by_figure(text)[figure] == "Kestrel Border Monitor"


def test_its_toll_after_a_subject_of_the_sentence_is_the_subjects() -> None:
    # "its" refers to the sentence's own subject, not to the body named before
    text = MONITOR + "The Velmora Ministry of Defence has raised its toll to nine soldiers killed."
    assert claimants_by_figure(text)[9] != "Kestrel Border Monitor"
