"""The next meeting: the latest plan not yet past, held or put off, completed by the other plans
of its report."""

from datetime import datetime

from schemas.state import (
    NextMeeting,
    Round,
)
from streams.core.fold.citations import EVIDENCE_LIMIT, report_order
from streams.core.fold.clusterkit import (
    overlaps,
)
from streams.core.fold.foldkit import EPOCH
from streams.core.fold.meetings import meeting_span
from streams.core.fold.rounds import place, round_window


def _fulfilled(plan: Round, rounds: tuple[Round, ...]) -> bool:
    """A plan that a later report says was held: a meeting at its place (a city or its country),
    reported after the plan, on the plan's days."""
    first = plan.evidence[0].published_at if plan.evidence else None
    if first is None or plan.venue is None:
        return False
    day = first.date()
    for r in rounds:
        span = meeting_span(r)
        if span is None or r.venue is None or not _same_place(plan.venue, r.venue):
            continue
        if r.last_reported_at is None or r.last_reported_at <= first:
            continue
        # A dated plan is held on its days; an undated one by a meeting from the day it was
        # reported on.
        if (
            overlaps(span, round_window(plan), 1)
            if plan.date is not None and plan.date.precision != "vague"
            else span[0] >= day
        ):
            return True
    return False


def _put_off(plan: Round, planned: tuple[Round, ...]) -> bool:
    """A plan that a later report puts off (at its place, or with no place named): the
    postponement, with its new date, is the plan now."""
    first = plan.evidence[0].published_at if plan.evidence else None
    if first is None or plan.postponed:
        return False
    for other in planned:
        if not other.postponed or other is plan:
            continue
        told = other.evidence[0].published_at if other.evidence else None
        if told is None or told <= first:
            continue
        if _dated_before(other, first):
            # "The second round, due on April 14, was postponed", recalled in May: a meeting
            # whose day had passed when this plan was first told is not this plan.
            continue
        if plan.venue is None or other.venue is None or _same_place(plan.venue, other.venue):
            return True
    return False


def _dated_before(postponement: Round, moment: datetime) -> bool:
    """Whether a postponement names a day (not a vague time) that ended before the moment."""
    dated = postponement.date is not None and postponement.date.precision != "vague"
    return dated and postponement.window_end is not None and postponement.window_end < moment.date()


def _same_place(a: str, b: str) -> bool:
    if a.casefold() == b.casefold():
        return True
    pa, pb = place(a), place(b)
    return bool(pa and pb and pa[0] == pb[0] and "country" in (pa[1], pb[1]))


def _same_report(plan: Round, current: list[Round]) -> list[Round]:
    """The other plans told by a report that tells this one: one meeting told in two sentences
    ("talks will continue in the coming weeks ... likely in the United States")."""
    return [r for r in current if r is not plan and set(r.snippets) & set(plan.snippets)]


def _names_nothing(plan: Round, current: list[Round]) -> bool:
    """Whether a plan, with the plans of its reports, names neither a venue nor any date."""
    told = (plan, *_same_report(plan, current))
    return all(r.venue is None and r.date is None for r in told)


def next_meeting(
    planned: tuple[Round, ...], now: datetime | None, rounds: tuple[Round, ...] = ()
) -> NextMeeting | None:
    """The plan reported last that is not yet past, called off or held, completed by plans of
    the same report."""
    today = now.date() if now else None
    current = [
        r
        for r in planned
        if not r.cancelled
        and (today is None or r.window_end is None or r.window_end >= today)
        and not _put_off(r, planned)
    ]
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
    if _names_nothing(chosen, current):
        # "Both delegations are expected to arrive the day before": a plan told with neither
        # venue nor date elaborates the one that stands, it does not replace it.
        standing = [r for r in current if not _names_nothing(r, current)]
        chosen = max(standing, key=rank) if standing else chosen
    if _fulfilled(chosen, rounds):
        # The latest plan was held: nothing newer is planned (older plans are not promoted).
        return None
    same_report = _same_report(chosen, current)
    venue = chosen.venue or next((r.venue for r in same_report if r.venue), None)
    date_ = chosen.date or next((r.date for r in same_report if r.date), None)
    reported = chosen.last_reported_at.date() if chosen.last_reported_at else None
    if date_ is not None and date_.precision != "vague" and reported and date_.end < reported:
        # "will resume on Thursday", then on Friday "would meet again soon": a day already past
        # when the plan was last told is not its date.
        date_ = None
    fmt = chosen.format or next((r.format for r in same_report if r.format), None)
    cites = sorted(
        {e.event_id: e for r in (chosen, *same_report) for e in r.evidence}.values(),
        key=report_order,
        reverse=True,
    )
    # "soon", "in the coming weeks": the words stay, no date is made up from them.
    vague = date_ is not None and date_.precision == "vague"
    return NextMeeting(
        date=None if vague else date_,
        when=date_.text if vague and date_ else None,
        venue=venue,
        format=fmt,
        reported_at=chosen.last_reported_at,
        evidence=tuple(cites[:EVIDENCE_LIMIT]),
    )
