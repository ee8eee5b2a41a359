"""One-sided processes joined to their counterpart (streams/core/fold/counterparts.py, issue 14,
branch state/sides): invented stories in which a snippet names one side of a process ("Paraguay's
chief negotiator said her team had returned from the third round"), folded in any order, with
every event twice, and one event at a time; and the key table of which one-sided key joins which.

The stories are in `tests/data/one_sided_stories.json`; every word is invented.
"""

import json
import random
from pathlib import Path
from typing import Any

import pytest

from schemas.events import Event
from schemas.snippet import Snippet
from schemas.state import NegotiationState, Participant
from streams.core.fold import negotiations
from streams.core.fold.counterparts import (
    SEPARATOR,
    counterpart,
    join,
    joined_states,
    joins,
    mediated_candidates,
    mediated_counterpart,
    named_by_both,
    shown_in,
    sides,
    third_parties,
    with_counterparts,
)
from streams.core.read.extract import extract_events
from tests.factories import fold_stories, round_windows

STORIES = json.loads(
    (Path(__file__).parents[2] / "data" / "one_sided_stories.json").read_text("utf-8")
)


@pytest.mark.parametrize(
    ("key", "keys", "joined"),
    [
        ("CL", ["CL", "CL--PE"], "CL--PE"),
        ("PE", ["CL--PE", "PE"], "CL--PE"),
        # a group the story introduces, and a state facing it
        ("WPF", ["HN--WPF", "WPF"], "HN--WPF"),
        ("HN", ["HN", "HN--WPF"], "HN--WPF"),
        ("CO-ELN", ["CO--CO-ELN", "CO-ELN"], "CO--CO-ELN"),
        # near misses: two counterparts (whose round was it?), none, a code that only starts
        # like a side, a mediator or host (never a side: not a code of the key), two-sided keys
        # and the unassigned reports
        ("GH", ["BJ--GH", "GH", "GH--TG"], None),
        ("GH", ["GH"], None),
        ("CO", ["CO-ELN--VE", "CO"], None),
        ("NO", ["CL--PE", "NO"], None),
        ("CL--PE", ["CL--PE", "CL--PE--UY"], None),
        ("unassigned", ["CL--PE", "unassigned"], None),
    ],
)
def test_the_counterpart_of_a_key(key: str, keys: list[str], joined: str | None) -> None:
    assert counterpart(key, keys) == joined


def _views(records: list[dict[str, Any]]) -> list[dict[str, NegotiationState]]:
    """The story's view in its order, in three shuffled orders, and with every event twice."""
    return [
        with_counterparts(fold_stories(records)),
        *(with_counterparts(fold_stories(records, seed)) for seed in (1, 2, 3)),
        with_counterparts(fold_stories(records, 4, redelivered=True)),
    ]


def _swaps(state: NegotiationState) -> list[tuple[str, int | None]]:
    return [(m.status, m.count) for m in state.measures if m.kind == "prisoner exchange"]


@pytest.mark.parametrize("order", range(5))
def test_one_side_returning_from_a_round_is_that_round(order: int) -> None:
    raw = fold_stories(STORIES["state_pair"])
    # The tables keep what each snippet said: a side alone keys its own process...
    assert sorted(raw) == ["PY", "PY--UY", "UY"]
    # ... and the reader sees one process: one row of the round, the swap, the next round.
    view = _views(STORIES["state_pair"])[order]
    assert sorted(view) == ["PY--UY"]
    talks = view["PY--UY"]
    assert round_windows(talks) == [("Buenos Aires", "2032-02-02", "2032-02-05")]
    assert [p.name for p in talks.parties] == ["Paraguay", "Uruguay"]
    assert [(m.name, m.role) for m in talks.mediators] == [("Argentina", "host")]
    assert talks.prisoners_exchanged == 60
    assert ("done", 60) in _swaps(talks)
    assert talks.next_meeting is not None and talks.next_meeting.venue == "Buenos Aires"
    assert talks.event_count == sum(s.event_count for s in raw.values())


@pytest.mark.parametrize("order", range(5))
def test_a_side_with_two_counterparts_stays_apart(order: int) -> None:
    view = _views(STORIES["two_counterparts"])[order]
    assert sorted(view) == ["BJ--GH", "GH", "GH--TG"]
    assert round_windows(view["GH--TG"]) == [("Accra", "2032-05-03", "2032-05-03")]
    assert round_windows(view["BJ--GH"]) == [("Cotonou", "2032-05-10", "2032-05-10")]
    assert [p.name for p in view["GH"].parties] == ["Ghana"]


@pytest.mark.parametrize("order", range(5))
def test_each_side_of_a_government_and_a_group_alone(order: int) -> None:
    raw = fold_stories(STORIES["government_group"])
    assert sorted(raw) == ["HN", "HN--WPF", "WPF"]
    view = _views(STORIES["government_group"])[order]
    assert sorted(view) == ["HN--WPF"]
    process = view["HN--WPF"]
    # the army's negotiators back from Panama City are the same round, not a second row
    assert round_windows(process) == [("Panama City", "2032-08-02", "2032-08-06")]
    assert sorted(p.name for p in process.parties) == ["Honduras", "WPF"]
    assert sorted((m.name, m.role) for m in process.mediators) == [
        ("Mexico", "guarantor"),
        ("Spain", "guarantor"),
    ]
    # the group's release of 14 is the process's
    assert process.prisoners_exchanged == 14


def _events(records: list[dict[str, Any]]) -> list[Event]:
    return [
        e
        for r in records
        for e in extract_events(Snippet(id=r["id"], text=r["text"], published_at=r["published_at"]))
    ]


@pytest.mark.parametrize("story", ["state_pair", "government_group"])
def test_the_join_is_the_fold_of_both_under_the_two_sided_key(story: str) -> None:
    events = _events(STORIES[story])
    view = with_counterparts(negotiations.project_all(events))
    (key,) = (k for k in view if "--" in k)
    rekeyed = [e if e.process == key else e.model_copy(update={"process": key}) for e in events]
    folded = negotiations.project(key, rekeyed)
    joined = view[key]
    for field in (
        "rounds",
        "round_reports",
        "round_report_items",
        "planned",
        "measures",
        "measure_report_items",
        "prisoners_exchanged",
        "next_meeting",
        "hosts",
        "status",
        "event_count",
        "counts",
        "last_published_at",
        "recent",
        "issues",
    ):
        assert getattr(joined, field) == getattr(folded, field), field
    assert sorted(p.name for p in joined.parties) == sorted(p.name for p in folded.parties)
    assert sorted(m.name for m in joined.mediators) == sorted(m.name for m in folded.mediators)


@pytest.mark.parametrize("seed", range(3))
def test_one_event_at_a_time_is_all_at_once(seed: int) -> None:
    events = _events(STORIES["state_pair"] + STORIES["government_group"])
    random.Random(seed).shuffle(events)
    tables: dict[str, NegotiationState] = {}
    seen: set[str] = set()
    for event in events + events[:5]:  # some delivered twice: the worker's dedupe drops them
        if event.id in seen:
            continue
        seen.add(event.id)
        state = tables.get(event.process) or negotiations.initial(event.process)
        tables[event.process] = negotiations.evolve(state, event)
        with_counterparts(tables)  # a reader may look at any moment; the tables stay as they are
    assert with_counterparts(tables) == with_counterparts(negotiations.project_all(events))
    assert sorted(with_counterparts(tables)) == ["HN--WPF", "PY--UY"]


@pytest.mark.parametrize(
    ("text", "alone", "swaps"),
    [
        (
            "Uruguay's foreign minister, back from Buenos Aires, said on Thursday the talks "
            "had been frank.",
            "UY",
            [],
        ),
        (
            "Paraguayan negotiators said on Thursday the third round in Buenos Aires had closed "
            "without a deal.",
            "PY",
            [],
        ),
        (
            "Uruguayan officials said on Wednesday the talks in Buenos Aires were going well.",
            "UY",
            [],
        ),
        (
            "Uruguay said on Friday it had handed over 29 prisoners on Saturday under the deal.",
            "UY",
            [("done", 29)],
        ),
    ],
)
def test_one_side_told_alone_after_the_two_sides_met(
    text: str, alone: str, swaps: list[tuple[str, int]]
) -> None:
    records = [
        *STORIES["state_pair"][:2],
        {"id": "v-01", "published_at": "2032-02-05T12:00:00Z", "text": text},
    ]
    raw = fold_stories(records)
    assert sorted(raw) == sorted([alone, "PY--UY"])
    for seed in (None, 1, 2):
        view = with_counterparts(fold_stories(records, seed))
        assert sorted(view) == ["PY--UY"]
        # one row of the round whatever the side alone said, and its swap in the process
        assert len(view["PY--UY"].rounds) == 1
        assert view["PY--UY"].rounds[0].venue == "Buenos Aires"
        assert _swaps(view["PY--UY"]) == swaps


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # the host and a third state are no sides: their own keys stay apart
        ("Argentina said on Friday it was ready to host a fourth round of talks.", "AR"),
        ("Brazil said on Friday it would send a delegation to Buenos Aires.", "BR"),
    ],
)
def test_a_host_or_a_third_state_alone_is_not_joined(text: str, alone: str) -> None:
    records = [
        *STORIES["state_pair"][:2],
        {"id": "v-02", "published_at": "2032-02-05T12:00:00Z", "text": text},
    ]
    view = with_counterparts(fold_stories(records))
    assert sorted(view) == sorted([alone, "PY--UY"])
    assert [p.name for p in view["PY--UY"].parties] == ["Paraguay", "Uruguay"]


@pytest.mark.parametrize(
    ("key", "keys", "third", "into"),
    [
        # a side and the mediator of its process: inside that process
        ("GH--TD", ["GH--TD", "MUJ--TD", "TD"], {"MUJ--TD": {"GH"}}, "MUJ--TD"),
        ("AO--FRK", ["AO--FRK", "FRK--GA"], {"FRK--GA": {"AO"}}, "FRK--GA"),
        # near misses: the party serves no process with that side; two processes; no third party
        ("GH--TD", ["GH--TD", "MUJ--TD"], {"MUJ--TD": set()}, None),
        ("GH--TD", ["GH--TD", "MUJ--TD", "GH--ML"], {"GH--ML": {"GH"}}, None),
        ("GH--TD", ["GH--TD", "MUJ--TD", "NFL--TD"], {"MUJ--TD": {"GH"}, "NFL--TD": {"GH"}}, None),
        # a third party alone gathers what it says of any process: it stays apart
        ("FJ", ["FJ", "HUA--PG"], {"HUA--PG": {"FJ", "NZ"}}, None),
        ("TD", ["MUJ--TD", "TD"], {"MUJ--TD": {"GH"}}, None),
        # the third party is a side of the other process too: a side there, not a mediator
        ("GH--TD", ["GH--TD", "GH--TD--TG"], {"GH--TD--TG": {"GH"}}, None),
    ],
)
def test_a_side_keyed_with_a_third_party_belongs_to_the_process_that_party_serves(
    key: str, keys: list[str], third: dict[str, set[str]], into: str | None
) -> None:
    serves = {k: frozenset(codes) for k, codes in third.items()}
    assert mediated_counterpart(key, keys, serves) == into


# The joins alone (what the web's overview computes from its cards) ---------------------------


def _thirds(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(codes) for key, codes in table.items()}


@pytest.mark.parametrize(
    ("own_third", "found"),
    [
        # a side with the mediator of its process, then the side alone
        (
            {"GH--TD": set(), "MUJ--TD": {"GH"}, "TD": set()},
            [("GH--TD", "MUJ--TD"), ("TD", "MUJ--TD")],
        ),
        # the guarantor is named only by one side's own state: it still serves the process
        (
            {"AU--PY": set(), "PY": {"AU"}, "PY--UY": set()},
            [("AU--PY", "PY--UY"), ("PY", "PY--UY")],
        ),
        # a side with a host of two keys, one of them joined into the other: one process
        (
            {"CR--FL": set(), "FL--HN": {"CR", "PA"}, "FL--PA": {"CR"}, "FL": set()},
            [("FL--PA", "FL--HN"), ("CR--FL", "FL--HN"), ("FL", "FL--HN")],
        ),
        # two processes that stay apart are two candidates: the key stays apart
        ({"CR--FL": set(), "FL--HN": {"CR"}, "FL--PA": {"CR"}}, []),
        # a side with two counterparts stays apart; a third party alone stays apart
        ({"BJ--GH": set(), "GH": set(), "GH--TG": set()}, []),
        ({"CL--PE": {"NO"}, "NO": set()}, []),
        # nothing to join
        ({"CL--PE": set()}, []),
        ({}, []),
    ],
)
def test_the_joins_from_keys_and_third_parties(
    own_third: dict[str, set[str]], found: list[tuple[str, str]]
) -> None:
    assert joins(_thirds(own_third)) == found


def test_a_key_joined_into_a_joined_key_is_shown_in_the_last() -> None:
    assert shown_in([("GH", "GH--TD"), ("GH--TD", "MUJ--TD"), ("TD", "MUJ--TD")]) == {
        "GH": "MUJ--TD",
        "GH--TD": "MUJ--TD",
        "TD": "MUJ--TD",
    }
    assert shown_in([]) == {}


@pytest.mark.parametrize("story", ["state_pair", "government_group", "two_counterparts"])
def test_the_joins_applied_to_the_keys_they_name_give_the_full_view(story: str) -> None:
    """The web fetches only the states of processes that absorb others and of the keys they
    absorb: that subset, joined, is what the view of the whole table shows."""
    table = fold_stories(STORIES[story])
    found = joins({key: third_parties(state) for key, state in table.items()})
    named = {k for pair in found for k in pair}
    part = joined_states({k: table[k] for k in named}, found)
    view = with_counterparts(table)
    assert set(view) == set(table) - set(shown_in(found))
    for key, state in part.items():
        assert state == view[key]


def _joins_asking_every_key(own_third: dict[str, frozenset[str]]) -> list[tuple[str, str]]:
    """The joins as `with_counterparts` first found them, asking every key of the table about
    every key (the reference the indexed `joins` must equal)."""
    keys = sorted(own_third)
    third = {
        key: own_third[key].union(*(own_third.get(side, frozenset()) for side in sides(key)))
        for key in keys
    }

    shown, found = set(keys), []
    for key in keys:
        into = mediated_counterpart(key, keys, third)
        # two keys each the other's candidate: the one naming fewer other third parties joins;
        # with as many, the one whose second side more of the keys sharing a code with either
        # name a third party; with that even too, the first in key order
        if into is not None and key in mediated_candidates(into, keys, third):
            mine = len(own_third[key] - set(sides(into)))
            theirs = len(own_third[into] - set(sides(key)))
            if mine == theirs:
                codes = set(sides(key)) | set(sides(into))
                near = [k for k in keys if k not in (key, into) and codes & set(sides(k))]
                second, its = set(sides(key)) - set(sides(into)), set(sides(into)) - set(sides(key))
                mine = -sum(1 for k in near if (own_third[k] - set(sides(k))) & second)
                theirs = -sum(1 for k in near if (own_third[k] - set(sides(k))) & its)
            if (mine, key) > (theirs, into):
                into = None
        if into is not None and into in shown and key in shown:
            shown.discard(key)
            found.append((key, into))
    final = shown_in(found)
    for key in keys:
        candidates = mediated_candidates(key, keys, third)
        ends = {final.get(k, k) for k in candidates}
        if key in shown and len(candidates) > 1 and len(ends) == 1:
            into = ends.pop()
            if into != key and into in shown and final.get(into, into) == into:
                shown.discard(key)
                found.append((key, into))
    remaining = sorted(shown)
    for key in remaining:
        near = [k for k in remaining if len(sides(k)) > 1 and set(sides(key)) & set(sides(k))]
        into = counterpart(key, remaining)
        if into is None and len(sides(key)) == 1:
            into = named_by_both(key, near, own_third)
        if into is not None:
            found.append((key, into))
    return found


@pytest.mark.parametrize("seed", range(60))
def test_the_joins_asked_of_processes_sharing_a_side_are_the_joins_asked_of_all(
    seed: int,
) -> None:
    rng = random.Random(seed)
    codes = [f"Q{i}" for i in range(rng.choice([3, 6, 12, 30]))]
    table: dict[str, frozenset[str]] = {}
    for _ in range(rng.choice([4, 15, 50, 120])):
        key = SEPARATOR.join(sorted(rng.sample(codes, rng.choice([1, 2, 2, 2, 3]))))
        table[key] = frozenset(rng.sample(codes, rng.choice([0, 0, 1, 2])))
    assert joins(table) == _joins_asking_every_key(table)


def test_a_third_party_keyed_as_a_side_stays_the_processs_third_party_when_joined() -> None:
    # "CR--FL" (a side keyed with the host of its process) joined into "FL--HN": Costa Rica
    # is the process's mediator, never one of its parties
    costa_rica = Participant(name="Costa Rica", country="CR", role="mediator")
    state = NegotiationState(
        process="FL--HN",
        parties=(
            Participant(name="Honduras", country="HN", role="party"),
            Participant(name="FL", country="HN", kind="armed_group", role="party"),
        ),
        mediators=(costa_rica,),
    )
    part = NegotiationState(
        process="CR--FL",
        parties=(
            Participant(name="Costa Rica", country="CR", role="party"),
            Participant(name="FL", country="HN", kind="armed_group", role="party"),
        ),
    )
    joined = join(state, part)
    assert [p.name for p in joined.parties] == ["Honduras", "FL"]
    assert [m.name for m in joined.mediators] == ["Costa Rica"]
