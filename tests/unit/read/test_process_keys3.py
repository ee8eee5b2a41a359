"""Process keys when a known conflict's state is named beside another process (issue 14, branch
state/keys3): two other belligerents named more often than the one side of a known conflict the
snippet names (the host or mediator whose own war the lexicon lists), an ally standing for no
side, a pair of a state and a group framed as the sides of talks before the state's known war,
and a group introduced with its acronym by a head that names no group when told bare.

Every sentence is invented (places, people, groups and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.gazetteer import find_mentions
from streams.core.read.introduced import introduced_groups, named_groups

PUBLISHED = datetime(2036, 5, 10, tzinfo=UTC)


def _keys(text: str) -> list[str]:
    return sorted({e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED))})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a host or mediator state with a known war of its own, named less than the two sides
        (
            "Guyanese and Surinamese negotiators met in Abuja on Monday. Guyana's delegation "
            "asked for a ceasefire, and Suriname's for a prisoner swap, said a Nigerian official.",
            "GY--SR",
        ),
        (
            "Paraguay and Uruguay ended two days of talks in Baku, the Azerbaijani capital, with "
            "a deal to swap prisoners. Paraguay said the swap would take place within a week, "
            "and Uruguay confirmed it.",
            "PY--UY",
        ),
        # an envoy-cued mediator's own war never keys two other sides' talks
        (
            "Senegalese and Gambian delegates met in Niamey as the Malian envoy opened the talks. "
            "Senegal wants a ceasefire, and Gambia a prisoner swap.",
            "GM--SN",
        ),
        # an ally of a side is no side: two states outside lead the conflict it is an ally in
        (
            "Zambian and Malawian negotiators met in Kigali on Monday, Rwanda's foreign ministry "
            "said. Zambia and Malawi later swapped 12 prisoners, Zambia said, and Malawi agreed.",
            "MW--ZM",
        ),
        # near misses: the conflict's one side named as often as the outsiders keeps it
        (
            "Russian drones struck a depot near Lyman-Sortove, French and German officials said.",
            "RU--UA",
        ),
        # both sides of the known conflict named keep it
        (
            "Armenia and Azerbaijan met in Vienna, Austrian and Swiss diplomats said. Austria "
            "and Switzerland welcomed the talks.",
            "AM--AZ",
        ),
    ],
)
def test_outsiders_named_more_lead_a_known_conflict(text: str, key: str) -> None:
    assert _keys(text) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a state and a group framed as the sides of talks, the state's neighbour named in passing
        (
            "Talks between the Armenian government and the Vardan Valley Guard (VVG) opened in "
            "Tbilisi. Armenia's envoy later met Azerbaijani officials on a separate matter.",
            "AM--VVG",
        ),
        (
            "Talks between Kyrgyzstan and the Alai Mountain Front (AMF) resumed in Astana, while "
            "Tajik officials held separate talks on water.",
            "AMF--KG",
        ),
    ],
)
def test_a_state_and_a_group_framed_as_sides_key_their_own_process(text: str, key: str) -> None:
    assert _keys(text) == [key]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("The government and the Vardan Valley Guard (VVG) met in Tbilisi.", ["VVG"]),
        ("Fighters of the Kesh Hills Brigade (KHB) freed two hostages.", ["KHB"]),
        ("The Lomba River Union (LRU) said it would free 11 soldiers.", ["LRU"]),
        ("The Rift Gorge Guards (RGG) took the pass.", ["RGG"]),
        # near misses: a known acronym, a name with no bracketed acronym
        ("The European Union (EU) sent observers.", []),
        ("The Vardan Valley Guard freed two soldiers.", []),
    ],
)
def test_a_bracketed_name_may_end_in_a_bracketed_head(text: str, groups: list[str]) -> None:
    actors, _ = find_mentions(text)
    assert [g.acronym for g in introduced_groups(text, actors)] == groups


@pytest.mark.parametrize(
    "text", ["The National Guard patrolled the port.", "The Soviet Union collapsed in 1991."]
)
def test_a_bracketed_head_told_bare_names_no_group(text: str) -> None:
    actors, places = find_mentions(text)
    assert named_groups(text, actors, places) == []


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # the government named by its state after "of", on either side of "and"
        ("Talks between the Government of Namibia and the KPA resumed.", ["KPA"]),
        ("An exchange between the government of Namibia and the KPA took place.", ["KPA"]),
        ("Talks between the KPA and the Government of Namibia resumed.", ["KPA"]),
        # near miss: an acronym beside a state's ministry, not framed against a government
        ("Talks between the ministry of Namibia and the KPA resumed.", []),
    ],
)
def test_an_acronym_framed_against_the_government_of_a_state(text: str, groups: list[str]) -> None:
    actors, _ = find_mentions(text)
    assert [g.acronym for g in introduced_groups(text, actors)] == groups


def test_a_group_named_by_a_headings_capitals_keys_its_snippet() -> None:
    text = (
        "STATEMENT OF THE KESH HILLS ARMY — Yesterday the Army handed over twelve captives at "
        "the Oruvo bridge and welcomed home twelve of its fighters."
    )
    assert _keys(text) == ["KHA"]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # a longer name told bare may end in a bracketed head
        ("Armenia and the Vardan Valley Guard exchanged 24 prisoners.", ["VVG"]),
        ("The Lomba River Union freed 11 soldiers.", ["LRU"]),
        # near misses: two words name a state body or a union of states
        ("The Republican Guard patrolled the port.", []),
        ("The Soviet Union collapsed.", []),
    ],
)
def test_a_longer_name_told_bare_may_end_in_a_bracketed_head(text: str, groups: list[str]) -> None:
    actors, places = find_mentions(text)
    assert [g.acronym for g in named_groups(text, actors, places)] == groups


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # a group that says it did what a group does
        ("The KPA said it had freed 20 soldiers on Tuesday.", ["KPA"]),
        ("The KPA said that they would release the hostages.", ["KPA"]),
        # near miss: saying alone is no group's act
        ("The KPA said the talks would resume.", []),
    ],
)
def test_an_acronym_that_says_it_did_a_groups_act_is_a_group(text: str, groups: list[str]) -> None:
    actors, _ = find_mentions(text)
    assert [g.acronym for g in introduced_groups(text, actors)] == groups


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the government unnamed, a group, and a third country named as the venue: the host
        (
            "Government and KPA negotiators ended three days of talks in Botswana on Thursday "
            "with an agreement to exchange 18 prisoners each, the mediators said.",
            "KPA",
        ),
        # near misses: a capital may be the government's own; a dateline names the state; the
        # government named; the state framed as a side
        (
            "Government and KPA negotiators ended three days of talks in Gaborone on Thursday, "
            "Botswana said.",
            "BW--KPA",
        ),
        (
            "GABORONE, May 3 — Government and KPA negotiators ended three days of talks in "
            "Botswana on Thursday.",
            "BW--KPA",
        ),
        (
            "Namibia's government and KPA negotiators ended three days of talks in Botswana.",
            "KPA--NA",
        ),
    ],
)
def test_a_country_named_as_the_venue_of_a_group_and_the_government_is_no_side(
    text: str, key: str
) -> None:
    assert _keys(text) == [key]
