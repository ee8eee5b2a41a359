"""Strikes and false strikes on unseen phrasing (issue 13, branch read/strikes, third pass).

Every sentence is invented. Attacks told in words the strike groups lacked: a communiqué's
euphemism for killing ("the neutralisation of 40 fighters", "put out of action"), soldiers "who
fell at" a place, an army killing a counted group, fire with an adverb between ("fired only at"),
fire returned, traded or exchanged in the passive, fire named by its kind ("small-arms fire"), a
ground push, fighting that "has not stopped", and a headline's present tense with an agent and a
target ("Rebels encircle Tarvo"). Not attacks: an attack as a
condition of stopping or going on ("until the bombing stops"), talks "under fire", a warning
that any attack "will be met", an absence told ("no strikes have been recorded"), the fighting as
a time anchor ("since the clashes began") or the topic or cause of talks put off, weapons pulled
back or fired in an exercise, ordnance left unexploded, a raid to arrest, a list of attacks
halted under a deal, bodies returned of men who fell, captives who changed hands,
an offensive promised, remnants of munitions to report. Each class has near misses.
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


@pytest.mark.parametrize(
    "text",
    [
        # a communiqué's euphemism for killing
        "The operation ended with the neutralisation of more than 40 terrorists near Bansor.",
        "Our units put out of action some thirty enemy soldiers in the Velko hills.",
        "Artillery crews put four enemy tanks out of action on the ridge.",
        # soldiers who fell at a place
        "The colonel laid a wreath for the soldiers who fell at Orvik on Tuesday.",
        "The brigade mourned its fighters who fell near the Tessin crossing.",
        # fire with an adverb or qualifier between, fire traded, shots exchanged
        "The battalion said it had fired only at armed men crossing the line.",
        "The guards fired first at the approaching column, the report said.",
        "Both sides traded fire across the river at Lembe overnight.",
        "Shots were exchanged between two patrols near the Orsa checkpoint.",
        "Residents of Kalvo heard small-arms fire for most of the night.",
        "Monitors logged exchanges of machine-gun fire near the dam.",
        # fire returned, from a platform, shot at; a gunfight; a proportionate response
        "The guards said they had returned fire after being shot at from the ridge.",
        "Villagers said soldiers had fired from a helicopter over the market.",
        "Most of the violations were shots fired near checkpoints on the coast road.",
        "The gendarmerie reported a gunfight near the Osla terminal.",
        "The command said its units had responded proportionately to the incursion.",
        "Our air defence units engaged the aircraft, which turned back towards the sea.",
        # an army named as the agent of a counted killing
        'The colonel said the army had killed "around forty" rebels near Osko.',
        # an ebb negated is fighting that goes on; a ground push
        "Fighting has not stopped for the talks in Varel.",
        "The shelling of Karvo hasn't eased despite the pause.",
        "The army launched a ground push towards the rebel-held town of Bansor.",
        # a headline's present tense with an agent and a target
        "Rebels encircle Tarvo as the offensive widens",
        "Militants overrun army post near the Ossel pass",
        "Coalition bombs the Merrow market",
    ],
)
def test_an_attack_in_new_words_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # an attack as the condition of stopping or going on
        "The Front will return to the table only if the bombing stops.",
        "The council will not resume talks until the shelling ends, its spokesman said.",
        "The minister said the army would not sit idle if the attacks go on.",
        "Kessel will honour the pause as long as not one shot is fired at its posts.",
        "If the militia attacks again, the army will respond, Colonel Ivo Brask said.",
        "The leader vowed to shell the town if government troops advanced.",
        "Analyst Mira Tosk said a strike on the port was unlikely before the vote.",
        # talks under fire, a warning about any attack
        "The premier said the government would never negotiate under fire.",
        "The general warned that any further attack on the border posts will be met with force.",
        "The command warns that any new incursion into its airspace will be shot down.",
        "The army chief told cadets his troops would answer every ambush.",
        "The garrison commander said his men would not wait to be attacked.",
        # an absence told
        "No air or drone strikes have been recorded since the pause began.",
        "The truce has held, with no exchange of fire reported in its first week.",
        "The monitors said they had found no fighting in the other two districts.",
        # the fighting as a time anchor, a topic, the cause of talks put off
        "About 4,000 villagers have left the valley since the clashes began.",
        "Some 9,000 people have fled fighting in the hills since May.",
        "The second round, postponed once after fighting, opened in Varel on Monday.",
        "Tolvia and Brenn agree to talks on border clashes",
        "The Lisbon round has been pushed back to March 4, the envoy's office said.",
        "Varel round put back a week after clash",
        # weapons pulled back, fired in an exercise, left unexploded
        "Under the deal both sides will pull artillery 20 kilometres back from the line.",
        "The army held an exercise near Dorvan with 3,000 troops and live artillery fire.",
        "Two boys were killed by unexploded munitions in a field outside Kessa.",
        # a raid to arrest, attacks halted under a deal, bodies of men who fell
        "Police raided a farm near Tembla on Wednesday and arrested four men.",
        "Two of the men arrested in the Solvo raid were released on bail.",
        "Both sides must halt air, drone and artillery strikes from midnight.",
        "The commission received the bodies of six soldiers who fell near Arvid in May.",
        # captives passing between the sides, or taken back; a release of the captured
        "Some 80 prisoners changed hands at the Orsa bridge on Sunday.",
        "The 12 detainees due to be freed were driven back to the Lenna detention centre.",
        "Tolvia frees captured Brennish sailors, returns bodies",
        # an attack promised or planned; a cause that has driven people from their homes
        "The talks resumed after the army's promised offensive on Karvo failed to materialise.",
        "The fighting in the valley has driven some 8,000 people from their homes since June.",
        # remnants of munitions to report
        "Farmers are asked not to touch fragments of munitions found in the fields.",
    ],
)
def test_no_attack_is_reported(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # near misses: the same words where an attack is told
        "Shelling continued until the rebels withdrew from Karvo at dawn.",
        "Residents hid in cellars as the shelling went on until dawn.",
        "The army said an attack on the Ossel post was repulsed overnight.",
        "Rebels have been shelling Tarvo since the clashes began, residents said.",
        "Troops raided a rebel camp near Bansor, killing six fighters.",
        "Both sides accused each other of breaking the truce by shelling Lembe.",
        "The rebels fired rockets at the airbase, violating a moratorium on attacks.",
        "The planned offensive on Karvo began at dawn with heavy shelling of the town.",
        "Fragments of a drone fell on a school in Kessa overnight.",
        "Rebels captured the town of Lembe after two days of fighting.",
    ],
)
def test_near_misses_still_report_the_attack(text: str) -> None:
    assert "strike" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # near misses of the new triggers: no attack
        "The plan was put out of action by a court ruling.",
        "Her grandfather fell ill near the border in May.",
        "Army raid in Dalimbo angers the rebel panel",
        "Prices fired up again after the budget.",
        "Police fired warning shots into the air to clear the square.",
        "The shelling of Karvo has largely subsided since Monday.",
        "The army killed a goat for the feast.",
        "The figures list 61 members of the armed forces killed since January.",
        "The ministry responded firmly to the accusations in a statement.",
        "The minister engaged the delegates in a long debate on the budget.",
    ],
)
def test_near_misses_of_the_new_words_are_no_strike(text: str) -> None:
    assert "strike" not in types(text)
