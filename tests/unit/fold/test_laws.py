"""The laws every table's fold obeys, checked for each fold in the registry.

The log is the truth: a table is fold(evolve, events). So folding one event at a time equals
projecting them all, arrival order does not matter, and an event folded twice changes nothing.
"""

import random
from datetime import UTC, date, datetime

import pytest

from schemas.events import Event
from streams.core.fold.folds import FOLDS, Fold
from tests.factories import casualties, make_event, mediator, on_day, party, place, speaker

UA, RU = party("Ukraine", "UA"), party("Russia", "RU")


def _story() -> list[Event]:
    """Every event type, with the attributes the folds read, over several days and processes."""
    return [*_talks_and_claims(), *_strikes_and_statements(), *_measures()]


def _talks_and_claims() -> list[Event]:
    day = datetime(2026, 2, 3, tzinfo=UTC)
    return [
        make_event(
            "talks",
            snippet="s-a",
            actors=(UA, RU, mediator("United States", "US")),
            places=(place("Abu Dhabi", "AE"),),
            date=on_day(date(2026, 2, 3)),
        ),
        make_event(
            "talks",
            snippet="s-a",
            start=100,
            modality="planned",
            published=datetime(2026, 2, 6, tzinfo=UTC),
        ),
        *(
            make_event(
                "casualty_report",
                snippet=f"s-{n}",
                start=50,
                published=day,
                quantities=(casualties(10, claimant="Ukraine"),),
                actors=(RU,),
            )
            for n in "bcd"
        ),
        make_event(
            "casualty_report", snippet="s-e", quantities=(casualties(2, claimant="Russia"),)
        ),
    ]


def _strikes_and_statements() -> list[Event]:
    return [
        *(
            make_event(
                "strike",
                snippet=f"s-{n}",
                subtype=weapon,
                places=(place(town, "UA"),),
                date=on_day(date(2026, 2, d)),
            )
            for n, weapon, town, d in [
                ("f", "air_drone", "Kharkiv", 1),
                ("g", "missile_artillery", "Odesa", 1),
                ("h", "air_drone", "Kharkiv", 2),
            ]
        ),
        *(
            make_event(
                "statement",
                snippet=f"s-{n}",
                subtype=act,
                actors=(speaker(who, code),),
                published=datetime(2026, 2, d, tzinfo=UTC),
            )
            for n, act, who, code, d in [
                ("i", "reject", "Russia", "RU", 4),
                ("j", "appeal", "Ukraine", "UA", 5),
                ("k", "public_statement", "Russia", "RU", 6),
            ]
        ),
    ]


def _measures() -> list[Event]:
    return [
        make_event("prisoner_exchange", snippet="s-l"),
        make_event("agreement", snippet="s-m", start=10),
        make_event("strike", snippet="s-n", process="AM--AZ", date=on_day(date(2026, 2, 2))),
    ]


@pytest.fixture(params=FOLDS, ids=[fold.name for fold in FOLDS])
def fold(request: pytest.FixtureRequest) -> Fold:
    return request.param  # type: ignore[no-any-return]


def test_one_event_at_a_time_equals_projecting_them_all(fold: Fold) -> None:
    events = _story()
    states: dict[str, object] = {}
    for event in events:
        states[event.process] = fold.evolve(
            states.get(event.process) or fold.initial(event.process), event
        )
    assert states == fold.project_all(events)


@pytest.mark.parametrize("seed", range(20))
def test_arrival_order_does_not_change_any_table(fold: Fold, seed: int) -> None:
    events = _story()
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)
    expected = fold.project_all(events)
    got = fold.project_all(shuffled)
    assert got == expected
    # Equal models could still serialise differently (dict order): the changelog sees bytes.
    assert {k: v.model_dump_json() for k, v in got.items()} == {
        k: v.model_dump_json() for k, v in expected.items()
    }


@pytest.mark.parametrize("seed", range(5))
def test_an_event_delivered_twice_changes_nothing(fold: Fold, seed: int) -> None:
    # A redelivery or a replayed snippet repeats event ids; the fold sees each event once.
    events = _story()
    once = fold.project_all(events)
    repeated = events + random.Random(seed).sample(events, k=len(events) // 2)
    random.Random(seed).shuffle(repeated)
    assert fold.project_all(repeated) == once


def test_the_story_gives_every_fold_something_to_hold(fold: Fold) -> None:
    # Guards the laws above against passing on empty states.
    state = fold.project_all(_story())["RU-UA"]
    assert state != fold.initial("RU-UA")
