"""False strikes on the C4 boundary and its neighbours (issue 13, branch read/strikes2).

Every sentence is invented. Running counts with no attack (a count of fighters "killed" since a
date, "figures of", who was among a running toll, a war that "has displaced" or "cost the lives
of"), attacks under a condition or as a class ("if a village is bombed", "if they resume
attacks", "every attack", "those who attack", "any drone that ... will be shot down"), weapons in
drills or collected, attacks halted, quarrels told as clashes, attacks never claimed and people
counted as held after an abduction report no attack (`training/CONVENTIONS.md` C4, S1, S2).
Each class has near misses that share its words and do report one. Real attacks in words the
strike groups lacked (skirmishes, fire named by its weapon, "opened up on", reprisals, a push to
retake, munitions that fell on a place, devices that tore through a vehicle) are strikes, and
their near misses (verbal skirmishes, an interview that opened up on a past) are not.
"""

import pytest

from streams.core.read.classify import classify_sentence, classify_sentences


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


@pytest.mark.parametrize(
    "text",
    [
        # a count of fighters killed over a span: a running figure (figures)
        "The governor listed 140 rebels killed and 22 captured since the rains began.",
        "Army figures show 75 militants killed so far this year.",
        "Some 300 insurgents killed, 90 wounded: that is the general staff's count for June.",
        "The ministry gave a tally of 58 dead and 130 wounded among the police since April.",
        "Its estimate of 1,900 killed across the province is three times the official one.",
        "Those killed in the drone strikes included four nurses, the clinic in Hovar said.",
        "Those wounded by the shelling are mostly farmers from the lower valley.",
        # a running toll told by what it displaced or cost, or killed over a span (toll)
        "The Guard says it has killed 260 fighters in operations since the spring.",
        "Police said they had wounded 40 looters in raids over the past week.",
        "The war has left some 7,000 dead, most of them in air raids on the towns.",
        "Fighting between the Guard and the Hill Front near Ostrel has displaced 12,000 people.",
        "The clashes have now uprooted about 40,000 villagers in the two districts.",
        "The shelling has cost the lives of at least 230 civilians since the spring.",
        "Hostilities have forced more than 8,000 families from their homes.",
        # a toll in the perfect passive, over a span, or of casualties that now number a figure
        "At least 3,400 people have been killed in the fighting, the Red Crescent said.",
        "Clinics in Tarnow have treated 210 people wounded by shelling in the past fortnight.",
        "Drone strikes killed 75 civilians in the first half of the year, the mission said.",
        "Rocket attacks wounded 300 people across the province in 2025.",
        "Air strikes have killed more than 4,000 people since the start of the campaign.",
        "Casualties from the bombardment of Ostrel now number more than 2,000.",
        "Of the 320 killed in the raids, 70 were children.",
        # the fighting as what people bear or want ended (topic)
        "Farmers in the lower valley bear the brunt of the fighting, the council said.",
        "The bishop called for an end to the hostilities in the north.",
        "The war has emptied the hill villages of their young men.",
        "The clashes are rooted in a quarrel over grazing land.",
        "Herders fear renewed fighting once the rains end.",
        # attacks under a condition (generic)
        "The mayor said the militia would pay dearly if the school is shelled again.",
        "Aid groups will leave the valley if their convoys are ever attacked.",
        "The envoy warned of new sanctions if either side resumed its offensive.",
        "Talks would end at once if the rebels renewed their attacks, the minister said.",
        "The Guard said it would answer every incursion across the river.",
        "Anyone who fires on a relief convoy will face a military court.",
        "Those who shell hospitals must be brought to justice, the bishop said.",
        "Any aircraft that enters the zone without clearance will be shot down.",
        # weapons in drills or collected (arms)
        "Gunners fired mortars during a week of drills near the reservoir at Kemp.",
        "The artillery brigade held its annual exercises on the plain north of Ostrel.",
        "Heavy machine guns and 40,000 cartridges were collected at the depot by Friday.",
        # attacks halted, paused or suspended (halted; S1)
        "Air strikes on the northern districts have been suspended until further notice.",
        "Ground operations around Hovar remain on hold while the envoys talk.",
        "The air force halted its bombing runs over the delta on Tuesday.",
        # a quarrel told as a clash (quarrel)
        "Senators clashed on Monday over whether the mission should be extended.",
        "The two negotiators clashed sharply on the opening day in Lumen.",
        "Economists and bankers clashed over how to price the new bonds.",
        # an attack never claimed (history)
        "The Hill Front has never claimed an attack on foreign workers.",
        # people counted as held after an abduction (figures)
        "Photos of the 23 kidnapped miners were posted on the church door.",
    ],
)
def test_no_attack_is_reported(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # an attack that kills a count: the act, not a running figure
        "Insurgents killed 12 soldiers at a checkpoint near Hovar on Sunday.",
        "The rebels killed four guards and set the depot on fire.",
        "Those killed in Tuesday's strike on the bridge included two children.",
        # an attack, with a toll of the day beside it
        "Three people have been killed in shelling of the town overnight.",
        "Two soldiers have been killed in clashes near Hovar on Monday.",
        "Drone strikes killed 18 civilians on Tuesday, the mission said.",
        "Some 40 people have been killed in the fighting that erupted in Kemp, the governor said.",
        "Troops have killed 12 rebels in a raid on their camp since dawn.",
        "The Guard said it had killed 25 rebels in operations along the river this week.",
        "The strike killed 14 people, most of them in the market.",
        "The escalation of the fighting around Hovar on Friday forced the envoys to leave.",
        "Fighting broke out near Ostrel on Monday and displaced 3,000 people.",
        "Heavy shelling hit the market in Lumen on Friday, killing nine people.",
        # a real attack beside a conditional or a class word
        "Militiamen attacked the convoy at dawn, and the army said it would answer every attack.",
        "The rebels resumed their attacks on the road to Kemp on Thursday.",
        "Those who attacked the police post on Monday fled towards the hills.",
        # weapons used, not drilled with or collected
        "Gunners fired mortars at the rebel camp near the reservoir overnight.",
        "Machine guns opened up on the patrol as it crossed the bridge.",
        # fighting that happened, near the topic words
        "The clashes were over by nightfall, the mayor of Kemp said.",
        "Herders fled as the fighting reached the market of Hovar.",
        # attacks that go on
        "Air strikes on the northern districts continued for a third day.",
        "The air force resumed its bombing runs over the delta on Tuesday.",
        # fighters who clash
        "Troops and rebels clashed on Monday over control of the ridge near Ostrel.",
        "Rival militias clashed in the market of Hovar, witnesses said.",
        # an attack claimed
        "The Hill Front claimed an attack on a police station in Lumen.",
        # an abduction told as an act
        "Gunmen kidnapped 23 miners from a camp outside Kemp on Saturday.",
    ],
)
def test_an_attack_is_still_reported(text: str) -> None:
    assert "strike" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # a skirmish; fire named by its weapon; armed men who "opened up on" a target
        "Skirmishes flared along the river line near Tarnow overnight.",
        "Two patrols skirmished briefly at the ford below Kemp.",
        "Sniper fire kept the relief trucks out of the old town for a day.",
        "Tank fire shook the suburbs of Ostrel before dawn.",
        "Gunmen opened up on a bus carrying miners outside Hovar.",
        # reprisals and a push to retake a town
        "Militiamen carried out reprisals against three hamlets near Dunmor.",
        "The Guard began a push to retake the dam on the upper river.",
        # a munition told by where it fell; a device that tore through a vehicle
        "Bombs fell on the market square of Lumen at midday.",
        "Two mortar rounds landed inside the compound of the clinic.",
        "A roadside bomb tore through a police pickup near the quarry.",
        "An explosive device went off under a fuel truck at the Kemp junction.",
        "A landmine blast wrecked a tractor on the road to Ostrel.",
    ],
)
def test_an_attack_told_in_new_words_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers had a verbal skirmish over the budget.",
        "A legal skirmish over the mine's licence is due in court next week.",
        "The singer opened up on her childhood in a long interview.",
        "The mayor launched a drive to register new voters in Kemp.",
        "Prices of rockets fell in the arms fair's catalogue this year.",
        "Engineers said the explosive device was found and defused near the school.",
        "Critics carried out a campaign against the new tax.",
        "Officers of both sides met at the ford to calm tempers after the skirmish.",
    ],
)
def test_their_near_misses_are_no_strike(text: str) -> None:
    assert "strike" not in types(text)


# Branch state/rounds5: words of attack in idioms of work and politics report no attack (a
# labour strike over pay, a minister under fire in parliament, a charm offensive); near misses
# that share the words do.
@pytest.mark.parametrize(
    "text",
    [
        "Bus drivers in Kalondo began a strike over unpaid wages on Monday.",
        "Nurses at the provincial hospital have been on strike since Tuesday.",
        "The interior minister came under fire in parliament over the cost of new uniforms.",
        "The finance minister, under fire for the budget, met bankers in the capital.",
        "The tourism board has launched a charm offensive with travel agents abroad.",
    ],
)
def test_idioms_of_work_and_politics_are_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The patrol came under fire from rebels near Kalondo on Monday.",
        "Drones carried out a strike on a fuel depot in Kalondo overnight.",
    ],
)
def test_attacks_beside_the_idioms_are_strikes(text: str) -> None:
    assert "strike" in types(text)


# "Hold fire" is the promise not to shoot: the ceasefire's idiom, no attack.
@pytest.mark.parametrize(
    "text",
    [
        "The two commanders spoke over the hotline on Saturday and agreed to hold fire, the army "
        "said.",
        "Troops on both banks have held their fire since the talks in Kalondo, observers said.",
    ],
)
def test_holding_fire_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


# "Barrage" is also a dam or weir: the word alone names no fire. Fire is "a barrage", a
# barrage named by its weapon or its timing, or a barrage that hit or killed.
@pytest.mark.parametrize(
    "text",
    [
        "The Merrow barrage, built in the 1960s, controls the flow into the canals on both banks.",
        "Engineers from both sides will read the gauges at the barrage every week under the deal.",
        "The delegation asked who would pay for repairs to the barrage's sluice gates.",
        "The Tolven barrage itself remains in the hands of the river guard.",
    ],
)
def test_a_barrage_that_holds_water_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "A second barrage could be heard from the ridge above Kalondo shortly after midnight.",
        "Two soldiers died in that barrage, the army said.",
        "Drone barrage over Ostrel as the talks open in Hovar",
        "Overnight barrages left the market in Ostrel in ruins.",
        "The first barrage hit the depot at dawn, witnesses said.",
    ],
)
def test_a_barrage_of_fire_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


def last_types(*texts: str) -> set[str]:
    return {label.type for label in classify_sentences(list(texts), [False] * len(texts))[-1]}


_SHELLING = "Rebels shelled the market in Ostrel on Monday, killing four traders."


# A denial of, or blame for, the attack just reported refers back to it (CONVENTIONS S1): the
# sentence carries `strike` though it names no attack of its own.
@pytest.mark.parametrize(
    "text",
    [
        "The Hill Front denied any involvement in a statement on its radio.",
        "Each side blamed the other.",
        "The interior minister blamed the Hill Front and said the talks would go on.",
        "Police blamed the rebels.",
        'A spokesman said the Front "had nothing to do with it".',
        "The army denied having any role, saying none of its units was in the area.",
    ],
)
def test_disowning_the_attack_just_reported_is_a_strike(text: str) -> None:
    assert "strike" in last_types(_SHELLING, text)


# The same words after no attack, or aimed at the talks or the truce, are no strike.
@pytest.mark.parametrize(
    ("before", "text"),
    [
        ("The talks in Hovar ended on Monday without a deal.", "Each side blamed the other."),
        ("The talks in Hovar ended on Monday.", "The Front denied any involvement in the leak."),
        (_SHELLING, "He blamed the rebels for the collapse of the talks."),
        (_SHELLING, "Each government blames the other for the first breach of the truce."),
    ],
)
def test_blame_for_no_attack_is_no_strike(before: str, text: str) -> None:
    assert "strike" not in last_types(before, text)


# A reaction to the attack just reported (condemnation, the right to respond, a tragedy, an
# inquiry into it) refers back to it (CONVENTIONS S2).
@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister of Hovar condemned it in a post on Monday night.",
        "The mayor called it a senseless tragedy.",
        "Ostrel reserves the right to respond, the minister said.",
        "The governor responded with anger and a call for help from abroad.",
        "The monitors opened an investigation into the incident.",
    ],
)
def test_a_reaction_to_the_attack_just_reported_is_a_strike(text: str) -> None:
    assert "strike" in last_types(_SHELLING, text)


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (_SHELLING, "The opposition condemned the decision to postpone the vote."),
        (
            "The talks in Hovar ended on Monday without a deal.",
            "The mayor called it a senseless tragedy.",
        ),
        ("The talks in Hovar ended on Monday.", "Ostrel reserves the right to respond."),
    ],
)
def test_a_reaction_to_no_attack_is_no_strike(before: str, text: str) -> None:
    assert "strike" not in last_types(before, text)
