"""Bounded lists and arrival order (issue 16, D5): thousands of items in random orders.

The flat helpers keep the first N under a total order of their content, so any order gives
the same list. Lists of merged clusters are bounded through their reports (`add_report`): the
last N reports under a total order of their own content, and the clusters computed from them,
so a cluster is never dropped while a later report could still join it.
"""

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from schemas.events import Event
from streams.core.fold.clusterkit import (
    Clustering,
    absorb,
    add_report,
    clusters_of,
    first_n,
    merged_names,
)
from streams.core.fold.measures import MEASURE_REPORT_LIMIT
from streams.core.fold.negotiations import project
from streams.core.fold.rounds import ROUND_REPORT_LIMIT
from tests.factories import make_event, on_day, place

SIZES = [200, 2_000, 5_000]


def _incremental_first_n(items: list[tuple[int, str]], limit: int) -> tuple[tuple[int, str], ...]:
    kept: tuple[tuple[int, str], ...] = ()
    for item in items:
        kept = first_n((*kept, item), lambda pair: pair[0], limit)
    return kept


@pytest.mark.parametrize("size", SIZES)
def test_flat_bounded_lists_ignore_arrival_order_at_any_size(size: int) -> None:
    rng = random.Random(size)
    items = [(rng.randrange(size // 2), f"v{rng.randrange(5)}") for _ in range(size)]
    names = [f"name-{rng.randrange(size)}" for _ in range(size)]
    results, name_results = set(), set()
    for _ in range(5):
        rng.shuffle(items)
        rng.shuffle(names)
        results.add(_incremental_first_n(items, 60))
        kept: tuple[str, ...] = ()
        for name in names:
            kept = merged_names(kept, (name,), 20)
        name_results.add(kept)
    assert len(results) == 1 and len(name_results) == 1


Span = tuple[int, int]


def _joins(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _merge(a: Span, b: Span) -> Span:
    return (min(a[0], b[0]), max(a[1], b[1]))


def _order(span: Span) -> Span:
    return span


RULE = Clustering(_joins, _merge, _order)


def _fold_clusters(spans: list[Span], limit: int) -> tuple[Span, ...]:
    reports: tuple[Span, ...] = ()
    clusters: tuple[Span, ...] = ()
    for span in spans:
        reports, clusters = add_report(reports, clusters, span, RULE, limit)
    assert clusters == clusters_of(reports, RULE)
    return clusters


def _spans(rng: random.Random, count: int, days: int, longest: int) -> list[Span]:
    starts = [rng.randrange(days) for _ in range(count)]
    return [(start, start + rng.randrange(1, longest)) for start in starts]


def _in_five_orders(rng: random.Random, spans: list, cap: int) -> set:
    """The clusters folded from the same spans in five shuffled orders."""
    results = set()
    for _ in range(5):
        rng.shuffle(spans)
        results.add(_fold_clusters(spans, cap))
    return results


def test_capped_clusters_ignore_arrival_order_beyond_the_cap() -> None:
    rng = random.Random(16)
    spans = _spans(rng, 3_000, 10_000, 8)
    results = _in_five_orders(rng, spans, 60)
    assert len(results) == 1
    # The clusters of the 60 last spans, merged: what the bound promises, whatever the order.
    kept = tuple(sorted(set(spans))[-60:])
    assert results == {clusters_of(kept, RULE)}


def test_capped_clusters_ignore_arrival_order_below_the_cap() -> None:
    rng = random.Random(7)
    spans = _spans(rng, 2_000, 300, 3)
    results = _in_five_orders(rng, spans, 1_000)
    assert len(results) == 1


def test_the_old_capped_absorb_did_depend_on_arrival_order() -> None:
    # Why clusters are not capped themselves: a dropped cluster cannot absorb a later report
    # that bridges it with a kept one. Kept (with `absorb`) for states written before D5.
    def fold(spans: list[Span]) -> tuple[Span, ...]:
        clusters: tuple[Span, ...] = ()
        for span in spans:
            clusters = absorb(clusters, span, RULE, 1)
        return clusters

    assert fold([(0, 1), (5, 6), (1, 5)]) != fold([(1, 5), (0, 1), (5, 6)])


def test_equal_reports_count_once_and_a_report_below_the_bound_changes_nothing() -> None:
    reports, clusters = add_report((), (), (5, 6), RULE, 2)
    again = add_report(reports, clusters, (5, 6), RULE, 2)
    assert again[0] is reports and again[1] is clusters
    reports, clusters = add_report(reports, clusters, (9, 9), RULE, 2)
    below = add_report(reports, clusters, (1, 2), RULE, 2)
    assert below[0] is reports and below[1] is clusters
    assert reports == ((5, 6), (9, 9))


def _one_process(count: int, seed: int) -> list[Event]:
    """`count` reports of one process: talks held in five towns, plans and exchanges, over two
    years, so far more reports than a list keeps and clusters that later reports bridge."""
    rng = random.Random(seed)
    towns = ("Geneva", "Istanbul", "Riyadh", "Doha", "Abu Dhabi")
    events: list[Event] = []
    for i in range(count):
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(730))
        published = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
            days=rng.randrange(3)
        )
        kind = rng.random()
        if kind < 0.5:
            town = rng.choice(towns)
            event = make_event(
                "talks",
                snippet=f"s-{i:05d}",
                venue=town,
                places=(place(town),),
                date=on_day(day),
                published=published,
            )
        elif kind < 0.6:
            event = make_event(
                "talks",
                snippet=f"s-{i:05d}",
                modality="planned",
                venue=rng.choice(towns),
                date=on_day(day + timedelta(days=10)),
                published=published,
            )
        else:
            event = make_event(
                "prisoner_exchange",
                snippet=f"s-{i:05d}",
                text=f"The sides exchanged {rng.choice((50, 100, 150))} prisoners.",
                date=on_day(day),
                published=published,
            )
        events.append(event)
    return events


def _report_key(event: Event) -> tuple[date, datetime, str]:
    return (event.date.start, event.published_at, event.id)  # type: ignore[attr-defined,return-value]


def test_thousands_of_reports_of_one_process_in_any_order_give_one_state() -> None:
    events = _one_process(3_000, 1)
    # Newest first is the cheapest order: once the lists are full, every report is dropped.
    newest_first = sorted(events, key=_report_key, reverse=True)
    expected = project("RU-UA", newest_first)
    # The bounds are reached, so this is the case that used to depend on arrival order.
    assert len(expected.round_report_items) == ROUND_REPORT_LIMIT
    assert len(expected.measure_report_items) == MEASURE_REPORT_LIMIT
    assert len(expected.planned_items) > 0 and len(expected.rounds) > 5
    rng = random.Random(16)
    for _ in range(2):
        shuffled = events[:]
        rng.shuffle(shuffled)
        assert project("RU-UA", shuffled).model_dump_json() == expected.model_dump_json()


def test_a_state_from_before_the_fix_goes_on_with_its_clusters() -> None:
    # Clusters and no reports: written before reports were kept; nothing is lost.
    reports, clusters = add_report((), ((0, 5),), (3, 9), RULE, 60)
    assert reports == () and clusters == ((0, 9),)
