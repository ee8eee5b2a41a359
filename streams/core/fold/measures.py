"""Measures (accords and exchanges): merged across reports, with their stage and counts."""

from datetime import datetime

from schemas.events import Event
from schemas.state import (
    Evidence,
    Measure,
    MeasureStatus,
    Round,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.citations import EVIDENCE_LIMIT, earliest, report_order
from streams.core.fold.clusterkit import (
    Window,
    first_n,
    hull,
    merged_date,
    merged_names,
    overlaps,
)
from streams.core.fold.foldkit import EPOCH, HELD
from streams.core.fold.rounds import SNIPPET_LIMIT, past_window, round_window

MEASURE_LIMIT = 60

_PRISONER_UNITS = ("prisoners", "captured", "people")

# Stages of a measure, least to most advanced.
_STAGES: tuple[MeasureStatus, ...] = ("announced", "agreed", "done")


def _order_text(event: Event) -> str:
    return f"{(event.published_at or EPOCH).isoformat()}|{event.id}"


def measure_kind(event: Event) -> str | None:
    if event.type == "prisoner_exchange":
        return "prisoner exchange"
    return cues.measure_kind(event.sentence.text)


def _prisoners(event: Event) -> int | None:
    for q in event.quantities:
        if q.unit in _PRISONER_UNITS:
            value = q.value if q.value is not None else q.low
            if value is not None:
                return value
    return None


def _stage(event: Event, kind: str) -> MeasureStatus:
    text = event.sentence.text
    if collapse(event):
        return "collapsed"
    if event.modality not in HELD:
        return "announced"
    if cues.has("done", text):
        return "done"
    if kind == "prisoner exchange" and event.type == "prisoner_exchange":
        # An exchange reported in the past tense is one that took place, unless it is a deal.
        return "agreed" if cues.has("completed", text) else "done"
    return "agreed"


def measure_window(m: Measure) -> Window | None:
    if m.window_start is None or m.window_end is None:
        return None
    return (m.window_start, m.window_end)


def _measure_status(stages: dict[str, int], latest: MeasureStatus) -> MeasureStatus:
    if latest == "collapsed":
        return "collapsed"
    reached: list[MeasureStatus] = [s for s in _STAGES if stages.get(s)]
    return reached[-1] if reached else "collapsed"


def new_measure(event: Event, kind: str, cite: Evidence) -> Measure:
    window = past_window(event)
    stage = _stage(event, kind)
    return Measure(
        kind=kind,
        status=_measure_status({stage: 1}, stage),
        stages={stage: 1},
        latest_stage=stage,
        latest_key=_order_text(event),
        count=_prisoners(event) if kind == "prisoner exchange" else None,
        date=event.date,
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        evidence=(cite,),
        snippets=(event.snippet_id,),
        corroboration=1,
    )


def same_measure(a: Measure, b: Measure) -> bool:
    return (
        a.kind == b.kind
        # A report without a count is not assumed to be of any counted exchange.
        and a.count == b.count
        and overlaps(measure_window(a), measure_window(b), 1)
    )


def merge_measures(a: Measure, b: Measure) -> Measure:
    stages = {k: a.stages.get(k, 0) + b.stages.get(k, 0) for k in sorted({*a.stages, *b.stages})}
    later = a if a.latest_key >= b.latest_key else b
    window = hull(measure_window(a), measure_window(b))
    snippets = merged_names(a.snippets, b.snippets, SNIPPET_LIMIT)
    counts = [c for c in (a.count, b.count) if c is not None]
    return Measure(
        kind=a.kind,
        status=_measure_status(stages, later.latest_stage),
        stages=stages,
        latest_stage=later.latest_stage,
        latest_key=later.latest_key,
        count=max(counts) if counts else None,
        date=merged_date(a.date, b.date),
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        evidence=earliest(a.evidence, b.evidence, EVIDENCE_LIMIT),
        snippets=snippets,
        corroboration=max(a.corroboration, b.corroboration, len(snippets)),
    )


def measure_order(m: Measure) -> tuple[str, datetime, str]:
    first = m.evidence[0]
    return (m.date.start.isoformat() if m.date else "", first.published_at or EPOCH, first.event_id)


def prisoners_exchanged(measures: tuple[Measure, ...]) -> int:
    return sum(
        m.count or 0 for m in measures if m.kind == "prisoner exchange" and m.status == "done"
    )


def with_outcomes(rounds: tuple[Round, ...], measures: tuple[Measure, ...]) -> tuple[Round, ...]:
    """Outcomes of each round: reports of accords and exchanges in a snippet that also reports
    the round, on overlapping days. A function of the rounds and measures, not of arrival order.
    """
    by_snippet: dict[str, list[Measure]] = {}
    for m in measures:
        for snippet in m.snippets:
            by_snippet.setdefault(snippet, []).append(m)
    updated = []
    for r in rounds:
        window = round_window(r)
        found = [
            e
            for snippet in r.snippets
            for m in by_snippet.get(snippet, ())
            if overlaps(window, measure_window(m), 1)
            for e in m.evidence
            if e.snippet_id == snippet
        ]
        outcomes = first_n(found, report_order, EVIDENCE_LIMIT)
        updated.append(r if outcomes == r.outcomes else r.model_copy(update={"outcomes": outcomes}))
    return tuple(updated)


def collapse(event: Event) -> bool:
    return event.type in ("agreement", "talks") and (
        cues.collapse_subtype(event.subtype) or cues.has("collapse", event.sentence.text)
    )
