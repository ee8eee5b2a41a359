"""Rounds held and planned: one row per meeting, merged across reports, and the next meeting."""

from datetime import datetime, timedelta

from schemas.events import Actor, Event, TalksEvent
from schemas.state import (
    DelegationHead,
    Evidence,
    NextMeeting,
    Round,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.citations import EVIDENCE_LIMIT, earliest, latest, report_order
from streams.core.fold.clusterkit import (
    Window,
    absorb,
    first_n,
    hull,
    merged_date,
    merged_names,
    overlaps,
)
from streams.core.fold.foldkit import EPOCH, HELD

ROUND_LIMIT = 60

SNIPPET_LIMIT = 20

HEAD_LIMIT = 10

# An undated report of a meeting speaks of the days just before it was published; an undated
# plan, of the days just after.
UNDATED_PAST = timedelta(days=2)

UNDATED_FUTURE = timedelta(days=7)

# Equally reported formats: the more telling wins (any envoy's presence reads as "mediated").
_FORMAT_PREFERENCE = ("trilateral", "bilateral", "phone", "mediated")


def past_window(event: Event) -> Window | None:
    if event.date is not None:
        return (event.date.start, event.date.end)
    if event.published_at is not None:
        day = event.published_at.date()
        return (day - UNDATED_PAST, day)
    return None


def future_window(event: Event) -> Window | None:
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


def new_round(event: Event, window: Window | None, cite: Evidence) -> Round:
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


def round_window(item: Round) -> Window | None:
    if item.window_start is None or item.window_end is None:
        return None
    return (item.window_start, item.window_end)


def _venue_key(item: Round) -> str:
    return item.venue.casefold() if item.venue else ""


def _same_round(a: Round, b: Round) -> bool:
    return _venue_key(a) == _venue_key(b) and overlaps(round_window(a), round_window(b), 1)


def _merge_rounds(a: Round, b: Round) -> Round:
    formats = dict(
        sorted(
            {k: a.formats.get(k, 0) + b.formats.get(k, 0) for k in {*a.formats, *b.formats}}.items()
        )
    )
    window = hull(round_window(a), round_window(b))
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
        evidence=earliest(a.evidence, b.evidence, EVIDENCE_LIMIT),
        snippets=snippets,
        corroboration=max(a.corroboration, b.corroboration, len(snippets)),
        reports=a.reports + b.reports,
        last_reported_at=latest(a.last_reported_at, b.last_reported_at),
    )


def _round_order(item: Round) -> tuple[str, datetime, str]:
    # Rounds are ordered by when they happened, else by when first reported; the id breaks ties.
    happened = item.date.start.isoformat() if item.date else ""
    first = item.evidence[0]
    return (happened, first.published_at or EPOCH, first.event_id)


def add_round(rounds: tuple[Round, ...], new: Round) -> tuple[Round, ...]:
    return absorb(rounds, new, _same_round, _merge_rounds, _round_order, ROUND_LIMIT)


def next_meeting(planned: tuple[Round, ...], now: datetime | None) -> NextMeeting | None:
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
