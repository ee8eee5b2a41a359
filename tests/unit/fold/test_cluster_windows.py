"""A clustering's window promise: `joins` is asked only of clusters whose days overlap.

Rounds and measures give their windows (`Clustering.window`), so a long list of reports costs a
date comparison per cluster instead of a call of `joins`. The promise must change nothing: the
clusters are the same with it and without it, in any order of reports.
"""

import random
from datetime import date, timedelta

import pytest

from streams.core.fold.clusterkit import Clustering, Window, absorb, clusters_of, overlaps

Report = tuple[str, date, date]  # a label and the days it covers
DAY_ONE = date(2030, 1, 1)


def _window(report: Report) -> Window | None:
    return (report[1], report[2])


def _joins(a: Report, b: Report) -> bool:
    # A join needs the same label and days within one of each other: the window promise holds.
    return a[0] == b[0] and overlaps(_window(a), _window(b), 1)


def _merge(a: Report, b: Report) -> Report:
    return (a[0], min(a[1], b[1]), max(a[2], b[2]))


def _order(report: Report) -> tuple[date, str]:
    return (report[1], report[0])


PLAIN = Clustering(_joins, _merge, _order)
WINDOWED = Clustering(_joins, _merge, _order, _window, 1)


def _reports(rng: random.Random, count: int, days: int) -> list[Report]:
    out = []
    for _ in range(count):
        start = DAY_ONE + timedelta(days=rng.randrange(days))
        out.append((rng.choice("ab"), start, start + timedelta(days=rng.randrange(3))))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_the_window_promise_gives_the_same_clusters(seed: int) -> None:
    rng = random.Random(seed)
    reports = tuple(sorted(_reports(rng, 400, 200), key=_order))
    plain = clusters_of(reports, PLAIN)
    assert clusters_of(reports, WINDOWED) == plain
    # Reports merge: fewer clusters than reports, so the shortcut was really tested.
    assert len(plain) < len(reports) / 2


@pytest.mark.parametrize("seed", range(5))
def test_absorbing_one_report_with_the_promise_is_the_same(seed: int) -> None:
    rng = random.Random(100 + seed)
    clusters = clusters_of(tuple(sorted(_reports(rng, 200, 300), key=_order)), PLAIN)
    for new in _reports(rng, 20, 300):
        assert absorb(clusters, new, WINDOWED, 1_000) == absorb(clusters, new, PLAIN, 1_000)


def test_a_report_without_days_joins_nothing_under_the_promise() -> None:
    def no_days(report: Report) -> Window | None:
        return None if report[0] == "undated" else _window(report)

    rule = Clustering(_joins, _merge, _order, no_days, 1)
    day = DAY_ONE
    clusters = clusters_of((("a", day, day), ("a", day, day)), rule)
    assert clusters == (("a", day, day),)
    undated = ("undated", day, day)
    assert absorb(clusters, undated, rule, 10) == (("a", day, day), undated)
