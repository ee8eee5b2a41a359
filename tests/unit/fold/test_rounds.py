"""One row per real meeting: the rules of streams/core/fold/rounds.py, on invented sentences."""

from datetime import UTC, date, datetime

import pytest

from schemas.events import EventDate
from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.fold.negotiations import project
from streams.core.read.extract import extract_events
from tests.factories import make_event, on_day, place

FRI = datetime(2031, 3, 7, 18, tzinfo=UTC)  # a Friday
DAY = on_day(date(2031, 3, 7))
P = "XA--XB"


def _talks(text: str, n: int = 0, **fields: object) -> object:
    fields.setdefault("published", FRI)
    fields.setdefault("process", P)
    return make_event("talks", snippet=f"s-{n}", start=n * 100, text=text, **fields)


def _in_lisbon(
    text: str, n: int, day: int, reported: int | None = None, **fields: object
) -> object:
    """Talks in Lisbon on a day of March 2031, reported that day unless `reported` says."""
    published = datetime(2031, 3, reported or day, tzinfo=UTC)
    on = on_day(date(2031, 3, day))
    return _talks(text, n, venue="Lisbon", date=on, published=published, **fields)


def test_a_headline_a_call_a_recap_and_a_mere_mention_of_talks_are_not_meetings() -> None:
    events = [
        _talks("Peace talks in Lisbon", 1, venue="Lisbon", subtype="held"),
        _talks("The two leaders spoke by phone on Friday.", 2, date=DAY),
        _talks("The sides have conducted four rounds of negotiations since autumn.", 3),
        _talks("The talks are meant to settle questions of aid access.", 4),
    ]
    assert project(P, events).rounds == ()


def test_reports_of_a_city_and_of_its_country_on_the_same_day_are_one_meeting_named_by_city() -> (
    None
):
    events = [
        _talks("Envoys held talks in Portugal on Friday.", 1, venue="Portugal", date=DAY),
        _talks("The envoys met in Lisbon on Friday.", 2, venue="Lisbon", date=DAY),
        _talks("The meeting lasted five hours.", 3),
    ]
    state = project(P, events)
    assert [(r.venue, r.reports) for r in state.rounds] == [("Lisbon", 3)]
    assert len(state.round_reports) == 3


def test_meetings_at_two_cities_on_the_same_day_stay_two() -> None:
    events = [
        _talks("The envoys met in Lisbon on Friday.", 1, venue="Lisbon", date=DAY),
        _talks("Other delegates met in Madrid on Friday.", 2, venue="Madrid", date=DAY),
    ]
    assert sorted(r.venue or "" for r in project(P, events).rounds) == ["Lisbon", "Madrid"]


def test_a_party_country_named_in_a_talks_sentence_is_not_taken_as_the_venue() -> None:
    talks = _talks(
        "Envoys held talks on the crisis in Portugal.",
        1,
        venue="Portugal",
        date=DAY,
        process="PT--XB",
    )
    assert [r.venue for r in project("PT--XB", [talks]).rounds] == [None]


def test_a_date_that_since_introduces_is_not_the_date_of_the_meeting() -> None:
    since = EventDate(
        start=date(2031, 1, 1), end=date(2031, 1, 31), precision="month", text="in January"
    )
    talks = _talks(
        "The sides resumed negotiations in Lisbon, the first since the war began in January.",
        1,
        venue="Lisbon",
        date=since,
    )
    (row,) = project(P, [talks]).rounds
    assert row.date is None and row.window_end == date(2031, 3, 7)


def test_an_accord_signed_at_a_named_place_is_a_meeting_there() -> None:
    signed = make_event(
        "agreement",
        snippet="s-9",
        text="The two ministers signed the accord in Lisbon on Friday.",
        places=(place("Lisbon", "PT"),),
        date=DAY,
        published=FRI,
        process=P,
    )
    assert [r.venue for r in project(P, [signed]).rounds] == ["Lisbon"]


def test_a_plan_reported_on_a_day_takes_not_that_day_and_a_vague_time_gives_no_date() -> None:
    plan = _talks(
        "The minister said on Friday that further meetings were planned soon, in Lisbon.",
        1,
        modality="planned",
        venue="Lisbon",
        date=on_day(date(2031, 3, 7)),
    )
    meeting = project(P, [plan]).next_meeting
    assert meeting is not None and meeting.venue == "Lisbon" and meeting.date is None


def test_a_plan_called_off_is_not_the_next_meeting() -> None:
    when = on_day(date(2031, 3, 9))
    plan = _talks(
        "The next round is slated for Sunday in Lisbon.",
        1,
        venue="Lisbon",
        date=when,
        modality="planned",
    )
    off = _talks(
        "The talks scheduled in Lisbon on Sunday will not take place.",
        2,
        venue="Lisbon",
        date=when,
        modality="negated",
        subtype="cancelled",
    )
    state = project(P, [plan, off])
    assert state.next_meeting is None
    assert [p.cancelled for p in state.planned] == [True]


def test_a_plan_held_since_is_not_the_next_meeting() -> None:
    plan = _talks(
        "The next round is expected to take place in Lisbon.",
        1,
        modality="planned",
        venue="Lisbon",
        published=datetime(2031, 3, 3, tzinfo=UTC),
    )
    held = _talks("The envoys met in Lisbon on Friday.", 2, venue="Lisbon", date=DAY, published=FRI)
    assert project(P, [plan]).next_meeting is not None
    assert project(P, [plan, held]).next_meeting is None


def test_reports_of_the_same_numbered_round_weeks_apart_are_one_meeting() -> None:
    start = _talks(
        "The fourth round of talks began in Lisbon on Friday.", 1, venue="Lisbon", date=DAY
    )
    end = _in_lisbon("Delegations ended the fourth round in Lisbon on Friday.", 2, day=28)
    (row,) = project(P, [start, end]).rounds
    assert row.ordinals == (4,) and row.reports == 2


def test_a_meeting_dated_long_before_its_report_is_history_not_a_round() -> None:
    old = EventDate(
        start=date(2026, 9, 1), end=date(2026, 9, 30), precision="month", text="September 2026"
    )
    talks = _talks("The sides first met in Lisbon in September 2026.", 1, venue="Lisbon", date=old)
    signed = make_event(
        "agreement",
        snippet="s-2",
        process=P,
        text="The accord signed in Lisbon in September 2026 still holds.",
        places=(place("Lisbon", "PT"),),
        date=old,
        published=FRI,
    )
    state = project(P, [talks, signed])
    assert state.rounds == ()
    # Kept apart and marked, not lost.
    assert [r.venue for r in state.past_meetings] == ["Lisbon"]


def test_only_a_status_cue_sets_the_status_and_it_cites_that_sentence() -> None:
    channel = _talks(
        "The two armies agreed to restore a channel for military dialogue.", 1, subtype="held"
    )
    assert project(P, [channel]).status.status == "unknown"
    held = _talks("Envoys met in Lisbon on Friday.", 2, venue="Lisbon", date=DAY)
    status = project(P, [channel, held]).status
    assert status.status == "active"
    assert status.evidence is not None and status.evidence.sentence == held.sentence.text


def test_talks_suspended_collapse_the_process_even_when_read_as_negated() -> None:
    held = _talks("Envoys met in Lisbon on Friday.", 1, venue="Lisbon", date=DAY)
    suspended = _talks(
        "Atlantis said it was suspending the talks.", 2, subtype="cancelled", modality="negated"
    )
    assert project(P, [held, suspended]).status.status == "collapsed"
    not_collapsed = _talks(
        "The talks have not collapsed, the envoy said.", 3, subtype="cancelled", modality="negated"
    )
    assert project(P, [held, not_collapsed]).status.status == "active"


def test_a_postponement_moves_the_plan_to_its_new_date() -> None:
    plan = _in_lisbon(
        "The next round is slated for March 12 in Lisbon.",
        1,
        day=12,
        reported=1,
        modality="planned",
    )
    moved = _in_lisbon(
        "The talks in Lisbon were postponed to March 20.",
        2,
        day=20,
        reported=10,
        modality="planned",
    )
    for events in ([plan, moved], [moved, plan]):
        meeting = project(P, events).next_meeting
        assert meeting is not None and meeting.date is not None
        assert meeting.date.start == date(2031, 3, 20)


def test_a_round_begun_and_later_ended_at_one_place_is_one_meeting() -> None:
    opened = _talks("Talks opened in Lisbon on Friday.", 1, venue="Lisbon", date=DAY)
    middle = _in_lisbon("The delegations met in Lisbon again on Monday.", 2, day=17)
    closed = _in_lisbon(
        "The talks in Lisbon concluded with a joint statement on Friday.", 3, day=28
    )
    for events in ([opened, middle, closed], [closed, middle, opened]):
        (row,) = project(P, events).rounds
        assert row.reports == 3
    # Not reported ended, a round runs on for three weeks: a report at its place a month
    # later is another meeting.
    later = _talks(
        "The delegations met in Lisbon on Thursday.",
        4,
        venue="Lisbon",
        date=on_day(date(2031, 4, 10)),
        published=datetime(2031, 4, 10, tzinfo=UTC),
    )
    assert len(project(P, [opened, middle, later]).rounds) == 2


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("The envoys met in Lisbon on Friday.", True),
        ("Delegations ended a third round of negotiations in Oslo.", True),
        ("Talks in Geneva wrapped up late on Sunday.", True),
        ("The parties are meeting in Pretoria this week.", True),
        ("Talks are being held behind closed doors.", True),
        ("They negotiated in Havana for a month.", True),
        ("Their demands for talks were not met.", False),
        ("The offer of talks was met with criticism.", False),
        ("The talks aim to address humanitarian issues.", False),
        ("The two presidents spoke by phone about the talks.", False),
        ("It was the first swap since the talks began in March.", False),
        ("Fighting has eased since the start of the negotiations.", False),
        ("The talks began in Lisbon on Monday.", True),
    ],
)
def test_held_meeting_cues(text: str, held: bool) -> None:
    from streams.core.fold.meeting_cues import meeting_cue

    assert meeting_cue(_talks(text, 1)) is held  # type: ignore[arg-type]


def test_an_old_accord_named_by_its_year_is_no_meeting_now() -> None:
    old = make_event(
        "agreement",
        snippet="s-3",
        process=P,
        text="The 2019 accord signed in Lisbon still frames the talks.",
        places=(place("Lisbon", "PT"),),
        published=FRI,
    )
    assert project(P, [old]).rounds == ()


def test_a_sentence_about_previous_rounds_is_no_meeting() -> None:
    assert (
        project(P, [_talks("Portugal hosted previous rounds of talks in Lisbon.", 1)]).rounds == ()
    )


def test_an_earlier_round_told_in_a_clause_of_a_later_one_is_its_own_meeting() -> None:
    text = (
        "Delegations of Russia and Ukraine ended two days of talks in Lisbon on Friday. "
        "It was the second bilateral round hosted by Portugal; the first took place in the "
        "Portuguese capital last month and produced no result."
    )
    snippet = Snippet(text=text, published_at=datetime(2031, 5, 9, 18, tzinfo=UTC))
    (state,) = project_tables(extract_events(snippet))["negotiations"].values()
    assert [(r.venue, r.date.start.month if r.date else None) for r in state.rounds] == [
        ("Lisbon", 4),
        ("Lisbon", 5),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The bloc adopted a second round of sanctions on Monday.",
        "The second round of elections is due in June.",
    ],
)
def test_a_round_of_something_else_is_not_talks(text: str) -> None:
    assert "talks" not in {e.type for e in extract_events(Snippet(text=text))}


def test_talks_between_others_are_no_round_of_this_process() -> None:
    text = (
        "Portugal and Spain held talks in Lisbon on Tuesday. Meanwhile, Brazil and Argentina "
        "held talks in Montevideo on Monday on a trade dispute."
    )
    events = extract_events(Snippet(text=text, published_at=datetime(2031, 3, 5, tzinfo=UTC)))
    states = project_tables(events)["negotiations"]
    state = states["ES--PT"]
    assert [r.venue for r in state.rounds] == ["Lisbon"]
    assert state.hosts == ()
    # the other pair's talks, told as other news, are keyed to their own process
    assert [r.venue for r in states["AR--BR"].rounds] == ["Montevideo"]
