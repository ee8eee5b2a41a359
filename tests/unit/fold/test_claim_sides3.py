"""Whose losses a figure counts in the wire register (issue 14 item 4, branch state/claims2 of
the seventh session): "on the two sides", the demonym of an attack names who struck, and
civilians a state's body counts are its state's. Every sentence, person, place and group is
invented."""

import pytest

from tests.factories import claim_sides

WAR = "Fighting between Uruguay and Paraguay went on for a third week near the border. "
GROUP = "Uruguay's army and the Quebrada Liberation Front (QLF) fought near Rincón-Alto. "


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        # "on the two sides" is both sides
        (
            WAR + "The Tacuarí Monitor says at least 640 people have died on the two sides.",
            640,
            "both sides",
        ),
        (
            WAR + "The Tacuarí Monitor put the dead on the two sides at 410.",
            410,
            "both sides",
        ),
        # the demonym of an attack, a weapon before it, names who struck, not the victims
        (
            WAR + "Uruguay's health ministry says a Paraguayan rocket strike on the market at "
            "Cerro Chato-Sur killed seven people.",
            7,
            "Uruguay",
        ),
        (
            WAR + "Uruguay's police said Paraguayan mortar fire on a bus station had killed "
            "four passengers.",
            4,
            "Uruguay",
        ),
        # near miss: a demonym of the place hit, not of an attack, names the victims' side
        (
            WAR + "Missiles hit a Paraguayan border town, killing 12 people, the Tacuarí Monitor "
            "said.",
            12,
            "Paraguay",
        ),
    ],
)
def test_both_sides_and_the_side_that_struck(text: str, figure: int, side: str | None) -> None:
    assert claim_sides(text)[figure] == side


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        # in a war of two states, the civilians a state's army or defence ministry counts are
        # that state's
        (
            WAR + "Uruguay's defence ministry issued a statement on Monday. At least eight "
            "civilians were killed when shells landed on a clinic, the ministry said.",
            8,
            "Uruguay",
        ),
        (
            WAR + "Uruguay's army said five farmers were wounded when mortar rounds hit "
            "their fields.",
            5,
            "Uruguay",
        ),
        # near misses: the combatants an army counts may be the enemy's; between a state and
        # a group, so may the civilians
        (
            WAR + "Uruguay's defence ministry issued a statement on Monday. At least eight "
            "combatants were killed near the river, the ministry said.",
            8,
            None,
        ),
        (
            GROUP + "Uruguay's defence ministry issued a statement on Monday. At least eight "
            "civilians were killed when shells landed on a clinic, the ministry said.",
            8,
            None,
        ),
    ],
)
def test_civilians_a_state_s_body_counts_are_its_state_s(
    text: str, figure: int, side: str | None
) -> None:
    assert claim_sides(text)[figure] == side


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare figure after the place, side or time of the figure before shares its side
        (
            GROUP + "Colonel Ada Ferreyra-Luz said 27 soldiers had been killed on the "
            "government side since March, and 38 had been wounded.",
            {27: "Uruguay", 38: "Uruguay"},
        ),
        # a side phrase after the last of figures joined by "and" is the side of each
        (
            WAR + "The Tacuarí Monitor put the army's losses since May at 61 killed and 14 "
            "missing on the Paraguayan side.",
            {61: "Paraguay", 14: "Paraguay"},
        ),
        # near miss: a figure with a side phrase of its own keeps it
        (
            WAR + "The Tacuarí Monitor counts 61 killed on the Uruguayan side and 14 missing "
            "on the Paraguayan side.",
            {61: "Uruguay", 14: "Paraguay"},
        ),
    ],
)
def test_figures_joined_by_and_share_the_side_phrase(
    text: str, expected: dict[int, str | None]
) -> None:
    found = claim_sides(text)
    assert {figure: found.get(figure) for figure in expected} == expected
