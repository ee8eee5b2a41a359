"""Exchanges that add up within a process (issue 14, branch state/totals): one-way releases
counted by an occupation noun, people still held, releases only expected, a summary telling
releases of two days, running totals since a month, bodies named beside a swap, swaps that
"changed hands" or are "complete"; invented sentences."""

from dataclasses import dataclass
from datetime import UTC, datetime

from schemas.snippet import Snippet
from schemas.state import Measure, NegotiationState
from streams.core.fold.folds import project_tables
from streams.core.read.extract import extract_events
from tests.factories import placed

SWAP = "prisoner exchange"


@dataclass(frozen=True)
class _Folded:
    """Measures and people exchanged over every process the snippets fold into: which process
    a snippet keys to is not what these tests are about (as bench/exchange_stories.py scores)."""

    measures: tuple[Measure, ...]
    prisoners_exchanged: int


def _state(_process: str, *snippets: tuple[str, str]) -> _Folded:
    events = []
    for n, (day, text) in enumerate(snippets):
        published = datetime.fromisoformat(day).replace(hour=18, tzinfo=UTC)
        events += extract_events(Snippet(id=f"x-{n}", text=text, published_at=published))
    states = [
        st
        for st in project_tables(placed(events))["negotiations"].values()
        if isinstance(st, NegotiationState)
    ]
    return _Folded(
        tuple(m for st in states for m in st.measures), sum(st.prisoners_exchanged for st in states)
    )


def _swaps(state: _Folded) -> list[Measure]:
    return [m for m in state.measures if m.kind == SWAP]


def _done(state: _Folded) -> list[tuple[str, int | None]]:
    return sorted((str(m.window_start), m.count) for m in _swaps(state) if m.status == "done")


def test_a_one_way_release_is_counted_by_the_occupation_of_the_people_freed() -> None:
    for noun in ("farmers", "engineers", "supporters"):
        state = _state(
            "BO--PY",
            ("2034-02-15", f"Paraguay freed 14 Bolivian {noun} on Tuesday as a goodwill gesture."),
        )
        assert _done(state) == [("2034-02-14", 14)], noun
        assert state.prisoners_exchanged == 14


def test_people_a_side_still_holds_are_no_release() -> None:
    state = _state(
        "AR--UY",
        (
            "2034-04-09",
            "Uruguay and Argentina swapped 30 prisoners on Saturday, 15 from each side.",
        ),
        (
            "2034-04-10",
            "Argentina still holds more than 200 of our soldiers in its jails, he said.",
        ),
        ("2034-04-10", "More than 150 Uruguayan conscripts remain in Argentine prisons."),
    )
    assert _done(state) == [("2034-04-08", 30)]
    assert state.prisoners_exchanged == 30


def test_people_still_held_beside_a_release_told_keep_the_release() -> None:
    state = _state(
        "AR--UY",
        ("2034-04-10", "Argentina freed 12 Uruguayan soldiers on Sunday but still holds 200 more."),
    )
    assert [m.count for m in _swaps(state) if m.status == "done"] == [12]


def test_releases_only_expected_are_not_done() -> None:
    state = _state(
        "CL--PE",
        ("2034-06-18", "Peru and Chile exchanged 60 prisoners on Saturday, 30 from each side."),
        (
            "2034-06-19",
            "The Chilean envoy, Irene Valdes Mora, said she expected the 250 detainees Peru still "
            "counts to be freed in stages once the next exchange was done.",
        ),
    )
    assert _done(state) == [("2034-06-17", 60)]
    assert state.prisoners_exchanged == 60


def test_a_summary_counts_the_groups_of_its_first_day_not_a_later_release() -> None:
    state = _state(
        "BO--PY",
        (
            "2034-09-20",
            "Background: Twelve hostages and 120 detainees were exchanged on August 9, two bodies "
            "were returned, and Paraguay freed 20 more people on September 17.",
        ),
    )
    assert [m.count for m in _swaps(state) if m.status == "done"] == [132]


def test_groups_dated_by_the_whole_sentence_stay_one_swap() -> None:
    # A date only after the last group is the whole sentence's: one swap of both groups.
    state = _state(
        "BO--PY", ("2034-09-20", "Paraguay freed 50 detainees and 3 wounded soldiers on Friday.")
    )
    assert [m.count for m in _swaps(state) if m.status == "done"] == [53]


def test_a_total_since_a_month_told_with_this_weeks_release_is_a_running_total() -> None:
    state = _state(
        "CO--EC",
        ("2034-03-06", "Ecuador and Colombia exchanged 80 prisoners on Monday, 40 from each side."),
        (
            "2034-03-21",
            "Colombia released 10 Ecuadorian detainees on Monday. With the 10 freed this week, 90 "
            "people have been released by both sides since March.",
        ),
    )
    assert ("releases to date", 90) in [(m.kind, m.count) for m in state.measures]
    assert not [m for m in state.measures if m.kind == "exchange in all"]
    assert state.prisoners_exchanged == 90


def test_a_total_in_all_over_days_of_one_operation_stays_one_operation() -> None:
    state = _state(
        "CL--PE",
        ("2034-06-09", "In all, 300 prisoners were exchanged by Chile and Peru over three days."),
    )
    assert [m.kind for m in state.measures] == ["exchange in all"]


def test_bodies_named_beside_soldiers_swapped_leave_the_swap_its_count() -> None:
    state = _state(
        "BO--PE",
        (
            "2034-10-10",
            "Peru and Bolivia exchanged 25 soldiers for 25 Bolivian troops on Tuesday, and 7 "
            "bodies were handed back.",
        ),
    )
    assert [m.count for m in _swaps(state) if m.status == "done"] == [50]
    assert state.prisoners_exchanged == 50


def test_remains_alone_stay_bodies_returned() -> None:
    state = _state(
        "BO--PE",
        (
            "2034-10-10",
            "The remains of 7 soldiers and 3 civilians were returned to Bolivia on Tuesday.",
        ),
    )
    assert not [m for m in _swaps(state) if m.status == "done"]
    assert state.prisoners_exchanged == 0


def test_people_who_changed_hands_were_exchanged() -> None:
    state = _state(
        "CL--PE",
        ("2034-06-10", "Eighty prisoners changed hands at the Puente Chico bridge yesterday."),
    )
    assert _done(state) == [("2034-06-09", 80)]


def test_an_exchange_said_to_be_complete_is_done() -> None:
    state = _state(
        "GY--VE",
        (
            "2034-09-21",
            "The Red Cross says the exchange between Guyana and Venezuela is complete and that "
            "all 44 men are home.",
        ),
    )
    assert [m.count for m in _swaps(state) if m.status == "done"] == [44]


def test_a_deal_to_carry_out_the_suspended_exchange_is_agreed_not_collapsed() -> None:
    state = _state(
        "BO--PE",
        (
            "2034-04-08",
            "The two sides also agreed to carry out the suspended exchange of 30 prisoners each "
            "as soon as the lists are reconciled.",
        ),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("agreed", 60)]


def test_an_exchange_a_side_is_suspending_is_collapsed() -> None:
    state = _state(
        "BO--PE",
        (
            "2034-03-12",
            "Bolivia said on Thursday it was suspending a second exchange of 30 prisoners each "
            "until Peru explained the raid.",
        ),
    )
    assert "collapsed" in [m.status for m in _swaps(state)]


def test_a_release_only_expected_is_no_exchange() -> None:
    state = _state(
        "CL--PE",
        (
            "2034-06-19",
            "The Chilean envoy said she expected the 250 detainees to be freed in stages once the "
            "next exchange was done.",
        ),
    )
    assert _swaps(state) == []


def test_people_still_held_whose_release_is_demanded_are_no_release() -> None:
    state = _state(
        "AR--UY",
        (
            "2034-04-10",
            "The committee says Argentina still holds more than 300 of our comrades and demands "
            "their release.",
        ),
    )
    assert not [m for m in _swaps(state) if m.status == "done"]
    assert state.prisoners_exchanged == 0


def test_a_swap_told_by_one_side_counts_its_own_people_by_kin_words() -> None:
    state = _state(
        "AR--UY",
        (
            "2034-04-10",
            "Yesterday Uruguay handed over twelve captives in keeping with its word, and welcomed "
            "home one hundred and twenty of its brothers and sisters.",
        ),
    )
    assert [m.count for m in _swaps(state) if m.status == "done"] == [132]


def test_people_due_to_be_freed_are_not_freed() -> None:
    state = _state(
        "CL--PE",
        ("2034-05-02", "Forty Peruvian soldiers are due to be freed by Chile on Friday."),
    )
    assert not [m for m in _swaps(state) if m.status == "done"]


def test_a_release_then_a_deal_for_more_is_the_release_done() -> None:
    state = _state(
        "CL--PE",
        (
            "2034-05-02",
            "Peru and Chile exchanged 60 prisoners on Tuesday and agreed to swap 100 more next "
            "month.",
        ),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("done", 60)]
    assert state.prisoners_exchanged == 60


def test_a_deal_told_after_a_release_is_no_group_of_it() -> None:
    state = _state(
        "CL--PE",
        (
            "2034-05-02",
            "Peru and Chile exchanged 60 prisoners on Tuesday and agreed to free 100 more "
            "prisoners.",
        ),
    )
    assert state.prisoners_exchanged == 60


def test_lists_exchanged_before_a_deal_are_no_release() -> None:
    state = _state(
        "CL--PE",
        (
            "2034-05-02",
            "Peru and Chile exchanged lists of prisoners and agreed to swap 100 of them next "
            "month.",
        ),
    )
    assert state.prisoners_exchanged == 0


def test_groups_freed_told_with_their_rate_in_words_are_the_swap() -> None:
    state = _state(
        "PE",
        (
            "2034-05-02",
            "Peru freed 75 rebel prisoners and the rebels released 25 soldiers on Saturday, at a "
            "ratio of three for one.",
        ),
    )
    assert state.prisoners_exchanged == 100


def test_each_sides_release_told_in_one_snippet_undated_after_dated_is_one_swap() -> None:
    state = _state(
        "CL--PE",
        (
            "2034-06-14",
            "Forty-eight Peruvian soldiers held by Chile returned home on Saturday. In return, "
            "Peru released 48 Chilean detainees.",
        ),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("done", 96)]
    assert state.prisoners_exchanged == 96


def test_the_wounded_among_the_returned_are_the_swap_told_not_another() -> None:
    state = _state(
        "CL--PE",
        (
            "2034-06-14",
            "Peru and Chile exchanged 40 prisoners on Saturday. Four of the returned soldiers "
            "were wounded in captivity, the ministry said.",
        ),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("done", 40)]


def test_another_n_freed_is_a_part_of_a_swap_told_elsewhere() -> None:
    state = _state(
        "CL--PE",
        ("2034-06-14", "Peru freed another 20 Chilean prisoners on Tuesday."),
    )
    assert [m.count for m in _swaps(state)] == [None]


def test_a_release_done_after_a_halt_told_in_a_time_clause_is_done() -> None:
    state = _state(
        "CL--PE",
        (
            "2034-05-09",
            "Peru and Chile exchanged 60 prisoners on Monday, a week after the swap was halted.",
        ),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("done", 60)]


def test_a_release_counts_people_named_by_trade_or_standing() -> None:
    for noun in ("electricity company linemen", "valley residents"):
        state = _state(
            "BO--PY",
            (
                "2034-02-15",
                f"A day earlier, the rebels freed three {noun} they had held since December, "
                "in what they called a gesture of goodwill.",
            ),
        )
        assert [m.count for m in _swaps(state) if m.status == "done"] == [3], noun
