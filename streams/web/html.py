"""HTML rendering for the operator pages: plain functions of JSON-able data, escaping everything.

Every value that reaches the page goes through `e()` (html.escape with quotes), and every link
taken from data goes through `safe_url()`, so a snippet holding markup or a `javascript:` link
shows as text. The pages need no script: JavaScript only adds live updates.
"""

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

import orjson

from schemas.events import EVENT_TYPES

NAV = (
    ("overview", "/ui", "Processes"),
    ("timeline", "/ui/timeline", "Timeline"),
    ("strikes", "/ui/strikes", "Strikes"),
    ("tables", "/ui/tables", "Tables"),
    ("health", "/ui/health", "Health"),
)


def e(value: Any) -> str:
    """Escaped text of any value; None is empty."""
    return "" if value is None else escape(str(value), quote=True)


def safe_url(url: Any) -> str | None:
    """A link target from data, only when it is plain http(s)."""
    if not isinstance(url, str):
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None


def href(path: str, **params: Any) -> str:
    """A local link with the non-empty parameters in its query, escaped for an attribute."""
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return e(path + ("?" + urlencode(kept, doseq=True) if kept else ""))


def seg(value: str) -> str:
    """One path segment: a process key or table name, percent-encoded."""
    return quote(value, safe="")


def json_block(value: Any) -> str:
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode()
    return f'<pre class="json">{e(text)}</pre>'


def layout(
    title: str,
    body: str,
    *,
    active: str,
    as_of: str | None,
    api: str,
    live: str | None = None,
    notes: Iterable[str] = (),
) -> str:
    """The page frame: navigation, the time-travel form, the JSON link and the body.

    `live` is the SSE query the script subscribes to; pages in the past are never live.
    """
    nav = "".join(
        f'<a href="{href(path, as_of=as_of)}"'
        f"{' aria-current=page class=active' if name == active else ''}>{e(label)}</a>"
        for name, path, label in NAV
    )
    banner = ""
    if as_of:
        banner = (
            f'<p class="asof" id="as-of-banner">Showing the state as of <strong>{e(as_of)}</strong>'
            f' — <a href="{href(_path_of(api))}">back to now</a></p>'
        )
    notes_html = "".join(f'<p class="note">{e(note)}</p>' for note in notes)
    live_attr = f' data-live="{e(live)}"' if live is not None and not as_of else ""
    live_box = ""
    if live_attr:
        live_box = (
            '<aside class="live" aria-live="polite"><h2>Live <span id="live-status">'
            'connecting</span> · <span id="live-count">0</span> new events</h2>'
            '<ol id="live-events"></ol></aside>'
        )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · Parley</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/ui/static/style.css">
<script src="/ui/static/live.js" defer></script>
</head>
<body data-page="{e(active)}"{live_attr}>
<header>
<a class="brand" href="/ui">Parley</a>
<nav>{nav}</nav>
<form class="timetravel" method="get" action="">
<label>as of <input type="text" name="as_of" value="{e(as_of)}"
 placeholder="2026-02-05T18:00:00Z" size="22"></label>
<button type="submit">travel</button>
</form>
</header>
<main>
<h1>{e(title)}</h1>
{banner}{notes_html}
<p class="api">JSON: <a href="{e(api)}">{e(api)}</a> · <a href="/api/openapi.json">OpenAPI</a></p>
{live_box}
<div id="live-region">
{body}
</div>
</main>
</body>
</html>
"""


def _path_of(api: str) -> str:
    """The page that goes with a JSON address (/api/ui/x?y -> /ui/x), without time travel."""
    path = api.split("?", 1)[0]
    if path == "/api/ui/overview" or not path.startswith("/api/ui"):
        return "/ui"
    return path.replace("/api/ui", "/ui", 1)


# Facts and their evidence -------------------------------------------------------------------


def evidence_href(snippet_id: Any, event_id: Any = None) -> str:
    return href(f"/ui/evidence/{seg(str(snippet_id))}", event=event_id)


def evidence(item: Mapping[str, Any] | None, *, cite: bool = True) -> str:
    """A sentence with its source, a link to it highlighted in its snippet, and the source link."""
    if not item:
        return ""
    sentence = item.get("sentence")
    if isinstance(sentence, Mapping):
        sentence = sentence.get("text")
    snippet_id = item.get("snippet_id")
    event_id = item.get("event_id") or item.get("id")
    bits = [f'<q class="sentence">{e(sentence)}</q>']
    if cite:
        meta = []
        if item.get("source"):
            meta.append(f'<span class="source">{e(item.get("source"))}</span>')
        if item.get("published_at"):
            meta.append(f"<time>{e(str(item.get('published_at'))[:16])}</time>")
        if snippet_id:
            meta.append(
                f'<a class="evidence" href="{evidence_href(snippet_id, event_id)}">evidence</a>'
            )
        link = safe_url(item.get("url"))
        if link:
            meta.append(f'<a class="source-link" href="{e(link)}" rel="noreferrer">source</a>')
        bits.append(f'<span class="cite">{" · ".join(meta)}</span>')
    return f'<span class="fact">{"".join(bits)}</span>'


def evidence_list(items: Iterable[Mapping[str, Any]] | None, limit: int = 5) -> str:
    rows = [f"<li>{evidence(item)}</li>" for item in list(items or [])[:limit]]
    return f'<ul class="evidence-list">{"".join(rows)}</ul>' if rows else ""


def event_date(value: Mapping[str, Any] | None) -> str:
    if not value:
        return ""
    start, end = value.get("start"), value.get("end")
    days = e(start) if start == end else f"{e(start)} – {e(end)}"
    words = f' <span class="words">“{e(value.get("text"))}”</span>' if value.get("text") else ""
    return f"{days}{words}"


def window(item: Mapping[str, Any]) -> str:
    if item.get("date"):
        return event_date(item.get("date"))
    start, end = item.get("window_start"), item.get("window_end")
    if start and end and start != end:
        return f"{e(start)} – {e(end)}"
    return e(start or end or "date unknown")


def names(items: Iterable[Mapping[str, Any]] | None) -> str:
    return ", ".join(e(item.get("name")) for item in items or []) or "—"


def status_badge(status: Mapping[str, Any] | None) -> str:
    value = (status or {}).get("status", "unknown")
    css = str(value).replace(" ", "-")
    return f'<span class="status status-{e(css)}">{e(value)}</span>'


# Overview -----------------------------------------------------------------------------------


def process_link(process: str, as_of: str | None) -> str:
    return f'<a href="{href(f"/ui/process/{seg(process)}", as_of=as_of)}">{e(process)}</a>'


def last_round(state: Mapping[str, Any]) -> str:
    rounds = state.get("rounds") or []
    if not rounds:
        return "—"
    item = rounds[-1]
    return f"{window(item)} · {e(item.get('venue') or 'venue unknown')}"


def next_meeting(state: Mapping[str, Any]) -> str:
    item = state.get("next_meeting")
    if not item:
        return "—"
    venue = e(item.get("venue") or "venue unknown")
    # A vague time ("in the coming weeks") is shown in its words, never as a date.
    when = event_date(item.get("date")) or e(item.get("when") or "") or "date unknown"
    return f"{when} · {venue}"


def overview(states: Mapping[str, Mapping[str, Any]], as_of: str | None) -> str:
    if not states:
        return '<p class="empty" id="processes">No negotiation process yet.</p>'
    cards = []
    ordered = sorted(
        states.items(), key=lambda kv: (str(kv[1].get("last_published_at") or ""), kv[0])
    )
    for process, state in reversed(ordered):
        recent = "".join(
            f'<li><span class="type">{e(item.get("type"))}</span> {evidence(item)}</li>'
            for item in (state.get("recent") or [])[:3]
        )
        counts = ", ".join(f"{e(k)} {e(v)}" for k, v in sorted((state.get("counts") or {}).items()))
        cards.append(
            f'<article class="process" data-process="{e(process)}">'
            f"<h2>{process_link(process, as_of)} {status_badge(state.get('status'))}</h2>"
            "<dl>"
            f"<dt>Parties</dt><dd>{names(state.get('parties'))}</dd>"
            f"<dt>Mediators</dt><dd>{names(state.get('mediators'))}</dd>"
            f'<dt>Last round</dt><dd class="last-round">{last_round(state)}</dd>'
            f'<dt>Next meeting</dt><dd class="next-meeting">{next_meeting(state)}</dd>'
            f"<dt>Events</dt><dd>{e(state.get('event_count', 0))} ({counts or 'none'})</dd>"
            f"<dt>Updated</dt><dd>{e(state.get('last_published_at') or '—')}</dd>"
            "</dl>"
            f'<h3>Recent events</h3><ul class="recent">{recent}</ul>'
            "</article>"
        )
    return f'<section id="processes" class="cards">{"".join(cards)}</section>'


# Process page -------------------------------------------------------------------------------


def _participants(items: Iterable[Mapping[str, Any]] | None) -> str:
    rows = []
    for item in items or []:
        first = (item.get("evidence") or [None])[0]
        rows.append(
            f"<li><strong>{e(item.get('name'))}</strong> "
            f"<span class='muted'>{e(item.get('role'))}, {e(item.get('mentions', 0))} mentions"
            f"</span> {evidence(first) if first else ''}</li>"
        )
    return f"<ul>{''.join(rows)}</ul>" if rows else "<p>—</p>"


def _round(item: Mapping[str, Any], kind: str) -> str:
    heads = ", ".join(
        f"{e(h.get('name'))} ({e(', '.join(str(v) for v in (h.get('title'), h.get('country')) if v))})"  # noqa: E501
        for h in item.get("delegation_heads") or []
    )
    outcomes = evidence_list(item.get("outcomes"))
    return (
        f'<li class="round {e(kind)}">'
        f'<div class="when">{window(item)}</div>'
        f'<div class="what"><strong class="venue">{e(item.get("venue") or "venue unknown")}'
        f"</strong> · {e(item.get('format') or 'format unknown')} · reported by "
        f"{e(item.get('corroboration', 0))} snippet(s)"
        f"<div>Delegations: {heads or '—'}</div>"
        f"<div>Outcomes: {outcomes or '—'}</div>"
        f"<details><summary>Evidence</summary>{evidence_list(item.get('evidence'))}</details>"
        "</div></li>"
    )


def _issues(items: Iterable[Mapping[str, Any]] | None) -> str:
    blocks = []
    for issue in items or []:
        positions = sorted(issue.get("positions") or [], key=lambda p: str(p.get("when") or ""))
        rows = "".join(
            f"<tr><td>{e(p.get('when') or '—')}</td><td>{e(', '.join(p.get('actors') or []))}"
            f"</td><td>{e(p.get('stance') or '—')}{' · sticking' if p.get('sticking') else ''}"
            f"</td><td>{evidence(p.get('evidence'))}</td></tr>"
            for p in positions
        )
        sticking = ' <span class="tag">sticking point</span>' if issue.get("sticking_point") else ""
        blocks.append(
            f'<section class="issue"><h3>{e(issue.get("issue"))}{sticking} '
            f'<span class="muted">{e(issue.get("mentions", 0))} mentions</span></h3>'
            "<table><thead><tr><th>When</th><th>Who</th><th>Position</th><th>Evidence</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></section>"
        )
    return "".join(blocks) or "<p>No issues reported.</p>"


def _measures(items: Iterable[Mapping[str, Any]] | None, exchanged: Any) -> str:
    rows = "".join(
        f"<tr><td>{e(m.get('kind'))}</td><td>{e(m.get('status'))}</td>"
        f"<td>{e(', '.join(f'{k} {v}' for k, v in sorted((m.get('stages') or {}).items())))}</td>"
        f"<td>{e(m.get('count') if m.get('count') is not None else '—')}</td>"
        f"<td>{window(m)}</td><td>{e(m.get('corroboration', 0))}</td>"
        f"<td>{evidence_list(m.get('evidence'), 3)}</td></tr>"
        for m in items or []
    )
    total = f"<p>People freed in exchanges reported as done: <strong>{e(exchanged)}</strong></p>"
    if not rows:
        return total + "<p>No agreements or exchanges reported.</p>"
    return (
        total + '<table class="measures"><thead><tr><th>Kind</th><th>Status</th><th>Reports per '
        "stage</th><th>Count</th><th>When</th><th>Snippets</th><th>Evidence</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def figure(claim: Mapping[str, Any]) -> str:
    if claim.get("value") is not None:
        number = f"{claim['value']:,}" if isinstance(claim["value"], int) else claim["value"]
    else:
        number = f"{claim.get('low')}–{claim.get('high')}"
    qualifier = claim.get("qualifier")
    prefix = "" if qualifier in (None, "exact") else str(qualifier).replace("_", " ") + " "
    return f"{e(prefix)}{e(number)} {e(claim.get('unit'))}"


def claims_side_by_side(claims: Mapping[str, Any] | None) -> str:
    by_claimant = (claims or {}).get("by_claimant") or {}
    if not by_claimant:
        return "<p>No casualty claims.</p>"
    columns = []
    for claimant, items in sorted(by_claimant.items()):
        rows = "".join(
            f'<li class="claim"><strong>{figure(c)}</strong> '
            f"<span class='muted'>side {e(c.get('side') or '—')}, as of "
            f"{e(c.get('as_of') or '—')}, {e(c.get('corroboration', 0))} snippet(s)</span>"
            f"{evidence_list(c.get('sources'), 2)}</li>"
            for c in items
        )
        columns.append(f'<section class="claimant"><h3>{e(claimant)}</h3><ul>{rows}</ul></section>')
    return f'<div class="side-by-side">{"".join(columns)}</div>'


def _statements(statements: Mapping[str, Any] | None) -> str:
    by_actor = (statements or {}).get("by_actor") or {}
    blocks = []
    for actor, items in sorted(by_actor.items()):
        rows = "".join(
            f"<li><span class='stance stance-{e(s.get('stance'))}'>{e(s.get('stance'))}</span> "
            f"{e(s.get('subtype') or '')} {evidence(s)}</li>"
            for s in items[:5]
        )
        blocks.append(f"<section><h3>{e(actor)}</h3><ul>{rows}</ul></section>")
    return "".join(blocks) or "<p>No statements.</p>"


def process_page(
    process: str,
    tables: Mapping[str, Any],
    as_of: str | None,
) -> str:
    state = tables.get("negotiations") or {}
    status = state.get("status") or {}
    strikes = tables.get("strike_activity") or {}
    rounds = "".join(_round(r, "held") for r in state.get("rounds") or [])
    planned = "".join(_round(r, "planned") for r in state.get("planned") or [])
    recent = "".join(
        f'<li><span class="type">{e(item.get("type"))}</span> {evidence(item)}</li>'
        for item in state.get("recent") or []
    )
    counts = "".join(
        f"<li>{e(k)}: {e(v)}</li>" for k, v in sorted((state.get("counts") or {}).items())
    )
    timeline_link = href("/ui/timeline", process=process, as_of=as_of)
    hosted = [*(state.get("mediators") or []), *(state.get("hosts") or [])]
    strikes_link = href("/ui/strikes", process=process, as_of=as_of)
    return f"""
<section class="summary" data-process="{e(process)}">
<p>Status {status_badge(status)} <span class="muted">{e(status.get("rule"))}</span>
{evidence(status.get("evidence")) if status.get("evidence") else ""}</p>
<div class="columns">
<section><h2>Parties</h2>{_participants(state.get("parties"))}</section>
<section><h2>Mediators and hosts</h2>{_participants(hosted)}</section>
<section><h2>Events</h2><p>{e(state.get("event_count", 0))} in all</p><ul>{counts}</ul>
<p><a href="{timeline_link}">timeline of this process</a> ·
<a href="{strikes_link}">strikes: {e(strikes.get("total", 0))}</a></p></section>
</div>
</section>
<section id="rounds"><h2>Rounds</h2>
<h3>Next meeting</h3><p class="next-meeting">{next_meeting(state)}</p>
{evidence_list((state.get("next_meeting") or {}).get("evidence"), 2)}
<ol class="timeline">{rounds or "<li>No rounds held.</li>"}</ol>
<h3>Planned</h3><ol class="timeline">{planned or "<li>None planned.</li>"}</ol>
</section>
<section id="issues"><h2>Issues and positions</h2>{_issues(state.get("issues"))}</section>
<section id="measures"><h2>Agreements and exchanges</h2>
{_measures(state.get("measures"), state.get("prisoners_exchanged", 0))}</section>
<section id="claims"><h2>Casualty claims, side by side</h2>
{claims_side_by_side(tables.get("casualty_claims"))}</section>
<section id="statements"><h2>Statements</h2>{_statements(tables.get("statements"))}</section>
<section id="recent"><h2>Recent events</h2><ul class="recent">{recent}</ul></section>
"""


# Timeline -----------------------------------------------------------------------------------


def _select(
    name: str,
    options: Iterable[str],
    chosen: Iterable[str],
    multiple: bool,
    any_option: bool = True,
) -> str:
    picked = set(chosen)
    rows = "" if multiple or not any_option else '<option value="">any</option>'
    rows += "".join(
        f'<option value="{e(o)}"{" selected" if o in picked else ""}>{e(o)}</option>'
        for o in options
    )
    many = " multiple size=4" if multiple else ""
    return f'<select name="{e(name)}" id="f-{e(name)}"{many}>{rows}</select>'


def timeline_page(
    events: list[Mapping[str, Any]],
    filters: Mapping[str, Any],
    processes: list[str],
    total: int,
) -> str:
    form = (
        '<form class="filters" method="get" action="/ui/timeline">'
        f"<label>type {_select('type', EVENT_TYPES, filters.get('types') or [], True)}</label>"
        f"<label>process {_select('process', processes, [filters.get('process') or ''], False)}"
        "</label>"
        f'<label>actor <input name="actor" id="f-actor" value="{e(filters.get("actor"))}">'
        "</label>"
        f'<label>place <input name="place" id="f-place" value="{e(filters.get("place"))}">'
        "</label>"
        f'<label>from <input name="from" id="f-from" type="date" value="{e(filters.get("from"))}">'
        "</label>"
        f'<label>to <input name="to" id="f-to" type="date" value="{e(filters.get("to"))}"></label>'
        f'<input type="hidden" name="as_of" value="{e(filters.get("as_of"))}">'
        '<button type="submit" id="f-apply">filter</button> '
        '<a href="/ui/timeline">clear</a></form>'
    )
    rows = []
    for item in events:
        actors = ", ".join(
            f"{e(a.get('name'))}{' (' + e(a.get('role')) + ')' if a.get('role') else ''}"
            for a in item.get("actors") or []
        )
        places = ", ".join(e(p.get("name")) for p in item.get("places") or [])
        kind = e(item.get("type")) + (f"/{e(item.get('subtype'))}" if item.get("subtype") else "")
        when = event_date(item.get("date")) or e(str(item.get("published_at") or "")[:10])
        rows.append(
            f'<tr class="event" data-type="{e(item.get("type"))}" '
            f'data-process="{e(item.get("process"))}">'
            f"<td>{when}</td><td>{kind}<br><span class='muted'>{e(item.get('modality'))}</span>"
            f"</td><td>{process_link(str(item.get('process')), filters.get('as_of'))}</td>"
            f"<td>{actors or '—'}</td><td>{places or '—'}</td><td>{evidence(item)}</td></tr>"
        )
    shown = f'<p class="count" id="event-count">{len(events)} of {total} events</p>'
    table = (
        '<table class="events"><thead><tr><th>When</th><th>Type</th><th>Process</th>'
        "<th>Actors</th><th>Places</th><th>Sentence and provenance</th></tr></thead>"
        f'<tbody id="events">{"".join(rows)}</tbody></table>'
    )
    return form + shown + table


def evidence_page(
    snippet_id: str,
    snippet: Mapping[str, Any] | None,
    events: list[Mapping[str, Any]],
    span: tuple[int, int] | None,
) -> str:
    if snippet is None:
        return f"<p class='empty'>Snippet {e(snippet_id)} is not in the snippets topic.</p>"
    text = str(snippet.get("text") or "")
    if span is not None:
        start, end = span
        body = f"{e(text[:start])}<mark id='highlight'>{e(text[start:end])}</mark>{e(text[end:])}"
    else:
        body = e(text)
    link = safe_url(snippet.get("url"))
    link_html = (
        f'<a class="source-link" href="{e(link)}" rel="noreferrer">{e(link)}</a>'
        if link
        else e(snippet.get("url") or "—")
    )
    rows = "".join(
        f"<li><a href='{evidence_href(snippet_id, item.get('id'))}'>{e(item.get('type'))}"
        f"{'/' + e(item.get('subtype')) if item.get('subtype') else ''}</a> · "
        f"{e(item.get('process'))} · <q>{e((item.get('sentence') or {}).get('text'))}</q></li>"
        for item in events
    )
    return (
        '<dl class="provenance">'
        f"<dt>Snippet</dt><dd>{e(snippet_id)}</dd>"
        f'<dt>Source</dt><dd class="source">{e(snippet.get("source") or "—")}</dd>'
        f"<dt>Published</dt><dd>{e(snippet.get('published_at') or '—')}</dd>"
        f"<dt>Link</dt><dd>{link_html}</dd></dl>"
        f'<blockquote class="snippet" id="snippet-text">{body}</blockquote>'
        f"<h2>Events read from this snippet</h2><ul>{rows or '<li>none</li>'}</ul>"
    )


# Strikes, tables, health --------------------------------------------------------------------


def strikes_page(
    chart: str, days: list[Mapping[str, Any]], filters: Mapping[str, Any], processes: list[str]
) -> str:
    by = filters.get("by") or "place"
    form = (
        '<form class="filters" method="get" action="/ui/strikes">'
        f"<label>process {_select('process', processes, [filters.get('process') or ''], False)}"
        "</label>"
        f"<label>by {_select('by', ['place', 'weapon'], [by], False, any_option=False)}"
        "</label>"
        f'<label>from <input name="from" type="date" value="{e(filters.get("from"))}"></label>'
        f'<label>to <input name="to" type="date" value="{e(filters.get("to"))}"></label>'
        f'<input type="hidden" name="as_of" value="{e(filters.get("as_of"))}">'
        '<button type="submit">show</button></form>'
    )
    rows = "".join(
        f"<tr><td>{e(d['day'])}</td><td>{e(d['count'])}</td><td>"
        f"{e(', '.join(f'{k} {v}' for k, v in sorted(d['parts'].items())))}</td></tr>"
        for d in days
    )
    total = sum(int(d["count"]) for d in days)
    return (
        form
        + f'<p id="strike-total">{e(total)} strikes on {e(len(days))} days, by {e(by)}</p>'
        + f'<figure id="strike-chart">{chart}</figure>'
        + f"<table><thead><tr><th>Day</th><th>Strikes</th><th>By {e(by)}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def tables_index(counts: Mapping[str, int], as_of: str | None) -> str:
    rows = "".join(
        f'<tr><td><a href="{href(f"/ui/tables/{seg(name)}", as_of=as_of)}">{e(name)}</a></td>'
        f"<td>{e(n)}</td></tr>"
        for name, n in sorted(counts.items())
    )
    return (
        '<table id="tables"><thead><tr><th>Table</th><th>Keys</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def table_page(table: str, values: Mapping[str, Any], query: str, as_of: str | None) -> str:
    form = (
        f'<form class="filters" method="get" action="/ui/tables/{e(seg(table))}">'
        f'<label>key contains <input name="q" id="f-q" value="{e(query)}"></label>'
        f'<input type="hidden" name="as_of" value="{e(as_of)}">'
        '<button type="submit">search</button></form>'
    )
    rows = "".join(
        f'<details class="key" data-key="{e(key)}"><summary>'
        f'<a href="{href(f"/ui/tables/{seg(table)}/{seg(key)}", as_of=as_of)}">{e(key)}</a>'
        f"</summary>{json_block(value)}</details>"
        for key, value in sorted(values.items())
    )
    return form + f'<p id="key-count">{len(values)} keys</p>' + (rows or "<p>No keys.</p>")


def health_page(report: Mapping[str, Any]) -> str:
    kafka = report.get("kafka") or {}
    tables = report.get("tables") or {}
    worker = report.get("worker") or {}
    lag_rows = "".join(
        f"<tr><td>{e(item['topic'])}</td><td>{e(item['partition'])}</td>"
        f"<td>{e(item['end_offset'])}</td><td>{e(item['committed'])}</td>"
        f"<td>{e(item['lag'])}</td></tr>"
        for item in kafka.get("lag") or []
    )
    table_rows = "".join(
        f"<tr><td>{e(t['table'])}</td><td>{e(t['changelog'])}</td><td>{e(t['keys_here'])}</td>"
        f"<td>{e(t['active_partitions'])}</td><td>{e(t['standby_partitions'])}</td></tr>"
        for t in tables.get("tables") or []
    )
    per_type = "".join(
        f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>"
        for k, v in (kafka.get("events_per_type") or {}).items()
    )
    broker = kafka.get("broker") or {}
    brokers = ", ".join(
        f"{e(b.get('node_id'))}@{e(b.get('host'))}:{e(b.get('port'))}"
        for b in broker.get("brokers") or []
    )
    error = f"<p class='note'>Kafka: {e(kafka.get('error'))}</p>" if kafka.get("error") else ""
    counters = ", ".join(f"{k} {v}" for k, v in sorted((worker.get("processed") or {}).items()))
    return f"""{error}
<section class="columns">
<section><h2>Worker</h2><dl id="worker">
<dt>Status</dt><dd id="status">{e(report.get("status"))}</dd>
<dt>App id</dt><dd>{e(worker.get("app_id"))}</dd><dt>URL</dt><dd>{e(worker.get("url"))}</dd>
<dt>Host / pid</dt><dd>{e(worker.get("hostname"))} / {e(worker.get("pid"))}</dd>
<dt>Uptime</dt><dd>{e(worker.get("uptime_s"))} s</dd>
<dt>Versions</dt><dd>Python {e(worker.get("python"))}, faust {e(worker.get("faust"))},
aiokafka {e(worker.get("aiokafka"))}</dd>
<dt>Assigned</dt><dd>{e(len(worker.get("assigned_partitions") or []))} partitions</dd>
<dt>Processed</dt><dd>{e(counters)}</dd>
</dl></section>
<section><h2>Broker</h2><dl>
<dt>Bootstrap</dt><dd>{e(broker.get("bootstrap_servers"))}</dd>
<dt>Cluster</dt><dd>{e(broker.get("cluster_id"))}</dd>
<dt>Controller</dt><dd>{e(broker.get("controller_id"))}</dd>
<dt>Brokers</dt><dd>{brokers or "—"}</dd></dl>
<h2>Counts in Kafka</h2><dl>
<dt>Snippets</dt><dd>{e(kafka.get("snippets"))}</dd>
<dt>Dead letters</dt><dd id="deadletters">{e(kafka.get("deadletters"))}</dd>
<dt>Total lag</dt><dd id="total-lag">{e(kafka.get("total_lag"))}</dd></dl>
<table id="per-type"><thead><tr><th>Event type</th><th>Events</th></tr></thead>
<tbody>{per_type}</tbody></table></section>
</section>
<section><h2>Tables</h2><p>Recovered: <strong id="recovered">{e(tables.get("recovered"))}</strong>
· in recovery: {e(tables.get("in_recovery"))}</p>
<table><thead><tr><th>Table</th><th>Changelog</th><th>Keys here</th><th>Active partitions</th>
<th>Standby partitions</th></tr></thead><tbody>{table_rows}</tbody></table></section>
<section><h2>Consumer lag (group {e(kafka.get("group"))})</h2>
<table id="lag"><thead><tr><th>Topic</th><th>Partition</th><th>End offset</th><th>Committed</th>
<th>Lag</th></tr></thead><tbody>{lag_rows}</tbody></table></section>
"""
