"""Mediating bodies no lexicon lists, named with a role (invented names and sentences)."""

import pytest

from streams.core.read.bodies import mediating_bodies, one_name_per_body
from tests.unit.fold.test_roles import _roles_of


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The talks are facilitated by the Orvella Dialogue Foundation, which has offices in "
            "Geneva.",
            "Orvella Dialogue Foundation",
        ),
        (
            "The Ponteva Foundation for Dialogue, which mediates between the two sides, said the "
            "talks would resume.",
            "Ponteva Foundation for Dialogue",
        ),
        (
            "The Lisbon-based Ponteva Foundation for Dialogue mediated the first round.",
            "Ponteva Foundation for Dialogue",
        ),
    ],
)
def test_a_body_named_with_a_role_is_an_organisation(text: str, body: str) -> None:
    found = mediating_bodies(text, [])
    assert [(m.name, m.kind) for m in found] == [(body, "organisation")]
    assert text[found[0].start : found[0].end] == body


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a body named with no role, and a role word of no such body
        "The Orvella Dialogue Foundation said 12 people were hurt in the shelling.",
        "The Red Cross Society counted 40 wounded in the town.",
        "Mediators met the delegations in Geneva on Monday.",
    ],
)
def test_a_body_named_without_a_role_is_left_out(text: str) -> None:
    assert mediating_bodies(text, []) == []


def test_a_shorter_name_of_a_body_stands_for_its_full_name() -> None:
    full = mediating_bodies(
        "Chile and Peru met under the Ponteva Foundation for Dialogue, which mediates.", []
    )
    short = mediating_bodies("The Ponteva Foundation, which mediates, said so.", [])
    assert one_name_per_body([*full, *short]) == {
        "Ponteva Foundation": "Ponteva Foundation for Dialogue"
    }


def test_a_mediating_body_joins_the_process_as_a_third_party() -> None:
    parties, third = _roles_of(
        "Chile and Peru held talks in Lima on Thursday, facilitated by the Orvella Dialogue "
        "Foundation."
    )
    assert parties == ["Chile", "Peru"]
    assert third.get("Orvella Dialogue Foundation") in ("mediator", "facilitator")
