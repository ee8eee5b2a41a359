"""Towns from GeoNames: found only in a place context, disambiguated by the snippet's countries."""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.gazetteer import find_mentions
from streams.core.read.geo import find_towns


def _towns(text: str, countries: set[str] | None = None) -> list[tuple[str, str, str | None]]:
    return [(t.name, t.country or "", t.region) for t in find_towns(text, [], countries or set())]


def test_a_town_after_a_locative_is_found_under_its_canonical_spelling() -> None:
    assert _towns("Artillery hit the outskirts of Kramatorsk at dawn.") == [
        ("Kramatorsk", "UA", None)
    ]


def test_region_after_a_comma_is_kept_but_a_country_is_not_a_region() -> None:
    assert _towns("Shells fell on Kupiansk, Kharkiv, overnight.")[0][2] == "Kharkiv"
    assert _towns("A rally was held in Sidon, Lebanon.")[0][2] is None


def test_shared_names_go_to_a_country_the_snippet_names_else_the_largest_town() -> None:
    assert _towns("Militias clashed in Tripoli.", {"LB"})[0][1] == "LB"
    assert _towns("Militias clashed in Tripoli.")[0][1] == "LY"


@pytest.mark.parametrize(
    "text",
    [
        "Victoria said she would not attend.",  # a person
        "The talks resume in May.",  # a month
        "Police said the area was calm.",  # an institution
        "Hope faded as the deadline passed.",
    ],
)
def test_capitalised_words_that_are_not_places_in_context_are_ignored(text: str) -> None:
    assert _towns(text) == []


def test_towns_reach_the_events_of_a_snippet() -> None:
    snippet = Snippet(
        text="On 2 May 2024, Russian forces shelled Vovchansk, Kharkiv. Two civilians were killed.",
        published_at="2024-05-03",
    )
    strike = next(e for e in extract_events(snippet) if e.type == "strike")
    assert [(p.name, p.country, p.region) for p in strike.places][:1] == [
        ("Vovchansk", "UA", "Kharkiv")
    ]


def test_a_capital_named_by_its_role_is_that_city() -> None:
    actors, places = find_mentions("Talks resumed in the Sudanese capital on Sunday.")
    assert [(p.name, p.country, p.mention) for p in places] == [
        ("Khartoum", "SD", "Sudanese capital")
    ]
    assert actors == []
    # "capital of" and "capital punishment" are no place by role.
    _, places = find_mentions("Sudanese capital punishment laws were debated.")
    assert places == []


@pytest.mark.parametrize(
    "text",
    [
        "The delegations met at the Machakos Ridge Hotel on Monday.",
        "The envoys stayed at the Machakos Lodge before the talks.",
        "The session opened at the Machakos International Conference Centre.",
    ],
)
def test_a_town_opening_a_hotels_name_is_no_place(text: str) -> None:
    assert find_towns(text, [], ["KE"]) == []


def test_a_town_before_another_building_stays_a_place() -> None:
    # near misses: the town itself, and a building that is not a meeting's lodging
    assert [m.name for m in find_towns("The delegations met in Machakos on Monday.", [], ["KE"])]
    assert [m.name for m in find_towns("A shell hit the Machakos Level Five Hospital.", [], ["KE"])]
