"""Rounds held and planned: one row per meeting, merged across reports, and the next meeting."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, reduce

from schemas.events import Actor, Event, EventDate, TalksEvent
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
    add_report,
    first_n,
    hull,
    merged_date,
    merged_names,
    overlaps,
)
from streams.core.fold.foldkit import EPOCH, published_day
from streams.core.lexicon import load

# Reports of talks kept per list (held, planned, past meetings): the latest by date, then
# publication, then event id; the rounds are computed from them (clusterkit.add_report).
ROUND_REPORT_LIMIT = 120

SNIPPET_LIMIT = 20

HEAD_LIMIT = 10

# An undated report of a meeting speaks of the days just before it was published; an undated
# plan, of the days just after.
UNDATED_PAST = timedelta(days=2)

UNDATED_FUTURE = timedelta(days=7)

# A round reported begun and not (yet) ended runs on this long at its place.
OPEN_ROUND_DAYS = 21

# A meeting dated this long before the report that tells of it is a historical mention.
HISTORY = timedelta(days=120)

# The longest a numbered round is taken to run (its reports this many days apart at most).
ROUND_SPAN_DAYS = 45

_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "\u2019", "'", ")", "\u2026")

# Reports of talks at the same place this many days apart or less are of one round.
SAME_PLACE_GAP = 7

# Equally reported formats: the more telling wins (any envoy's presence reads as "mediated").
_FORMAT_PREFERENCE = ("trilateral", "bilateral", "phone", "mediated")


def own_date(event: Event) -> EventDate | None:
    """The date of the meeting itself: not a date that "since" or "began in" introduces (when
    something started), nor, for a plan, the day it was reported ("said on Thursday that further
    meetings were planned")."""
    when = event.date
    if when is None:
        return None
    text = event.sentence.text
    if when.text and (
        cues.round_cue("background_date", when.text)
        or cues.introduced_by("background_date", when.text, text)
    ):
        return None
    if _plan_words(event) or event.modality == "planned":
        day = published_day(event)
        if day is not None and when.end <= day:
            return None
    return when


def past_window(event: Event) -> Window | None:
    when = own_date(event)
    if when is not None:
        return (when.start, when.end)
    if event.published_at is not None:
        day = event.published_at.date()
        return (day - UNDATED_PAST, day)
    return None


def future_window(event: Event) -> Window | None:
    when = own_date(event)
    if when is not None and when.precision != "vague":
        return (when.start, when.end)
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


def _plan_words(event: Event) -> bool:
    return cues.round_cue("plan", event.sentence.text)


def _is_meeting(event: Event) -> bool:
    # A sentence on the state of the talks ("deadlocked", "productive") is not a meeting, nor is
    # a call ("a phone call between") or the report of an announcement.
    return (
        event.type == "talks"
        and event.subtype != "status"
        and event.modality != "negated"
        and not cues.round_cue("not_meeting", event.sentence.text)
    )


def is_cancelled(event: Event) -> bool:
    """A meeting called off or put off ("will not take place", "postponed")."""
    return event.type == "talks" and cues.round_cue("cancelled", event.sentence.text)


def is_postponed(event: Event) -> bool:
    return event.type == "talks" and cues.round_cue("postponed", event.sentence.text)


def moved_to(event: Event) -> bool:
    """A postponement that gives the new date ("postponed to March 20"): the plan moved."""
    when, day = own_date(event), published_day(event)
    return (
        is_postponed(event)
        and when is not None
        and when.precision != "vague"
        and day is not None
        and when.start > day
    )


def is_historical(event: Event) -> bool:
    """Read as history, or dated long before the report ("the 2016 accord signed in Havana")."""
    if event.modality == "historical":
        return True
    when, day = own_date(event), published_day(event)
    return when is not None and day is not None and (day - when.end) > HISTORY


def is_held(event: Event) -> bool:
    # Only the present news: a historical mention is not a round of this process's talks.
    return (
        _is_meeting(event)
        and not is_historical(event)
        and event.modality == "actual"
        and not _is_future(event)
        and not _plan_words(event)
        and not is_cancelled(event)
    )


def is_past_meeting(event: Event) -> bool:
    """A meeting told as history ("the sides first met in Oslo in 2019"): kept apart."""
    return (
        _is_meeting(event)
        and is_historical(event)
        and not _plan_words(event)
        and not is_cancelled(event)
        and meeting_cue(event)
    )


def is_planned(event: Event) -> bool:
    return (
        _is_meeting(event)
        and not is_cancelled(event)
        and (
            event.modality == "planned"
            or (event.modality == "actual" and (_is_future(event) or _plan_words(event)))
        )
    )


def meeting_cue(event: Event) -> bool:
    """The report says a meeting was held: "held talks", "met", "ended a round" (a signing placed
    at a venue is one too, see signing_venue)."""
    text = event.sentence.text.rstrip()
    # A headline or caption ("Peace talks in Lisbon") is no sentence: it has no full stop.
    headline = not text.endswith(_SENTENCE_ENDS)
    return (
        not headline and cues.round_cue("held_meeting", text) and not cues.round_cue("recap", text)
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


@cache
def _ordinal_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    lexicon = load("rounds")
    words: dict[str, int] = lexicon["ordinals"]
    nouns = "|".join(lexicon["round_nouns"])
    number = "|".join(words) + r"|\d{1,2}(?:st|nd|rd|th)"
    pattern = re.compile(
        rf"\b(?:(?P<ord>{number})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})s?"
        rf"|(?:round|session)\s+(?P<num>\d{{1,2}}|{'|'.join(_CARDINALS)}))\b",
        re.IGNORECASE,
    )
    return pattern, words


_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def round_ordinal(text: str) -> tuple[int, ...]:
    """The number of the round a sentence reports ("the fourth round", "round two"); none when
    it numbers several (a recap: "the first ... and the fourth rounds")."""
    pattern, words = _ordinal_pattern()
    found = set()
    for match in pattern.finditer(text):
        word = (match.group("ord") or match.group("num")).lower()
        value = words.get(word) or _CARDINALS.get(word)
        found.add(value if value is not None else int(re.sub(r"\D", "", word)))
    return tuple(found) if len(found) == 1 else ()


def _older_year(event: Event) -> bool:
    """The sentence names a year before the one it was published in."""
    day = published_day(event)
    if day is None:
        return False
    return any(int(y) < day.year for y in _YEAR.findall(event.sentence.text))


_YEAR = re.compile(r"(?<![\w,.])((?:19|20)\d\d)(?![\w,])")


def signing_venue(event: Event) -> str | None:
    """Where a signing took place, for an accord signed at a named place ("signed ... in Doha"):
    a signing ceremony is a meeting of the signatories."""
    text = event.sentence.text
    if event.type != "agreement" or event.modality != "actual" or is_historical(event):
        return None
    if own_date(event) is None and _older_year(event):
        return None  # "the 2016 accord signed in Havana": an old signing, named as history
    if not cues.round_cue("signing", text) or _plan_words(event):
        return None
    for place in event.places:
        mention = place.mention or place.name
        if re.search(rf"\b(?:in|at) (?:the )?{re.escape(mention)}\b", text):
            return place.name
    return None


def new_round(
    event: Event,
    window: Window | None,
    cite: Evidence,
    cancelled: bool = False,
    venue: str | None = None,
    postponed: bool = False,
) -> Round:
    fmt = event.format if isinstance(event, TalksEvent) else None
    text = event.sentence.text
    venue = venue or (event.venue if isinstance(event, TalksEvent) else None)
    return Round(
        venue=venue,
        date=own_date(event),
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
        meeting_cue=meeting_cue(event) or (venue is not None and cues.round_cue("signing", text)),
        ordinals=round_ordinal(text),
        began=cues.round_cue("began", text),
        ended=cues.round_cue("ended", text),
        postponed=postponed,
        cancelled=cancelled,
    )


@cache
def _places() -> dict[str, tuple[str, str]]:
    """Place name -> (country code, kind), from the places lexicon."""
    out: dict[str, tuple[str, str]] = {}
    for p in load("places")["places"]:
        if p.get("country"):
            out.setdefault(p["name"].casefold(), (p["country"], p.get("kind") or ""))
    return out


def _place(venue: str | None) -> tuple[str, str] | None:
    return _places().get(venue.casefold()) if venue else None


def _is_country(venue: str | None) -> bool:
    found = _place(venue)
    return found is not None and found[1] == "country"


def _venue_rank(venue: str) -> tuple[bool, str]:
    # A city (or any place inside a country) names the meeting better than its country.
    return (_is_country(venue), venue)


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
    venues = sorted((v for v in (a.venue, b.venue) if v), key=_venue_rank)
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
        meeting_cue=a.meeting_cue or b.meeting_cue,
        ordinals=tuple(sorted({*a.ordinals, *b.ordinals})),
        began=a.began or b.began,
        ended=a.ended or b.ended,
        cancelled=a.cancelled or b.cancelled,
        postponed=a.postponed or b.postponed,
    )


def _round_order(item: Round) -> tuple[str, datetime, str]:
    # Rounds are ordered by when they happened, else by when first reported; the id breaks ties.
    happened = item.date.start.isoformat() if item.date else ""
    first = item.evidence[0]
    return (happened, first.published_at or EPOCH, first.event_id)


def add_round(
    reports: tuple[Round, ...], rounds: tuple[Round, ...], new: Round
) -> tuple[tuple[Round, ...], tuple[Round, ...]]:
    """One more report of talks: the kept reports and the rounds clustered from them."""
    return add_report(
        reports, rounds, new, _same_round, _merge_rounds, _round_order, ROUND_REPORT_LIMIT
    )


def _span(item: Round) -> Window | None:
    """The days of a meeting: its reported date when precise, else the days its reports allow."""
    if item.date is not None and item.date.precision in ("day", "week"):
        return (item.date.start, item.date.end)
    return round_window(item)


def _precise(item: Round) -> bool:
    return item.date is not None and item.date.precision in ("day", "week")


def _own_venue(item: Round, process: str) -> str | None:
    """Its venue, unless that is the whole country of a party ("the war in Sudan"): a country
    that is a side is what talks are about more often than where they are."""
    found = _place(item.venue)
    if found and found[1] == "country" and found[0] in process.split("--"):
        return None
    return item.venue


@dataclass(frozen=True, slots=True)
class _Report:
    """What the joins read of one cluster of reports, computed once per `meetings` call."""

    venue: str | None
    key: str
    place: tuple[str, str] | None
    span: Window | None
    precise: bool
    day: bool
    began: bool
    ended: bool
    ordinals: frozenset[int]
    snippets: frozenset[str]
    cue: bool


def _report(item: Round, process: str) -> _Report:
    venue = _own_venue(item, process)
    return _Report(
        venue=venue,
        key=venue.casefold() if venue else "",
        place=_place(venue),
        span=_span(item),
        precise=_precise(item),
        day=item.date is not None and item.date.precision == "day",
        began=item.began,
        ended=item.ended,
        ordinals=frozenset(item.ordinals),
        snippets=frozenset(item.snippets),
        cue=item.meeting_cue,
    )


def _agree(a: _Report, b: _Report) -> bool:
    """The same place, or a city and its own country."""
    if a.key == b.key:
        return True
    return bool(
        a.place and b.place and a.place[0] == b.place[0] and "country" in (a.place[1], b.place[1])
    )


def _same_meeting(a: _Report, b: _Report) -> bool:
    """Reports of one meeting: the same place, or a city and its own country, on the same days."""
    if a.venue is None or b.venue is None:
        return False
    if a.key == b.key:
        # Talks at one place with reports less than a week apart are one round running on.
        gap = SAME_PLACE_GAP if a.precise and b.precise else 1
        return overlaps(a.span, b.span, gap)
    return _agree(a, b) and overlaps(a.span, b.span)


def when_gap(a: Window, b: Window | None) -> int:
    return (b[0] - a[0]).days if b else 0


def _run_of(i: int, info: list[_Report], by_start: list[int]) -> list[int]:
    """The reports of a round begun (info[i]) at its place: to the report of its end within
    ROUND_SPAN_DAYS, or, with none, those within OPEN_ROUND_DAYS (the round runs on); never past
    another beginning there. `by_start`: the indices of the dated reports, by first day."""
    a = info[i]
    span = a.span
    if not a.began or a.ended or a.venue is None or span is None:
        return []
    reach = span[0] + timedelta(days=ROUND_SPAN_DAYS)
    open_until = span[0] + timedelta(days=OPEN_ROUND_DAYS)
    run: list[int] = []
    open_run: list[int] = []
    for j in by_start:
        b = info[j]
        if b.span is None or j == i or b.venue is None:
            continue
        if b.span[0] < span[0] or not _agree(a, b):
            continue
        if b.span[0] > reach:
            break
        if b.began and not b.ended and when_gap(span, b.span) > SAME_PLACE_GAP:
            break  # another round began there
        run.append(j)
        if b.span[0] <= open_until:
            open_run.append(j)
        if b.ended:
            return run
    return open_run


def _same_numbered_round(a: _Report, b: _Report) -> bool:
    if not a.ordinals & b.ordinals:
        return False
    if a.venue is not None and b.venue is not None and not _agree(a, b):
        return False
    return overlaps(a.span, b.span, ROUND_SPAN_DAYS)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _closest(item: _Report, info: list[_Report]) -> int | None:
    """The row of a placed meeting an unplaced report belongs to: one on the same days, sharing a
    snippet first, else the most precisely dated; None when none is on those days. A report with
    no held cue joins only a meeting its own snippet reports."""
    best: tuple[bool, bool, int] | None = None
    chosen = None
    for i, row in enumerate(info):
        if row.venue is None or not overlaps(item.span, row.span, 1):
            continue
        shared = bool(item.snippets & row.snippets)
        if not item.cue and not shared:
            # A mere mention of talks from another report ("a result of productive talks") is
            # no report of this meeting: it is not cited for it.
            continue
        rank = (not shared, not row.day, i)
        if best is None or rank < best:
            best, chosen = rank, i
    return chosen


def meetings(reports: tuple[Round, ...], process: str) -> tuple[Round, ...]:
    """One row per meeting, a function of the clustered reports (not of their arrival order).

    Reports of a place and of its own country on the same days are one meeting, the city named;
    an unplaced report joins the placed meeting of its days (of its snippet first), and unplaced
    reports of the same days make one meeting. A meeting is shown only when one of its reports
    says it was held ("met", "held talks", "ended a round"): a mention of talks is not a meeting.
    """
    items = sorted(reports, key=_round_order)
    info = [_report(item, process) for item in items]
    parent = list(range(len(items)))

    def join(i: int, j: int) -> None:
        parent[_find(parent, i)] = _find(parent, j)

    # Day numbers of each span, to skip at once the pairs too far apart to join.
    far = ROUND_SPAN_DAYS + 1
    starts = [a.span[0].toordinal() if a.span else None for a in info]
    ends = [a.span[1].toordinal() if a.span else None for a in info]
    for i, a in enumerate(info):
        si, ei = starts[i], ends[i]
        for j in range(i):
            sj, ej = starts[j], ends[j]
            if si is not None and sj is not None and (si - ej > far or sj - ei > far):  # type: ignore[operator]
                continue
            # The same numbered round ("the fourth round") at places that agree, within weeks:
            # a long round reported at its start and at its end.
            if _same_meeting(a, info[j]) or _same_numbered_round(a, info[j]):
                join(i, j)
    closest = [_closest(a, info) if a.venue is None else None for a in info]
    for i, a in enumerate(info):
        if a.venue is not None:
            continue
        target = closest[i]
        if target is not None:
            join(i, target)
            continue
        for j in range(i):
            b = info[j]
            if b.venue is None and closest[j] is None and overlaps(a.span, b.span, 1):
                join(i, j)
    # A round reported begun at a place and later ended there is one meeting, with the reports
    # of that place in between: "talks opened in X on Monday" ... "talks in X concluded".
    by_start = sorted((j for j, b in enumerate(info) if b.span), key=lambda j: (starts[j], j))
    for i in range(len(info)):
        for j in _run_of(i, info, by_start):
            join(j, i)
    groups: dict[int, list[Round]] = {}
    for i, item in enumerate(items):
        groups.setdefault(_find(parent, i), []).append(item)
    rows = []
    for members in groups.values():
        if not any(m.meeting_cue for m in members):
            continue
        row = reduce(_merge_rounds, members)
        if row.venue is not None and _own_venue(row, process) is None:
            row = row.model_copy(update={"venue": None})
        rows.append(row)
    return tuple(sorted(rows, key=_round_order))


def _fulfilled(plan: Round, rounds: tuple[Round, ...]) -> bool:
    """A plan that a later report says was held: a meeting at its place (a city or its country),
    reported after the plan, on the plan's days."""
    first = plan.evidence[0].published_at if plan.evidence else None
    if first is None or plan.venue is None:
        return False
    day = first.date()
    for r in rounds:
        span = _span(r)
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
        if plan.venue is None or other.venue is None or _same_place(plan.venue, other.venue):
            return True
    return False


def _same_place(a: str, b: str) -> bool:
    if a.casefold() == b.casefold():
        return True
    pa, pb = _place(a), _place(b)
    return bool(pa and pb and pa[0] == pb[0] and "country" in (pa[1], pb[1]))


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
    if _fulfilled(chosen, rounds):
        # The latest plan was held: nothing newer is planned (older plans are not promoted).
        return None
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
