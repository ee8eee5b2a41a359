"""The `negotiations` fold: evolve(state, event) -> state, and project(events).

Every part of the state is bounded and built incrementally, so one event costs the same however
long the process has run, and the value written to the changelog stays small:
- rounds and measures are clusters of reports (see clusterkit), capped in number;
- lists of evidence keep the earliest reports, lists of positions and events the latest;
- the status comes from the latest report of each kind, kept one per kind.
Each of these is a function of the set of events, not of their order, so a late, older report
never overrides a newer one. Duplicates are removed before the fold (foldkit.unique_events in the
core, the `folded_events` table in the worker).
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import cache

from schemas.events import Actor, Event, TalksEvent
from schemas.state import (
    DelegationHead,
    EventSummary,
    Evidence,
    Issue,
    Measure,
    MeasureStatus,
    NegotiationState,
    NextMeeting,
    Participant,
    Position,
    ProcessStatus,
    ProcessStatusValue,
    Round,
    StatusSignal,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.clusterkit import (
    Window,
    absorb,
    first_n,
    hull,
    merged_date,
    merged_names,
    overlaps,
)
from streams.core.fold.foldkit import EPOCH, HELD, bump, check_process, fold_all, fold_one
from streams.core.lexicon import load

RECENT_LIMIT = 10
ROUND_LIMIT = 60
MEASURE_LIMIT = 60
EVIDENCE_LIMIT = 3
PARTICIPANT_EVIDENCE_LIMIT = 2
SNIPPET_LIMIT = 20
HEAD_LIMIT = 10
POSITION_LIMIT = 5
# An undated report of a meeting speaks of the days just before it was published; an undated
# plan, of the days just after.
UNDATED_PAST = timedelta(days=2)
UNDATED_FUTURE = timedelta(days=7)
_PRISONER_UNITS = ("prisoners", "captured", "people")
# Stages of a measure, least to most advanced.
_STAGES: tuple[MeasureStatus, ...] = ("announced", "agreed", "done")
# Equally reported formats: the more telling wins (any envoy's presence reads as "mediated").
_FORMAT_PREFERENCE = ("trilateral", "bilateral", "phone", "mediated")
# When reports of different kinds are equally recent, the more decisive one wins.
_STATUS_PRIORITY: dict[str, int] = {
    "collapsed": 3,
    "agreement reached": 2,
    "stalled": 1,
    "active": 0,
}
_STATUS_RULES: dict[str, str] = {
    "collapsed": "the latest report on the process says talks or an accord collapsed or were "
    "suspended",
    "agreement reached": "the latest report on the process says an accord was reached",
    "stalled": "the latest report on the process says the talks are stalled",
    "active": "the latest report on the process is of a round of talks held",
}


def initial(process: str) -> NegotiationState:
    return NegotiationState(process=process)


# --- small pieces ---------------------------------------------------------------------------


def evidence(event: Event) -> Evidence:
    return Evidence(
        event_id=event.id,
        snippet_id=event.snippet_id,
        source=event.source,
        url=event.url,
        published_at=event.published_at,
        sentence=event.sentence.text,
    )


def report_order(item: Evidence) -> tuple[datetime, str, str]:
    """Event-time order: when it was reported, then where; a late, older report sorts early.

    One sentence read as several types (talks and statement) is one citation.
    """
    return (item.published_at or EPOCH, item.snippet_id, item.sentence)


def _order_text(event: Event) -> str:
    return f"{(event.published_at or EPOCH).isoformat()}|{event.id}"


def _earliest(a: Iterable[Evidence], b: Iterable[Evidence], limit: int) -> tuple[Evidence, ...]:
    return first_n((*a, *b), report_order, limit)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def _past_window(event: Event) -> Window | None:
    if event.date is not None:
        return (event.date.start, event.date.end)
    if event.published_at is not None:
        day = event.published_at.date()
        return (day - UNDATED_PAST, day)
    return None


def _future_window(event: Event) -> Window | None:
    if event.date is not None:
        return (event.date.start, event.date.end)
    if event.published_at is not None:
        day = event.published_at.date()
        return (day, day + UNDATED_FUTURE)
    return None


def _is_future(event: Event) -> bool:
    """Dated from its publication day on and running past it: it cannot have been held yet."""
    if event.date is None or event.published_at is None:
        return False
    day = event.published_at.date()
    return event.date.start >= day and event.date.end > day


def _is_meeting(event: Event) -> bool:
    # A sentence on the state of the talks ("deadlocked", "productive") is not a meeting.
    return event.type == "talks" and event.subtype != "status" and event.modality != "negated"


def is_held(event: Event) -> bool:
    return _is_meeting(event) and event.modality in HELD and not _is_future(event)


def is_planned(event: Event) -> bool:
    return _is_meeting(event) and (
        event.modality == "planned" or (event.modality in HELD and _is_future(event))
    )


@cache
def _state_names() -> dict[str, str]:
    """Country code -> canonical name of the state, from the actor lexicon."""
    actors: list[dict[str, str]] = load("actors")["actors"]
    return {
        a["country"]: a["name"] for a in actors if a.get("kind") == "state" and a.get("country")
    }


# --- parties and mediators ------------------------------------------------------------------


def _roles(actor: Actor) -> tuple[str, str] | None:
    """(name, role) this actor gives the process, if any."""
    if actor.kind == "person":
        # A person speaks or acts for a side and is not one; an envoy who mediates makes their
        # state a mediator.
        name = _state_names().get(actor.country or "")
        return (name, "mediator") if actor.role == "mediator" and name else None
    if actor.role in ("party", "mediator", "host"):
        return (actor.name, actor.role)
    return None


def _with_participant(
    items: tuple[Participant, ...], actor: Actor, name: str, role: str, cite: Evidence
) -> tuple[Participant, ...]:
    by_name = {p.name: p for p in items}
    old = by_name.get(name)
    if old is None:
        by_name[name] = Participant(
            name=name,
            country=actor.country,
            kind=actor.kind if actor.kind != "person" else "state",
            role=role,
            mentions=1,
            evidence=(cite,),
        )
    else:
        # A mediator also named as host stays a mediator: the stronger role wins.
        by_name[name] = old.model_copy(
            update={
                "role": "mediator" if "mediator" in (old.role, role) else old.role,
                "mentions": old.mentions + 1,
                "evidence": _earliest(old.evidence, (cite,), PARTICIPANT_EVIDENCE_LIMIT),
            }
        )
    return tuple(by_name[n] for n in sorted(by_name))


def _participants(
    state: NegotiationState, event: Event, cite: Evidence
) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    parties, mediators = state.parties, state.mediators
    named: set[tuple[str, str]] = set()
    for actor in event.actors:
        found = _roles(actor)
        if found is None or found in named:
            continue
        named.add(found)
        name, role = found
        if role == "party":
            parties = _with_participant(parties, actor, name, role, cite)
        else:
            mediators = _with_participant(mediators, actor, name, role, cite)
    return parties, mediators


# --- rounds ---------------------------------------------------------------------------------


def _possessor(actor: Actor, text: str) -> bool:
    """ "President Trump's envoy": the possessor names whom the envoy serves, not who met."""
    if not actor.mention:
        return False
    at = text.find(actor.mention)
    return at >= 0 and text.startswith(("'s", "\u2019s"), at + len(actor.mention))


def _heads(event: Event) -> tuple[DelegationHead, ...]:
    return tuple(
        DelegationHead(name=a.name, title=a.title, country=a.country)
        for a in event.actors
        if a.kind == "person"
        and a.title
        and cues.has("delegation_titles", a.title)
        and not _possessor(a, event.sentence.text)
    )


def _new_round(event: Event, window: Window | None, cite: Evidence) -> Round:
    fmt = event.format if isinstance(event, TalksEvent) else None
    return Round(
        venue=event.venue if isinstance(event, TalksEvent) else None,
        date=event.date,
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        format=fmt,
        formats={fmt: 1} if fmt else {},
        delegation_heads=first_n(_heads(event), lambda h: h.name, HEAD_LIMIT),
        evidence=(cite,),
        snippets=(event.snippet_id,),
        corroboration=1,
        reports=1,
        last_reported_at=event.published_at,
    )


def _round_window(item: Round) -> Window | None:
    if item.window_start is None or item.window_end is None:
        return None
    return (item.window_start, item.window_end)


def _venue_key(item: Round) -> str:
    return item.venue.casefold() if item.venue else ""


def _same_round(a: Round, b: Round) -> bool:
    return _venue_key(a) == _venue_key(b) and overlaps(_round_window(a), _round_window(b), 1)


def _merge_rounds(a: Round, b: Round) -> Round:
    formats = dict(
        sorted(
            {k: a.formats.get(k, 0) + b.formats.get(k, 0) for k in {*a.formats, *b.formats}}.items()
        )
    )
    window = hull(_round_window(a), _round_window(b))
    snippets = merged_names(a.snippets, b.snippets, SNIPPET_LIMIT)
    venues = sorted(v for v in (a.venue, b.venue) if v)
    return Round(
        venue=venues[0] if venues else None,
        date=merged_date(a.date, b.date),
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        format=min(formats, key=lambda f: (-formats[f], _FORMAT_PREFERENCE.index(f)))
        if formats
        else None,
        formats=formats,
        delegation_heads=first_n(
            (*a.delegation_heads, *b.delegation_heads), lambda h: h.name, HEAD_LIMIT
        ),
        evidence=_earliest(a.evidence, b.evidence, EVIDENCE_LIMIT),
        snippets=snippets,
        corroboration=max(a.corroboration, b.corroboration, len(snippets)),
        reports=a.reports + b.reports,
        last_reported_at=_latest(a.last_reported_at, b.last_reported_at),
    )


def _round_order(item: Round) -> tuple[str, datetime, str]:
    # Rounds are ordered by when they happened, else by when first reported; the id breaks ties.
    happened = item.date.start.isoformat() if item.date else ""
    first = item.evidence[0]
    return (happened, first.published_at or EPOCH, first.event_id)


def _add_round(rounds: tuple[Round, ...], new: Round) -> tuple[Round, ...]:
    return absorb(rounds, new, _same_round, _merge_rounds, _round_order, ROUND_LIMIT)


def _with_outcomes(rounds: tuple[Round, ...], measures: tuple[Measure, ...]) -> tuple[Round, ...]:
    """Outcomes of each round: reports of accords and exchanges in a snippet that also reports
    the round, on overlapping days. A function of the rounds and measures, not of arrival order.
    """
    by_snippet: dict[str, list[Measure]] = {}
    for m in measures:
        for snippet in m.snippets:
            by_snippet.setdefault(snippet, []).append(m)
    updated = []
    for r in rounds:
        window = _round_window(r)
        found = [
            e
            for snippet in r.snippets
            for m in by_snippet.get(snippet, ())
            if overlaps(window, _measure_window(m), 1)
            for e in m.evidence
            if e.snippet_id == snippet
        ]
        outcomes = first_n(found, report_order, EVIDENCE_LIMIT)
        updated.append(r if outcomes == r.outcomes else r.model_copy(update={"outcomes": outcomes}))
    return tuple(updated)


def _next_meeting(planned: tuple[Round, ...], now: datetime | None) -> NextMeeting | None:
    """The plan reported last that is not yet past, completed by plans of the same report."""
    today = now.date() if now else None
    current = [r for r in planned if today is None or r.window_end is None or r.window_end >= today]
    if not current:
        return None

    def rank(r: Round) -> tuple[datetime, int, int, str]:
        return (
            r.last_reported_at or EPOCH,
            r.venue is not None,
            r.date is not None and r.date.precision != "vague",
            r.evidence[0].event_id,
        )

    chosen = max(current, key=rank)
    # "talks will continue in the coming weeks ... likely in the United States": one meeting,
    # told in two sentences of the same report.
    same_report = [r for r in current if r is not chosen and set(r.snippets) & set(chosen.snippets)]
    venue = chosen.venue or next((r.venue for r in same_report if r.venue), None)
    date_ = chosen.date or next((r.date for r in same_report if r.date), None)
    fmt = chosen.format or next((r.format for r in same_report if r.format), None)
    cites = sorted(
        {e.event_id: e for r in (chosen, *same_report) for e in r.evidence}.values(),
        key=report_order,
        reverse=True,
    )
    return NextMeeting(
        date=date_,
        venue=venue,
        format=fmt,
        reported_at=chosen.last_reported_at,
        evidence=tuple(cites[:EVIDENCE_LIMIT]),
    )


# --- status ---------------------------------------------------------------------------------


def _collapse(event: Event) -> bool:
    return event.type in ("agreement", "talks") and (
        cues.collapse_subtype(event.subtype) or cues.has("collapse", event.sentence.text)
    )


def _measure_kind(event: Event) -> str | None:
    if event.type == "prisoner_exchange":
        return "prisoner exchange"
    return cues.measure_kind(event.sentence.text)


def _status_of(event: Event) -> ProcessStatusValue | None:
    text = event.sentence.text
    if _collapse(event) and event.modality != "negated":
        return "collapsed"
    if (
        event.type == "agreement"
        and event.modality in HELD
        and _measure_kind(event) in cues.settlement_kinds()
        and cues.has("completed", text)
    ):
        return "agreement reached"
    if event.type == "talks" and cues.has("stalled", text):
        return "stalled"
    if is_held(event):
        return "active"
    return None


def _signal_order(signal: StatusSignal) -> tuple[datetime, int, str]:
    e = signal.evidence
    return (e.published_at or EPOCH, _STATUS_PRIORITY[signal.status], e.event_id)


def _with_signal(
    signals: tuple[StatusSignal, ...], signal: StatusSignal
) -> tuple[StatusSignal, ...]:
    by_status = {s.status: s for s in signals}
    old = by_status.get(signal.status)
    if old is None or _signal_order(signal) > _signal_order(old):
        by_status[signal.status] = signal
    return tuple(sorted(by_status.values(), key=_signal_order, reverse=True))


def _status(signals: tuple[StatusSignal, ...]) -> ProcessStatus:
    if not signals:
        return ProcessStatus()
    latest = signals[0]
    return ProcessStatus(
        status=latest.status, rule=_STATUS_RULES[latest.status], evidence=latest.evidence
    )


# --- issues ---------------------------------------------------------------------------------


def _position_actors(event: Event) -> tuple[str, ...]:
    if event.quote and event.quote.speaker:
        return (event.quote.speaker,)
    speakers = sorted({a.name for a in event.actors if a.role == "speaker"})
    if speakers:
        return tuple(speakers)
    return tuple(sorted({a.name for a in event.actors if a.role == "party"}))


def _position_order(p: Position) -> tuple[datetime, str, str]:
    return report_order(p.evidence)


def _sentence_of(p: Position) -> tuple[str, str]:
    return (p.evidence.snippet_id, p.evidence.sentence)


def _merge_positions(a: Position, b: Position) -> Position:
    first = min(a, b, key=lambda p: p.evidence.event_id)
    return first.model_copy(
        update={
            "actors": merged_names(a.actors, b.actors, HEAD_LIMIT),
            "stance": a.stance or b.stance,
            "sticking": a.sticking or b.sticking,
        }
    )


def _with_positions(issues: tuple[Issue, ...], event: Event, cite: Evidence) -> tuple[Issue, ...]:
    if event.type not in ("talks", "statement"):
        return issues
    names = cues.issues_in(event.sentence.text)
    if not names:
        return issues
    sticking = cues.has("sticking", event.sentence.text)
    position = Position(
        actors=_position_actors(event),
        stance=event.subtype if event.type == "statement" else None,
        sticking=sticking,
        when=event.date.start if event.date else None,
        evidence=cite,
    )
    by_name = {i.issue: i for i in issues}
    for name in names:
        old = by_name.get(name) or Issue(issue=name)
        positions = {_sentence_of(p): p for p in old.positions}
        same = positions.get(_sentence_of(position))
        # One sentence read as talks and as a statement is one position, told by everyone.
        positions[_sentence_of(position)] = _merge_positions(same, position) if same else position
        kept = sorted(positions.values(), key=_position_order)[-POSITION_LIMIT:]
        by_name[name] = Issue(
            issue=name,
            sticking_point=old.sticking_point or sticking,
            mentions=old.mentions + 1,
            positions=tuple(kept),
        )
    return tuple(by_name[n] for n in sorted(by_name))


# --- measures -------------------------------------------------------------------------------


def _prisoners(event: Event) -> int | None:
    for q in event.quantities:
        if q.unit in _PRISONER_UNITS:
            value = q.value if q.value is not None else q.low
            if value is not None:
                return value
    return None


def _stage(event: Event, kind: str) -> MeasureStatus:
    text = event.sentence.text
    if _collapse(event):
        return "collapsed"
    if event.modality not in HELD:
        return "announced"
    if cues.has("done", text):
        return "done"
    if kind == "prisoner exchange" and event.type == "prisoner_exchange":
        # An exchange reported in the past tense is one that took place, unless it is a deal.
        return "agreed" if cues.has("completed", text) else "done"
    return "agreed"


def _measure_window(m: Measure) -> Window | None:
    if m.window_start is None or m.window_end is None:
        return None
    return (m.window_start, m.window_end)


def _measure_status(stages: dict[str, int], latest: MeasureStatus) -> MeasureStatus:
    if latest == "collapsed":
        return "collapsed"
    reached: list[MeasureStatus] = [s for s in _STAGES if stages.get(s)]
    return reached[-1] if reached else "collapsed"


def _new_measure(event: Event, kind: str, cite: Evidence) -> Measure:
    window = _past_window(event)
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


def _same_measure(a: Measure, b: Measure) -> bool:
    return (
        a.kind == b.kind
        # A report without a count is not assumed to be of any counted exchange.
        and a.count == b.count
        and overlaps(_measure_window(a), _measure_window(b), 1)
    )


def _merge_measures(a: Measure, b: Measure) -> Measure:
    stages = {k: a.stages.get(k, 0) + b.stages.get(k, 0) for k in sorted({*a.stages, *b.stages})}
    later = a if a.latest_key >= b.latest_key else b
    window = hull(_measure_window(a), _measure_window(b))
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
        evidence=_earliest(a.evidence, b.evidence, EVIDENCE_LIMIT),
        snippets=snippets,
        corroboration=max(a.corroboration, b.corroboration, len(snippets)),
    )


def _measure_order(m: Measure) -> tuple[str, datetime, str]:
    first = m.evidence[0]
    return (m.date.start.isoformat() if m.date else "", first.published_at or EPOCH, first.event_id)


def _prisoners_exchanged(measures: tuple[Measure, ...]) -> int:
    return sum(
        m.count or 0 for m in measures if m.kind == "prisoner exchange" and m.status == "done"
    )


# --- the fold -------------------------------------------------------------------------------


def _summary(event: Event) -> EventSummary:
    return EventSummary(
        event_id=event.id,
        type=event.type,
        subtype=event.subtype,
        modality=event.modality,
        snippet_id=event.snippet_id,
        source=event.source,
        published_at=event.published_at,
        sentence=event.sentence.text,
    )


def _recency(item: EventSummary) -> tuple[datetime, str]:
    return (item.published_at or EPOCH, item.event_id)


def evolve(state: NegotiationState, event: Event) -> NegotiationState:
    """Fold one new event into a process's state."""
    check_process(state.process, event)
    cite = evidence(event)
    parties, mediators = _participants(state, event, cite)
    update: dict[str, object] = {"parties": parties, "mediators": mediators}

    rounds, planned, measures = state.rounds, state.planned, state.measures
    if is_held(event):
        rounds = _add_round(rounds, _new_round(event, _past_window(event), cite))
    elif is_planned(event):
        planned = _add_round(planned, _new_round(event, _future_window(event), cite))
    if event.type in ("agreement", "prisoner_exchange") and event.modality != "negated":
        kind = _measure_kind(event)
        if kind is not None:
            measure = _new_measure(event, kind, cite)
            measures = absorb(
                measures, measure, _same_measure, _merge_measures, _measure_order, MEASURE_LIMIT
            )
            update["prisoners_exchanged"] = _prisoners_exchanged(measures)
    if rounds is not state.rounds or measures is not state.measures:
        rounds = _with_outcomes(rounds, measures)

    status = _status_of(event)
    if status is not None:
        signals = _with_signal(state.status_signals, StatusSignal(status=status, evidence=cite))
        update["status_signals"] = signals
        update["status"] = _status(signals)

    last_published_at = _latest(state.last_published_at, event.published_at)
    recent = sorted((*state.recent, _summary(event)), key=_recency, reverse=True)
    update.update(
        {
            "rounds": rounds,
            "planned": planned,
            "measures": measures,
            # The next meeting depends on "now", the latest publication seen.
            "next_meeting": _next_meeting(planned, last_published_at),
            "issues": _with_positions(state.issues, event, cite),
            "event_count": state.event_count + 1,
            "counts": bump(state.counts, event.type),
            "recent": tuple(recent[:RECENT_LIMIT]),
            "last_published_at": last_published_at,
        }
    )
    return state.model_copy(update=update)


def project(process: str, events: Iterable[Event]) -> NegotiationState:
    """State of one process after all its events: the fold of `evolve` from the empty state."""
    return fold_one(initial, evolve, process, events)


def project_all(events: Iterable[Event]) -> dict[str, NegotiationState]:
    """State of every process the events mention, keyed by process."""
    return fold_all(initial, evolve, events)
