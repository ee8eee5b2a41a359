"""Figures as outlets write them and dates beside them: thousands grouped by dots or spaces
("1.450", "3 400"), and the day of a date next to a report ("On 22 March a herdsman was
killed") is no figure. Every sentence is invented."""

import pytest

from streams.core.read.figures import find_attribution, find_figures


def _figures(text: str) -> list[tuple[int | None, str]]:
    return [(f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The municipal office counted 1.450 new displaced persons.", [(1450, "displaced")]),
        ("Some 3 400 people were displaced.", [(3400, "displaced")]),
        ("The agency put in 6 800 the persons displaced.", [(6800, "displaced")]),
        # a decimal before a multiplier stays a decimal; commas as before
        ("Some 1.250 million people were displaced.", [(1250000, "displaced")]),
        ("Some 2.5 million people were displaced.", [(2500000, "displaced")]),
        ("At least 1,450 people were killed.", [(1450, "killed")]),
    ],
)
def test_thousands_grouped_by_dots_or_spaces(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 22 March a herdsman was killed by a mine near Kerova.", [(1, "killed")]),
        ("On March 22 a herdsman was killed by a mine.", [(1, "killed")]),
        ("On 3 May the army said five soldiers were killed.", [(5, "killed")]),
        # a day and a figure apart: both read as before
        ("On March 22, 14 soldiers were killed.", [(14, "killed")]),
        ("22 soldiers were killed on 3 March.", [(22, "killed")]),
    ],
)
def test_the_day_of_a_date_is_no_figure(text: str, expected: list[tuple[int | None, str]]) -> None:
    assert _figures(text) == expected


# The number of the displaced, wounded or missing as a toll, and people driven from their homes.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The relief ministry said the number of people displaced from the Kerova hills had "
            "risen to 14,000.",
            [(14000, "displaced")],
        ),
        (
            "The number of displaced people has risen to 9,500, the mayor said.",
            [(9500, "displaced")],
        ),
        ("The number of wounded has reached 45, the hospital in Kerova said.", [(45, "wounded")]),
        ("The number of missing now stands at 12.", [(12, "missing")]),
        (
            "More than 6,000 villagers have been driven from their homes since the spring.",
            [(6000, "displaced")],
        ),
        # a count or tally of the dead, and deaths named by what counts them
        (
            "Its running count of the dead since the war began in 2029 now stands at 1,980.",
            [(1980, "killed")],
        ),
        ("The tally of the wounded reached 40 on Monday.", [(40, "wounded")]),
        ("The civilian deaths it has verified stand at 148.", [(148, "killed")]),
        # refugees counted, people in relief camps, the dead put at a figure by their fate
        (
            "Aid workers registered new arrivals all week, bringing the number of refugees in "
            "the Kerova district to 19,600.",
            [(19600, "displaced")],
        ),
        (
            "The relief committee said 16,800 people remained in relief centres.",
            [(16800, "displaced")],
        ),
        ("The front put its fighters killed since 2034 at 608.", [(608, "killed")]),
        ("The ministry put its losses at 200.", []),
        # near misses: a count of something else, deaths with no figure
        ("The count of votes stood at 141.", []),
        ("Civilian deaths fell in 2034.", []),
        # as before: the number of the killed
        ("The number of people killed had risen to 72.", [(72, "killed")]),
    ],
)
def test_the_number_of_the_displaced_wounded_or_missing_is_a_toll(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert _figures(text) == expected


def test_a_body_that_gives_a_toll_is_its_claimant() -> None:
    assert find_attribution("The Kerova Monitor gave a toll of 46 dead for the week.") == (
        "Kerova Monitor"
    )
    assert find_attribution("The Kerova Monitor gave a lift to 46 people.") is None
