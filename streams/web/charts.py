"""Server-side SVG charts: strikes per day, stacked by place or weapon. No script, no library."""

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


def stacked_bars(days: list[dict[str, Any]], title: str) -> str:
    """An accessible SVG: one bar per day, one coloured segment per series, a legend."""
    if not days:
        return '<p class="empty">No strikes in this selection.</p>'
    names = series_names(days)
    colours = {
        name: (OTHER_COLOUR if name == "other" else PALETTE[i % len(PALETTE)])
        for i, name in enumerate(names)
    }
    left, top, height, bar, gap = 40, 20, 220, 28, 10
    width = left + len(days) * (bar + gap) + 20
    peak = max(max(day["count"], sum(day["parts"].values())) for day in days) or 1
    scale = height / peak
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width}" height="{top + height + 70}" viewBox="0 0 {width} {top + height + 70}" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{top + height}" x2="{width - 10}" y2="{top + height}" '
        'stroke="#555"/>',
    ]
    for tick in sorted({0, peak // 2, peak}):
        y = top + height - tick * scale
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>'
        )
    for index, day in enumerate(days):
        x = left + 10 + index * (bar + gap)
        y = top + height
        counted = dict(day["parts"])
        segments: list[tuple[str, int]] = []
        for name in names:
            if name == "other":
                rest = sum(n for k, n in counted.items() if k not in names)
                segments.append(("other", rest))
            else:
                segments.append((name, counted.get(name, 0)))
        for name, n in segments:
            if n <= 0:
                continue
            h = n * scale
            y -= h
            parts.append(
                f'<rect class="bar" x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" '
                f'fill="{colours[name]}" data-day="{escape(day["day"])}" '
                f'data-series="{escape(name)}"><title>{escape(day["day"])}: {escape(name)} '
                f"{n}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar / 2}" y="{top + height + 14}" font-size="10" '
            f'text-anchor="end" transform="rotate(-45 {x + bar / 2} {top + height + 14})">'
            f"{escape(day['day'][5:])}</text>"
        )
    parts.append("</svg>")
    legend = "".join(
        f'<li><svg class="swatch" width="12" height="12" aria-hidden="true">'
        f'<rect width="12" height="12" fill="{colours[name]}"/></svg>{escape(name)}</li>'
        for name in names
    )
    return "".join(parts) + f'<ul class="legend">{legend}</ul>'
