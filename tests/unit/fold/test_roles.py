"""Roles: a party is never its own process's host or mediator; a third-country venue is the host."""

from datetime import UTC, date, datetime

from schemas.events import Actor
from streams.core.fold.negotiations import project
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
