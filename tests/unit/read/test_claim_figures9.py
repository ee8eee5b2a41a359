"""Casualty figures of people named at length before their fate, and of a part of people
named before by an earlier fate (branch state/claims9). Every sentence and place is invented."""

import pytest

from streams.core.read.figures import find_figures


def _read(text: str) -> list[tuple[int | None, str]]:
    return [(f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry says 312 soldiers and civilians on the government side have been "
            "killed since 2031.",
            [(312, "killed")],
        ),
        (
            "The Kestrel Valley Monitor said 75 farmers and herders from the western hill "
            "districts were killed in the raids.",
            [(75, "killed")],
        ),
        (
            "The office recalls that 240 members of the armed forces and of the border guard "
            "have lost their lives since 2030.",
            [(240, "killed")],
        ),
    ],
)
def test_people_named_at_length_before_their_fate(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a finite verb in the gap: the speakers are no figure of the dead
        (
            "Two villagers said the raid on the Dornval market killed eleven people.",
            [(11, "killed")],
        ),
        (
            "Three nurses told reporters the shelling of Pellorin had killed 19 people.",
            [(19, "killed")],
        ),
        (
            "Two officials think the attack on the army base near Tesmir killed nine.",
            [(9, "killed")],
        ),
        # a clause opened in the gap
        (
            "Four men who had guarded the depot at the edge of Tesmir were wounded.",
            [],
        ),
        # a verb in -ed in the gap; a short gap reads on ("two herders to death")
        (
            "Four elders of the hill clans asked the army to stop the shelling that had killed "
            "nine.",
            [(9, "killed")],
        ),
        ("A crowd beat two herders to death near the old well of Gbarvo.", [(2, "killed")]),
        # another figure in the gap: the fate is the nearer figure's
        (
            "The five are three deckhands from the port and two government surveyors abducted "
            "in April.",
            [(2, "captured")],
        ),
        # the fate is a verb joined by "and", not the people's
        (
            "Gunmen set fire to two trucks near the Khubelu-Ost pass and wounded a driver.",
            [],
        ),
    ],
)
def test_a_long_gap_holds_no_verb_and_no_other_figure(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The office says 37 of the 41 missing have been found dead near Tesmir.",
            [(37, "killed")],
        ),
        (
            "The tracing service said 22 of the 30 missing fishermen had been found dead.",
            [(22, "killed")],
        ),
        ("Six of the 20 wounded later died in hospital, the clinic said.", [(6, "killed")]),
        # the same fate told again: the part is a figure, and the whole keeps its own
        (
            "Ana Velloso-Kant of the Tesmir Families Association said 149 of the 152 missing "
            "people on the association's list were still unaccounted for.",
            [(149, "missing"), (152, "missing")],
        ),
    ],
)
def test_a_part_of_people_named_by_an_earlier_fate_is_the_fate_told(
    text: str, expected: list[tuple[int, str]]
) -> None:
    # the figure after "of the" refers back to people counted before: no claim of its own
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole is told first, then the part: both are figures of the sentence
        (
            "Of the 41 missing, 37 have been found dead, the office said.",
            [(41, "missing"), (37, "killed")],
        ),
        # no other fate told: the figure stands
        ("The office still lists 37 of the 41 missing.", [(41, "missing")]),
    ],
)
def test_a_part_with_no_other_fate_keeps_the_figure(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert _read(text) == expected
