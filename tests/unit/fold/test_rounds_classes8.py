"""Invented sentences for the round classes of the sixteenth session, found on development tracks
that had been held out until then: a step done "as agreed in X" cites an accord made at an earlier
meeting there, so it is neither a signing held at X on the step's day nor a venue; a body of the
process that "held its first session" met (one side's parliament sitting on the crisis did not);
a meeting told in a "since" clause ("since the first round ended in May") is dated by it, where
"since May" alone tells when meetings began.

Every sentence is invented (people, towns, dates and numbers); none is news text. The states are
the lexicon's, as the process keys need them.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.fold.meeting_cues import other_track, own_date
from streams.core.fold.process_status import status_of
from streams.core.read.extract import extract_events
from tests.factories import placed, state_from_snippets

# The rows after one round of the process held before the sentence under test (the helper of
# the seventh round classes, shared).
from tests.unit.fold.test_rounds_classes7 import _rows

_JUNE_20 = datetime(2036, 6, 20, 18, tzinfo=UTC)

# --- a step done as agreed at an earlier meeting ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Malawi and Tanzania reopened the Karonga border post on Monday under the truce, as "
        "agreed in Dodoma.",
        "Malawi and Tanzania reopened the Karonga border post on Monday under the truce, as had "
        "been agreed in Dodoma, the mediator said.",
    ],
)
def test_a_step_done_as_agreed_somewhere_holds_no_meeting_there(sentence: str) -> None:
    assert _rows(("2036-06-22", sentence)) == [("Lilongwe", "2036-05-01")]


def test_an_accord_signed_at_a_place_on_the_day_is_still_a_meeting_there() -> None:
    # near miss: the signing itself, told with its place and day
    rows = _rows(
        (
            "2036-06-22",
            "Malawi and Tanzania signed a border accord in Dodoma on Monday, ending the dispute.",
        )
    )
    assert "Dodoma" in [venue for venue, _ in rows]


# --- a body of the process holding a session ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Malawi-Tanzania joint border commission held its first session in Karonga on "
        "Tuesday, three months after the ceasefire.",
        "The ceasefire commission of Malawi and Tanzania held its second session in Karonga on "
        "Tuesday.",
    ],
)
def test_a_session_held_by_the_sides_is_a_meeting(sentence: str) -> None:
    assert [venue for venue, _ in _rows(("2036-06-18", sentence))] == ["Lilongwe", "Karonga"]


def test_a_parliament_session_on_the_crisis_is_no_meeting() -> None:
    # near miss: one side's own body sitting on the conflict
    sentence = (
        "Malawi's parliament held a special session in Lilongwe on Tuesday on the lake crisis."
    )
    assert _rows(("2036-06-18", sentence)) == [("Lilongwe", "2036-05-01")]


# --- a meeting told in a "since" clause --------------------------------------------------------


def test_a_round_told_in_a_since_clause_keeps_its_date_and_joins_its_row() -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-15",
            "Malawi and Tanzania ended three days of talks in Karonga on Wednesday without a deal.",
        ),
        (
            "2036-06-20",
            "The second round of talks between Malawi and Tanzania, which was to open in Karonga "
            "on Tuesday, has been postponed, the mediator said. The postponement is the second "
            "setback for the mediation since the first round ended in May with no agreement.",
        ),
    )
    assert [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds] == [
        ("Karonga", "2036-05-14")
    ]


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("Malawi and Tanzania have held no talks since they last met in Karonga in May.", "in May"),
        # near miss: "since" and its date tell when the meetings began, not one meeting
        ("Malawi and Tanzania have been meeting in Karonga since May, officials said.", None),
    ],
)
def test_a_since_clause_dates_the_meeting_only_when_its_verb_is_a_meeting(
    sentence: str, told: str | None
) -> None:
    events = extract_events(Snippet(id="x-1", text=sentence, published_at=_JUNE_20))
    talks = next(e for e in events if e.type == "talks")
    when = own_date(talks)
    assert (when.text if when else None) == told


# --- an accord named by where and when it was agreed -------------------------------------------


def test_an_accord_agreed_at_a_place_on_a_day_reports_that_meeting() -> None:
    sentence = (
        "The ceasefire agreed in Dodoma on Friday between Malawi and Tanzania held through its "
        "first full day on Sunday, officials said."
    )
    assert ("Dodoma", "2036-06-13") in _rows(("2036-06-15", sentence))


def test_an_accord_named_by_its_place_alone_reports_no_meeting() -> None:
    # near miss: the accord named, the day is of what happened to it
    sentence = (
        "The ceasefire agreed in Dodoma between Malawi and Tanzania was extended on Sunday, "
        "officials said."
    )
    assert _rows(("2036-06-15", sentence)) == [("Lilongwe", "2036-05-01")]


# --- one side's talks with an outsider's counterpart at the outsider's home -----------------------


def test_one_side_meeting_its_counterpart_at_an_outsiders_home_holds_no_round() -> None:
    snippet = (
        "Malawi and Tanzania will meet again next month, the mediator said. Separately, Malawi's "
        "foreign minister held talks in Lusaka on Sunday with his Zambian counterpart on trade "
        "and a planned rail link."
    )
    assert _rows(("2036-06-16", snippet)) == [("Lilongwe", "2036-05-01")]


def test_the_sides_meeting_at_an_outsiders_home_with_its_envoys_still_meet() -> None:
    # near miss: both sides named as meeting there
    sentence = (
        "Malawi and Tanzania held talks in Lusaka on Sunday with Zambian envoys in the chair."
    )
    assert "Lusaka" in [venue for venue, _ in _rows(("2036-06-16", sentence))]


# --- a meeting the sentence says has nothing to do with the talks ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Separately, the Norwegian envoy is meeting Zambian and Kenyan officials in Karonga on a "
        "fisheries quarrel that has nothing to do with these talks.",
        "Malawi and Tanzania met in Karonga on Monday on a fisheries quarrel, which officials "
        "stressed had nothing to do with the border talks.",
    ],
)
def test_a_meeting_that_has_nothing_to_do_with_the_talks_is_another_track(sentence: str) -> None:
    events = extract_events(Snippet(id="x-1", text=sentence, published_at=_JUNE_20))
    talks = [e for e in events if e.type == "talks"]
    assert talks and all(other_track(e) for e in talks)


def test_a_meeting_about_the_talks_is_no_other_track() -> None:
    # near miss: the sides' own meeting, about the talks
    sentence = "Malawi and Tanzania met in Karonga on Monday on matters tied to the border talks."
    events = extract_events(Snippet(id="x-1", text=sentence, published_at=_JUNE_20))
    assert not any(other_track(e) for e in events if e.type == "talks")


def test_an_envoy_opening_the_session_reports_a_meeting() -> None:
    snippet = (
        "LIVE: Malawi and Tanzania delegations meet in Karonga\n\n09:05 - The Zambian envoy "
        "opened the session with a minute's silence for the dead of the lake war."
    )
    assert "Karonga" in [venue for venue, _ in _rows(("2036-06-17", snippet))]


# --- a separate accord says nothing of the talks' status -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "In Karonga, the government signed a separate ceasefire with a smaller militia on Monday, "
        "which officials stressed had nothing to do with the Lusaka talks.",
        "The government also signed a truce with a militia on Monday, a separate process from "
        "the Lusaka talks.",
    ],
)
def test_a_separate_accord_sets_no_status(sentence: str) -> None:
    events = placed(extract_events(Snippet(id="x-1", text=sentence, published_at=_JUNE_20)))
    assert [e.type for e in events if e.type == "agreement"]
    assert all(status_of(e) is None for e in events)


def test_an_accord_of_the_talks_sets_the_status() -> None:
    # near miss: the accord of the talks themselves
    sentence = "The government and the militia signed a ceasefire in Lusaka on Monday."
    events = placed(extract_events(Snippet(id="x-1", text=sentence, published_at=_JUNE_20)))
    assert "agreement reached" in [status_of(e) for e in events]
