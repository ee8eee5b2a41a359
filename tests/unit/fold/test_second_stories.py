"""Invented stories in styles not used before (wire copy with a dateline and long quotes, a live
blog, a joint communique, an explainer recapping the process, an analysis with attributions),
read and folded as `parley state` does (issue 14, second pass).

Every story and sentence is invented; none is news text.
"""

from typing import Any

import pytest

from schemas.state import NegotiationState
from tests.factories import fold_story

STYLES = [
    {
        "id": "w-01",
        "published_at": "2031-05-04T08:00:00Z",
        "text": (
            "MONTEVIDEO, May 4 (Wire) - Bolivia and Peru opened a new round of talks on their "
            'disputed river border in Montevideo on Sunday, in talks hosted by Uruguay. "We have '
            'come with an open mind, and we expect the other side to do the same," the head of '
            "the Bolivian delegation told reporters outside the venue. The talks were made "
            "possible by the good offices of Norway, whose envoy chaired the opening session."
        ),
    },
    {
        "id": "w-02",
        "published_at": "2031-05-05T18:00:00Z",
        "text": (
            "LIVE 14:02 - Talks between Bolivia and Peru entered a second day. 14:40 - Canada "
            "acted as a go-between on the prisoner file, a diplomat said. 15:10 - The "
            "delegations agreed to meet again in two weeks."
        ),
    },
    {
        "id": "w-03",
        "published_at": "2031-05-06T10:00:00Z",
        "text": (
            "Joint communique: The Republic of Bolivia and the Republic of Peru, meeting in "
            "Montevideo on 4-5 May under the auspices of the United Nations, with Norway as "
            "facilitator and Argentina as guarantor, agreed to release all detainees. The parties "
            "will reconvene after Ramadan."
        ),
    },
    {
        "id": "w-04",
        "published_at": "2031-05-08T10:00:00Z",
        "text": (
            "Explainer: the talks between Bolivia and Peru began in 2029 under the mediation of "
            "Brazil, whose foreign minister shuttled between the two capitals. A first ceasefire "
            "was brokered in Lima in 2030 but collapsed within weeks."
        ),
    },
    {
        "id": "w-05",
        "published_at": "2031-05-10T10:00:00Z",
        "text": (
            "Analysis: Bolivia freed 30 Peruvian prisoners on Friday, the Red Cross said, in the "
            "first step of the deal. The exchange of 120 prisoners last week was the largest "
            "since the war began, according to officials in La Paz."
        ),
    },
]


def _summary(state: NegotiationState) -> tuple[Any, ...]:
    third = {m.name: m.role for m in (*state.mediators, *state.hosts)}
    nxt = state.next_meeting
    return (
        sorted(p.name for p in state.parties),
        third,
        [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds],
        (nxt.venue, nxt.date, nxt.when) if nxt else None,
        state.status.status,
        state.prisoners_exchanged,
    )


def test_five_styles_of_one_process_fold_to_its_state() -> None:
    parties, third, rounds, nxt, status, exchanged = _summary(fold_story(STYLES))
    assert parties == ["Bolivia", "Peru"]
    # hosted by; good offices and "as facilitator" (the stronger role wins); "acted as a
    # go-between"; under the auspices; "as guarantor"; under the mediation of
    assert third == {
        "Argentina": "guarantor",
        "Brazil": "mediator",
        "Canada": "mediator",
        "Norway": "mediator",
        "United Nations": "mediator",
        "Uruguay": "host",
    }
    assert rounds == [("Montevideo", "2031-05-04")]
    # the communique's plan is the latest: "after Ramadan", words and no made-up day
    assert nxt == (None, None, "after Ramadan")
    # the explainer's collapsed ceasefire of 2030 is history: the talks are not collapsed
    assert status != "collapsed"
    # the swap of last week (a noun, dated before its report) and Friday's release
    assert exchanged == 150


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_styles_fold_to_the_same_state_in_any_arrival_order(seed: int) -> None:
    assert _summary(fold_story(STYLES, seed)) == _summary(fold_story(STYLES))


def test_a_plan_in_two_weeks_told_last_is_the_next_meeting() -> None:
    state = fold_story(STYLES[:2])
    assert state.next_meeting is not None and state.next_meeting.date is not None
    assert state.next_meeting.date.start.isoformat() == "2031-05-16"
    assert state.next_meeting.date.precision == "week"


def _swaps(text: str) -> tuple[list[tuple[str, int | None]], int]:
    state = fold_story([{"id": "x-1", "published_at": "2031-05-10T10:00:00Z", "text": text}])
    return [(m.status, m.count) for m in state.measures if m.kind == "prisoner exchange"], (
        state.prisoners_exchanged
    )


@pytest.mark.parametrize(
    ("text", "status", "exchanged"),
    [
        # an exchange named as a noun, dated before its report, was done
        (
            "The exchange of 120 prisoners between Chile and Peru last week was welcomed by the "
            "United Nations.",
            "done",
            120,
        ),
        ("Peru welcomed the exchange of 120 prisoners with Chile on Monday.", "done", 120),
        # ... not when the sentence talks of a deal, a plan, or the time of another verb
        ("Chile and Peru agreed last week on the exchange of 120 prisoners.", "agreed", 0),
        (
            "The exchange of 120 prisoners between Chile and Peru is planned for next week.",
            "announced",
            0,
        ),
        (
            "Chile and Peru said on Monday that the exchange of 120 prisoners would take place "
            "soon.",
            "announced",
            0,
        ),
    ],
)
def test_an_exchange_named_as_a_past_noun_is_done(text: str, status: str, exchanged: int) -> None:
    swaps, total = _swaps(text)
    assert swaps == [(status, 120)]
    assert total == exchanged
