"""Casualty claims in the joined view (`counterparts.joined_tables`, `casualty_claims.
joined_claims`): a key shown inside a process brings its claims there, and a side read by its kind
under the key is read again among the process's sides. Every sentence, person, place and group is
invented."""

import random

import pytest

from schemas.snippet import Snippet
from schemas.state import CasualtyClaim, CasualtyClaims, ClaimSource
from streams.core.fold.casualty_claims import BOTH_SIDES, joined_claims
from streams.core.fold.counterparts import joined_tables
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

# The process, told with both sides; then the group alone (keyed "ULF").
BOTH = (
    "Peru's government and the Upland Liberation Front (ULF) held a second round of talks in "
    "Quito on Monday."
)
GROUP_ALONE = (
    "The Upland Liberation Front (ULF) said on Friday its fighters had raided a base near "
    "Huanta. Police Commissioner Rosa Quispe said nine officers had been killed."
)


def _claims(snippets: list[Snippet], joined: bool = True) -> dict[str, dict[int, str | None]]:
    """Key -> figure -> side, in the joined view (or as stored)."""
    events = [e for s in snippets for e in extract_events(s)]
    tables = project_tables(events)
    if joined:
        tables = joined_tables(tables)  # type: ignore[assignment]
    return {
        key: {c.value: c.side for group in table.by_claimant.values() for c in group}  # type: ignore[attr-defined]
        for key, table in tables["casualty_claims"].items()
        if table.by_claimant  # type: ignore[attr-defined]
    }


def _snippets() -> list[Snippet]:
    return [
        Snippet(id="a", text=BOTH, published_at="2027-03-01T10:00:00Z"),
        Snippet(id="b", text=GROUP_ALONE, published_at="2027-03-05T10:00:00Z"),
    ]


def test_as_stored_the_group_s_key_cannot_name_the_state_whose_officers_died() -> None:
    stored = _claims(_snippets(), joined=False)
    assert stored["ULF"][9] is None


def test_joined_the_claim_moves_to_the_process_and_its_kind_names_the_state() -> None:
    joined = _claims(_snippets())
    assert "ULF" not in joined
    assert joined["PE--ULF"][9] == "Peru"


@pytest.mark.parametrize("seed", range(3))
def test_the_joined_claims_do_not_depend_on_the_order_of_the_snippets(seed: int) -> None:
    later = "The Upland Liberation Front (ULF) said on Saturday that 14 of its fighters died."
    snippets = [*_snippets(), Snippet(id="c", text=later, published_at="2027-03-06T10:00:00Z")]
    expected = _claims(snippets)
    random.Random(seed).shuffle(snippets)
    assert _claims(snippets) == expected
    assert expected["PE--ULF"][14] == "Upland Liberation Front"


def test_a_side_named_in_full_is_kept_when_it_is_not_the_process_s() -> None:
    # near miss: "on both sides" is no kind, and stays as told
    later = "The Upland Liberation Front (ULF) said 30 people had been killed on both sides."
    snippets = [*_snippets(), Snippet(id="d", text=later, published_at="2027-03-07T10:00:00Z")]
    assert _claims(snippets)["PE--ULF"][30] == BOTH_SIDES


def _table(process: str, side: str | None, kind: str | None) -> CasualtyClaims:
    source = ClaimSource(
        event_id="e1", snippet_id="s1", sentence="invented", side=side, side_kind=kind
    )
    claim = CasualtyClaim(
        claimant="army",
        side=side,
        side_from="e1" if side else None,
        unit="killed",
        value=9,
        sources=(source,),
        snippets=("s1",),
        corroboration=1,
    )
    return CasualtyClaims(process=process, by_claimant={"army": (claim,)})


@pytest.mark.parametrize(
    ("side", "third", "expected"),
    [
        # the key's kind-reading named the mediator of the process: read again among its sides
        ("Uruguay", frozenset({"UY"}), "Peru"),
        # a side left open is read among the process's sides
        (None, frozenset(), "Peru"),
        # near miss: a state of the key the process does not name as its third party stays
        ("Uruguay", frozenset(), "Uruguay"),
    ],
)
def test_a_joined_claim_is_read_again_only_where_its_key_could_not_know(
    side: str | None, third: frozenset[str], expected: str
) -> None:
    tables = {"UY--ULF": _table("UY--ULF", side, "state"), "PE--ULF": _table("PE--ULF", None, None)}
    joined = joined_claims(tables, [("UY--ULF", "PE--ULF")], {"PE--ULF": third})
    sides = {c.side for group in joined["PE--ULF"].by_claimant.values() for c in group}
    assert expected in sides
