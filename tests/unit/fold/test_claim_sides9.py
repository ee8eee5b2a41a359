"""Sides of casualty claims named by the victims' kind (branch state/claims9): the noun after a
quoted figure or a range, forces of the other kind than the side the sentence named before the
killing, "members of the security forces", and a bare figure joined by "and that" to the one
before. Every sentence, person, place and group is invented."""

import pytest

from tests.factories import claim_sides

WAR = "Zambia and the Luangwa Valley Front (LVF) have fought near Mpika-Kaleya since May. "


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        # the group speaks; the soldiers after the closing quote are the state's
        (
            WAR + 'The LVF said its units had killed "at least 25" soldiers on the Kaleya road.',
            25,
            "Zambia",
        ),
        (
            WAR + "The LVF said its men had killed 'nearly 40' police officers in the raids.",
            40,
            "Zambia",
        ),
        # the state speaks; the rebels after the quoted figure are the group's (by its code)
        (
            WAR + 'The Zambian army said it had killed "more than 30" rebels near Chansa-Ndola.',
            30,
            "LVF",
        ),
    ],
)
def test_the_victims_noun_after_a_quoted_figure_names_their_side(
    text: str, figure: int, side: str
) -> None:
    assert claim_sides(text)[figure] == side


def test_a_quoted_range_is_read_to_its_noun() -> None:
    from schemas.snippet import Snippet
    from streams.core.fold.folds import project_tables
    from streams.core.read.extract import extract_events

    text = WAR + 'The LVF said its units had killed "between 12 and 18" soldiers near Mpika-Kaleya.'
    tables = project_tables(extract_events(Snippet(text=text)))["casualty_claims"].values()
    sides = {
        (c.low, c.high): c.side
        for table in tables
        for group in table.by_claimant.values()
        for c in group
    }
    assert sides[(12, 18)] == "Zambia"


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        (
            WAR + "News from Zambia: the army says it killed nine insurgents near Kandewe.",
            9,
            "LVF",
        ),
        (
            WAR + "Across Zambia the army said on Sunday that its patrols had repelled a raid, "
            "killing six rebels near Chansa-Ndola.",
            6,
            "LVF",
        ),
    ],
)
def test_forces_of_the_other_kind_are_not_the_side_named_before(
    text: str, figure: int, side: str
) -> None:
    assert claim_sides(text)[figure] == side


def test_civilians_killed_after_a_state_is_named_stay_its_own() -> None:
    # no forces named: the victims are where it struck, the side named last before the figure
    text = WAR + "Shells hit a market in Zambia's Kaleya district, killing four people."
    assert claim_sides(text)[4] == "Zambia"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            WAR + "Minister Harriet Nabukeera-Lwanga said that 96 members of the security "
            "forces had been killed in the valley since 2023.",
            96,
        ),
        (
            WAR + "The minister said 58 members of the armed forces had died since the war began.",
            58,
        ),
    ],
)
def test_members_of_the_security_forces_are_the_states(text: str, figure: int) -> None:
    # their kind beats the whole war's both sides
    assert claim_sides(text)[figure] == "Zambia"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            WAR + "Minister Harriet Nabukeera-Lwanga said that 280 soldiers had been killed since "
            "the insurgency began, and that 44 were missing.",
            44,
        ),
        (
            WAR + "General Kofi Mwansa-Banda said 150 soldiers had died since 2024 and that 23 "
            "had been wounded.",
            23,
        ),
    ],
)
def test_a_bare_figure_joined_by_and_that_is_of_the_figure_before(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "Zambia"


BORDER = "Fighting between Uruguay and Paraguay went on near the border. "


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (BORDER + "The Tacuari Observatory now counts nearly 2,300 dead since August.", 2300),
        (
            BORDER + "The Tacuari Observatory said 31 people had been killed since the "
            "cessation of hostilities took effect.",
            31,
        ),
        (
            BORDER + "The Tacuari Observatory says 27 people have been killed since the truce "
            "came into force.",
            27,
        ),
        (
            "The Tacuari Observatory says nearly 2,000 people have been killed since the "
            "rebellion began.",
            2000,
        ),
    ],
)
def test_a_toll_over_a_span_to_now_by_no_side_is_both_sides(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "both sides"


@pytest.mark.parametrize(
    "text",
    [
        # a day's toll compared with a month is no span: "the worst since March"
        BORDER + "Shelling killed 14 people on Tuesday, the worst since March, the Tacuari "
        "Observatory said.",
        # a side's forces named keep their side
        BORDER + "The Tacuari Observatory said 40 Paraguayan soldiers had been killed since June.",
    ],
)
def test_a_span_names_no_both_sides_for_one_day_or_one_sides_forces(text: str) -> None:
    assert "both sides" not in claim_sides(text).values()


@pytest.mark.parametrize(
    ("text", "figure", "side"),
    [
        # "the army" of a process of one state and one group speaks for that state: the
        # attackers it killed are the group's, the losses "on its side" the state's
        (
            WAR + "The army said its troops had repelled an LVF attack on an outpost near "
            "Chansa-Ndola, killing five attackers.",
            5,
            "Luangwa Valley Front",
        ),
        (
            WAR + "The army said clashes near Chansa-Ndola had left four rebels dead and two "
            "soldiers wounded on its side.",
            2,
            "Zambia",
        ),
    ],
)
def test_a_bare_army_speaks_for_the_one_state_of_the_process(
    text: str, figure: int, side: str
) -> None:
    assert claim_sides(text)[figure] == side


def test_a_bare_army_of_two_states_speaks_for_neither() -> None:
    # of two states, whose army is untold
    text = BORDER + "The army said two soldiers were wounded on its side near the river."
    assert claim_sides(text)[2] is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "The Tacuari Observatory said its count of the dead had passed 1,300 on both sides, "
            "of whom nearly four hundred were civilians.",
            400,
        ),
        (
            "The Tacuari Observatory said its count of the dead had risen to 900 on both sides, "
            "including at least 35 civilians.",
            35,
        ),
    ],
)
def test_a_part_that_names_no_side_is_of_the_wholes_side(text: str, figure: int) -> None:
    assert claim_sides(text)[figure] == "both sides"


def test_a_side_named_in_a_part_is_the_parts_not_the_wholes() -> None:
    sides = claim_sides(
        BORDER + "The Tacuari Observatory says 13 people have been killed since February, "
        "seven of them on the Paraguayan side."
    )
    assert sides[7] == "Paraguay"
    assert sides[13] != "Paraguay"
