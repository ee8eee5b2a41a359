"""Invented sentences for issue 14's classes of branch state/rounds6 (a long process as a feed
tells it): a meeting by video conference told as what a swap followed; a place named in a clause
of when the talks began ("since the talks began in Lusaka") is no venue of the round the sentence
tells; a plan in reported speech ("said the sides would meet again in Harare in May") is a plan;
a plan revised in its own sentence ("set the round for Harare on May 2, but ... would now be held
in June") is dated by the revision, and the meeting named between "set" and "for" is placed.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.extract import extract_events
from tests.factories import state_from_snippets

FRI = datetime(2036, 5, 9, 18, tzinfo=UTC)  # a Friday


def _talks(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    events = extract_events(Snippet(id="x-1", text=text, published_at=FRI))
    return [
        (
            getattr(e, "venue", None),
            e.date.start.isoformat() if e.date else None,
            e.date.precision if e.date else None,
            e.modality,
        )
        for e in events
        if e.type == "talks"
    ]


@pytest.mark.parametrize(
    "meeting",
    [
        "The handover followed a video conference on Tuesday in which the two delegations agreed "
        "the lists.",
        "The release came after a videoconference on Tuesday in which negotiators of both "
        "governments settled the last names.",
        "The delegations held a video conference on Tuesday to settle the last names.",
    ],
)
def test_a_video_conference_of_the_delegations_is_a_round_of_no_place(meeting: str) -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-09",
            "Twenty Tanzanian fishermen were freed by Malawi at the Kasumulu post on Thursday, "
            "the Red Cross said. " + meeting,
        ),
    )
    rows = [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds]
    assert rows == [(None, "2036-05-06")]


def test_leaders_on_a_video_call_stay_a_call() -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-09",
            "The presidents of Malawi and Tanzania spoke by video call on Tuesday about the "
            "fishermen held on the lake.",
        ),
    )
    assert state.rounds == ()


@pytest.mark.parametrize(
    "clause",
    [
        "since the talks began in Lusaka in March",
        "since the negotiations opened in Lusaka in March",
        "since the process started at Lusaka in March",
    ],
)
def test_where_the_talks_began_is_no_venue_of_the_round_told(clause: str) -> None:
    venues = [v for v, *_ in _talks(f"It was the first round held on Malawian soil {clause}.")]
    assert "Lusaka" not in venues


def test_a_round_in_the_place_after_since_still_has_it_as_venue() -> None:
    # "since" of time before the place: the meeting of the clause is this sentence's own.
    venues = [v for v, *_ in _talks("The delegations have met in Lusaka every month since May.")]
    assert venues == ["Lusaka"]


def test_a_round_after_a_since_clause_keeps_no_carried_place() -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-03-06",
            "Malawi and Tanzania opened talks on the lake border in Lusaka on Thursday, with "
            "Zambia mediating.",
        ),
        (
            "2036-05-09",
            "Malawian and Tanzanian negotiators agreed on Thursday to reopen the ferry, closing "
            "three days of talks in a hotel outside the city. It was the first round held on "
            "Malawian soil since the talks began in Lusaka in March. A Tanzanian officer said a "
            "boatman was hurt near Itungi on Wednesday, the second day of the round.",
        ),
    )
    may = [r for r in state.rounds if r.date is not None and r.date.start.month == 5]
    assert [r.venue for r in may] == [None]


@pytest.mark.parametrize(
    "speech",
    [
        "The Zambian envoy said the delegations would meet again in Harare in June.",
        "The delegations would meet again in Harare in June, the Zambian envoy said.",
        'The envoy said the sides would hold their next round in Harare "in June", without '
        "giving a date.",
    ],
)
def test_a_plan_in_reported_speech_is_a_plan(speech: str) -> None:
    assert ("Harare", "2036-06-01", "month", "planned") in _talks(speech)


@pytest.mark.parametrize(
    "doubt",
    [
        "The envoy said the sides would like to meet in Harare in June.",
        "The envoy said a meeting in Harare in June would be possible.",
    ],
)
def test_would_before_other_verbs_stays_hypothetical(doubt: str) -> None:
    assert all(modality != "planned" for *_, modality in _talks(doubt))


def test_a_plan_revised_in_its_sentence_takes_the_revised_date() -> None:
    talks = _talks(
        "The joint communique set the third round for Harare on May 20, but the Zambian envoy "
        'said on Friday that it would now be held "some time in June", without naming a day.'
    )
    assert talks[0][:3] == ("Harare", "2036-06-01", "month")


def test_a_revision_that_names_no_day_leaves_the_plan_undated() -> None:
    talks = _talks(
        "The joint communique fixed the next round for Harare on May 20, but the envoy said it "
        'would now take place "after the harvest".'
    )
    assert talks[0][:2] == ("Harare", None)


def test_a_plan_without_a_revision_keeps_its_date() -> None:
    talks = _talks("The joint communique set the third round for Harare on May 20.")
    assert talks[0][:3] == ("Harare", "2036-05-20", "day")


def test_the_revised_plan_is_the_next_meeting() -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-09",
            "Malawi and Tanzania closed a second round of talks in Lusaka on Thursday, with "
            "Zambia mediating. The closing communique set the third round for Harare on May 20, "
            "but the Zambian envoy said on Friday that it would now be held some time in June.",
        ),
    )
    nxt = state.next_meeting
    assert nxt is not None and nxt.venue == "Harare"
    assert nxt.date is not None and nxt.date.start.isoformat() == "2036-06-01"


@pytest.mark.parametrize(
    "headline",
    [
        'Talks in Lusaka restore truce; next round "in June"',
        "Malawi-Tanzania talks end in Lusaka with fishing deal, but date of next round slips",
    ],
)
def test_a_headline_place_of_the_talks_held_is_not_the_next_rounds(headline: str) -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-09",
            headline + "\n\nLUSAKA, May 9 \u2014 Malawi and Tanzania closed a round of talks in "
            "Lusaka on Thursday, with Zambia mediating. The Zambian envoy said the delegations "
            'would meet again in Harare "in June".',
        ),
    )
    nxt = state.next_meeting
    assert nxt is not None and nxt.venue == "Harare"


def test_a_headline_place_after_the_next_round_is_the_plans() -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-09",
            "Lusaka talks end with fishing deal, next round set for Harare\n\nLUSAKA, May 9 "
            "\u2014 Malawi and Tanzania closed a round of talks in Lusaka on Thursday, with "
            "Zambia mediating.",
        ),
    )
    nxt = state.next_meeting
    assert nxt is not None and nxt.venue == "Harare"


@pytest.mark.parametrize(
    "text",
    [
        "The technical committee on grazing agreed in Lusaka met for the first time by video "
        "link on Tuesday, a Zambian official said.",
        "The joint commission set up in Lusaka met by video link on Tuesday.",
    ],
)
def test_where_a_body_was_set_up_is_no_venue_of_its_meeting(text: str) -> None:
    assert [v for v, *_ in _talks(text)] == [None]


def test_a_body_meeting_at_a_place_keeps_it() -> None:
    assert [v for v, *_ in _talks("The joint commission met in Lusaka on Tuesday.")] == ["Lusaka"]


@pytest.mark.parametrize(
    "text",
    [
        "Malawi and Tanzania closed their talks in Lusaka on Thursday after three days.",
        "Malawian and Tanzanian negotiators agreed on Thursday to reopen the ferry, closing three "
        "days of talks in Lusaka.",
        "Malawi and Tanzania signed a ferry accord on Thursday at the end of three days of talks "
        "in Lusaka.",
    ],
)
def test_days_of_talks_told_up_to_a_day_are_the_rounds_days(text: str) -> None:
    state = state_from_snippets("MW--TZ", ("2036-05-09", text))
    spans = [(r.date.start.isoformat(), r.date.end.isoformat()) for r in state.rounds if r.date]
    assert spans == [("2036-05-06", "2036-05-08")]


def test_days_told_by_an_unplaced_report_stay_its_day() -> None:
    # No place: reaching back, its days could join a meeting held elsewhere before it.
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-09",
            "Malawian and Tanzanian delegations signed a ferry accord on Thursday after three days "
            "of talks in a hotel outside the city.",
        ),
    )
    spans = [(r.date.start.isoformat(), r.date.end.isoformat()) for r in state.rounds if r.date]
    assert spans == [("2036-05-08", "2036-05-08")]


def test_days_of_fighting_are_no_days_of_talks() -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-05-09",
            "After three days of fighting, Malawi and Tanzania held talks in Lusaka on Thursday.",
        ),
    )
    spans = [(r.date.start.isoformat(), r.date.end.isoformat()) for r in state.rounds if r.date]
    assert spans == [("2036-05-08", "2036-05-08")]


@pytest.mark.parametrize("accord", ["cessation of hostilities", "memorandum"])
def test_an_accord_named_by_its_signing_weeks_later_is_no_new_meeting(accord: str) -> None:
    state = state_from_snippets(
        "MW--TZ",
        (
            "2036-03-06",
            f"Malawi and Tanzania signed a {accord} in Lusaka on Thursday at the end of a round "
            "of talks mediated by Zambia.",
        ),
        (
            "2036-04-02",
            f"Three weeks after the {accord} signed in Lusaka took effect, Malawi and Tanzania "
            "each say the other has broken it.",
        ),
    )
    assert [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds] == [
        ("Lusaka", "2036-03-06")
    ]
