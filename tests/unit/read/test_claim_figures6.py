"""Figures as outlets write them and dates beside them: thousands grouped by dots or spaces
("1.450", "3 400"), and the day of a date next to a report ("On 22 March a herdsman was
killed") is no figure. Every sentence is invented."""

import pytest

from streams.core.read.figures import find_figures


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
