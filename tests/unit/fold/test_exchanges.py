"""Exchanges that add up: the rules of streams/core/fold/measures.py, on invented sentences."""

from datetime import UTC, date, datetime

from schemas.events import Actor, Quantity
from streams.core.fold.negotiations import project
from tests.factories import make_event, on_day

P = "XA--XB"
SIDES = (
    Actor(name="Atlantis", country="XA", role="party"),
    Actor(name="Borduria", country="XB", role="party"),
)


def _swap(text: str, n: int, count: int | None, day: int = 10, **fields: object) -> object:
    quantities = (Quantity(value=count, unit="prisoners", text=f"{count} prisoners"),)
    return make_event(
        "prisoner_exchange",
        snippet=f"s-{n}",
        process=P,
        text=text,
        quantities=quantities if count is not None else (),
        published=datetime(2031, 5, day, 18, tzinfo=UTC),
        **fields,
    )


def test_n_each_and_the_total_of_the_same_day_are_one_swap_with_its_sides() -> None:
    each = _swap("Each side freed 157 prisoners on Friday.", 1, 157, actors=SIDES)
    total = _swap("Atlantis and Borduria exchanged 314 prisoners.", 2, 314)
    state = project(P, [each, total])
    (swap,) = state.measures
    assert (swap.count, swap.status) == (314, "done")
    assert state.prisoners_exchanged == 314
    assert state.prisoners_exchanged_by_side == {"Atlantis": 157, "Borduria": 157}


def test_a_rate_is_not_the_size_of_a_swap() -> None:
    rate = _swap("The group freed 30 prisoners for each hostage released.", 1, 30)
    (swap,) = project(P, [rate]).measures
    assert swap.count is None
    # a rate states the terms of a deal: no swap done of its own
    assert swap.status == "agreed"


def test_n_for_m_counts_both_sides() -> None:
    uneven = _swap("Borduria freed 13 detainees for one pilot held by Atlantis.", 1, 13)
    (swap,) = project(P, [uneven]).measures
    assert swap.count == 14


def test_bodies_returned_are_not_prisoners_exchanged() -> None:
    bodies = _swap("The sides handed over the bodies of 40 fallen soldiers.", 1, 40)
    state = project(P, [bodies])
    assert [m.kind for m in state.measures] == ["bodies returned"]
    assert state.prisoners_exchanged == 0


def test_a_running_total_is_its_own_measure_and_not_a_swap() -> None:
    swap = _swap("Atlantis and Borduria exchanged a total of 120 prisoners on Friday.", 1, 120)
    to_date = _swap(
        "In all, the mediator said it has now helped free 2,400 prisoners since the war began.",
        2,
        2400,
    )
    state = project(P, [swap, to_date])
    assert sorted((m.kind, m.count) for m in state.measures) == [
        ("prisoner exchange", 120),
        ("releases to date", 2400),
    ]
    assert state.prisoners_exchanged == 120


def test_releases_of_very_different_sizes_on_nearby_days_are_two() -> None:
    soldiers = _swap("The rebels freed 125 soldiers on Thursday.", 1, 125)
    wounded = _swap("Separately, 14 wounded were released on Monday.", 2, 14, day=7)
    lead = _swap("More than 100 prisoners were freed this week.", 3, 100)
    state = project(P, [soldiers, wounded, lead])
    assert sorted(m.count for m in state.measures) == [14, 125]
    assert state.prisoners_exchanged == 139


def test_people_added_to_a_swap_are_not_a_swap_of_their_own() -> None:
    total = _swap("Atlantis and Borduria exchanged a total of 500 prisoners on Friday.", 1, 500)
    added = _swap("Borduria also handed over another 30 wounded soldiers.", 2, 30)
    (swap,) = project(P, [total, added]).measures
    assert swap.count == 500


def test_an_agreed_swap_later_done_is_one_exchange_and_only_then_counted() -> None:
    agreed = _swap(
        "The sides agreed to exchange 60 prisoners next week.",
        1,
        60,
        day=3,
        date=on_day(date(2031, 5, 3)),
    )
    assert project(P, [agreed]).prisoners_exchanged == 0
    done = _swap("The prisoners were freed at the border on Saturday.", 2, None, day=10)
    state = project(P, [agreed, done])
    (swap,) = state.measures
    assert (swap.count, swap.status) == (60, "done")
    assert state.prisoners_exchanged == 60


def test_a_halted_release_is_not_done() -> None:
    halted = _swap("The release of 25 prisoners was halted at the last minute.", 1, 25)
    state = project(P, [halted])
    assert [m.status for m in state.measures] == ["collapsed"]
    assert state.prisoners_exchanged == 0


def test_n_in_return_for_m_gives_each_side_its_count() -> None:
    agreed = make_event(
        "prisoner_exchange",
        snippet="s-1",
        process="XA--XB",
        text="In return for two soldiers, Atlantis will release 30 prisoners to Borduria.",
        quantities=(Quantity(value=30, unit="prisoners", text="30 prisoners"),),
        actors=(
            Actor(name="Atlantis", country="XA", role="party", mention="Atlantis"),
            Actor(name="Borduria", country="XB", role="party", mention="Borduria"),
        ),
        published=datetime(2031, 5, 3, tzinfo=UTC),
    )
    (swap,) = project(P, [agreed]).measures
    assert swap.count == 32
    assert swap.count_by_side == {"Atlantis": 30, "Borduria": 2}


def test_n_of_a_kind_each_is_a_swap_of_twice_n_split_evenly() -> None:
    each = _swap("The sides swapped 150 wounded prisoners each on Saturday.", 1, 150, actors=SIDES)
    (swap,) = project(P, [each]).measures
    assert (swap.count, swap.each, swap.count_by_side) == (
        300,
        150,
        {"Atlantis": 150, "Borduria": 150},
    )


def test_an_uneven_swap_has_no_count_each() -> None:
    uneven = _swap(
        "Atlantis released 90 prisoners in exchange for 3 soldiers held by Borduria.",
        1,
        90,
        actors=(
            Actor(name="Atlantis", country="XA", role="party", mention="Atlantis"),
            Actor(name="Borduria", country="XB", role="party", mention="Borduria"),
        ),
    )
    (swap,) = project(P, [uneven]).measures
    assert swap.count == 93
    assert swap.each is None


def test_a_total_since_the_truce_began_is_a_running_total_told_once() -> None:
    counted = _swap("Since the truce took effect, 393 prisoners have been freed.", 1, 393)
    uncounted = _swap("Since the truce took effect, prisoners have been freed.", 2, None)
    state = project(P, [counted, uncounted])
    assert [(m.kind, m.count) for m in state.measures] == [("releases to date", 393)]
    # Told once, and the process's tally: the people exchanged so far.
    assert state.prisoners_exchanged == 393


def test_an_exchange_called_off_is_shown_as_collapsed_even_when_read_as_negated() -> None:
    halted = _swap("A third exchange was halted after new accusations.", 1, None)
    halted = halted.model_copy(update={"modality": "negated"})  # type: ignore[attr-defined]
    state = project(P, [halted])
    assert [(m.kind, m.status) for m in state.measures] == [("prisoner exchange", "collapsed")]
