"""Exchanges that add up (issue 14): a swap's bare total, figures after "handed over", rates
and pairs, "each freeing N", denied and unrealised releases, deals reached; invented sentences."""

from schemas.snippet import Snippet
from schemas.state import Measure, NegotiationState
from streams.core.read.extract import extract_events
from tests.factories import state_from_snippets

SWAP = "prisoner exchange"


_state = state_from_snippets


def _swaps(state: NegotiationState) -> list[Measure]:
    return [m for m in state.measures if m.kind == SWAP]


def test_a_bare_total_in_all_is_the_swap_it_tells_not_a_running_total() -> None:
    state = _state(
        "BO--PE",
        (
            "2033-03-12",
            "Thirty Bolivian soldiers held by Peru came home on Saturday. In return, Bolivia "
            "released 30 Peruvian detainees. The handover took place at a bridge near Villa "
            "Cota, and 60 people in all were exchanged.",
        ),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("done", 60)]
    assert state.prisoners_exchanged == 60


def test_a_total_in_all_in_the_perfect_is_a_running_total() -> None:
    state = _state(
        "BO--PE",
        ("2033-03-12", "Bolivia and Peru swapped 30 prisoners on Saturday."),
        ("2033-03-13", "In all, 900 prisoners have been released by Bolivia and Peru."),
    )
    assert sorted((m.kind, m.count) for m in state.measures) == [
        (SWAP, 30),
        ("releases to date", 900),
    ]
    assert state.prisoners_exchanged == 30


def test_handed_over_n_is_an_exact_count_not_a_bound() -> None:
    state = _state("BO--PE", ("2033-04-08", "Peru handed over 16 Bolivian prisoners on Friday."))
    (swap,) = _swaps(state)
    assert (swap.status, swap.count, swap.count_hedged) == ("done", 16, False)
    # A verb that takes no particle keeps "over" as a bound.
    bound = _state("BO--PE", ("2033-04-08", "Peru freed over 16 Bolivian prisoners on Friday."))
    assert [(m.count, m.count_hedged) for m in _swaps(bound)] == [(16, True)]


def test_a_date_in_the_first_clause_does_not_part_a_group_after_a_semicolon() -> None:
    state = _state(
        "CL--PE",
        (
            "2033-04-26",
            "Peru handed over 16 Chilean prisoners and the bodies of nine soldiers on Tuesday; "
            "Chile returned 16 Peruvian prisoners in exchange.",
        ),
    )
    (swap,) = _swaps(state)
    assert (swap.count, swap.count_by_side) == (32, {"Chile": 16, "Peru": 16})
    assert state.prisoners_exchanged == 32


def test_n_for_m_is_read_with_no_other_figure_between() -> None:
    state = _state(
        "BO--PE",
        (
            "2033-08-31",
            "Bolivia and Peru swapped 40 detainees on Thursday, 20 for 20, bringing to 310 the "
            "number of prisoners exchanged since the conflict began.",
        ),
    )
    (swap,) = _swaps(state)
    assert (swap.count, swap.count_by_side) == (40, {"Bolivia": 20, "Peru": 20})
    assert state.prisoners_exchanged == 40


def test_each_freeing_n_is_twice_n() -> None:
    state = _state(
        "BO--PE",
        (
            "2033-10-13",
            "Bolivia and Peru completed the exchange on Thursday, each freeing 25 prisoners at "
            "a river crossing.",
        ),
    )
    assert [(m.count, m.count_by_side) for m in _swaps(state)] == [
        (50, {"Bolivia": 25, "Peru": 25})
    ]


def test_a_release_inside_a_denial_is_none() -> None:
    state = _state(
        "BO--PE",
        (
            "2033-04-12",
            "Peru's defence ministry denied a report in a weekly magazine that 15 Bolivian "
            "prisoners had been freed in a secret deal.",
        ),
        ("2033-04-20", "Bolivia and Peru exchanged 18 prisoners each on Wednesday."),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("done", 36)]
    assert state.prisoners_exchanged == 36
    # A release told before a denial of something else is told.
    paid = _state(
        "BO--PE",
        ("2033-04-20", "Peru freed 30 Bolivian prisoners on Monday but denied that it had paid."),
    )
    assert [(m.status, m.count) for m in _swaps(paid)] == [("done", 30)]


def test_people_who_were_to_have_been_exchanged_were_not() -> None:
    state = _state(
        "BO--PE",
        ("2033-08-06", "Bolivia and Peru agreed on Friday to swap 100 prisoners each."),
        (
            "2033-08-15",
            "By early afternoon the buses had turned back, carrying the 200 men who were to "
            "have been exchanged at the bridge on Tuesday.",
        ),
    )
    assert all(m.status != "done" for m in _swaps(state))
    assert state.prisoners_exchanged == 0


def test_a_deal_reached_to_exchange_later_is_agreed() -> None:
    state = _state(
        "BO--PE",
        (
            "2033-09-19",
            "Bolivia and Peru agreed on Monday to exchange 70 prisoners each next month, the "
            "mediator said.",
        ),
    )
    assert [(m.status, m.count) for m in _swaps(state)] == [("agreed", 140)]
    # Hoped for, not reached: announced only.
    hoped = _state(
        "BO--PE",
        ("2033-09-19", "Bolivia and Peru may exchange 70 prisoners each next month."),
    )
    assert all(m.status != "agreed" for m in _swaps(hoped))


def test_a_release_in_return_for_others_is_not_all_one_sides() -> None:
    state = _state(
        "PE",
        (
            "2033-08-22",
            "Peru's government released 25 rebel prisoners on Monday in return for three "
            "soldiers the rebels had held since May.",
        ),
    )
    (swap,) = _swaps(state)
    assert swap.count == 28
    assert swap.count_by_side != {"Peru": 28}


def test_each_sides_outlet_tells_its_half_and_the_halves_make_the_swap() -> None:
    state = _state(
        "CL--PE",
        (
            "2033-05-08",
            "Twenty-five Chilean sailors held by Peru returned home on Sunday after an exchange "
            "at the port of Ilo Viejo.",
        ),
        ("2033-05-08", "Chile said on Sunday it had freed 25 Peruvian fishermen in the same swap."),
    )
    assert [(m.status, m.count, m.count_by_side) for m in _swaps(state)] == [
        ("done", 50, {"Chile": 25, "Peru": 25})
    ]
    assert state.prisoners_exchanged == 50


def test_n_for_n_splits_between_the_two_sides_named_even_if_one_is_only_mentioned() -> None:
    from streams.core.fold.measures import _by_side

    text = "Ecuador and Colombia swapped 40 detainees on Thursday, 20 for 20."
    (event,) = [
        e
        for e in extract_events(Snippet(id="x", text=text, published_at="2033-09-01T18:00:00Z"))
        if e.type == "prisoner_exchange"
    ]
    assert _by_side(event, 40) == {"Colombia": 20, "Ecuador": 20}


def test_people_freed_named_by_their_affiliation_are_a_release_and_counted() -> None:
    from streams.core.read.extract import extract_events as read

    def exchange_counts(text: str) -> list[int | None]:
        events = read(Snippet(id="x", text=text, published_at="2033-03-14T18:00:00Z"))
        return [q.value for e in events if e.type == "prisoner_exchange" for q in e.quantities] or (
            [None] if any(e.type == "prisoner_exchange" for e in events) else []
        )

    assert exchange_counts(
        "In return, the government released 40 members of the armed group held at a camp."
    ) == [40]
    assert exchange_counts("In the exchange, 48 individuals were handed over to the group.") == [48]
    # Members of a parliament or a board freed from a pledge are no captives.
    assert exchange_counts("The speaker released 12 members of parliament from the vote.") == []


def test_a_side_that_returned_n_prisoners_freed_them() -> None:
    state = _state(
        "BO--PE",
        ("2033-06-12", "Peru returned 48 Bolivian prisoners on Sunday."),
        ("2033-06-12", "Bolivia freed 48 Peruvian soldiers on Sunday in the same exchange."),
    )
    assert [(m.count, m.count_by_side) for m in _swaps(state)] == [
        (96, {"Bolivia": 48, "Peru": 48})
    ]
    # People who returned home freed no one: the side that held them did.
    home = _state(
        "BO--PE",
        ("2033-06-12", "Forty Peruvian soldiers held by Bolivia returned home on Sunday."),
    )
    assert [m.count_by_side for m in _swaps(home)] == [{"Bolivia": 40}]


def test_people_handed_over_to_a_side_were_freed_by_the_other() -> None:
    state = _state(
        "BO--PE",
        (
            "2033-05-08",
            "Thirty Peruvian prisoners were handed over to Peru at the border on Sunday, "
            "Bolivian officials said.",
        ),
        ("2033-05-08", "Peru freed 30 Bolivian soldiers on Sunday."),
    )
    assert [(m.count, m.count_by_side) for m in _swaps(state)] == [
        (60, {"Bolivia": 30, "Peru": 30})
    ]
    assert state.prisoners_exchanged == 60
