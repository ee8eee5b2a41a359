"""Sentence typing on registers the tune tracks under-represent (issue 13, branch read/registers).

Every sentence is invented: wire recaps, explainers, live blogs, analysis, timelines, profiles of
negotiators, agency releases and bulletins. Each table pairs the pattern that must not give an
event with near misses that must keep their type.
"""

import pytest

from streams.core.read.classify import classify_sentence, classify_sentences


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# Habitual or general use of force is the narrator's portrait of a side, not an attack.
@pytest.mark.parametrize(
    "text",
    [
        "It has relied heavily on roadside bombs and ambushes.",
        "The rebels have long relied on artillery to hold the ridges.",
        "The insurgents have long depended on improvised bombs.",
        "The air force relies on ageing jets to patrol the border.",
        "The rebels have become adept at ambushes in the mangroves.",
        "Militants in the delta are skilled at hit-and-run raids.",
        "The unit specialises in night raids behind enemy lines.",
        "The militia routinely uses mortars against army outposts.",
        "Rebel units typically attack convoys at dusk.",
        "The guerrillas often ambush patrols on the mountain roads.",
        "Government forces have frequently shelled rebel-held neighbourhoods over the years.",
        "The group's fighters have repeatedly attacked army posts over the years.",
        "Both sides have used drones extensively to hit supply lines.",
        "Government troops have used barrel bombs widely in the north.",
        "The rebel commander, who fought in the hills for 20 years, now leads the political wing.",
        "The colonel, who fought in the jungle for a decade, retired in May.",
        "Attacks on the base have become common.",
        "Ambushes on the coast road have become a daily occurrence.",
    ],
)
def test_a_habit_of_force_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels ambushed a patrol on the mountain road on Tuesday.",
        "Government troops dropped barrel bombs on the town of Sora overnight.",
        "The insurgents detonated an improvised bomb under a bridge near Arco.",
        "Artillery units shelled rebel positions throughout the night.",
        "The army repeatedly shelled the village on Monday, residents and officials said.",
        "Drones struck the depot twice in one week.",
        "Rebels used drones to attack the airport on Friday.",
        "The army relied on air strikes to retake the town last week.",
        "It was the third attack on the base this month.",
        "The latest wave of attacks suggests the rebels are changing tactics.",
        "Shelling was reported in several districts.",
        "Heavy fighting was reported in the suburbs on Saturday.",
    ],
)
def test_an_attack_of_the_news_is_still_a_strike(text: str) -> None:
    assert "strike" in types(text)


# Things named "assault", and blasts with an accidental cause, are no attack.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The assault rifle is the most common weapon in the region.", False),
        ("Police found an assault rifle and two pistols in the house.", False),
        ("The assault weapons ban was lifted last year.", False),
        ("The assault course was closed for repairs.", False),
        ("The sound of the explosion was heard across town after a gas cylinder burst.", False),
        ("A blast was heard in the market after a cooking gas cylinder exploded.", False),
        ("The assault on the town began at dawn.", True),
        ("Troops launched an assault on the rebel stronghold.", True),
        ("A blast rocked the market after a car bomb exploded.", True),
        ("Explosions were heard in the capital as missiles struck the airport.", True),
    ],
)
def test_assault_and_blast_as_things(text: str, expected: bool) -> None:
    assert ("strike" in types(text)) is expected


# Portraits of mediators and negotiators: a career is no round of talks.
@pytest.mark.parametrize(
    "text",
    [
        "Ingrid Dahl, a veteran of talks in Central America and the Balkans, has spent three"
        " decades in mediation.",
        "Holm is a veteran of peace processes in Nepal and Aceh.",
        "She has mediated between governments and rebel groups on three continents.",
        "He has mediated in three civil wars.",
        "He has brokered ceasefires in four conflicts.",
        "Maria Lopes, a seasoned negotiator, previously led talks on fishing rights.",
        "She previously chaired a commission on water rights.",
        "Over two decades she has facilitated dialogue between herders and farmers.",
        "Over three decades he has mediated disputes between clans in the north.",
        "Ferro is known for long silences at the negotiating table.",
        "The foreign minister is known for her tough stance at the negotiating table.",
        "Talks between warring parties tend to stall over security guarantees.",
        "Such stalemates have historically pushed warring parties toward negotiation.",
    ],
)
def test_a_negotiator_portrait_is_no_talks(text: str) -> None:
    assert not types(text) & {"talks", "agreement"}


@pytest.mark.parametrize(
    "text",
    [
        "Holm met the rebel leadership in Arco on Thursday.",
        "The seasoned mediator held separate meetings with both delegations in Accra.",
        "Ghana has mediated between the two sides since March.",
        "Norway previously hosted two rounds of talks between the parties.",
        "Mediators from Qatar are trying to broker a truce between the army and the rebels.",
        "Togo and the African Union have also tried to broker a truce.",
        "The sides sat down face to face for the first time in two years.",
        "The sides sat down together in Geneva for the first time since the war began.",
        "Envoys sat down for talks in a hotel outside Lima.",
        "Negotiators resumed discussions on a prisoner swap.",
    ],
)
def test_talks_told_by_their_course_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("The two brothers sat down for dinner after the funeral.", "talks", False),
        ("Togo and the African Union have also tried to broker a truce.", "agreement", False),
        ("Mediators failed to broker a ceasefire after two weeks.", "agreement", False),
        ("The two sides agreed to a ceasefire brokered by Ghana.", "agreement", True),
    ],
)
def test_brokering_is_talks_until_the_accord_is_reached(
    text: str, kind: str, expected: bool
) -> None:
    assert (kind in types(text)) is expected


# Information released is no release of people.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry released the names of 12 detained journalists.", False),
        ("The ministry released the names of the soldiers who died.", False),
        ("The group released a video of the hostages.", False),
        ("The army released footage of the operation.", False),
        ("Photos of the captured soldiers were released by the rebels.", False),
        ("The group released a recording of the pilot.", False),
        ("The rebels released 12 detained soldiers on Sunday.", True),
        ("The rebels released the captured pilot on Sunday.", True),
        ("The government released 30 prisoners as a goodwill gesture.", True),
        ("The army released 15 rebel fighters in exchange for two officers.", True),
    ],
)
def test_released_information_is_no_release(text: str, expected: bool) -> None:
    assert ("prisoner_exchange" in types(text)) is expected


# Who speaks: a body's concern is a statement; reports without a speaker and nouns are not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UNICEF is deeply alarmed by reports that children were among those killed.", True),
        ("The UN agency is deeply concerned by the rising toll.", True),
        ("The ICRC is gravely concerned about the safety of detainees.", True),
        ("The African Union is deeply troubled by reports of mass killings.", True),
        ("Residents are worried about the price of bread.", False),
        ("Clashes were also reported in the districts of Nuna and Pava.", False),
        ("Sporadic gunfire was reported in the old town.", False),
        ("Our correspondent reports long queues at petrol stations.", False),
        ("A correspondent in Arco reports heavy traffic leaving the city.", False),
        ("A spokesman for the army reported heavy losses among the rebels.", True),
        ("The ministry reported that 30 soldiers had been killed.", True),
        ("The two foreign ministers held a phone call on Tuesday.", False),
        ("The two leaders held a video call on Friday.", False),
        ("The minister called on the rebels to lay down their arms.", True),
        ("Ghana called on both sides on Monday to return to talks.", True),
        ("For now, the guns have the final say.", False),
        ("Local councils have little say over security.", False),
        ("The president said he would have the final say on any deal.", True),
    ],
)
def test_who_speaks(text: str, expected: bool) -> None:
    assert ("statement" in types(text)) is expected


# A live blog: each timestamped entry is typed on its own, in its context.
def test_a_live_blog_is_typed_entry_by_entry() -> None:
    entries = [
        "10:42 GMT – Explosions were reported in the port city of Merra after drones struck"
        " a fuel depot.",
        "11:05 GMT – Governor Ana Ruiz said two drones were shot down over the city centre.",
        "12:01 GMT – Chile's foreign minister is meeting his Peruvian counterpart in Quito to"
        " discuss the maritime dispute.",
        "13:10 GMT – The two sides have swapped 40 prisoners each, the first exchange since April.",
        "13:30 GMT – We are pausing our live coverage for now.",
    ]
    labels = classify_sentences(entries, [False] * len(entries))
    assert [{label.type for label in each} for each in labels] == [
        {"strike"},
        {"strike", "statement"},
        {"talks"},
        {"prisoner_exchange"},
        set(),
    ]


# Headlines and timelines tell attacks in the present tense; threats and modals do not count.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019: Coastal Alliance fighters storm the port of Merra.", True),
        ("Rebels storm the presidential palace in pre-dawn raid", True),
        ("Troops storm a rebel base in the hills", True),
        ("August 2025: Rebels shoot down an army helicopter near Sora.", True),
        ("Air defences shoot down two drones over the capital", True),
        ("Army retakes Velo after week-long battle", True),
        ("Army recaptures Velo from the Southern Front", True),
        ("The army vowed to storm the city within days.", False),
        ("Rebels could storm the capital within a week, analysts warned.", False),
        ("A storm hit the port on Tuesday.", False),
        ("Storms hit the port city overnight.", False),
        ("Peru threatened to shoot down any aircraft crossing the border.", False),
        ("The army says it will shoot down any drone.", False),
        ("The army hopes to recapture Velo by the summer.", False),
    ],
)
def test_attacks_in_the_headline_present(text: str, expected: bool) -> None:
    assert ("strike" in types(text)) is expected


# A headline "Speaker: words" may name its speaker by a title; page labels and topics do not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana's president: 'The war must end this year'", True),
        ("Rebel leader: 'We will never disarm'", True),
        ("Peru's foreign minister: no talks until troops withdraw", True),
        ("UN envoy: both sides must show restraint", True),
        ("Defence chief: the offensive will continue", True),
        ("Analysis: why the talks keep failing", False),
        ("Explainer: who are the Coastal Alliance?", False),
        ("Ceasefire talks: what we know", False),
        ("Peace process: the key issues", False),
    ],
)
def test_a_headline_speaker_by_title(text: str, expected: bool) -> None:
    assert ("statement" in types(text)) is expected


# A discourse aside between commas leaves the head before it as the speaker.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels, for their part, insist they acted in self-defence.", True),
        ("The government, for its part, says it wants peace.", True),
        ("The army, in turn, maintained that its troops had not crossed the border.", True),
        ("Chile, meanwhile, insisted the border was closed.", True),
        ("The minister, however, denied the report.", True),
        ("Analysts, for their part, say a truce is unlikely.", False),
        ("Witnesses, meanwhile, said the town was calm.", False),
    ],
)
def test_a_speaker_before_an_aside(text: str, expected: bool) -> None:
    assert ("statement" in types(text)) is expected


# Aid told by what carries it, and money from an emergency fund.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WFP trucks carrying 500 tonnes of food reached Sora on Tuesday.", True),
        ("Planes carrying tents and blankets landed at Accra airport.", True),
        ("Convoys carrying medicines reached the besieged town on Friday.", True),
        ("Aircraft loaded with tents landed in Sora.", True),
        (
            "The Office for the Coordination of Humanitarian Affairs has released $5 million from"
            " its emergency fund.",
            True,
        ),
        ("UN agencies released $12 million from a humanitarian fund to help the displaced.", True),
        ("A helicopter carrying the minister landed in Arco.", False),
        ("Ships carrying grain left the port.", False),
        ("Both sides depend on revenue from smuggled fuel.", False),
    ],
)
def test_aid_by_its_carriers(text: str, expected: bool) -> None:
    assert ("aid" in types(text)) is expected


# A referent two sentences back, when the sentence between reports no event of its own.
@pytest.mark.parametrize(
    ("first", "between", "last", "kind"),
    [
        (
            "Drones struck a fuel depot in Merra on Sunday night.",
            "Firefighters worked through the night to contain the flames.",
            "The incident prompted the governor to close the port.",
            "strike",
        ),
        (
            "Chile and Peru held talks in Quito on Monday.",
            "The weather in the capital was cold and wet.",
            "The session lasted five hours.",
            "talks",
        ),
        (
            "The rebels freed 20 soldiers on Friday.",
            "Families gathered at the airport in Arco.",
            "Among them were two officers.",
            "prisoner_exchange",
        ),
        (
            "The two sides signed a truce in Accra.",
            "Church bells rang in the capital.",
            "Its terms include a buffer zone along the river.",
            "agreement",
        ),
    ],
)
def test_a_referent_two_sentences_back(first: str, between: str, last: str, kind: str) -> None:
    texts = [first, between, last]
    labels = classify_sentences(texts, [False] * 3)
    assert kind in {label.type for label in labels[2]}
    assert kind not in {label.type for label in labels[1]}
    # A sentence between that reports an event of its own ends the reach of the first.
    other = "Ghana's president said the talks would resume." if kind != "talks" else None
    if other is not None:
        cut = classify_sentences([first, other, last], [False] * 3)
        assert kind not in {label.type for label in cut[2]}
