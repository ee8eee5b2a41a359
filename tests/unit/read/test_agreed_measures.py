"""A measure agreed is an agreement (LABELS.md: a deal reached; tune: "agreed to release"): the
present and gerund of 'agree to', 'agree' with the measure as its object, and a measure told
agreed in a timeline or a headline. Agreeing to talk is talks only. Every sentence is invented."""

import pytest

from streams.core.read import typer
from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    with typer.mode("rules"):
        return {label.type for label in classify_sentence(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Varna and the KDF agree to free the last hostages",
        "The round ended on Friday, with both sides agreeing to exchange 30 prisoners each.",
        "Varna agrees to release 12 fishermen.",
        "Varna, Ostrel agree second swap at talks in Lindau",
        "3-4 May: second round in Lindau; a 40-for-40 swap agreed.",
        "The round in Lindau, where a ten-day truce is agreed, ends on Friday.",
        "The parties also agreed in principle to the release of detainees held since March.",
        "The two sides agreed a 20-day pause in operations.",
    ],
)
def test_a_measure_agreed_is_an_agreement(text: str) -> None:
    assert "agreement" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Varna agrees to talks with the highland rebels",
        "Both sides agreeing to meet again in May, the mediator left.",
        "Analysts agree that the war is far from over.",
        "I agree to disagree with him.",
    ],
)
def test_agreeing_to_talk_or_an_opinion_is_no_agreement(text: str) -> None:
    assert "agreement" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # P4 of training/CONVENTIONS.md: a release offered is prisoner_exchange (a release
        # demanded is vetoed by an older exclusion: political prisoners in the dataset items)
        "Ostrel has offered to free two conscripts for every officer returned.",
        "This brings to 214 the number of people released since the spring.",
        "The lists are to be exchanged by the end of the month.",
        "Three of the hostages, one of them a nurse, have just been handed over at the mission.",
    ],
)
def test_a_release_asked_offered_counted_or_prepared_is_an_exchange(text: str) -> None:
    assert "prisoner_exchange" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers exchanged views on the border.",
    ],
)
def test_other_exchanges_and_freedoms_are_not(text: str) -> None:
    assert "prisoner_exchange" not in types(text)


def test_a_release_offered_is_not_told_as_done() -> None:
    with typer.mode("rules"):
        labels = classify_sentence("Ostrel has offered to free two conscripts for every officer.")
    (exchange,) = [label for label in labels if label.type == "prisoner_exchange"]
    assert exchange.modality != "actual"


@pytest.mark.parametrize(
    "text",
    [
        "The Lake Monitor counts 41,000 displaced on the two banks of the river.",
        "The Ministry of Defence puts army losses at 212 soldiers killed and 95 missing.",
        "The Observatory puts the overall toll at between 2,400 and 2,600 dead.",
        "The Valley Rights Network, a group of lawyers, estimate that 900 people have died.",
    ],
)
def test_a_named_body_counting_or_estimating_a_toll_makes_a_statement(text: str) -> None:
    assert "statement" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Humanitarian agencies estimate that some 60,000 people have fled the valley.",
        "Partners estimate that 20,000 people are now displaced.",
    ],
)
def test_aid_agencies_estimating_are_no_speaker(text: str) -> None:
    assert "statement" not in types(text)
