"""Server-side SVG charts: strikes per day, stacked by place or weapon. No script, no library."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Any

PALETTE = (
    "#4c78a8",
    "#f58518",
    "#54a24b",
    "#e45756",
    "#72b7b2",
    "#b279a2",
    "#eeca3b",
    "#9d755d",
)
OTHER_COLOUR = "#bab0ac"
MAX_SERIES = len(PALETTE)


def strikes_per_day(
    states: dict[str, Any], by: str, start: str | None = None, end: str | None = None
) -> list[dict[str, Any]]:
    """Days (oldest first) summed over the processes: {"day", "count", "parts": {name: n}}."""
    field = "by_weapon" if by == "weapon" else "by_place"
    days: dict[str, dict[str, Any]] = {}
    for state in states.values():
        for item in (state or {}).get("days", []):
            day = str(item.get("day", ""))
            if not day or (start and day < start) or (end and day > end):
                continue
            slot = days.setdefault(day, {"day": day, "count": 0, "parts": {}})
            slot["count"] += int(item.get("count", 0))
            for name, n in (item.get(field) or {}).items():
                slot["parts"][name] = slot["parts"].get(name, 0) + int(n)
    return [days[d] for d in sorted(days)]


def series_names(days: list[dict[str, Any]]) -> list[str]:
    """The biggest parts first; past MAX_SERIES - 1 of them the rest is "other"."""
    totals: dict[str, int] = {}
    for day in days:
        for name, n in day["parts"].items():
            totals[name] = totals.get(name, 0) + n
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    if len(ranked) > MAX_SERIES:
        return [*ranked[: MAX_SERIES - 1], "other"]
    return ranked


UNKNOWN_PLACE = "unknown"
UNASSIGNED = "unassigned"
ALL = "all"  # the `process` value that charts every process together
HELD = ("actual", "historical")  # the strikes the fold counts (streams.core.fold.foldkit.HELD)


def strike_day(event: Mapping[str, Any]) -> str | None:
    """The day the fold counts a strike on: its own date when given to the day, else the day
    it was published."""
    date = event.get("date")
    if isinstance(date, Mapping) and date.get("precision") == "day" and date.get("start"):
        return str(date["start"])[:10]
    published = event.get("published_at")
    return str(published)[:10] if published else None


def country_of(event: Mapping[str, Any]) -> str | None:
    """Where a strike with no place named hit, as far as the sentence says: the state it
    targeted."""
    for actor in event.get("actors") or []:
        if (
            isinstance(actor, Mapping)
            and actor.get("role") == "target"
            and actor.get("kind") in (None, "state")
            and actor.get("name")
        ):
            return f"{actor['name']} (no town named)"
    return None


PlaceIndex = dict[tuple[str, str], list[str]]


def unknown_place_index(events: Iterable[Mapping[str, Any]]) -> PlaceIndex:
    """(process, day) -> the states targeted by the strikes of that day that name no town."""
    named: PlaceIndex = {}
    for event in events:
        if event.get("type") != "strike" or event.get("modality") not in HELD:
            continue
        if event.get("places"):
            continue
        day, country = strike_day(event), country_of(event)
        if day and country:
            named.setdefault((str(event.get("process")), day), []).append(country)
    for countries in named.values():
        countries.sort()
    return named


def name_unknown_places(states: Mapping[str, Any], named: PlaceIndex) -> dict[str, Any]:
    """The states with their "unknown" places named where the events say more: a strike
    whose sentence names no town but the state it targeted counts under that state.

    Only days with unknown places change, by at most their unknown count, so the totals stay
    the fold's.
    """
    if not named:
        return dict(states)
    result: dict[str, Any] = {}
    for process, state in states.items():
        days = []
        for item in (state or {}).get("days", []):
            places = dict(item.get("by_place") or {})
            unknown = int(places.get(UNKNOWN_PLACE, 0))
            found = named.get((process, str(item.get("day"))), [])[:unknown]
            if found:
                for country in found:
                    places[country] = places.get(country, 0) + 1
                places[UNKNOWN_PLACE] = unknown - len(found)
                if not places[UNKNOWN_PLACE]:
                    del places[UNKNOWN_PLACE]
                item = {**item, "by_place": places}
            days.append(item)
        result[process] = {**(state or {}), "days": days}
    return result


def default_process(states: Mapping[str, Any]) -> str | None:
    """The process to chart when none is asked for: the one with the newest strike day, a
    real process before the reports that name none."""
    latest = {
        process: max((str(d.get("day", "")) for d in (state or {}).get("days", [])), default="")
        for process, state in states.items()
    }
    chosen = [p for p in latest if latest[p]]
    return max(chosen, key=lambda p: (p != UNASSIGNED, latest[p], p)) if chosen else None


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Axis ticks with their labels, years always shown: days, weeks, months or years."""
    span = (last - first).days
    if span <= 14:
        days = [first + timedelta(days=i) for i in range(span + 1)]
        return [(d, d.isoformat()) for d in days]
    if span <= 120:
        start = first + timedelta(days=(7 - first.weekday()) % 7)  # Mondays
        mondays = [start + timedelta(weeks=i) for i in range((last - start).days // 7 + 1)]
        return [(d, d.isoformat()) for d in mondays]
    months = []
    current = date(first.year, first.month, 1)
    if current < first:
        current = _next_month(current)
    while current <= last:
        months.append(current)
        current = _next_month(current)
    step = 1 if len(months) <= 14 else 3 if len(months) <= 40 else 12
    return [(m, m.isoformat()[:7]) for m in months if (m.month - 1) % step == 0]


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


@dataclass(frozen=True)
class _Axes:
    """Where a day and a count are drawn: a real time axis from `first`, counts from zero."""

    first: date
    per_day: float
    scale: float
    left: int = 44
    top: int = 20
    height: int = 220
    plot: int = 900

    @property
    def base(self) -> int:
        return self.top + self.height

    def x_of(self, day: date) -> float:
        return self.left + 5 + ((day - self.first).days + 0.5) * self.per_day


def stacked_bars(days: list[dict[str, Any]], title: str) -> str:
    """An accessible SVG on a real time axis: one bar per day with strikes, at its place in
    time (gaps stay gaps), one coloured segment per series, ticks labelled with the year."""
    if not days:
        return '<p class="empty">No strikes in this selection.</p>'
    names = series_names(days)
    colours = {
        name: (OTHER_COLOUR if name == "other" else PALETTE[i % len(PALETTE)])
        for i, name in enumerate(names)
    }
    first = date.fromisoformat(days[0]["day"][:10])
    last = date.fromisoformat(days[-1]["day"][:10])
    peak = max(max(day["count"], sum(day["parts"].values())) for day in days) or 1
    axes = _Axes(first, per_day=900 / ((last - first).days + 1), scale=220 / peak)
    width = axes.left + axes.plot + 30
    full = axes.base + 70
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width}" height="{full}" viewBox="0 0 {width} {full}" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{axes.left}" y1="{axes.base}" x2="{axes.left + axes.plot + 10}" '
        f'y2="{axes.base}" stroke="#555"/>',
        *_count_ticks(axes, peak),
        *_day_ticks(axes, last),
    ]
    bar = max(1.5, min(28.0, axes.per_day * 0.8))
    for day in days:
        parts += _bar(axes, day, names, colours, bar)
    parts.append("</svg>")
    legend = "".join(
        f'<li><svg class="swatch" width="12" height="12" aria-hidden="true">'
        f'<rect width="12" height="12" fill="{colours[name]}"/></svg>{escape(name)}</li>'
        for name in names
    )
    return "".join(parts) + f'<ul class="legend">{legend}</ul>'


def _count_ticks(axes: _Axes, peak: int) -> list[str]:
    return [
        f'<text x="{axes.left - 6}" y="{axes.base - tick * axes.scale + 4:.1f}" '
        f'text-anchor="end" font-size="11">{tick}</text>'
        for tick in sorted({0, peak // 2, peak})
    ]


def _day_ticks(axes: _Axes, last: date) -> list[str]:
    ticks = _ticks(axes.first, last)
    every = max(1, len(ticks) // 16)
    parts = []
    for index, (day, label) in enumerate(ticks):
        x = axes.x_of(day)
        parts.append(
            f'<line class="tick" x1="{x:.1f}" y1="{axes.base}" x2="{x:.1f}" '
            f'y2="{axes.base + 4}" stroke="#555"/>'
        )
        if index % every == 0:
            parts.append(
                f'<text class="tick" x="{x:.1f}" y="{axes.base + 14}" font-size="10" '
                f'text-anchor="end" transform="rotate(-45 {x:.1f} {axes.base + 14})">'
                f"{escape(label)}</text>"
            )
    return parts


def _bar(
    axes: _Axes, day: dict[str, Any], names: list[str], colours: dict[str, str], bar: float
) -> list[str]:
    """One day's bar: a segment per series, stacked from the axis up; the rest as "other"."""
    x = axes.x_of(date.fromisoformat(day["day"][:10])) - bar / 2
    y: float = axes.base
    counted = dict(day["parts"])
    parts = []
    for name in names:
        if name == "other":
            n = sum(count for k, count in counted.items() if k not in names)
        else:
            n = counted.get(name, 0)
        if n <= 0:
            continue
        h = n * axes.scale
        y -= h
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="{colours[name]}" data-day="{escape(day["day"])}" '
            f'data-series="{escape(name)}"><title>{escape(day["day"])}: {escape(name)} '
            f"{n}</title></rect>"
        )
    return parts
