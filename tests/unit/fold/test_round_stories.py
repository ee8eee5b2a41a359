"""Invented multi-snippet stories of peace processes, read and folded as `parley state` does:
one row per real meeting, the right parties and mediators (issue 14, parts 1 and 3).

Every story is invented (places, people, dates and numbers); none is news text. Each exercises a
class: a round over many days told on different days, a numbered round moved between cities, a
postponed round, follow-up meetings of commanders, guarantors and facilitators, a detainee deal
run by the Red Cross, a regional body's talks, and what is no meeting (arrivals, visits, calls,
announcements, recalled signings, history, other processes' meetings).
"""

from typing import Any

import pytest

from schemas.state import NegotiationState
from tests.factories import fold_stories, fold_story

# Two states, a mediator and a host: a ten-day round told on four days, a commanders' follow-up,
# a phone call, a recalled signing, a round postponed, begun in one city and moved to another.
STATE_TALKS = [
    {
        "id": "a-01",
        "published_at": "2031-03-02T09:00:00Z",
        "text": (
            "The Chilean and Peruvian delegations arrived in Montevideo on Sunday ahead of talks "
            "on the disputed border. Brazil, which is mediating, said the talks would open on "
            "Monday."
        ),
    },
    {
        "id": "a-02",
        "published_at": "2031-03-03T18:00:00Z",
        "text": (
            "Chile and Peru opened talks in Montevideo on Monday under Brazilian mediation. The "
            "talks, which opened on Monday, are expected to last a week, a Brazilian diplomat "
            "said."
        ),
    },
    {
        "id": "a-03",
        "published_at": "2031-03-05T17:00:00Z",
        "text": (
            "Talks between Chile and Peru entered their third day on Wednesday. Negotiators "
            "discussed the crossings, the Brazilian foreign ministry said."
        ),
    },
    {
        "id": "a-04",
        "published_at": "2031-03-07T16:00:00Z",
        "text": (
            "Negotiations between Chile and Peru continued on Friday in the Uruguayan capital, "
            "with both delegations reporting progress. Chilean Foreign Minister Ana Sotomayor "
            "spoke by phone with her Peruvian counterpart on Thursday."
        ),
    },
    {
        "id": "a-05",
        "published_at": "2031-03-13T15:00:00Z",
        "text": (
            "At the end of ten days of talks in Montevideo, Chile and Peru agreed on Thursday to "
            "free 40 detained fishermen. The talks were mediated by Brazil and hosted by Uruguay."
            " The second round will be held in Quito next month, the mediators said."
        ),
    },
    {
        "id": "a-06",
        "published_at": "2031-03-20T12:00:00Z",
        "text": (
            "Chilean and Peruvian military commanders met in Arica on Wednesday to work out the "
            "details of the release, a follow-up to the Montevideo talks. Chile and Peru signed a"
            " border accord in Lima in 2012, recalled a Peruvian official."
        ),
    },
    {
        "id": "a-07",
        "published_at": "2031-04-08T12:00:00Z",
        "text": (
            "The second round of talks between Chile and Peru was postponed to next week after "
            "logistical problems, Brazil said."
        ),
    },
    {
        "id": "a-08",
        "published_at": "2031-04-15T18:00:00Z",
        "text": (
            "The second round of talks between Chile and Peru began in Quito on Tuesday, Brazil "
            "said."
        ),
    },
    {
        "id": "a-09",
        "published_at": "2031-04-17T18:00:00Z",
        "text": (
            "Delegations from Chile and Peru moved the talks to Guayaquil on Thursday for "
            "security reasons."
        ),
    },
    {
        "id": "a-10",
        "published_at": "2031-04-19T18:00:00Z",
        "text": (
            "The second round between Chile and Peru ended on Saturday in Guayaquil with a joint "
            "statement, Brazilian mediators said."
        ),
    },
]

# A government and a rebel front, a facilitator and guarantor states, rounds rotating between
# capitals, a ceasefire agreed, violated, extended and collapsed, a round called off.
GUARANTORS = [
    {
        "id": "b-01",
        "published_at": "2031-06-02T10:00:00Z",
        "text": (
            "The Philippine government and the Moro Islamic Liberation Front opened a first round"
            " of peace talks in Kuala Lumpur on Monday. Malaysia is facilitating the talks, while"
            " Norway and Japan act as guarantors."
        ),
    },
    {
        "id": "b-02",
        "published_at": "2031-06-06T16:00:00Z",
        "text": (
            "The first round of talks between Manila and the MILF ended in Kuala Lumpur on Friday"
            " with an agreement on a humanitarian corridor. The guarantor countries, Norway and "
            "Japan, welcomed the outcome."
        ),
    },
    {
        "id": "b-03",
        "published_at": "2031-06-20T09:00:00Z",
        "text": (
            "Norway will host the second round of talks between the Philippines and the MILF in "
            "Oslo next month, the Norwegian foreign ministry said on Friday."
        ),
    },
    {
        "id": "b-04",
        "published_at": "2031-07-14T17:00:00Z",
        "text": (
            "The second round of negotiations between the Philippine government and the MILF got "
            "under way in Oslo on Monday. Norwegian Foreign Minister Kari Lunde opened the "
            "session."
        ),
    },
    {
        "id": "b-05",
        "published_at": "2031-07-18T17:00:00Z",
        "text": (
            "Government and MILF negotiators continued their talks in the Norwegian capital on "
            "Friday, a Malaysian facilitator said. President Marcos Reyes spoke with Japanese "
            "Prime Minister Ken Sato by telephone about the process."
        ),
    },
    {
        "id": "b-06",
        "published_at": "2031-07-25T17:00:00Z",
        "text": (
            "The second round of talks between the Philippines and the MILF closed in Oslo on "
            "Friday after two weeks. Both sides agreed to a ceasefire starting on August 1."
        ),
    },
    {
        "id": "b-07",
        "published_at": "2031-08-05T08:00:00Z",
        "text": (
            "The MILF accused the Philippine army of violating the ceasefire in Cotabato on "
            "Monday. Military commanders of both sides met in Cotabato on Tuesday to discuss the "
            "violations, with Malaysian monitors present."
        ),
    },
    {
        "id": "b-08",
        "published_at": "2031-08-20T08:00:00Z",
        "text": (
            "The government and the MILF agreed on Tuesday to extend the ceasefire by 30 days, "
            "Malaysia said. The third round of talks is set to be held in Tokyo in September."
        ),
    },
    {
        "id": "b-09",
        "published_at": "2031-09-10T08:00:00Z",
        "text": (
            "The ceasefire between Manila and the MILF collapsed on Wednesday after heavy "
            "fighting in Cotabato. The third round of talks, which had been scheduled for next "
            "week in Tokyo, was called off."
        ),
    },
]

# A detainee deal run by the Red Cross in a hosting country; a meeting recalled from years ago, a
# leader's visit abroad, a planned round and a meeting of two other states.
RED_CROSS = [
    {
        "id": "c-01",
        "published_at": "2031-02-10T10:00:00Z",
        "text": (
            "Representatives of the Libyan government and the Libyan National Army began talks in"
            " Geneva on Monday on an exchange of detainees, under the auspices of the "
            "International Committee of the Red Cross. Switzerland is hosting the talks."
        ),
    },
    {
        "id": "c-02",
        "published_at": "2031-02-16T10:00:00Z",
        "text": (
            "After six days of negotiations in Switzerland, the Libyan government and the LNA "
            "agreed to free 412 detainees, the ICRC said on Sunday. The Red Cross, which "
            "facilitated the talks, will run the release flights."
        ),
    },
    {
        "id": "c-03",
        "published_at": "2031-03-02T18:00:00Z",
        "text": (
            "The ICRC flew 210 detainees released by the Libyan government from Tripoli to "
            "Benghazi on Saturday. Red Cross planes carried 202 LNA prisoners the other way on "
            "Sunday, completing the exchange overseen by the Red Cross."
        ),
    },
    {
        "id": "c-04",
        "published_at": "2031-03-05T18:00:00Z",
        "text": (
            "Haftar's forces said they had met government negotiators in Geneva in 2029 without "
            "result. Libyan Prime Minister Omar Salem visited Rome on Wednesday, where he met "
            "Italian officials to discuss migration."
        ),
    },
    {
        "id": "c-05",
        "published_at": "2031-03-20T18:00:00Z",
        "text": (
            "Delegations of the Libyan government and the LNA will meet again in Geneva in April "
            "to discuss the release of the remaining detainees, the ICRC said. Meanwhile, Egypt "
            "and Sudan held talks in Cairo on Thursday on their border."
        ),
    },
]

# Talks under a regional body: a round that stalls and ends, a guarantor offering to host, a
# delegation arriving, a round hosted by the guarantor, a technical follow-up, an observer.
REGIONAL_BODY = [
    {
        "id": "d-01",
        "published_at": "2031-10-06T10:00:00Z",
        "text": (
            "South Sudan's government and the SPLM-IO resumed talks in Addis Ababa on Monday "
            "under the auspices of IGAD. The regional bloc's envoy, Amina Warsame, said the talks"
            " would focus on security arrangements."
        ),
    },
    {
        "id": "d-02",
        "published_at": "2031-10-09T15:00:00Z",
        "text": (
            "Talks between Juba and the SPLM-IO in the Ethiopian capital stalled on Thursday over"
            " the integration of forces. Kenyan President Daniel Mwangi spoke by phone with South"
            " Sudanese President Peter Lual about the talks."
        ),
    },
    {
        "id": "d-03",
        "published_at": "2031-10-17T15:00:00Z",
        "text": (
            "The IGAD-led talks between South Sudan and the SPLM-IO ended in Addis Ababa on "
            "Friday without a deal. Kenya, a guarantor of the process, offered to host the next "
            "round in Nairobi."
        ),
    },
    {
        "id": "d-04",
        "published_at": "2031-11-03T15:00:00Z",
        "text": (
            "A South Sudanese delegation arrived in Nairobi on Sunday. Kenya said it would host "
            "the talks between South Sudan and the SPLM-IO from Tuesday."
        ),
    },
    {
        "id": "d-05",
        "published_at": "2031-11-07T15:00:00Z",
        "text": (
            "Kenya hosted a new round of talks between South Sudan and the SPLM-IO in Nairobi "
            "this week, IGAD said. Kenyan and Ugandan officials also met in Kampala on Thursday "
            "to discuss trade."
        ),
    },
    {
        "id": "d-06",
        "published_at": "2031-11-21T15:00:00Z",
        "text": (
            "Military commanders of South Sudan and the SPLM-IO met in Malakal on Wednesday to "
            "agree on cantonment sites, a technical follow-up to the Nairobi talks. Uganda, an "
            "observer to the talks, sent two officers."
        ),
    },
    {
        "id": "d-07",
        "published_at": "2031-11-25T15:00:00Z",
        "text": (
            "The government in Juba said on Tuesday that the SPLM-IO had violated the ceasefire "
            "near Malakal. IGAD announced that the talks would resume in Nairobi in December."
        ),
    },
]

# Reports that name a meeting after it, undated ("during the talks in Lima", "the agreement
# reached at the talks in Lima"), a statement's own day ("Chile said on Tuesday"), a later round.
REFERENCES = [
    {
        "id": "e-01",
        "published_at": "2031-05-05T10:00:00Z",
        "text": ("Chile and Peru began talks in Lima on Monday under Brazilian mediation."),
    },
    {
        "id": "e-02",
        "published_at": "2031-05-08T10:00:00Z",
        "text": (
            "Chile and Peru concluded their talks in Lima on Thursday with an agreement to reopen"
            " the border."
        ),
    },
    {
        "id": "e-03",
        "published_at": "2031-05-19T10:00:00Z",
        "text": (
            "Peru accused Chile of delaying the reopening of the border agreed at the Lima talks."
            " The agreement reached by Chile and Peru at the talks in Lima was welcomed by "
            "Brazil."
        ),
    },
    {
        "id": "e-04",
        "published_at": "2031-05-27T10:00:00Z",
        "text": (
            "During the talks in Lima, Chile and Peru also agreed to free 20 detainees, Chile "
            "said on Tuesday."
        ),
    },
    {
        "id": "e-05",
        "published_at": "2031-06-20T10:00:00Z",
        "text": ("Chile and Peru held talks in Lima on Thursday on the detainees, Brazil said."),
    },
]

# A signing, then the accord named by its signing two weeks later, and an older accord.
SIGNINGS = [
    {
        "id": "f-01",
        "published_at": "2031-03-06T18:00:00Z",
        "text": ("Chile and Peru signed a ceasefire in Doha on Thursday after two days of talks."),
    },
    {
        "id": "f-02",
        "published_at": "2031-03-20T18:00:00Z",
        "text": (
            "Under the accord signed in Doha, Chile and Peru must withdraw their troops from the "
            "border. The accord that Chile and Peru signed in Doha last year had collapsed within"
            " weeks."
        ),
    },
]

# Talks moved from one city to another mid-round (no round number), and later two meetings a day
# apart in two cities, with no move told: two rows.
MOVED = [
    {
        "id": "g-01",
        "published_at": "2031-04-15T18:00:00Z",
        "text": (
            "Talks between Chile and Peru opened in Quito on Tuesday under Brazilian mediation."
        ),
    },
    {
        "id": "g-02",
        "published_at": "2031-04-17T18:00:00Z",
        "text": (
            "Delegations from Chile and Peru moved the talks to Guayaquil on Thursday for "
            "security reasons."
        ),
    },
    {
        "id": "g-03",
        "published_at": "2031-04-19T18:00:00Z",
        "text": (
            "The talks between Chile and Peru ended in Guayaquil on Saturday with a joint "
            "statement."
        ),
    },
    {
        "id": "g-04",
        "published_at": "2031-05-20T18:00:00Z",
        "text": (
            "Chile and Peru held talks in Quito on Monday. Chilean and Peruvian negotiators met "
            "in Cuenca on Tuesday."
        ),
    },
]


def _rows(state: NegotiationState) -> list[tuple[str | None, str, str]]:
    return [
        (r.venue, r.date.start.isoformat(), r.date.end.isoformat())
        for r in state.rounds
        if r.date is not None
    ]


def _third_parties(state: NegotiationState) -> dict[str, str]:
    return {m.name: m.role for m in (*state.mediators, *state.hosts)}


def test_a_round_of_ten_days_told_on_four_days_is_one_row_and_a_moved_round_is_one() -> None:
    state = fold_story(STATE_TALKS)
    assert _rows(state) == [
        ("Montevideo", "2031-03-03", "2031-03-13"),  # opened, third day, continued, ended
        ("Arica", "2031-03-19", "2031-03-19"),  # the commanders' follow-up
        ("Guayaquil", "2031-04-15", "2031-04-19"),  # begun in Quito, moved, ended in Guayaquil
    ]
    assert len(state.rounds) == 3  # no row for the arrival, the call or the 2012 signing
    assert [p.name for p in state.parties] == ["Chile", "Peru"]
    assert _third_parties(state) == {"Brazil": "mediator", "Uruguay": "host"}


def test_rounds_rotating_between_capitals_with_a_facilitator_and_guarantors() -> None:
    state = fold_story(GUARANTORS)
    assert _rows(state) == [
        ("Kuala Lumpur", "2031-06-02", "2031-06-06"),
        ("Oslo", "2031-07-14", "2031-07-25"),
        ("Cotabato", "2031-08-05", "2031-08-05"),  # commanders on the violations
    ]
    assert [p.name for p in state.parties] == ["Moro Islamic Liberation Front", "Philippines"]
    assert _third_parties(state) == {
        "Japan": "guarantor",
        "Malaysia": "facilitator",
        "Norway": "guarantor",
    }
    # The Tokyo round was planned, then called off: never held, not the next meeting.
    assert state.next_meeting is None
    assert [(p.venue, p.cancelled) for p in state.planned if p.venue == "Tokyo"] == [
        ("Tokyo", True)
    ]


def test_a_detainee_deal_run_by_the_red_cross_and_what_is_no_meeting() -> None:
    states = fold_stories(RED_CROSS)
    # "Meanwhile, Egypt and Sudan held talks in Cairo": their own process, not this one's
    assert [r.venue for r in states["EG--SD"].rounds] == ["Cairo"]
    state = states["LY--LY-LNA"]
    # Six days in Geneva told as "in Switzerland": one row; the 2029 meeting is history, the
    # prime minister's visit to Rome is no row of this process.
    assert _rows(state) == [("Geneva", "2031-02-10", "2031-02-16")]
    assert [r.venue for r in state.past_meetings] == ["Geneva"]
    assert [p.name for p in state.parties] == ["Libya", "Libyan National Army"]
    assert _third_parties(state) == {
        "International Committee of the Red Cross": "mediator",
        "Switzerland": "host",
    }
    assert state.next_meeting is not None and state.next_meeting.venue == "Geneva"


def test_talks_under_a_regional_body_with_a_guarantor_host_and_an_observer() -> None:
    state = fold_story(REGIONAL_BODY)
    assert _rows(state) == [
        ("Addis Ababa", "2031-10-06", "2031-10-17"),
        # dated by the report of the round ("this week"), not by the delegation's arrival
        ("Nairobi", "2031-11-03", "2031-11-09"),
        ("Malakal", "2031-11-19", "2031-11-19"),
    ]
    assert [p.name for p in state.parties] == ["SPLM-IO", "South Sudan"]
    # Kenya guarantees and hosts: a third party, never a side; the Kampala meeting of Kenya and
    # Uganda on trade is another process's.
    assert _third_parties(state) == {
        "Ethiopia": "host",
        "Intergovernmental Authority on Development": "mediator",
        "Kenya": "guarantor",
        "Uganda": "observer",
    }
    assert state.next_meeting is not None and state.next_meeting.venue == "Nairobi"


def test_undated_references_to_a_meeting_join_the_last_one_held_there() -> None:
    state = fold_story(REFERENCES)
    assert _rows(state) == [
        ("Lima", "2031-05-05", "2031-05-08"),
        ("Lima", "2031-06-19", "2031-06-19"),  # a new meeting, dated: its own row
    ]
    assert state.rounds[0].snippets == ("e-01", "e-02", "e-03", "e-04")


def test_an_accord_named_by_its_signing_is_no_new_meeting_and_last_years_is_history() -> None:
    state = fold_story(SIGNINGS)
    # "after two days of talks": the round's two days (state/rounds6: days told)
    assert _rows(state) == [("Doha", "2031-03-05", "2031-03-06")]
    assert len(state.rounds) == 1
    assert state.rounds[0].snippets == ("f-01", "f-02")


def test_talks_moved_to_another_city_are_one_row_and_meetings_in_two_cities_are_two() -> None:
    state = fold_story(MOVED)
    assert _rows(state) == [
        ("Guayaquil", "2031-04-15", "2031-04-19"),  # opened in Quito, moved, ended in Guayaquil
        ("Quito", "2031-05-19", "2031-05-19"),
        ("Cuenca", "2031-05-20", "2031-05-20"),
    ]


@pytest.mark.parametrize(
    "story", [STATE_TALKS, GUARANTORS, RED_CROSS, REGIONAL_BODY, REFERENCES, SIGNINGS, MOVED]
)
def test_the_stories_fold_to_the_same_rows_and_roles_in_any_arrival_order(
    story: list[dict[str, Any]],
) -> None:
    first = fold_stories(story)
    for seed in (1, 2):
        every = fold_stories(story, seed)
        assert sorted(every) == sorted(first)
        for key, again in every.items():
            assert again.rounds == first[key].rounds
            assert (again.parties, again.mediators, again.hosts) == (
                first[key].parties,
                first[key].mediators,
                first[key].hosts,
            )
