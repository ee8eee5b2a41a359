"""Third parties at the talks (issue 13): observers sent to, present at or attending a round, and
a body offering to guarantee a deal, are details of the talks (A3 of training/CONVENTIONS.md);
observers of a truce or of an election are not. Every sentence is invented."""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The Andean Forum is sending three observers.",
        "The Lake Council and the Coast Union will each send observers.",
        "Observers sent by the Andean Forum sat at the back of the hall.",
        "Two observers from the Andean Forum are also present.",
        "The Forum said two of its observers would again attend.",
        "The Coast Union will attend as an observer.",
        "Both delegations agreed to have observers in the room.",
        "The Lake Council has offered to guarantee any final deal.",
    ],
)
def test_observers_and_guarantors_of_the_talks_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        # observers of a truce or a pullback: the agreement's, not the talks'
        "The Forum will send observers to verify the truce along the river.",
        "The monitoring mission deploys 40 observers to the valley.",
        # election observers, no talks
        "Observers praised the conduct of the municipal vote.",
    ],
)
def test_observers_of_a_truce_or_a_vote_are_not_talks(text: str) -> None:
    assert "talks" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lindau round put back a week after clash",
        "The planned Varna round is cancelled and moved to Ostrel.",
        "That round has been postponed, the mediator said.",
        "The government said it would attend.",
    ],
)
def test_a_round_put_off_or_a_side_that_will_attend_is_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said she would attend the funeral.",
        "The second round of voting was postponed.",
    ],
)
def test_other_attendance_and_rounds_are_not_talks(text: str) -> None:
    assert "talks" not in types(text)
