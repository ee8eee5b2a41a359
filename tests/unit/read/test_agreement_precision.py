"""False agreements of the rules (issue 13, branch state/rounds5): a ceasefire not agreed, one
wanted "before any truce", a guarantor "of any accord", a round "without a ceasefire", and a
party agreeing only to travel or sit in a room report no accord (`training/CONVENTIONS.md` A1:
failing to reach a deal is talks only). Near misses that share the words do report one.
Every sentence is invented."""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


@pytest.mark.parametrize(
    "text",
    [
        "No ceasefire was agreed, and the army said its operations in Kalondo would go on.",
        "There was no agreement on a ceasefire, the mediator told reporters in Lusaka.",
        "The minister said the government had not agreed to a ceasefire with the front.",
        "Negotiators failed again to agree on a truce in Lusaka on Tuesday.",
        "The front wants its fighters freed before any ceasefire, its envoy said.",
        "Zambia will act as guarantor of any agreement reached in Lusaka.",
        "The round in Lusaka ended on Tuesday without a ceasefire.",
        "The rebels agreed to travel to Lusaka for the next round, the mediator said.",
    ],
)
def test_an_accord_not_reached_is_no_agreement(text: str) -> None:
    assert "agreement" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed a ceasefire in Lusaka on Tuesday, the mediator said.",
        "A truce was agreed in Lusaka after three days of talks.",
        "The front signed a ceasefire with the government on Tuesday.",
    ],
)
def test_an_accord_reached_is_an_agreement(text: str) -> None:
    assert "agreement" in types(text)
