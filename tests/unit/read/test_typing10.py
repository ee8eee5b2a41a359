"""Typing classes found on tracks no rule had read (issue 13, branch read/typing10).

Every sentence is invented. The classes were listed from the typing errors of the six training
tracks held out until the seventeenth session, and kept only where they gained over every
development track (docs/notes/typing10.md).
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# A call told with every form of "speak" and a listener of up to three words, or held by
# hotline.
@pytest.mark.parametrize(
    "text",
    [
        "The envoy has spoken to both leaders by phone.",
        "Varnian and Tessalian army chiefs talk by hotline",
        "The two chiefs of staff spoke by hotline on Tuesday for the first time since the truce.",
        "The mediator says he has spoken by phone with both delegations.",
    ],
)
def test_calls_by_phone_or_hotline_are_talks(text: str) -> None:
    assert "talks" in types(text)


def test_a_call_by_hotline_is_not_an_agreement() -> None:
    assert "agreement" not in types("Varnian and Tessalian army chiefs talk by hotline")


# A list, map, draft or proposal tabled is put to the other side (talks); a motion or a bill
# tabled in a parliament is not.
@pytest.mark.parametrize(
    "text",
    [
        "Ostrava had tabled maps from the 1902 survey.",
        "The rebel list tabled this morning has 300 names.",
        "Each side has tabled a list of the prisoners it holds.",
        "The Front will table a counter-proposal on Monday.",
        "The government tabled a revised draft on the border line.",
    ],
)
def test_proposals_lists_and_maps_tabled_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The opposition tabled a motion to censure the minister.",
        "A deputy tabled a bill on fishing licences.",
        "Maps were spread across two tables in the side room.",
    ],
)
def test_motions_bills_and_furniture_are_not_talks(text: str) -> None:
    assert "talks" not in types(text)


# Soldiers (police, guards) killed and others wounded together: a fight's toll (CONVENTIONS C4),
# strike and casualty_report; the same toll counted over a span to now is a cumulative toll,
# casualty_report only.
@pytest.mark.parametrize(
    "text",
    [
        "The Varnian army said two soldiers were killed and five wounded.",
        "Two soldiers were killed and three wounded, the army said in a statement.",
        "Four policemen have been killed and six others injured, the ministry said.",
    ],
)
def test_soldiers_killed_and_wounded_are_a_fight(text: str) -> None:
    assert {"strike", "casualty_report"} <= types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Colonel Orsk said 26 soldiers had been killed and 71 wounded since February 6.",
        "In all, 40 soldiers have been killed and 90 wounded so far this year.",
    ],
)
def test_a_cumulative_toll_of_soldiers_is_no_strike(text: str) -> None:
    assert "strike" not in types(text)


# A mine or a roadside bomb as the agent of a killing is an attack (strike).
@pytest.mark.parametrize(
    "text",
    [
        "A landmine killed two herders and injured five others near Kolwe on Sunday.",
        "A roadside bomb wounded three soldiers on the Tarnow road.",
        "An explosive device killed a driver outside the market.",
    ],
)
def test_a_mine_or_bomb_that_kills_is_a_strike(text: str) -> None:
    assert "strike" in types(text)


def test_a_mine_in_the_other_sense_is_not() -> None:
    assert "strike" not in types("The gold mines killed the river's fish, the farmers said.")


# People named by the fight they were taken in ("soldiers captured in last month's fighting",
# "a wound sustained during the raid"): the fight is a back-reference, no new attack; told as
# the clause's own verb ("had been captured during the fighting") it still reports one.
@pytest.mark.parametrize(
    "text",
    [
        "Twelve Varnian soldiers captured in last month's border fighting crossed back on Monday.",
        "Nine people taken in the Kolwe raid are still held, according to the government.",
        "The release of soldiers captured during the fighting is on the agenda.",
        "She was treated for a bullet wound sustained during the November raid.",
        "Tessaly handed back 14 border guards detained during the March clashes.",
    ],
)
def test_people_named_by_the_fight_they_were_taken_in_are_no_strike(text: str) -> None:
    assert "strike" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ten soldiers had been captured during the fighting, the colonel said.",
        "Rebels attacked the post on Sunday and held it for hours.",
        "Soldiers captured in the raid were paraded on television as the shelling went on.",
    ],
)
def test_a_capture_told_as_the_verb_or_beside_fighting_keeps_strike(text: str) -> None:
    assert "strike" in types(text)


# A pullback of forces is a measure of an accord (agreement): named as a noun, or told as heavy
# weapons, guns or troops moved back from the line; a unit that fell back in a fight is not.
@pytest.mark.parametrize(
    "text",
    [
        "Observers reach Kolwe as pullback begins",
        "The pull-back is to be verified by observers within ten days.",
        "Both armies completed their pullback from the river on 10 June.",
        "The general said both armies had begun moving heavy weapons back from the line.",
        "The heavy guns are moving back from the river.",
    ],
)
def test_a_pullback_of_forces_is_an_agreement(text: str) -> None:
    assert "agreement" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "We returned fire for three minutes, and then we pulled back.",
        "The patrol pulled back to the village after the shooting.",
    ],
)
def test_falling_back_in_a_fight_is_no_agreement(text: str) -> None:
    assert "agreement" not in types(text)
