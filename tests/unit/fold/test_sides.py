"""Sides of a process: one party per side however it is named; who sent a delegation; where talks
moved (issue 14, part 3). Invented sentences."""

from datetime import UTC, datetime
from itertools import permutations

from schemas.events import Actor
from schemas.snippet import Snippet
from streams.core.fold.folds import project_tables
from streams.core.fold.negotiations import project
from streams.core.read.extract import extract_events
from tests.factories import make_event

P = "SD--SD-RSF"
FRI = datetime(2031, 3, 7, 18, tzinfo=UTC)


def _said(n: int, *actors: Actor) -> object:
    return make_event(
        "statement", snippet=f"s-{n}", start=n * 100, process=P, text="They spoke.", actors=actors
    )


def _side(name: str, kind: str = "state") -> Actor:
    return Actor(name=name, country="SD", kind=kind, role="party")  # type: ignore[arg-type]


def test_a_state_and_its_army_are_one_side_named_as_most_reports_name_it_in_any_order() -> None:
    army = _side("Sudanese Armed Forces", "armed_group")
    rsf = Actor(name="Rapid Support Forces", country="SD", kind="armed_group", role="party")
    events = [_said(1, _side("Sudan"), rsf), _said(2, army), _said(3, army, rsf)]
    seen = set()
    for order in permutations(events):
        state = project(P, order)
        seen.add(state.model_dump_json())
        assert [(p.name, p.kind, p.mentions) for p in state.parties] == [
            ("Rapid Support Forces", "armed_group", 2),
            ("Sudanese Armed Forces", "armed_group", 3),
        ]
        (government,) = [p for p in state.parties if p.name.startswith("Sudanese")]
        assert government.names == {"Sudan": 1, "Sudanese Armed Forces": 2}
    assert len(seen) == 1
    # Named by the state more often, the side takes the state's name.
    state = project(P, [_said(1, _side("Sudan")), _said(2, _side("Sudan")), _said(3, army)])
    assert [(p.name, p.kind) for p in state.parties] == [("Sudan", "state")]


def test_the_one_group_of_a_process_named_by_its_acronym_and_its_names_is_one_side() -> None:
    # "the ECA" in one snippet, "the Andean Commune Army" and "the Army of the Andean Commune"
    # (names of other languages) in others: the process BO--ECA has one group, so one party.
    process = "BO--ECA"

    def group(n: int, name: str, key: str = process) -> object:
        actor = Actor(name=name, kind="armed_group", role="party")
        return make_event(
            "statement",
            snippet=f"g-{n}",
            start=n * 100,
            process=key,
            text="They spoke.",
            actors=(actor,),
        )

    events = [
        group(1, "Andean Commune Army"),
        group(2, "ECA"),
        group(3, "ECA"),
        group(4, "Army of the Andean Commune"),
    ]
    seen = set()
    for order in permutations(events):
        state = project(process, order)
        seen.add(state.model_dump_json())
        assert [(p.name, p.mentions) for p in state.parties] == [("ECA", 4)]
    assert len(seen) == 1
    # near miss: two groups named in full, the key's acronym never used, stay two parties
    state = project(process, [group(1, "Andean Commune Army"), group(4, "River Front")])
    assert [p.name for p in state.parties] == ["Andean Commune Army", "River Front"]
    # near miss: a process of two groups does not join them
    two = project(
        "ECA--RF", [group(1, "Andean Commune Army", "ECA--RF"), group(2, "ECA", "ECA--RF")]
    )
    assert [p.name for p in two.parties] == ["Andean Commune Army", "ECA"]


def test_a_side_named_as_host_under_its_other_name_is_no_host() -> None:
    host = Actor(name="Sudan", country="SD", role="host")
    state = project(P, [_said(1, _side("Sudanese Armed Forces", "armed_group")), _said(2, host)])
    assert state.mediators == ()


def _rows(text: str) -> list[tuple[str, str | None]]:
    states = project_tables(extract_events(Snippet(text=text, published_at=FRI)))["negotiations"]
    return [(key, r.venue) for key, st in states.items() for r in st.rounds]


def test_delegations_from_two_states_are_sent_by_them_not_places() -> None:
    assert _rows("Delegations from Chile and Peru met in Tacna on Thursday.") == [
        ("CL--PE", "Tacna")
    ]
    # people of a place are not sent by it: only the second name is a side
    assert _rows("Refugees from Chile and Peru met in Tacna on Thursday.") == [("PE", "Tacna")]


def test_talks_moved_to_a_town_are_held_there() -> None:
    assert _rows("The delegations of Chile and Peru moved the talks to Quito on Thursday.") == [
        ("CL--PE", "Quito")
    ]
    assert _rows("The talks between Chile and Peru shifted to Quito on Thursday.") == [
        ("CL--PE", "Quito")
    ]
    # travelling there is no meeting
    assert _rows("The Chilean delegation travelled to Quito on Thursday for talks with Peru.") == []
