"""Incremental clustering of reports into facts: windows of days, merged dates, bounded lists.

A fact (a round of talks, an exchange) is the set of reports with the same label whose day
windows overlap. Each new report merges every cluster it overlaps, so the clusters are the
connected components of that relation whatever order the reports arrive in. Lists inside a
cluster keep the first N items under a total order, which is also independent of arrival order.
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TypeVar

from schemas.events import EventDate

T = TypeVar("T")
Window = tuple[date, date]

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


def absorb(
    clusters: tuple[T, ...],
    new: T,
    joins: Callable[[T, T], bool],
    merge: Callable[[T, T], T],
    order: Callable[[T], object],
    limit: int,
) -> tuple[T, ...]:
    """Add one cluster: merge it with every cluster it joins, keep the `limit` last by order."""
    merged = new
    kept: list[T] = []
    for cluster in clusters:
        if joins(cluster, new):
            merged = merge(cluster, merged)
        else:
            kept.append(cluster)
    result = sorted((*kept, merged), key=order)  # type: ignore[arg-type]
    return tuple(result[-limit:])
