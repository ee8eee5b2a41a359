"""A claimant is a name or unattributed, never words a reading took for one: a relative clause, a
verb phrase, a bare pronoun or a preposition's phrase (issue 14 item 4). Every sentence, person,
place and group is invented."""

import pytest

from streams.core.read.claimants import name_shaped
from tests.unit.fold.test_claim_sides2 import GROUP, _claimants


@pytest.mark.parametrize(
    "text",
    [
        "Two farmers were killed by a mine on a track north of Tambo that the Monitor believes "
        "was laid in May.",
        "Three guards died when mortar rounds hit the post of Sal Viejo, informed the Ministry of "
        "Defence in a communiqué.",
        "The Monitor was unable to verify reports that seven civilians had been wounded near "
        "Tambo.",
        "We thank the mediators, and we remind Lima that 31 of our officers are still missing.",
    ],
)
def test_no_claimant_is_a_fragment_of_the_sentence(text: str) -> None:
    claimants = _claimants(GROUP + text)
    assert claimants
    assert all(name_shaped(c) for c in claimants.values())


@pytest.mark.parametrize(
    "words",
    [
        "track north of Tambo that the Monitor",
        "impacted the post of Sal Viejo",
        "In its",
        "Monitor was unable to verify",
        "Peru's Defence Ministry gave a different",
        "Lima-based group that tracks the fighting",
        "We",
        "He",
    ],
)
def test_words_that_are_no_name(words: str) -> None:
    assert not name_shaped(words)


@pytest.mark.parametrize(
    "words",
    ["armed forces", "Ministry of Public Security", "WHO", "US", "army spokesman", "Ana Sotil"],
)
def test_names_and_bodies_by_their_kind_are_names(words: str) -> None:
    assert name_shaped(words)
