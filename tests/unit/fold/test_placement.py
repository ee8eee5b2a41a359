"""Measures of snippets keyed to no process placed in their process (fold/placement.py, issue 14,
branch state/exchanges3): a snippet that names no side tells a swap; the view places it in the
process that alone shares its venue, people, a side's own head word, or its outlet, or in the only
two-sided process when it names nothing but "the two sides"; otherwise it stays unplaced, out of
every total. Folded in any order, with duplicates, the view is the same. Every word is invented.
"""

import random

import pytest

from schemas.events import UNASSIGNED
from schemas.snippet import Snippet
from schemas.state import NegotiationState
from streams.core.fold.counterparts import joined_tables, with_counterparts
from streams.core.fold.folds import project_tables
from streams.core.fold.placement import _outlet, _runs
from streams.core.read.extract import extract_events

AGREED = (
    "agr",
    "2036-03-02T09:00:00Z",
    "Ecuador and Peru agreed in Lisbon on Monday to exchange 20 prisoners each at the Ostrava "
    "ford, the mediator, Berit Solvang-Aune, said.",
    "Wire One",
)
DONE_AT_THE_FORD = (
    "ford",
    "2036-03-09T09:00:00Z",
    "Forty prisoners were exchanged at the Ostrava ford on Sunday, Berit Solvang-Aune said.",
    "Wire Two",
)
OTHER_PAIR = (
    "oth",
    "2036-03-03T09:00:00Z",
    "Bolivia and Paraguay exchanged 16 prisoners on Tuesday at the Marival post, eight from "
    "each side, the Red Cross said.",
    "Wire Three",
)


def _events(*snippets: tuple[str, str, str, str]) -> list:
    return [
        e
        for sid, day, text, source in snippets
        for e in extract_events(Snippet(id=sid, text=text, published_at=day, source=source))
    ]


def _view(events: list) -> dict[str, NegotiationState]:
    return with_counterparts(project_tables(events)["negotiations"])  # type: ignore[arg-type]


def _done(state: NegotiationState) -> list[int | None]:
    return sorted(
        (m.count for m in state.measures if m.kind == "prisoner exchange" and m.status == "done"),
        key=str,
    )


def test_the_snippet_that_names_no_side_is_keyed_apart() -> None:
    stored = project_tables(_events(AGREED, DONE_AT_THE_FORD))["negotiations"]
    assert set(stored) == {"EC--PE", UNASSIGNED}
    assert stored["EC--PE"].prisoners_exchanged == 0


def test_a_swap_told_by_its_venue_and_mediator_is_placed_in_its_process() -> None:
    view = _view(_events(AGREED, DONE_AT_THE_FORD, OTHER_PAIR))
    assert _done(view["EC--PE"]) == [40]
    assert view["EC--PE"].prisoners_exchanged == 40
    assert view["BO--PY"].prisoners_exchanged == 16
    assert not view[UNASSIGNED].measure_report_items


def test_placement_does_not_depend_on_order_or_duplicates() -> None:
    events = _events(AGREED, DONE_AT_THE_FORD, OTHER_PAIR)
    whole = _view(events)
    for seed in range(3):
        shuffled = list(events)
        random.Random(seed).shuffle(shuffled)
        shuffled += shuffled[:5]
        assert _view(shuffled) == whole
    # the snippet naming no side published first: placed alike
    early = ("ford", "2036-03-01T09:00:00Z", DONE_AT_THE_FORD[2], DONE_AT_THE_FORD[3])
    assert _view(_events(early, AGREED))["EC--PE"].prisoners_exchanged == 40


def test_a_name_two_processes_hold_places_nothing() -> None:
    shared = (
        "two",
        "2036-03-12T09:00:00Z",
        "The two sides exchanged 22 more prisoners on Sunday, the Red Cross said.",
        "Wire Four",
    )
    red_cross = (
        "agr2",
        "2036-03-02T09:00:00Z",
        "Ecuador and Peru exchanged 12 prisoners on Monday under the eyes of the Red Cross.",
        "Wire One",
    )
    view = _view(_events(red_cross, OTHER_PAIR, shared))
    assert view["EC--PE"].prisoners_exchanged == 12
    assert view["BO--PY"].prisoners_exchanged == 16
    # unplaced: kept and shown under no process, out of every total
    unplaced = view[UNASSIGNED]
    assert [m.snippets for m in unplaced.measure_report_items] == [("two",)]
    assert unplaced.prisoners_exchanged == 0 and not unplaced.measures


def test_the_sides_own_words_place_in_the_only_two_sided_process() -> None:
    both = (
        "bot",
        "2036-03-12T09:00:00Z",
        "Both parties handed over 26 prisoners at a checkpoint on Monday, according to a monitor.",
        "Wire Five",
    )
    assert _view(_events(AGREED, both))["EC--PE"].prisoners_exchanged == 26
    # ... and nowhere when two processes could have made it
    view = _view(_events(AGREED, OTHER_PAIR, both))
    assert view["EC--PE"].prisoners_exchanged == 0
    assert view["BO--PY"].prisoners_exchanged == 16


def test_a_sides_head_word_places_before_a_name_every_process_holds() -> None:
    talks = (
        "tlk",
        "2036-04-01T09:00:00Z",
        "Niger's government and the Tessal Unity Front (TUF) opened talks in Algiers on "
        "Wednesday, with the Red Cross present.",
        "Wire One",
    )
    front = (
        "frt",
        "2036-04-10T09:00:00Z",
        "The Front freed 14 soldiers on Friday in the presence of the Red Cross.",
        "Wire Six",
    )
    view = _view(_events(talks, OTHER_PAIR, front))
    (key,) = [k for k in view if "TUF" in k]
    assert _done(view[key]) == [14]
    assert view["BO--PY"].prisoners_exchanged == 16


def test_the_same_outlet_places_what_no_name_does() -> None:
    deal = (
        "dl",
        "2036-05-04T09:00:00Z",
        "Ecuador and Peru agreed on Monday to exchange 30 prisoners at a border post.",
        "https://www.radio-ndeme.example/news/1",
    )
    done = (
        "dn",
        "2036-05-12T09:00:00Z",
        "Thirty prisoners changed hands at the border post on Tuesday, 15 from each side.",
        "https://radio-ndeme.example/news/2",
    )
    other = (*OTHER_PAIR[:3], "https://other.example/a")
    view = _view(_events(deal, other, done))
    assert view["EC--PE"].prisoners_exchanged == 30


def test_the_joined_tables_place_alike() -> None:
    tables = project_tables(_events(AGREED, DONE_AT_THE_FORD))
    shown = joined_tables(tables)  # type: ignore[arg-type]
    assert shown["negotiations"]["EC--PE"].prisoners_exchanged == 40  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "opening", "names"),
    [
        ("Forty prisoners crossed the Ostrava ford on Sunday.", True, [{"Ostrava"}]),
        ("The Front freed 14 soldiers.", True, [{"Front"}]),
        ("Marta Lind-Osk said so.", True, [{"Marta Lind-Osk", "Lind-Osk"}]),
        (
            "the International Committee of the Red Cross met",
            False,
            [
                {
                    "International Committee of the Red Cross",
                    "Committee of the Red Cross",
                    "Red Cross",
                    "Cross",
                }
            ],
        ),
        ("VELMORA, 3 May — Ten ICRC-chartered buses left.", True, [{"Velmora"}, {"ICRC"}]),
        ("On Monday the Council met in March.", True, []),
    ],
)
def test_the_names_a_sentence_holds(text: str, opening: bool, names: list[set[str]]) -> None:
    assert [set(run) for run in _runs(text, opening)] == names


@pytest.mark.parametrize(
    ("source", "outlet"),
    [
        ("https://www.radio-ndeme.example/news/2", "radio-ndeme.example"),
        ("Radio Ndeme", "Radio Ndeme"),
        (None, None),
    ],
)
def test_a_source_given_as_an_address_is_its_site(source: str | None, outlet: str | None) -> None:
    assert _outlet(source) == outlet
