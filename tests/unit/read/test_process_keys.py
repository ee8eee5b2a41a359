"""Process keys of snippets told from one angle (issue 14, branch state/keys): the two sides of a
meeting framed by its verb ("A and B met", "would meet again"), a third state that reports,
guarantees or hosts never a side, an acronym framed as a state's other side in a "between"
phrase, and a state that only hosts the talks it speaks of keying nothing.

Every sentence is invented (places, people, groups and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.frames import framed_pairs, home_hosts
from streams.core.read.gazetteer import find_mentions
from streams.core.read.introduced import introduced_groups

PUBLISHED = datetime(2031, 5, 10, tzinfo=UTC)


def _keys(text: str) -> list[str]:
    return sorted({e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED))})


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # a verb of meeting frames the two sides, in any tense or modality
        ("Chile and Peru met in Havana on Tuesday.", [("CL", "PE", True)]),
        ("Chile and Peru met for six hours on Tuesday.", [("CL", "PE", True)]),
        ("Chile and Peru would meet again in Havana.", [("CL", "PE", True)]),
        ("Chile and Peru are due to meet next week.", [("CL", "PE", True)]),
        ("Chile and Peru agreed to meet on Friday.", [("CL", "PE", True)]),
        ("The Chilean and Peruvian delegations met late into the night.", [("CL", "PE", True)]),
        ("Ghana and Togo sat down in Accra on Monday.", [("GH", "TG", True)]),
        ("Ghana and Togo swapped 30 prisoners on Monday.", [("GH", "TG", True)]),
        ("Ghana and Togo met.", [("GH", "TG", True)]),
        # near misses: a third party met, a meeting with another, apart, a list, a meeting about
        # another pair's conflict, a meeting on another matter
        ("Ghana and Togo met Nigerian envoys.", []),
        ("Ghana and Togo met with the mediator.", []),
        ("Ghana and Togo met separately with the envoy.", []),
        ("Benin, Ghana and Togo met in Lome.", []),
        (
            "Brazil and Spain met in Madrid to discuss the crisis between Chile and Peru.",
            [("CL", "PE", False)],
        ),
        ("Ghana and Togo met for trade talks in Lome.", []),
        ("Ghana and Togo meetings were cancelled.", []),
    ],
)
def test_a_verb_of_meeting_frames_the_two_sides(
    text: str, pairs: list[tuple[str, str, bool]]
) -> None:
    actors, _ = find_mentions(text)
    assert framed_pairs(text, actors) == pairs


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a third state that announces, reports or guarantees the meeting is no side
        (
            "Uruguay's foreign minister announced on Monday that Chile and Peru would meet "
            "again in Havana on June 2.",
            "CL--PE",
        ),
        (
            "Norway's envoy Ola Brekke said the Chilean and Peruvian delegations met for six "
            "hours in Havana on Tuesday.",
            "CL--PE",
        ),
        (
            "Norway, a guarantor of the talks, said on Thursday the second round between "
            "Chile and Peru had been constructive.",
            "CL--PE",
        ),
        (
            "Chile and Peru met for a second day in the Cuban capital on Wednesday, Cuba's "
            "foreign ministry said.",
            "CL--PE",
        ),
        # an acronym framed as a state's other side after "between" names a group
        (
            "Brazil, a guarantor of the talks between Colombia and the SF, said the rebels "
            "had freed 12 soldiers.",
            "CO--SF",
        ),
        (
            "Brazil, a guarantor of the talks between the SF and Colombia, said the rebels "
            "had freed 12 soldiers.",
            "CO--SF",
        ),
        ("Colombia and the SF delegations sat down in Quito on Tuesday.", "CO--SF"),
        # a state that only hosts the talks it speaks of keys nothing
        (
            "The two sides met for a second day in the Cuban capital on Wednesday, Cuba's "
            "foreign ministry said.",
            "unassigned",
        ),
        (
            "Ecuador's foreign ministry said the second cycle of talks had closed in Quito.",
            "unassigned",
        ),
        ("Cuba said the talks in Havana would go on until Friday.", "unassigned"),
        # near misses: a host framed as a side, a government at home facing unnamed rebels, a
        # place that is no venue, a state at war at home
        ("Chile and Peru held talks in Lima on Monday.", "CL--PE"),
        ("Peru's government said talks with the rebels resumed in Lima on Monday.", "PE"),
        ("Peru said Lima's offer of talks still stood.", "PE"),
        ("Peru's army said it shelled positions near Lima on Monday.", "PE"),
    ],
)
def test_process_key_of_a_one_angle_snippet(text: str, key: str) -> None:
    assert _keys(text) == [key]


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("Ecuador's foreign ministry said the talks had closed in Quito.", {"EC"}),
        ("The two sides met in the Cuban capital, Cuba said.", {"CU"}),
        ("Cuba said a new round would open in Havana.", {"CU"}),
        # near misses: no talks, a metonym, a compound, a place that is no venue
        ("Cuba said storms hit Havana on Monday.", set()),
        ("Cuba said Washington's talks offer was late.", set()),
        ("Cuba welcomed the U.S.-Cuban talks.", set()),
        ("Cuba said the talks would not be about Havana's debts.", set()),
    ],
)
def test_home_hosts(text: str, hosts: set[str]) -> None:
    actors, places = find_mentions(text)
    assert home_hosts(text, actors, places) == hosts


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Talks between Colombia and the SF resumed.", ["SF"]),
        ("Talks between the SF and Colombia resumed.", ["SF"]),
        ("Colombia and the SF met in Quito.", ["SF"]),
        ("Fighting between Colombia's army and the NLA flared.", ["NLA"]),
        # near misses: a known body, no frame, an acronym beside a person
        ("Talks between Colombia and the UN resumed.", []),
        ("Colombia asked the SF to talk.", []),
        ("Talks between Ana Ruiz and the SF resumed.", []),
    ],
)
def test_an_acronym_framed_against_a_state_is_a_group(text: str, groups: list[str]) -> None:
    actors, _ = find_mentions(text)
    assert [g.acronym for g in introduced_groups(text, actors)] == groups


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a swap or talks told "with" one side by the other side's own outlet
        (
            "Chilean state television said 40 soldiers came home on Saturday after an "
            "exchange with Peru.",
            "CL--PE",
        ),
        (
            "Peruvian media reported that 38 prisoners returned on Saturday in a swap with Chile.",
            "CL--PE",
        ),
        ("Chilean state television said talks with Peru would resume on Monday.", "CL--PE"),
        # near misses: no "with" frame, an outlet beside both sides already named
        ("Chilean state television said Peru fired shells at a border post on Saturday.", "PE"),
        (
            "Chilean state television said Chile and Peru exchanged 78 prisoners on Saturday.",
            "CL--PE",
        ),
        ("Ghana said 40 soldiers came home after an exchange with Togo.", "GH--TG"),
    ],
)
def test_a_side_told_with_by_the_other_sides_outlet(text: str, key: str) -> None:
    assert _keys(text) == [key]
