"""Incremental clustering of reports into facts: windows of days, merged dates, bounded lists.

A fact (a round of talks, an exchange) is the set of reports with the same label whose day
windows overlap. Each new report merges every cluster it overlaps. Lists inside a cluster keep
the first N items under a total order, which is independent of arrival order.

A list of clusters is bounded through its reports, never through the clusters themselves: a
cluster dropped by a cap could not absorb a later report that would have joined it, so the
result would depend on arrival order. `add_report` keeps the reports (the last N under a total
order of their own content, which merging never changes) and derives the clusters from them.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any, Generic, NamedTuple, TypeVar

from schemas.events import EventDate

T = TypeVar("T")


Window = tuple[date, date]


class Clustering(NamedTuple, Generic[T]):
    """How reports cluster: whether two join, how two merge, and the order clusters are kept in.

    `window`, when given, is a promise about `joins`: two items join only if their windows
    overlap within `slack` days (`overlaps`), so clustering asks `joins` only of those. A long
    list of reports then costs a comparison of dates per cluster, not a call of `joins`.
    """

    joins: Callable[[T, T], bool]
    merge: Callable[[T, T], T]
    order: Callable[[T], object]
    window: Callable[[T], Window | None] | None = None
    slack: int = 0


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "vague": 5}


def overlaps(a: Window | None, b: Window | None, slack: int = 0) -> bool:
    if a is None or b is None:
        return False
    pad = timedelta(days=slack)
    return a[0] <= b[1] + pad and b[0] <= a[1] + pad


def hull(a: Window | None, b: Window | None) -> Window | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


def merged_date(a: EventDate | None, b: EventDate | None) -> EventDate | None:
    """The most precise of two dates; equally precise dates give their span.

    Associative and commutative, so a fold gives the same date in any arrival order: the span's
    words are those of the earliest start (then the smallest text), and the key (start, text) of
    a merged date is the smaller of its parts' keys.
    """
    if a is None or b is None:
        return a or b
    rank_a, rank_b = _PRECISION_RANK[a.precision], _PRECISION_RANK[b.precision]
    if rank_a != rank_b:
        return a if rank_a < rank_b else b
    first = min(a, b, key=lambda d: (d.start, d.text))
    return EventDate(
        start=min(a.start, b.start),
        end=max(a.end, b.end),
        precision=a.precision,
        text=first.text,
    )


def first_n(items: Iterable[T], key: Callable[[T], object], limit: int) -> tuple[T, ...]:
    """The first `limit` distinct items under `key`, in that order.

    Of items with equal keys the one with the smallest repr stays, whatever came first.
    """
    unique: dict[object, T] = {}
    for item in items:
        k = key(item)
        if k not in unique or repr(item) < repr(unique[k]):
            unique[k] = item
    return tuple(unique[k] for k in sorted(unique))[:limit]  # type: ignore[type-var]


def merged_names(a: Iterable[str], b: Iterable[str], limit: int) -> tuple[str, ...]:
    return tuple(sorted({*a, *b}))[:limit]


def absorb(clusters: tuple[T, ...], new: T, rule: Clustering[T], limit: int) -> tuple[T, ...]:
    """Add one cluster: merge it with every cluster it joins, keep the `limit` last by order."""
    window = rule.window
    windows = [window(c) if window else None for c in clusters]
    joined, merged = _join(clusters, windows, new, rule, timedelta(days=rule.slack))
    kept = [cluster for i, cluster in enumerate(clusters) if i not in joined]
    result = sorted((*kept, merged), key=rule.order)  # type: ignore[arg-type]
    return tuple(result[-limit:])


def clusters_of(reports: tuple[T, ...], rule: Clustering[T]) -> tuple[T, ...]:
    """The clusters of reports given in their order: each absorbed in turn, none dropped.

    The same as `absorb` report by report (merged in the order of the clusters, the result
    placed after clusters of equal order, as a stable sort would), with each cluster's order
    computed once.
    """
    order, window = rule.order, rule.window
    pad = timedelta(days=rule.slack)
    keys: list[Any] = []
    clusters: list[T] = []
    windows: list[Window | None] = []
    for report in reports:
        joined, merged = _join(clusters, windows, report, rule, pad)
        for i in reversed(joined):
            del keys[i], clusters[i], windows[i]
        key = order(merged)
        at = bisect_right(keys, key)
        keys.insert(at, key)
        clusters.insert(at, merged)
        windows.insert(at, window(merged) if window else None)
    return tuple(clusters)


def _join(
    clusters: Sequence[T],
    windows: list[Window | None],
    new: T,
    rule: Clustering[T],
    pad: timedelta,
) -> tuple[list[int], T]:
    """The positions of the clusters `new` joins, in order, and `new` merged with them."""
    joined = [
        i for i in _candidates(windows, new, rule.window, pad) if rule.joins(clusters[i], new)
    ]
    merged = new
    for i in joined:
        merged = rule.merge(clusters[i], merged)
    return joined, merged


def _candidates(
    windows: list[Window | None],
    report: T,
    window: Callable[[T], Window | None] | None,
    pad: timedelta,
) -> Iterable[int]:
    """The positions of the clusters `report` may join, in order: those whose window overlaps
    the report's (every one when the rule gives no window)."""
    if window is None:
        return range(len(windows))
    own = window(report)
    if own is None:
        return ()
    first, last = own[0] - pad, own[1] + pad
    return [i for i, w in enumerate(windows) if w is not None and w[0] <= last and first <= w[1]]


def add_report(
    reports: tuple[T, ...], clusters: tuple[T, ...], new: T, rule: Clustering[T], limit: int
) -> tuple[tuple[T, ...], tuple[T, ...]]:
    """Add one report to a bounded list of reports and its clusters: (reports, clusters).

    `reports` holds the `limit` last reports under (order, repr), a total order of a report's
    own content, sorted: it is a function of the set of reports seen, whatever their arrival
    order (like `first_n`). `clusters` is always `clusters_of(reports)`, a function of `reports`:
    when the new report sorts last and none is dropped it is the old clusters absorbing it
    (exactly what `clusters_of` computes last), otherwise it is recomputed. A report equal to a
    kept one changes nothing. The same pair is returned when nothing changes.

    A state written before reports were kept has clusters and no reports: it goes on the old
    way (capped clusters, which depend on arrival order) until its tables are folded again.
    """
    if clusters and not reports:
        return reports, absorb(clusters, new, rule, limit)
    order = rule.order
    key = order(new)
    at = bisect_left(reports, key, key=order)  # type: ignore[call-overload]
    end = bisect_right(reports, key, key=order)  # type: ignore[call-overload]
    if at < end:
        # Reports of equal key (rare: one event, one report per list) go by their repr.
        if new in reports[at:end]:
            return reports, clusters
        text = repr(new)
        at += sum(1 for report in reports[at:end] if repr(report) < text)
    kept = (*reports[:at], new, *reports[at:])
    if len(kept) > limit:
        if at == 0:
            return reports, clusters  # the new report is the one the bound drops
        kept = kept[-limit:]
        return kept, clusters_of(kept, rule)
    if at == len(reports):
        return kept, absorb(clusters, new, rule, len(kept))
    return kept, clusters_of(kept, rule)
