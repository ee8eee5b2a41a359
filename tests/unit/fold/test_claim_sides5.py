"""Whose losses a toll of the whole war counts (issue 14 item 4, branch state/rounds5): a
figure counted over the war ("in the conflict since 2031", "in all", "the latest count"), that
names no side, given by a speaker who is no side, is the dead of both sides. Every sentence,
person, place and group is invented."""

from typing import Any

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events


def _sides(text: str) -> dict[int | None, str | None]:
    tables = project_tables(extract_events(Snippet(text=text)))["casualty_claims"].values()
    claims: list[Any] = [
        c
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    ]
    return {c.value: c.side for c in claims}


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
def test_a_toll_of_the_whole_war_by_no_side_is_both_sides(text: str, figure: int) -> None:
    assert _sides(text)[figure] == "both sides"


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
    assert _sides(text)[figure] == side


def test_a_toll_of_one_day_names_no_both_sides() -> None:
    # no scope of the whole war: the monitor's figure of one shelling is no war toll
    sides = _sides(WAR + "Shelling killed 14 people on Tuesday, the Tacuari Observatory said.")
    assert sides[14] != "both sides"
