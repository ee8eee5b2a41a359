import random
from datetime import UTC, date, datetime

import pytest

from schemas.events import Actor, Quote
from streams.core.negotiations import evolve, initial, project
from tests.factories import casualties, make_event, mediator, on_day, party, place


def _day(d: int, month: int = 2) -> datetime:
    return datetime(2026, month, d, 12, tzinfo=UTC)


def _story() -> list:
    abu = (place("Abu Dhabi", "AE"),)
    negotiator = Actor(
        name="A. Negotiator", country="UA", kind="person", role="speaker", title="top negotiator"
    )
    return [
        make_event(
            "talks",
            snippet="a",
            start=0,
            places=abu,
            date=on_day(date(2026, 2, 4)),
            format="trilateral",
            text="Teams met in Abu Dhabi on Wednesday.",
            actors=(
                party("Russia", "RU"),
                party("Ukraine", "UA"),
                mediator("United States", "US"),
                negotiator,
            ),
            published=_day(4),
        ),
        make_event(
            "talks",
            snippet="b",
            start=0,
            places=abu,
            date=on_day(date(2026, 2, 5)),
            text="A second day of talks ended in Abu Dhabi.",
            published=_day(5),
        ),
        make_event(
            "talks", snippet="b", start=100, text="The talks were productive.", published=_day(5)
        ),
        make_event(
            "talks",
            snippet="b",
            start=200,
            places=abu,
            date=on_day(date(2026, 1, 15), "month"),
            text="The first talks in Abu Dhabi took place last month.",
            published=_day(5),
        ),
        make_event(
            "prisoner_exchange",
            snippet="b",
            start=300,
            published=_day(5),
            quantities=(casualties(314, "prisoners"),),
            text="The sides exchanged 314 prisoners.",
        ),
        make_event(
            "prisoner_exchange",
            snippet="c",
            start=0,
            published=_day(6),
            quantities=(casualties(314, "prisoners"),),
            text="Envoys announced an exchange of 314 prisoners.",
        ),
        make_event(
            "agreement",
            snippet="c",
            start=100,
            published=_day(6),
            text="They agreed to reopen a military hotline.",
        ),
        make_event(
            "talks",
            snippet="c",
            start=200,
            subtype="status",
            published=_day(6),
            places=(place("Donbas"),),
            text="The negotiations are deadlocked over the Donbas region.",
        ),
        make_event(
            "statement",
            snippet="c",
            start=200,
            subtype="public_statement",
            published=_day(6),
            quote=Quote(text="...", speaker="Russia"),
            text="The negotiations are deadlocked over the Donbas region.",
        ),
        make_event(
            "statement",
            snippet="c",
            start=300,
            subtype="pledge",
            published=_day(6),
            actors=(party("Ukraine", "UA"),),
            text="Ukraine wants security guarantees from its allies.",
        ),
        make_event(
            "talks",
            snippet="c",
            start=400,
            modality="planned",
            published=_day(6),
            places=(place("United States", "US"),),
            date=on_day(date(2026, 3, 1), "vague"),
            text="Further meetings are planned in the coming weeks in the United States.",
        ),
    ]


def test_reports_of_one_round_become_one_round_with_evidence() -> None:
    state = project("RU-UA", _story())
    assert [(r.venue, r.date.start if r.date else None) for r in state.rounds] == [
        ("Abu Dhabi", date(2026, 1, 15)),
        ("Abu Dhabi", date(2026, 2, 4)),
    ]
    february = state.rounds[1]
    assert february.date is not None and february.date.end == date(2026, 2, 5)
    assert february.corroboration == 2
    assert len(february.evidence) == 3
    assert february.format == "trilateral"
    assert [h.title for h in february.delegation_heads] == ["top negotiator"]
    assert [o.sentence for o in february.outcomes] == ["The sides exchanged 314 prisoners."]
    assert state.rounds[0].outcomes == ()


def test_status_next_meeting_issues_and_measures() -> None:
    state = project("RU-UA", _story())
    assert state.status.status == "stalled"
    assert state.status.evidence is not None
    assert "deadlocked" in state.status.evidence.sentence
    assert state.next_meeting is not None
    assert state.next_meeting.venue == "United States"
    assert state.next_meeting.date is not None and state.next_meeting.date.precision == "vague"
    issues = {i.issue: i for i in state.issues}
    assert issues["territory"].sticking_point
    assert issues["territory"].positions[0].actors == ("Russia",)
    assert issues["territory"].positions[0].places == ("Donbas",)
    assert issues["security guarantees"].positions[0].stance == "pledge"
    assert not issues["security guarantees"].sticking_point
    kinds = {m.kind: m for m in state.measures}
    assert kinds["prisoner exchange"].status == "done"
    assert kinds["prisoner exchange"].count == 314
    assert kinds["prisoner exchange"].corroboration == 2
    assert kinds["hotline"].status == "agreed"
    assert state.prisoners_exchanged == 314
    assert state.mediators == ("United States",)


def test_distinct_exchanges_add_up() -> None:
    events = [
        make_event(
            "prisoner_exchange",
            snippet="x",
            published=_day(1),
            quantities=(casualties(100, "prisoners"),),
            text="They swapped 100 prisoners.",
        ),
        make_event(
            "prisoner_exchange",
            snippet="y",
            published=_day(1, 4),
            quantities=(casualties(50, "prisoners"),),
            text="They swapped 50 prisoners.",
        ),
    ]
    assert project("RU-UA", events).prisoners_exchanged == 150


@pytest.mark.parametrize("seed", range(20))
def test_arrival_order_does_not_change_the_views(seed: int) -> None:
    events = _story()
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)
    assert project("RU-UA", shuffled) == project("RU-UA", events)


def test_folding_twice_returns_the_same_object() -> None:
    state = project("RU-UA", _story())
    assert evolve(state, _story()[4]) is state


def _agreement() -> object:
    return make_event(
        "agreement",
        snippet="s-sign",
        published=_day(10),
        text="The parties signed a ceasefire agreement.",
    )


def test_an_agreement_reached_sets_the_status() -> None:
    state = project("RU-UA", [*_story(), _agreement()])
    assert state.status.status == "agreement reached"
    assert "signed" in state.status.rule or state.status.evidence is not None


def test_a_later_collapse_overrides_the_agreement() -> None:
    collapse = make_event(
        "talks",
        snippet="s-end",
        subtype="status",
        published=_day(12),
        text="The talks collapsed after the ceasefire was violated.",
    )
    state = project("RU-UA", [*_story(), _agreement(), collapse])
    assert state.status.status == "collapsed"


def test_an_older_report_arriving_late_does_not_overwrite_newer_facts() -> None:
    older_collapse = make_event(
        "talks",
        snippet="s-old",
        subtype="status",
        published=_day(1),
        text="The talks were suspended.",
    )
    older_plan = make_event(
        "talks",
        snippet="s-old",
        start=100,
        modality="planned",
        published=_day(1),
        places=(place("Geneva", "CH"),),
        text="A meeting in Geneva is planned.",
    )
    state = initial("RU-UA")
    for event in [*_story(), _agreement(), older_collapse, older_plan]:
        state = evolve(state, event)
    assert state.status.status == "agreement reached"
    assert state.next_meeting is not None and state.next_meeting.venue == "United States"


def test_a_held_round_dated_after_its_report_is_a_planned_one() -> None:
    future = make_event(
        "talks",
        published=_day(5),
        places=(place("Geneva", "CH"),),
        date=on_day(date(2026, 2, 20), "vague").model_copy(update={"start": date(2026, 2, 5)}),
        text="Talks will continue in the coming weeks in Geneva.",
    )
    state = project("RU-UA", [future])
    assert state.rounds == ()
    assert state.next_meeting is not None and state.next_meeting.venue == "Geneva"
    assert state.status.status == "unknown"
