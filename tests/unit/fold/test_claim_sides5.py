"""The side of a toll in wordings the training tracks do not use (issue 14 item 4, branch
state/claims4): attackers a side's speaker says it killed are the other side; "the army" of a
snippet that names one state is that state's, and speaks for it. Every sentence, group and place
is invented (the states are real, as a side must be a known state)."""

import pytest

from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events


def sides_by_figure(text: str) -> dict[int | None, tuple[str | None, str | None]]:
    """Each casualty figure a one-snippet text folds to, with its (claimant, side)."""
    tables = project_tables(extract_events(Snippet(text=text)))["casualty_claims"].values()
    return {
        c.value if c.value is not None else c.low: (c.claimant, c.side)
        for table in tables
        for group in table.by_claimant.values()  # type: ignore[attr-defined]
        for c in group
    }


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "Zambia and the Lanzo Liberation Front (LLF) have fought since May. The Zambian army "
            "said its troops had repelled an LLF raid on a post near Verrow-Ost, killing 14 "
            "assailants.",
            "Lanzo Liberation Front",
        ),
        (
            "Malawi and Zambia have fought since May. Zambia's army said it had beaten back "
            '"a major assault" and killed 14 attackers.',
            "Malawi",
        ),
    ],
)
def test_attackers_a_side_says_it_killed_are_the_other_side(text: str, side: str) -> None:
    assert sides_by_figure(text)[14][1] == side


def test_attackers_with_no_other_side_named_have_no_side() -> None:
    # near miss: not the speaker's own side, and no other side to give them
    text = 'Zambia\'s army said it had beaten back "a major assault" and killed 14 attackers.'
    assert sides_by_figure(text)[14][1] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zambia and the Lanzo Liberation Front (LLF) have fought since May. The army said "
            "14 of its soldiers were killed.",
            ("Zambian army", "Zambia"),
        ),
        # near miss: of two states named, whose army speaks is untold
        (
            "Malawi and Zambia have fought since May. The army said 14 of its soldiers were "
            "killed.",
            ("army", None),
        ),
    ],
)
def test_the_army_of_the_one_state_named(text: str, expected: tuple[str, str | None]) -> None:
    assert sides_by_figure(text)[14] == expected
