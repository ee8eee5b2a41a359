"""Talks still missed after read/talks, and their near misses (issue 13, branch read/talks3).

Every sentence is invented. LABELS.md: talks are negotiations, rounds, meetings or calls between
parties or their envoys about the conflict, mediation and consultations, also planned, postponed
or refused; a meeting unrelated to any dispute, or a bare visit, is not talks.
"""

import pytest

from streams.core.read.classify import classify_sentence


def types(text: str) -> set[str]:
    return {label.type for label in classify_sentence(text)}


# A round named by its venue or month, placed in a sequence, counted as held, or a headline's
# verbless return to the table.
@pytest.mark.parametrize(
    "text",
    [
        "The Vessa round, the second this spring, closed without a communique.",
        "The Tarnow sitting is due to end on Friday.",
        "The rebels said they would skip the March round.",
        "Kenya offered to host a later round in Naivasha.",
        "The date of the next sitting is still open.",
        "LIVE: day three of the Kolwe round",
        "Four rounds have been held so far, all of them in Lumbeta.",
        "Junta and Delta Front back at the table in Port Arden",
    ],
)
def test_rounds_named_counted_or_placed_are_talks(text: str) -> None:
    assert "talks" in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Senate session ran late into the night over the budget.",
        "The Olympic round of qualifiers starts in Kolwe on Monday.",
        "The second round of voting was held on Sunday.",
        "The Davis Cup round in Vessa was moved indoors.",
        "Day two of the Kolwe tournament was lost to rain.",
        "The family was back at the table for the evening meal.",
        "The Morning session of the school fair opens at nine.",
    ],
)
def test_sittings_of_other_bodies_and_fixtures_are_not(text: str) -> None:
    assert "talks" not in types(text)
