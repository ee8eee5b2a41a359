"""Narrator background, weapons as things, attacks inside speech and releases by their course.

Every sentence is invented (issue 13, branch read/background): each table holds the probes that
exposed a gap, and near misses that must keep their type.
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# A weapon named is not its use: owned, bought, sold, made, shown, tested, moved or budgeted.
@pytest.mark.parametrize(
    "text",
    [
        "The ministry signed a contract for 40 howitzers and 200 artillery shells.",
        "The factory makes artillery shells for the army.",
        "The plant produces drones and missiles for export.",
        "The arms deal includes 12 helicopters and a batch of mortars.",
        "Production of mortar rounds has tripled since last year.",
        "Engineers are testing a new rocket launcher at the range.",
        "The defence budget includes funds for air defence systems and artillery.",
        "The rebels are armed with mortars, machine guns and anti-tank weapons.",
        "The army is equipped with foreign-made drones and heavy artillery.",
        "Tanks, rocket launchers and drones rolled through the capital during the parade.",
        "The militia has acquired heavy machine guns and mortars from smugglers.",
        "The country's stockpile of cluster bombs is estimated at 5,000.",
        "The arsenal includes ballistic missiles with a range of 2,000 km.",
        "The company exports mortars and grenade launchers to a dozen countries.",
        "The sale of 30 attack drones was approved by the parliament.",
        "The country test-fired a new ballistic missile into the sea on Tuesday.",
        "Soldiers cleaned their machine guns at the barracks.",
        "The museum displays old mortars and cannons from the colonial wars.",
        "Peru bought glide bombs from a European supplier.",
        "A convoy carrying artillery shells crossed the border into the north.",
        "The minister, who once led the army's artillery corps, took office in March.",
        "Peru has ordered 30 attack helicopters from a European maker.",
    ],
)
def test_a_weapon_named_as_a_thing_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Drones hit a fuel depot near the port overnight.",
        "The army fired mortars at rebel positions on the ridge.",
        "Artillery pounded the outskirts of the town for a third day.",
        "The rebels attacked the base with mortars and machine guns.",
        "Rocket launchers fired on the village from across the river.",
        "The convoy came under mortar fire near the checkpoint.",
        "Heavy artillery fire was heard along the front on Tuesday.",
        "The rebels, armed with mortars, shelled the town overnight.",
        "Attack helicopters fired rockets at the convoy.",
        "The army used drones it had bought abroad to strike the depot.",
    ],
)
def test_a_weapon_used_is_still_a_strike(text: str) -> None:
    assert "strike" in types(text)
