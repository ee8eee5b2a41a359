"""Invented sentences for issue 14's classes of branch state/rounds2: a dateline's town is where
talks held are when the report names only that town's country, or no place at all from a third
country; the date after a dateline with its country dates the event, not the dateline.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from streams.core.read.dates import resolve_date
from streams.core.read.extract import extract_events
from streams.core.read.venues import dateline_town
from tests.factories import rows_and_plans, state_from_snippets

WED = datetime(2035, 4, 18, 20, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("snippet", "town"),
    [
        ("LUSAKA, April 18 — The talks ended.", ("Lusaka", "ZM")),
        # a town beyond the gazetteer, followed by its country
        ("KEREWANE, Senegal, April 17 — The talks ended.", ("Kerewane", "SN")),
        ("MBANDI-LOUME, Gabon, Nov 20 (Wire) — The talks ended.", ("Mbandi-Loume", "GA")),
        ("DAKAR (West Africa Wire), March 6 — The talks ended.", ("Dakar", "SN")),
        # no dateline, or a town of no known country
        ("Explainer: where the talks stand.", None),
        ("PRESS RELEASE — The government informs the public.", None),
        ("KEREWANE, April 17 — The talks ended.", None),
    ],
)
def test_the_dateline_town_and_its_country(snippet: str, town: tuple[str, str] | None) -> None:
    assert dateline_town(snippet) == town


def test_a_date_after_a_dateline_with_its_country_dates_the_event() -> None:
    text = "KEREWANE, Senegal, April 17 — The sides ended three days of talks on Wednesday."
    found = resolve_date(text, WED)
    assert found is not None and found.text == "on Wednesday"


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # the country named, its town in the dateline
        (
            "KEREWANE, Senegal, April 18 — Benin's government and the Atakora Freedom Front "
            "(AFF) ended three days of talks in Senegal on Wednesday with a corridor deal.",
            ("Kerewane", "2035-04-18"),
        ),
        # no place named, the dateline in a third country
        (
            "DAKAR (Wire), April 18 — Three days of talks between Benin and the Atakora Freedom "
            "Front (AFF) ended on Wednesday with a pledge to free 25 detainees each.",
            ("Dakar", "2035-04-18"),
        ),
    ],
)
def test_talks_held_take_the_dateline_town(text: str, row: tuple[str, str]) -> None:
    rows, _ = rows_and_plans(text, WED)
    assert row in rows


def test_a_dateline_in_a_sides_own_country_is_no_venue() -> None:
    # sent from home: the talks may be anywhere
    text = (
        "COTONOU, April 18 — Three days of talks between Benin and the Atakora Freedom Front "
        "(AFF) ended on Wednesday with a pledge to free 25 detainees each."
    )
    rows, _ = rows_and_plans(text, WED)
    assert rows == [(None, "2035-04-18")]


def test_a_plan_in_a_country_names_no_town_of_the_dateline() -> None:
    text = (
        "KEREWANE, Senegal, April 18 — Benin's government and the Atakora Freedom Front (AFF) "
        "will hold a third round in Senegal next month, the mediator said."
    )
    _, plans = rows_and_plans(text, WED)
    state = state_from_snippets(
        "AFF--BJ",
        ("2035-04-18", text),
    )
    assert plans >= 1
    assert all(p.venue != "Kerewane" for p in state.planned)


def test_the_country_and_the_dateline_town_of_one_round_are_one_row() -> None:
    state = state_from_snippets(
        "AFF--BJ",
        (
            "2035-04-16",
            "Benin's government and the Atakora Freedom Front (AFF) opened talks in Senegal on "
            "Monday, the mediator said.",
        ),
        (
            "2035-04-18",
            "KEREWANE, Senegal, April 18 — Benin's government and the AFF ended three days of "
            "talks in Senegal on Wednesday with a corridor deal.",
        ),
    )
    assert [r.venue for r in state.rounds] == ["Kerewane"]


@pytest.mark.parametrize(
    "recap",
    [
        "Explainer: where the talks stand. Senegal hosted both rounds and leads the mediation.",
        "Norway leads the mediation; Togo hosted one round without mediating.",
        "Ghana, which hosted the previous session, will co-chair the next one.",
        "Liberia, which hosted the last two rounds, will also host the next.",
    ],
)
def test_a_host_named_for_rounds_undated_is_no_meeting(recap: str) -> None:
    state = state_from_snippets(
        "AFF--BJ",
        (
            "2035-03-07",
            "Benin's government and the Atakora Freedom Front (AFF) held talks in Dakar on "
            "Monday, with Senegal as mediator.",
        ),
        ("2035-05-02", "Benin's government and the AFF are at war. " + recap),
    )
    assert [(r.venue, r.date and r.date.start.isoformat()) for r in state.rounds] == [
        ("Dakar", "2035-03-05")
    ]


def test_a_host_of_a_dated_round_still_tells_it() -> None:
    rows, _ = rows_and_plans(
        "Benin's government and the Atakora Freedom Front (AFF) are at war; Senegal hosted the "
        "first round of their talks in Dakar on Monday.",
        WED,
    )
    assert rows == [("Dakar", "2035-04-16")]


def test_the_talks_dated_by_their_own_verb_after_another_date() -> None:
    text = (
        "Benin's government and the Atakora Freedom Front (AFF) are at war. The truce, which "
        "runs until the current period ends on May 30, was the main outcome of the talks, which "
        "opened on Monday in Dakar."
    )
    rows, _ = rows_and_plans(text, WED)
    assert rows == [("Dakar", "2035-04-16")]


def test_the_next_round_named_inherits_no_venue_of_the_meeting_held() -> None:
    state = state_from_snippets(
        "AFF--BJ",
        (
            "2035-04-18",
            "Benin's government and the Atakora Freedom Front (AFF) ended talks in Dakar on "
            "Wednesday. Both delegations took a draft truce home, to be signed at the next round.",
        ),
    )
    assert [r.venue for r in state.rounds] == ["Dakar"]
    assert state.next_meeting is not None and state.next_meeting.venue is None


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Benin's government and the Atakora Freedom Front (AFF) held talks in Dakar on "
            "Monday. On Tuesday the government also opened a national dialogue with opposition "
            "parties in Cotonou, a separate process with its own facilitators.",
            [("Dakar", "2035-04-16")],
        ),
        # a mediator's separate talks with each side are the process's own
        (
            "The Senegalese mediator held separate talks in Dakar on Monday with the delegations "
            "of Benin's government and the Atakora Freedom Front (AFF).",
            [("Dakar", "2035-04-16")],
        ),
    ],
)
def test_a_meeting_told_as_a_separate_process_is_no_round(
    text: str, rows: list[tuple[str, str]]
) -> None:
    assert rows_and_plans(text, WED)[0] == rows


def test_the_government_of_a_dateline_naming_its_country_is_that_state() -> None:
    # the dateline's country is no actor, but "the government" of a report sent from one of
    # its towns is its state
    text = (
        "ORU-TANA, Gabon — The government and the Upland Freedom Army (UFA) exchanged 18 "
        "detainees on Monday, a mediator said."
    )
    events = extract_events(Snippet(text=text, published_at=WED))
    assert {e.process for e in events} == {"GA--UFA"}
