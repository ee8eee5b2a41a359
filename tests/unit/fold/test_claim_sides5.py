"""Whose losses a toll of the whole war counts (issue 14 item 4, branch state/rounds5): a
figure counted over the war ("in the conflict since 2031", "in all", "the latest count"), that
names no side, given by a speaker who is no side, is the dead of both sides. Every sentence,
person, place and group is invented."""

import pytest

from tests.factories import claim_sides

WAR = "Fighting between Uruguay and Paraguay went on for a third week near the border. "


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            WAR + "The Tacuari Observatory said 1,210 people had been killed in the conflict "
            "since 2031.",
            1210,
        ),
        (WAR + "The Tacuari Observatory's latest count is 1,305 dead.", 1305),
        (WAR + "Nearly 900 people in all have died, the Tacuari Observatory says.", 900),
    ],
)
def test_a_toll_of_the_whole_war_by_no_side_is_bothclaim_sides(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "both sides"


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        # a side named in the figure's words keeps its side
        (
            WAR + "The Tacuari Observatory said 310 Paraguayan soldiers had been killed in the "
            "conflict since 2031.",
            310,
            "Paraguay",
        ),
    ],
)
def test_a_whole_war_toll_that_names_its_side_keeps_it(text: str, figure: int, side: str) -> None:
    assert claim_sides(text)[figure] == side


def test_a_toll_of_one_day_names_no_bothclaim_sides() -> None:
    # no scope of the whole war: the monitor's figure of one shelling is no war toll
    sides = claim_sides(WAR + "Shelling killed 14 people on Tuesday, the Tacuari Observatory said.")
    assert sides[14] != "both sides"
