"""Resolve date expressions ("on Thursday", "last month", "8 August 2025") against publication."""

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Any

from schemas.events import EventDate
from streams.core.lexicon import load
from streams.core.read.gates import gated

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
# The month words as written in a date ("March", "Mar", "Sept"), for readers that test them.
MONTH_NAMES = tuple(name.title() for name in _MONTHS)
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(_DAYS) + r")"
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT_WORDS = "|".join(_COUNTS)
# How far ahead vague future expressions reach, in days from publication.
_HORIZON = {"days": 14, "weeks": 42, "months": 183, "future": 60}
# Every alternative starts with a digit or a letter, or (no "last"/"next" before a weekday)
# with the spaces before a weekday. The lookahead says so after the word boundary: at the end of
# each word, where the boundary holds too, it fails at once instead of trying every alternative
# (about a quarter less time for this search, the largest of the extraction outside
# classification); inside a word the boundary, the cheaper test, fails first (15% less again).
_STARTS = r"(?=[\da-z]|\s*(?:" + "|".join(_DAYS) + r"))"
# What a date opens with, branch by branch below: a digit (a day, a count), a month (its first
# three letters), a word of time, a count word or a preposition and the space after it, a
# weekday (after "on", "last"... or spaces). A lookahead of these words, which the engine tries
# letter by letter (`dispatch.py`), rejects a word that opens no date at its first letters,
# where the branches were each tried in turn (two fifths of this search's instructions). It
# holds wherever a branch matches, so it changes no match (`test_prechecks.py`).
_WEEKDAYS = "(?:" + "|".join(_DAYS) + ")"
_BEFORE_WEEKDAY = ("last", "next", "on", "this", "early", "late")
_SPACED_OPENERS = (
    *("in", "early", "late", "last", "next", "earlier", "this", "within", "over", "the"),
    *("after", "following", "since", "until", "by", "during", "for", "from", "before"),
    *_COUNTS,
)
_OPENS = (
    r"(?=\d|"
    + "|".join(sorted({month[:3] for month in _MONTHS}))
    + "|yesterday|today|tomorrow|mid|"
    + "|".join(word + r"\s" for word in _SPACED_OPENERS)
    + "|"
    + "|".join(word + r"\s*" + _WEEKDAYS for word in _BEFORE_WEEKDAY)
    + r"|\s*"
    + _WEEKDAYS
    + ")"
)
_PATTERNS = gated(
    r"\b"
    + _STARTS
    + _OPENS
    # "12 May", "12th May", "the 12th of May" (an ordinal's "of": "12 of May" counts 12)
    + rf"(?:(?P<day1>\d{{1,2}})(?:(?:st|nd|rd|th)\s+of|(?:st|nd|rd|th)?)\s+{_MONTH}"
    + rf"(?:,?\s+(?P<year1>(?:19|20)\d\d))?"
    rf"|(?P<month2>{_MONTH[10:]}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year2>(?:19|20)\d\d))?"
    rf"|(?:in\s+|early\s+|late\s+|mid-?)?(?P<month3>{_MONTH[10:]}\s+(?P<year3>(?:19|20)\d\d)"
    rf"|(?P<rel>yesterday|today|tomorrow|last\s+(?:weekend|week|month|year)"
    rf"|next\s+(?:weekend|week|month|year)"
    rf"|earlier\s+this\s+(?:week|month|year)|this\s+(?:week|month|year))"
    rf"|(?P<ago>(?P<count>\d{{1,2}}|{_COUNT_WORDS})\s+(?P<unit>day|week|month|year)s?\s+ago)"
    rf"|(?P<ahead>(?:in|within)\s+(?P<acount>\d{{1,2}}|{_COUNT_WORDS}|a|an)\s+(?P<aunit>day|week|month)s?"
    rf"(?:['’]s?\s+time)?(?!\s+of\b))"
    rf"|(?P<vague>(?:in\s+|over\s+|within\s+)?the\s+(?:coming|next|following)\s+(?:days|weeks|months)"
    rf"|(?:in\s+)?the\s+near\s+future"
    rf"|(?P<after_feast>(?:after|following)\s+(?:the\s+)?(?:ramadan|eid(?:\s+al-\w+)?|easter|christmas|"
    rf"new\s+year|holidays?|elections?|summer(?:\s+(?:break|recess|holidays?))?)\b))"
    rf"|(?:in|since|until|by|during|for|from|before|after|early|late|mid-?)\s+"
    rf"(?P<month4>{_MONTH[10:]}(?!\s*\d)"
    rf"|(?P<which>{'|'.join(_BEFORE_WEEKDAY)})?\s*{_WEEKDAY})\b",
    re.IGNORECASE,
)


# A calendar date right after a weekday: "Monday, May 22", "Friday, 27 June 2025".
_EXPLICIT_AFTER = re.compile(
    rf",?\s+(?:the\s+)?(?:\d{{1,2}}(?:(?:st|nd|rd|th)\s+of|(?:st|nd|rd|th)?)\s+(?:{_MONTH[10:]}"
    rf"|(?:{_MONTH[10:]}\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)


# A span of days: the first day's expression is followed by the last one ("on Tuesday and
# Wednesday", "from Monday to Thursday", "March 3-4", "March 3 and 4") or preceded by the first
# day ("3-4 March", "3 and 4 March"). A last day must end the phrase (what follows is a
# preposition or a name), so that "March 3 and 40 soldiers" stays one day.
_JOIN = r"\s*(?:-|–|\s(?:and|to|through|until|till)\s)\s*"
_LAST_WEEKDAY = re.compile(rf"{_JOIN}(?:on\s+)?{_WEEKDAY}\b", re.IGNORECASE)
_PHRASE_GOES_ON = r"(?:in|at|on|and|to|with|for|of|the|when|after|before|as|but|while|near|under)\b"
_LAST_DAY = re.compile(
    rf"{_JOIN}(?P<last>\d{{1,2}})(?:st|nd|rd|th)?(?![\w-])(?!\s+(?!{_PHRASE_GOES_ON})[a-z])"
)
_FIRST_DAY = re.compile(rf"(?<![\w,.])(?P<first>\d{{1,2}})(?:st|nd|rd|th)?{_JOIN}$")


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_number(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _ago(count: int, unit: str, today: date) -> tuple[date, date, str]:
    if unit == "day":
        when = today - timedelta(days=count)
        return when, when, "day"
    if unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * count)
        return monday, monday + timedelta(days=6), "week"
    if unit == "month":
        return (*_month_span(*_shift_months(today, -count)), "month")
    return date(today.year - count, 1, 1), date(today.year - count, 12, 31), "year"


# Words anywhere in a sentence that put what it tells ahead of its report: a plan, an offer,
# a time to come ("agreed only to meet again in April").
_AHEAD_IN_SENTENCE = re.compile(
    r"\b(?:will|shall|would|could|due|expected|set to|scheduled|slated|planned|plans?|"
    r"(?:is|are) to|going to|next|upcoming|forthcoming|pencilled|penciled|until|"
    r"(?:agreed|agree|decided|promised|pledged|vowed|hopes?|hoped|intends?|aims?|ready|willing|"
    r"offered|offers?|proposed|proposes|invited|invites)\s+(?:\w+ly\s+)?to)\b",
    re.IGNORECASE,
)


# Words that only tell a time to come, in the clause before a date (no comma between): not
# "planned" or "would", which also tell a plan that failed or a past seen from the past.
_FUTURE_IN_CLAUSE = re.compile(
    r"\b(?:will|shall|next|due|set to|scheduled to|expected to|going to|plans? to|(?:is|are) to|"
    r"(?:agreed|agree|decided|promised|pledged|vowed|intends?|aims?)\s+(?:\w+ly\s+)?to)"
    r"\b[^.;,]*$",
    re.IGNORECASE,
)


def _month_offset(month_name: str, words: str, text: str, at: int, today: date) -> int:
    """Months from publication to a month named without a year: its nearest occurrence, past
    or future, unless the sentence says which way. "since March" is behind; "in March" two or
    more months ahead, in a sentence with no word that looks ahead, is the March behind ("Three
    rounds, in March, April and July, produced a truce", told in October); a month three or
    more months behind in a clause that looks ahead is the one to come ("agreed to meet again
    in March", told in September)."""
    offset = (_month_number(month_name) - today.month + 6) % 12 - 6  # in [-6, 5]
    opener = words.split(None, 1)[0].lower()
    if opener == "since":
        return offset - 12 if offset > 0 else offset
    if offset <= -3 and _FUTURE_IN_CLAUSE.search(text, max(0, at - 140), at):
        return offset + 12
    if offset <= 0:
        return offset
    bare = opener in ("in", "early", "late") or opener.startswith("mid")
    if bare and offset >= 2 and _AHEAD_IN_SENTENCE.search(text) is None:
        return offset - 12
    return offset


def _relative(word: str, today: date) -> tuple[date, date, str]:
    word = " ".join(word.lower().split())
    if word in ("yesterday", "today", "tomorrow"):
        day = today + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        return day, day, "day"
    step, unit = word.rsplit(" ", 1)
    if unit == "weekend":
        # The Saturday and Sunday before this week's Monday (after it, for "next").
        monday = today - timedelta(days=today.weekday())
        saturday = monday + timedelta(days=5 if step == "next" else -2)
        if step == "next" and today.weekday() >= 5:
            saturday += timedelta(days=7)
        return saturday, saturday + timedelta(days=1), "week"
    if unit == "week":
        monday = today - timedelta(days=today.weekday())
        offset = {"last": -7, "next": 7}.get(step, 0)
        return monday + timedelta(days=offset), monday + timedelta(days=offset + 6), "week"
    if unit == "month":
        year, month = today.year, today.month
        if step == "last":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        elif step == "next":
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        start, end = _month_span(year, month)
        return start, end, "month"
    year = today.year + {"last": -1, "next": 1}.get(step, 0)
    return date(year, 1, 1), date(year, 12, 31), "year"


# A plan moved to a new date names it after the move: "the round planned for this week was
# postponed to April 5" is dated April 5, not this week.
_MOVED_TO = gated(
    r"\b(?:postponed|put off|put back|delayed|rescheduled|pushed back|moved|brought forward)\s+"
    # the object and an aside about the old plan may stand before the new date: "postponed
    # their round in Tarn, planned for June 30, to July 14"
    r"(?:[\w-]+\s+){0,4}?(?:[\w-]+,[^,.;]{1,60},\s+)?(?P<bound>(?:to|until|till)\s+(?=\S))",
    re.IGNORECASE,
)


# A date that names an event told as a cause or a bound ("moved to Baku after the April 22
# shooting"): not the date a plan moved to.
_EVENT_NAMED_BY_DATE = re.compile(
    r"\b(?:after|before|since|following|amid|over|because of|due to)\s+the\s+$", re.IGNORECASE
)


def _names_an_event(text: str, found: EventDate) -> bool:
    at = text.find(found.text) if found.text else -1
    return at > 0 and _EVENT_NAMED_BY_DATE.search(text, max(0, at - 24), at) is not None


# A dateline: a place in capitals (and its country: "BLED, Slovenia,"), a day, and a dash
# ("PORT LOUIS, Sept 16 —").
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ'’ .-]+,(?:\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},)?"
    r"\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}(?:(?:st|nd|rd|th)\s+of)?\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s+\d{4})?\s*(?:\([^)]*\)\s*)?[—–-]+\s*"
)


def dateline_end(text: str) -> int:
    """Where the words after a dateline start ("PORT LOUIS, Sept 16 — ..."); 0 without one."""
    dateline = _DATELINE.match(text)
    return dateline.end() if dateline is not None else 0


# A plan revised in the sentence that gives it: "the communique set the round for May 2, but
# the mediator said it would now be held in June" is dated by what follows the revision, and a
# revision that names no day ("would now take place after the rains") leaves the plan undated.
_REVISED = gated(
    r"\bbut\b[^.;]{0,90}?\b(?:would|will|is to|are to)\s+now\s+"
    r"(?:be\s+held|take\s+place|open|meet|convene|start|begin|resume)\b",
    re.IGNORECASE,
)


def resolve_date(text: str, published_at: datetime | None) -> EventDate | None:
    """First date expression of a sentence, or the date a plan was moved to; relative ones
    need the publication time."""
    revised = _REVISED.search(text)
    if revised is not None:
        return _first_date(text[revised.end() :], published_at)
    moved = _MOVED_TO.search(text)
    if moved is not None:
        # The date read with its preposition: "until February" is a month, "February" alone
        # (after the verb) may be taken for a word and a later "on Wednesday" read instead.
        rest = text[moved.start("bound") :]
        found = _first_date(rest, published_at)
        if found is not None and not _names_an_event(rest, found):
            return found
    after_dateline = dateline_end(text)
    if after_dateline:
        # "JOHANNESBURG, Oct 6 — The round will open on October 19": the dateline dates the
        # report; a date in the sentence after it dates the event.
        found = _first_date(text[after_dateline:], published_at)
        if found is not None:
            return found
    return _first_date(text, published_at)


# "Peru freed 40 on Sunday. Chile released 38 the same day": a day told by reference to the
# day of the sentence before; the number is how many days after it. Gated: most sentences hold
# none of its words.
_ANAPHORIC_DAY = gated(
    r"\b(?:(?P<same>(?:on )?(?:the|that) same (?:day|night|morning|afternoon|evening)"
    r"|(?:later|earlier) that (?:day|night|morning|afternoon|evening))"
    r"|(?P<next>the (?:next|following) day|a day later)"
    # "Two days earlier, Peru had freed 18": days counted from the day named before, closing
    # its phrase (not "two days before the talks opened", which counts from the talks).
    rf"|(?P<count>\d{{1,2}}|{_COUNT_WORDS}) days? (?P<way>earlier|before|later|after)"
    r"(?=\s*[,.;]|\s*$))\b",
    re.IGNORECASE,
)
# Such a phrase opening the sentence (after at most three characters that are no word) dates it
# before any date told inside it ("Two days earlier, Argentina had freed 18 fishermen detained in
# January").
_OPENING = re.compile(r"\W{0,3}")


def day_referred_to(text: str, before: EventDate | None) -> EventDate | None:
    """The day a sentence without a date of its own refers to ("the same day", "later that
    day", "the next day"), when the sentence before it named one day."""
    if before is None or before.precision != "day" or before.start != before.end:
        return None
    found = _ANAPHORIC_DAY.search(text)
    if found is None:
        return None
    if found.group("count"):
        word = found.group("count").lower()
        count = int(word) if word.isdigit() else _COUNTS[word]
        shift = -count if found.group("way").lower() in ("earlier", "before") else count
    else:
        shift = 0 if found.group("same") else 1
    day = before.start + timedelta(days=shift)
    return EventDate(start=day, end=day, precision="day", text=found.group(0))


def opens_with_day_referred_to(text: str) -> bool:
    """Whether the sentence opens with a day told from the day named before ("Two days
    earlier, ...", "The next day, ...")."""
    # The leftmost match (the gated search skips most sentences) is the opening one if any is.
    found = _ANAPHORIC_DAY.search(text)
    return found is not None and _OPENING.fullmatch(text, 0, found.start()) is not None


# "the engineers it had held since January": the date a captivity began, not the date of the
# release the sentence tells; a later date of the sentence dates the event (exchanges.json).
_HELD_SINCE = re.compile(
    r"\b(?:"
    + "|".join(sorted(load("exchanges")["held_since"], key=len, reverse=True))
    + r")\s+(?:[\w’'-]+\s+){0,2}?since\s+$",
    re.IGNORECASE,
)


# "three aid workers abducted in the east in January were freed on Wednesday": the date a
# captivity began, told after the participle of the capture (exchanges.json, captured_in).
_CAPTURED_IN = re.compile(
    r"\b(?:"
    + "|".join(sorted(load("exchanges")["captured_in"], key=len, reverse=True))
    # the participle, a place it names ("in the east", "at the mill"), then the date's word:
    # not an active verb and its object ("seized the town on Monday").
    + r")\s+(?:(?:in|at|near|from|outside)\s+"
    r"(?:(?!(?:and|but|were|was|are|is|have|has|had|in|on)\b)[\w’'-]+\s+){1,4}?)?(?:in|on)\s+$",
    re.IGNORECASE,
)


def _captured_in(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    head = _PREPOSITION.match(text, start)
    if head is not None:
        start = head.end()  # "in January" is one match: the words before "January" are read
    return _CAPTURED_IN.search(text[max(0, start - 60) : start]) is not None


_PREPOSITION = re.compile(r"(?:in|on|at)\s+", re.IGNORECASE)


def _held_since(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    if text[start : start + 6].lower() == "since ":
        start += 6  # "since January" is one match: the words before "since" are read
        before = text[max(0, match.start() - 60) : start]
    else:
        before = text[max(0, start - 60) : start]
    return "since" in before.lower() and _HELD_SINCE.search(before) is not None


# "agreed a truce from October 1, ending talks that ran from Monday to Wednesday": the day the
# truce takes effect, not the date of what the sentence reports; kept only when no other date
# follows (rounds.json, accord_in_force_from).
_IN_FORCE_FROM = re.compile(
    r"\b(?:"
    + "|".join(load("rounds")["accord_in_force_from"])
    + r")\s+(?:(?:midnight|noon|dawn|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc))\s+"
    r"(?:on\s+)?)?$",
    re.IGNORECASE,
)


def _in_force_from(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    before = text[max(0, start - 90) : start]
    return _IN_FORCE_FROM.search(before) is not None


def _first_date(text: str, published_at: datetime | None) -> EventDate | None:
    today = published_at.date() if published_at else None
    # When a captivity began ("held since January", "abducted in January") or a truce takes
    # effect ("a truce from October 1"): the sentence's date only when it tells no other.
    fallback: EventDate | None = None
    # Matches may be over the lower-cased sentence (GatedPattern.scan): the groups read below are
    # lower-cased or numbers, and the date's words are read from text.
    for match in _PATTERNS.scan(text):
        g = match.groupdict()
        words = text[match.start() : match.end()]
        try:
            if g["day1"] or g["day2"] or g["year3"]:
                found = _calendar_date(g, words, today)
            else:
                found = _relative_date(g, text, match, words, today) if today else None
        except ValueError:
            continue  # "31 February": not a date
        if found is None:
            continue
        if fallback is None and (
            _held_since(text, match) or _in_force_from(text, match) or _captured_in(text, match)
        ):
            fallback = _as_span(found, g, text, match)
            continue
        return _as_span(found, g, text, match)
    return fallback


def _as_span(found: EventDate, g: dict[str, Any], text: str, match: re.Match[str]) -> EventDate:
    """The day found, widened to the span of days the sentence gives it (see _JOIN)."""
    if found.precision != "day":
        return found
    start, end, first, last = found.start, found.end, match.start(), match.end()
    if g["weekday"]:
        after = _LAST_WEEKDAY.match(text, match.end())
        if after:
            end = start + timedelta(days=(_DAYS[after["weekday"].lower()] - start.weekday()) % 7)
            last = after.end()
    elif g["day2"]:
        after = _LAST_DAY.match(text, match.end())
        if after and int(after["last"]) > start.day:
            end = _same_month(start, int(after["last"]))
            last = after.end()
    elif g["day1"]:
        before = _FIRST_DAY.search(text, max(0, first - 12), first)
        if before and int(before["first"]) < start.day:
            start, first = start.replace(day=int(before["first"])), before.start()
    if (start, end) == (found.start, found.end):
        return found
    return EventDate(start=start, end=end, precision="day", text=text[first:last].strip())


def _same_month(day: date, last: int) -> date:
    try:
        return day.replace(day=last)
    except ValueError:
        return day  # "May 30-32": not a day of the month; keep the one day


def _calendar_date(g: dict[str, Any], words: str, today: date | None) -> EventDate | None:
    """A day ("22 May 2023", "May 22") or a month of a year ("May 2023")."""
    if g["year3"] and not (g["day1"] or g["day2"]):
        start, end = _month_span(int(g["year3"]), _month_number(g["month3"].split()[0]))
        return EventDate(start=start, end=end, precision="month", text=words)
    year_text = g["year1"] or g["year2"]
    month = _month_number(g["month"] or g["month2"].split()[0])
    day = int(g["day1"] or g["day2"])
    if year_text:
        year = int(year_text)
    elif today:
        year = today.year
        # Without a year, a day is its occurrence nearest to publication: far after it, the
        # year before; far before it, the year after ("on January 18" in a December report).
        if date(year, month, day) - today > timedelta(days=183):
            year -= 1
        elif today - date(year, month, day) > timedelta(days=183) and (
            calendar.isleap(year + 1) or (month, day) != (2, 29)
        ):
            year += 1  # (a leap day stays in its year: the next has none)
    else:
        return None
    when = date(year, month, day)
    return EventDate(start=when, end=when, precision="day", text=words)


def _relative_date(
    g: dict[str, Any], text: str, match: re.Match[str], words: str, today: date
) -> EventDate | None:
    """A date told from the publication day: "yesterday", "three days ago", "in the coming
    weeks", "in May", "on Monday"."""
    if g["rel"]:
        start, end, precision = _relative(g["rel"], today)
        return EventDate(start=start, end=end, precision=precision, text=words)
    if g["ago"]:
        count = _COUNTS.get(g["count"].lower()) or int(g["count"])
        start, end, precision = _ago(count, g["unit"].lower(), today)
        return EventDate(start=start, end=end, precision=precision, text=words)
    if g["ahead"]:
        # "will meet again in two weeks": a time from publication, only in a clause that looks
        # ahead ("killed 30 in two weeks" is a duration).
        if not _looks_ahead(text, match.start()):
            return None
        return _ahead(g["acount"].lower(), g["aunit"].lower(), words, today)
    if g["after_feast"]:
        # "will meet after Ramadan": a plan's time with no day; only in a clause that looks
        # ahead ("fighting erupted after the elections" is past).
        if not _looks_ahead(text, match.start()):
            return None
        return EventDate(
            start=today,
            end=today + timedelta(days=_HORIZON["months"]),
            precision="vague",
            text=words,
        )
    if g["vague"]:
        horizon = _HORIZON[g["vague"].split()[-1].lower()]
        return EventDate(
            start=today, end=today + timedelta(days=horizon), precision="vague", text=words
        )
    if g["month4"]:
        if not text[match.start("month4")].isupper():
            return None  # "in may": the verb, not the month
        start, end = _month_span(
            *_shift_months(today, _month_offset(g["month4"], words, text, match.start(), today))
        )
        return EventDate(start=start, end=end, precision="month", text=words)
    if g["weekday"]:
        if _EXPLICIT_AFTER.match(text, match.end()):
            return None  # "Monday, May 22": the date that follows says which Monday
        which = (g["which"] or "").lower()
        if which in ("", "on") and _ahead_of(text, match.start()):
            which = "coming"  # "are due to reconvene on Monday": the Monday to come
        when = _weekday(_DAYS[g["weekday"].lower()], which, today)
        return EventDate(start=when, end=when, precision="day", text=words.strip())
    return None


def _ahead(count_word: str, unit: str, words: str, today: date) -> EventDate:
    """ "in three days" is that day; "in two weeks" the week around that day; "in a month" that
    month; "within ten days" the days up to then, vague."""
    count = 1 if count_word in ("a", "an") else _COUNTS.get(count_word) or int(count_word)
    if words.lower().startswith("within"):
        # "within 10 days": any day up to then, a span with no day of its own.
        end = (
            today + timedelta(days=count * (7 if unit == "week" else 1))
            if unit != "month"
            else _month_span(*_shift_months(today, count))[1]
        )
        return EventDate(start=today, end=end, precision="vague", text=words)
    if unit == "day":
        when = today + timedelta(days=count)
        return EventDate(start=when, end=when, precision="day", text=words)
    if unit == "week":
        when = today + timedelta(days=7 * count)
        return EventDate(
            start=when - timedelta(days=3),
            end=when + timedelta(days=3),
            precision="week",
            text=words,
        )
    start, end = _month_span(*_shift_months(today, count))
    return EventDate(start=start, end=end, precision="month", text=words)


# A plan's verb ("agreed to meet again in two weeks"): with a time from now, the time to come
# (not used for a bare weekday: "agreed to a truce on Monday" tells the day of the agreement).
_PLAN_VERB = re.compile(
    r"\b(?:agreed|agree|agreeing|decided|deciding|promised|promising|pledged|pledging|vowed|"
    r"vowing|hopes?|hoped|intends?|intended|aims?|"
    r"ready|willing)\s+to\s+\w+[^.;]*$",
    re.IGNORECASE,
)


def _looks_ahead(text: str, at: int) -> bool:
    start = max(0, at - 80)
    return bool(_AHEAD.search(text, start, at) or _PLAN_VERB.search(text, start, at))


# Words that put a bare weekday ahead of the publication day: a plan, not a report.
_AHEAD = re.compile(
    r"\b(?:will|shall|would|due to|(?:is|are) due|expected to|set to|scheduled|slated|planned|"
    r"plans? to|(?:is|are) to|going to|next"
    # "talks continue until Thursday": the present runs on to a day to come
    r"|(?:continue|continues|run|runs|last|lasts|go on|goes on)\s+(?:\w+\s+){0,2}?(?:until|till))"
    r"\b[^.;]*$",
    re.IGNORECASE,
)


# The same words further back, in one clause (no comma between): "are expected to open a new
# round of talks on the disputed water rights in Lima on Thursday".
_AHEAD_IN_CLAUSE = re.compile(_AHEAD.pattern.replace("[^.;]*$", "[^.;,]*$"), re.IGNORECASE)


_PLAN_WORD = re.compile(_AHEAD.pattern.replace(r"\b[^.;]*$", r"\b"), re.IGNORECASE)

# A meeting's verb in the past after the plan words: "The round, originally planned for Harare,
# opened in Lusaka on Thursday" tells the day it opened, not a day to come.
_PAST_MEETING_VERB = re.compile(
    r"\b(?:opened|ended|began|met|convened|closed|concluded|resumed|started|wrapped up|"
    r"took place|got under way|was held|were held|broke down|collapsed)\b",
    re.IGNORECASE,
)


def _ahead_of(text: str, at: int) -> bool:
    """Whether plan words come before a bare weekday at `at`: within 60 characters, or within
    140 in the same clause, and no meeting verb in the past tells it after them."""
    found = _AHEAD.search(text, max(0, at - 60), at) or _AHEAD_IN_CLAUSE.search(
        text, max(0, at - 140), at
    )
    if found is None:
        return False
    last = found.start()
    for word in _PLAN_WORD.finditer(text, found.start(), at):
        last = word.end()
    return _PAST_MEETING_VERB.search(text, last, at) is None


def _weekday(target: int, which: str, today: date) -> date:
    """The day of that weekday: the next one after today for "next", the first on or after
    today for "coming" (a plan), else the latest on or before today ("last Monday" on a Monday
    is a week ago)."""
    back = (today.weekday() - target) % 7
    if which == "next":
        return today + timedelta(days=(7 - back) % 7 or 7)
    if which == "coming":
        return today + timedelta(days=(7 - back) % 7)
    return today - timedelta(days=back + (7 if which == "last" and back == 0 else 0))


# An entry of a list of key dates: a line that opens with its date and a colon or a dash
# ("23-25 March: first round in Astana", "11 February — the committee meets", "2025 — talks
# collapse").
_ENTRY_OPENS = re.compile(r"\s*(?:\d{1,2}\s*[–-]\s*)?$")
_ENTRY_MARK = re.compile(r"(?:,?\s+\d{4})?\s*(?::|[—–]|-\s)")
_YEAR_ENTRY = re.compile(r"\s*(?:19|20)\d\d\s*(?::|[—–]|-\s)")


def timeline_entry(text: str) -> bool:
    """Whether a sentence is an entry of a timeline: each entry tells its own day, so nothing
    of it (a venue, a date) is carried from the entry before."""
    if _YEAR_ENTRY.match(text):
        return True
    head = text[:40]
    # The first date of the line: scanned over `text` up to 40 (as if cut there), so the gate
    # reuses the sentence's scan instead of scanning a new string (and evicting others').
    match = next(_PATTERNS.scan(text, 0, 40), None)
    return (
        match is not None
        and (match.group("day1") is not None or match.group("day2") is not None)
        and _ENTRY_OPENS.fullmatch(head, 0, match.start()) is not None
        and _ENTRY_MARK.match(head, match.end()) is not None
    )
