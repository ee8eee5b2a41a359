"""Casualty claims read whole: figures written in words, elided units, whole claimant names."""

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from streams.core.read.figures import find_figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The institute put the number of Atlantean soldiers killed at 80,000.",
            [(80000, "exact", "killed")],
        ),
        ("The war has left almost half a million dead.", [(500000, "nearly", "killed")]),
        (
            "It said 9,000 Atlantean soldiers were killed, and up to 4,000 on the Bordurian side.",
            [(9000, "exact", "killed"), (4000, "up_to", "killed")],
        ),
    ],
)
def test_figures_in_words_and_with_their_unit_elided(text: str, expected: list) -> None:
    got = [(f.value or f.high, f.qualifier, f.unit) for f in find_figures(text)]
    assert got == expected


def test_an_injury_is_never_a_death() -> None:
    assert [f.unit for f in find_figures("At least 40 people were injured in the blast.")] == [
        "wounded"
    ]


def _claimants(text: str) -> list[str | None]:
    return [
        q.claimant
        for e in extract_events(Snippet(text=text))
        if e.type == "casualty_report"
        for q in e.quantities
    ]


def test_a_pronoun_or_a_fragment_resolves_to_the_whole_name_of_the_person_named_before() -> None:
    text = (
        "Mayor Ilse Vandermeer spoke to reporters on Monday. "
        "She also said 12 civilians were killed in the shelling. "
        "A year earlier she had put the toll at more than 9 people."
    )
    assert _claimants(text) == ["Ilse Vandermeer", "Ilse Vandermeer"]


def test_the_ministry_resolves_to_the_body_named_before() -> None:
    text = (
        "According to the Atlantean Health Ministry, the strikes hit two hospitals. "
        "The ministry said 14 people were killed."
    )
    assert _claimants(text) == ["Atlantean Health Ministry"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Atlantean state media reported that six engineers were killed.", "Atlantean state media"),
        (
            "At least 9 people were killed, the Ostia city health ministry said on Monday.",
            "Ostia city health ministry",
        ),
        # A news agency relays the figure: the claim is the outlet's, unattributed.
        ("At least 9 people were killed, Reuters reported.", None),
    ],
)
def test_a_body_reporting_before_or_after_the_figure_is_its_claimant(
    text: str, body: str | None
) -> None:
    from streams.core.read.figures import find_attribution

    assert find_attribution(text) == body


def test_the_think_tanks_total_is_the_think_tanks_claim() -> None:
    text = (
        "A study by the Institute for Peace Data estimated that 9,000 soldiers were killed. "
        "Across both armies, the think tank's total came to almost twenty thousand dead."
    )
    assert _claimants(text) == ["Institute for Peace Data", "Institute for Peace Data"]
