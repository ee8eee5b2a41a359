"""Casualty figures an analyst can quote (issue 14, branch state/claims): figures joined by
"and" that share one verb, parts of a toll ("among them 9 children"), refugees killed, and a
gap that never crosses another figure. Every sentence is invented."""

import pytest

from streams.core.read.figures import find_figures


def _figures(text: str) -> list[tuple[int | None, str]]:
    return [(f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The army said 120 Peruvian soldiers and 45 Chilean soldiers were killed.",
            [(120, "killed"), (45, "killed")],
        ),
        ("Some 9 Ghanaian and 41 Togolese soldiers were killed.", [(9, "killed"), (41, "killed")]),
        (
            "Officials said 30 civilians and 12 police officers were wounded at the market.",
            [(30, "wounded"), (12, "wounded")],
        ),
        ("In all, 7 Bolivians and 3 Paraguayans were injured.", [(7, "wounded"), (3, "wounded")]),
        # near misses: a range, a date, a count of things, a figure already read
        ("Between 300 and 400 soldiers were killed.", [(None, "killed")]),
        ("On 3 March and again 45 soldiers were killed.", [(45, "killed")]),
        ("The rebels fired 120 rockets and 45 soldiers were killed.", [(45, "killed")]),
        ("It said 12 were killed and 45 were wounded.", [(12, "killed"), (45, "wounded")]),
    ],
)
def test_figures_joined_by_and_share_the_verb_after_the_second(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The strike killed 23 people, among them 9 children.",
            [(23, "killed"), (9, "killed")],
        ),
        (
            "At least 18 people were injured, 6 of them children.",
            [(18, "wounded"), (6, "wounded")],
        ),
        (
            "The shelling killed 17 civilians, including 8 women and 5 children.",
            [(17, "killed"), (8, "killed"), (5, "killed")],
        ),
        (
            "Some 40 people died in the flood of the camp, of whom 11 were children.",
            [(40, "killed"), (11, "killed")],
        ),
        (
            "Forty people were wounded, among them two journalists.",
            [(40, "wounded"), (2, "wounded")],
        ),
        # near misses: no toll before the part, a part of no people
        ("The delegation, including 3 ministers, arrived in Lima.", []),
        ("Talks on 12 issues, including 4 on water, ended.", []),
        (
            "The strike killed 23 people and destroyed 9 houses, among them 2 schools.",
            [(23, "killed")],
        ),
    ],
)
def test_a_part_of_those_a_figure_counts_takes_its_unit(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency said 18 refugees were killed when shells hit the camp.", [(18, "killed")]),
        ("Five displaced people were injured in the blast.", [(5, "wounded")]),
        # near misses: refugees who only fled or crossed
        ("Some 4,000 refugees crossed into Peru on Friday.", [(4000, "displaced")]),
        ("About 2,000 people fled the town.", [(2000, "displaced")]),
    ],
)
def test_refugees_killed_are_killed(text: str, expected: list[tuple[int | None, str]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The clinic buried 21 people and treated 60 injured.",
            [(60, "wounded")],
        ),
        (
            "Medics evacuated 14 people and 30 were hurt.",
            [(30, "wounded")],
        ),
        # near misses: the figure next to its unit is read as before
        ("Medics said 30 were hurt and 4 died.", [(30, "wounded"), (4, "killed")]),
    ],
)
def test_a_figure_never_reaches_its_unit_over_another_figure(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 300 soldiers were killed or wounded.", [(300, "casualties")]),
        ("About 200 were injured or killed in the raids.", [(200, "casualties")]),
        ("The war has left half a million soldiers dead or wounded.", [(500000, "casualties")]),
        ("The raid left 40 soldiers injured.", [(40, "wounded")]),
        # near misses: each figure with its own unit; one unit twice
        ("Twelve were killed and 30 wounded.", [(12, "killed"), (30, "wounded")]),
        ("The blast left 40 soldiers dead.", [(40, "killed")]),
        ("Some 300 soldiers were killed or died of their wounds.", [(300, "killed")]),
    ],
)
def test_the_killed_or_wounded_are_casualties_and_an_injury_is_no_death(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paraguay said it had lost 80 soldiers, while Bolivia had lost 210.",
            [(80, "killed"), (210, "killed")],
        ),
        (
            "Chile lost 40 men and Peru lost 65, the monitor said.",
            [(40, "killed"), (65, "killed")],
        ),
        # near misses: no lives lost before; things lost; a clause that goes on
        ("Peru lost 65, the monitor said.", []),
        ("Chile lost 40 tanks and Peru lost 65.", []),
        ("Chile lost 40 men and Peru lost 3 in the vote.", [(40, "killed")]),
    ],
)
def test_lives_lost_told_twice_elide_the_people_the_second_time(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert _figures(text) == expected
