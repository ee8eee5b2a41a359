"""Process keys on unseen news (issue 14, branch state/keys6): a state the lexicon lists as a
side's ally in a known war is that side's own counterpart when the war's other side is never
told; a name two states share ("Congolese", "Congo") names the one the snippet names by a name
of its own; a state that only speaks of talks of two others is no side of them.

Every sentence is invented (places, people, groups, figures); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.gazetteer import find_mentions, resolve_shared_names

PUBLISHED = datetime(2038, 4, 2, tzinfo=UTC)


def _keys(text: str) -> set[str]:
    return {e.process for e in extract_events(Snippet(text=text, published_at=PUBLISHED))}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a dispute of a side and its listed ally in that side's war (Chad, Nigeria's)
        (
            "Nigerian naval police detained 14 Chadian fishermen near the Tamsu islands, and "
            "Chadian gendarmes seized two Nigerian boats in reply, officials said.",
            "NG--TD",
        ),
        # their own talks, the war's other side named nowhere
        (
            "Delegations of Uganda and South Sudan met in Mombasa on Monday for talks on the "
            "Lotira grazing lands, the two governments said.",
            "SS--UG",
        ),
        # the two leaders' own call
        (
            "The presidents of Burkina Faso and Mali spoke by telephone on Sunday about the "
            "Garango wells, where their herders have quarrelled since June.",
            "BF--ML",
        ),
        # people one holds of the other
        (
            "Eleven Ethiopian soldiers held by Eritrea crossed the Zalambessa-Sud post on Friday, "
            "Ethiopian officials said.",
            "ER--ET",
        ),
    ],
)
def test_a_listed_ally_is_the_sides_counterpart_where_the_war_is_not_told(
    text: str, key: str
) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the ally fights beside the side against the war's other side, named
        (
            "Chadian and Nigerian troops attacked Boko Haram camps near the Tamsu islands, and "
            "Nigerian officials met Boko Haram intermediaries on a release of pupils.",
            "NG--NG-BOKOHARAM",
        ),
        # "the rebels" stand for the war's other side, an armed group
        (
            "Uganda and South Sudan held talks in Mombasa on joint patrols against the rebels "
            "along the Lotira road.",
            "SS--SS-SPLA",
        ),
    ],
)
def test_an_ally_acting_in_the_told_war_leaves_it_the_key(text: str, key: str) -> None:
    assert _keys(text) == {key}


def _codes(text: str) -> list[str]:
    found = resolve_shared_names(
        [(text, *find_mentions(text))]  # one "sentence" is enough for the resolution
    )
    return [m.code for _, actors, _ in found for m in actors if m.kind == "state"]


def test_a_shared_demonym_names_the_state_the_snippet_names_by_its_own_name() -> None:
    assert set(_codes("The Congolese government said Brazzaville would host the round.")) == {"CG"}
    assert set(_codes("The Republic of the Congo and Congolese officers agreed.")) == {"CG"}


def test_a_shared_demonym_keeps_its_listed_state_where_nothing_decides() -> None:
    assert _codes("Congolese negotiators met the Lomela Front on Monday.") == ["CD"]
    assert set(_codes("Congolese officers flew in from Kinshasa.")) == {"CD"}
    # both states named: the listed one stays
    assert "CD" in _codes("Congolese officers, the DRC and the Republic of the Congo agreed.")


def test_an_undecided_short_name_names_no_state_unless_the_snippet_decides() -> None:
    assert _codes("Congo and the Lomela Front agreed to meet again.") == []
    assert set(_codes("Congo and the Lomela Front agreed to meet in Brazzaville.")) == {"CG"}
    assert set(_codes("Congo and the Lomela Front agreed to meet in Kinshasa.")) == {"CD"}


def test_a_brazzaville_story_keys_the_republic_of_the_congo() -> None:
    text = (
        "BRAZZAVILLE, May 2 — Congolese government negotiators and the Nkeni River Front (NRF) "
        "ended three days of talks in Ouesso on Wednesday, a Brazzaville government spokesman "
        "said. The Congolese army and the NRF will exchange 20 prisoners each."
    )
    assert _keys(text) == {"CG--NRF"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a host state's officials announce the talks of two others in its capital
        (
            "Senegalese officials said on Monday that the government of Guinea and the Kindia "
            "Highlands Front (KHF) would hold their first direct talks in Dakar. Senegal's "
            "foreign ministry said the talks would be held at a hotel on the Corniche.",
            "GN--KHF",
        ),
        # a mediator's ministry tells of a call it set up between the two
        (
            "Cameroon's foreign ministry said the Chadian government and the Batha Valley Front "
            "(BVF) would hold talks in Yaounde. Cameroonian officials said the date was not set.",
            "BVF--TD",
        ),
    ],
)
def test_a_state_that_only_announces_talks_of_two_others_is_no_side(text: str, key: str) -> None:
    assert _keys(text) == {key}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a side's own officials speak of its talks with one other side
        (
            "Nigerien officials said on Monday that the government would hold talks with the "
            "Tamgak Army Front (TAF) in Niamey. Niger's interior ministry said the TAF agreed.",
            "NE--TAF",
        ),
        # a side speaks of talks between itself and the other, a third state named
        (
            "Chilean officials said talks between Chile and Peru on the Lluta canal would open in "
            "Quito, with Ecuador lending the venue.",
            "CL--PE",
        ),
    ],
)
def test_a_side_speaking_of_its_own_talks_stays_a_side(text: str, key: str) -> None:
    assert _keys(text) == {key}


def test_a_state_that_has_led_the_mediation_is_no_side() -> None:
    text = (
        "Explainer: the Chad talks before the Franceville round. Gabon has led the mediation "
        "since March, and a Lisbon foundation helps it. The Batha Valley Front (BVF) delegation "
        "flew to Franceville on Sunday for talks with the government, Gabon's foreign ministry "
        "said."
    )
    assert _keys(text) == {"BVF--TD"}


def test_militiamen_the_sides_demonym_qualifies_stand_for_no_unnamed_group() -> None:
    # the side's own militiamen clash with its listed ally: their own dispute
    text = (
        "The presidents of Uganda and South Sudan met in Mombasa on Friday. A day earlier, "
        "Ugandan troops and South Sudanese militiamen clashed near Lotira, officials said."
    )
    assert _keys(text) == {"SS--UG"}


def test_rebels_the_sides_demonym_qualifies_still_stand_for_the_unnamed_group() -> None:
    # "South Sudanese rebels" rebel against South Sudan: the known war is told
    text = (
        "The presidents of Uganda and South Sudan met in Mombasa on Friday. A day earlier, "
        "Ugandan troops and South Sudanese rebels clashed near Lotira, officials said."
    )
    assert _keys(text) == {"SS--SS-SPLA"}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("said Amina Sese-Goma, a researcher at the institute", []),  # a surname's half
        ("on the Lusaka-Harare road", ["Lusaka", "Harare"]),  # two places joined
        ("a Kinshasa-Goma flight", ["Kinshasa", "Goma"]),
        ("a second Kolo-Goma flight", ["Goma"]),  # a route from a town the lexicon lacks
        ("talks in Goma", ["Goma"]),
    ],
)
def test_a_place_name_is_no_place_as_the_half_of_a_hyphenated_surname(
    text: str, places: list[str]
) -> None:
    assert [p.mention for p in find_mentions(text)[1]] == places


def test_a_surname_ending_in_a_place_does_not_decide_a_shared_name() -> None:
    text = (
        "Explainer: the Congo talks before the round. The Brazzaville round was postponed. "
        '"Both want a signature," said Amina Sese-Goma, a researcher.'
    )
    assert set(_codes(text)) == {"CG"}
