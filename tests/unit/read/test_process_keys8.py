"""One process per negotiation when a third state is named only as the speaker of its news
(branch state/keys8): "Senegal's foreign ministry said" keys no process of Senegal's beside a
government's talks with an armed group; two keys that each name the other's second side a
third party join the way of the one whose state names more third parties; a state thanked by
its formal name ("thanks the Republic of X") helped, no side.

Every sentence is invented (places, people, groups, figures); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.counterparts import joins
from streams.core.read.extract import _body_dateline_country, extract_events
from streams.core.read.gazetteer import find_mentions, role_cue
from streams.core.roles import role_near

PUBLISHED = datetime(2040, 5, 20, tzinfo=UTC)


def _keys(text: str) -> set[str]:
    return {e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED))}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the dateline places "the government": the mediator only tells the news
        (
            "OUAGADOUGOU, May 20 — The government freed 30 fighters of the Sourou Valley Front "
            "(SVF) on Tuesday, the Red Cross said. The second round of talks between the "
            "government and the SVF will open in Dakar on June 3, Senegal's foreign ministry said.",
            "BF--SVF",
        ),
        # a headline before the dateline
        (
            "Rebels free nine rangers in first swap\n\nNAIROBI, Feb 27 — The Tana Delta "
            "Movement (TDM) freed nine park rangers on Thursday, and the government released 18 "
            "TDM members in return. The next round is set for March 12 in Arusha, Tanzanian "
            "officials said.",
            "KE--TDM",
        ),
        # the government's state named as a side, the mediator only as the source
        (
            "Liberia's government freed 22 fighters of the Nimba Hills Army (NHA) at Ganta-Yeh "
            "on Tuesday. A second round of talks is due in Accra next month, Ghanaian officials "
            "told reporters.",
            "LR--NHA",
        ),
    ],
)
def test_a_state_only_telling_the_news_is_no_side_where_the_government_is_placed(
    text: str, key: str
) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    "text",
    [
        # it tells of both sides in the third person
        "The government and the Sourou Valley Front (SVF) ended a second round of talks in "
        "Dakar on Wednesday, Senegalese officials said, adding that the two sides had agreed to "
        "extend the truce.",
        # a foreign ministry, a diplomat, an envoy speak for a state abroad
        "The second round of talks between the government and the Samar Highland Army (SHA) has "
        "been put back by a week, Malaysia's foreign ministry said on Friday.",
        "The government and the Maranga Peasant Army (MPA) will meet again in Oslo on September "
        "8, a Norwegian diplomat told reporters on Friday.",
    ],
)
def test_a_state_only_telling_the_news_leaves_the_group_alone(text: str) -> None:
    # No state is placed as the government: the group's one-sided key, which the view joins
    # to its only pair.
    assert _keys(text) == {text.split("(")[1].split(")")[0]}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the government's own bodies speak for a side, of both sides too
        (
            "The Shire Highlands Front (SHF) and the government swapped 18 prisoners on Monday "
            "at the Chiromo-Ndata bridge, Malawi's defence ministry said, adding that the two "
            "sides had kept to the lists.",
            "MW--SHF",
        ),
        (
            "A second round of talks between the government and the Shire Highlands Front (SHF) "
            "will be held in Lusaka on November 4, Malawi's interior ministry said on Tuesday.",
            "MW--SHF",
        ),
        # no armed group: two states, one of them only speaking, are the sides
        (
            "Honduras and El Salvador exchanged 14 detained fishermen on Thursday, and the "
            "second round of talks will be held on July 2, Honduras's foreign ministry said.",
            "HN--SV",
        ),
        (
            "El Salvador's foreign ministry said the two sides had ended a second round of "
            "talks on the estuary on Wednesday.",
            "SV",
        ),
        # the dateline is the speaker's own: nothing places the government elsewhere
        (
            "ACCRA, June 3 — The government and the Volta Hills Front (VHF) will meet again on "
            "June 9, Ghana's interior ministry said.",
            "GH--VHF",
        ),
    ],
)
def test_a_side_speaking_of_its_own_talks_stays_a_side(text: str, key: str) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("NAIROBI, Feb 27 — The movement freed nine rangers.", "KE"),
        ("Rebels free nine rangers\n\nNAIROBI, Feb 27 — The movement freed nine rangers.", "KE"),
        # a first paragraph is no headline: its dateline would open it
        ("The movement freed nine rangers.\n\nNAIROBI, Feb 27 — More were freed.", None),
        ("Rebels free nine rangers\nNAIROBI, Feb 27 — The movement freed nine rangers.", None),
    ],
)
def test_the_dateline_after_a_headline(text: str, country: str | None) -> None:
    assert _body_dateline_country(text) == country


@pytest.mark.parametrize(
    "text",
    [
        "The Government Commission announces that 44 persons were exchanged with the Zerav "
        "People's Guard (ZPG). The Commission thanks the Republic of Kazakhstan and the State "
        "of Qatar for their good offices.",
        "The ZPG said 44 persons were exchanged with the government. It thanks the Kingdom of "
        "Norway for its patient mediation.",
    ],
)
def test_a_state_thanked_by_its_formal_name_is_no_side(text: str) -> None:
    assert not {"KZ", "QA", "NO"} & {c for key in _keys(text) for c in key.split("--")}


@pytest.mark.parametrize(
    ("table", "found"),
    [
        # each key names the other's second side a host: the one naming fewer other third
        # parties joins the other, whatever their order
        (
            {"CM--FPX": {"GQ", "TD"}, "FPX--GQ": {"CM"}},
            [("FPX--GQ", "CM--FPX")],
        ),
        (
            {"AA--FPX": {"GQ"}, "FPX--GQ": {"AA", "TD"}},
            [("AA--FPX", "FPX--GQ")],
        ),
        # as many on each side: one process still (state/keys9: the neighbours' testimony,
        # then key order; `test_process_keys9`)
        ({"CM--FPX": {"GQ"}, "FPX--GQ": {"CM"}}, [("CM--FPX", "FPX--GQ")]),
        ({"CM--FPX": {"GQ", "TD"}, "FPX--GQ": {"CM", "NG"}}, [("CM--FPX", "FPX--GQ")]),
    ],
)
def test_two_keys_naming_each_others_side_a_third_party(
    table: dict[str, set[str]], found: list[tuple[str, str]]
) -> None:
    assert joins({k: frozenset(v) for k, v in table.items()}) == found


def test_the_one_sided_key_follows_the_pair_that_took_the_tie() -> None:
    table = {"CM--FPX": {"GQ", "TD"}, "FPX--GQ": {"CM"}, "FPX": {"CM"}}
    found = joins({k: frozenset(v) for k, v in table.items()})
    assert found == [("FPX--GQ", "CM--FPX"), ("FPX", "CM--FPX")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the clause after the comma tells what the body did: no apposition of the pair
        (
            "On 2 April, acting as a neutral intermediary between the Government of Gabon and "
            "the Kessari Hills Front, the ICRC facilitated the release of 150 people.",
            "GA--KHF",
        ),
        (
            "Working between the Government of Gabon and the Kessari Hills Front, the Red Cross "
            "brokered the return of nine bodies.",
            "GA--KHF",
        ),
    ],
)
def test_a_clause_after_the_pair_gives_it_no_role(text: str, key: str) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    "text",
    [
        "The talks opened with Norway, the mediator, in the room.",
        "Qatar and Egypt, the mediators, said the talks would resume.",
    ],
)
def test_an_apposition_still_names_the_role(text: str) -> None:
    actors, _ = find_mentions(text)
    assert actors and all(role_cue(text, m) == "mediator" for m in actors)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the pronoun's clause has its own subject: the group is its object, no mediator
        (
            "The second round of talks between Fiji's government and the Vanua Hills Front "
            "(VHF), which the mediators had pencilled in for Apia on May 3, will not take place "
            "on that date, Samoa's foreign ministry said.",
            "FJ--VHF",
        ),
    ],
)
def test_the_object_of_a_relative_clause_takes_no_role(text: str, key: str) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    "text",
    [
        "Qatar, which has mediated since May, said the talks would resume.",
        "Qatar, which has been the mediator, said the talks would resume.",
    ],
)
def test_a_relative_clause_of_the_name_still_names_its_role(text: str) -> None:
    actors, _ = find_mentions(text)
    assert [role_cue(text, m) for m in actors] == ["mediator"]


@pytest.mark.parametrize(
    "text",
    [
        "PORTO-NOVO, Oct 4 (Gulf of Guinea Wire) — The Atakora Hills Front (AHF) freed 12 bus "
        "passengers on Saturday.",
        "The Atakora Hills Front (AHF) said its boats in the Gulf of Guinea had been seized.",
    ],
)
def test_a_sea_named_after_a_state_names_no_state(text: str) -> None:
    actors, _ = find_mentions(text)
    assert "GN" not in {m.code for m in actors}
    assert "GN" not in {c for key in _keys(text) for c in key.split("--")}


def test_the_state_itself_is_still_named() -> None:
    actors, _ = find_mentions("Guinea and Senegal held talks on the Bay of Ndakaru.")
    assert [m.code for m in actors] == ["GN", "SN"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mauritius said it would host a later round.", "host"),
        ('Mauritius said it "fully understood" the change and would host a later round.', "host"),
        ("Mauritius says they will host the third round.", "host"),
    ],
)
def test_a_state_speaking_of_itself_takes_the_role_it_tells(text: str, role: str) -> None:
    actors, _ = find_mentions(text)
    assert [role_near(text, m.start, m.end) for m in actors] == [role]


def test_said_still_parts_a_name_from_another_clause() -> None:
    text = "Talks between Chile and Peru resumed, said Chile, with Norway as facilitator."
    actors, _ = find_mentions(text)
    assert [role_near(text, m.start, m.end) for m in actors] == [None, None, None, "facilitator"]
