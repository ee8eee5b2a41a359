"""The strike / casualty_report / statement boundary as LABELS.md and the stories README draw it.

Every sentence is invented (issue 13, branch read/conventions). A running or whole-war toll is a
casualty report only, a toll of one attack is a strike too (README rule 5); a past attack named
by its year is history, not a report; an attack answered "if any" is a threat (LABELS.md:
threats are statements); a weapon that slams into something is no speaker.
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# A running toll: the attacks named as its cause over a span of time, a total, a toll compound.
@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the drone strikes on the valley since April has climbed to 95.",
        "The toll from Norland's air raids over the past three weeks stands at 402.",
        "Rocket attacks have killed 71 people in the south so far, officials said.",
        "More than 300 civilians have been killed in the shelling of Valle Alto since January.",
        "The overall toll from the bombings of the port now exceeds 150.",
        "The total number of people killed in the clashes this year has passed 900.",
        "Artillery attacks toll rises to 88",
        "At least 60 fishermen have died in the raids on the coast over the last two months.",
        "Drone strikes have wounded 230 people across the province this month.",
        "The cumulative toll of the barrages on the capital reached 1,400 in total.",
    ],
)
def test_a_running_toll_is_a_casualty_report_only(text: str) -> None:
    found = types(text)
    assert "strike" not in found
    assert "casualty_report" in found


# A toll of one attack, or of one day, stays a strike and a casualty report.
@pytest.mark.parametrize(
    "text",
    [
        "The death toll from Tuesday's air strike on the market in Ilo rose to 31.",
        "Rocket attacks killed 12 people in the south on Monday.",
        "At least 40 people were killed in shelling of Valle Alto on Sunday, the highest daily "
        "toll since January.",
        "The air strikes killed 57 civilians overnight.",
        "Shelling since dawn has killed 14 people in the old town.",
        "Over the past 24 hours, drones have killed nine people in the capital.",
        "Nine soldiers died in clashes near Puno early on Friday.",
    ],
)
def test_a_toll_of_one_attack_is_a_strike_and_a_casualty_report(text: str) -> None:
    assert {"strike", "casualty_report"} <= types(text)


# A past attack named by its year is history (README rule 5), not a reported attack.
@pytest.mark.parametrize(
    "text",
    [
        "She lost her father in a guerrilla attack in 2003.",
        "The monument, damaged in the shelling of the 1980s, was restored.",
        "The 2016 offensive on the city is still remembered in the north.",
        "Survivors of the 1998 bombing still live in the camp outside the town.",
        "The bridge was destroyed in the raids of 1994 and never rebuilt.",
    ],
)
def test_a_past_attack_named_by_its_year_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


# Near misses: an attack dated by its day, or going on since a year, is reported.
@pytest.mark.parametrize(
    "text",
    [
        "Rebels raided the town again on Monday, in the worst attack since 2016.",
        "On 3 March 2026, the army shelled rebel positions near Tarija.",
        "The army has been shelling the valley since 2021 and stepped up its raids this week.",
        "The attack in the north on Monday killed four guards.",
    ],
)
def test_an_attack_dated_by_its_day_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


# An attack answered "if any" is a threat: a statement, no strike (LABELS.md).
@pytest.mark.parametrize(
    "text",
    [
        "The navy said it would respond firmly to any attack on its ships.",
        "Santiago vowed retaliation against any aggression from the south.",
        "Troops are on alert for any incursion from across the river.",
        "The minister warned that Peru would strike back at any Chilean incursion.",
    ],
)
def test_an_attack_answered_if_any_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The navy repelled an attack on its ships on Friday.",
        "Chilean troops pushed back an incursion from across the river overnight.",
    ],
)
def test_an_attack_repelled_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


# A weapon that slams into something is a strike, not a speaker slamming a decision.
@pytest.mark.parametrize(
    ("text", "kinds", "absent"),
    [
        ("A shell slammed into the school's roof on Tuesday.", {"strike"}, {"statement"}),
        ("Two rockets slammed against the wall of the depot.", {"strike"}, {"statement"}),
        ("The minister slammed the rebels' demands as absurd.", {"statement"}, {"strike"}),
        ("Chile slammed Peru's refusal to return to the talks.", {"statement"}, {"strike"}),
    ],
)
def test_slammed_into_is_no_speech(text: str, kinds: set[str], absent: set[str]) -> None:
    found = types(text)
    assert kinds <= found
    assert not absent & found


# The span may open the sentence ("Over the past three weeks, X have killed N"), and weapons in
# the plural may be the cause of a running toll.
@pytest.mark.parametrize(
    "text",
    [
        "In the past three weeks, air raids on the delta have killed 140 people.",
        "So far, rocket attacks on the port have left 61 dead.",
        "Over the last two months, clashes in the hills have wounded 210 soldiers.",
        "Landmines have killed 45 children since the war ended.",
        "Drones have wounded 80 people in the capital so far this year.",
    ],
)
def test_a_running_toll_opened_by_its_span_is_no_strike(text: str) -> None:
    found = types(text)
    assert "strike" not in found
    assert "casualty_report" in found


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, air raids on the delta killed 14 people.",
        "Rockets fired from the hills killed three villagers.",
        "A missile launched from the sea wounded two sailors.",
        "Mortar shells killed two children near the river on Monday.",
        "Jets strafed a column of trucks on the highway.",
        "A helicopter was seen strafing the village at dawn.",
    ],
)
def test_a_weapon_that_kills_or_strafes_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


# Threats to target (LABELS.md: a statement), an attack as a habit, arms due to arrive.
@pytest.mark.parametrize(
    "text",
    [
        "The rebels vowed to target army bases in the capital.",
        "The militia threatened to target power stations across the north.",
        "Artillery duels were once a daily occurrence on the border.",
        "Air raids became a nightly ritual in the capital that winter.",
        "The new rocket launchers are due to arrive in March.",
        "The mortars are expected to arrive by ship.",
    ],
)
def test_force_named_but_not_used_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebel drones targeted an army base in the capital on Friday.",
        "Artillery duels broke out along the border on Tuesday.",
        "Mortars pounded the outskirts of the town as the convoy arrived.",
    ],
)
def test_force_used_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


# A body that puts a number on a toll makes a statement; tolls that near or pass a figure.
@pytest.mark.parametrize(
    ("text", "kinds", "absent"),
    [
        ("The ministry put the death toll at 45.", {"statement", "casualty_report"}, set()),
        ("The Red Cross put the number of wounded at about 300.", {"statement"}, set()),
        ("The storm put the harvest at risk.", set(), {"statement"}),
        ("The army put the rebels on notice.", set(), {"statement"}),
        ("The number of soldiers killed in the war has neared 5,000.", {"casualty_report"}, set()),
        ("Death toll nears 300", {"casualty_report"}, {"strike"}),
    ],
)
def test_tolls_put_and_neared(text: str, kinds: set[str], absent: set[str]) -> None:
    found = types(text)
    assert kinds <= found
    assert not absent & found


# History and habit: never attacked, a war fought long ago, fire in drills, past damage repaired.
@pytest.mark.parametrize(
    "text",
    [
        "The rebels say they have never attacked civilians.",
        "The army insists it never shelled the old town.",
        "Chile, which fought Peru in a short border war in 1995, said it was ready to talk.",
        "Bolivia fought its neighbours in three wars over the coast.",
        "The 1879 war left deep scars on both nations.",
        "Troops fired rockets at dummy targets during the annual exercise near Oruro.",
        "The navy launched two missiles as part of war games off the coast.",
        "Engineers began repairing the bridge damaged in last year's fighting.",
    ],
)
def test_history_and_drills_are_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Never before had the capital been shelled so heavily as on Monday.", {"strike"}),
        ("The army fired rockets at rebel positions near Oruro on Tuesday.", {"strike"}),
        (
            "The prime minister vowed to punish those behind Tuesday's attack on the border post.",
            {"strike", "statement"},
        ),
        ("The governor vowed to avenge the attack on the police station.", {"strike", "statement"}),
        (
            "Attacks by the Southern Front in the north killed 12 police officers on Monday.",
            {"strike", "casualty_report"},
        ),
    ],
)
def test_history_near_misses_stay_strikes(text: str, kinds: set[str]) -> None:
    assert kinds <= types(text)


def test_a_running_toll_with_a_long_agent_is_no_strike() -> None:
    text = "Attacks by the Southern Front have killed 89 police officers this year, officials said."
    assert {"casualty_report", "statement"} <= types(text)
    assert "strike" not in types(text)


# Occupations in the plural are no identified speaker (stories README, labelling rule 1), but
# staff at or from a body are its voice.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Engineers said the bridge had been hit by two missiles on Monday.", False),
        ("Two of the wounded died in hospital on Tuesday, doctors said.", False),
        ("Medics said the convoy had come under fire near the river.", False),
        ("The health ministry said 40 wounded were treated.", True),
        ("Doctors Without Borders said 40 wounded were treated in Ilo.", True),
        ("The doctors' union said hospitals in the north were overwhelmed.", True),
        # staff at or from a named body speak for it (branch state/claims)
        ("Doctors at the Arica Regional Hospital said 40 wounded were treated.", True),
        ("Rescuers from the Red Crescent said the convoy had come under fire.", True),
        ("Engineers from the state power company said the dam had been hit by drones.", True),
    ],
)
def test_occupations_are_no_speakers(text: str, speaker: bool) -> None:
    assert ("statement" in types(text)) is speaker


# A portrait of people by the war they fought in, or of captives by the years they were taken,
# is background; a relative clause dated by its day still reports a clash.
@pytest.mark.parametrize(
    ("text", "strike"),
    [
        ("The returnees were soldiers who had fought in the east.", False),
        ("Veterans who fought in the border war marched in the capital.", False),
        ("Among the freed were guerrillas who once fought for the Southern Front.", False),
        ("Twelve soldiers captured in 2021-2023 were freed on Sunday.", False),
        ("The sailors, seized in 2019, are still held in the port.", False),
        ("Rebels who fought with the army near Ilo on Sunday retreated.", True),
        ("Troops who fought off a rebel assault were decorated.", True),
        ("Rebels captured the town in the north on Sunday.", True),
    ],
)
def test_portraits_by_the_war_are_background(text: str, strike: bool) -> None:
    assert ("strike" in types(text)) is strike
