"""The next meeting when a later report tells the plan without naming it (issue 14): "both
delegations are expected to arrive the day before" elaborates the standing plan (Sucre, June 9)
and does not replace it; a later plan that names a venue or a date does.

Every story is invented (places, people, dates and numbers); none is news text.
"""

from tests.factories import fold_stories


def _s(sid: str, day: str, text: str) -> dict[str, str]:
    return {"id": sid, "published_at": f"{day}T12:00:00Z", "text": text}


PLANNED = _s(
    "n-01",
    "2033-05-20",
    "Chile and Peru ended three days of talks in Lima on Friday. The next round will be held in "
    "Sucre on June 9, the mediators said.",
)


def _next(*later: dict[str, str]) -> tuple[str | None, str | None]:
    for seed in (None, 1, 2):
        states = fold_stories([PLANNED, *later], seed=seed, joined=True)
        meeting = states["CL--PE"].next_meeting
        assert meeting is not None
        found = (meeting.venue, meeting.date.start.isoformat() if meeting.date else None)
        if seed is None:
            first = found
        assert found == first  # any order
    return first


def test_a_plan_that_names_nothing_leaves_the_standing_plan() -> None:
    later = _s(
        "n-02",
        "2033-06-01",
        "Chile and Peru confirmed the talks. Both delegations are expected to arrive the day "
        "before, officials said.",
    )
    assert _next() == ("Sucre", "2033-06-09")
    assert _next(later) == ("Sucre", "2033-06-09")


def test_a_later_plan_with_a_venue_replaces_it() -> None:
    later = _s(
        "n-03",
        "2033-06-01",
        "Chile and Peru said the next round would be held in Quito instead, on June 12.",
    )
    assert _next(later) == ("Quito", "2033-06-12")
