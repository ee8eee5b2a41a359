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
from datetime import datetime
from functools import singledispatch
from typing import Any

from schemas.events import UNASSIGNED, AgreementEvent, Event, PrisonerExchangeEvent, TalksEvent
from schemas.state import (
    EventSummary,
    Evidence,
    NegotiationState,
    Round,
    StatusSignal,
)
from streams.core.fold.citations import cite, evidence, latest
from streams.core.fold.clusterkit import add_report
from streams.core.fold.foldkit import EPOCH, bump, check_process, fold_all, fold_one
from streams.core.fold.measures import (
    MEASURE_CLUSTERING,
    MEASURE_REPORT_LIMIT,
    delayed_exchange,
    halted_exchange,
    linked_measures,
    measure_kind,
    new_measure,
    operations,
    prisoners_by_side,
    prisoners_exchanged,
    release_told_inside,
    tally_after_release,
    with_outcomes,
)
from streams.core.fold.meeting_cues import (
    future_window,
    headline_held_place,
    is_cancelled,
    is_held,
    is_past_meeting,
    is_planned,
    is_postponed,
    moved_to,
    past_window,
    planned_signing_venue,
    signing_venue,
)
from streams.core.fold.meetings import meetings
from streams.core.fold.next_meetings import next_meeting
from streams.core.fold.participants import hosts, participants
from streams.core.fold.positions import with_positions
from streams.core.fold.process_status import happened_on, status, status_of, with_signal
from streams.core.fold.rounds import add_round, new_round

RECENT_LIMIT = 10


def initial(process: str) -> NegotiationState:
    return NegotiationState(process=process)


def _summary(event: Event) -> EventSummary:
    return cite(EventSummary, event)


def recency(item: EventSummary) -> tuple[datetime, str]:
    return (item.published_at or EPOCH, item.event_id)


def evolve(state: NegotiationState, event: Event) -> NegotiationState:
    """Fold one new event into a process's state: what every event changes, then what its type
    changes (one handler per type, `_changes_of`)."""
    check_process(state.process, event)
    cite = evidence(event)
    parties, mediators = participants(state, event, cite)
    update: dict[str, object] = {"parties": parties, "mediators": mediators}
    if event.aliases and not set(event.aliases) <= set(state.aliases):
        update["aliases"] = tuple(sorted({*state.aliases, *event.aliases}))
    update.update(_changes_of(event, state, cite))
    rounds = update.get("rounds", state.rounds)
    measures = update.get("measures", state.measures)
    if rounds is not state.rounds or measures is not state.measures:
        update["rounds"] = with_outcomes(rounds, measures)  # type: ignore[arg-type]
    if rounds is not state.rounds or parties is not state.parties or mediators != state.mediators:
        update["hosts"] = hosts(state.process, rounds, parties, mediators)  # type: ignore[arg-type]

    signal = status_of(event)
    if signal is not None:
        signals = with_signal(
            state.status_signals,
            StatusSignal(status=signal, evidence=cite, happened_on=happened_on(event)),
        )
        update["status_signals"] = signals
        update["status"] = status(signals)

    last_published_at = latest(state.last_published_at, event.published_at)
    recent = sorted((*state.recent, _summary(event)), key=recency, reverse=True)
    planned = update.get("planned", state.planned)
    update.update(
        {
            # The next meeting depends on "now", the latest publication seen.
            "next_meeting": next_meeting(
                planned,  # type: ignore[arg-type]
                last_published_at,
                update.get("rounds", state.rounds),  # type: ignore[arg-type]
            ),
            "issues": with_positions(state.issues, event, cite),
            "event_count": state.event_count + 1,
            "counts": bump(state.counts, event.type),
            "recent": tuple(recent[:RECENT_LIMIT]),
            "last_published_at": last_published_at,
        }
    )
    return state.model_copy(update=update)


@singledispatch
def _changes_of(event: Any, state: NegotiationState, cite: Evidence) -> dict[str, object]:
    """What an event of this type changes beyond what every event changes: nothing by default."""
    return {}


@_changes_of.register
def _talks(event: TalksEvent, state: NegotiationState, cite: Evidence) -> dict[str, object]:
    if is_held(event):
        return _held(state, new_round(event, past_window(event), cite))
    if is_past_meeting(event):
        items, past = add_round(
            state.past_meeting_items,
            state.past_meetings,
            new_round(event, past_window(event), cite),
        )
        return {"past_meeting_items": items, "past_meetings": past}
    if is_planned(event):
        placed = not headline_held_place(event)
        return _plan(state, new_round(event, future_window(event), cite, placed=placed))
    if moved_to(event):
        # "postponed to March 20": the plan moves; earlier plans at its place are no longer next.
        return _plan(state, new_round(event, future_window(event), cite, postponed=True))
    if is_cancelled(event):
        # A plan called off stays listed, marked, and is no longer the next meeting.
        called_off = new_round(
            event, future_window(event), cite, cancelled=True, postponed=is_postponed(event)
        )
        return _plan(state, called_off)
    return {}


def _held(state: NegotiationState, report: Round) -> dict[str, object]:
    items, reports = add_round(state.round_report_items, state.round_reports, report, held=True)
    if reports is state.round_reports:
        return {}  # below the bound: dropped
    return {
        "round_report_items": items,
        "round_reports": reports,
        "rounds": meetings(reports, state.process),
    }


def _plan(state: NegotiationState, report: Round) -> dict[str, object]:
    items, planned = add_round(state.planned_items, state.planned, report)
    return {"planned_items": items, "planned": planned}


@_changes_of.register(AgreementEvent)
@_changes_of.register(PrisonerExchangeEvent)
def _measure(event: Event, state: NegotiationState, cite: Evidence) -> dict[str, object]:
    kind = measure_kind(event)
    update: dict[str, object] = {}
    # A signing ceremony at a place is a meeting there, whether or not the sentence names the
    # measure ("the ceremony took place at the Institute of Peace in Washington").
    venue = signing_venue(event)
    if venue is not None:
        update.update(_held(state, new_round(event, past_window(event), cite, venue=venue)))
    planned_at = planned_signing_venue(event)
    if planned_at is not None:
        update.update(_plan(state, new_round(event, future_window(event), cite, venue=planned_at)))
    if kind is None or (
        event.modality == "negated"
        and not halted_exchange(event, kind)
        and not delayed_exchange(event, kind)
    ):
        return update
    told = new_measure(event, kind, cite)
    # "..., bringing to 440 the number freed since April": the swap and the running total it
    # states, two reports of one sentence; so is a release told in a clause of it ("..., after
    # 100 on each side went home on October 15").
    beside = (tally_after_release(event, told), release_told_inside(event, told))
    items, reports = state.measure_report_items, state.measure_reports
    for report in (told, *(m for m in beside if m is not None)):
        items, reports = add_report(
            items, reports, report, MEASURE_CLUSTERING, MEASURE_REPORT_LIMIT
        )
    if reports is not state.measure_reports:
        # Measures whose sides the reading did not find ("the 40 prisoners were exchanged on
        # Friday") belong to no process: kept as reports, they make no swap and no total, as
        # such talks make no round (`meetings`).
        measures = () if state.process == UNASSIGNED else operations(linked_measures(reports))
        update.update(
            {
                "measure_report_items": items,
                "measure_reports": reports,
                "measures": measures,
                "prisoners_exchanged": prisoners_exchanged(measures),
                "prisoners_exchanged_by_side": prisoners_by_side(measures),
            }
        )
    return update


def project(process: str, events: Iterable[Event]) -> NegotiationState:
    """State of one process after all its events: the fold of `evolve` from the empty state."""
    return fold_one(initial, evolve, process, events)


def project_all(events: Iterable[Event]) -> dict[str, NegotiationState]:
    """State of every process the events mention, keyed by process."""
    return fold_all(initial, evolve, events)
