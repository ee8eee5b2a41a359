"""Reports of rounds merged into meetings: one row per real meeting, by place (a city over its
country), days and round number."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import reduce

from schemas.events import UNASSIGNED
from schemas.state import (
    Round,
)
from streams.core.fold.clusterkit import (
    Window,
    hull,
    overlaps,
)
from streams.core.fold.rounds import (
    merge_rounds,
    place,
    round_order,
    round_window,
    sides_met_apart,
    told_to_the_day,
    venue_place,
)

# A round reported begun and not (yet) ended runs on this long at its place.
OPEN_ROUND_DAYS = 21


# The longest a numbered round is taken to run (its reports this many days apart at most).
ROUND_SPAN_DAYS = 45


# Reports of talks at the same place this many days apart or less are of one round.
SAME_PLACE_GAP = 7


# Reports of single days at one place this many days apart or less are of one meeting, when
# neither says the talks ran over days (SAME_PLACE_GAP when one does).
SAME_MEETING_GAP = 3


# Talks resumed at a place this many days or less after a meeting there ended go on with it.
RESUMED_GAP = 14


def meeting_span(item: Round) -> Window | None:
    """The days of a meeting: its reported date when precise, else the days its reports allow."""
    if item.date is not None and told_to_the_day(item):
        return (item.date.start, item.date.end)
    return round_window(item)


def _own_venue(item: Round, process: str) -> str | None:
    """Its venue, unless that is the whole country of a party ("the war in Sudan"): a country
    that is a side is what talks are about more often than where they are."""
    found = place(item.venue)
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
    referring: bool
    moved: bool
    resumed: bool
    runs: bool
    sides: frozenset[str]


def _report(item: Round, process: str) -> _Report:
    venue = _own_venue(item, process)
    return _Report(
        venue=venue,
        key=venue.casefold() if venue else "",
        place=venue_place(item) if venue else None,
        span=meeting_span(item),
        precise=told_to_the_day(item),
        day=item.date is not None and item.date.precision == "day",
        began=item.began,
        ended=item.ended,
        ordinals=frozenset(item.ordinals),
        snippets=frozenset(item.snippets),
        cue=item.meeting_cue,
        referring=item.referring and not item.began,
        moved=item.moved,
        resumed=item.resumed,
        runs=item.runs_on or item.began or item.ended or item.resumed,
        sides=frozenset(item.sides),
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
    if a.venue is None or b.venue is None or _met_apart(a, b):
        return False
    # Talks at one place (or a city and its own country: "in Pretoria", "in South Africa") with
    # reports less than a week apart are one round running on, when a report says it ran over
    # days ("continued", "opened", "ended"); "met on Thursday" and "met on Wednesday" six days
    # later, with no such word, are two meetings.
    if a.precise and b.precise:
        gap = SAME_PLACE_GAP if a.runs or b.runs else SAME_MEETING_GAP
    else:
        gap = 1
    if a.key == b.key:
        return overlaps(a.span, b.span, gap)
    if _agree(a, b):
        return overlaps(a.span, b.span, gap)
    # "flew into Tunis ... back at the Carthage conference hall": a site no gazetteer holds, told
    # in the same snippet as a known place on the same days, is where in that place they met.
    return _site_within(a, b) and overlaps(a.span, b.span)


def _site_within(a: _Report, b: _Report) -> bool:
    return (a.place is None) != (b.place is None) and bool(a.snippets & b.snippets)


def _met_apart(a: _Report, b: _Report) -> bool:
    """Different sides met on different days ("met the Ukrainian delegation on Sunday", "the
    Russian delegation on Monday"): two meetings, over the meetings' own days."""
    return sides_met_apart(a.sides, b.sides, a.span, b.span)


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
    """The same numbered round ("the fourth round") within weeks at places that agree, or within
    a week at two places: a round moved on ("begun in Quito", "ended in Guayaquil")."""
    if not a.ordinals & b.ordinals:
        return False
    if a.venue is not None and b.venue is not None and not _agree(a, b):
        return overlaps(a.span, b.span, SAME_PLACE_GAP)
    return overlaps(a.span, b.span, ROUND_SPAN_DAYS)


def _latest_before(
    i: int, info: list[_Report], takes: Callable[[_Report, _Report], bool], reach: int
) -> int | None:
    """The report of the meeting that a report points back to: of the reports `takes` allows,
    the one that ended last, on or before the report's days and at most `reach` days before."""
    a = info[i]
    if a.venue is None or a.span is None:
        return None
    best: tuple[date, int] | None = None
    for j, b in enumerate(info):
        if j == i or b.venue is None or b.span is None or not takes(a, b):
            continue
        if b.span[0] > a.span[0] or b.span[1] > a.span[1]:
            continue
        if (a.span[0] - b.span[1]).days > reach:
            continue
        if best is None or b.span[1] > best[0]:
            best = (b.span[1], j)
    return best[1] if best else None


def _referred(i: int, info: list[_Report]) -> int | None:
    """The meeting an undated reference at a place names ("during the talks in Lima"): the
    latest precisely dated meeting there (or at a place that agrees), within ROUND_SPAN_DAYS."""
    return _latest_before(
        i, info, lambda a, b: not b.referring and b.precise and _agree(a, b), ROUND_SPAN_DAYS
    )


def _moved_from(i: int, info: list[_Report]) -> int | None:
    """The meeting talks moved away from ("moved the talks to Guayaquil"): the latest meeting
    held at another place until at most SAME_PLACE_GAP days before."""
    return _latest_before(i, info, lambda a, b: b.cue and not _agree(a, b), SAME_PLACE_GAP)


def _resumed_from(i: int, info: list[_Report]) -> int | None:
    """The meeting talks resumed after a pause go on with ("resumed in Quito on Wednesday after
    a six-day pause"): the latest meeting held at a place that agrees, ended at most RESUMED_GAP
    days before, of no other round number."""

    def takes(a: _Report, b: _Report) -> bool:
        numbered_apart = bool(a.ordinals and b.ordinals and not a.ordinals & b.ordinals)
        return b.cue and b.precise and _agree(a, b) and not numbered_apart

    return _latest_before(i, info, takes, RESUMED_GAP)


def _told_to_the_day(i: int, info: list[_Report]) -> int | None:
    """The one meeting told to the day (or week) that a report dated only by its month names
    ("met in Lima in March"): the latest of those at its place on its days. Joined to one, such
    a report never makes two meetings of that month one."""
    a = info[i]
    best: tuple[date, int] | None = None
    for j, b in enumerate(info):
        if j == i or not b.precise or b.span is None or not _same_meeting(a, b):
            continue
        if best is None or (b.span[1], j) > best:
            best = (b.span[1], j)
    return best[1] if best else None


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _closest(item: _Report, info: list[_Report], days: list[Window | None]) -> int | None:
    """The row of a placed meeting an unplaced report belongs to: one on the same days (`days`:
    the days of the meeting each report is in so far), sharing a snippet first, else the most
    precisely dated; None when none is on those days. A report with no held cue joins only a
    meeting its own snippet reports."""
    best: tuple[bool, bool, bool, int] | None = None
    chosen = None
    for i, row in enumerate(info):
        if row.venue is None:
            continue
        # Talks that ran over days ("opened on Monday") take a report of a day or two later.
        runs = (row.runs or item.runs) and row.precise and item.precise
        exact = overlaps(item.span, days[i], 1)
        if not exact and not (runs and overlaps(item.span, days[i], SAME_MEETING_GAP)):
            continue
        shared = bool(item.snippets & row.snippets)
        if not item.cue and not shared:
            # A mere mention of talks from another report ("a result of productive talks") is
            # no report of this meeting: it is not cited for it.
            continue
        rank = (not shared, not exact, not row.day, i)
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
    if process == UNASSIGNED:
        # Talks whose sides the reading did not find ("The negotiations entered their fourth
        # day") are no round of any process: their reports are kept, but they make no row.
        return ()
    items = sorted(reports, key=round_order)
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
            b = info[j]
            # A report dated only by its month joins one meeting told to the day (below).
            if _same_numbered_round(a, b) or (a.precise == b.precise and _same_meeting(a, b)):
                join(i, j)
    for i, a in enumerate(info):
        day = _told_to_the_day(i, info) if not a.precise and a.venue is not None else None
        if day is not None:
            join(i, day)
    # A round reported begun at a place and later ended there is one meeting, with the reports
    # of that place in between: "talks opened in X on Monday" ... "talks in X concluded".
    by_start = sorted((j for j, b in enumerate(info) if b.span), key=lambda j: (starts[j], j))
    for i in range(len(info)):
        for j in _run_of(i, info, by_start):
            join(j, i)
    # "Delegations moved the talks to Guayaquil on Thursday": the meeting held elsewhere just
    # before goes on there.
    for i, a in enumerate(info):
        before = _moved_from(i, info) if a.moved else None
        if before is not None:
            join(i, before)
    # "Talks resumed in Quito on Wednesday after a six-day pause": the meeting held there before.
    for i, a in enumerate(info):
        before = _resumed_from(i, info) if a.resumed and a.precise else None
        if before is not None:
            join(i, before)
    # "During the talks in Lima, the sides also agreed ...", undated: the last meeting held there.
    for i, a in enumerate(info):
        referred = _referred(i, info) if a.referring else None
        if referred is not None:
            join(i, referred)
    # An unplaced report ("talks entered their third day on Wednesday") joins a placed meeting
    # whose days cover it, the days of all its reports so far (Monday to the next Friday).
    # A report dated only by its month ("the talks in Ankara earlier this month") widens no
    # meeting's days when its others are told to the day: a video meeting later that month is
    # not held there.
    hulls: dict[int, Window | None] = {}
    precise: dict[int, Window | None] = {}
    for i, a in enumerate(info):
        if a.venue is not None:
            root = _find(parent, i)
            hulls[root] = hull(hulls.get(root), a.span)
            if a.precise:
                precise[root] = hull(precise.get(root), a.span)
    hulls.update(precise)
    days = [hulls.get(_find(parent, i)) if a.venue else None for i, a in enumerate(info)]
    # A place only mentioned on a report's days ("the summit in Abuja was given over to trade",
    # undated, no held cue) is no meeting that an unplaced report can be part of.
    told = {_find(parent, i) for i, a in enumerate(info) if a.venue and (a.cue or a.precise)}
    for i, a in enumerate(info):
        if a.venue is not None and _find(parent, i) not in told:
            days[i] = None
    closest = [_closest(a, info, days) if a.venue is None else None for a in info]
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
    groups: dict[int, list[Round]] = {}
    for i, item in enumerate(items):
        groups.setdefault(_find(parent, i), []).append(item)
    rows = []
    for members in groups.values():
        if not any(m.meeting_cue for m in members):
            continue
        row = reduce(merge_rounds, members)
        if row.venue is not None and _own_venue(row, process) is None:
            row = row.model_copy(update={"venue": None})
        rows.append(row)
    return tuple(sorted(rows, key=round_order))
