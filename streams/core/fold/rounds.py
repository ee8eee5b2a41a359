"""Rounds held and planned: one row per meeting, merged across reports, and the next meeting."""

from collections.abc import Iterable
from datetime import datetime

from schemas.events import SIDE_KINDS, Event, EventDate, TalksEvent
from schemas.state import (
    Evidence,
    Round,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.citations import EVIDENCE_LIMIT, earliest, latest
from streams.core.fold.clusterkit import (
    Clustering,
    Window,
    add_report,
    first_n,
    hull,
    merged_date,
    merged_names,
    overlaps,
)
from streams.core.fold.foldkit import EPOCH
from streams.core.fold.meeting_cues import (
    heads,
    meeting_cue,
    meeting_ordinal,
    named_only,
    own_date,
    referring,
    signing_reference,
)
from streams.core.lexicon import place_kinds

# Reports of talks kept per list (held, planned, past meetings): the latest by date, then
# publication, then event id; the rounds are computed from them (clusterkit.add_report).
ROUND_REPORT_LIMIT = 120


SNIPPET_LIMIT = 20


HEAD_LIMIT = 10


# Equally reported formats: the more telling wins (any envoy's presence reads as "mediated").
_FORMAT_PREFERENCE = ("trilateral", "bilateral", "phone", "mediated")


def new_round(
    event: Event,
    window: Window | None,
    cite: Evidence,
    cancelled: bool = False,
    venue: str | None = None,
    postponed: bool = False,
    placed: bool = True,
) -> Round:
    """A report of one meeting; not `placed`, the event's venue is not the meeting's."""
    fmt = event.format if isinstance(event, TalksEvent) else None
    text = event.sentence.text
    venue = venue or (event.venue if isinstance(event, TalksEvent) and placed else None)
    return Round(
        venue=venue,
        venue_country=_country_of(event, venue),
        date=own_date(event),
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        format=fmt,
        formats={fmt: 1} if fmt else {},
        delegation_heads=first_n(heads(event), lambda h: h.name, HEAD_LIMIT),
        evidence=(cite,),
        snippets=(event.snippet_id,),
        corroboration=1,
        reports=1,
        last_reported_at=event.published_at,
        meeting_cue=(meeting_cue(event) and not named_only(event))
        or (venue is not None and cues.round_cue("signing", text)),
        ordinals=meeting_ordinal(event),
        began=cues.round_cue("began", text),
        ended=cues.round_cue("ended", text),
        resumed=cues.round_cue("resumed", text) and not cues.round_cue("new_round", text),
        runs_on=cues.round_cue("runs_on", text),
        sides=_sides(event),
        referring=referring(event) or (venue is not None and signing_reference(event)),
        moved=cues.round_cue("moved", text),
        postponed=postponed,
        cancelled=cancelled,
    )


def place(venue: str | None) -> tuple[str, str] | None:
    return place_kinds().get(venue.casefold()) if venue else None


SIDES_LIMIT = 6


def _sides(event: Event) -> tuple[str, ...]:
    """Who met, as the process's own countries named as parties: "US and Ukrainian delegations
    met" names UA of RU--UA. A government and a rebel group of one country are one code, so
    only talks between states are told apart by it."""
    codes = set(event.process.split("--"))
    return tuple(
        sorted(
            {
                a.country
                for a in event.actors
                if a.role == "party" and a.kind in SIDE_KINDS and a.country in codes
            }
        )
    )


def met_apart(a: Round, b: Round) -> bool:
    """Two reports of meetings of different sides ("met the Ukrainian delegation", "met the
    Russian delegation") on different days: two meetings, not one running on. On the same day
    they may be one round of proximity talks."""
    return sides_met_apart(a.sides, b.sides, round_window(a), round_window(b))


def sides_met_apart(
    a: Iterable[str], b: Iterable[str], when_a: Window | None, when_b: Window | None
) -> bool:
    """Different sides (none in common) met on days that do not overlap."""
    first, second = set(a), set(b)
    if not first or not second or first & second:
        return False
    return not overlaps(when_a, when_b)


def _country_of(event: Event, venue: str | None) -> str | None:
    """The country the reading gave the venue (a town beyond the gazetteer has one too)."""
    if venue is None:
        return None
    found = place(venue)
    if found is not None:
        return found[0]
    return next((p.country for p in event.places if p.name == venue and p.country), None)


def venue_place(item: Round) -> tuple[str, str] | None:
    """(country code, kind) of a round's venue: from the gazetteer, else a town of the country
    the reading gave it ("talks in Quito" and "talks in Ecuador" agree)."""
    found = place(item.venue)
    if found is None and item.venue is not None and item.venue_country:
        return (item.venue_country, "city")
    return found


def _is_country(venue: str | None) -> bool:
    found = place(venue)
    return found is not None and found[1] == "country"


def _venue_rank(venue: str) -> tuple[bool, bool, str]:
    # A city (or any place inside a country) names the meeting better than its country, and a
    # known place better than a site no gazetteer holds (its hall or crossing).
    return (_is_country(venue), place(venue) is None, venue)


def round_window(item: Round) -> Window | None:
    if item.window_start is None or item.window_end is None:
        return None
    return (item.window_start, item.window_end)


def _venue_key(item: Round) -> str:
    return item.venue.casefold() if item.venue else ""


def told_to_the_day(item: Round) -> bool:
    """Dated to the day (or the week): a report precise enough to tell one meeting from another."""
    return item.date is not None and item.date.precision in ("day", "week")


def _same_round(a: Round, b: Round) -> bool:
    return _venue_key(a) == _venue_key(b) and overlaps(round_window(a), round_window(b), 1)


def _put_off(item: Round) -> bool:
    return item.cancelled or item.postponed


def _new_vague_time(item: Round) -> bool:
    return not _put_off(item) and item.date is not None and item.date.precision == "vague"


def _same_plan(a: Round, b: Round) -> bool:
    """Plans of one meeting: the same place on overlapping days. A meeting put off and a plan
    "in the coming weeks" are not one plan ("the round due on May 10 was postponed; the parties
    would meet in the coming weeks"): the vague time is the new one, not the one called off (a
    later put-off of a standing plan is read by `next_meetings`)."""
    if (_put_off(a) and _new_vague_time(b)) or (_put_off(b) and _new_vague_time(a)):
        return False
    # "set for Monday, has been pushed back to the coming weeks": the plan moved to a vague
    # time is not the dated plan it moved from.
    if _moved_to_vague_time(a) != _moved_to_vague_time(b):
        return False
    return _same_round(a, b)


def _moved_to_vague_time(item: Round) -> bool:
    return (
        item.postponed
        and not item.cancelled
        and item.date is not None
        and item.date.precision == "vague"
    )


def _same_held_round(a: Round, b: Round) -> bool:
    # A report of a meeting held dated only by its month ("met in Lima in March") is not
    # clustered with reports told to the day: it could join two meetings of that month;
    # `meetings.meetings` gives it one. (A plan "in September" and its calling off "next week"
    # are one plan.)
    return told_to_the_day(a) == told_to_the_day(b) and _same_round(a, b) and not met_apart(a, b)


def merge_rounds(a: Round, b: Round) -> Round:
    formats = dict(
        sorted(
            {k: a.formats.get(k, 0) + b.formats.get(k, 0) for k in {*a.formats, *b.formats}}.items()
        )
    )
    window = hull(round_window(a), round_window(b))
    snippets = merged_names(a.snippets, b.snippets, SNIPPET_LIMIT)
    # The place talks moved to names the round they went on in ("moved the talks to X").
    placed = sorted(
        (item for item in (a, b) if item.venue),
        key=lambda item: (not item.moved, *_venue_rank(item.venue or "")),
    )
    venue = placed[0].venue if placed else None
    countries = sorted(
        c for item in (a, b) if item.venue == venue and (c := item.venue_country) is not None
    )
    return Round(
        venue=venue,
        venue_country=countries[0] if countries else None,
        date=_meeting_date(a, b),
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
        meeting_cue=a.meeting_cue or b.meeting_cue,
        ordinals=tuple(sorted({*a.ordinals, *b.ordinals})),
        began=a.began or b.began,
        ended=a.ended or b.ended,
        resumed=a.resumed or b.resumed,
        runs_on=a.runs_on or b.runs_on,
        sides=merged_names(a.sides, b.sides, SIDES_LIMIT),
        referring=_referring(a, b),
        moved=a.moved or b.moved,
        cancelled=a.cancelled or b.cancelled,
        postponed=a.postponed or b.postponed,
    )


def _telling(item: Round) -> int:
    """How well a report dates its meeting: one that says it was held (2), one that only names
    it (1: "during the talks in Lima, ..., Chile said on Tuesday"), one with no held cue (0)."""
    return 0 if not item.meeting_cue else (1 if item.referring else 2)


def _meeting_date(a: Round, b: Round) -> EventDate | None:
    """The dates of the reports that tell best that the meeting was held: "a delegation arrived
    in Nairobi on Sunday" does not date the round held there "this week"."""
    if _telling(a) != _telling(b):
        return a.date if _telling(a) > _telling(b) else b.date
    return merged_date(a.date, b.date)


def _referring(a: Round, b: Round) -> bool:
    """Only references, among the reports that carry a held cue (when some do); with none, any
    reference (a talks' name with no held cue, `named_only`, beside reports of no meeting)."""
    if a.meeting_cue != b.meeting_cue:
        return a.referring if a.meeting_cue else b.referring
    if not a.meeting_cue:
        return a.referring or b.referring
    return a.referring and b.referring


def round_order(item: Round) -> tuple[str, datetime, str]:
    # Rounds are ordered by when they happened, else by when first reported; the id breaks ties.
    happened = item.date.start.isoformat() if item.date else ""
    first = item.evidence[0]
    return (happened, first.published_at or EPOCH, first.event_id)


def add_round(
    reports: tuple[Round, ...], rounds: tuple[Round, ...], new: Round, held: bool = False
) -> tuple[tuple[Round, ...], tuple[Round, ...]]:
    """One more report of talks: the kept reports and the rounds clustered from them."""
    rule = HELD_CLUSTERING if held else ROUND_CLUSTERING
    return add_report(reports, rounds, new, rule, ROUND_REPORT_LIMIT)


# Reports of one round share days (`_same_round` asks overlapping windows, one day apart).
ROUND_CLUSTERING = Clustering(_same_plan, merge_rounds, round_order, round_window, 1)
HELD_CLUSTERING = Clustering(_same_held_round, merge_rounds, round_order, round_window, 1)
