"""Roles: a party is never its own process's host or mediator; a third-country venue is the host."""

from datetime import UTC, date, datetime

import pytest

from schemas.events import Actor
from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.fold.negotiations import project
from streams.core.read.extract import extract_events
from tests.factories import make_event, on_day

P = "PT--ES"  # a process between two states, keyed by their codes
FRI = datetime(2031, 3, 7, 18, tzinfo=UTC)


def _talks(text: str, n: int, **fields: object) -> object:
    return make_event("talks", snippet=f"s-{n}", process=P, text=text, published=FRI, **fields)


def test_a_party_named_as_mediator_or_host_stays_a_party_in_any_order() -> None:
    as_host = _talks(
        "Portugal hosted the talks.", 1, actors=(Actor(name="Portugal", country="PT", role="host"),)
    )
    as_party = _talks(
        "Portugal and Spain met.",
        2,
        actors=(
            Actor(name="Portugal", country="PT", role="party"),
            Actor(name="Spain", country="ES", role="party"),
        ),
    )
    for events in ([as_host, as_party], [as_party, as_host]):
        state = project(P, events)
        assert [p.name for p in state.parties] == ["Portugal", "Spain"]
        assert state.mediators == () and state.hosts == ()


def test_a_meeting_in_a_third_country_makes_that_state_the_host() -> None:
    held = _talks(
        "The envoys met in Lisbon on Friday.", 1, venue="Lisbon", date=on_day(date(2031, 3, 7))
    )
    state = project("ES--FR", [held.model_copy(update={"process": "ES--FR"})])
    assert [(h.name, h.role) for h in state.hosts] == [("Portugal", "host")]
    # The same meeting between Portugal and Spain has no host: Lisbon is a party's own city.
    assert project(P, [held]).hosts == ()


def test_guarantors_observers_and_facilitators_are_their_own_roles() -> None:
    text = "Norway and Cuba, the guarantor countries, attended; Chile sent observers to the talks."
    event = _talks(
        text,
        1,
        actors=(
            Actor(name="Norway", country="NO", role="mentioned", mention="Norway"),
            Actor(name="Cuba", country="CU", role="mentioned", mention="Cuba"),
            Actor(name="Chile", country="CL", role="mentioned", mention="Chile"),
        ),
    )
    roles = {m.name: m.role for m in project(P, [event]).mediators}
    assert roles == {"Chile": "observer", "Cuba": "guarantor", "Norway": "guarantor"}


def test_a_mediator_named_a_guarantor_elsewhere_stays_a_mediator_in_any_order() -> None:
    qatar = Actor(name="Qatar", country="QA", role="mediator", mention="Qatar")
    mediates = _talks("Qatar mediated the talks.", 1, actors=(qatar,))
    guarantees = _talks("Qatar is one of the guarantors.", 2, actors=(qatar,))
    for events in ([mediates, guarantees], [guarantees, mediates]):
        assert [m.role for m in project(P, events).mediators] == ["mediator"]


def _read_roles(text: str) -> list[tuple[str, str]]:
    states = project_tables(extract_events(Snippet(text=text)))["negotiations"].values()
    return sorted((m.name, m.role) for state in states for m in state.mediators)


def test_roles_read_from_the_text() -> None:
    # A body that says it mediated is a mediator as well as the speaker.
    said = "The International Committee of the Red Cross says it mediated between the two sides."
    assert ("International Committee of the Red Cross", "mediator") in _read_roles(
        "Portugal and Spain freed 20 prisoners on Friday. " + said
    )
    # "X-led process" names its mediator; a "-led coalition" is a side, not a mediator.
    assert ("European Union", "mediator") in _read_roles(
        "Portuguese and Spanish envoys held talks within the EU-led Brussels process."
    )
    # "in partnership with" makes a co-facilitator.
    assert ("African Union", "facilitator") in _read_roles(
        "Portuguese and Spanish envoys held talks in Geneva in partnership with the African Union."
    )
    # ... also when the cue is quoted.
    assert ("African Union", "facilitator") in _read_roles(
        "Portuguese and Spanish envoys held talks in Geneva \u201cin partnership\u201d with "
        "the African Union."
    )
    # An apposition names a titled person's role: their country is no side, and a former
    # president who is the UN mediator mediates for the UN, not for Italy (state/mediators11).
    text = (
        "Portugal and Spain held talks in Geneva. Former Italian president Marco Vell, "
        "the UN mediator, opened the session."
    )
    states = project_tables(extract_events(Snippet(text=text)))["negotiations"].values()
    assert [s.process for s in states] == ["ES--PT"]
    assert _read_roles(text) == [("United Nations", "mediator")]


def test_a_role_word_after_a_bracketed_acronym_and_help_given_are_roles() -> None:
    assert ("International Committee of the Red Cross", "mediator") in _read_roles(
        "Portugal and Spain granted the International Committee of the Red Cross (ICRC) an "
        "intermediary role at the talks."
    )
    assert ("African Union", "facilitator") in _read_roles(
        "Portugal and Spain freed 20 prisoners each with the help of the African Union."
    )


def test_a_country_named_beside_its_hostages_is_no_host() -> None:
    text = (
        "Portugal released three Spanish hostages on Saturday in exchange for 40 prisoners "
        "freed by Spain."
    )
    states = project_tables(extract_events(Snippet(text=text)))["negotiations"].values()
    assert [s.process for s in states] == ["ES--PT"]
    assert _read_roles(text) == []


def _roles_of(text: str) -> tuple[list[str], dict[str, str]]:
    """Parties and third parties (name -> role) of every process a one-sentence snippet makes."""
    states = project_tables(extract_events(Snippet(text=text, published_at=FRI)))["negotiations"]
    parties = sorted({p.name for st in states.values() for p in st.parties})
    third = {m.name: m.role for st in states.values() for m in (*st.mediators, *st.hosts)}
    return parties, third


def _assert_roles(text: str, parties: list[str] | None, third: dict[str, str]) -> None:
    """The sides (when given) and third parties read from one sentence; never both at once."""
    found_parties, found_third = _roles_of(text)
    if parties is not None:
        assert found_parties == parties
    assert found_third == third
    assert not set(found_parties) & set(found_third)


@pytest.mark.parametrize(
    ("text", "parties", "third"),
    [
        # a relative clause tells the mediator; the sides after "between" are not mediators
        (
            "Qatar, which has mediated between Chile and Peru, said 40 prisoners were freed.",
            None,
            {"Qatar": "mediator"},
        ),
        # a cue in another clause does not reach the speaker
        ("The deal was reached with Qatari mediation, Chile said.", None, {"Qatar": "mediator"}),
        # conjoined agents share the cue, before or after them
        (
            "Chile and Peru met in Lima on Thursday, in talks brokered by Brazil and Argentina.",
            ["Chile", "Peru"],
            {"Argentina": "mediator", "Brazil": "mediator"},
        ),
        (
            "Brazil and Argentina, the co-mediators, said Chile and Peru would meet again.",
            ["Chile", "Peru"],
            {"Argentina": "mediator", "Brazil": "mediator"},
        ),
        (
            "The United Nations and the African Union co-chaired the talks between Chile and "
            "Peru in Nairobi.",
            ["Chile", "Peru"],
            {"African Union": "mediator", "United Nations": "mediator"},
        ),
        # a guarantor's cue does not reach the sides of "talks between", nor the clause of "said"
        # (the sides framed by "between" key the process: the guarantors are no parties)
        (
            "Norway and Cuba, which act as guarantors, said the talks between Chile and Peru "
            "would resume.",
            ["Chile", "Peru"],
            {"Cuba": "guarantor", "Norway": "guarantor"},
        ),
        (
            "Talks between Chile and Peru resumed in Oslo on Thursday, with Norway as facilitator.",
            ["Chile", "Peru"],
            {"Norway": "facilitator"},
        ),
        # more ways to name the one who mediates or oversees
        (
            "Chile and Peru resumed talks in Lima on Monday under the aegis of the African Union.",
            ["Chile", "Peru"],
            {"African Union": "mediator"},
        ),
        (
            "Chile and Peru, meeting in Geneva under UN auspices, agreed to a truce.",
            ["Chile", "Peru"],
            {"United Nations": "mediator", "Switzerland": "host"},
        ),
        (
            "The deal between Chile and Peru was reached in talks led by Norway.",
            ["Chile", "Peru"],
            {"Norway": "mediator"},
        ),
        (
            "The ICRC, which acted as a neutral intermediary, oversaw the release of 40 "
            "detainees by Chile and Peru.",
            ["Chile", "Peru"],
            {"International Committee of the Red Cross": "mediator"},
        ),
        (
            "The Red Cross said it would facilitate the release of 40 prisoners held by Chile "
            "and Peru.",
            ["Chile", "Peru"],
            {"International Committee of the Red Cross": "mediator"},
        ),
        # a body that flies or carries the freed runs the exchange; one that only counts them
        # does not
        (
            "Red Cross planes carried 202 Peruvian prisoners home on Sunday, completing the "
            "exchange with Chile.",
            ["Chile", "Peru"],
            {"International Committee of the Red Cross": "facilitator"},
        ),
        ("Chile freed 40 Peruvian prisoners on Sunday, the ICRC said.", ["Chile", "Peru"], {}),
        # a guarantor named beside one side only is never a party, and is listed as guarantor
        (
            "Norway, a guarantor of the process, said Chile had freed 12 fishermen.",
            ["Chile"],
            {"Norway": "guarantor"},
        ),
    ],
)
def test_roles_of_third_parties_and_sides(
    text: str, parties: list[str] | None, third: dict[str, str]
) -> None:
    _assert_roles(text, parties, third)


@pytest.mark.parametrize(
    ("text", "parties", "third"),
    [
        # cues that name their agent next: good offices, chairmanship, a mediation team
        (
            "Chile and Peru met on Monday thanks to the good offices of Switzerland.",
            ["Chile", "Peru"],
            {"Switzerland": "mediator"},
        ),
        (
            "Talks between Chile and Peru were held under the chairmanship of Italy.",
            ["Chile", "Peru"],
            {"Italy": "mediator"},
        ),
        (
            "The panel, chaired by the African Union, said Chile and Peru would meet again.",
            ["Chile", "Peru"],
            {"African Union": "mediator"},
        ),
        (
            "The mediation team led by Canada met Chile and Peru on Friday.",
            ["Chile", "Peru"],
            {"Canada": "mediator"},
        ),
        # ... and never a name before them
        (
            "The talks between Chile and Peru, facilitated by Brazil, ended on Friday.",
            ["Chile", "Peru"],
            {"Brazil": "facilitator"},
        ),
        # a role the name takes on: "acted as", "served as", "played the role of"
        (
            "Uruguay acted as a go-between for Chile and Peru.",
            ["Chile", "Peru"],
            {"Uruguay": "mediator"},
        ),
        (
            "Norway served as a mediator between Chile and Peru on Friday.",
            ["Chile", "Peru"],
            {"Norway": "mediator"},
        ),
        (
            "Brazil has acted as host to the talks between Chile and Peru.",
            ["Chile", "Peru"],
            {"Brazil": "host"},
        ),
        ("Chile acted as a spoiler, Peru said.", None, {}),
        # a state named by its titled envoy or minister in a relative clause
        (
            "Spain's foreign minister, who mediated the talks, said Chile and Peru had shown "
            "flexibility.",
            ["Chile", "Peru"],
            {"Spain": "mediator"},
        ),
        (
            "Germany, which convened the talks, said Chile and Peru had agreed.",
            ["Chile", "Peru"],
            {"Germany": "mediator"},
        ),
        # ... but a side's own minister who chaired the talks with the other side is no mediator
        (
            "Chile's foreign minister, who chaired the talks with Peru, said progress was made.",
            None,
            {},
        ),
        # a body's High Representative speaks for a mediating body
        (
            "The African Union's High Representative said Chile and Peru would meet again.",
            ["Chile", "Peru"],
            {"African Union": "mediator"},
        ),
        # "for" before a name: the one served; a host cue after it still counts
        (
            "Chile thanked Peru for its support, a spokesman said.",
            None,
            {},
        ),
        (
            "The ministers asked for Brazil to host the talks between Chile and Peru.",
            ["Chile", "Peru"],
            {"Brazil": "host"},
        ),
        # a hyphened cue is its own word's role, not a name's near it
        (
            "Chile and Peru met in Swiss-hosted talks on Monday.",
            ["Chile", "Peru"],
            {"Switzerland": "host"},
        ),
        # ... nor of the names of a pair just before it
        (
            "Chile and Peru open Brazil-facilitated talks on Monday.",
            ["Chile", "Peru"],
            {"Brazil": "mediator"},
        ),
        # near miss: the pair's own verb after it still gives them the role
        (
            "Chile and Peru co-hosted talks between Bolivia and Paraguay.",
            ["Bolivia", "Paraguay"],
            {"Chile": "host", "Peru": "host"},
        ),
        # a conjoined pair before "co-hosted by" is not the host
        (
            "The talks between Chile and Peru were co-hosted by Brazil and Argentina.",
            ["Chile", "Peru"],
            {"Argentina": "host", "Brazil": "host"},
        ),
        # a state named by a demonym and a title in a relative clause; not a side's own
        (
            "The Norwegian foreign minister, who chaired the talks, said Chile and Peru had "
            "agreed.",
            ["Chile", "Peru"],
            {"Norway": "mediator"},
        ),
        (
            "The Chilean foreign minister, who chaired the talks with Peru, said progress was "
            "made.",
            None,
            {},
        ),
        # the relative clause's own subject is the mediator, not the name before it
        (
            "Chile and Peru, which Brazil has mediated between, met.",
            ["Chile", "Peru"],
            {"Brazil": "mediator"},
        ),
        # the sides named inside a speaker's relative clause stay sides (the clause is not
        # the speaker)
        (
            "Mexico's envoy, who chaired the talks between Chile and Peru, said progress had "
            "been made.",
            ["Chile", "Peru"],
            {"Mexico": "mediator"},
        ),
        (
            "The African Union's High Representative, who shuttled between Chile and Peru, said "
            "talks would resume.",
            ["Chile", "Peru"],
            {"African Union": "mediator"},
        ),
        # witnesses of a signing are observers; the signers are not
        (
            "Chile and Peru signed the accord, witnessed by Brazil and the United Nations.",
            ["Chile", "Peru"],
            {"Brazil": "observer", "United Nations": "observer"},
        ),
        (
            "Chile and Peru signed the deal in the presence of the African Union.",
            ["Chile", "Peru"],
            {"African Union": "observer"},
        ),
    ],
)
def test_more_ways_to_name_a_third_party(
    text: str, parties: list[str] | None, third: dict[str, str]
) -> None:
    _assert_roles(text, parties, third)


@pytest.mark.parametrize(
    ("text", "third", "role"),
    [
        # a regional body named in full: not read as the state of a word inside its name
        (
            "Chile and Peru held talks in Quito on Monday, with two observers from the "
            "Organization of American States.",
            "Organization of American States",
            "observer",
        ),
        # observing, as a participle after the name
        (
            "Chile and Peru met in Quito on Monday, with OSCE officers observing.",
            "Organization for Security and Co-operation in Europe",
            "observer",
        ),
        # a lay community that facilitates talks is a body of its own
        (
            "The Community of Sant'Egidio, which co-facilitates the talks, said Chile and Peru "
            "met in Rome on Monday.",
            "Community of Sant'Egidio",
            "facilitator",
        ),
    ],
)
def test_third_parties_named_by_their_body_take_their_role(
    text: str, third: str, role: str
) -> None:
    published = datetime(2031, 6, 4, 12, tzinfo=UTC)
    tables = project_tables(extract_events(Snippet(text=text, published_at=published)))
    (state,) = tables["negotiations"].values()
    roles = {m.name: m.role for m in (*state.mediators, *state.hosts)}
    assert roles.get(third) == role
    assert "United States" not in roles


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru agreed to exchange 150 prisoners each, with the International Committee "
        "of the Red Cross handling the transfer.",
        "Chile and Peru freed 80 prisoners each under the supervision of the Red Cross.",
    ],
)
def test_a_body_that_handles_or_supervises_a_release_facilitates_it(text: str) -> None:
    published = datetime(2031, 6, 4, 12, tzinfo=UTC)
    tables = project_tables(extract_events(Snippet(text=text, published_at=published)))
    (state,) = tables["negotiations"].values()
    roles = {m.name: m.role for m in state.mediators}
    # a third party either way; the reading's own cue ("supervision") may make it a mediator
    assert roles.get("International Committee of the Red Cross") in ("facilitator", "mediator")


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, Chile and Peru each released 40 prisoners at the border bridge, with the "
        "ICRC acting as neutral intermediary.",
        "Chile freed 40 Peruvian prisoners through the International Committee of the Red Cross "
        "on Sunday.",
        "Peru released 40 Chilean fishermen on Sunday, handing them to Red Cross staff at the "
        "border.",
    ],
)
def test_a_body_that_carries_a_release_between_the_sides_facilitates_it(text: str) -> None:
    _assert_roles(
        text, ["Chile", "Peru"], {"International Committee of the Red Cross": "facilitator"}
    )


def test_a_body_that_only_tells_a_release_takes_no_role() -> None:
    # near miss: the body as the source of the news
    _assert_roles(
        "Chile freed 40 Peruvian prisoners on Sunday, according to the ICRC.", ["Chile", "Peru"], {}
    )


@pytest.mark.parametrize(
    ("city", "host"),
    [
        ("Honiara", "Solomon Islands"),
        ("São Tomé", "São Tomé and Príncipe"),
        ("Apia", "Samoa"),
        ("Port Vila", "Vanuatu"),
    ],
)
def test_a_small_states_capital_makes_it_the_host(city: str, host: str) -> None:
    # the gazetteer holds every member state of the United Nations and its capital
    _, third = _roles_of(f"Chile and Peru held talks in {city} on Thursday.")
    assert third == {host: "host"}
