"""The status of a process, set by the latest status cue, with the rule and sentence."""

import re
from datetime import date, datetime

from schemas.events import SIDE_KINDS, Event
from schemas.state import (
    ProcessStatus,
    ProcessStatusValue,
    StatusSignal,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.foldkit import EPOCH, HELD, published_day
from streams.core.fold.measures import collapse, measure_kind
from streams.core.fold.meeting_cues import is_held, is_historical, meeting_cue, older_year, own_date

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


# A year that dates the start of something is no date of the sentence's news ("talks, which
# began in 2029, collapsed on Monday").
_STARTED_IN = re.compile(
    r"\b(?:began|begun|started|launched|opened|since|from)\s+(?:in\s+)?(?:early\s+|late\s+|mid-)?"
    r"(?:(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _told_as_history(event: Event) -> bool:
    """A recap of the process's past ("a first ceasefire was brokered in Lima in 2030 but
    collapsed within weeks"): dated long before the report, or undated and naming an earlier
    year that is not a start. An explainer's history sets no status now."""
    if event.modality == "historical" or own_date(event) is not None:
        return is_historical(event)
    return older_year(event, _STARTED_IN.sub(" ", event.sentence.text))


def _others_news(event: Event) -> bool:
    """A sentence about other sides only ("the first death since the Guatemalan-brokered truce
    with Honduras took effect", El Salvador said): two or more states or armed groups named,
    none of them a side of this process, one of them named as a side of something. A feed that
    carries other processes may key such a sentence to this one; it says nothing of its status."""
    codes = set(event.process.split("--"))
    sides = [a for a in event.actors if a.kind in SIDE_KINDS]
    return (
        len(sides) >= 2
        and not any(a.role == "party" or (a.country or "") in codes for a in sides)
        and any(a.role in ("mentioned", "target", "attacker") for a in sides)
    )


def status_of(event: Event) -> ProcessStatusValue | None:
    if _told_as_history(event) or _others_news(event):
        return None
    text = event.sentence.text
    if cues.round_cue("separate_track", text):
        return None  # "a separate ceasefire ..., which had nothing to do with the talks"
    # "weeks after talks in Tarn collapsed", "since the front walked out": a clause that times
    # the news by a collapse tells no collapse anew.
    news = cues.without_cue("status_anchor", text, lexicon="issues")
    # "suspending the talks" reads as talks negated, yet it is the collapse itself; "the talks
    # have not collapsed" is none.
    if (
        collapse(event)
        and _collapse_told(news, text)
        and (event.modality != "negated" or not cues.negated_cue("collapse", text))
        and not _collapse_only_named(event, text)
    ):
        return "collapsed"
    if (
        event.type == "agreement"
        and event.modality in HELD
        and measure_kind(event) in cues.settlement_kinds()
        # "abide by the cessation agreed in Kigali": the accord named, not reached anew
        and cues.has("completed", cues.without_cue("agreement_reference", text))
        and not cues.has("provisional", text)
        and not cues.has("no_accord", text)
        # "agreed to restore the ceasefire": the accord suspended before, no new one
        and not cues.has("restored", text)
    ):
        return "agreement reached"
    if event.type == "talks" and cues.has("stalled", text):
        return "stalled"
    if is_held(event) and meeting_cue(event):
        return "active"
    return None


def _collapse_told(news: str, text: str) -> bool:
    """A collapse cue outside a clause that times the news by one (`news`: the sentence without
    it) and outside one side suspending its part in a body of the process ("suspended its part
    in the joint monitoring committee": the talks and the accord go on)."""
    if news != text and not cues.has("collapse", news):
        return False
    if not cues.has("body_suspension", news):
        return True
    return cues.has("collapse", cues.without_cue("body_suspension", news, lexicon="issues"))


def _collapse_only_named(event: Event, text: str) -> bool:
    """ "a pledge to carry out the suspended swap": the suspension, told before, names the swap;
    the sentence tells no new collapse (a collapse subtype of the reading still counts)."""
    if cues.collapse_subtype(event.subtype) or not cues.has("collapse_attributive", text):
        return False
    rest = cues.without_cue("collapse_attributive", text, lexicon="issues")
    return not cues.has("collapse", rest)


def happened_on(event: Event) -> date | None:
    """The last day of what the report tells, when it is before the report's own day: an
    explainer's "22-24 February: first round" tells February's news, not the explainer's."""
    when, day = own_date(event), published_day(event)
    if when is None or day is None or when.end >= day:
        return None
    return when.end


def _signal_order(signal: StatusSignal) -> tuple[date, datetime, int, str]:
    e = signal.evidence
    published = e.published_at or EPOCH
    return (
        signal.happened_on or published.date(),
        published,
        _STATUS_PRIORITY[signal.status],
        e.event_id,
    )


def with_signal(
    signals: tuple[StatusSignal, ...], signal: StatusSignal
) -> tuple[StatusSignal, ...]:
    by_status = {s.status: s for s in signals}
    old = by_status.get(signal.status)
    if old is None or _signal_order(signal) > _signal_order(old):
        by_status[signal.status] = signal
    return tuple(sorted(by_status.values(), key=_signal_order, reverse=True))


def status(signals: tuple[StatusSignal, ...]) -> ProcessStatus:
    """The latest report's status; a round held after an accord is talks under it, so the
    accord stands until a later report says it (or the talks) collapsed or stalled."""
    if not signals:
        return ProcessStatus()
    latest = signals[0]
    if latest.status == "active":
        decisive = next((s for s in signals if s.status != "active"), None)
        if decisive is not None and decisive.status == "agreement reached":
            latest = decisive
    return ProcessStatus(
        status=latest.status, rule=_STATUS_RULES[latest.status], evidence=latest.evidence
    )
