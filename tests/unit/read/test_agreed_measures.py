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
