"""Invented sentences for the round classes of the sixteenth session, found on development tracks
that had been held out until then: a step done "as agreed in X" cites an accord made at an earlier
meeting there, so it is neither a signing held at X on the step's day nor a venue; a body of the
process that "held its first session" met (one side's parliament sitting on the crisis did not).

Every sentence is invented (people, towns, dates and numbers); none is news text. The states are
the lexicon's, as the process keys need them.
"""

import pytest

from tests.factories import state_from_snippets

# A round of the process held before the sentence under test, so that the process exists.
_HELD = (
    "2036-05-02",
    "Malawi and Tanzania held talks in Lilongwe on Thursday on the lake border, officials said.",
)


def _rows(*snippets: tuple[str, str]) -> list[tuple[str | None, str | None]]:
    state = state_from_snippets("MW--TZ", _HELD, *snippets)
    return [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds]


# --- a step done as agreed at an earlier meeting ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Malawi and Tanzania reopened the Karonga border post on Monday under the truce, as "
        "agreed in Dodoma.",
        "Malawi and Tanzania reopened the Karonga border post on Monday under the truce, as had "
        "been agreed in Dodoma, the mediator said.",
    ],
)
def test_a_step_done_as_agreed_somewhere_holds_no_meeting_there(sentence: str) -> None:
    assert _rows(("2036-06-22", sentence)) == [("Lilongwe", "2036-05-01")]


def test_an_accord_signed_at_a_place_on_the_day_is_still_a_meeting_there() -> None:
    # near miss: the signing itself, told with its place and day
    rows = _rows(
        (
            "2036-06-22",
            "Malawi and Tanzania signed a border accord in Dodoma on Monday, ending the dispute.",
        )
    )
    assert "Dodoma" in [venue for venue, _ in rows]


# --- a body of the process holding a session ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Malawi-Tanzania joint border commission held its first session in Karonga on "
        "Tuesday, three months after the ceasefire.",
        "The ceasefire commission of Malawi and Tanzania held its second session in Karonga on "
        "Tuesday.",
    ],
)
def test_a_session_held_by_the_sides_is_a_meeting(sentence: str) -> None:
    assert [venue for venue, _ in _rows(("2036-06-18", sentence))] == ["Lilongwe", "Karonga"]


def test_a_parliament_session_on_the_crisis_is_no_meeting() -> None:
    # near miss: one side's own body sitting on the conflict
    sentence = "Malawi's parliament held a special session in Lilongwe on Tuesday on the lake crisis."
    assert _rows(("2036-06-18", sentence)) == [("Lilongwe", "2036-05-01")]
