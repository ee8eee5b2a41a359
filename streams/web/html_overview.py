"""HTML of the overview: one card per process, and the facts a card and the process page's
summary share (status because, last round, next meeting, last measure, claims)."""

from collections.abc import Iterable, Mapping
from typing import Any

from streams.web import digest
from streams.web.html import (
    e,
    event_date,
    evidence,
    evidence_href,
    href,
    names,
    seg,
    status_badge,
    window,
)

# Shared facts: the overview card and the process page's summary say the same ---------------


def process_link(
    process: str, as_of: str | None, label: str | None = None, stored: bool = False
) -> str:
    """A link to a process's page; `stored`: to its page as the tables store it."""
    target = href(f"/ui/process/{seg(process)}", as_of=as_of, as_stored="1" if stored else None)
    return f'<a href="{target}">{e(label or process)}</a>'


def title(process: str, name: str, as_of: str | None, stored: bool = False) -> str:
    """The plain name, linked, with the key beside it."""
    key = f' <span class="key">{e(process)}</span>' if name != process else ""
    return f"{process_link(process, as_of, name, stored)}{key}"


def joined_keys(keys: Iterable[str] | None, as_of: str | None) -> str:
    """The keys whose reports a joined process includes, each linked to its stored page."""
    listed = ", ".join(process_link(str(k), as_of, stored=True) for k in keys or [])
    if not listed:
        return ""
    return (
        f'<p class="joined muted">Includes reports keyed apart under {listed} '
        "(a snippet that names one side alone, or one side and a third party).</p>"
    )


def stored_switch(as_of: str | None, stored: bool, path: str = "/ui") -> str:
    """The link between the joined view and the tables as stored."""
    if stored:
        other = href(path, as_of=as_of)
        return (
            '<p class="keying muted">Shown as the tables store them, by process key. '
            f'<a href="{other}">Show negotiations joined</a>.</p>'
        )
    other = href(path, as_of=as_of, as_stored="1")
    return (
        '<p class="keying muted">Reports keyed by one side, or by a side and a third party, '
        f'are shown inside their process. <a href="{other}">Show as stored</a>.</p>'
    )


def because(status: Mapping[str, Any] | None) -> str:
    """Why the status is what it is: the cited sentence, and the rule that read it."""
    status = status or {}
    given = status.get("because")
    cited = status.get("evidence")
    if isinstance(given, Mapping):
        cited = given.get("evidence") or given
        given = given.get("text") or given.get("rule")
    reason = given if isinstance(given, str) and given else status.get("rule")
    if not cited and not reason:
        return '<p class="because muted">No report bears on the status yet.</p>'
    rule = f'<span class="muted rule">{e(reason)}</span>' if reason else ""
    fact = evidence(cited) if isinstance(cited, Mapping) else ""
    return f'<p class="because"><span class="label">because</span> {fact} {rule}</p>'


def round_brief(item: Mapping[str, Any] | None) -> str:
    if not item:
        return "none reported"
    bits = [window(item), e(item.get("venue") or "venue not reported")]
    if item.get("format"):
        bits.append(e(item.get("format")))
    return " · ".join(bits)


def meeting_brief(item: Mapping[str, Any] | None) -> str:
    if not item:
        return "none announced"
    bits = [
        # A vague time ("in the coming weeks") is shown in its words, never as a date.
        event_date(item.get("date")) or e(item.get("when") or "") or "date not given",
        e(item.get("venue") or "venue not given"),
    ]
    if item.get("format"):
        bits.append(e(item.get("format")))
    sure = f' <span class="tag certainty">{e(digest.certainty(item))}</span>'
    reported = (
        f' <span class="muted">reported {e(str(item.get("reported_at"))[:16])}</span>'
        if item.get("reported_at")
        else ""
    )
    return " · ".join(bits) + sure + reported


def measure_brief(item: Mapping[str, Any] | None) -> str:
    if not item:
        return "none reported"
    bits = [f"<strong>{e(item.get('kind'))}</strong> {e(item.get('status') or '')}"]
    if item.get("count") is not None:
        bits.append(f"{e(with_commas(item.get('count')))} people")
    bits.append(window(item))
    cited = (item.get("evidence") or [None])[0]
    link = ""
    if isinstance(cited, Mapping) and cited.get("snippet_id"):
        link = f" {_evidence_link(cited)}"
    return " · ".join(bits) + link


def claims_brief(claims: Iterable[Mapping[str, Any]] | None) -> str:
    rows = [
        f"<li><strong>{e(c.get('claimant'))}</strong>: {figure(c)}"
        f"{' on the ' + e(c.get('side')) + ' side' if c.get('side') else ''}"
        f' <span class="muted">as of {e(c.get("as_of") or "—")}</span></li>'
        for c in claims or []
    ]
    return f'<ul class="claims-brief">{"".join(rows)}</ul>' if rows else "none reported"


def facts(card: Mapping[str, Any]) -> str:
    """The facts list of a card or a summary (a `digest.brief`)."""
    sticking = ", ".join(e(s) for s in card.get("sticking_points") or []) or "none reported"
    return (
        '<dl class="facts">'
        f"<dt>Parties</dt><dd>{names(card.get('parties'))}</dd>"
        f"<dt>Mediators</dt><dd>{names(card.get('mediators'))}</dd>"
        f'<dt>Last round</dt><dd class="last-round">{round_brief(card.get("last_round"))}</dd>'
        f'<dt>Next meeting</dt><dd class="next-meeting">{meeting_brief(card.get("next_meeting"))}'
        "</dd>"
        f'<dt>Last exchange or agreement</dt><dd class="last-measure">'
        f"{measure_brief(card.get('last_measure'))}</dd>"
        f'<dt>Sticking points</dt><dd class="sticking">{sticking}</dd>'
        f'<dt>Casualty figures</dt><dd class="claims">{claims_brief(card.get("claims"))}</dd>'
        f"<dt>Updated</dt><dd>{e(card.get('last_published_at') or '—')}</dd>"
        "</dl>"
    )


def _evidence_link(item: Mapping[str, Any]) -> str:
    target = evidence_href(item.get("snippet_id"), item.get("event_id") or item.get("id"))
    return f'<a class="evidence" href="{target}">evidence</a>'


def with_commas(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def count_words(counts: Mapping[str, Any] | None) -> str:
    """ "statement 12, prisoner exchange 3": events per type."""
    items = sorted((counts or {}).items())
    return ", ".join(f"{e(str(k).replace('_', ' '))} {e(v)}" for k, v in items)


def recent_list(items: Iterable[Mapping[str, Any]] | None) -> str:
    return "".join(
        f'<li><span class="type">{e(str(item.get("type") or "").replace("_", " "))}</span> '
        f"{evidence(item)}</li>"
        for item in items or []
    )


# Overview -----------------------------------------------------------------------------------


def overview(
    states: Mapping[str, Mapping[str, Any]], as_of: str | None, stored: bool = False
) -> str:
    """One card per process, newest activity first, reports with no process last; `stored`:
    the tables as stored, each card linking to its stored page."""
    switch = stored_switch(as_of, stored)
    if not states:
        return f'{switch}<p class="empty" id="processes">No negotiation process yet.</p>'
    cards = []
    for process in digest.overview_order(states):
        card = states[process] or {}
        if "name" not in card:  # a full state, or a card from a worker of an earlier version
            card = digest.brief(card)
        counts = count_words(card.get("counts"))
        name = str(card.get("name") or process)
        cards.append(
            f'<article class="process" data-process="{e(process)}" '
            f'data-updated="{e(card.get("last_published_at"))}">'
            f"<h2>{title(process, name, as_of, stored)} {status_badge(card.get('status'))}</h2>"
            f"{because(card.get('status'))}"
            f"{joined_keys(card.get('joined'), as_of)}"
            f"{facts(card)}"
            f'<p class="muted counts">{e(card.get("event_count", 0))} events'
            f"{' (' + counts + ')' if counts else ''}</p>"
            f'<details class="recent-events"><summary>Latest events</summary>'
            f'<ul class="recent">{recent_list((card.get("recent") or [])[:3])}</ul></details>'
            "</article>"
        )
    return f'{switch}<section id="processes" class="cards">{"".join(cards)}</section>'


def figure(claim: Mapping[str, Any]) -> str:
    """ "about 2,000 killed": the value, else the range, else what is known of it."""
    value, low, high = claim.get("value"), claim.get("low"), claim.get("high")
    if value is not None:
        number = with_commas(value)
    elif low is not None and high is not None:
        number = f"{with_commas(low)}–{with_commas(high)}"
    elif low is not None or high is not None:
        number = with_commas(low if low is not None else high)
    else:
        number = "an unknown number"
    qualifier = claim.get("qualifier")
    prefix = "" if qualifier in (None, "exact") else str(qualifier).replace("_", " ") + " "
    unit = claim.get("unit")
    return f"{e(prefix)}{e(number)}{' ' + e(unit) if unit else ''}"
