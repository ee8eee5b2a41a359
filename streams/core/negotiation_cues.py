"""Cues of the negotiations fold, read from `streams/lexicon/issues.json`: pure text matching."""

import re
from datetime import UTC, date, datetime, timedelta
from functools import cache

from schemas.events import EventDate
from schemas.state import Evidence, NegotiationFact
from streams.core.lexicon import compile_words, load

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# An undated report speaks of something that happened on or shortly before its publication.
UNDATED_LOOKBACK = timedelta(days=7)
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "vague": 5}


@cache
def _pattern(name: str) -> re.Pattern[str]:
    patterns: list[str] = load("issues")[name]
    return compile_words(patterns)


@cache
def _issue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    issues: dict[str, list[str]] = load("issues")["issues"]
    return tuple((name, compile_words(patterns)) for name, patterns in sorted(issues.items()))


@cache
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    kinds: list[list[object]] = load("issues")["measure_kinds"]
    return tuple((str(name), compile_words(list(patterns))) for name, patterns in kinds)  # type: ignore[call-overload]


def has(cue: str, text: str) -> bool:
    """Whether the sentence carries a cue of the named list (sticking, stalled, collapse, ...)."""
    return _pattern(cue).search(text) is not None


def issues_in(text: str) -> tuple[str, ...]:
    return tuple(name for name, pattern in _issue_patterns() if pattern.search(text))


def measure_kind(text: str) -> str | None:
    for name, pattern in _kind_patterns():
        if pattern.search(text):
            return name
    return None


def settlement_kinds() -> frozenset[str]:
    return frozenset(load("issues")["settlement_kinds"])


def collapse_subtype(subtype: str | None) -> bool:
    return subtype is not None and subtype in load("issues")["collapse_subtypes"]


def key(fact: NegotiationFact) -> tuple[datetime, str]:
    """Event-time order: when it was reported, then the id; a late old report sorts early."""
    return (fact.published_at or EPOCH, fact.event_id)


def evidence(fact: NegotiationFact) -> Evidence:
    return Evidence(
        event_id=fact.event_id,
        snippet_id=fact.snippet_id,
        source=fact.source,
        published_at=fact.published_at,
        sentence=fact.sentence,
    )


def window(fact: NegotiationFact) -> tuple[date, date] | None:
    """The days the fact may refer to: its date, else the week before it was published."""
    if fact.date is not None:
        return (fact.date.start, fact.date.end)
    if fact.published_at is not None:
        day = fact.published_at.date()
        return (day - UNDATED_LOOKBACK, day)
    return None


def overlaps(a: tuple[date, date] | None, b: tuple[date, date] | None, slack: int = 0) -> bool:
    if a is None or b is None:
        return False
    pad = timedelta(days=slack)
    return a[0] <= b[1] + pad and b[0] <= a[1] + pad


def is_future(fact: NegotiationFact) -> bool:
    """Dated from its publication day on and running past it: it cannot have been held yet."""
    if fact.date is None or fact.published_at is None:
        return False
    day = fact.published_at.date()
    return fact.date.start >= day and fact.date.end > day


def merged_date(dates: list[EventDate]) -> EventDate | None:
    """The span of the most precise dates among a cluster's reports."""
    if not dates:
        return None
    best = min(_PRECISION_RANK[d.precision] for d in dates)
    precise = sorted((d for d in dates if _PRECISION_RANK[d.precision] == best), key=_date_order)
    return EventDate(
        start=min(d.start for d in precise),
        end=max(d.end for d in precise),
        precision=precise[0].precision,
        text=precise[0].text,
    )


def _date_order(d: EventDate) -> tuple[date, date, str]:
    return (d.start, d.end, d.text)


def precision_rank(d: EventDate | None) -> int:
    return _PRECISION_RANK[d.precision] + 1 if d is not None else len(_PRECISION_RANK) + 1
