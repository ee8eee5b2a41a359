"""Strike classes the invented training tracks exposed (issue 13, branch read/strikes).

Every sentence is invented. Missed strikes: an attack told by a ramming at sea, by its result on a
military target, by a weapon as a passive agent, by a siege and its toll, by shots fired, by a
dated strike. False strikes: weapons counted, collected, withdrawn or drilled with, an attack
under a condition, attacks as a class, the fighting as a cause or a subject, a named operation as
a point in time. Each positive has near misses that share its words but report no attack.
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


def strike_subtype(text: str) -> str | None:
    return next((lab.subtype for lab in classify_sentence(text) if lab.type == "strike"), None)


# A construction group reads as the strike subtype its data names, not as "frame".
@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("An Ecuadorian gunboat rammed two Colombian skiffs near the estuary.", "ground_clash"),
        ("A teacher was killed by a stray bullet outside the school in Pasto.", "unspecified"),
        ("The border outpost at La Hormiga was overrun before dawn.", "unspecified"),
    ],
)
def test_a_strike_construction_has_its_subtype(text: str, subtype: str) -> None:
    assert strike_subtype(text) == subtype


@pytest.mark.parametrize(
    "text",
    [
        # a vessel rammed, ramming or run into (constructions: ram x vessels)
        "An Ecuadorian gunboat rammed two Colombian skiffs near the estuary.",
        "The research ship was rammed twice by a navy tug off Tumaco.",
        "A patrol cutter ploughed into the fishing boat's side at dawn.",
        "The coast guard launch tried to ram the ferry as it left port.",
        "Quito protested the ramming of its supply barge on Thursday.",
        "The frigate deliberately steered into the trawler's path and collided.",
        # a result on a military target (constructions: wreck x military targets)
        "Two ammunition dumps near Ipiales were blown up overnight.",
        "The Southern Front's command post at Mocoa was flattened on Sunday.",
        "Three air defence sites had been knocked out by midnight.",
        "The border outpost at La Hormiga was overrun before dawn.",
        # a weapon as the agent of a passive (constructions: hurt by x weapon causes)
        "A teacher was killed by a stray bullet outside the school in Pasto.",
        "Seven recruits were wounded by mortar fire at the training ground.",
        "A tractor driver was maimed by a landmine near the river crossing.",
        "Two ambulances were hit by shrapnel on the road to Tulcán.",
        # a siege and its toll; a town encircled by armed men
        "The siege of Ibarra has now killed more than 300 people.",
        "Forty civilians died of their wounds during the siege, the clinic said.",
        "Rebel fighters have encircled the garrison town of Puerto Asís.",
        "The hospital's toll for the siege stood at 212 dead on Friday.",
        # shots fired; a device struck; a dated or deadly strike
        "Border guards fired warning shots over a smuggling boat on the lake.",
        "Police fired first on the marchers, the union said.",
        "A minibus struck a roadside bomb outside Tumaco on Monday.",
        "Heavy weapons fire was heard in the east of the city after dark.",
        "Saturday's strike on the fuel depot started a fire that burned all night.",
        "The air force resumed offensive air operations over the ridge.",
        # hostages seized by armed men; sorties flown or denied; camps cleared by troops
        "Gunmen seized 22 passengers from a bus near Mocoa.",
        "Pirates took nine crew members from a tanker off the cape.",
        "The air force said it had carried out no air operations over the valley in May.",
        "Our units have not fired a single round since noon, the colonel said.",
        "Troops cleared four rebel camps in the hills on Monday.",
        # homes burned as armed men arrived; a munition that missed its target
        "A dozen huts were set ablaze when masked gunmen reached the hamlet.",
        "An inquiry board said a faulty fin made the missile miss its intended target.",
    ],
)
def test_an_attack_told_without_its_usual_word_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # not at sea, not against a vessel, an accident
        "The finance minister tried to ram the reform through the senate.",
        "Two ferries collided in fog near the harbour mouth; nobody was hurt.",
        "A delivery van ploughed into a shop window in Pasto.",
        # destruction with no attack: a fire, a flood, a storm; weapons destroyed under a deal
        "The old fuel depot was destroyed in a blaze caused by faulty wiring.",
        "The army's radar station was knocked out by a storm for two days.",
        "Engineers destroyed 800 mortar rounds at a quarry under the disarmament accord.",
        # killed or hurt by nature, by an accident or figuratively
        "Three shepherds were killed by lightning on the high pasture.",
        "Two miners were injured by a rockfall in the shaft.",
        "Growers were hurt by the fall in coffee prices.",
        # a siege in history, a siege as a figure of speech
        "Historians still debate the siege of the old port in 1741.",
        "The town's siege mentality outlived the war by decades.",
        # shots in a salute, a labour strike with a day
        "Soldiers fired a salute of 21 rounds for the late president.",
        "Police fired warning shots into the air to clear the square.",
        "Friday's strike by port workers closed the docks.",
        "Tuesday's general strike shut schools across the province.",
        # flights, seizures and clearances that are no attack
        "Air operations at the airport resumed after the fog lifted.",
        "Customs officers seized 14 kilograms of gold at the airport.",
        "Airlines flew more flights to the coast this summer.",
        "Riot police cleared two protest camps outside the parliament.",
        "Volunteers cleared the camps of rubble after the flood.",
        "The barn was set on fire after a lamp fell over.",
        "The striker missed the target from six yards in the final.",
    ],
)
def test_a_near_miss_of_an_untold_attack_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # weapons counted, collected, withdrawn, moved, registered, in drills
        "The verification team logged 640 rifles and 25 mortar tubes at the depot in Tulcán.",
        "Under the deal, heavy artillery was pulled back 30 km from the river.",
        "Both armies agreed to withdraw their rocket launchers from the border strip.",
        "The removal of 44 artillery pieces from the hills was completed on Friday.",
        "Demobilised fighters registered their machine guns with the mission in Mocoa.",
        "Some 2,000 troops, tanks and artillery will take part in the autumn drills.",
        # an attack under a condition, or attacks as a class
        "Our patrols will return fire only if they are attacked.",
        "The units may defend themselves if attacked, the accord says.",
        "Should the rebels attack the pipeline, the whole region would lose power.",
        "In case of shelling, families are told to shelter in the church crypt.",
        "The Southern Front said it would answer any attack on its villages.",
        "The ministry insists all of its strikes comply with the laws of war.",
        "The council sanctioned a militia responsible for attacks on civilians in the south.",
        "Drone strikes have become cheap and common in border wars.",
        "Air raids remain a favourite tactic of weak air forces, the study argues.",
        "The minister denied that money had changed hands to free the hostages.",
        # the fighting as a cause or a subject
        "Clinics that shut because of the fighting reopened in Pasto this week.",
        "Families who fled the fighting last year are returning to the valley.",
        "A new film looks back at the fighting in the highlands.",
        "The summit will weigh the fighting's impact on the coffee harvest.",
        "Detainees held in connection with the Mocoa fighting were freed.",
        "The coffee trade has yet to recover from the fighting.",
        "The nun said the fighting's scars would last for decades.",
        "Few records survive of the fighting of the early years.",
        "The mission tallied 210 rifles and 12 machine guns at the camp.",
        # a named operation as a point in time
        "Since the start of Operation Cóndor, 40 militants have been neutralised.",
        "The truce was signed a month after the last phase of Operation Cóndor.",
    ],
)
def test_attack_words_that_report_no_attack_are_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebel mortars hit the depot in Tulcán before dawn.",
        "Artillery pounded the river crossing for a third night.",
        "Our patrols returned fire after they were attacked near Mocoa on Monday.",
        "The rebels attacked the pipeline on Saturday, cutting power to the region.",
        "Heavy fighting broke out in Pasto on Tuesday morning.",
        "Troops launched the second phase of Operation Cóndor with air strikes on the ridge.",
        "Gunmen attacked families fleeing the fighting near Ibarra.",
        "Drone strikes on the port were reported on Monday night.",
        "The border town changed hands twice during the week.",
    ],
)
def test_the_same_words_in_an_attack_are_still_a_strike(text: str) -> None:
    assert "strike" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The siege of Ibarra has now killed more than 300 people.",
        "Two farmers were killed by sniper fire near the bridge.",
        "Five sailors were injured when a cutter rammed their ship.",
    ],
)
def test_a_toll_of_one_attack_is_a_strike_and_a_casualty_report(text: str) -> None:
    assert {"strike", "casualty_report"} <= types(text)
