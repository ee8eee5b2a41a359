"""HTML of the timeline, the evidence, the strikes chart, the tables and the health page."""

from collections.abc import Iterable, Mapping
from typing import Any

from schemas.events import EVENT_TYPES
from streams.web import digest, timeline
from streams.web.charts import ALL
from streams.web.html import (
    e,
    event_date,
    evidence,
    evidence_href,
    href,
    json_block,
    safe_url,
    seg,
    table,
)
from streams.web.html_overview import process_link

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
    rows = [_sentence_row(group, filters) for group in timeline.by_sentence(events)]
    shown = (
        f'<p class="count" id="event-count">{len(events)} of {total} events, '
        f"in {len(rows)} sentences; newest first by the day they happened</p>"
    )
    listing = (
        '<table class="events stack"><thead><tr><th>When (published)</th><th>Types</th>'
        "<th>Process</th><th>Actors</th><th>Places</th><th>Sentence and provenance</th></tr>"
        f'</thead><tbody id="events">{"".join(rows)}</tbody></table>'
    )
    return _timeline_form(filters, processes) + shown + listing


def _timeline_form(filters: Mapping[str, Any], processes: list[str]) -> str:
    return (
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


def _sentence_row(group: list[Mapping[str, Any]], filters: Mapping[str, Any]) -> str:
    """One sentence of the timeline, its types as badges, the events' actors and places."""
    item = group[0]
    actors = ", ".join(
        dict.fromkeys(
            f"{e(a.get('name'))}{' (' + e(a.get('role')) + ')' if a.get('role') else ''}"
            for ev in group
            for a in ev.get("actors") or []
        )
    )
    places = ", ".join(
        dict.fromkeys(e(p.get("name")) for ev in group for p in ev.get("places") or [])
    )
    kinds = "".join(
        f'<span class="type type-{e(ev.get("type"))}">{e(_kind(ev))}</span>' for ev in group
    )
    types = " ".join(dict.fromkeys(str(ev.get("type")) for ev in group))
    when = event_date(item.get("date")) or e(str(item.get("published_at") or "")[:10])
    published = e(str(item.get("published_at") or "")[:16].replace("T", " "))
    return (
        f'<tr class="event" data-type="{e(item.get("type"))}" data-types="{e(types)}" '
        f'data-process="{e(item.get("process"))}" data-day="{e(timeline.event_day(item))}" '
        f'data-published="{e(item.get("published_at"))}" '
        f'data-sentence="{e(item.get("snippet_id"))}#{e(_start(item))}">'
        f'<td data-label="When">{when}<br><span class="muted">published {published}</span>'
        f'</td><td data-label="Types">{kinds}<br>'
        f"<span class='muted'>{e(item.get('modality'))}</span></td>"
        f'<td data-label="Process">'
        f"{process_link(str(item.get('process')), filters.get('as_of'))}</td>"
        f'<td data-label="Actors">{actors or "—"}</td>'
        f'<td data-label="Places">{places or "—"}</td>'
        f'<td data-label="Sentence">{evidence(item)}</td></tr>'
    )


def _start(event: Mapping[str, Any]) -> Any:
    sentence = event.get("sentence") or {}
    return sentence.get("start", sentence.get("index"))


def _kind(event: Mapping[str, Any]) -> str:
    kind = str(event.get("type") or "").replace("_", " ")
    subtype = event.get("subtype")
    # "statement: stated" says nothing more than "statement".
    if not subtype or subtype == "public_statement":
        return kind
    return f"{kind}: {digest.words(subtype)}"


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
    # Feeds that give the page address as their source have no other link.
    link = safe_url(snippet.get("url")) or safe_url(snippet.get("source"))
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


def _parts(parts: Mapping[str, Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(parts.items()))


def strikes_page(
    chart: str, days: list[Mapping[str, Any]], filters: Mapping[str, Any], processes: list[str]
) -> str:
    by = filters.get("by") or "place"
    chosen = filters.get("process") or ALL
    form = (
        '<form class="filters" method="get" action="/ui/strikes">'
        f"<label>process {_select('process', [*processes, ALL], [chosen], False, False)}"
        "</label>"
        f"<label>by {_select('by', ['place', 'weapon'], [by], False, any_option=False)}"
        "</label>"
        f'<label>from <input name="from" type="date" value="{e(filters.get("from"))}"></label>'
        f'<label>to <input name="to" type="date" value="{e(filters.get("to"))}"></label>'
        f'<input type="hidden" name="as_of" value="{e(filters.get("as_of"))}">'
        '<button type="submit">show</button></form>'
    )
    rows = [
        [
            e(d["day"]),
            e(d["count"]),
            e(", ".join(f"{k} {v}" for k, v in sorted(d["parts"].items()))),
        ]
        for d in reversed(days)
    ]
    total = sum(int(d["count"]) for d in days)
    scope = "all processes" if chosen == ALL else chosen
    return (
        form + f'<p id="strike-total">{e(total)} strikes on {e(len(days))} days in {e(scope)}, '
        f"by {e(by)}</p>"
        + f'<figure id="strike-chart">{chart}</figure>'
        + table(("Day", "Strikes", f"By {by}"), rows, css="strike-days")
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
    loop = worker.get("loop") or {}
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
<dt>Loop stalls</dt><dd id="loop-stalls">{e(loop.get("stalls"))} over {e(loop.get("stall_ms"))} ms,
longest {e(loop.get("longest_ms"))} ms; {e(loop.get("stalls_in_window"))} in the last
{e(loop.get("window_s"))} s</dd>
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
