"""Invented sentences for issue 14's classes of branch state/rounds5: places a talks sentence
names that are not its venue, a comparison ("Unlike in Lusaka, ...") and the meeting that
produced what the sentence speaks of ("the commission created at the Kigali talks met in Gulu").

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from tests.factories import state_from_snippets

FRI = datetime(2035, 4, 20, 18, tzinfo=UTC)  # a Friday


def _talks_venues(text: str) -> list[str | None]:
    events = extract_events(Snippet(id="x-1", text=text, published_at=FRI))
    return [getattr(e, "venue", None) for e in events if e.type == "talks"]


@pytest.mark.parametrize(
    "comparison",
    [
        "Unlike in Lusaka, the two delegations sat at one table from the first session.",
        "Unlike at Lusaka, the elders of both sides were invited into the room.",
        "Like the Lusaka talks before it, the round opened with a minute of silence.",
        "Compared with the Lusaka round, the delegations spent twice as long at the table.",
    ],
)
def test_a_place_a_comparison_introduces_is_not_the_venue(comparison: str) -> None:
    # The sentence set against the earlier round keeps the venue of the round the snippet tells.
    venues = _talks_venues(
        "Malawi and Tanzania opened a second round of talks in Harare on Thursday. " + comparison
    )
    assert venues[0] == "Harare"
    assert "Lusaka" not in venues


def test_the_same_place_after_in_is_still_the_venue() -> None:
    # Without a comparison the place is where the sentence's meeting is.
    venues = _talks_venues(
        "Malawi and Tanzania opened a second round of talks in Harare on Thursday. "
        "In Lusaka, the two delegations met again on Friday to sign the minutes."
    )
    assert venues == ["Harare", "Lusaka"]


@pytest.mark.parametrize("participle", ["created at", "set up during", "agreed at", "formed at"])
def test_a_meeting_named_as_the_origin_of_a_body_is_not_its_venue(participle: str) -> None:
    venues = _talks_venues(
        f"The joint border commission {participle} the Kigali talks met for the first time on "
        "Wednesday in Gulu, officials of both countries said."
    )
    assert venues == ["Gulu"]


def test_a_commission_meeting_elsewhere_is_its_own_row() -> None:
    # The round held in Kigali and the commission it created, meeting weeks later in Gulu: two
    # rows, neither of them a second Kigali row.
    state = state_from_snippets(
        "MW--ZM",
        (
            "2035-03-30",
            "Malawi and Zambia ended two days of talks in Kigali on Thursday with an "
            "agreement to create a joint border commission, Rwandan mediators said.",
        ),
        (
            "2035-04-20",
            "Malawi and Zambia's joint border commission, created at the Kigali talks, met "
            "for the first time on Wednesday in Gulu, officials of both countries said.",
        ),
    )
    assert sorted(r.venue or "" for r in state.rounds) == ["Gulu", "Kigali"]


@pytest.mark.parametrize("verb", ["is set for", "has been scheduled for", "is slated for"])
def test_a_round_set_for_a_city_names_its_venue(verb: str) -> None:
    venues = _talks_venues(
        f"Malawi and Zambia ended a round of talks in Kigali on Thursday. A third round {verb} "
        "Harare on May 12, the mediators said."
    )
    assert venues[-1] == "Harare"


def test_a_round_first_planned_for_a_city_is_not_there() -> None:
    # The place of a plan that did not hold stays out (OLD_PLACE is read first).
    venues = _talks_venues(
        "The third round, originally planned for Harare, opened in Lusaka on Thursday, the "
        "mediators said."
    )
    assert venues == ["Lusaka"]


@pytest.mark.parametrize("city", ["Guatemala City", "Panama City", "Belize City"])
def test_a_capital_named_country_city_is_the_city(city: str) -> None:
    venues = _talks_venues(
        f"The government and the rebels held a round of talks in {city} on Monday."
    )
    assert venues == [city]


@pytest.mark.parametrize(
    "held",
    [
        "at the end of a two-day round of talks held for the first time in the Zambian capital",
        "at the close of the talks they had held in the Zambian capital since Wednesday",
    ],
)
def test_a_round_told_by_its_end_or_a_participle_far_from_its_place_is_held(held: str) -> None:
    state = state_from_snippets(
        "MW--ZM",
        (
            "2035-04-20",
            f"LUSAKA, April 20 — Malawi and Zambia agreed on Friday to free 30 prisoners each, "
            f"{held}, the mediators said.",
        ),
    )
    assert [r.venue for r in state.rounds] == ["Lusaka"]


@pytest.mark.parametrize(
    "met",
    [
        "Negotiators of Malawi and Zambia met by video link on Thursday",
        "The technical committee of Malawi and Zambia held its first meeting online on Thursday",
    ],
)
def test_negotiators_meeting_by_video_hold_a_round_of_no_place(met: str) -> None:
    # The snippet's place (its dateline) is not where a meeting by video link was held.
    state = state_from_snippets(
        "MW--ZM",
        ("2035-04-20", f"LUSAKA, April 20 — {met} to map the minefields, the mediators said."),
    )
    assert [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds] == [
        (None, "2035-04-19")
    ]


def test_leaders_meeting_by_video_make_no_round() -> None:
    state = state_from_snippets(
        "MW--ZM",
        (
            "2035-04-20",
            "The presidents of Malawi and Zambia met by video link on Thursday to discuss the "
            "border, their offices said.",
        ),
    )
    assert state.rounds == ()
