"""Typing classes found on tracks no rule had read (issue 13, branch read/typing11).

Every sentence is invented. The classes were listed from the typing errors of the four training
tracks opened this session (fresh17), and kept only where they gained over every development
track and on the four (docs/notes/typing11.md).
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# An anonymous source named by what it knows ("a person briefed on", "officials close to",
# "a diplomat familiar with"), or a diplomat named by a region, not a state (CONVENTIONS St2),
# makes no statement; a diplomat of a named state does (St1).
@pytest.mark.parametrize(
    "text",
    [
        "The Velmar meeting will open on Monday, a person briefed on the plans said.",
        "A person familiar with the discussions said the Ostrani side had left early.",
        "The call lasted an hour, a person close to the Front's leadership said.",
        "Two officials close to the mediation say the sides are near a deal.",
        "A first joint session is set for Friday, a diplomat briefed on the talks said.",
        "A Western diplomat said the question of grazing rights was left to a joint commission.",
    ],
)
def test_anonymous_sources_make_no_statement(text: str) -> None:
    assert "statement" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "No date has been fixed, a Tessalian diplomat said.",
        "The minister briefed reporters on the second round in Velmar.",
        "A spokesman close to tears said the talks had failed.",
    ],
)
def test_named_diplomats_and_briefings_still_speak(text: str) -> None:
    assert "statement" in types(text)


# A topic told discussed in the passive, or not discussed, is a detail of the talks (A3); a
# bill discussed in a parliament is not.
@pytest.mark.parametrize(
    "text",
    [
        "Compensation for the herders' lost cattle was not discussed, the person said.",
        "The release of the four engineers had been discussed at length.",
        "Grazing rights will be discussed on the second day.",
    ],
)
def test_a_topic_discussed_in_the_passive_is_talks(text: str) -> None:
    assert "talks" in types(text)


def test_a_bill_discussed_in_parliament_is_not_talks() -> None:
    assert "talks" not in types("The budget bill was discussed in parliament on Tuesday.")


# A side that undertook to do something has committed itself under a deal (agreement), as
# have sides that sign a final or joint statement (St7, A4).
@pytest.mark.parametrize(
    "text",
    [
        "Ostrava undertook to free the nine herders by the end of the month.",
        "The Front has undertaken to keep its fighters out of the market towns.",
        "The Velmar round was the first at which the Front signed the final statement.",
        "The rebels took part in the sessions but did not sign the joint communiqué.",
    ],
)
def test_undertakings_and_signed_final_statements_are_agreements(text: str) -> None:
    assert "agreement" in types(text)


def test_an_undertaking_of_another_kind_is_no_agreement() -> None:
    assert "agreement" not in types("The firm undertakes repairs on farm machinery.")
