import random
from datetime import UTC, datetime

import pytest

from schemas.events import Actor
from streams.core.negotiations import evolve, initial, project, project_all
from tests.factories import make_event, mediator, party, place


def _story() -> list:
    return [
        make_event(
            "talks",
            snippet="s-a",
            start=0,
            actors=(party("Russia", "RU"), party("Ukraine", "UA"), mediator("United States", "US")),
            places=(place("Abu Dhabi", "AE"),),
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


def test_fold_counts_types_and_collects_parties_and_mediators() -> None:
    state = project("RU-UA", _story())
    assert state.event_count == 5
    assert state.counts == {"talks": 2, "prisoner_exchange": 1, "statement": 1, "strike": 1}
    assert state.parties == ("Russia", "Ukraine")
    assert state.mediators == ("United States",)
    assert [r.venue for r in state.rounds] == ["Abu Dhabi"]
    assert len(state.planned) == 1
    assert state.last_published_at == datetime(2026, 2, 6, tzinfo=UTC)


def test_folding_the_same_event_twice_changes_nothing() -> None:
    events = _story()
    once = project("RU-UA", events)
    twice = project("RU-UA", events + events)
    assert twice == once
    assert evolve(once, events[0]) is once


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


def test_recent_keeps_only_the_newest_twenty_whatever_the_order() -> None:
    events = [
        make_event("strike", snippet=f"s-{i}", published=datetime(2026, 1, 1 + i, tzinfo=UTC))
        for i in range(25)
    ]
    state = project("RU-UA", reversed(events))
    assert len(state.recent) == 20
    assert state.recent[0].snippet_id == "s-24"
    assert state.recent[-1].snippet_id == "s-5"
    assert state.event_count == 25


def test_an_event_of_another_process_is_refused() -> None:
    with pytest.raises(ValueError, match="belongs to"):
        evolve(initial("AM-AZ"), make_event(process="RU-UA"))


def test_project_all_splits_by_process() -> None:
    states = project_all([make_event(process="RU-UA"), make_event(process="AM-AZ", snippet="x")])
    assert sorted(states) == ["AM-AZ", "RU-UA"]
    assert all(s.event_count == 1 for s in states.values())


def test_people_are_not_recorded_as_parties_or_mediators() -> None:
    envoy = Actor(name="A. Envoy", country="US", kind="person", role="mediator")
    leader = Actor(name="A. Leader", country="RU", kind="person", role="party")
    state = project("RU-UA", [make_event(actors=(envoy, leader, party("Russia", "RU")))])
    assert state.parties == ("Russia",)
    assert state.mediators == ()


def test_a_sentence_about_the_state_of_talks_is_not_a_round() -> None:
    status = make_event("talks", subtype="status", text="The talks are deadlocked.")
    held = make_event("talks", start=300, subtype="held")
    state = project("RU-UA", [status, held])
    assert [r.event_id for r in state.rounds] == [held.id]
    assert state.counts == {"talks": 2}


def test_rounds_are_capped_at_the_newest_under_any_arrival_order() -> None:
    from streams.core.negotiations import ROUND_LIMIT

    events = [
        make_event("talks", snippet=f"s-{i:04d}", published=datetime(2026, 1, 1, tzinfo=UTC))
        for i in range(ROUND_LIMIT + 30)
    ]
    state = project("RU-UA", events)
    assert len(state.rounds) == ROUND_LIMIT
    assert state.counts == {"talks": ROUND_LIMIT + 30}
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    assert project("RU-UA", shuffled) == state
