"""Measures (accords and exchanges): merged across reports, with their stage and counts."""

import calendar
import re
from datetime import date, datetime, timedelta
from functools import cache, lru_cache, reduce
from itertools import pairwise

from schemas.events import SIDE_KINDS, Event, EventDate
from schemas.state import (
    Evidence,
    Measure,
    MeasureStatus,
    Round,
)
from streams.core.fold import negotiation_cues as cues
from streams.core.fold.casualty_claims import side_named, sides_named_in
from streams.core.fold.citations import EVIDENCE_LIMIT, earliest, report_order
from streams.core.fold.clusterkit import (
    Clustering,
    Window,
    first_n,
    hull,
    merged_date,
    merged_names,
    overlaps,
)
from streams.core.fold.foldkit import EPOCH, HELD, published_day
from streams.core.fold.meeting_cues import own_date, past_window, undated_past_window
from streams.core.fold.rounds import SNIPPET_LIMIT, round_window
from streams.core.lexicon import compile_words, load, state_names_by_code
from streams.core.read.dates import dateline_end

# Reports of measures kept per process: the latest by date, then publication, then event id;
# the measures are computed from them (clusterkit.add_report).
MEASURE_REPORT_LIMIT = 120

_PRISONER_UNITS = ("prisoners", "captured", "people")

# People held, not a noun they qualify ("a week after the prisoner swap", "the hostage talks").
_PRISONER_WORDS = re.compile(
    r"\b(?:prisoners?|POWs?|detainees?|captives?|hostages?)\b"
    r"(?!\s+(?:swaps?|exchanges?|releases?|deals?|talks|agreements?|accords?|lists?|files?)\b)",
    re.I,
)

PRISONERS_FREED = "prisoner exchange"
BODIES = "bodies returned"
RUNNING_TOTAL = "releases to date"
# "375 have been released in three transfers since February": a running total that counts the
# releases it sums, the process's own; the people exchanged are at least that many.
COUNTED_RELEASES = "releases counted to date"
# "The 120 prisoners freed last week": a release only told again, counted where it was told.
RECALLED = "release recalled"
# "In all, 515 were released over three days": one operation told whole, whose parts may be
# told day by day; it adds to the people exchanged only what its parts do not account for.
IN_ALL = "exchange in all"

# A deal reported agreed and then done within this many days is one exchange.
AGREED_TO_DONE = timedelta(days=14)
# Releases done this many days apart at most, that a report ties together, are one operation.
OPERATION_GAP = timedelta(days=3)

# Stages of a measure, least to most advanced.
_STAGES: tuple[MeasureStatus, ...] = ("announced", "agreed", "done")


def _order_text(event: Event) -> str:
    return f"{(event.published_at or EPOCH).isoformat()}|{event.id}"


# Cues of a sentence about prisoners that tells no release, unless the second cue stands too:
# "The sides exchanged accusations over the fate of 60 prisoners" (words, not people); "She
# expected the 400 detainees the movement counts to be freed once the next exchange was done"
# (a hope about people held, no exchange told at any stage); "The regime still holds more than
# 400 of our fighters and demands their release" (people held: a release demanded is none).
_NO_RELEASE_TOLD: tuple[tuple[str, str | None], ...] = (
    ("other_exchanges", "release"),
    ("expectation", None),
    ("still_held", "release_words"),
    # "Correction: An earlier version of this story said nine soldiers were released": a wrong
    # figure recalled, no release.
    ("correction", None),
)


def measure_kind(event: Event) -> str | None:
    text = event.sentence.text
    kind = PRISONERS_FREED if event.type == "prisoner_exchange" else cues.measure_kind(text)
    when = own_date(event)
    if (
        kind == PRISONERS_FREED
        and when is not None
        and when.precision == "year"
        # "Among those released were 30 soldiers captured last year": the capture's year.
        and not cues.exchange_cue("breakdown", text)
        and not _ordinal_of_year(text)
    ):
        # "Chile and Peru swapped prisoners this year", "in 2030, 500 were freed": releases of
        # a year, not one swap (it would join every swap of the year into one).
        return RUNNING_TOTAL
    # "X denied a report that 12 officers had been freed": no release was told; nor by "X
    # holds 20 police officers and demands that 60 of its fighters be freed".
    if kind == PRISONERS_FREED and (_denied_release(text) or _demanded_release(text)):
        return None
    if kind == PRISONERS_FREED and any(
        cues.exchange_cue(cue, text) and not (unless and cues.exchange_cue(unless, text))
        for cue, unless in _NO_RELEASE_TOLD
    ):
        return None
    # Remains handed over are not prisoners freed, unless the sentence names both: prisoners by
    # name, or people it counts as freed beside the remains ("35 soldiers were exchanged for 35
    # fighters, and 17 bodies were returned").
    if (
        kind == PRISONERS_FREED
        and cues.exchange_cue("bodies", text)
        and not _PRISONER_WORDS.search(text)
        and not (cues.exchange_cue("release_words", text) and _freed(event))
    ):
        return BODIES
    # "In all, N have been freed since the war began": a running total, never one swap; "...,
    # bringing to 9 the number freed since March" is one said after a swap, which stays one.
    own = text[: _running_clause_start(text)]
    if (
        kind == PRISONERS_FREED
        and _over_time(own)
        and not cues.exchange_cue("first_since", own)
        # "Among those freed were 9 officers held since 2029": how long they were held.
        and not cues.exchange_cue("breakdown", own)
    ):
        # "With the 20 freed this week, 152 have been released since October": a total since a
        # month is a running total, whatever span the release told with it has.
        bounded = cues.exchange_cue("in_all_span", own) and not cues.exchange_cue(
            "running_total", own
        )
        if bounded:
            return IN_ALL
        return COUNTED_RELEASES if cues.exchange_cue("counted_releases", own) else RUNNING_TOTAL
    # "In all, 24 detainees were freed in exchange for the five hostages", undated, after the
    # stages told: the total so far, no new swap (a total in all told of a span or in the
    # perfect is read above).
    if kind == PRISONERS_FREED and _in_all_opening(event, when):
        return RUNNING_TOTAL
    return kind


def _in_all_opening(event: Event, when: EventDate | None) -> bool:
    """A sentence that opens "In all," and tells no date of its own, nor a span or a perfect
    (those are totals over time, `_over_time`)."""
    text = event.sentence.text
    return (
        when is None
        and cues.exchange_cue("in_all_opening", text)
        and not _over_time(text[: _running_clause_start(text)])
    )


def _ordinal_of_year(text: str) -> bool:
    """ "..., the second exchange between the two countries this year": the year ranks the
    release among the year's, it does not date it."""
    return "year" in text and cues.exchange_cue("ordinal_of_year", text)


def _over_time(own: str) -> bool:
    """Whether the release's words count people freed over time: a running total ("to date",
    "since the war began") or a total in all told of a span or in the perfect ("in all, 515
    over three days", "in all, 2,000 have been released"); a bare one ("80 people in all were
    exchanged") is the whole of the swap told."""
    if cues.exchange_cue("running_total", own):
        return True
    return cues.exchange_cue("in_all", own) and (
        cues.exchange_cue("in_all_span", own) or cues.exchange_cue("in_all_running", own)
    )


def _denied_release(text: str) -> bool:
    """Whether the release the sentence tells is what a denial denies: a release word after
    the denial's words ("denied a report that 12 officers had been freed"); not a release told
    before a denial of something else ("Peru freed 30, but denied that it paid")."""
    denial = _exchange_words("denied").search(text)
    return denial is not None and _exchange_words("release").search(text, denial.end()) is not None


def _demanded_release(text: str) -> bool:
    """Whether the only release the sentence tells is one wanted or demanded ("wants every one
    of them freed"); a release told before the demand ("freed 14 passengers and demands that 60
    fighters be freed") was done."""
    demand = _exchange_words("demanded").search(text)
    return demand is not None and _exchange_words("done").search(text, 0, demand.start()) is None


# Sentences asked about more than once per event (each reading of a count asks again): the
# answers of the latest are kept, so a replay or a long feed grows no cache without bound.
_SENTENCES_KEPT = 4096

# Month names, for the days the fold reads itself (a pair's date, an inner release's day).
_MONTHS = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES = "|".join(calendar.month_name[1:])


@lru_cache(maxsize=_SENTENCES_KEPT)
def _running_clause_start(text: str) -> int:
    """Where a running total told after a release begins ("5 hostages were freed on Sunday,
    bringing to 9 the number freed since March"): the end of the release's own words; the end
    of the sentence when it has none, or when the running total is all it tells ("That brings
    the total freed to 210")."""
    clause = _exchange_words("running_clause").search(text)
    if clause is None or not re.search(r"\d", text[: clause.start()]):
        return len(text)
    return clause.start()


def _some_of_those(text: str) -> bool:
    """ "Three of the soldiers had been wounded and were taken to hospital": some of those a
    swap freed, told with no release of their own (no release word), count no one."""
    return (
        cues.exchange_cue("some_of_those", text)
        and not cues.exchange_cue("release", text)
        and not cues.exchange_cue("done", text)
    )


def _prisoners(event: Event) -> int | None:
    """People freed, as the sentence counts them: twice N for "N each", none for a rate or
    for "another N" (a part of a swap whose total is told elsewhere)."""
    text = event.sentence.text
    own = text[: _running_clause_start(text)]
    if any(cues.exchange_cue(cue, own) for cue in ("addition", "breakdown")):
        return None
    if _some_of_those(text):
        return None
    pair = _pair(text)
    parts = _joined(event)
    if pair and parts and not any(part[0] in pair for part in parts):
        # "freed 75 prisoners and released 25 soldiers, at a ratio of three for one": the
        # groups counted are the swap; the pair none of them is, its rate.
        pair = None
    if parts and not pair and not _each(event):
        # "22 hostages and 66 prisoners have been freed": the people of both, once each.
        return sum(part[0] for part in parts)
    for value, start, end in _freed(event):
        if pair and value in pair:
            # "175 for 175", "32 in return for two": both sides of the swap.
            return pair[0] + pair[1]
        if _each(event) and _each_number(_outer(text)) * 2 != value:
            return value * 2
        # "64 exchanged, 32 from each side": the total, told with its half; "12 soldiers and
        # a journalist", "20 ...; in return, Peru freed a captured pilot": one more.
        return value + (0 if pair else _one_more(text, end) + _one_before(text, start))
    numbers = _pair_pattern().search(text)
    if numbers and numbers.group(1)[0].isdigit() and numbers.group(2)[0].isdigit():
        # "a 30-for-28 prisoner swap"; not "a one-for-one swap", a ratio in words.
        return _number(numbers.group(1)) + _number(numbers.group(2))
    # "The rebels freed a kidnapped engineer": one person, counted.
    return 1 if one_person_freed(text) else None


# Between two groups freed in one sentence: "N hostages and M prisoners", "N were freed by X,
# while Y freed M"; not a part of the first ("N, including M wounded").
_JOINT = re.compile(r"[^.;]*?(?:\band\b|\bwhile\b|\bwhereas\b)", re.IGNORECASE)
_PART_OF = re.compile(r"\b(?:including|among|of whom|of them|out of|of which)\b", re.IGNORECASE)


# "the remains of 19 soldiers": a count of the dead, not of people freed.
_REMAINS_OF = re.compile(r"\b(?:remains|bod(?:y|ies))\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "75 of the 100 prisoners": the part freed, of a whole named after it.
_PART_OF_WHOLE = re.compile(r"\b(\d[\d,]*)\s+of\s+(?:the|its|their)\s+$", re.IGNORECASE)


def _freed(event: Event) -> list[tuple[int, int, int]]:
    """People freed as the sentence counts them, in text order: (count, start, end) of each
    figure; not remains, and "75 of the 100 prisoners" counts 75."""
    text = event.sentence.text
    found: list[tuple[int, int, int]] = []
    at = 0
    clause = _running_clause_start(text)
    # "..., after 100 on each side went home on October 15": another release's people.
    inner = _inner_release_in(text)
    inside = range(inner.start(), inner.end()) if inner else range(0)
    for q in event.quantities:
        value = q.value if q.value is not None else q.low
        start = text.find(q.text, at)
        if q.unit not in _PRISONER_UNITS or value is None:
            continue
        if start < 0:
            found.append((value, -1, -1))  # a figure not in the sentence's words as given
            continue
        at = start + len(q.text)
        if _REMAINS_OF.search(text, max(0, start - 24), start) or cues.exchange_cue(
            "bodies", q.text
        ):
            continue
        if start >= clause or _rate(text, at) or _moved_not_freed(text, at):
            continue  # "..., bringing the total to 12"; "30 for each hostage": no one freed
        if start in inside:
            continue
        part = _PART_OF_WHOLE.search(text, max(0, start - 24), start)
        found.append((_number(part.group(1)) if part else value, start, at))
    return _without_breakdown(text, found)


# What opens a breakdown of a group just counted: "23 people ...: nine gendarmes and fourteen
# farmers", "The five hostages, three Indians and two Lebanese, were ...".
_BREAKDOWN_OPENS = re.compile(r"[:,(\u2014\u2013]")
# A clause of its own between them: "Benin freed 10 farmers, and Togo released 4 gendarmes and
# 6 traders" tells two groups, whatever they sum to.
_BREAKDOWN_ENDS = re.compile(r"\b(?:and|while|whereas|but)\b|;", re.IGNORECASE)


def _without_breakdown(text: str, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The groups freed without those that only break down a group counted before them: two
    or more figures after a colon, a comma or a dash after the whole, in its clause, that sum
    to it ("released 23 people on June 20: nine gendarmes and fourteen farmers" counts 23)."""
    if len(found) < 3 or any(start < 0 for _, start, _ in found):
        return found
    for i, (whole, _, end) in enumerate(found):
        for j in range(i + 1, len(found) - 1):
            between = text[end : found[j][1]]
            if not _BREAKDOWN_OPENS.search(between) or _BREAKDOWN_ENDS.search(between):
                continue
            total = 0
            for k in range(j, len(found)):
                total += found[k][0]
                if total == whole and k > j:
                    return found[:j] + found[k + 1 :]
                if total >= whole:
                    break
    return found


# The rest of a figure's clause: where its own verb stands ("320 civilians were evacuated").
_CLAUSE_REST = re.compile(r"[^,;:.()]{0,60}")


def _moved_not_freed(text: str, after: int) -> bool:
    """Whether the figure ending at `after` counts people moved or treated, not freed ("320
    wounded civilians were evacuated"): its clause holds such a verb and no release word."""
    rest = _CLAUSE_REST.match(text, after)
    words = rest.group(0) if rest else ""
    return cues.exchange_cue("moved_not_freed", words) and not cues.exchange_cue(
        "release_words", words
    )


def _rate(text: str, after: int) -> bool:
    """Whether the figure ending at `after` is a rate ("30 for each hostage", "30 prisoners
    per hostage"): a number of people for each one of the other side, not people freed."""
    rate = _exchange_words("ratio").search(text, after, after + 40)
    return rate is not None and not re.search(r"[,;:.]|\band\b", text[after : rate.start()])


@cache
def _tally_clause() -> re.Pattern[str]:
    """A running total told by its verb: "brought to 98 the number of people freed", "brings
    the number of detainees freed since February to 43", "the number of people freed since
    March reaches 88" (its noun first: "reaches", "rises to", "stands at")."""
    number = _number_group()
    verb = (
        r"(?:brings|brought|bring|bringing|raises|raised|raising|takes|took|taking|pushes"
        r"|pushed|pushing|lifts|lifted|lifting)"
    )
    reach = (
        r"(?:(?:has\s+|now\s+)?reach(?:es|ed)|(?:has\s+)?(?:rises|rose|risen|climbs|climbed)"
        r"\s+to|(?:now\s+)?(?:stands|stood)\s+at)"
    )
    noun = r"(?:total|number|tally|count|figure)s?"
    bound = r"(?:(?:more\s+than|over|about|nearly|almost|some|at\s+least)\s+)?"
    return re.compile(
        rf"\b{verb}\s+(?:to\s+{bound}{number}\s+the\b|(?:\S+\s+){{0,6}}?"
        rf"{noun}\s+(?:\S+\s+){{0,10}}?to\s+{bound}{number}\b)"
        rf"|\b{noun}\s+(?:\S+\s+){{0,16}}?{reach}\s+{bound}{number}\b",
        re.IGNORECASE,
    )


def _tally_figure(told: re.Match[str]) -> int:
    return _number(next(g for g in told.groups() if g))


@cache
def _tally_lead(name: str) -> re.Pattern[str]:
    """Words right before a figure that make it a part of a running total ('tally_part': "with
    the 20 freed this week") or one left out of it ('tally_beside': "not counting the seven")."""
    words = load("exchanges")[name]
    article = r"(?:the|its|their|those|these|all)\s+"
    if name == "tally_beside":
        article = f"(?:{article})?"
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")\s+" + article + r"$", re.IGNORECASE)


def _tally(event: Event) -> int | None:
    """The figure of a running total: the one its verb brings the number to ("brought to 98
    the number freed"), else the largest it counts that is no part named in it ("With the six
    freed in July, 171 have now been released": 171), plus those it says it leaves out ("210
    exchanged since April, not counting the seven drivers freed on their own": 217)."""
    text = event.sentence.text
    told = _tally_clause().search(text)
    if told is not None:
        # "brings to 58 the number freed by Madagascar, and to 69 the number freed by the two
        # countries": one side's tally told with the whole's; the whole is the larger.
        also = _tally_also().match(text, told.end())
        return max(_tally_figure(told), _number(also.group(1)) if also else 0)
    counted: list[tuple[int, int, int]] = []
    beside = 0
    at = after = 0
    for q in event.quantities:
        value = q.value if q.value is not None else q.low
        start = text.find(q.text, at)
        if q.unit not in _PRISONER_UNITS or value is None or start < 0:
            continue
        at = start + len(q.text)
        lead = text[max(0, start - 40) : start]
        if _REMAINS_OF.search(lead) or cues.exchange_cue("bodies", q.text):
            continue
        # A later figure inside the list of parts ("counting both exchanges and the 25").
        listed = after > 0 and _exchange_words("tally_list").search(text, after, start)
        if _tally_lead("tally_beside").search(lead):
            beside += value
        elif not (listed or _tally_lead("tally_part").search(lead)):
            counted.append((value, start, at))
        after = at
    if not counted:
        return None
    if len(counted) > 1 and all(
        _TALLY_JOINT.match(text, end, start)
        # "101 freed by A and B in three transfers: ..., the 11 fishermen": a list's item.
        and not _TALLY_BREAK.search(text, end, start)
        and not _PART_OF.search(text, end, start)
        for (_, _, end), (_, start, _) in pairwise(counted)
    ):
        # "So far, 22 hostages and 66 prisoners have been freed", "All 37 captives have been
        # freed, along with 74 prisoners": the groups, once each.
        return sum(value for value, _, _ in counted) + beside
    return max(value for value, _, _ in counted) + beside


@cache
def _tally_also() -> re.Pattern[str]:
    """A second figure of the same tally verb, after the first's noun: ", and to 69 the number
    ..."."""
    return re.compile(
        rf"[^.;:]{{0,120}}?,?\s+and\s+to\s+{_number_group()}\s+the\s+"
        r"(?:total|number|tally|count|figure)",
        re.IGNORECASE,
    )


# Between two groups a running total counts: "22 hostages and 66 prisoners", "37 captives ...,
# along with 74 prisoners".
_TALLY_JOINT = re.compile(r"[^.;:]*?\b(?:and|along with|as well as)\b", re.IGNORECASE)
_TALLY_BREAK = re.compile(r"[.;:]")


def _remains(event: Event) -> int | None:
    """The dead whose remains are handed over: "the bodies of 7 soldiers"."""
    values = [q.value for q in event.quantities if q.unit in _PRISONER_UNITS and q.value]
    return values[0] if values else None


def _hedged(event: Event, count: int) -> bool:
    """Whether the sentence gives the count only as a bound or a round figure ("more than 290
    prisoners", "about 300"): a precise count told of the same swap is its count."""
    return any(
        q.qualifier != "exact" and count in (q.value, q.low, q.high)
        for q in event.quantities
        if q.unit in _PRISONER_UNITS
    )


def _joined(event: Event) -> list[tuple[int, int, int, int]]:
    """Groups of people freed told side by side in one sentence, as (count, where the clause
    of the group starts, where its figure starts and ends); empty unless there are two."""
    text = event.sentence.text
    found = _freed(event)
    if len(found) < 2 or any(start < 0 for _, start, _ in found):
        return []
    parts = [(found[0][0], 0, found[0][1], found[0][2])]
    deal = _exchange_words("deal")
    told_done = deal.search(text, 0, found[0][1]) is None
    for (_, _, end), (value, start, stop) in pairwise(found):
        between = text[end:start]
        joint = _JOINT.match(between)
        if _PART_OF.search(between):
            return []
        if joint is None:
            # "Twenty detainees and seven soldiers crossed on Friday, completing the release of
            # 55 people": a figure of another clause ends the groups told side by side.
            break
        if told_done and deal.search(between):
            # "exchanged 60 prisoners and agreed to free 100 more": a deal after a release.
            break
        parts.append((value, end + joint.end(), start, stop))
    # "12 hostages and 120 detainees were exchanged on October 9, and the government freed 20
    # more on November 17": the groups told of the first release's day, not a later one's.
    leads = [(part[1], part[2]) for part in parts[1:]]
    apart = _first_dated_apart(text, leads, [part[3] for part in parts[1:]])
    if apart is not None:
        parts = parts[: apart + 1]
    return parts if len(parts) > 1 else []


def _dated_apart(text: str, leads: list[tuple[int, int]]) -> bool:
    """Whether a later group's clause opens with a date of its own that the words before it
    lack ("In March, 60 were exchanged, and in July Peru freed 25"): releases of other days.
    `leads` are where each later group's clause starts and where its figure does; a date after
    the last figure may be the whole sentence's ("50 detainees and 3 wounded on Friday")."""
    return _first_dated_apart(text, leads) is not None


# Where the clause of a group freed ends, after its figure: "freed 20 more on November 17, ...".
_CLAUSE_END = re.compile(r"[,;]|\band\b|\bwhile\b|$", re.IGNORECASE)


def _first_dated_apart(
    text: str, leads: list[tuple[int, int]], ends: list[int] | None = None
) -> int | None:
    """The first later group (its index in `leads`) told of a day of its own: a date opening
    its clause that the words before lack, or, when the words before it are dated (`ends`:
    where each group's figure ends), a date after its figure in its own clause that they lack
    ("60 were exchanged on May 3, and Peru freed 10 more on June 2")."""
    words = _exchange_words("date_words")
    # "NIAMEY, July 2 — Benin freed 14 soldiers and three engineers on Tuesday": the dateline's
    # day is the report's, no day of the first group.
    head = dateline_end(text)
    for i, (start, figure) in enumerate(leads):
        # The later group's own clause starts after the last ";" before its figure: "16
        # prisoners and nine bodies on Tuesday; Chile returned 16" dates the first clause.
        start = max(start, text.rfind(";", start, figure) + 1)
        seen = {w.casefold() for w in words.findall(text, head, start)}
        if {w.casefold() for w in words.findall(text, start, figure)} - seen:
            return i
        if ends is None or not seen:
            continue
        stop = _CLAUSE_END.search(text, ends[i])
        after = {
            w.casefold() for w in words.findall(text, ends[i], stop.start() if stop else len(text))
        }
        if after - seen:
            return i
    return None


@cache
def _number_words() -> dict[str, int]:
    words: dict[str, int] = load("exchanges")["number_words"]
    return words


def _number_group() -> str:
    """A figure in digits or in words, as a regex group."""
    return r"(\d[\d,]*|" + "|".join(_number_words()) + ")"


@cache
def _pair_pattern() -> re.Pattern[str]:
    number = _number_group()
    # The day of a date is no figure: "ten workers were handed over on April 6 in exchange for
    # 40 prisoners" is ten for 40.
    day = rf"(?:{_MONTH_NAMES})\s+\d{{1,2}}\b,?"
    word = rf"[\s-]+(?:{day}|(?!\d)[^\s.;]+)"
    return re.compile(
        # No other figure between the two: "40 detainees on Thursday, 20 for 20" is 20 for 20;
        # "in exchange for" ties two figures further apart than a bare "for" does.
        rf"\b{number}(?:(?:{word}){{0,10}}?[\s-]+(?:in return|in exchange)?[\s-]*for"
        rf"|(?:{word}){{0,16}}?[\s-]+in\s+(?:return|exchange)\s+for)[\s-]+(?:the\s+)?{number}\b",
        re.IGNORECASE,
    )


@cache
def _pair_lead() -> re.Pattern[str]:
    """A number word standing right before the "for" of a pair: its first number."""
    words = "|".join(_number_words())
    return re.compile(
        rf"\b({words})[\s-]+(?:in return[\s-]+|in exchange[\s-]+)?for[\s-]+(?:the\s+)?$",
        re.IGNORECASE,
    )


def _number(text: str) -> int:
    return _number_words().get(text.casefold()) or int(text.replace(",", ""))


@cache
def _one_person() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A release of one person named by a noun, one person on the other side of a swap (a
    noun, or a name: "in exchange for Captain Luis Ramos"), and one person named by a noun."""
    lexicon = load("exchanges")
    person = r"(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(lexicon["person_nouns"]) + r")\b"
    # "released the Dutch hostage, who ...": one person named by a singular noun with "the",
    # the noun ending its phrase (not "the hostage talks", "the hostage's driver").
    the_person = (
        r"the\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(lexicon["person_nouns"]) + r")"
        r"(?=\s*[,.;]|\s+(?:on|to|in|at|into|from|after|who|and|by|last|this|late|early)\b)"
    )
    freed = re.compile(
        r"\b(?:" + "|".join(lexicon["one_person_verbs"]) + rf")\s+(?:{person}|{the_person})",
        re.IGNORECASE,
    )
    other = re.compile(
        r"\b[Ii]n\s+(?:exchange|return)\s+for\s+(?:the\s+(?:release|return|freedom)\s+of\s+)?"
        r"(?:(?i:" + person + r")|(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+\b)"
    )
    return freed, other, re.compile(r"\b" + person, re.IGNORECASE)


_ONE_MORE = re.compile(r"^[^.]*?(?:\band\b|;|\bin\s+return\b|\bin\s+turn\b)", re.IGNORECASE)


def _one_more(text: str, after: int) -> int:
    """One person freed besides a counted group, named after it and not among it: "12
    soldiers and a journalist"; not "40 hostages, including a journalist"."""
    if after < 0:
        return 0
    person = _one_person()[2].search(text, after)
    if person is None:
        return 0
    between = text[after : person.start()]
    if _PART_OF.search(between) or not _ONE_MORE.match(between):
        return 0
    return 1


_AND_THEN = re.compile(r"\s*,?\s+and\s+$", re.IGNORECASE)


def _one_before(text: str, start: int) -> int:
    """One person freed named before a counted group, the release verb before both: "freed a
    priest and two nurses"."""
    if start <= 0 or not text[:start].rstrip().casefold().endswith(" and"):
        return 0
    return int(
        any(
            _AND_THEN.fullmatch(text, m.end(), start)
            for m in _one_person()[0].finditer(text, 0, start)
        )
    )


def one_person_freed(text: str) -> bool:
    """ "The rebels freed a kidnapped engineer": one person freed."""
    return _one_person()[0].search(text) is not None


def _pair(text: str) -> tuple[int, int] | None:
    """ "N for M", "N-for-M", "N in return for M": the two sides of a swap; "N in exchange for
    an army captain" or "for Captain Luis Ramos": N for one."""
    found = _pair_pattern().search(text)
    if found:
        # "25 soldiers on Saturday, at a ratio of three for one": the pair is the words right
        # before "for", not a figure further back.
        near = _pair_lead().search(text, found.end(1), found.start(2))
        first = near.group(1) if near else found.group(1)
        return (_number(first), _number(found.group(2)))
    one = _one_person()[1].search(text)
    if one:
        counts = [int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", text[: one.start()])]
        return (counts[-1], 1) if counts else None
    # "In return for two, ... will release 32": the other side named first.
    lead = re.search(r"\bin (?:return|exchange) for (\w+)", text, re.IGNORECASE)
    if lead and lead.group(1).casefold() in _number_words():
        other = _number(lead.group(1))
        counts = [int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", text)]
        return (counts[0], other) if len(counts) == 1 else None
    return None


def _even(text: str) -> bool:
    pair = _pair(text)
    return pair is not None and pair[0] == pair[1]


@cache
def _each_pattern() -> re.Pattern[str]:
    # "32 from each side", "ten from each side", "32 each", "30 in each direction".
    number = _number_group()
    return re.compile(
        rf"\b{number}\s+(?:(?:[\w-]+\s+){{0,3}}?(?:(?:from|on|by|for|of)\s+each\s+"
        r"(?:side|party|country)|in\s+each\s+direction)|each\b)",
        re.IGNORECASE,
    )


def _each_number(text: str) -> int:
    """The number each side freed, where the sentence ties one to "each" ("32 from each side",
    "ten from each side", "32 each"); 0 when it does not."""
    found = _each_pattern().search(text)
    return _number(found.group(1)) if found else 0


def _each(event: Event) -> bool:
    return cues.exchange_cue("each_side", _outer(event.sentence.text))


@lru_cache(maxsize=_SENTENCES_KEPT)
def _outer(text: str) -> str:
    """The sentence without a release told inside a clause of it ("..., after 60 on each side
    went home on April 3"): "each" there is that release's."""
    inner = _inner_release_in(text)
    if inner is None:
        return text
    return text[: inner.start()] + " " * (inner.end() - inner.start()) + text[inner.end() :]


def _by_side(event: Event, count: int | None) -> dict[str, int]:
    """People freed by each side: N each for "N each"; for "X will release N in return for M",
    N by X and M by the other side of the process."""
    if count is None:
        return {}
    text = event.sentence.text
    if _each(event) or _even(text):
        sides = sorted({a.name for a in event.actors if a.role == "party" and a.kind != "person"})
        if len(sides) < 2:
            # "Ecuador and Colombia swapped 40, 20 for 20" keyed to one of them: the two sides
            # the sentence names, a party and a side only mentioned.
            sides = sorted(
                {
                    a.name
                    for a in event.actors
                    if a.role in ("party", "mentioned") and a.kind in SIDE_KINDS
                }
            )
        if len(sides) != 2:
            # "32 from each side": the two sides of a two-sided process.
            states = [state_names_by_code().get(code) for code in event.process.split("--")]
            sides = sorted({n for n in states if n}) if len(states) == 2 else sides
        return dict.fromkeys(sides, count // 2) if len(sides) == 2 else {}
    pair = _pair(text)
    if pair is None or pair[0] + pair[1] != count:
        return {}
    releasing = _releasing_side(event)
    other = _other_side(event, releasing)
    if releasing is None or other is None:
        return {}
    return {releasing: pair[0], other: pair[1]}


_RELEASE = re.compile(
    r"\b(?:will |would |to |has |have |had )?(?:release[sd]?|free[sd]?|freed|hand(?:s|ed)? over"
    # "Peru returned 48 prisoners": returned with an object, not "48 soldiers returned home".
    r"|return(?:s|ed)?(?=\s+(?:\d|(?:the|all|some|its|their|another|a\s+further|about|at\s+least)\s)))\b",
    re.IGNORECASE,
)


# "..., and Uruguay promised to free 30 in return": the other side and its own number, after
# "and", within one sentence.
_OTHER_RELEASE = re.compile(
    r"\s*(?P<n>\d[\d,]*)(?:[\s,]+[\w'’-]+){0,10}?,?\s+and\s+(?:the\s+)?"
    r"(?P<side>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"(?:\s+[\w-]+){0,4}?\s+(?P<m>\d[\d,]*)\b"
)


# "Peru handed over 12 prisoners to Chile, which in turn released 8": the receiving side frees
# its own number in turn.
_IN_TURN = re.compile(
    r"\s*(?P<n>\d[\d,]*)(?:[\s,]+[\w'’-]+){0,6}?\s+to\s+(?:the\s+)?"
    r"(?P<side>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+which\s+(?:in\s+turn\s+)?"
    r"(?:released|freed|handed\s+over|returned|set\s+free)\s+(?P<m>\d[\d,]*)\b"
)
# "swapped 58 prisoners: 30 Peruvians and 28 Chileans": the captives by their nationality,
# each freed by the other side.
_BY_NATIONALITY = re.compile(
    r"\b(?P<n>\d[\d,]*)\s+(?P<a>[A-Z][\w'’-]+)(?:\s+[\w-]+)?,?\s+and\s+(?P<m>\d[\d,]*)\s+"
    r"(?P<b>[A-Z][\w'’-]+)"
)


def _by_nationality(event: Event, count: int | None) -> dict[str, int]:
    found = _BY_NATIONALITY.search(event.sentence.text)
    if found is None or not count:
        return {}
    n, m = _number(found.group("n")), _number(found.group("m"))
    held = side_named(found.group("a")), side_named(found.group("b"))
    if n + m != count or None in held or held[0] == held[1]:
        return {}
    freed_by = [_other_side(event, side) for side in held]
    if None in freed_by or freed_by[0] == freed_by[1]:
        return {}
    return {str(freed_by[0]): n, str(freed_by[1]): m}


def _split(event: Event) -> dict[str, int]:
    """ "Chile will free 420 prisoners and Peru 95", "Bolivia released 50 detainees, and
    Uruguay freed 30": each side's count, the releasing side named before the verb, the other
    after "and" with its own number."""
    text = event.sentence.text
    by_clause = _clause_split(event)
    if by_clause:
        return by_clause
    verb = _RELEASE.search(text)
    first = _releasing_side(event)
    if verb is None or first is None:
        return {}
    found = _OTHER_RELEASE.match(text, verb.end()) or _IN_TURN.match(text, verb.end())
    if found is None or _dated_apart(text, [(found.start("side"), found.start("m"))]):
        return {}
    other = side_named(found.group("side"))
    sides = {a.name for a in event.actors if a.role == "party" and a.kind != "person"}
    if other is None or other == first or other not in sides | {_other_side(event, first)}:
        return {}
    return {first: _number(found.group("n")), other: _number(found.group("m"))}


_NAME = r"(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
# "..., 420 by Chile and 95 by Peru", "420 of them freed by Chile, 95 by Peru".
_BY_SIDES = re.compile(
    r"\b(\d[\d,]*)\s+(?:[\w-]+\s+){0,3}?(?:by|from)\s+"
    + _NAME
    + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(\d[\d,]*)\s+(?:[\w-]+\s+){0,3}?(?:by|from)\s+"
    + _NAME
)


def _split_by(event: Event, count: int | None) -> dict[str, int]:
    """ "In all, 515 were released, 420 by Chile and 95 by Peru": the split of a count told."""
    found = _BY_SIDES.search(event.sentence.text)
    if found is None:
        return {}
    first, second = side_named(found.group(2)), side_named(found.group(4))
    n, m = _number(found.group(1)), _number(found.group(3))
    if first is None or second is None or first == second or (count and n + m != count):
        return {}
    return {first: n, second: m}


_SWAP_WORDS = re.compile(
    r"\b(?:exchang\w*|swap\w*|trade[sd]?|in return|in turn|each|both|while|whereas)\b",
    re.IGNORECASE,
)


def _one_way(event: Event, count: int | None) -> dict[str, int]:
    """ "Peru released 30 Chilean soldiers on Monday": a release by one side, the side that is
    the subject of the verb, in a sentence that tells of no swap; all its count is that side's."""
    text = event.sentence.text
    verb = _RELEASE.search(text)
    if not count or verb is None:
        return {}
    side = _releasing_side(event)
    state = _unnamed_state_side(event, verb.start())  # "the government freed": no side named
    if side is None and state is None:
        return {}
    # Swap words before the verb, or words after it that bring in the other side, tell of
    # more than one side's release; "In return, Bolivia released 120", "Paraguay freed 9
    # hostages in return" and "Paraguay released 52 ..., completing the swap" are one side's
    # (a number freed in return, "30 in return for 20", is a pair read before).
    lead = _ANSWER.match(text)
    if _pair(text) is not None:
        return {}  # "released 25 in return for three soldiers": two sides free people
    if _SWAP_WORDS.search(
        text, lead.end() if lead else 0, verb.start()
    ) or _OTHER_SIDE_WORDS.search(text, verb.end()):
        return {}
    if state is not None:
        # "In return, the government freed 24 AMF members": the process's state, unnamed.
        return {state: count}
    if side is None:  # never: with no side the state answered above (narrows the type)
        return {}
    mentions = [a.mention for a in event.actors if a.name == side and a.mention]
    for m in mentions:
        at = text.rfind(m, 0, verb.start())
        if at < 0 or _releasing_body().fullmatch(text[at + len(m) : verb.start()]) is None:
            continue
        # "Peru and Bolivia freed 40": both sides free them, no split.
        return {} if _JOINT_SUBJECT.search(text, lead.end() if lead else 0, at) else {side: count}
    return {}


# The state side of a release by "the government" or "the authorities" in a process that
# names no state.
UNNAMED_STATE = "government"

# A day or a word of sequence between a side and its release verb: "The FPK on Tuesday
# released", "the army also freed".
_BETWEEN_SIDE_AND_VERB = (
    r"(?:(?:on\s+(?:" + "|".join(calendar.day_name) + r")|yesterday|today"
    r"|also|then|later|finally|in\s+turn)\s+)?"
)


@cache
def _unnamed_state() -> re.Pattern[str]:
    """The state side named only by its body, the subject right before the release verb: "the
    government freed", "The authorities on Sunday released" ('unnamed_state_side')."""
    bodies = "|".join(load("exchanges")["unnamed_state_side"])
    return re.compile(
        r"(?:^|[,;:]\s*|\s)(?:the\s+)(?:" + bodies + r")\s+" + _BETWEEN_SIDE_AND_VERB + r"$",
        re.IGNORECASE,
    )


def _unnamed_state_side(event: Event, verb: int) -> str | None:
    """The process's one state, when the release verb at `verb` has for subject a state body
    that names no state ("In return, the government freed 24 AMF members")."""
    body = _unnamed_state().search(event.sentence.text, 0, verb)
    if body is None:
        return None
    states = [state_names_by_code().get(code) for code in event.process.split("--")]
    named = [n for n in states if n]
    if len(named) == 1 and len(states) == 2:
        return named[0]
    # A process keyed by the group alone: the state side as the text names it, one label for
    # its every body ("government"), so that the group's half and this one are two sides.
    return None if named else UNNAMED_STATE


# "42 soldiers captured by Bolivia": the side that held the people counted, named right
# after them, in their own clause.
_HELD_BY = re.compile(
    r"[^.;:]{0,60}?\b(?:held|captured|detained|taken|kidnapped|abducted|seized|imprisoned|jailed)"
    r"(?:\s+[\w-]+){0,2}?\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _held_by(event: Event, count: int | None) -> dict[str, int]:
    """ "Forty-two Peruvian soldiers captured by Bolivia returned home": people freed told by
    their release alone, counted once, with the side that held them named after them; that
    side freed them (one side's half of a swap, `joined_halves`)."""
    found = _freed(event)
    if not count or len(found) != 1 or found[0][0] != count or found[0][2] < 0:
        return {}
    if _pair(event.sentence.text) is not None or _each(event):
        return {}
    text = event.sentence.text
    held = _HELD_BY.match(text, found[0][2])
    if held is not None:
        side = _side_at(event, held.end())
        return {side: count} if side else {}
    # "30 prisoners were handed over to Peru", "Bolivia received 30 of its soldiers": the side
    # that receives them; the other side freed them.
    to = _HANDED_TO.match(text, found[0][2])
    receiver = _side_at(event, to.end()) if to else _receiver_before(event, found[0][1])
    freed_by = _other_side(event, receiver)
    return {freed_by: count} if freed_by else {}


def _side_at(event: Event, at: int) -> str | None:
    """The side (a state or an armed group) whose words begin at `at`."""
    text = event.sentence.text
    for a in event.actors:
        # The actor's first mention may be another form ("Peruvian" before "to Peru").
        if a.kind in SIDE_KINDS and any(text.startswith(w, at) for w in (a.mention, a.name) if w):
            return a.name
    return None


def _receiver_before(event: Event, figure: int) -> str | None:
    """ "Bolivia received 30 of its soldiers": the side named right before a verb of receiving
    that stands right before the figure."""
    text = event.sentence.text
    verb = _RECEIVED.search(text, max(0, figure - 40), figure)
    if verb is None:
        return None
    for a in event.actors:
        if a.kind in SIDE_KINDS and a.mention:
            at = text.rfind(a.mention, 0, verb.start())
            if at >= 0 and _releasing_body().fullmatch(text[at + len(a.mention) : verb.start()]):
                return a.name
    return None


_HANDED_TO = re.compile(
    r"[^.;:]{0,60}?\b(?:handed\s+over|handed|returned|released|freed|transferred|repatriated)"
    r"\s+to\s+(?:the\s+)?",
    re.IGNORECASE,
)
_RECEIVED = re.compile(
    r"\b(?:received|receives|welcomed|took\s+back|got\s+back)\s+$", re.IGNORECASE
)


# A sentence that answers a release told before it: "In return, ...", "In turn, ...".
_ANSWER = re.compile(r"\s*(?:in (?:return|exchange|turn)|in response)\s*,?\s*", re.IGNORECASE)
# "for each captive" is a rate, not the other side's count.
_OTHER_SIDE_WORDS = re.compile(
    r"\b(?:(?<!for )(?<!for every )each|both|while|whereas|trade[sd]?|swapped|exchanged)\b",
    re.IGNORECASE,
)

_JOINT_SUBJECT = re.compile(r"(?:\band|&|,)\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _releasing_body() -> re.Pattern[str]:
    """What may stand between a side and its release verb: nothing, or the side's body ("the
    Bolivian government freed", "Peru's army released")."""
    bodies = "|".join(load("exchanges")["releasing_bodies"])
    # "Bolivia said it had freed 120": the side speaking of its own release.
    # "Chile said on Sunday it had freed 25": the day of saying between.
    said = (
        r"(?:(?:said|says|announced|confirmed)\s+(?:on\s+\w+\s+)?(?:that\s+)?it\s+"
        r"(?:had\s+|has\s+)?)?"
    )
    # "the Southern Front (SF) freed 6": the side's acronym between its name and the verb.
    acronym = r"(?:\s*\([A-Z][\w.-]*\))?"
    return re.compile(
        acronym + r"(?:['’]s)?\s*(?:(?:" + bodies + r")\s*)?" + _BETWEEN_SIDE_AND_VERB + said,
        re.IGNORECASE,
    )


def _clause_split(event: Event) -> dict[str, int]:
    """ "10 hostages were freed by X on Sunday, while Y freed 30 prisoners": each group by the
    one side its own clause names, when every clause names a different one."""
    parts = _joined(event)
    if not parts:
        return {}
    text = event.sentence.text
    parties = {a.name for a in event.actors if a.role == "party" and a.kind != "person"}
    bounds = [part[1] for part in parts[1:]] + [len(text)]
    split: dict[str, int] = {}
    last: str | None = None
    for (count, start, figure, figure_end), end in zip(parts, bounds, strict=True):
        # The side that frees, not the people freed ("16 Peruvian fishermen").
        clause = text[start:figure] + " " + text[figure_end:end]
        named = {n for n in sides_named_in(clause) if n in parties}
        if not named and last is not None:
            # "Benin freed 14 soldiers and three engineers": a group that names no side of
            # its own is one more of the side before it.
            split[last] += count
            continue
        if len(named) != 1:
            return {}
        side = named.pop()
        if side in split:
            return {}
        split[side] = count
        last = side
    return split


def _releasing_side(event: Event) -> str | None:
    """The side named last before the release verb: "Azerbaijan will release 32 ..."."""
    text = event.sentence.text
    verb = _RELEASE.search(text)
    if verb is None:
        return None
    best: tuple[int, str] | None = None
    for a in event.actors:
        # "Bolivia said it had freed 120": a state or armed group that speaks of its release.
        speaks = a.role == "speaker" and a.kind in SIDE_KINDS
        if (a.role != "party" and not speaks) or a.kind == "person" or not a.mention:
            continue
        at = text.rfind(a.mention, 0, verb.start())
        if at >= 0 and (best is None or at > best[0]):
            best = (at, a.name)
    return best[1] if best else None


def _other_side(event: Event, side: str | None) -> str | None:
    """The other side: the one other side the sentence names, else that of a two-sided process
    by its country codes."""
    if side is None:
        return None
    named = {a.name for a in event.actors if a.role == "party" and a.kind != "person"} - {side}
    if len(named) == 1:
        return named.pop()
    names = [state_names_by_code().get(code) for code in event.process.split("--")]
    others = [n for n in names if n and n != side]
    return others[0] if len(names) == 2 and len(others) == 1 else None


def _stage(event: Event, kind: str) -> MeasureStatus:
    text = event.sentence.text
    # An exchange is collapsed by its own halt only: "agreed to carry out the suspended
    # exchange" is a deal to resume it, whatever the talks' collapse words say of it.
    if halted_exchange(event, kind) or (kind != PRISONERS_FREED and collapse(event)):
        return "collapsed"
    if kind == PRISONERS_FREED and cues.exchange_cue("unrealised", text):
        return "collapsed"  # "the 200 men who were to have been exchanged"
    if delayed_exchange(event, kind):
        return "agreed"  # "the swap was postponed": put off, not off; the deal stands
    if kind == PRISONERS_FREED and event.type == "prisoner_exchange" and _release_then_deal(text):
        return "done"  # "exchanged 60 on Tuesday and agreed to swap 100 more next month"
    if (
        event.modality == "planned"
        and kind == PRISONERS_FREED
        and cues.exchange_cue("deal_reached", text)
    ):
        return "agreed"  # "agreed on Monday to exchange 70 each next month": a deal reached
    if event.modality not in HELD:
        return "announced"
    if kind == PRISONERS_FREED and _QUESTION.search(text):
        # "Who is being exchanged?": a question (a Q&A's heading) tells no release done.
        return "announced"
    if kind != PRISONERS_FREED and cues.has("done", text):
        return "done"
    if kind == PRISONERS_FREED and cues.exchange_cue("ratio", text) and not _freed(event):
        # "30 prisoners for each hostage": the terms of a deal, not a swap done; "6 hostages
        # were freed, and 180 prisoners, 30 for each hostage": a swap done, told with its rate.
        return "agreed"
    if kind == PRISONERS_FREED and event.type == "prisoner_exchange":
        # An exchange is done when the sentence says people were freed, and is not about a deal
        # to free them ("agreed to exchange", "will release", "in return for two").
        if cues.exchange_cue("done", text) and not _about_a_deal(text):
            return "done"
        if _past_noun(event) and not _about_a_deal(text):
            return "done"
        # "33 soldiers came home in Sunday's exchange": a release told again was done.
        if cues.exchange_cue("recalled", text) and not _about_a_deal(text):
            return "done"
        return (
            "agreed"
            if cues.has("completed", text) or cues.exchange_cue("deal", text)
            else ("announced")
        )
    return "agreed"


# A sentence that asks: its last mark, before closing quotes or brackets, is a question mark.
_QUESTION = re.compile(r"\?[\s\"'”’)\]]*$")


def _past_noun(event: Event) -> bool:
    """ "The exchange of 120 prisoners last week was welcomed": an exchange named by a definite
    noun, dated before the day of its report, was done."""
    when, day = own_date(event), published_day(event)
    text = event.sentence.text
    if when is None or day is None or when.precision not in ("day", "week", "month"):
        return False
    if when.end >= day or _exchange_words("past_noun_not").search(text):
        return False
    # The date tells the exchange's time: it ends the noun phrase ("the exchange of 120
    # prisoners between Chile and Peru last week"), no clause or verb between them.
    for m in _exchange_words("past_noun").finditer(text):
        at = text.find(when.text, m.end())
        gap = text[m.end() : at]
        if at >= 0 and len(gap.split()) <= _NOUN_PHRASE_WORDS and not _GAP_BREAK.search(gap):
            return True
    return False


_NOUN_PHRASE_WORDS = 8
_GAP_BREAK = re.compile(
    r"[,;:.]|\b(?:is|are|was|were|be|been|has|have|had|will|would|that|which|who)\b", re.IGNORECASE
)


@cache
def _exchange_words(name: str) -> re.Pattern[str]:
    return compile_words(load("exchanges")[name])


def _about_a_deal(text: str) -> bool:
    """Whether the sentence is about a deal to free people, not their release: a deal's words
    anywhere, unless a release told before them is the main clause and the deal is told after
    a comma ("Peru released 50 detainees on Friday, the first of 200 it agreed to free")."""
    deal = _exchange_words("deal").search(text)
    if deal is None:
        return False
    done = _exchange_words("done").search(text)
    if done is None or done.start() > deal.start():
        return True
    return "," not in text[done.end() : deal.start()] and not _release_then_deal(text)


def _release_then_deal(text: str) -> bool:
    """ "Peru and Chile exchanged 60 prisoners on Tuesday and agreed to swap 100 more next
    month": a release counted in its own clause, then a deal joined to it by "and" (the deal's
    future does not make the release planned); "exchanged lists and agreed to swap 100" counts
    no release before its deal."""
    deal = _exchange_words("deal").search(text)
    done = _exchange_words("done").search(text)
    if deal is None or done is None or done.start() > deal.start():
        return False
    between = text[done.end() : deal.start()]
    return _DEAL_JOINT.search(between) is not None and re.search(r"\d", between) is not None


# A deal joined to a release by "and" is a further step; after "but" the deal words are often
# of what was promised before ("released 22 but did not explain ... what was promised").
_DEAL_JOINT = re.compile(r"\band\b", re.IGNORECASE)


def delayed_exchange(event: Event, kind: str) -> bool:
    """An exchange put off or held up ("postponed over the lists"): a deal still to be carried
    out; read as negated, it must not be hidden either."""
    return kind == PRISONERS_FREED and cues.exchange_cue("delayed", event.sentence.text)


def halted_exchange(event: Event, kind: str) -> bool:
    """An exchange stopped or called off ("the swap was halted"): reading it as negated must
    not hide it, it is the exchange's latest stage; not a release told done before the halt
    of what was left ("Chile released 30 on Sunday, but Peru halted the second stage")."""
    if kind != PRISONERS_FREED:
        return False
    text = event.sentence.text
    halt = _exchange_words("halted").search(text)
    if halt is None:
        return False
    done = _exchange_words("done").search(text, 0, halt.start())
    return done is None or _HALT_AFTER.search(text, done.end(), halt.start()) is None


# Between a release told done and a halt told after it, of another part of the exchange, or
# of a time before the release ("exchanged 60 on Monday, a week after the swap was halted").
_HALT_AFTER = re.compile(
    r"(?:,\s*|\s)(?:but|before|then|yet|after|since|following|which|that)\b|;", re.IGNORECASE
)


def measure_window(m: Measure) -> Window | None:
    if m.window_start is None or m.window_end is None:
        return None
    return (m.window_start, m.window_end)


def _measure_status(stages: dict[str, int], latest: MeasureStatus) -> MeasureStatus:
    if latest == "collapsed":
        return "collapsed"
    reached: list[MeasureStatus] = [s for s in _STAGES if stages.get(s)]
    return reached[-1] if reached else "collapsed"


def _done_before(when: EventDate, event: Event) -> EventDate:
    """A release told done happened by its report: a month named without a year that reads as
    one to come ("the first swap, in March, freed 60", told in November) is last year's."""
    day = published_day(event)
    if day is None or when.precision != "month" or when.start <= day:
        return when
    start = when.start.replace(year=when.start.year - 1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return when.model_copy(update={"start": start, "end": end})


def new_measure(event: Event, kind: str, cite: Evidence) -> Measure:
    # "Among those freed were 30 soldiers captured last year": a breakdown of a swap told
    # elsewhere; its date is of the capture, so the report is placed as an undated one.
    text = event.sentence.text
    breakdown = kind == PRISONERS_FREED and cues.exchange_cue(
        "breakdown", text[: _running_clause_start(text)]
    )
    when = None if breakdown else own_date(event)
    window = undated_past_window(event) if breakdown else past_window(event)
    if when is not None and when.precision == "year" and _ordinal_of_year(text):
        when, window = None, undated_past_window(event)  # the year of a rank, no date
    inner = _inner_release_in(text) if kind == PRISONERS_FREED else None
    if when is not None and inner is not None and when.text in inner.group(0):
        # "..., after 100 on each side went home on October 15": that release's day.
        when, window = None, undated_past_window(event)
    stage = _stage(event, kind)
    if stage == "done" and when is not None:
        when = _done_before(when, event)
        window = (when.start, when.end)
    counted = (PRISONERS_FREED, RUNNING_TOTAL, COUNTED_RELEASES, IN_ALL)
    count = _prisoners(event) if kind in counted else None
    if kind in (RUNNING_TOTAL, COUNTED_RELEASES) and not _in_all_opening(event, when):
        count = _tally(event) or count
    if kind == BODIES:
        count = _remains(event)
    by_side = _by_side(event, count) if kind == PRISONERS_FREED else {}
    split = _split(event) if kind == PRISONERS_FREED and not by_side and count else {}
    if not by_side and not split and kind in (PRISONERS_FREED, IN_ALL):
        split = _split_by(event, count) or _by_nationality(event, count)
    if not by_side and not split and kind == PRISONERS_FREED and stage == "done":
        split = _one_way(event, count) or _held_by(event, count)
    if split:
        count, by_side = sum(split.values()), split
    return Measure(
        count_hedged=count is not None and _hedged(event, count),
        kind=kind,
        status=_measure_status({stage: 1}, stage),
        stages={stage: 1},
        latest_stage=stage,
        latest_key=_order_text(event),
        count=count,
        each=count // 2 if count is not None and len(set(by_side.values())) == 1 else None,
        count_by_side=by_side,
        date=when,
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        evidence=(cite,),
        snippets=(event.snippet_id,),
        corroboration=1,
        ties=_ties(event.sentence.text, stage, count, breakdown) if kind == PRISONERS_FREED else (),
    )


def tally_after_release(event: Event, swap: Measure) -> Measure | None:
    """A running total told in a clause after the release it adds ("64 each were exchanged on
    May 28, bringing to 440 the number of people freed since April"; "with this exchange of 33,
    the number of people freed since March reaches 88"): the tally up to the report's day, a
    report of its own beside the swap's, which keeps its count."""
    # A release told without a verb of its own ("with this exchange of 33, the number freed
    # reaches 88") reads as announced: the tally's verb tells a count reached; never a deal's.
    if swap.kind != PRISONERS_FREED or swap.status not in ("done", "announced"):
        return None
    text = event.sentence.text
    start = _running_clause_start(text)
    if start == len(text):
        return None
    told = _tally_clause().search(text, start)
    if told is None or not cues.exchange_cue("freed_tally", text[start:]):
        return None  # "..., bringing the number of wounded to 40": no tally of people freed
    window = undated_past_window(event)
    return _done_beside(swap, _tally_figure(told), None, window, kind=RUNNING_TOTAL, each=None)


def _done_beside(
    swap: Measure,
    count: int,
    when: EventDate | None,
    window: tuple[date, date] | None,
    **more: object,
) -> Measure:
    """A report done of the sentence of `swap`, beside it: its own count and day, no sides, no
    ties (a running total the sentence states, a release told in a clause of it)."""
    return swap.model_copy(
        update={
            "status": "done",
            "stages": {"done": 1},
            "latest_stage": "done",
            "count": count,
            "count_hedged": False,
            "count_by_side": {},
            "date": when,
            "window_start": window[0] if window else None,
            "window_end": window[1] if window else None,
            "ties": (),
            **more,
        }
    )


@cache
def _inner_release() -> re.Pattern[str]:
    """A release told inside a clause of another sentence, with its own count and day ("...,
    after 100 on each side went home on October 15"; "two months after 30 detainees were
    handed over on March 12"): who was freed are captives named by a person noun or a
    nationality, never families or delegations going home."""
    words = load("exchanges")
    number = _number_group()
    who = "|".join(words["inner_release_who"])
    month = _MONTH_NAMES
    verbs = "|".join(words["inner_release_verbs"])
    return re.compile(
        rf"\b(?:after|when|since|before)\s+(?:the\s+)?{number}\s+"
        rf"(?P<who>(?:(?:{who})\s+){{0,3}}?)"
        rf"(?P<each>(?:on|from)\s+each\s+side\s+|each\s+)?"
        rf"(?:(?:had|have|were|was)\s+)?(?:been\s+)?(?:{verbs})\s+"
        rf"(?:on\s+(?P<month>{month})\s+(?P<day>\d{{1,2}})\b"
        rf"|on\s+(?P<day2>\d{{1,2}})\s+(?P<month2>{month})\b|in\s+(?P<month3>{month})\b)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=_SENTENCES_KEPT)
def _inner_release_in(text: str) -> re.Match[str] | None:
    return _inner_release().search(text)


def _inner_release_date(found: re.Match[str], event: Event) -> EventDate | None:
    """The day (or month) the inner release names, in the year that puts it by the report."""
    published = published_day(event)
    if published is None:
        return None
    name = found.group("month") or found.group("month2") or found.group("month3")
    month = _MONTHS[name.casefold()]
    day = found.group("day") or found.group("day2")
    for year in (published.year, published.year - 1):
        last = calendar.monthrange(year, month)[1]
        if day is not None and int(day) > last:
            return None
        start = date(year, month, int(day) if day else 1)
        end = start if day else date(year, month, last)
        if start <= published:
            precision = "day" if day else "month"
            return EventDate(start=start, end=end, precision=precision, text=found.group(0))
    return None


def release_told_inside(event: Event, swap: Measure) -> Measure | None:
    """A release done told inside a clause of the sentence's swap ("..., after 100 on each
    side went home on October 15"): a swap of its own, of its count and day, beside it."""
    if swap.kind != PRISONERS_FREED or swap.status not in ("done", "announced"):
        return None
    found = _inner_release_in(event.sentence.text)
    if found is None:
        return None
    when = _inner_release_date(found, event)
    if when is None:
        return None
    each = found.group("each") is not None
    count = _number(found.group(1)) * (2 if each else 1)
    return _done_beside(
        swap, count, when, (when.start, when.end), each=count // 2 if each else None
    )


def _ties(
    text: str, stage: MeasureStatus, count: int | None = None, breakdown: bool = False
) -> tuple[str, ...]:
    """ "The second day of the exchange" continues an operation; "a new swap" starts one; "the
    296 prisoners freed last week" recalls one done, and so does a report that counts no one
    of some of those freed ("whose son was among the soldiers released", "a police officer freed
    in the September exchange"); "In return, Peru released 40" answers the release told before
    it (the other side's half)."""
    answers = (
        (ANSWER_TIE,)
        if stage == "done" and count and cues.exchange_cue("answering_half", text)
        else ()
    )
    if cues.exchange_cue("new_exchange", text):
        return ("new", *answers)
    if cues.exchange_cue("continues", text):
        return ("continues", *answers)
    if stage == "done" and cues.exchange_cue("recalled", text):
        return (*answers, RECALLED_TIE)
    if stage == "done" and count is None and (breakdown or cues.exchange_cue("recalled_one", text)):
        return (RECALLED_TIE,)
    return answers


# A tie of a release told again by a definite reference ("the 120 freed last week").
RECALLED_TIE = "recalled"
# A tie of a release told as the answer to the one before it ("In return, Peru released 40").
ANSWER_TIE = "answers"


def _merged_ties(a: Measure, b: Measure) -> tuple[str, ...]:
    """The ties of both reports; recalled only when both are (a release told anew is told)."""
    ties = {*a.ties, *b.ties}
    if RECALLED_TIE not in a.ties or RECALLED_TIE not in b.ties:
        ties.discard(RECALLED_TIE)
    return tuple(sorted(ties))


def same_measure(a: Measure, b: Measure) -> bool:
    if a.kind != b.kind or not overlaps(measure_window(a), measure_window(b), 1):
        return False
    # Exchanges of the same days are one swap told several ways ("157 each", "314 in total",
    # an uncounted "the swap took place", "more than 100" and "125"), unless their counts
    # cannot be the same swap ("14 wounded released" beside "125 soldiers returned"); other
    # measures merge with equal counts or where one report gives none.
    if a.kind == PRISONERS_FREED:
        agree = _counts_agree(a.count, b.count) or _one_side_of(a, b)
        apart = _parts_of_days(a, b) or _deal_and_release(a, b) or _halves(a, b)
        return agree and not apart
    return a.count is None or b.count is None or a.count == b.count


# Two counts of one swap differ at most this much (one side of the lead rounds it down).
_SAME_SWAP_RATIO = 0.7


def _parts_of_days(a: Measure, b: Measure) -> bool:
    """Releases told on different days with different counts ("150 on Thursday", "120 on
    Friday") are the parts of an operation, each its own swap; one swap told on two days keeps
    its count (or gives one side of it and the whole)."""
    if a.date is None or b.date is None or "day" not in (a.date.precision, b.date.precision):
        return False
    if a.date.precision != b.date.precision or overlaps(
        (a.date.start, a.date.end), (b.date.start, b.date.end), 0
    ):
        return False
    if not a.count or not b.count:
        return False
    low, high = sorted((a.count, b.count))
    return high not in (low, 2 * low)


def _one_side(m: Measure) -> str | None:
    """The side of a release done by one side alone, counted: "Peru freed 64 prisoners"."""
    if m.kind != PRISONERS_FREED or m.status != "done" or not m.count or m.parts:
        return None
    sides = list(m.count_by_side)
    return sides[0] if len(sides) == 1 and m.count_by_side[sides[0]] == m.count else None


def _halves(a: Measure, b: Measure) -> bool:
    """Releases done by each side on the same days ("Bolivia handed over 48 Paraguayans on
    Sunday. Paraguay released 52 Bolivians the same day"): the two halves of one swap, whose
    count is their sum, never the larger one (`joined_halves`)."""
    first, second = _one_side(a), _one_side(b)
    if first is not None and second is not None:
        return first != second
    if ANSWER_TIE not in a.ties and ANSWER_TIE not in b.ties:
        return False
    return _answered(a, b) or _answered(b, a)


def _lone_release(m: Measure) -> bool:
    """A release done and counted that is no swap told whole: at most one side named, no parts."""
    return (
        m.kind == PRISONERS_FREED
        and m.status == "done"
        and bool(m.count)
        and not m.parts
        and len(m.count_by_side) <= 1
    )


# A swap told whole: people "exchanged" or "swapped", or counted "in all".
_SWAP_TOLD_WHOLE = re.compile(r"\b(?:exchanged|swapped|traded|in all|in total)\b", re.IGNORECASE)


def _answered(a: Measure, b: Measure) -> bool:
    """`b` told as the answer to `a` in the snippet that tells both ("Twelve soldiers crossed
    back on Wednesday. In return, Mauritania handed over 36 detainees"): the other side's half,
    whether or not the reading named the first half's side."""
    if (
        ANSWER_TIE not in b.ties
        or ANSWER_TIE in a.ties
        or not _lone_release(a)
        or not _lone_release(b)
    ):
        return False
    if not set(a.snippets) & set(b.snippets):
        return False
    if any(_SWAP_TOLD_WHOLE.search(e.sentence) for e in (*a.evidence, *b.evidence)):
        return False  # "60 people in all were exchanged": the swap told whole, no half of it
    if not (a.count_by_side and b.count_by_side):
        # Of one count and a side unknown, the answer is the release told again ("200 detainees
        # released" over "In return, 200 detainees walked out"), not the other half.
        return a.count != b.count
    return set(a.count_by_side) != set(b.count_by_side)


def _answering(a: Measure, b: Measure) -> bool:
    """Two halves told as one swap: on overlapping days, told in one snippet or both dated to
    the same day."""
    shared = bool(set(a.snippets) & set(b.snippets))
    if shared and (a.date is None) != (b.date is None):
        # "40 soldiers held by Chile came home on Saturday. In return, Peru released 40": the
        # undated half of a snippet answers its dated one, whatever days its report spans.
        return True
    if not overlaps(measure_window(a), measure_window(b), 0):
        return False
    if shared:
        return True
    return (
        a.date is not None
        and b.date is not None
        and a.date.precision == b.date.precision == "day"
        and (a.date.start, a.date.end) == (b.date.start, b.date.end)
    )


def joined_halves(measures: tuple[Measure, ...]) -> tuple[Measure, ...]:
    """Each side's release of one swap, told apart, joined into the swap: its count the sum of
    both, its split both sides'. A function of the set of measures (pairs in measure order)."""
    items = sorted(measures, key=measure_order)
    # Only releases done by one side, or told as the answer to one, can be halves: the pairs
    # are looked for among them.
    halves = [i for i, m in enumerate(items) if _one_side(m) is not None or _lone_release(m)]
    used: set[int] = set()
    out: list[Measure] = []
    for i, a in enumerate(items):
        if i in used:
            continue
        j = next(
            (
                j
                for j in halves
                if j > i and j not in used and _halves(a, items[j]) and _answering(a, items[j])
            ),
            None,
        )
        if j is None:
            out.append(a)
            continue
        b = items[j]
        used.add(j)
        assert a.count is not None and b.count is not None
        split = dict(sorted({**a.count_by_side, **b.count_by_side}.items()))
        out.append(
            merge_measures(a, b).model_copy(
                update={
                    "count": a.count + b.count,
                    "count_hedged": a.count_hedged or b.count_hedged,
                    "count_by_side": split,
                    "each": a.count if a.count == b.count else None,
                }
            )
        )
    return _told_whole(tuple(sorted(out, key=measure_order)), len(items) - len(out))


def _whole_of(joined: Measure, whole: Measure) -> bool:
    """A swap done told whole ("In all, 51 people were freed on Wednesday") in the snippet that
    tells its two halves, of their day and of a count that fits their sum."""
    if whole.kind != PRISONERS_FREED or whole.status != "done" or whole.count_by_side:
        return False
    if joined.date is None or whole.date is None or joined.date.precision != "day":
        return False
    same_day = (joined.date.start, joined.date.end) == (whole.date.start, whole.date.end)
    return (
        same_day
        and bool(set(joined.snippets) & set(whole.snippets))
        and _counts_agree(joined.count, whole.count)
    )


def _told_whole(measures: tuple[Measure, ...], joined: int) -> tuple[Measure, ...]:
    """The measures, each pair of halves joined into a swap merged with the swap told whole in
    their snippet (`_whole_of`): one swap, whose count is the whole's (a half may leave some out:
    "13 road workers and four soldiers" read as 13)."""
    if not joined:
        return measures
    out = list(measures)
    for pair in [m for m in measures if len(m.count_by_side) == 2 and m.kind == PRISONERS_FREED]:
        whole = next((w for w in out if w is not pair and _whole_of(pair, w)), None)
        if whole is None or pair not in out:
            continue
        out.remove(whole)
        out[out.index(pair)] = merge_measures(pair, whole)
    return tuple(sorted(out, key=measure_order))


def _deal_and_release(a: Measure, b: Measure) -> bool:
    """A deal ("will swap 100 on Saturday") and a release done of another count on its days
    ("96 exchanged on Saturday"): kept apart here, so that the release's count is the swap's
    when the deal is joined to it (`linked_measures`), not the larger of the two."""
    if not a.count or not b.count or a.count == b.count:
        return False
    return (a.status == "done") != (b.status == "done")


# One side's people of a swap, against its whole, when the sides freed different numbers.
_ONE_SIDE_RATIO = (0.4, 0.6)


def _one_side_of(a: Measure, b: Measure) -> bool:
    """A release done told by one side ("Peru said it had freed 64 Chilean prisoners on
    Saturday") and a swap done of about twice as many on the same days ("125 exchanged on
    Saturday"): the swap told by one of its sides, not a second release."""
    if a.status != "done" or b.status != "done" or not a.count or not b.count:
        return False
    if a.count_hedged or b.count_hedged:
        return False  # "more than 200" and "120": a bound is no whole to be a side of
    low, high = sorted((a.count, b.count))
    return _ONE_SIDE_RATIO[0] <= low / high <= _ONE_SIDE_RATIO[1]


def _counts_agree(a: int | None, b: int | None) -> bool:
    """Whether two counts can tell one swap: either unknown, equal, one side and the total
    (N and 2N), or roughly the same size."""
    if not a or not b:
        return True
    low, high = sorted((a, b))
    return high == 2 * low or low / high >= _SAME_SWAP_RATIO


def _merged_date(a: EventDate | None, b: EventDate | None) -> EventDate | None:
    """The most precise date; equally precise ones give their span, worded as the earliest.

    Associative and commutative (the words are those of the least (start, words)), so the date
    of an exchange told on several days does not depend on which report came first.
    """
    if a is None or b is None:
        return a or b
    if a.precision != b.precision:
        return merged_date(a, b)
    first = min(a, b, key=lambda d: (d.start, d.text))
    return first.model_copy(update={"start": min(a.start, b.start), "end": max(a.end, b.end)})


def _precise_counts(told: list[Measure]) -> list[Measure]:
    """The reports whose count is the swap's: a precise count over a bound or a round one that
    it fits ("296" over "about 300" or "more than 290"); all of them when it does not fit ("44"
    is no count of "more than 100")."""
    precise = [m for m in told if not m.count_hedged]
    hedged = [m for m in told if m.count_hedged]
    if not precise or not hedged:
        return told
    best = max(m.count or 0 for m in precise)
    fits = all(
        min(best, h.count or 0) / max(best, h.count or 1) >= _SAME_SWAP_RATIO for h in hedged
    )
    return precise if fits else told


def merge_measures(a: Measure, b: Measure) -> Measure:
    stages = {k: a.stages.get(k, 0) + b.stages.get(k, 0) for k in sorted({*a.stages, *b.stages})}
    later = a if a.latest_key >= b.latest_key else b
    window = hull(measure_window(a), measure_window(b))
    snippets = merged_names(a.snippets, b.snippets, SNIPPET_LIMIT)
    told = [m for m in (a, b) if m.count]
    chosen = _precise_counts(told)
    counts = [m.count for m in chosen if m.count is not None] or [
        c for c in (a.count, b.count) if c is not None
    ]
    # The larger count is the whole swap: "314 in total" over "157 each" read as one side.
    fuller = max(chosen or (a, b), key=lambda m: (m.count or 0, len(m.count_by_side), m.latest_key))
    return Measure(
        kind=a.kind,
        status=_measure_status(stages, later.latest_stage),
        stages=stages,
        latest_stage=later.latest_stage,
        latest_key=later.latest_key,
        count=max(counts) if counts else None,
        count_hedged=bool(chosen) and all(m.count_hedged for m in chosen if m.count == max(counts)),
        each=fuller.each if fuller.count_by_side else None,
        count_by_side=fuller.count_by_side if fuller.count == max(counts, default=None) else {},
        date=_merged_date(a.date, b.date),
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        evidence=earliest(a.evidence, b.evidence, EVIDENCE_LIMIT),
        snippets=snippets,
        corroboration=max(a.corroboration, b.corroboration, len(snippets)),
        ties=_merged_ties(a, b),
    )


def measure_order(m: Measure) -> tuple[str, datetime, str]:
    first = m.evidence[0]
    return (m.date.start.isoformat() if m.date else "", first.published_at or EPOCH, first.event_id)


# Reports of one measure share days (`same_measure` asks overlapping windows, one day apart).
MEASURE_CLUSTERING = Clustering(same_measure, merge_measures, measure_order, measure_window, 1)


def _done_swaps(measures: tuple[Measure, ...]) -> list[Measure]:
    return [m for m in measures if m.kind == PRISONERS_FREED and m.status == "done"]


def _untold_parts(measures: tuple[Measure, ...]) -> int:
    """People an operation told whole ("in all, 515 over three days") freed beyond its parts
    told day by day: the whole once, never the whole and its parts."""
    swaps = _done_swaps(measures)
    untold = 0
    for whole in measures:
        if whole.kind != IN_ALL or whole.status != "done" or not whole.count:
            continue
        told = sum(
            m.count or 0 for m in swaps if overlaps(measure_window(whole), measure_window(m), 1)
        )
        untold += max(0, whole.count - told)
    return untold


# A running total of the process's own releases is of the size of the swaps the feed told
# before it: one more than this many times larger sums a longer time than the feed (a whole
# war's releases, most of them before it began), unless it names its span as the process's
# ("since March", "since the Muscat talks": releases the feed told only through it); one less
# than this share of them is a part (one side's or one group's people).
_TALLY_RANGE = (0.5, 2.0)


def _tallies(measures: tuple[Measure, ...], swaps: list[Measure]) -> list[Measure]:
    """Running totals of the process's people freed: one that counts the releases it sums
    ("375 released in three transfers since February"), or one of people freed, sent home or
    swapped told done ("605 people had been released since May", "brought to 98 the number of
    people freed"; not people killed or still held), of the size of the swaps found by its day."""
    found = []
    for m in measures:
        if not m.count or not m.evidence:
            continue
        if m.kind != COUNTED_RELEASES and not (
            m.kind == RUNNING_TOTAL
            and m.status == "done"
            and any(cues.exchange_cue("freed_tally", e.sentence) for e in m.evidence)
            and not any(cues.exchange_cue("one_side_tally", e.sentence) for e in m.evidence)
        ):
            continue
        if any(_told_per_side(e.sentence) for e in m.evidence):
            continue
        told = _told_on(m)
        before = sum(
            s.count or 0 for s in swaps if s.window_start is not None and s.window_start <= told
        )
        low, high = _TALLY_RANGE
        if before and m.count / before < low:
            continue
        if (
            before
            and m.count / before > high
            and not any(cues.exchange_cue("process_span", e.sentence) for e in m.evidence)
        ):
            continue
        found.append(m)
    return found


@lru_cache(maxsize=_SENTENCES_KEPT)
def _told_per_side(sentence: str) -> bool:
    return _per_side_tally().search(sentence) is not None


@cache
def _per_side_tally() -> re.Pattern[str]:
    """A running total told per side ("146 people have been released by the government and 73
    by the Front"): each side's tally, no total of the process (the gold reads the swaps')."""
    number = _number_group()
    side = r"by\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?,?"
    return re.compile(
        rf"\b{number}\s+(?:\S+\s+){{0,6}}?{side}\s+(?:and|while|whereas)\s+(?:\S+\s+){{0,2}}?"
        rf"{number}\s+(?:\S+\s+){{0,4}}?by\b",
        re.IGNORECASE,
    )


def prisoners_exchanged(measures: tuple[Measure, ...]) -> int:
    """People freed in the swaps done. A running total of the process's releases ("375
    released in three transfers since February", "605 people had been released since May") is
    the tally up to its day, over the swaps the reading found, missed or told twice: the latest
    one counts, and swaps done after it add to it."""
    swaps = _done_swaps(measures)
    tallies = _tallies(measures, swaps)
    if not tallies:
        return sum(m.count or 0 for m in swaps) + _untold_parts(measures)
    latest = max(tallies, key=lambda m: (_told_on(m), m.count or 0))
    told = _told_on(latest)
    after = sum(m.count or 0 for m in swaps if m.window_start is not None and m.window_start > told)
    return (latest.count or 0) + after


def _told_on(m: Measure) -> date:
    """The day of the last report of a measure."""
    days = [e.published_at.date() for e in m.evidence if e.published_at is not None]
    return max(days) if days else date.min


def prisoners_by_side(measures: tuple[Measure, ...]) -> dict[str, int]:
    """People freed by each side in the exchanges done, where the text gives the split; a deal
    with its split ("Chile will free 420 and Peru 95") carried out in parts that add up to it
    gives its split to them."""
    totals: dict[str, int] = {}
    swaps = _done_swaps(measures)
    split = [m for m in swaps if m.count_by_side]
    for m in split:
        for side, n in m.count_by_side.items():
            totals[side] = totals.get(side, 0) + n
    wholes_split = [
        m for m in measures if m.kind == IN_ALL and m.status == "done" and m.count_by_side
    ]
    told: set[int] = set()  # the wholes whose split is counted
    for whole in wholes_split:
        inside = [m for m in swaps if overlaps(measure_window(whole), measure_window(m), 1)]
        if not any(m.count_by_side for m in inside):
            told.add(id(whole))
            for side, n in whole.count_by_side.items():
                totals[side] = totals.get(side, 0) + n
    deals = [m for m in measures if m.kind == PRISONERS_FREED and m.status == "agreed"]
    for deal in deals:
        if not deal.count_by_side or deal.window_end is None:
            continue
        after = [m for m in swaps if _soon_after(deal, m)]
        parts = [m for m in after if not m.count_by_side]
        wholes = [
            m for m in measures if m.kind == IN_ALL and m.status == "done" and _soon_after(deal, m)
        ]
        done = sum(m.count or 0 for m in parts)
        if any(id(m) in told for m in wholes) or any(m.count_by_side for m in after):
            continue  # the carrying-out tells its own split
        if done == deal.count or any(m.count == deal.count for m in wholes):
            for side, n in deal.count_by_side.items():
                totals[side] = totals.get(side, 0) + n
    return dict(sorted(totals.items()))


def _soon_after(first: Measure, then: Measure) -> bool:
    """`then` begins within two weeks after `first` ends: how long a deal may take to be
    carried out, or a swap to be told again."""
    if first.window_end is None or then.window_start is None:
        return False
    return timedelta(0) <= then.window_start - first.window_end <= AGREED_TO_DONE


def _agreed_then_done(a: Measure, b: Measure) -> bool:
    """An exchange agreed (or announced) and one done within two weeks after it, of a count
    that fits: the same swap at two stages."""
    if a.kind != PRISONERS_FREED or b.kind != PRISONERS_FREED:
        return False
    if a.status in ("done", "collapsed") or b.status != "done":
        return False
    if not _soon_after(a, b):
        return False
    # Carried out in full, or nearly ("296 freed" of the 300 agreed: lists shrink).
    return (
        a.count is None or b.count is None or b.count >= a.count or _counts_agree(a.count, b.count)
    )


def _done_after_halt(a: Measure, b: Measure, halts: list[Measure]) -> bool:
    """A deal whose swap was halted soon after it, and a swap done soon after the halt ("the
    second exchange was halted on Tuesday ... April 25: second exchange completed after a
    five-day delay"): the halt puts the deal off, so the swap done later still carries it out;
    counted as the deal or told without a count (the halt's own count may be one side's)."""
    if a.kind != PRISONERS_FREED or b.kind != PRISONERS_FREED or b.status != "done":
        return False
    if a.status in ("done", "collapsed") or not (b.count is None or b.count == a.count):
        return False
    return any(
        _soon_after(a, halt)
        and _soon_after(halt, b)
        and (halt.count is None or a.count is None or halt.count <= a.count)
        for halt in halts
    )


def _told_again(a: Measure, b: Measure) -> bool:
    """A swap done, dated, and a report without a date of its own, published within two weeks
    after it, of a swap done of the same count ("the 120 prisoners exchanged ... have returned
    to their families"): the same swap told again, not a second one."""
    if a.kind != PRISONERS_FREED or b.kind != PRISONERS_FREED:
        return False
    if a.status != "done" or b.status != "done" or a.date is None or b.date is not None:
        return False
    if _halves(a, b):
        return False  # each side's release of one swap: joined as halves (`joined_halves`)
    return bool(a.count) and a.count == b.count and _soon_after(a, b)


def _told_of_it(a: Measure, b: Measure) -> bool:
    """A swap done, dated and counted, and an uncounted, undated report of a swap done in a
    snippet that tells it ("Forty were exchanged on Saturday. Four of the returned soldiers
    were wounded."): more of the same swap, not a second one."""
    if a.kind != PRISONERS_FREED or b.kind != PRISONERS_FREED:
        return False
    if a.status != "done" or b.status != "done" or a.date is None or b.date is not None:
        return False
    return bool(a.count) and b.count is None and bool(set(a.snippets) & set(b.snippets))


def linked_measures(reports: tuple[Measure, ...]) -> tuple[Measure, ...]:
    """The measures shown: report clusters, with each exchange agreed and later done joined into
    one, a function of the set of clusters (not of arrival order)."""
    items = sorted(reports, key=measure_order)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only swaps done can carry out a deal or be told again: the pairs are looked for among them.
    done_swaps = [
        j for j, m in enumerate(items) if m.kind == PRISONERS_FREED and m.status == "done"
    ]
    dated_swaps = [j for j in done_swaps if items[j].date is not None]
    halts = [m for m in items if m.kind == PRISONERS_FREED and m.status == "collapsed"]
    for i, a in enumerate(items):
        # A deal is carried out by the first swap done after it that fits it, not by every
        # later one (a deal carried out in parts keeps them apart).
        if a.status in ("done", "collapsed"):
            continue
        done = next((j for j in done_swaps if i != j and _agreed_then_done(a, items[j])), None)
        if done is None:
            done = next((j for j in done_swaps if _done_after_halt(a, items[j], halts)), None)
        if done is not None:
            parent[find(done)] = find(i)
    for j in done_swaps:
        # An undated report of a swap done, days after one of the same count: told again.
        b = items[j]
        if b.date is not None:
            continue
        told = next((i for i in dated_swaps if i != j and _told_again(items[i], b)), None)
        if told is None:
            told = next((i for i in dated_swaps if i != j and _told_of_it(items[i], b)), None)
        if told is not None:
            parent[find(j)] = find(told)
    groups: dict[int, list[Measure]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    merged = [
        _recall_only(_when_done(reduce(merge_measures, members), members))
        for members in groups.values()
    ]
    return tuple(sorted(merged, key=measure_order))


def _recall_only(merged: Measure) -> Measure:
    """A release only ever told again ("the 120 prisoners freed last week"), never told itself:
    shown as recalled; the report that told it (in another process, or before the first report
    kept) counts its people, not this one."""
    if merged.kind == PRISONERS_FREED and RECALLED_TIE in merged.ties:
        return merged.model_copy(update={"kind": RECALLED})
    return merged


def _when_done(merged: Measure, members: list[Measure]) -> Measure:
    """An exchange agreed (or put off) and then done is dated and counted by its release, not
    its deal: the date, days and count of the reports of it done."""
    done = [m for m in members if m.status == "done"]
    if merged.status != "done" or not done or len(done) == len(members):
        return merged
    window = reduce(hull, [measure_window(m) for m in done])
    released = reduce(merge_measures, done)
    counted: dict[str, object] = {}
    if released.count is not None and released.count != merged.count:
        # "agreed to free 300" then "296 were freed": the people freed, not those agreed on.
        counted = {
            "count": released.count,
            "count_hedged": released.count_hedged,
            "each": released.each,
            "count_by_side": released.count_by_side,
        }
    return merged.model_copy(
        update={
            **counted,
            "date": reduce(_merged_date, [m.date for m in done]),
            "window_start": window[0] if window else None,
            "window_end": window[1] if window else None,
        }
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


def _day_release(m: Measure) -> bool:
    return (
        m.kind == PRISONERS_FREED
        and m.status == "done"
        and m.date is not None
        and m.date.precision == "day"
        and bool(m.count)
    )


def _tied(a: Measure, b: Measure, wholes: list[Measure]) -> bool:
    """`b`, done within three days after `a`, goes on with a's operation: told so ("the second
    day of the exchange", "the remaining 80") or both inside one operation told whole ("in all,
    515 over three days"); never when told as "a new exchange"."""
    assert a.date is not None and b.date is not None
    if "new" in b.ties or not timedelta(0) < b.date.start - a.date.end <= OPERATION_GAP:
        return False
    if "continues" in b.ties:
        return True
    return any(
        overlaps(measure_window(w), measure_window(a), 1)
        and overlaps(measure_window(w), measure_window(b), 1)
        for w in wholes
    )


def _operation_count(parts: list[Measure], wholes: list[Measure]) -> int:
    """The people an operation freed: the whole's count, or the sum of its days if larger."""
    return max([sum(m.count or 0 for m in parts), *(w.count or 0 for w in wholes)])


def _operation(
    parts: list[Measure], wholes: list[Measure], deals: list[Measure], count: int
) -> Measure:
    """One exchange of the releases of its days, the operation told whole and the deal it
    carried out, freeing `count` people: its split that of its days when each tells one, else
    the whole's or the deal's."""
    split: dict[str, int] = {}
    if all(m.count_by_side for m in parts):
        for m in parts:
            for side, n in m.count_by_side.items():
                split[side] = split.get(side, 0) + n
    if sum(split.values()) != count:
        split = next(
            (
                dict(m.count_by_side)
                for m in (*wholes, *deals)
                if m.count_by_side and sum(m.count_by_side.values()) == count
            ),
            {},
        )
    merged = reduce(merge_measures, [*deals, *parts, *wholes])
    window = reduce(hull, [measure_window(m) for m in parts])
    return merged.model_copy(
        update={
            "kind": PRISONERS_FREED,
            "status": "done",
            "count": count,
            "count_by_side": dict(sorted(split.items())),
            "each": count // 2 if split and len(set(split.values())) == 1 else None,
            "date": reduce(_merged_date, [m.date for m in parts]),
            "window_start": window[0] if window else None,
            "window_end": window[1] if window else None,
            "ties": (),
            "parts": tuple(sorted(parts, key=measure_order)),
        }
    )


def operations(measures: tuple[Measure, ...]) -> tuple[Measure, ...]:
    """Exchanges as the world counts them: releases done on near days that a report ties
    together are one operation, with its days as parts; the operation told whole ("in all, 515
    over three days") and the deal it carried out join it. A function of the set of measures."""
    measures = joined_halves(measures)
    wholes = [m for m in measures if m.kind == IN_ALL and m.status == "done" and m.count]
    days = sorted((m for m in measures if _day_release(m)), key=measure_order)
    groups: list[list[Measure]] = []
    for m in days:
        if groups and _tied(groups[-1][-1], m, wholes):
            groups[-1].append(m)
        else:
            groups.append([m])
    used: set[int] = set()
    made: list[Measure] = []
    for group in groups:
        inside = [
            w
            for w in wholes
            if id(w) not in used
            and any(overlaps(measure_window(w), measure_window(m), 1) for m in group)
        ]
        if len(group) < 2 and not inside:
            continue
        total = _operation_count(group, inside)
        deals = [
            d
            for d in measures
            if d.kind == PRISONERS_FREED
            and d.status in ("announced", "agreed")
            and id(d) not in used
            and d.count == total
            and _soon_after(d, group[0])
        ][:1]
        used.update(id(m) for m in (*group, *inside, *deals))
        made.append(_operation(group, inside, deals, total))
    kept = [m for m in measures if id(m) not in used]
    return recaps(tuple(sorted([*kept, *made], key=measure_order)))


def _recap(m: Measure, swaps: list[Measure]) -> bool:
    """A swap done told without a date, in the perfect ("The two sides have freed 98
    prisoners"), whose count is the sum of two or more dated swaps done before its day: a
    recap of them, no swap of its own."""
    if m.kind != PRISONERS_FREED or m.status != "done" or m.date is not None or not m.count:
        return False
    if m.parts or not any(cues.exchange_cue("in_all_running", e.sentence) for e in m.evidence):
        return False
    told = _told_on(m)
    before = [
        s.count or 0
        for s in swaps
        if s is not m and s.date is not None and s.window_end is not None and s.window_end < told
    ]
    return len(before) >= 2 and sum(before) == m.count


def recaps(measures: tuple[Measure, ...]) -> tuple[Measure, ...]:
    """The measures, each recap of swaps told before it (`_recap`) shown as the running total
    it is: the people exchanged up to its day (`prisoners_exchanged`), never a swap."""
    swaps = _done_swaps(measures)
    return tuple(
        m.model_copy(update={"kind": RUNNING_TOTAL}) if _recap(m, swaps) else m for m in measures
    )
