"""The negotiations fold: participants, rounds, plans, status, issues and measures."""

import random
from datetime import UTC, date, datetime

import pytest

from schemas.events import Actor, EventDate, Quantity
from streams.core.fold.negotiations import (
    RECENT_LIMIT,
    evolve,
    initial,
    project,
    project_all,
)
from streams.core.fold.rounds import ROUND_REPORT_LIMIT
from tests.factories import make_event, mediator, on_day, party, place

FEB_5 = datetime(2026, 2, 5, 18, tzinfo=UTC)


def _story() -> list:
    return [
        make_event(
            "talks",
            snippet="s-a",
            start=0,
            actors=(party("Russia", "RU"), party("Ukraine", "UA"), mediator("United States", "US")),
            places=(place("Abu Dhabi", "AE"),),
            venue="Abu Dhabi",
        ),
        make_event(
            "talks",
            snippet="s-a",
            start=120,
            modality="planned",
            published=datetime(2026, 2, 6, tzinfo=UTC),
        ),
        make_event("prisoner_exchange", snippet="s-b", start=0),
        make_event(
            "statement", snippet="s-b", start=80, published=datetime(2026, 2, 4, tzinfo=UTC)
        ),
        make_event("strike", snippet="s-c", start=0, published=None),
    ]


def _prisoners(n: int) -> Quantity:
    return Quantity(value=n, unit="prisoners", text=f"{n} prisoners")


def test_fold_counts_types_and_collects_parties_and_mediators() -> None:
    state = project("RU-UA", _story())
    assert state.event_count == 5
    assert state.counts == {"prisoner_exchange": 1, "statement": 1, "strike": 1, "talks": 2}
    assert [p.name for p in state.parties] == ["Russia", "Ukraine"]
    assert [m.name for m in state.mediators] == ["United States"]
    assert state.mediators[0].evidence[0].sentence == "The delegations met."
    assert [r.venue for r in state.rounds] == ["Abu Dhabi"]
    assert len(state.planned) == 1
    assert state.last_published_at == datetime(2026, 2, 6, tzinfo=UTC)


def test_one_by_one_equals_all_at_once() -> None:
    events = _story()
    state = initial("RU-UA")
    for event in events:
        state = evolve(state, event)
    assert state == project("RU-UA", events)


@pytest.mark.parametrize("seed", range(20))
def test_arrival_order_does_not_change_the_state(seed: int) -> None:
    events = _story()
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)
    assert project("RU-UA", shuffled) == project("RU-UA", events)


def test_recent_keeps_only_the_newest_whatever_the_order() -> None:
    events = [
        make_event("strike", snippet=f"s-{i}", published=datetime(2026, 1, 1 + i, tzinfo=UTC))
        for i in range(25)
    ]
    state = project("RU-UA", reversed(events))
    assert len(state.recent) == RECENT_LIMIT
    assert state.recent[0].snippet_id == "s-24"
    assert state.recent[-1].snippet_id == f"s-{25 - RECENT_LIMIT}"
    assert state.event_count == 25


def test_an_event_of_another_process_is_refused() -> None:
    with pytest.raises(ValueError, match="belongs to"):
        evolve(initial("AM-AZ"), make_event(process="RU-UA"))


def test_project_all_splits_by_process() -> None:
    states = project_all([make_event(process="RU-UA"), make_event(process="AM-AZ", snippet="x")])
    assert sorted(states) == ["AM-AZ", "RU-UA"]
    assert all(s.event_count == 1 for s in states.values())


def test_people_are_not_parties_but_an_envoy_who_mediates_makes_their_state_a_mediator() -> None:
    envoy = Actor(name="A. Envoy", country="US", kind="person", role="mediator")
    leader = Actor(name="A. Leader", country="RU", kind="person", role="party")
    state = project("RU-UA", [make_event(actors=(envoy, leader, party("Russia", "RU")))])
    assert [p.name for p in state.parties] == ["Russia"]
    assert [m.name for m in state.mediators] == ["United States"]


def test_a_sentence_about_the_state_of_talks_is_not_a_round_but_sets_the_status() -> None:
    held = make_event("talks", start=300, subtype="held", published=FEB_5)
    status = make_event(
        "talks",
        subtype="status",
        text="The talks are deadlocked over territory.",
        published=datetime(2026, 2, 7, tzinfo=UTC),
    )
    state = project("RU-UA", [status, held])
    assert [r.evidence[0].event_id for r in state.rounds] == [held.id]
    assert state.status.status == "stalled"
    assert state.status.evidence is not None and state.status.evidence.event_id == status.id
    assert [s.status for s in state.status_signals] == ["stalled", "active"]


def test_reports_of_one_round_from_several_outlets_become_one_round_with_its_sources() -> None:
    day = on_day(date(2026, 2, 5))
    reports = [
        make_event(
            "talks",
            snippet=f"outlet-{n}",
            date=day,
            venue="Abu Dhabi",
            format="trilateral" if n else "mediated",
            text=f"Talks in Abu Dhabi ended ({n}).",
            published=FEB_5,
        )
        for n in range(3)
    ]
    elsewhere = make_event(
        "talks",
        snippet="outlet-9",
        date=day,
        venue="Geneva",
        text="Talks in Geneva.",
        published=FEB_5,
    )
    earlier = make_event(
        "talks",
        snippet="outlet-8",
        date=EventDate(
            start=date(2026, 1, 1), end=date(2026, 1, 31), precision="month", text="last month"
        ),
        venue="Abu Dhabi",
        text="An opening round in Abu Dhabi was held last month.",
        published=FEB_5,
    )
    state = project("RU-UA", [*reports, elsewhere, earlier])
    rounds = {(r.venue, r.date.start if r.date else None): r for r in state.rounds}
    assert sorted(rounds) == [
        ("Abu Dhabi", date(2026, 1, 1)),
        ("Abu Dhabi", date(2026, 2, 5)),
        ("Geneva", date(2026, 2, 5)),
    ]
    merged = rounds[("Abu Dhabi", date(2026, 2, 5))]
    assert merged.corroboration == 3 and merged.reports == 3
    assert merged.format == "trilateral"
    assert [e.snippet_id for e in merged.evidence] == ["outlet-0", "outlet-1", "outlet-2"]


def test_a_report_that_bridges_two_reports_merges_them_in_any_order() -> None:
    def talks(snippet: str, start: int, end: int) -> object:
        when = EventDate(
            start=date(2026, 3, start), end=date(2026, 3, end), precision="day", text="x"
        )
        published = datetime(2026, 3, 10, tzinfo=UTC)
        return make_event("talks", snippet=snippet, date=when, venue="Doha", published=published)

    events = [talks("a", 1, 2), talks("b", 6, 7), talks("c", 2, 6)]
    for seed in range(6):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        state = project("RU-UA", shuffled)
        assert len(state.rounds) == 1
        assert state.rounds[0].date is not None
        assert (state.rounds[0].date.start, state.rounds[0].date.end) == (
            date(2026, 3, 1),
            date(2026, 3, 7),
        )


def test_the_same_exchange_reported_three_times_is_one_measure_with_three_sources() -> None:
    reports = [
        make_event(
            "prisoner_exchange",
            snippet=f"outlet-{n}",
            quantities=(_prisoners(314),),
            text="Russia and Ukraine exchanged 314 prisoners.",
            published=FEB_5,
        )
        for n in range(3)
    ]
    other = make_event(
        "prisoner_exchange",
        snippet="outlet-9",
        quantities=(_prisoners(90),),
        text="They exchanged 90 prisoners.",
        # A week before: exchanges of the same days are one swap told several ways.
        published=datetime(2026, 1, 29, tzinfo=UTC),
    )
    state = project("RU-UA", [*reports, other])
    exchanges = sorted((m.count, m.corroboration, m.status) for m in state.measures)
    assert exchanges == [(90, 1, "done"), (314, 3, "done")]
    assert state.prisoners_exchanged == 404


def test_a_measure_reported_collapsed_later_is_collapsed_and_an_older_report_cannot_revive_it() -> (
    None
):
    agreed = make_event(
        "agreement",
        snippet="a",
        text="The sides signed a ceasefire.",
        published=datetime(2026, 3, 1, tzinfo=UTC),
    )
    collapsed = make_event(
        "agreement",
        snippet="b",
        text="The ceasefire collapsed.",
        published=datetime(2026, 3, 2, tzinfo=UTC),
    )
    for order in ([agreed, collapsed], [collapsed, agreed]):
        state = project("RU-UA", order)
        assert [(m.kind, m.status) for m in state.measures] == [("ceasefire", "collapsed")]
        assert state.status.status == "collapsed"


def test_the_next_meeting_is_the_latest_plan_not_yet_past_completed_from_the_same_report() -> None:
    weeks = EventDate(
        start=date(2026, 2, 5), end=date(2026, 3, 19), precision="vague", text="in coming weeks"
    )
    when = make_event(
        "talks",
        snippet="s",
        start=0,
        modality="planned",
        date=weeks,
        text="Talks will continue in the coming weeks.",
        published=FEB_5,
    )
    where = make_event(
        "talks",
        snippet="s",
        start=100,
        modality="planned",
        venue="United States",
        text="Further meetings are planned, likely in the United States.",
        published=FEB_5,
    )
    stale = make_event(
        "talks",
        snippet="old",
        modality="planned",
        date=on_day(date(2026, 1, 10)),
        venue="Istanbul",
        published=datetime(2026, 1, 2, tzinfo=UTC),
    )
    state = project("RU-UA", [stale, when, where])
    assert state.next_meeting is not None
    assert state.next_meeting.venue == "United States"
    # A vague time is no date: the words stay, no day is made up from them.
    assert state.next_meeting.date is None
    assert state.next_meeting.when == weeks.text
    assert {e.event_id for e in state.next_meeting.evidence} == {when.id, where.id}


def test_issues_collect_positions_and_sticking_points_one_per_sentence() -> None:
    said = make_event(
        "statement",
        subtype="reject",
        actors=(Actor(name="Ukraine", country="UA", role="speaker"),),
        text="Ukraine refused to cede territory.",
    )
    also_talks = make_event("talks", text="Ukraine refused to cede territory.")
    guarantees = make_event(
        "statement", start=200, text="Kyiv wants security guarantees from its allies."
    )
    state = project("RU-UA", [said, also_talks, guarantees])
    issues = {i.issue: i for i in state.issues}
    assert sorted(issues) == ["security guarantees", "territory"]
    territory = issues["territory"]
    # Two events read the one sentence: two mentions, one position.
    assert territory.sticking_point and territory.mentions == 2
    assert len(territory.positions) == 1 and territory.positions[0].stance == "reject"
    assert not issues["security guarantees"].sticking_point


def test_rounds_are_bounded_by_their_newest_reports_under_any_arrival_order() -> None:
    events = [
        make_event(
            "talks",
            snippet=f"s-{i:04d}",
            venue=f"Town {i:04d}",
            published=datetime(2026, 1, 1, tzinfo=UTC),
        )
        for i in range(ROUND_REPORT_LIMIT + 30)
    ]
    state = project("RU-UA", events)
    # One report per town: the newest (by event id, all else equal) are kept, one round each.
    assert len(state.round_report_items) == len(state.rounds) == ROUND_REPORT_LIMIT
    newest = sorted(events, key=lambda e: e.id)[30:]
    assert {r.venue for r in state.rounds} == {e.venue for e in newest}  # type: ignore[attr-defined]
    assert state.counts == {"talks": ROUND_REPORT_LIMIT + 30}
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert project("RU-UA", shuffled) == state


def test_a_recap_of_the_process_history_sets_no_status() -> None:
    held = make_event("talks", start=300, subtype="held", published=FEB_5)
    recap = make_event(
        "agreement",
        text="A first ceasefire was brokered in Lima in 2023 but collapsed within weeks.",
        published=datetime(2026, 2, 7, tzinfo=UTC),
    )
    for events in ([held, recap], [recap, held]):
        assert project("RU-UA", events).status.status == "active"
    # A collapse told now, in a sentence that names the year the talks began, still counts.
    now = make_event(
        "talks",
        text="The talks, which began in 2023, collapsed.",
        published=datetime(2026, 2, 7, tzinfo=UTC),
    )
    assert project("RU-UA", [held, now]).status.status == "collapsed"
