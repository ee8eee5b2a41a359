"""Whose losses a figure counts when the side is named by its kind, by a group's later name or
through the speaker's title (issue 14 item 4, branch state/claims2). Every sentence, person,
place and group is invented."""

from typing import Any

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events


def _claims(text: str) -> list[Any]:
    """Every casualty claim the snippet's text folds to."""
    tables = project_tables(extract_events(Snippet(text=text)))["casualty_claims"].values()
    return [
        c
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    ]


def _sides(text: str) -> dict[int | None, str | None]:
    return {c.value: c.side for c in _claims(text)}


def _claimants(text: str) -> dict[int | None, str]:
    return {c.value: c.claimant for c in _claims(text)}


GROUP = "Talks between Peru's government and the Upland Liberation Front (ULF) resumed in Lima. "


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        (
            GROUP + "The Peruvian army said 14 people were killed on the government side.",
            14,
            "Peru",
        ),
        (GROUP + "The Peruvian army said there were at least 30 dead among the rebels.", 30, "ULF"),
        (GROUP + "A ULF spokesman said 19 soldiers died among government troops.", 19, "Peru"),
        (
            GROUP
            + "Army commander Ana Sotil said 25 of the dead were in the ranks of the insurgents.",
            25,
            "ULF",
        ),
        # before the figure, in its own clause
        (
            GROUP + "The Front said it had lost 12 men, while casualties on the army side stood at "
            "40 killed.",
            40,
            "Peru",
        ),
        # near miss: a side phrase of another clause names another figure's side
        (
            GROUP
            + "The army said 8 of its soldiers died, while the dead among the rebels were not "
            "counted.",
            8,
            "Peru",
        ),
    ],
)
def test_a_side_named_by_its_kind_in_the_figure_s_clause(text: str, figure: int, side: str) -> None:
    assert side in (_sides(text)[figure] or "")


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        # a group introduced once, named later by its head noun or acronym
        (
            GROUP + "The army said it had killed 21 Front militants near Puerto Sal.",
            21,
            "Upland Liberation Front",
        ),
        (
            GROUP + "Peru's defence ministry said 17 ULF fighters were killed in the assault.",
            17,
            "Upland Liberation Front",
        ),
        (
            GROUP + "The Front said on Tuesday that it had lost 12 men.",
            12,
            "Upland Liberation Front",
        ),
        # the army or the government as the subject of "lost": the state
        (GROUP + "A Front commander, Tito Varga, said the army had lost 60 soldiers.", 60, "Peru"),
        # near miss: a group named as the one who struck is not the victims' side (the
        # speaker's state is)
        (
            GROUP + "Peru's defence ministry said 9 people were killed in ULF shelling of Tambo.",
            9,
            "Peru",
        ),
    ],
)
def test_a_group_named_again_and_a_side_named_by_its_kind_as_the_subject_of_lost(
    text: str, figure: int, side: str
) -> None:
    assert side in (_sides(text)[figure] or "")


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        (
            "Bolivia's health minister, Rosa Quinde, visited Oruro. Quinde said 31 civilians had "
            "been wounded by the shelling.",
            31,
            "Bolivia",
        ),
        (
            "Peru's defence ministry spokesman, Hugo Marca, spoke in Lima. Marca also said that 8 "
            "soldiers were wounded at the Yura base.",
            8,
            "Peru",
        ),
        # near miss: a verb between the state and the title owns nothing
        (
            "Bolivia said on Monday the minister, Rosa Quinde, would visit Oruro. Quinde said 31 "
            "civilians had been wounded by the shelling.",
            31,
            None,
        ),
    ],
)
def test_a_speaker_s_title_owned_by_a_state_gives_the_side_through_its_portfolio(
    text: str, figure: int, side: str | None
) -> None:
    assert _sides(text)[figure] == side


def test_a_group_named_again_by_its_head_speaks_by_its_full_name() -> None:
    text = GROUP + "The Front said 12 of its fighters had been killed."
    assert _claimants(text)[12] == "Upland Liberation Front"


def test_two_groups_with_the_same_head_are_not_named_by_it() -> None:
    text = (
        "The Upland Liberation Front (ULF) and the Coastal People's Front (CPF) fought Peru's "
        "army. The Front said 12 of its fighters had been killed."
    )
    assert _claimants(text)[12] != "Upland Liberation Front"
    assert _claimants(text)[12] != "Coastal People's Front"


def test_the_forces_a_figure_names_in_a_process_of_one_state_are_that_state_s() -> None:
    text = (
        "Bolivia's government faces an uprising in the south. The rebels say nearly two hundred "
        "soldiers have died."
    )
    assert _sides(text)[200] == "Bolivia"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # a figure with no noun of its own, joined to the figure before it, shares its side
        (
            GROUP + "The army said three soldiers were killed and two were missing.",
            {3: "Peru", 2: "Peru"},
        ),
        (
            GROUP + "The ministry put army losses at 212 soldiers killed and 95 missing.",
            {95: "Peru"},
        ),
        # a kind with an adjective after "among"
        (
            GROUP + "Among the returning soldiers were seven wounded, the ministry said.",
            {7: "Peru"},
        ),
        # near miss: a figure with a noun of its own keeps its own (no) side
        (
            GROUP + "The army said three soldiers were killed and 40 villagers were wounded.",
            {3: "Peru", 40: None},
        ),
    ],
)
def test_a_bare_figure_joined_to_another_shares_its_side(
    text: str, sides: dict[int, str | None]
) -> None:
    found = _sides(text)
    for figure, side in sides.items():
        assert found[figure] == side, (figure, found)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # the noun of the figure before sits between the two figures
        (
            GROUP + "The army said ULF fighters had ambushed a convoy, killing six soldiers and "
            "wounding nine.",
            {6: "Peru", 9: "Peru"},
        ),
        # near miss: the second figure names its own noun
        (
            GROUP + "The army said its troops had stormed a camp, killing six soldiers and "
            "wounding nine rebels.",
            {9: "ULF"},
        ),
    ],
)
def test_a_bare_figure_after_the_noun_of_the_figure_before_shares_its_side(
    text: str, sides: dict[int, str | None]
) -> None:
    found = _sides(text)
    for figure, side in sides.items():
        assert found[figure] == side, (figure, found)


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        # the group is the subject of the attack: the guards and officers it killed are not its own
        (
            GROUP + "A spokesman said ULF gunmen had fired on a checkpoint, killing four guards.",
            4,
            "Peru",
        ),
        (
            GROUP + "The police said ULF fighters attacked a station overnight, wounding five "
            "officers.",
            5,
            "Peru",
        ),
        # a state named as the one who shelled: the victims are the other state's
        (
            "Talks between Chile and Bolivia opened in Quito. Bolivia's interior ministry said "
            "Chilean artillery had shelled a village, killing six farmers.",
            6,
            "Bolivia",
        ),
    ],
)
def test_a_side_named_as_the_one_who_struck_is_not_the_victims_side(
    text: str, figure: int, side: str
) -> None:
    assert _sides(text)[figure] == side


def test_a_side_named_as_the_victim_of_an_attack_keeps_the_figure() -> None:
    # near miss: the side named before the figure was hit, not the one who struck
    text = (
        "Talks between Chile and Bolivia opened in Quito. Missiles hit a Bolivian town on "
        "Sunday, killing at least 12, officials said."
    )
    assert _sides(text)[12] == "Bolivia"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # the group speaks, but the figure names the other kind's forces
        (
            "The Upland Liberation Front (ULF) said its fighters had killed 15 police.",
            15,
        ),
        (
            "The Upland Liberation Front (ULF) put its own losses at four dead and said 23 "
            "soldiers had died.",
            23,
        ),
    ],
)
def test_a_group_s_own_side_is_not_the_side_of_the_state_s_forces(text: str, figure: int) -> None:
    assert _sides(text)[figure] is None


def test_a_group_s_own_losses_stay_its_own() -> None:
    # near miss: its own fighters are its side
    text = "The Upland Liberation Front (ULF) said 12 of its fighters had been killed."
    assert _sides(text)[12] == "Upland Liberation Front"


def test_civilians_killed_by_a_group_that_struck_are_the_other_side_s() -> None:
    text = (
        GROUP + "Gunmen of the ULF attacked the village of Tarma on Sunday, killing 23 civilians, "
        "the health ministry said."
    )
    assert _sides(text)[23] == "Peru"


def test_civilians_killed_with_no_side_named_as_striking_have_no_side() -> None:
    # near miss: no one is named as the one who struck
    text = GROUP + "A blast in the market of Tarma on Sunday killed 23 civilians."
    assert _sides(text)[23] is None


# Whose losses, by the kind of side that owns them ("the army's losses", "rebel dead"), read in
# the figure's own words too ("put the army's losses at 50"); a front that lost men is the group.
@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        (GROUP + 'A rebel spokesman put the army\'s losses at "more than fifty dead".', 50, "Peru"),
        (GROUP + "The colonel put army losses at nine dead and four wounded.", 9, "Peru"),
        (GROUP + "The colonel said rebel losses stood at 23 dead after the raid.", 23, "ULF"),
        (GROUP + "A Front spokesman said the front had lost six fighters in the valley.", 6, "ULF"),
    ],
)
def test_a_side_named_by_the_kind_that_owns_the_losses(text: str, figure: int, side: str) -> None:
    assert side in (_sides(text)[figure] or "")
