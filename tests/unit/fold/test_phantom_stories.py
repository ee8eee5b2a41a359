"""The invented phantom stories (`tests/data/phantom_stories.json`, issue 14, branch
state/phantoms): the development stories fold to their real rounds and next meeting, with
previews, headlines, captions, calls, other bodies' and other pairs' meetings, history,
interviews and postponements mixed in; every story folds the same in any order and with
duplicates. The held stories are scored by `bench/phantom_stories.py` only.

Every story is invented (places, people, dates and numbers); none is news text.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.factories import fold_stories, round_windows

DATA = Path(__file__).resolve().parents[2] / "data" / "phantom_stories.json"
STORIES: dict[str, dict[str, Any]] = {
    s["story"]: s for s in json.loads(DATA.read_text("utf-8"))["stories"]
}


def _records(name: str) -> list[dict[str, str]]:
    return STORIES[name]["snippets"]  # type: ignore[no-any-return]


def test_states_with_a_regional_mediator_two_rounds_and_the_next_session() -> None:
    states = fold_stories(_records("glacier-line"))
    state = states["AR--CL"]
    # no row for the headline and preview, the caption, the call, the senate, La Paz, the
    # Santiago talks of 2030, the interview's recall or the round put off to March 15
    assert round_windows(state) == [
        ("Montevideo", "2034-02-09", "2034-02-10"),  # opened, a second day, "in Uruguay"
        ("Brasilia", "2034-03-15", "2034-03-16"),  # began, "five weeks after" Montevideo
    ]
    assert state.rounds[0].snippets == ("g-02", "g-03", "g-04")
    # "met for a second day ... and agreed to hold their next session in Montevideo on April 20"
    assert state.next_meeting is not None
    assert state.next_meeting.venue == "Montevideo"
    assert state.next_meeting.date is not None
    assert state.next_meeting.date.start.isoformat() == "2034-04-20"
    # the Brasilia plan (announced by Brazil for the two sides, so theirs since state/keys) moved
    # to March 15, then held: the plan of March 8 and its postponement, which put it off
    brasilia = [p for p in state.planned if p.venue == "Brasilia"]
    assert [(p.date.start.isoformat() if p.date else None, p.postponed) for p in brasilia] == [
        ("2034-03-08", False),
        ("2034-03-15", True),
    ]


def test_a_government_and_a_rebel_front_one_cycle_and_its_put_off_successor() -> None:
    # The front, named in full, is a side (APF); reports naming Ecuador alone join it
    states = fold_stories(_records("andean-front"), joined=True)
    assert round_windows(states["APF--EC"]) == [("Mexico City", "2034-05-08", "2034-05-12")]
    # history (Oslo 2029, Havana 2032, "two years ago") and Peru's own rebels are no rows of it
    assert all(r.venue != "Havana" for st in states.values() for r in st.rounds)
    # the Oslo cycle "planned to start ... on June 5, was postponed": put off with no new date,
    # so no process shows June 5 as its next meeting
    oslo = [p for st in states.values() for p in st.planned if p.venue == "Oslo"]
    assert [(p.cancelled, p.postponed) for p in oslo] == [(True, True)]
    shown = [st.next_meeting for st in states.values() if st.next_meeting is not None]
    assert all(n.date is None for n in shown)


@pytest.mark.parametrize("name", sorted(STORIES))
@pytest.mark.parametrize("seed", [1, 2])
def test_the_stories_fold_the_same_in_any_order_and_with_duplicates(name: str, seed: int) -> None:
    records = _records(name)
    expected = {k: (round_windows(s), s.next_meeting) for k, s in fold_stories(records).items()}
    shuffled = fold_stories(records + records[:3], seed=seed)
    assert {k: (round_windows(s), s.next_meeting) for k, s in shuffled.items()} == expected
