"""Invented sentences for issue 14's classes of branch state/rounds: one side of the process
meeting an outside state in that state is a track of its own (no row, no host); a side that
hosts talks with its counterpart is a side, not the host; talks "in the capital" under a
capital's dateline are held in that city.

Every sentence is invented (people, towns, dates and numbers); none is news text.
"""

from datetime import UTC, datetime

import pytest

from schemas.snippet import Snippet
from schemas.state import NegotiationState
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events
from streams.core.read.venues import dateline_capital
from tests.factories import rows_and_plans

WED = datetime(2035, 4, 18, 20, tzinfo=UTC)  # a Wednesday


def _states(text: str) -> list[NegotiationState]:
    tables = project_tables(extract_events(Snippet(text=text, published_at=WED)))
    return [st for st in tables["negotiations"].values() if isinstance(st, NegotiationState)]


# The snippet's process is set by its first sentence; the second tells another pair's meeting.
@pytest.mark.parametrize(
    ("text", "outside"),
    [
        (
            "Zambia's government and the Kafue Liberation Army (KLA) held talks in Gaborone on "
            "Monday. Separately, Zambian and Malawian officials met in Lilongwe on Tuesday for a "
            "session of their joint trade commission.",
            "MW",
        ),
        (
            "Chad's government and the Wadi Unity Front (WUF) held talks in Lome on Monday. "
            "Chadian and Cameroonian officials met in Yaounde on Tuesday for their border "
            "commission.",
            "CM",
        ),
        (
            "Uganda's government and the Kibale Freedom Army (KFA) held talks in Nairobi on "
            "Monday. Ugandan and South Sudanese officials also met in Juba on Tuesday for their "
            "joint border commission.",
            "SS",
        ),
    ],
)
def test_one_side_meeting_an_outside_state_there_is_no_round_nor_host(
    text: str, outside: str
) -> None:
    rows, _ = rows_and_plans(text, WED)
    assert len(rows) == 1  # the process's own round only
    assert outside not in {h.country for st in _states(text) for h in st.hosts}


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # the meeting is in neither state: not a meeting at the outsider's
        (
            "Chad's government and the Wadi Unity Front (WUF) held talks in Lome on Monday. "
            "Chadian and Cameroonian officials met in Accra on Tuesday.",
            ("Accra", "2035-04-17"),
        ),
    ],
)
def test_a_meeting_outside_the_outsiders_state_stays_a_round(
    text: str, row: tuple[str, str]
) -> None:
    rows, _ = rows_and_plans(text, WED)
    assert row in rows


@pytest.mark.parametrize(
    "text",
    [
        "Gambia hosted a second round of river talks with Senegal in Banjul on Monday, Ghana's "
        "envoy said.",
        "Liberia hosted the border talks with Sierra Leone in Monrovia on Monday.",
    ],
)
def test_a_side_hosting_talks_with_its_counterpart_is_a_side(text: str) -> None:
    states = _states(text)
    assert [len(st.parties) for st in states if st.rounds] == [2]
    assert not [m for st in states for m in (*st.mediators, *st.hosts) if m.role == "host"]


def test_a_third_state_hosting_talks_with_both_sides_stays_the_host() -> None:
    text = "Ghana will host talks with both sides in Accra next month, its foreign ministry said."
    roles = {
        a.name: a.role
        for e in extract_events(Snippet(text=text, published_at=WED))
        for a in e.actors
    }
    assert roles.get("Ghana") == "host"


@pytest.mark.parametrize(
    ("snippet", "sentence", "venue"),
    [
        (
            "LUSAKA, April 18 — The sides signed a truce, ending three days of talks in the "
            "capital.",
            "The sides signed a truce, ending three days of talks in the capital.",
            ["Lusaka"],
        ),
        ("KAMPALA (UBC) — Talks in the capital ended.", "Talks in the capital ended.", ["Kampala"]),
        # the capital of another state, named: not the dateline's
        (
            "LUSAKA, April 18 — Talks in the capital of Malawi ended.",
            "Talks in the capital of Malawi ended.",
            [],
        ),
        # no dateline, or no talks in the capital
        ("The sides ended three days of talks in the capital.", "talks in the capital", []),
        (
            "LUSAKA, April 18 — Fighting reached the capital.",
            "Fighting reached the capital.",
            [],
        ),
    ],
)
def test_talks_in_the_capital_are_at_the_dateline_city(
    snippet: str, sentence: str, venue: list[str]
) -> None:
    assert dateline_capital(snippet, sentence) == venue


def test_a_round_in_the_capital_under_a_dateline_is_a_row_there() -> None:
    text = (
        "KAMPALA, April 18 — The government and the Kibale Freedom Army (KFA) signed a "
        "ceasefire on Wednesday, closing three days of talks in the capital."
    )
    rows, _ = rows_and_plans(text, WED)
    # the three days of talks end on the Wednesday (state/rounds6: days told)
    assert rows == [("Kampala", "2035-04-16")]


def test_a_side_meeting_with_guarantors_named_apart_stays_a_round() -> None:
    # the rebel side is no actor the reading knows, and the guarantors' role word is not read:
    # the guarantor whose capital hosts the talks is still no other track
    text = (
        "The government of Zambia and the Luangwa People's Front rebels opened a new cycle of "
        "talks in Gaborone on Monday, with Norway and Botswana as guarantors."
    )
    rows, _ = rows_and_plans(text, WED)
    assert rows == [("Gaborone", "2035-04-16")]


@pytest.mark.parametrize(
    ("text", "side", "role"),
    [
        # envoys of a side's own government: a side
        (
            "Envoys of Zambia's government and the rebel Kafue Liberation Army (KLA) began "
            "talks in Gaborone on Monday, mediated by Botswana.",
            "Zambia",
            "party",
        ),
        # a state's own envoy (no government of its own named) stays a mediator
        (
            "Norway's envoy met the Kafue Liberation Army (KLA) and Zambian officials in "
            "Gaborone on Monday.",
            "Norway",
            "mediator",
        ),
    ],
)
def test_envoys_of_a_states_own_government_are_a_side(text: str, side: str, role: str) -> None:
    roles = {
        a.name: a.role
        for e in extract_events(Snippet(text=text, published_at=WED))
        for a in e.actors
        if e.type == "talks"
    }
    assert roles.get(side) == role


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Zambia's delegation flew home on Thursday from Gaborone, where three days of talks "
            "with the Kafue Liberation Army (KLA) closed on Wednesday night.",
            ("Gaborone", "2035-04-19"),
        ),
        (
            "Malawian negotiators came back from Lusaka, where the talks with Zambia ended on "
            "Tuesday.",
            ("Lusaka", "2035-04-17"),
        ),
    ],
)
def test_the_place_a_where_clause_tells_the_talks_in_is_their_venue(
    text: str, row: tuple[str, str]
) -> None:
    rows, _ = rows_and_plans(text, WED.replace(day=20))
    assert [venue for venue, _ in rows] == [row[0]]


def test_a_where_clause_of_no_talks_names_no_venue() -> None:
    text = (
        "Zambia and Malawi held talks on Tuesday, after their envoys came back from Lusaka, "
        "where they had briefed their ministers."
    )
    rows, _ = rows_and_plans(text, WED)
    assert [venue for venue, _ in rows] != ["Lusaka"]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Botswana leads, with Namibia as co-facilitator; the AU is the guarantor.", "Botswana"),
        ("Kenya leads the mediation, with Tanzania acting as co-mediator.", "Kenya"),
    ],
)
def test_a_state_that_leads_with_a_partner_in_a_co_role_is_a_mediator(text: str, lead: str) -> None:
    text = "Zambia and the Kafue Liberation Army (KLA) held talks in Gaborone on Monday. " + text
    roles = {
        a.name: a.role
        for e in extract_events(Snippet(text=text, published_at=WED))
        for a in e.actors
    }
    assert roles.get(lead) == "mediator"
    assert {e.process for e in extract_events(Snippet(text=text, published_at=WED))} == {"KLA--ZM"}


@pytest.mark.parametrize(
    "text",
    [
        # the side that met is a minister named earlier; the group is what the help is for
        "Chad's government and the Wadi Unity Front (WUF) held talks in Lome on Monday. "
        "On Tuesday, the interior minister met a senior American customs official in Washington "
        "to ask for help in tracing the WUF's gold income.",
        "Zambia's government and the Kafue Liberation Army (KLA) held talks in Gaborone on "
        "Monday. Zambia's defence minister met French officials in Paris on Tuesday to discuss "
        "a helicopter order.",
    ],
)
def test_one_side_meeting_an_outside_states_people_at_home_is_no_round(text: str) -> None:
    rows, _ = rows_and_plans(text, WED)
    assert len(rows) == 1  # the process's own round only


@pytest.mark.parametrize(
    "text",
    [
        # the outsider's country is only where the round is: a round
        "Chad's government and the Wadi Unity Front (WUF) held talks in Lome on Monday. "
        "A second round was held in Paris, the capital of France, on Tuesday.",
        # both sides meet the outsider's envoy there: a round
        "Chad's government and the Wadi Unity Front (WUF) held talks in Lome on Monday. On "
        "Tuesday Chad and the WUF met French envoys in Paris for a second round.",
    ],
)
def test_a_round_at_an_outsiders_capital_stays_a_round(text: str) -> None:
    rows, _ = rows_and_plans(text, WED)
    assert len(rows) == 2


def test_an_exchange_whose_sides_are_unknown_makes_no_total() -> None:
    # No side named: the snippet keys to no process; its swap is kept as a report only
    text = "The 40 prisoners were exchanged at the river bridge on Tuesday, the Red Cross said."
    tables = project_tables(extract_events(Snippet(text=text, published_at=WED)))
    states = tables["negotiations"]
    assert list(states) == ["unassigned"]
    state = states["unassigned"]
    assert state.measure_report_items  # the report is kept
    assert state.measures == ()
    assert state.prisoners_exchanged == 0


def test_one_side_meeting_an_outside_states_envoy_there_is_not_business_abroad() -> None:
    # the outsider's people named as its delegation: a go-between, not a side's own business abroad
    from streams.core.fold.meeting_cues import other_track

    text = (
        "Chad's government and the Wadi Unity Front (WUF) held talks in Lome on Monday. On "
        "Tuesday, Chad's foreign minister met the French delegation in Paris."
    )
    events = extract_events(Snippet(text=text, published_at=WED))
    (abroad,) = [e for e in events if e.type == "talks" and e.sentence.index == 1]
    assert not other_track(abroad)
