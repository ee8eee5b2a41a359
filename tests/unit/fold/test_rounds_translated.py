"""Meetings told in translation (fresh13's regional and translated press): an "encounter" or a
"cycle of negotiations" celebrated in a city, initiated or closed, hold a round there; a
question about who sits at the table holds none. Every sentence is invented; the states are
the lexicon's, as the process keys need them."""

import pytest

from tests.factories import state_from_snippets


def _venues(*snippets: tuple[str, str]) -> list[str | None]:
    return [r.venue for r in state_from_snippets("MW--TZ", *snippets).rounds]


@pytest.mark.parametrize(
    "text",
    [
        "On Wednesday, at the close of the bilateral encounter celebrated in Mzuzu, Malawi and "
        "Tanzania subscribed an act on the lake border.",
        "The delegations of Malawi and Tanzania initiated on Saturday in Mzuzu the exploratory "
        "encounter on the lake border.",
        "Malawi and Tanzania closed on Friday in Mzuzu the second cycle of negotiations on the "
        "lake border.",
    ],
)
def test_a_meeting_told_in_translation_is_a_round(text: str) -> None:
    assert _venues(("2036-05-02", text)) == ["Mzuzu"]


def test_a_question_about_who_sits_at_the_table_is_no_round() -> None:
    held = ("2036-05-02", "Malawi and Tanzania held talks in Mzuzu on Thursday on the lake border.")
    question = ("2036-05-20", "Q: Who sits at the table besides Malawi and Tanzania?")
    assert _venues(held, question) == ["Mzuzu"]
