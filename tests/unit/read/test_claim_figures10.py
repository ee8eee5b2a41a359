"""Casualty figures quoted with their noun before the fate ('"at least 30 assailants" died'),
and martyrs among the people a side lost (branch state/claims10). Every sentence and place is
invented."""

import pytest

from streams.core.read.figures import find_figures


def _read(text: str) -> list[tuple[int | None, str]]:
    return [(f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The army said five soldiers were killed and that "at least 40 attackers" died in the'
            " fighting near Koundara-Bis.",
            [(5, "killed"), (40, "killed")],
        ),
        (
            "The front said \u201cmore than 12 of our comrades\u201d were wounded at Bardai-Zoui.",
            [(12, "wounded")],
        ),
        ('The front said it had lost "three martyrs" near Bardai-Zoui.', [(3, "killed")]),
        ("The movement said it had lost two martyrs in the raid.", [(2, "killed")]),
    ],
)
def test_quoted_people_and_martyrs(text: str, expected: list[tuple[int, str]]) -> None:
    assert _read(text) == expected


def test_a_quotation_closed_before_another_figure_counts_no_one() -> None:
    # the quote closes after its noun, but the fate is another figure's
    assert _read('The mayor said "12 families" left and 30 people were wounded.') == [
        (30, "wounded")
    ]
