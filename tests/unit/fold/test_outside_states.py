"""Invented stories of a government-rebel process told with the states around it (issue 14,
third pass): states that sanction, sell arms, send aid, comment or offer to host, guarantors and
observers, another pair's trade deal told "separately", and the rebels named by acronym alone
in later snippets. Each asserts the exact processes, parties, third parties and rows.

Every story is invented (places, people, dates and numbers); none is news text.
"""

import pytest

from schemas.state import NegotiationState
from tests.factories import fold_stories


def _s(sid: str, day: str, text: str) -> dict[str, str]:
    return {"id": sid, "published_at": f"{day}T12:00:00Z", "text": text}


def _fold(records: list[dict[str, str]], seed: int | None = None) -> dict[str, NegotiationState]:
    return fold_stories(records, seed, redelivered=True)


# Peru and the Andean Liberation Front: Norway and Cuba guarantee, Ecuador hosts the second
# round; the United States sanctions, Spain sends aid, Colombia welcomes, Argentina sells arms,
# Brazil and Chile observe, and Bolivia and Paraguay sign a trade deal in the same snippet.
REBELS = [
    _s(
        "r-01",
        "2026-03-02",
        "Peru's government and the Andean Liberation Front (ALF) opened a new round of peace "
        "talks in Havana on Monday, with Norway and Cuba acting as guarantors. The ALF, the "
        "country's largest remaining rebel group, has fought the state since 1991. The United "
        "States imposed sanctions on two ALF commanders last year, and Spain said it would send "
        "aid to displaced families in the highlands. Colombian Foreign Minister Rosa Ibarra "
        "welcomed the talks.",
    ),
    _s(
        "r-02",
        "2026-03-05",
        "The Foreign Ministry of Ecuador said on Thursday it was ready to host a later round. "
        "Meanwhile a splinter faction, the Red Dawn Column, attacked a police post in Puno, "
        "killing three officers, the Interior Ministry said. Peruvian negotiators said the talks "
        "in the Cuban capital were constructive.",
    ),
    _s(
        "r-03",
        "2026-04-10",
        "The second round of talks between the Peruvian government and the ALF began in Quito "
        "on Friday, hosted by Ecuador. The first round was held in Havana in March. Brazil and "
        "Chile sent observers. Separately, Bolivia and Paraguay signed a trade deal.",
    ),
    _s(
        "r-04",
        "2026-04-12",
        "ALF commander Tomas Quispe said the rebels would free 12 soldiers as a gesture. "
        "Argentina sold six helicopters to the Peruvian army in January, a deal the rebels "
        "condemned. Talks in Quito resumed on Sunday after a one-day pause.",
    ),
]


def _rows(state: NegotiationState) -> list[tuple[str | None, str | None]]:
    return [(r.venue, r.date.start.isoformat() if r.date else None) for r in state.rounds]


def test_outside_states_are_no_parties_and_the_acronym_is_the_group() -> None:
    states = _fold(REBELS)
    # r-02 names no rebel group: Peru alone keys it (the host-to-be is no side); "Separately,
    # Bolivia and Paraguay signed a trade deal" is keyed to their own pair
    assert sorted(states) == ["ALF--PE", "BO--PY", "PE"]
    rebels = states["ALF--PE"]
    # the group introduced by name and named by acronym alone later is one side
    assert [p.name for p in rebels.parties] == ["Andean Liberation Front", "Peru"]
    # "Brazil and Chile sent observers": observers of the round (talks' third parties)
    assert {m.name: m.role for m in rebels.mediators} == {
        "Brazil": "observer",
        "Chile": "observer",
        "Cuba": "guarantor",
        "Ecuador": "host",
        "Norway": "guarantor",
    }
    # the Havana round told again as a recap is one row; "talks resumed" stays in Quito's
    assert _rows(rebels) == [("Havana", "2026-03-02"), ("Quito", "2026-04-10")]
    assert rebels.rounds[1].snippets == ("r-03", "r-04")
    assert states["PE"].parties == ()
    every_party = {p.name for key, s in states.items() if key != "BO--PY" for p in s.parties}
    assert every_party == {"Andean Liberation Front", "Peru"}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_rebel_story_folds_the_same_in_any_order(seed: int) -> None:
    base, shuffled = _fold(REBELS), _fold(REBELS, seed)
    assert sorted(base) == sorted(shuffled)
    for key, state in base.items():
        other = shuffled[key]
        assert other.parties == state.parties
        assert other.mediators == state.mediators
        assert _rows(other) == _rows(state)


# Chile and Peru in Geneva, mediated by a UN envoy: states that hope, call for restraint or
# express support; "the Swiss city"; another pair's talks on trade "meanwhile"; a wire wrap
# of a trade summit whose two members sign an energy pact beside "the Chile-Peru talks".
ENVOY = [
    _s(
        "b-01",
        "2026-05-04",
        "Chile and Peru held a first round of talks in Geneva on Monday, mediated by the "
        "UN envoy Marta Lind. Bolivia said it hoped the talks would succeed, and the "
        "European Union called for restraint. Chile's Foreign Ministry said the meeting "
        "was frank.",
    ),
    _s(
        "b-02",
        "2026-05-06",
        "The talks in the Swiss city ended on Wednesday. Argentina, which fought a border "
        "war with Chile in 1978, expressed support. Peru's delegation said technical "
        "teams would meet in Lima next week to prepare a second round.",
    ),
    _s(
        "b-03",
        "2026-05-20",
        "Technical teams from Chile and Peru met in Lima on Tuesday to prepare the next "
        "round. Meanwhile Ecuador and Colombia held their own talks on border trade in "
        "Quito. The envoy Marta Lind said the second round would open in Geneva on June "
        "2.",
    ),
    _s(
        "b-04",
        "2026-06-03",
        "Chilean and Peruvian negotiators resumed talks in Geneva on Tuesday after a "
        "four-week pause. Since the first round in Geneva in May, the sides have "
        "exchanged draft texts. The war between Chile and Peru ended in 1883, but the "
        "border was never fully agreed. Switzerland is hosting the talks at the request "
        "of both governments.",
    ),
    _s(
        "b-05",
        "2026-06-05",
        "WRAP: Leaders from Brazil, Argentina, Uruguay, Paraguay and Bolivia met in "
        "Asuncion for a trade summit on Thursday. In Geneva, the Chile-Peru talks went "
        "into a third day. Brazil and Argentina also signed an energy pact.",
    ),
]


def test_commenting_states_a_place_told_by_its_country_and_other_pairs_keyed_apart() -> None:
    states = _fold(ENVOY)
    # the other pairs told in passing ("Meanwhile Ecuador and Colombia held their own talks",
    # "Brazil and Argentina also signed an energy pact") are keyed to their own processes
    assert sorted(states) == ["AR--BR", "CL--PE", "CO--EC"]
    talks = states["CL--PE"]
    assert [p.name for p in talks.parties] == ["Chile", "Peru"]
    # the UN envoy is listed under the United Nations
    assert {m.name: m.role for m in talks.mediators} == {
        "Switzerland": "host",
        "United Nations": "mediator",
    }
    assert [m.people for m in talks.mediators if m.name == "United Nations"] == [("Marta Lind",)]
    assert talks.rounds[0].venue == "Geneva"
    assert talks.rounds[0].date is not None and talks.rounds[0].date.start.isoformat() == (
        "2026-05-04"
    )
    assert [(r.venue, r.date and r.date.text) for r in talks.planned] == [("Geneva", "June 2")]


# A live blog and an explainer of talks between Mozambique and a rebel group introduced by
# name and acronym: a regional body guarantees, an observer-to-be, a neighbour's protests, the
# older group the rebels split from, an old accord of two other states, arms suppliers, a former
# colonial power that welcomes, a splinter faction, a state with troops deployed.
LIVE = [
    _s(
        "c-01",
        "2027-02-10",
        "LIVE: Mozambique's government and the Northern Popular Army (NPA) began a third "
        "round of talks in Lusaka, Zambia, on Wednesday, with the Southern African "
        "Development Community (SADC) as guarantor. 10:42 - Malawi's foreign ministry "
        "said it would take part as an observer. 11:15 - In neighbouring Zimbabwe, police "
        "clashed with protesters in Harare. 12:03 - The NPA, which split from the older "
        "Coastal Liberation Movement (CLM) in 2019, said its fighters would respect a "
        "truce during the talks.",
    ),
    _s(
        "c-02",
        "2027-02-12",
        "EXPLAINER: How the Mozambique-NPA talks got here. The first round was held in "
        "Gaborone, Botswana, in October, the second in Windhoek, Namibia, in December. "
        "Hosts rotate among SADC members. Mozambique signed a peace deal with the Coastal "
        "Liberation Movement in 2019, and Angola and Namibia signed a border accord in "
        "2002. China and Russia both supply weapons to the Mozambican army.",
    ),
    _s(
        "c-03",
        "2027-02-13",
        "The Foreign Ministry of Mozambique said on Saturday that talks with the NPA in "
        "Lusaka had ended with a deal to exchange prisoners. Portugal, the former "
        "colonial power, welcomed the outcome. A rival faction, the NPA-Renewal, rejected "
        "the deal and attacked an army convoy near Pemba, the army said.",
    ),
    _s(
        "c-04",
        "2027-03-01",
        "Mozambique and the NPA exchanged 25 prisoners at a border post in Malawi on "
        "Monday, with the International Committee of the Red Cross transporting the "
        "detainees. Tanzania, whose troops are deployed in the north, said it would keep "
        "its forces there.",
    ),
]


def test_a_live_blog_keys_the_rebels_it_introduces_and_no_state_that_stands_by() -> None:
    states = _fold(LIVE)
    talks = states["MZ--NPA"]
    assert [p.name for p in talks.parties] == ["Mozambique", "NPA"]
    assert {m.name: m.role for m in talks.mediators} == {"SADC": "guarantor"}
    assert [h.name for h in talks.hosts] == ["Zambia"]
    assert _rows(talks) == [("Lusaka", "2027-02-10")]
    assert talks.prisoners_exchanged == 25
    # the snippet that names the rebels by acronym alone ("talks with the NPA") keys Mozambique
    # alone: no other side joins
    every_party = {p.name for s in states.values() for p in s.parties}
    assert every_party == {"Mozambique", "NPA"}


# One round told in three snippets by city, country and "the Paraguayan capital", a would-be
# host of the next, another pair's meeting the same day; then talks resumed elsewhere after a
# pause, with a recap of the last meeting and a preparatory meeting.
ROTATING = [
    _s(
        "d-01",
        "2027-05-10",
        "Delegations from Chile and Peru opened a new round of talks in Asuncion on "
        "Monday, hosted by Paraguay. Paraguayan Foreign Minister Lucia Benitez chaired "
        "the opening session.",
    ),
    _s(
        "d-02",
        "2027-05-11",
        "Talks between Chile and Peru continued in Paraguay on Tuesday, officials said. "
        "Uruguay said it was ready to host the next round.",
    ),
    _s(
        "d-03",
        "2027-05-12",
        "The Chilean and Peruvian delegations wrapped up three days of talks in the "
        "Paraguayan capital on Wednesday. Bolivia and Ecuador held a separate meeting on "
        "river transport in La Paz the same day.",
    ),
    _s(
        "d-04",
        "2027-06-20",
        "Chile and Peru resumed talks in Montevideo on Sunday after a five-week pause. "
        "The sides last met in Asuncion in May, when they agreed to set up a joint "
        "commission. Technical teams met in Santiago on Friday to prepare the session.",
    ),
]


def test_a_round_told_by_city_country_and_capital_is_one_row_and_hosts_rotate() -> None:
    states = _fold(ROTATING)
    # "Bolivia and Ecuador held a separate meeting": their own process
    assert sorted(states) == ["BO--EC", "CL--PE"]
    talks = states["CL--PE"]
    assert [p.name for p in talks.parties] == ["Chile", "Peru"]
    assert _rows(talks) == [("Asunción", "2027-05-10"), ("Montevideo", "2027-06-20")]
    assert talks.rounds[0].snippets == ("d-01", "d-02", "d-03", "d-04")
    # Paraguay named as host, Uruguay the host of the later round's venue; the offer to host
    # makes Uruguay no side
    assert {m.name: m.role for m in talks.mediators} == {"Paraguay": "host"}
    assert [h.name for h in talks.hosts] == ["Uruguay"]


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        # third states meeting about the conflict hold no round of it
        (
            "Foreign ministers from Brazil, Argentina and Spain met in Madrid on Friday to "
            "discuss the crisis between Chile and Peru.",
            [],
        ),
        (
            "Envoys of Brazil and Mexico met in Bogota on Friday to talk about the war between "
            "Chile and Peru.",
            [],
        ),
        # near misses: the sides meet to discuss it, or meet with a host beside them
        (
            "Chile and Peru met in Lima on Friday to discuss the border dispute between them.",
            ["Lima"],
        ),
        (
            "Peruvian and Chilean officials met in Quito on Friday to discuss the crisis over the "
            "border, with Ecuador hosting.",
            ["Quito"],
        ),
    ],
)
def test_a_meeting_of_others_about_the_conflict_is_no_round(text: str, venues: list[str]) -> None:
    states = _fold([_s("m-01", "2027-02-12", text)])
    assert [r.venue for s in states.values() for r in s.rounds] == venues
