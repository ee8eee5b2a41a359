"""One entry per real-world exchange: releases of one operation over near days, invented stories."""

import random
from datetime import UTC, datetime

from schemas.events import Event
from schemas.snippet import Snippet
from schemas.state import NegotiationState
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events

Story = tuple[tuple[str, str], ...]


def _events(*snippets: tuple[str, str]) -> list[Event]:
    events = []
    for n, (day, text) in enumerate(snippets):
        published = datetime.fromisoformat(day).replace(hour=18, tzinfo=UTC)
        events += extract_events(Snippet(id=f"x-{n}", text=text, published_at=published))
    return events


def _fold(process: str, events: list[Event]) -> NegotiationState:
    state = project_tables(events)["negotiations"][process]
    assert isinstance(state, NegotiationState)
    return state


def _state(process: str, *snippets: tuple[str, str]) -> NegotiationState:
    return _fold(process, _events(*snippets))


def _exchanges(state: NegotiationState) -> list[tuple[str, str, int | None, list[int | None]]]:
    return [
        (str(m.window_start), m.status, m.count, [p.count for p in m.parts])
        for m in state.measures
        if m.kind == "prisoner exchange"
    ]


# Flights over three days, told day by day, then whole.
THREE_DAYS: Story = (
    ("2031-06-05", "Chile and Peru exchanged 150 prisoners on Thursday, the Red Cross said."),
    (
        "2031-06-06",
        "On the second day of the exchange, Chile and Peru swapped 120 prisoners on Friday.",
    ),
    (
        "2031-06-07",
        "Chile and Peru completed the exchange on Saturday, when the last 245 prisoners were "
        "freed. In all, 515 prisoners were released over three days, the Red Cross said.",
    ),
)


def test_an_operation_told_day_by_day_then_in_all_is_one_exchange() -> None:
    state = _state("CL--PE", *THREE_DAYS)
    assert _exchanges(state) == [("2031-06-05", "done", 515, [150, 120, 245])]
    assert state.prisoners_exchanged == 515
    (operation,) = state.measures
    # Each day keeps its own citation.
    assert [p.evidence[0].snippet_id for p in operation.parts] == ["x-0", "x-1", "x-2"]


def test_days_tied_only_by_the_total_told_whole_are_one_exchange() -> None:
    state = _state(
        "CL--PE",
        ("2031-06-05", "Chile and Peru exchanged 150 prisoners on Thursday, the Red Cross said."),
        ("2031-06-06", "Chile and Peru exchanged 120 prisoners on Friday, the Red Cross said."),
        (
            "2031-06-08",
            "In all, 300 prisoners were released by Chile and Peru over three days, the Red "
            "Cross said.",
        ),
    )
    # The whole tells more than its days: the exchange counts the whole, once.
    assert _exchanges(state) == [("2031-06-05", "done", 300, [150, 120])]
    assert state.prisoners_exchanged == 300


def test_one_day_and_the_whole_is_one_exchange_of_the_whole() -> None:
    state = _state(
        "CL--PE",
        ("2031-06-05", "Chile and Peru exchanged 150 prisoners on Thursday, the Red Cross said."),
        (
            "2031-06-08",
            "In all, 515 prisoners were released by Chile and Peru over three days, the Red "
            "Cross said.",
        ),
    )
    assert _exchanges(state) == [("2031-06-05", "done", 515, [150])]
    assert state.prisoners_exchanged == 515


def test_two_exchanges_a_month_apart_stay_two() -> None:
    state = _state(
        "CL--PE",
        ("2031-03-06", "Chile and Peru swapped 40 prisoners on Thursday, the Red Cross said."),
        (
            "2031-04-10",
            "Chile and Peru exchanged 60 prisoners on Thursday in a new swap, the Red Cross said.",
        ),
    )
    assert _exchanges(state) == [("2031-03-06", "done", 40, []), ("2031-04-10", "done", 60, [])]
    assert state.prisoners_exchanged == 100


def test_an_agreed_swap_done_over_two_days_is_one_exchange_done() -> None:
    state = _state(
        "CL--PE",
        ("2031-05-05", "Chile and Peru agreed on Monday to exchange 200 prisoners."),
        ("2031-05-12", "Chile and Peru exchanged 120 prisoners on Monday, the Red Cross said."),
        (
            "2031-05-13",
            "The remaining 80 prisoners were exchanged by Chile and Peru on Tuesday.",
        ),
    )
    assert _exchanges(state) == [("2031-05-12", "done", 200, [120, 80])]
    (operation,) = state.measures
    assert operation.stages.get("agreed") and operation.stages.get("done") == 2
    assert state.prisoners_exchanged == 200


def test_a_release_by_one_side_over_two_days_is_that_sides() -> None:
    state = _state(
        "CL--PE",
        ("2031-07-07", "Peru released 30 Chilean soldiers on Monday, the Red Cross said."),
        (
            "2031-07-08",
            "Peru released the remaining 20 Chilean soldiers on Tuesday, the Red Cross said.",
        ),
    )
    assert _exchanges(state) == [("2031-07-07", "done", 50, [30, 20])]
    (operation,) = state.measures
    assert operation.count_by_side == {"Peru": 50}
    assert state.prisoners_exchanged_by_side == {"Peru": 50}


def test_a_release_whose_side_is_not_the_subject_has_no_side() -> None:
    state = _state(
        "CL--PE",
        (
            "2031-07-07",
            "The Red Cross said 30 Chilean soldiers were released on Monday after Peru's "
            "foreign minister visited the border.",
        ),
    )
    assert state.prisoners_exchanged == 30
    assert state.prisoners_exchanged_by_side == {}
    # The side that held them, named after them, freed them (branch state/exchanges, 12-06).
    held = _state(
        "CL--PE",
        (
            "2031-07-07",
            "The Red Cross said 30 Chilean soldiers held by Peru were released on Monday.",
        ),
    )
    assert held.prisoners_exchanged_by_side == {"Peru": 30}


def test_bodies_returned_beside_an_exchange_are_kept_apart() -> None:
    state = _state(
        "CL--PE",
        ("2031-08-04", "Chile and Peru exchanged 50 prisoners on Monday, the Red Cross said."),
        (
            "2031-08-05",
            "On the second day of the exchange, Chile handed over the bodies of 40 Peruvian "
            "soldiers on Tuesday.",
        ),
    )
    assert _exchanges(state) == [("2031-08-04", "done", 50, [])]
    assert [(m.kind, m.count) for m in state.measures if m.kind == "bodies returned"] == [
        ("bodies returned", 40)
    ]
    assert state.prisoners_exchanged == 50


def test_near_misses_stay_separate_exchanges() -> None:
    monday = ("2031-09-01", "Chile and Peru exchanged 50 prisoners on Monday, the Red Cross said.")
    # Nothing ties them: two swaps two days apart.
    untied = _state(
        "CL--PE",
        monday,
        ("2031-09-03", "Chile and Peru exchanged 30 prisoners on Wednesday, the Red Cross said."),
    )
    # Told as another swap.
    another = _state(
        "CL--PE",
        monday,
        (
            "2031-09-02",
            "In another swap, Chile and Peru exchanged 30 prisoners on Tuesday, the Red Cross "
            "said.",
        ),
    )
    # Told as going on with it, but a week later.
    later = _state(
        "CL--PE",
        monday,
        (
            "2031-09-08",
            "In the second phase of the exchange, Chile and Peru exchanged 30 prisoners on "
            "Monday, the Red Cross said.",
        ),
    )
    for state in (untied, another, later):
        assert [count for _, _, count, parts in _exchanges(state) if not parts] == [50, 30]
        assert state.prisoners_exchanged == 80


def test_an_operation_is_the_same_in_any_order_and_with_duplicates() -> None:
    events = _events(
        ("2031-05-05", "Chile and Peru agreed on Monday to exchange 515 prisoners."),
        *THREE_DAYS,
    )
    expected = _fold("CL--PE", events).model_dump_json()
    rng = random.Random(14)
    for _ in range(3):
        shuffled = events + events[:2]
        rng.shuffle(shuffled)
        assert _fold("CL--PE", shuffled).model_dump_json() == expected
