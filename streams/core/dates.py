"""Resolve date expressions ("on Thursday", "last month", "8 August 2025") against publication."""

import calendar
import re
from datetime import date, datetime, timedelta

from schemas.events import EventDate
from streams.core.gates import gated

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(_DAYS) + r")"
_PATTERNS = gated(
    rf"\b(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year1>(?:19|20)\d\d))?"
    rf"|(?P<month2>{_MONTH[10:]}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year2>(?:19|20)\d\d))?"
    rf"|(?:in\s+|early\s+|late\s+|mid-?)?(?P<month3>{_MONTH[10:]}\s+(?P<year3>(?:19|20)\d\d)"
    rf"|(?P<rel>yesterday|today|tomorrow|last\s+(?:week|month|year)|next\s+(?:week|month|year)"
    rf"|earlier\s+this\s+(?:week|month|year)|this\s+(?:week|month|year))"
    rf"|(?P<which>last|next|on|this|early|late)?\s*{_WEEKDAY})\b",
    re.IGNORECASE,
)


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_number(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _relative(word: str, today: date) -> tuple[date, date, str]:
    word = " ".join(word.lower().split())
    if word in ("yesterday", "today", "tomorrow"):
        day = today + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        return day, day, "day"
    step, unit = word.rsplit(" ", 1)
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


def resolve_date(text: str, published_at: datetime | None) -> EventDate | None:
    """First date expression of a sentence; relative ones need the publication time."""
    today = published_at.date() if published_at else None
    # Matches may be over the lower-cased sentence (GatedPattern.scan): the groups read below are
    # lower-cased or numbers, and the date's words are read from text.
    for match in _PATTERNS.scan(text):
        g = match.groupdict()
        words = text[match.start() : match.end()]
        try:
            if g["day1"] or g["day2"]:
                year_text = g["year1"] or g["year2"]
                month = _month_number(g["month"] or g["month2"].split()[0])
                day = int(g["day1"] or g["day2"])
                if year_text:
                    year = int(year_text)
                elif today:
                    year = today.year
                    # Without a year, a date far after publication belongs to the year before.
                    if date(year, month, day) - today > timedelta(days=183):
                        year -= 1
                else:
                    continue
                when = date(year, month, day)
                return EventDate(start=when, end=when, precision="day", text=words)
            if g["year3"]:
                start, end = _month_span(int(g["year3"]), _month_number(g["month3"].split()[0]))
                return EventDate(start=start, end=end, precision="month", text=words)
            if today is None:
                continue
            if g["rel"]:
                start, end, precision = _relative(g["rel"], today)
                return EventDate(start=start, end=end, precision=precision, text=words)
            if g["weekday"]:
                target = _DAYS[g["weekday"].lower()]
                back = (today.weekday() - target) % 7
                when = (
                    today + timedelta(days=(7 - back) % 7 or 7)
                    if g["which"] and g["which"].lower() == "next"
                    else today
                    - timedelta(
                        days=back
                        + (7 if g["which"] and g["which"].lower() == "last" and back == 0 else 0)
                    )
                )
                return EventDate(start=when, end=when, precision="day", text=words.strip())
        except ValueError:
            continue  # "31 February": not a date
    return None
