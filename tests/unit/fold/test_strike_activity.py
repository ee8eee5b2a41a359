from datetime import date, datetime, timedelta, timezone

import pytest

from schemas.events import Event
from streams.core.fold.strike_activity import evolve, initial, project, project_all
from tests.factories import make_event, on_day, place

FEB_3, FEB_5 = date(2026, 2, 3), date(2026, 2, 5)


def _strike(snippet: str, subtype: str | None = None, *where: str, **fields: object) -> Event:
    return make_event(
        "strike",
        snippet=snippet,
        subtype=subtype,
        places=tuple(place(name) for name in where),
        text="Drones struck the city overnight.",
        **fields,
    )


def _story() -> list[Event]:
    return [
        _strike("s-a", "air_drone", "Kharkiv", "Kyiv", date=on_day(FEB_3)),
        _strike("s-b", "air_drone", "Kharkiv", date=on_day(FEB_3)),
        _strike("s-c", "missile_artillery", "Odesa", date=on_day(FEB_3)),
        _strike("s-d", "intercepted"),  # no date: the publication day, 5 Feb
        _strike("s-e", "a new kind", date=on_day(FEB_3, "week")),  # a week is not a day
        _strike("s-f", None, "Sumy", modality="historical", date=on_day(FEB_3)),
        _strike("s-g", "air_drone", "Kyiv", modality="planned"),
        _strike("s-h", "air_drone", "Kyiv", modality="negated"),
        _strike("s-i", "air_drone", "Kyiv", published=None),  # no day at all
        make_event("statement", snippet="s-j"),
    ]


def test_strikes_are_counted_per_day_place_and_weapon() -> None:
    state = project("RU-UA", _story())
    assert [(d.day, d.count) for d in state.days] == [(FEB_3, 4), (FEB_5, 2)]
    feb3, feb5 = state.days
    assert feb3.by_place == {"Kharkiv": 2, "Odesa": 1, "Sumy": 1}
    assert feb3.by_weapon == {"air_drone": 2, "missile_artillery": 1, "unspecified": 1}
    assert feb5.by_place == {"unknown": 2}
    assert feb5.by_weapon == {"intercepted": 1, "unspecified": 1}
    assert state.total == 6
    assert state.by_place == {"Kharkiv": 2, "Odesa": 1, "Sumy": 1, "unknown": 2}
    assert state.by_weapon == {
        "air_drone": 2,
        "intercepted": 1,
        "missile_artillery": 1,
        "unspecified": 2,
    }


def test_strikes_that_did_not_happen_or_have_no_day_and_other_types_are_ignored() -> None:
    state = project("RU-UA", _story())
    ignored = [e for e in _story() if e.snippet_id in {"s-g", "s-h", "s-i", "s-j"}]
    assert ignored and all(evolve(state, e) is state for e in ignored)
    counted = [e for e in _story() if e not in ignored]
    assert state.total == len(counted)


def test_a_redelivered_event_with_another_date_counts_once() -> None:
    first = _strike("s-a", "air_drone", "Kyiv", date=on_day(FEB_3))
    again = _strike("s-a", "air_drone", "Kyiv", date=on_day(FEB_5))
    assert first.id == again.id
    assert project("RU-UA", [first, again]).total == 1


def test_the_day_is_taken_in_utc() -> None:
    # 01:00 on 6 Feb in Moscow is still 5 Feb in UTC.
    late = datetime(2026, 2, 6, 1, 0, tzinfo=timezone(timedelta(hours=3)))
    state = project("RU-UA", [_strike("s-a", published=late)])
    assert [d.day for d in state.days] == [FEB_5]


def test_project_all_splits_by_process() -> None:
    states = project_all([_strike("s-a"), _strike("s-b", process="AM-AZ")])
    assert {k: s.total for k, s in states.items()} == {"RU-UA": 1, "AM-AZ": 1}


def test_an_event_of_another_process_is_refused() -> None:
    with pytest.raises(ValueError, match="belongs to"):
        evolve(initial("AM-AZ"), _strike("s-a"))


# The fold laws (replay, arrival order, duplicates) are checked in test_fold_laws.py.
